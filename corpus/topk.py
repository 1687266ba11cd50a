"""The exact top-k of :mod:`corpus.ranking`'s formula over every match of a topic (a threshold
algorithm over BM25 candidates and impact tiers), and the plan that picks its path."""

from __future__ import annotations

import heapq
import math
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import tantivy

from . import ranking
from .champion_search import champion_top
from .champions import Lists
from .filters import Filters
from .index import SearchIndex
from .query import FIELD, Accept, Occur, _single_term, acceptor, topic_query, with_filters
from .topic import Topic

COMMON_SHARE = 0.5  # a word in this share of the quotes gets its top tier scanned beside the first round
FIRST = 1_000  # pure-BM25 candidates fetched first by exact_top ("Russia" stops there at 1M)
GROW = 4
LAST = 4_000  # past this many BM25 candidates the impact tiers are scanned instead


Scored = list[tuple[float, tantivy.DocAddress]]


def _tier_query(scan: tantivy.Query, schema: tantivy.Schema, tier: int) -> tantivy.Query:
    return tantivy.Query.boolean_query([
        (Occur.Must, scan),
        (Occur.Must, tantivy.Query.const_score_query(
            tantivy.Query.term_query(schema, "tier", tier, index_option="basic"), 0.0)),
    ])


def exact_top(searcher: tantivy.Searcher, query: tantivy.Query, k: int, first: int = FIRST, *,
              bound: float = ranking.MAX_BOOST, filtered: bool = False, accept: Accept | None = None,
              scan: tantivy.Query | None = None, schema: tantivy.Schema | None = None,
              common: bool = False) -> tuple[list[tuple[float, int, tantivy.DocAddress]], bool]:
    """The exact top-``k`` of ``bm25 × boost`` as (score, quote id, address), and whether more match.

    A threshold algorithm in two directions, relevance and boost:

    1. The best ``n`` matches of ``query`` by BM25 alone come from tantivy's block-max WAND, which
       skips the blocks of postings that cannot reach the n-th score. Each is scored exactly.
       Every match not fetched has ``bm25 ≤ s_n`` (the n-th BM25) and ``boost ≤ bound`` (the
       index's largest boost, :meth:`corpus.index.SearchIndex.max_boost`), so once the k-th
       blended score among the fetched reaches ``s_n × bound`` no other match can enter the
       top-k: the answer is exact. Otherwise ``n`` grows, up to :data:`LAST`.
    2. Then the impact tiers (:data:`corpus.ranking.TIER_CUTS`), heaviest first: the weighted
       collector scores every match of ``scan`` in tier 0, 1, … (an intersection with the tier's
       postings). After tier ``t`` every match not yet scored has ``boost < TIER_CUTS[t]`` and,
       not being fetched in 1, ``bm25 ≤ s_n``: the k-th score reaching ``s_n × TIER_CUTS[t]``
       stops it. A common word ("the": every BM25 close to the largest, the order decided by
       the boost) stops after the top tier or two; the last tier is every remaining match.

    ``accept`` keeps the candidates that pass the filters (fast fields) when ``query`` is the
    topic alone and ``scan`` the topic with its filters. A ``filtered`` query (filter clauses
    WAND cannot prune with) goes straight to one weighted scan of everything. For a ``common``
    word (WAND skips little of it and the top tier will be needed) the top tier's scan runs on
    a second thread beside the first round: tantivy releases the GIL while it searches.
    """
    scan = scan if scan is not None else query
    ahead = (_POOL.submit(_tier_scan, searcher, scan, schema, 0, k)
             if common and schema is not None and not filtered else None)
    fetched: Scored = []
    s_n = math.inf
    n = max(first, k + 1)
    while not filtered:
        hits = searcher.search(query, n, count=False).hits
        addrs = [a for _, a in hits]
        weights = searcher.fast_field_values("weight", addrs)
        keep = accept(searcher, addrs) if accept is not None else [True] * len(addrs)
        fetched = [(bm25 * math.log2(2.0 + float(w or 0.0)), a) for (bm25, a), w, ok in
                   zip(hits, weights, keep, strict=True) if ok]
        if len(hits) < n:  # every match fetched
            return _finish(searcher, fetched, k, more=False)
        s_n = hits[-1][0]
        kth = _kth(fetched, k)
        if kth >= s_n * bound:
            return _finish(searcher, fetched, k, more=True)
        # The tiers a scan would need at least (the k-th can only rise): few, and they are cheaper
        # than more candidates, whose WAND threshold falls and skips ever less.
        if n >= LAST or (schema is not None and _tiers_needed(kth, s_n) <= TIERS_AT_ONCE):
            break
        n = min(n * GROW, LAST)
    if schema is None or filtered or (accept is not None and len(fetched) < k):
        # No tiers, or a selective filter (fewer than k of the candidates pass): one scan of
        # the filtered matches beats a scan per tier of them.
        res = searcher.search(scan, k + 1, count=False, weight_by_field="weight")
        top = [(float(score), a) for score, a in res.hits[:k]]
        ids = searcher.fast_field_values("id", [a for _, a in top])
        return [(score, int(qid or 0), a) for (score, a), qid in zip(top, ids, strict=True)], len(res.hits) > k
    return _finish(searcher, by_tiers(searcher, scan, schema, fetched, s_n, k, ahead), k, more=True)


_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tier-scan")


def _tier_scan(searcher: tantivy.Searcher, scan: tantivy.Query, schema: tantivy.Schema, t: int, k: int) -> Scored:
    res = searcher.search(_tier_query(scan, schema, t), k + 1, count=False, weight_by_field="weight")
    return [(float(score), a) for score, a in res.hits]


def by_tiers(searcher: tantivy.Searcher, scan: tantivy.Query, schema: tantivy.Schema, fetched: Scored,
             s_n: float, k: int, ahead: Future[Scored] | None = None) -> Scored:
    """``fetched`` (exactly scored) and the best ``k + 1`` of each tier scanned, heaviest first, until
    no match left can enter the top-``k``: every one has a boost below the last tier's cut and
    ``bm25 ≤ s_n`` (``s_n`` bounds every match of ``scan`` not in ``fetched``). ``ahead``: tier 0's
    scan, already under way."""
    pool = {(a.segment_ord, a.doc): (score, a) for score, a in fetched}
    for t in range(len(ranking.TIER_CUTS) + 1):
        hits = ahead.result() if t == 0 and ahead is not None else _tier_scan(searcher, scan, schema, t, k)
        for score, a in hits:
            pool[(a.segment_ord, a.doc)] = (score, a)
        if t < len(ranking.TIER_CUTS) and _kth(list(pool.values()), k) >= s_n * ranking.TIER_CUTS[t] * (1 + 1e-6):
            break
    return list(pool.values())


TIERS_AT_ONCE = 2  # scan the tiers at once when this many or fewer would do


def _tiers_needed(kth: float, s_n: float) -> int:
    """How many tiers must be scanned before ``kth`` beats ``s_n ×`` the next cut."""
    ratio = kth / s_n if s_n > 0 else math.inf
    return next((t + 1 for t, cut in enumerate(ranking.TIER_CUTS) if cut * (1 + 1e-6) <= ratio),
                len(ranking.TIER_CUTS) + 1)


def _kth(scored: Scored, k: int) -> float:
    if len(scored) < k:
        return -math.inf
    return heapq.nlargest(k, (s for s, _ in scored))[-1]


def _finish(searcher: tantivy.Searcher, scored: Scored, k: int,
            *, more: bool) -> tuple[list[tuple[float, int, tantivy.DocAddress]], bool]:
    top = heapq.nlargest(k, scored, key=lambda t: t[0])
    ids = searcher.fast_field_values("id", [a for _, a in top])
    return [(score, int(qid or 0), a) for (score, a), qid in zip(top, ids, strict=True)], more or len(scored) > k


@dataclass(frozen=True, slots=True)
class Plan:
    """How :func:`exact_top` answers one topic under its filters."""

    query: tantivy.Query  # the topic alone (pruned by WAND), or with its filters when ``filtered``
    scan: tantivy.Query  # the topic with its filters: what the weighted full scan scores
    accept: Accept | None  # the filters on fast fields, for the candidates of ``query``
    filtered: bool  # filters only the scan can apply (kind, source)
    bound: float  # the index's largest boost
    schema: tantivy.Schema
    common: bool = False  # one word in half the quotes or more (COMMON_SHARE)
    term: str | None = None  # the one indexed word of an unfiltered topic
    champions: Lists | None = None  # its champion lists (corpus.champions), when kept and current

    def top(self, searcher: tantivy.Searcher, k: int) -> tuple[list[tuple[float, int, tantivy.DocAddress]], bool]:
        if self.champions is not None and self.term is not None:
            proven = champion_top(searcher, self.schema, self.term, self.champions, k)
            if proven is not None:
                return proven
        return exact_top(searcher, self.query, k, bound=self.bound, filtered=self.filtered, accept=self.accept,
                         scan=self.scan, schema=self.schema, common=self.common)


def make_plan(idx: SearchIndex, topic: Topic, filters: Filters) -> Plan | None:
    """Call after taking the searcher: the bound read now covers every quote it sees."""
    main = topic_query(idx, topic)
    if main is None:
        return None
    scan = with_filters(idx, main, filters)
    if topic.phrases or topic.alternatives or any(w.endswith("*") for w in topic.terms):
        # Phrases, prefixes and alternatives are no plain term scorers: WAND skips nothing of
        # them, so each round would score every match. One weighted scan does it once.
        return Plan(scan, scan, None, True, idx.max_boost(), idx.schema)
    term = _single_term(idx, topic)
    searcher = idx.searcher()
    common = term is not None and searcher.doc_freq(FIELD, term) >= COMMON_SHARE * max(1, searcher.num_docs)
    if scan is main:
        lists = idx.champions.lookup(term) if term is not None else None
        return Plan(main, main, None, False, idx.max_boost(), idx.schema, common, term, lists)
    accept = acceptor(filters)
    if accept is None:
        return Plan(scan, scan, None, True, idx.max_boost(), idx.schema)
    return Plan(main, scan, accept, False, idx.max_boost(), idx.schema, common)
