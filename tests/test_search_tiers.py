"""The threshold algorithm's two directions (BM25 candidates, impact tiers) give the exact top-k of
the formula on every path: early stops, tier scans, ties, tier boundaries, filters, deletions; and
the index's bound on the boost covers every quote it holds."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from corpus import ranking, topk
from corpus.filters import filter_sql
from corpus.index import search_index
from corpus.query import build_query
from corpus.search import NO_FILTERS, Filters, match_expression
from corpus.store import open_db
from tests.corpus_builder import Q, build

WORDS = ["Russia", "sanctions", "talks", "security", "economy", "people", "energy", "grain"]


def _corpus(path: Path, n: int = 240, seed: int = 3) -> Path:
    """Common words in most quotes; dates over 1995–2026 so the boosts fall in every tier."""
    rnd = random.Random(seed)
    quotes = []
    for i in range(n):
        words = rnd.sample(WORDS, rnd.randint(1, 4))
        filler = " ".join(rnd.choice(["the", "we", "will", "see", "a", "new", "road"])
                          for _ in range(rnd.randint(0, 12)))
        text = f"The {' and the '.join(words)} {filler} matter number {i}"
        if i % 7 == 0:
            text = "The " + words[0] + "?"  # a short question: low quality, low boost
        year = rnd.randint(1995, 2026)
        quotes.append(Q(rnd.choice(["Vladimir Putin", "Sergei Lavrov", "Maria Zakharova", None]), text,
                        f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                        source=rnd.choice(["TASS", "Interfax"]), kind=rnd.choice(["direct", "indirect"])))
    return build(path, quotes)


def _brute(db, topic: str, filters: Filters = NO_FILTERS) -> list[float]:  # type: ignore[no-untyped-def]
    """Every match's BM25 (unweighted, all of them) times the boost computed from its SQLite row."""
    idx = search_index(db)
    searcher = idx.searcher()
    query = build_query(idx, match_expression(topic), NO_FILTERS)
    hits = searcher.search(query, searcher.num_docs + 1, count=False).hits
    ids = searcher.fast_field_values("id", [a for _, a in hits])
    where, params = filter_sql(filters)
    allowed = {int(r[0]) for r in db.execute("SELECT id FROM quotes q" + (f" WHERE {where}" if where else ""),
                                              params).fetchall()}
    out = []
    for (bm25, _), qid in zip(hits, ids, strict=True):
        if int(qid or 0) not in allowed:
            continue
        published, speaker_id, confidence, quality = db.execute(
            "SELECT published, speaker_id, confidence, quality FROM quotes WHERE id = ?", [qid]).fetchone()
        out.append(bm25 * ranking.boost(published, speaker_id is not None, confidence, quality))
    return sorted(out, reverse=True)


def _scores(top: list[tuple[float, int, object]]) -> list[float]:
    return [round(s, 4) for s, _, _ in top]


@pytest.mark.parametrize("common", [False, True])
@pytest.mark.parametrize("first,last", [(topk.FIRST, topk.LAST), (1, 4), (2, 2), (1, 1)])
@pytest.mark.parametrize("k", [1, 5, 20])
@pytest.mark.parametrize("topic", ["the", "Russia", "sanctions talks", "Putin", '"the economy"'])
def test_every_path_gives_the_exact_top_k(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, topic: str, k: int,
                                          first: int, last: int, common: bool) -> None:
    """Few BM25 candidates (first, last small) force the tier scans; many stop on the threshold."""
    monkeypatch.setattr(topk, "LAST", last)
    db = open_db(_corpus(tmp_path / "c.db"))
    idx = search_index(db)
    searcher = idx.searcher()
    plan = topk.make_plan(idx, match_expression(topic), NO_FILTERS)
    assert plan is not None
    top, more = topk.exact_top(searcher, plan.query, k, first, bound=plan.bound, schema=idx.schema, common=common)
    brute = _brute(db, topic)
    assert _scores(top) == [round(s, 4) for s in brute[:k]]
    assert more == (len(brute) > k)
    # The scores are the quotes' own: each id's brute-force score.
    for score, qid, _ in top:
        published, sid, conf, quality = db.execute(
            "SELECT published, speaker_id, confidence, quality FROM quotes WHERE id = ?", [qid]).fetchone()
        assert score / ranking.boost(published, sid is not None, conf, quality) > 0


def test_the_tier_scan_stops_before_the_last_tier_and_stays_exact(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A common word whose BM25 hardly varies: the top tiers decide, the rest is never scanned."""
    quotes = [Q("Vladimir Putin", f"We will build the road to the north and finish it on time, part {i}",
                f"{2026 if i % 10 == 0 else 2000 + i % 20}-06-01") for i in range(120)]
    db = open_db(build(tmp_path / "t.db", quotes))
    idx = search_index(db)
    searcher = idx.searcher()
    monkeypatch.setattr(topk, "LAST", 3)
    plan = topk.make_plan(idx, match_expression("road"), NO_FILTERS)
    assert plan is not None
    scanned: list[int] = []

    class Counting:  # the real searcher, with the tier scans it is asked for counted
        def __getattr__(self, name: str) -> object:
            return getattr(searcher, name)

        def search(self, query, limit, **kw):  # type: ignore[no-untyped-def]
            if kw.get("weight_by_field"):
                scanned.append(limit)
            return searcher.search(query, limit, **kw)

    top, _ = topk.exact_top(Counting(), plan.query, 5, 1, bound=plan.bound, schema=idx.schema)  # type: ignore[arg-type]
    assert _scores(top) == [round(s, 4) for s in _brute(db, "road")[:5]]
    assert ranking.tier(top[-1][0] / max(bm25 for bm25, _ in idx.searcher().search(plan.query, 1).hits)) <= 1
    assert 0 < len(scanned) < len(ranking.TIER_CUTS) + 1


def test_ties_keep_the_exact_scores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many quotes with the same BM25 and the same boost: any of them may be shown, the scores are exact."""
    quotes = [Q("Sergei Lavrov", f"Sanctions are sanctions, version {i}", "2021-05-05") for i in range(40)]
    quotes += [Q("Sergei Lavrov", f"Sanctions, version {i}", "2008-05-05") for i in range(10)]
    db = open_db(build(tmp_path / "t.db", quotes))
    idx = search_index(db)
    monkeypatch.setattr(topk, "LAST", 2)
    plan = topk.make_plan(idx, match_expression("sanctions"), NO_FILTERS)
    assert plan is not None
    for first in (1, 2, 45):
        top, _ = topk.exact_top(idx.searcher(), plan.query, 12, first, bound=plan.bound, schema=idx.schema)
        assert _scores(top) == [round(s, 4) for s in _brute(db, "sanctions")[:12]]


def test_each_quote_is_in_the_tier_its_boost_gives(tmp_path: Path) -> None:
    assert ranking.tier(ranking.TIER_CUTS[0]) == 0 and ranking.tier(ranking.TIER_CUTS[0] - 1e-9) == 1
    assert ranking.tier(ranking.TIER_CUTS[-1]) == len(ranking.TIER_CUTS) - 1
    assert ranking.tier(1.0) == len(ranking.TIER_CUTS) and ranking.tier(ranking.MAX_BOOST) == 0
    db = open_db(_corpus(tmp_path / "c.db"))
    idx = search_index(db)
    searcher = idx.searcher()
    import tantivy

    hits = searcher.search(tantivy.Query.all_query(), 10_000).hits
    addrs = [a for _, a in hits]
    tiers = {int(t or 0) for t in searcher.fast_field_values("tier", addrs)}
    assert len(tiers) >= 4  # the corpus spreads over the tiers
    bound = idx.max_boost()
    for t, w in zip(searcher.fast_field_values("tier", addrs), searcher.fast_field_values("weight", addrs),
                    strict=True):
        b = math.log2(2 + float(w or 0))
        cut = ranking.TIER_CUTS[min(int(t or 0), len(ranking.TIER_CUTS) - 1)]
        assert int(t or 0) == ranking.tier(b) or abs(b - cut) < 1e-9  # a boost on a cut: either side
        if int(t or 0) > 0:
            assert b < ranking.TIER_CUTS[int(t or 0) - 1]
        assert b <= bound


FILTERS = [Filters(since="2015-01-01"), Filters(until="2008-06"), Filters(source="tass"), Filters(kind="indirect"),
           Filters(since="2005", until="2020-12-31", source="Interfax", kind="direct")]


@pytest.mark.parametrize("last", [1, topk.LAST])
@pytest.mark.parametrize("flt", FILTERS + ["speaker"])
def test_filters_give_the_exact_top_k_of_the_matches_they_keep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               flt: Filters | str, last: int) -> None:
    monkeypatch.setattr(topk, "LAST", last)
    db = open_db(_corpus(tmp_path / "c.db"))
    if flt == "speaker":
        lavrov = int(db.execute("SELECT id FROM speakers WHERE name = 'Sergei Lavrov'").fetchone()[0])
        flt = Filters(speaker_ids=(lavrov,), since="2010")
    assert isinstance(flt, Filters)
    idx = search_index(db)
    for topic in ("the", "Russia"):
        plan = topk.make_plan(idx, match_expression(topic), flt)
        assert plan is not None
        top, _ = plan.top(idx.searcher(), 8)
        assert _scores(top) == [round(s, 4) for s in _brute(db, topic, flt)[:8]]


def test_deleted_quotes_leave_the_top_and_the_bound_still_covers(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(topk, "LAST", 1)
    db = open_db(_corpus(tmp_path / "c.db"))
    idx = search_index(db)
    plan = topk.make_plan(idx, match_expression("the"), NO_FILTERS)
    assert plan is not None
    before, _ = plan.top(idx.searcher(), 10)
    gone = [qid for _, qid, _ in before[:4]]
    with db.atomic():
        db.execute(f"DELETE FROM quotes WHERE id IN ({','.join(map(str, gone))})")
    idx = search_index(db)  # applies the change log
    plan = topk.make_plan(idx, match_expression("the"), NO_FILTERS)
    assert plan is not None
    after, _ = plan.top(idx.searcher(), 10)
    assert not set(gone) & {qid for _, qid, _ in after}
    assert _scores(after) == [round(s, 4) for s in _brute(db, "the")[:10]]


def test_the_boost_bound_is_raised_before_a_heavier_quote_is_committed(tmp_path: Path) -> None:
    """Another process's handle (a fresh SearchIndex on the same folder) reads a bound that covers
    every quote it can see, after ingest of a heavier quote and after a rebuild lowers it."""
    from corpus.index import SearchIndex, index_path, reindex

    db = open_db(build(tmp_path / "t.db", [Q("Sergei Lavrov", "Old talk of sanctions?", "1996-01-01")]))
    idx = search_index(db)
    light = idx.max_boost()
    path = index_path(db)
    other = SearchIndex(path)
    assert abs(other.max_boost() - light) < 1e-6
    db.close()
    heavier = Q("Vladimir Putin", "Sanctions will not work, and everyone knows it by now", "2026-01-01")
    build(tmp_path / "t.db", [Q("Sergei Lavrov", "x", "2000-01-01"), heavier])
    db = open_db(tmp_path / "t.db")
    idx = search_index(db)
    heavy = idx.max_boost()
    assert heavy > light
    other.refresh_state()
    assert other.max_boost() >= heavy - 1e-9
    searcher = other.searcher()
    import tantivy

    weights = searcher.fast_field_values("weight", [a for _, a in searcher.search(tantivy.Query.all_query(), 100).hits])
    assert all(math.log2(2 + float(w or 0)) <= other.max_boost() for w in weights)
    with db.atomic():
        db.execute("DELETE FROM quotes WHERE text LIKE 'Sanctions will not work%'")
    reindex(db)
    assert search_index(db).max_boost() < heavy
