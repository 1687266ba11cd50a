"""Questions answered from the champion lists (:mod:`corpus.champions`): the exact top-k of a champion
word and each speaker's best quote, or None / nobody where the lists cannot prove the answer.

A class's BM25 is read from tantivy itself (one listed quote per class, scored by the term query),
so the scores are the index's own; the lists' ``theta`` bounds every quote left out."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable

import tantivy

from .champions import FIELD, Lists

Scored = list[tuple[float, int, tantivy.DocAddress]]


def _ids_query(schema: tantivy.Schema, ids: Iterable[int]) -> tantivy.Query:
    """Exactly these quotes (a union of id terms: cheaper than a term set, which reads the id column)."""
    return tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "id", i, index_option="basic")) for i in ids])


_HEADS: dict[str, tuple[Lists, dict[int, tuple[int, int]], tantivy.Query]] = {}  # per word, for its current lists


def _heads_query(schema: tantivy.Schema, term: str,
                 lists: Lists) -> tuple[dict[int, tuple[int, int]], tantivy.Query] | None:
    """The first listed quote of each class (id → class) and the query scoring them by ``term``; made
    once per lists (a published lists object never changes: a sync writes new ones)."""
    cached = _HEADS.get(term)
    if cached is not None and cached[0] is lists:
        return cached[1], cached[2]
    heads = {cl.ids[0]: c for c, cl in lists.items() if cl.ids}
    if len(heads) != sum(1 for cl in lists.values() if cl.ids):
        return None  # one quote heading two classes: the lists are not this index's
    if any(not cl.ids and cl.theta > -math.inf for cl in lists.values()):
        return None  # a class with quotes but none listed: its BM25 cannot be read
    q = tantivy.Query.boolean_query([
        (tantivy.Occur.Must, tantivy.Query.const_score_query(_ids_query(schema, heads), 0.0)),
        (tantivy.Occur.Should, tantivy.Query.term_query(schema, FIELD, term, index_option="freq")),
    ])
    _HEADS[term] = (lists, heads, q)
    return heads, q


def class_scores(searcher: tantivy.Searcher, schema: tantivy.Schema, term: str,
                 lists: Lists) -> dict[tuple[int, int], float] | None:
    """Each class's BM25 now: one quote of it scored by tantivy (None when the lists and index disagree)."""
    made = _heads_query(schema, term, lists)
    if made is None:
        return None
    heads, q = made
    if not heads:
        return {}
    hits = searcher.search(q, len(heads), count=False).hits
    ids = searcher.fast_field_values("id", [a for _, a in hits])
    out = {heads[int(i or 0)]: float(s) for (s, _), i in zip(hits, ids, strict=True) if int(i or 0) in heads}
    return out if len(out) == len(heads) else None


def outside_bound(lists: Lists, bm25: dict[tuple[int, int], float]) -> float:
    """No quote left out of the lists scores above this."""
    return max((bm25[c] * math.log2(2.0 + cl.theta) for c, cl in lists.items() if cl.theta > -math.inf and c in bm25),
               default=-math.inf)


def champion_top(searcher: tantivy.Searcher, schema: tantivy.Schema, term: str, lists: Lists,
                 k: int) -> tuple[Scored, bool] | None:
    """The exact top-``k`` of ``bm25 × boost`` for one champion word, or None when the lists cannot prove it."""
    bm25 = class_scores(searcher, schema, term, lists)
    if bm25 is None:
        return None
    heap = [(-bm25[c] * math.log2(2.0 + cl.weights[0]), c, 0) for c, cl in lists.items() if cl.ids]
    heapq.heapify(heap)
    top: list[tuple[float, int]] = []
    while heap and len(top) < k:
        neg, c, i = heapq.heappop(heap)
        cl = lists[c]
        top.append((-neg, cl.ids[i]))
        if i + 1 < len(cl.ids):
            heapq.heappush(heap, (-bm25[c] * math.log2(2.0 + cl.weights[i + 1]), c, i + 1))
    bound = outside_bound(lists, bm25)
    if len(top) < k and bound > -math.inf or top and top[-1][0] < bound:
        return None
    more = bool(heap) or bound > -math.inf
    if not top:
        return [], more
    hits = searcher.search(_ids_query(schema, [q for _, q in top]), len(top), count=False).hits
    addr = dict(zip(searcher.fast_field_values("id", [a for _, a in hits]), (a for _, a in hits), strict=True))
    if len(addr) != len(top):
        return None
    return [(score, qid, addr[qid]) for score, qid in top], more


def champion_best(searcher: tantivy.Searcher, schema: tantivy.Schema, term: str, lists: Lists,
                  speakers: set[int]) -> dict[int, tuple[float, int]]:
    """Each speaker's best quote (score, id) where the lists prove it; the others are left out."""
    bm25 = class_scores(searcher, schema, term, lists)
    if bm25 is None:
        return {}
    bound = outside_bound(lists, bm25)
    best: dict[int, tuple[float, int]] = {}
    for c, cl in lists.items():
        f = bm25.get(c)
        if f is None or not cl.ids or f * math.log2(2.0 + cl.weights[0]) < bound:
            continue  # nothing in this class reaches the bound: it proves nobody's best
        for qid, w, sid in zip(cl.ids, cl.weights, cl.speakers, strict=True):
            score = f * math.log2(2.0 + w)
            if score < bound:
                break  # heaviest first: the rest of the class scores less
            if sid in speakers and (sid not in best or score > best[sid][0]):
                best[sid] = (score, qid)
    return best
