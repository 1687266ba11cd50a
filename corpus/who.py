"""``/who``: exact per-speaker counts of a topic's matches and each leading speaker's best quote."""

from __future__ import annotations

import math
from dataclasses import dataclass

import tantivy
from sqlite_utils import Database

from . import deadline
from .champion_search import champion_best
from .filters import NO_FILTERS, Filters
from .hits import Hit, load_hits
from .index import search_index
from .query import Occur, _single_term
from .topic import Topic
from .topk import FIRST, Plan, Scored, by_tiers, make_plan


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


FEW = 50_000  # a speaker with at most this many matches: one weighted scan of them finds their best


def best_quotes(searcher: tantivy.Searcher, plan: Plan, speakers: list[int],
                counts: dict[int, int] | None = None) -> dict[int, tuple[float, int]]:
    """Each speaker's best quote by the formula, exact: (score, quote id). A champion word's lists
    (:func:`corpus.champion_search.champion_best`) prove most; a speaker with few matches (``counts``)
    gets one weighted scan of their own matches; the engine finds the others."""
    proven: dict[int, tuple[float, int]] = {}
    if plan.champions is not None and plan.term is not None:
        proven = champion_best(searcher, plan.schema, plan.term, plan.champions, set(speakers))
        for sid in speakers:
            if sid not in proven and counts is not None and counts.get(sid, FEW + 1) <= FEW:
                hits = searcher.search(_of_speaker(plan, sid), 1, count=False, weight_by_field="weight").hits
                if hits:
                    proven[sid] = (float(hits[0][0]), int(searcher.fast_field_values("id", [hits[0][1]])[0] or 0))
    rest = [sid for sid in speakers if sid not in proven]
    return {**_engine_best(searcher, plan, rest), **proven} if rest else proven


def _of_speaker(plan: Plan, sid: int) -> tantivy.Query:
    """The plan's matches by one speaker (the speaker clause scores 0: the score stays the formula's)."""
    return tantivy.Query.boolean_query([
        (Occur.Must, plan.scan),
        (Occur.Must, tantivy.Query.const_score_query(
            tantivy.Query.term_query(plan.schema, "speaker_id", sid, index_option="basic"), 0.0)),
    ])


def _engine_best(searcher: tantivy.Searcher, plan: Plan, speakers: list[int]) -> dict[int, tuple[float, int]]:
    """Each speaker's best quote by the formula, exact, from the engine: (score, quote id).

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
        one = _of_speaker(plan, sid)
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
    deadline.check()
    unattributed = counts.pop(0, 0)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ordered:
        return Who(unattributed, unattributed, 0, [])
    # Speakers tied with the last one shown compete on their best quote (bounded).
    cut = ordered[min(limit, len(ordered)) - 1][1]
    contenders = [sid for sid, n in ordered if n >= cut][: limit + 20]
    best = best_quotes(searcher, plan, contenders, counts)
    deadline.check()
    contenders.sort(key=lambda sid: (-counts[sid], -best.get(sid, (0.0, 0))[0], sid))
    chosen = contenders[:limit]
    hits = {h.id: h for h in load_hits(db, [(best[s][1], best[s][0]) for s in chosen if s in best])}
    top = [SpeakerCount(s, counts[s], hits[best[s][1]]) for s in chosen if s in best and best[s][1] in hits]
    return Who(sum(counts.values()) + unattributed, unattributed, len(counts), top)
