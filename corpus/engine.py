"""Full-text questions answered by the index (corpus/index.py): exact top-k, collapsed copies, /who.

Every topic becomes a tantivy query built term by term — never parsed from user text, so no
syntax reaches the engine. Each word is analysed with the index's own analyzer (stemmed as the
quotes were) and matched in the quote text, the speaker's name and the article title with the
weights of :mod:`corpus.ranking`; the words are ANDed, phrases stay phrases, a topic's aliases
are ORed in. Filters are clauses of the same query (scoring 0, so they never change a score).

Ranking is the exact top-k of :mod:`corpus.ranking`'s formula over every match. Identical
wording (a wire story republished) is one result listing its sources: groups are ordered by
their best copy, and the window grows until it holds ``limit`` groups, so grouping never
changes which wordings come first.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, replace

import tantivy
from sqlite_utils import Database

from . import ranking
from .errors import SearchError
from .index import SearchIndex, search_index
from .search import Filters, Hit, Topic, _hits

Occur = tantivy.Occur


def _field_query(idx: SearchIndex, field: str, tokens: list[str], prefix: bool = False) -> tantivy.Query:
    if prefix:
        # A stem is at most a few letters shorter than its word ("negotiating" → "negoti"), so a
        # prefix matches the terms that start with it and the terms it starts with, down to 3
        # letters shorter. Tokens are the analyzer's output (lower-case letters and digits): no
        # regex syntax can come from the user.
        p = tokens[0]
        shorter = [p[:k] for k in range(max(2, len(p) - 3), len(p))]
        return tantivy.Query.regex_query(idx.schema, field, "|".join([p + ".*", *shorter]))
    if len(tokens) == 1:
        return tantivy.Query.term_query(idx.schema, field, tokens[0], index_option="freq")
    words: list[str | tuple[int, str]] = list(tokens)
    return tantivy.Query.phrase_query(idx.schema, field, words)


def _any_field(idx: SearchIndex, text: str, prefix: bool = False) -> tantivy.Query | None:
    """``text`` (a word or a phrase) in the quote, the speaker's names or the title."""
    tokens = (idx.plain_analyzer if prefix else idx.analyzer).analyze(text)
    if not tokens:
        return None
    if prefix:
        tokens = tokens[:1]
    clauses = []
    for field, boost in ranking.FIELD_BOOSTS.items():
        q = _field_query(idx, field, tokens, prefix)
        clauses.append((Occur.Should, q if boost == 1.0 else tantivy.Query.boost_query(q, boost)))
    return tantivy.Query.boolean_query(clauses)


def topic_query(idx: SearchIndex, topic: Topic) -> tantivy.Query | None:
    parts = [_any_field(idx, p) for p in topic.phrases]
    for word in topic.terms:
        core = word.rstrip("*")
        parts.append(_any_field(idx, core, prefix=word.endswith("*") and len(core) >= 2))
    present = [p for p in parts if p is not None]
    if not present:
        return None
    main = present[0] if len(present) == 1 else tantivy.Query.boolean_query([(Occur.Must, p) for p in present])
    alternatives = [a for a in (_any_field(idx, alias) for alias in topic.alternatives) if a is not None]
    if not alternatives:
        return main
    return tantivy.Query.boolean_query([(Occur.Should, q) for q in [main, *alternatives]])


def filter_queries(idx: SearchIndex, f: Filters) -> list[tantivy.Query]:
    """The filters as index clauses; they mean what :func:`corpus.search._filter_sql` means in SQLite."""
    s = idx.schema
    out: list[tantivy.Query] = []
    if f.speaker_ids:
        out.append(tantivy.Query.term_set_query(s, "speaker_id", list(f.speaker_ids)))
    if f.since or f.until:
        low = ranking.since_key(f.since) if f.since else 0  # 0 and up: a date-less quote never passes `until`
        high = ranking.until_key(f.until) if f.until else 99999999
        out.append(tantivy.Query.range_query(s, "day", tantivy.FieldType.Integer, low, high))
    if f.kind:
        out.append(tantivy.Query.term_query(s, "kind", f.kind, index_option="basic"))
    if f.source:
        out.append(tantivy.Query.term_query(s, "source", f.source.lower(), index_option="basic"))
    return out


def build_query(idx: SearchIndex, topic: Topic, filters: Filters) -> tantivy.Query | None:
    main = topic_query(idx, topic)
    if main is None:
        return None
    flt = filter_queries(idx, filters)
    if not flt:
        return main
    # A filter clause scores 0: the score stays bm25 × boost, exactly.
    return tantivy.Query.boolean_query(
        [(Occur.Must, main), *((Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in flt)]
    )


FIRST = 400  # pure-BM25 candidates fetched first by exact_top ("the" and "Russia" stop near 1,000 at 1M)
LAST = 20_000  # beyond this many candidates the weighted full scan is the cheaper exact path


def exact_top(searcher: tantivy.Searcher, query: tantivy.Query, k: int, first: int = FIRST,
              *, filtered: bool = False) -> tuple[list[tuple[float, int, tantivy.DocAddress]], bool]:
    """The exact top-``k`` of ``bm25 × boost`` as (score, quote id, address), and whether more match.

    A threshold algorithm: the best ``n`` matches by BM25 alone come from tantivy's block-max
    WAND, which skips most of a common term's postings. Every match not fetched has
    ``bm25 ≤ s_n`` (the n-th BM25) and ``boost ≤`` :data:`corpus.ranking.MAX_BOOST`, so once the
    k-th blended score among the fetched reaches ``s_n × MAX_BOOST`` no other match can enter
    the top-k: the answer is exact. Otherwise ``n`` grows; past :data:`LAST` the weighted
    collector scores every match (exact, linear). A ``filtered`` query (a Must clause beside the
    topic) gets no WAND pruning, so each round would score every match: it goes straight there.
    """
    n = max(first, k)
    more = False
    while not filtered and n < LAST:
        hits = searcher.search(query, n, count=False).hits
        addrs = [a for _, a in hits]
        weights = searcher.fast_field_values("weight", addrs)
        blended = sorted(((bm25 * math.log2(2.0 + float(w or 0.0)), a) for (bm25, a), w in
                          zip(hits, weights, strict=True)), key=lambda t: -t[0])
        if len(hits) < n:  # every match fetched
            top, more = blended[:k], len(blended) > k
            break
        if len(blended) >= k and blended[k - 1][0] >= hits[-1][0] * ranking.MAX_BOOST:
            top, more = blended[:k], True
            break
        n *= 3
    else:
        res = searcher.search(query, k + 1, count=False, weight_by_field="weight")
        top, more = [(float(score), a) for score, a in res.hits[:k]], len(res.hits) > k
    ids = searcher.fast_field_values("id", [a for _, a in top])
    return [(score, int(qid or 0), a) for (score, a), qid in zip(top, ids, strict=True)], more


@dataclass(frozen=True, slots=True)
class Ranked:
    groups: list[tuple[float, list[int]]]  # (score of the best copy, quote ids best first)
    more: bool  # matches beyond the returned groups exist


def top_groups(searcher: tantivy.Searcher, query: tantivy.Query, limit: int, *, filtered: bool = False) -> Ranked:
    """The ``limit`` best distinct wordings: groups ordered by their best copy (exact, see :func:`exact_top`)."""
    window = limit + limit // 4 + 5  # a few copies of one wording fit without a second round
    while True:
        top, more = exact_top(searcher, query, window, filtered=filtered)
        hashes = searcher.fast_field_values("text_hash", [a for _, _, a in top])
        groups: OrderedDict[int, tuple[float, list[int]]] = OrderedDict()
        for (score, qid, _), h in zip(top, hashes, strict=True):
            groups.setdefault(int(h or 0), (score, []))[1].append(qid)
        if len(groups) >= limit or not more:
            return Ranked(list(groups.values())[:limit], more or len(groups) > limit)
        window *= 4


def _sources(db: Database, ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out.update(db.execute(
            f"SELECT q.id, a.source FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE q.id IN ({','.join('?' * len(part))}) AND a.source IS NOT NULL", part).fetchall())
    return out


def hydrate(db: Database, groups: list[tuple[float, list[int]]]) -> list[Hit]:
    """Hits in rank order; a group's hit is its best copy, ``sources`` lists every copy's source."""
    best = _hits(db, [(ids[0], score) for score, ids in groups])
    by_id = {h.id: h for h in best}
    copies = [i for _, ids in groups if len(ids) > 1 for i in ids]
    source_of = _sources(db, copies) if copies else {}
    out: list[Hit] = []
    for _, ids in groups:
        hit = by_id.get(ids[0])
        if hit is None:  # deleted since the index saw it (the next sync removes it)
            continue
        if len(ids) > 1:
            names = list(dict.fromkeys(s for s in (source_of.get(i) for i in ids) if s))
            hit = replace(hit, sources=tuple(names))
        out.append(hit)
    return out


def ranked_search(db: Database, topic: Topic, filters: Filters, limit: int) -> tuple[list[Hit], bool]:
    """The ``limit`` best distinct wordings for ``topic`` and whether more matches exist."""
    idx = search_index(db)
    query = build_query(idx, topic, filters)
    if query is None:
        return [], False
    try:
        r = top_groups(idx.searcher(), query, limit, filtered=bool(filter_queries(idx, filters)))
    except ValueError as exc:
        raise SearchError(f"cannot search for that: {exc}") from exc
    return hydrate(db, r.groups), r.more


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    speaker_id: int
    count: int  # every matching quote of this speaker (the exact GROUP BY)
    best: Hit  # their best quote by the ranking formula


@dataclass(frozen=True, slots=True)
class Who:
    total: int
    unattributed: int
    speakers: int  # distinct speakers quoted on the topic
    top: list[SpeakerCount]


def speaker_counts(searcher: tantivy.Searcher, query: tantivy.Query, size: int) -> dict[int, int]:
    """Matching quotes per speaker id (0 = unattributed), exact: the terms aggregation is asked for
    more buckets than there are speakers, so no segment truncates its list."""
    agg = searcher.aggregate(query, {"by": {"terms": {"field": "speaker_id", "size": size, "shard_size": size}}})
    buckets = agg.get("by", {}).get("buckets", [])
    return {int(b["key"]): int(b["doc_count"]) for b in buckets}


def who(db: Database, topic: Topic, filters: Filters, *, limit: int = 5) -> Who:
    """Per-speaker counts over every match, and each leading speaker's best quote."""
    idx = search_index(db)
    query = build_query(idx, topic, filters)
    if query is None:
        return Who(0, 0, 0, [])
    searcher = idx.searcher()
    n_speakers = int(db.execute("SELECT coalesce(max(id), 0) FROM speakers").fetchone()[0])
    counts = speaker_counts(searcher, query, n_speakers + 2)
    unattributed = counts.pop(0, 0)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ordered:
        return Who(unattributed, unattributed, 0, [])
    # Speakers tied with the last one shown compete on their best quote (bounded).
    cut = ordered[min(limit, len(ordered)) - 1][1]
    contenders = [sid for sid, n in ordered if n >= cut][: limit + 20]
    best: dict[int, tuple[float, int]] = {}
    # One window over the topic gives most leaders' best quote at once: a speaker's first quote in
    # the exact top-k of the formula is their best; the others get a query of their own.
    filtered = bool(filter_queries(idx, filters))
    window, _ = exact_top(searcher, query, 20, filtered=filtered)
    wanted = set(contenders)
    for (score, qid, _), sid in zip(window, searcher.fast_field_values("speaker_id", [a for _, _, a in window]),
                                    strict=True):
        if sid in wanted and sid not in best:
            best[int(sid)] = (score, qid)  # type: ignore[arg-type]
    for sid in contenders:
        if sid not in best:
            one = tantivy.Query.boolean_query([
                (Occur.Must, query),
                (Occur.Must, tantivy.Query.const_score_query(
                    tantivy.Query.term_query(idx.schema, "speaker_id", sid, index_option="basic"), 0.0)),
            ])
            found, _ = exact_top(searcher, one, 1, filtered=True)
            if found:
                best[sid] = (found[0][0], found[0][1])
    contenders.sort(key=lambda sid: (-counts[sid], -best.get(sid, (0.0, 0))[0], sid))
    chosen = contenders[:limit]
    hits = {h.id: h for h in _hits(db, [(best[s][1], best[s][0]) for s in chosen if s in best])}
    top = [SpeakerCount(s, counts[s], hits[best[s][1]]) for s in chosen if s in best and best[s][1] in hits]
    return Who(sum(counts.values()) + unattributed, unattributed, len(counts), top)
