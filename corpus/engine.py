"""Full-text questions answered by the index (corpus/index.py): exact top-k, collapsed copies, /who.

Every topic becomes a tantivy query built term by term — never parsed from user text, so no
syntax reaches the engine. Each word is analysed with the index's own analyzer (stemmed as the
quotes were) and matched in the field holding the quote text, the speaker's names and the
article title (one field, so one word is one term scorer, which block-max WAND can prune); the
words are ANDed, phrases stay phrases, a topic's aliases are ORed in. Filters are clauses of the
same query (scoring 0, so they never change a score) or checks on the candidates' fast fields.

Ranking is the exact top-k of :mod:`corpus.ranking`'s formula over every match. Identical
wording (a wire story republished) is one result listing its sources: groups are ordered by
their best copy, and the window grows until it holds ``limit`` groups, so grouping never
changes which wordings come first.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

import tantivy
from sqlite_utils import Database

from . import ranking
from .errors import SearchError
from .index import SearchIndex, search_index
from .search import NO_FILTERS, Filters, Hit, Topic, _hits

Occur = tantivy.Occur


FIELD = "all"  # the quote text, the speaker's names and the article title (corpus.index)


def _any_field(idx: SearchIndex, text: str, prefix: bool = False) -> tantivy.Query | None:
    """``text`` (a word or a phrase) in the quote, the speaker's names or the title: one field, so
    a single word is a plain term query, the shape tantivy's block-max WAND prunes."""
    tokens = (idx.plain_analyzer if prefix else idx.analyzer).analyze(text)
    if not tokens:
        return None
    if prefix:
        # A stem is at most a few letters shorter than its word ("negotiating" → "negoti"), so a
        # prefix matches the terms that start with it and the terms it starts with, down to 3
        # letters shorter. Tokens are the analyzer's output (lower-case letters and digits): no
        # regex syntax can come from the user. Scores ranking.PREFIX_SCORE where it matches.
        p = tokens[0]
        shorter = [p[:k] for k in range(max(2, len(p) - 3), len(p))]
        return tantivy.Query.regex_query(idx.schema, FIELD, "|".join([p + ".*", *shorter]))
    if len(tokens) == 1:
        return tantivy.Query.term_query(idx.schema, FIELD, tokens[0], index_option="freq")
    words: list[str | tuple[int, str]] = list(tokens)
    return tantivy.Query.phrase_query(idx.schema, FIELD, words)


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
        low, high = _day_range(f)
        out.append(tantivy.Query.range_query(s, "day", tantivy.FieldType.Integer, low, high))
    if f.kind:
        out.append(tantivy.Query.term_query(s, "kind", f.kind, index_option="basic"))
    if f.source:
        out.append(tantivy.Query.term_query(s, "source", f.source.lower(), index_option="basic"))
    return out


def _day_range(f: Filters) -> tuple[int, int]:
    low = ranking.since_key(f.since) if f.since else 0  # 0 and up: a date-less quote never passes `until`
    high = ranking.until_key(f.until) if f.until else 99999999
    return low, high


def with_filters(idx: SearchIndex, main: tantivy.Query, filters: Filters) -> tantivy.Query:
    flt = filter_queries(idx, filters)
    if not flt:
        return main
    # A filter clause scores 0: the score stays bm25 × boost, exactly.
    return tantivy.Query.boolean_query(
        [(Occur.Must, main), *((Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in flt)]
    )


def build_query(idx: SearchIndex, topic: Topic, filters: Filters) -> tantivy.Query | None:
    main = topic_query(idx, topic)
    return None if main is None else with_filters(idx, main, filters)


Accept = Callable[[tantivy.Searcher, list[tantivy.DocAddress]], list[bool]]


def acceptor(filters: Filters) -> Accept | None:
    """The filters checked on fast fields, for the candidates of an unfiltered query; None when a
    filter (kind, source) has no numeric fast field: then the filtered query is scanned."""
    if filters.kind or filters.source:
        return None
    speakers = set(filters.speaker_ids)
    low, high = _day_range(filters) if filters.since or filters.until else (None, None)

    def accept(searcher: tantivy.Searcher, addrs: list[tantivy.DocAddress]) -> list[bool]:
        ok = [True] * len(addrs)
        if speakers:
            ok = [o and int(v or 0) in speakers for o, v in
                  zip(ok, searcher.fast_field_values("speaker_id", addrs), strict=True)]
        if low is not None and high is not None:
            ok = [o and v is not None and low <= int(v) <= high for o, v in
                  zip(ok, searcher.fast_field_values("day", addrs), strict=True)]
        return ok

    return accept


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
class Ranked:
    groups: list[tuple[float, list[int]]]  # (score of the best copy, quote ids best first)
    more: bool  # matches beyond the returned groups exist


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

    def top(self, searcher: tantivy.Searcher, k: int) -> tuple[list[tuple[float, int, tantivy.DocAddress]], bool]:
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
        return Plan(main, main, None, False, idx.max_boost(), idx.schema, common)
    accept = acceptor(filters)
    if accept is None:
        return Plan(scan, scan, None, True, idx.max_boost(), idx.schema)
    return Plan(main, scan, accept, False, idx.max_boost(), idx.schema, common)


def top_groups(searcher: tantivy.Searcher, plan: Plan, limit: int) -> Ranked:
    """The ``limit`` best distinct wordings: groups ordered by their best copy (exact, see :func:`exact_top`)."""
    window = limit + limit // 4 + 5  # a few copies of one wording fit without a second round
    while True:
        top, more = plan.top(searcher, window)
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
    searcher = idx.searcher()
    plan = make_plan(idx, topic, filters)
    if plan is None:
        return [], False
    try:
        r = top_groups(searcher, plan, limit)
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


WHO_WINDOW = 2_000  # a filtered topic's exact top, scanned once for the leaders' best quotes


def best_quotes(searcher: tantivy.Searcher, plan: Plan, speakers: list[int]) -> dict[int, tuple[float, int]]:
    """Each speaker's best quote by the formula, exact: (score, quote id).

    One round of BM25 candidates serves every speaker: a speaker's best blended candidate is
    their best overall once it reaches ``s_n × bound`` (no match left out can beat it). For the
    others the impact tiers of their own matches are scanned (:func:`by_tiers`, k = 1)."""
    found: dict[int, tuple[float, tantivy.DocAddress]] = {}
    wanted = set(speakers)
    fetched: dict[int, Scored] = {}
    s_n = math.inf
    if not plan.filtered:
        hits = searcher.search(plan.query, FIRST, count=False).hits
        addrs = [a for _, a in hits]
        keep = plan.accept(searcher, addrs) if plan.accept is not None else [True] * len(addrs)
        weights = searcher.fast_field_values("weight", addrs)
        sids = searcher.fast_field_values("speaker_id", addrs)
        s_n = hits[-1][0] if len(hits) == FIRST else 0.0  # 0: every match fetched
        for (bm25, a), w, ok, sid in zip(hits, weights, keep, sids, strict=True):
            if ok and int(sid or 0) in wanted:
                fetched.setdefault(int(sid or 0), []).append((bm25 * math.log2(2.0 + float(w or 0.0)), a))
        for sid, scored in fetched.items():
            best = max(scored, key=lambda t: t[0])
            if best[0] >= s_n * plan.bound:
                found[sid] = best
                wanted.discard(sid)
        if s_n == 0.0:
            wanted.clear()  # every match was fetched: a speaker not among them has none
    else:
        # One weighted scan gives the exact top of the formula: a speaker's first quote in it is
        # their best; only those it leaves out get a scan of their own.
        hits = searcher.search(plan.scan, WHO_WINDOW, count=False, weight_by_field="weight").hits
        sids = searcher.fast_field_values("speaker_id", [a for _, a in hits])
        for (score, a), sid in zip(hits, sids, strict=True):
            if int(sid or 0) in wanted:
                found[int(sid or 0)] = (float(score), a)
                wanted.discard(int(sid or 0))
    for sid in sorted(wanted):
        one = tantivy.Query.boolean_query([
            (Occur.Must, plan.scan),
            (Occur.Must, tantivy.Query.const_score_query(
                tantivy.Query.term_query(plan.schema, "speaker_id", sid, index_option="basic"), 0.0)),
        ])
        if plan.filtered:
            res = searcher.search(one, 1, count=False, weight_by_field="weight").hits
            scored = [(float(score), a) for score, a in res]
        else:
            scored = by_tiers(searcher, one, plan.schema, fetched.get(sid, []), s_n, 1)
        if scored:
            found[sid] = max(scored, key=lambda t: t[0])
    order = list(found)
    ids = searcher.fast_field_values("id", [found[sid][1] for sid in order])
    return {sid: (found[sid][0], int(qid or 0)) for sid, qid in zip(order, ids, strict=True)}


def _single_term(idx: SearchIndex, topic: Topic) -> str | None:
    """The one indexed term a topic of one plain word is (what corpus.hot_counts keeps counts of)."""
    if topic.phrases or topic.alternatives or len(topic.terms) != 1 or topic.terms[0].endswith("*"):
        return None
    tokens = idx.analyzer.analyze(topic.terms[0])
    return tokens[0] if len(tokens) == 1 else None


def who(db: Database, topic: Topic, filters: Filters, *, limit: int = 5) -> Who:
    """Per-speaker counts over every match, and each leading speaker's best quote."""
    idx = search_index(db)
    searcher = idx.searcher()
    plan = make_plan(idx, topic, filters)
    if plan is None:
        return Who(0, 0, 0, [])
    term = _single_term(idx, topic) if filters == NO_FILTERS else None
    kept = idx.hot.lookup(term) if term else None
    if kept is not None:  # a hot word's counts, kept in step with the index's last commit
        counts = dict(kept)
    else:
        n_speakers = int(db.execute("SELECT coalesce(max(id), 0) FROM speakers").fetchone()[0])
        counts = speaker_counts(searcher, plan.scan, n_speakers + 2)
    unattributed = counts.pop(0, 0)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ordered:
        return Who(unattributed, unattributed, 0, [])
    # Speakers tied with the last one shown compete on their best quote (bounded).
    cut = ordered[min(limit, len(ordered)) - 1][1]
    contenders = [sid for sid, n in ordered if n >= cut][: limit + 20]
    best = best_quotes(searcher, plan, contenders)
    contenders.sort(key=lambda sid: (-counts[sid], -best.get(sid, (0.0, 0))[0], sid))
    chosen = contenders[:limit]
    hits = {h.id: h for h in _hits(db, [(best[s][1], best[s][0]) for s in chosen if s in best])}
    top = [SpeakerCount(s, counts[s], hits[best[s][1]]) for s in chosen if s in best and best[s][1] in hits]
    return Who(sum(counts.values()) + unattributed, unattributed, len(counts), top)
