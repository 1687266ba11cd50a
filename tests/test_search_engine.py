"""The search index: exact ranking of the documented formula, exact /who counts, filters as in SQLite,
copies collapsed, bounded /verify candidates — on small real SQLite corpora."""

from __future__ import annotations

import math
import random
import re
import struct
from pathlib import Path

import pytest

from corpus import ranking, topk
from corpus.filters import filter_sql
from corpus.index import search_index
from corpus.query import build_query
from corpus.search import NO_FILTERS, Filters, match_expression, search, who_said
from corpus.store import open_db
from corpus.verify_candidates import MAX_CANDIDATES, candidates, claim_terms
from tests.corpus_builder import Q, build

SPEAKERS = ["Vladimir Putin", "Sergei Lavrov", "Maria Zakharova", "Dmitry Peskov", None]
PHRASES = [
    "Russia is ready for talks with NATO on security guarantees",
    "the sanctions hurt the people of Europe more than Russia",
    "we discussed oil prices and the economy with our partners",
    "NATO expansion is a threat to the security of Russia",
    "the people want peace and economic cooperation",
    "climate change is a challenge for the whole world",
    "Russia and China agreed on economic cooperation in energy",
    "talks on Ukraine are possible",
]


def _corpus(tmp_path: Path, n: int = 160, seed: int = 7) -> Path:
    """Quotes in shuffled date order (ingestion order is not publication order)."""
    rnd = random.Random(seed)
    quotes = []
    for i in range(n):
        words = rnd.sample(PHRASES, rnd.randint(1, 3))
        text = " and ".join(words) + ("" if i % 3 else f", said on day {i}")
        year, month, day = rnd.randint(1999, 2024), rnd.randint(1, 12), rnd.randint(1, 28)
        quotes.append(Q(rnd.choice(SPEAKERS), text, f"{year}-{month:02d}-{day:02d}",
                        source=rnd.choice(["TASS", "RIA Novosti", "Interfax"]),
                        kind=rnd.choice(["direct", "indirect"])))
    return build(tmp_path / "c.db", quotes)


def _matching_ids(db, topic_text: str, filters: Filters = NO_FILTERS) -> set[int]:  # type: ignore[no-untyped-def]
    """Brute force, independent of the index: every word's stem in the text, speaker or title."""
    idx = search_index(db)
    stems = [idx.analyzer.analyze(w)[0] for w in match_expression(topic_text).terms]
    where, params = filter_sql(filters)
    rows = db.execute(
        "SELECT q.id, q.text, coalesce(s.name, ''), a.title FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN speakers s ON s.id = q.speaker_id" + (f" WHERE {where}" if where else ""), params).fetchall()
    out = set()
    for qid, text, name, title in rows:
        bag = set(idx.analyzer.analyze(f"{text} {name} {title}"))
        if all(s in bag for s in stems):
            out.add(int(qid))
    return out


def _brute_force_top(db, topic_text: str, k: int) -> list[tuple[float, int]]:  # type: ignore[no-untyped-def]
    """Every match's BM25 (no weight, all of them) times the formula's boost computed from SQLite."""
    idx = search_index(db)
    query = build_query(idx, match_expression(topic_text), NO_FILTERS)
    searcher = idx.searcher()
    res = searcher.search(query, searcher.num_docs + 1, count=True)
    ids = searcher.fast_field_values("id", [a for _, a in res.hits])
    scored = []
    for (bm25, _), qid in zip(res.hits, ids, strict=True):
        published, speaker_id, confidence, quality = db.execute(
            "SELECT published, speaker_id, confidence, quality FROM quotes WHERE id = ?", [qid]).fetchone()
        scored.append((bm25 * ranking.boost(published, speaker_id is not None, confidence, quality), int(qid or 0)))
    scored.sort(key=lambda t: -t[0])
    return scored[:k]


TOPICS = ["Russia", "NATO", "the", "economic cooperation", "people", "talks Ukraine", "Putin", "oil"]


@pytest.mark.parametrize("first", [1, 10, topk.FIRST])
@pytest.mark.parametrize("topic", TOPICS)
def test_top_ten_is_the_exact_ranking_of_the_formula(tmp_path: Path, topic: str, first: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether the threshold stops early (first=1 or 10 candidates, growing), scans everything
    (topk.LAST reached) or fetches every match at once, the top-10 is the brute-force top-10."""
    if first == 1:
        monkeypatch.setattr(topk, "LAST", 8)  # the weighted full-scan fallback
    db = open_db(_corpus(tmp_path))
    idx = search_index(db)
    query = build_query(idx, match_expression(topic), NO_FILTERS)
    top, _ = topk.exact_top(idx.searcher(), query, 10, first=first)
    brute = _brute_force_top(db, topic, 10)
    assert len(top) == len(brute) > 0
    # Same scores in the same order (ties aside, the same quotes).
    assert [round(s, 4) for s, _, _ in top] == [round(s, 4) for s, _ in brute]
    brute_scores = {i: s for s, i in _brute_force_top(db, topic, 10_000)}
    assert all(round(brute_scores[qid], 4) == round(s, 4) for s, qid, _ in top)


@pytest.mark.parametrize("topic", TOPICS)
def test_the_index_matches_exactly_the_quotes_holding_every_word(tmp_path: Path, topic: str) -> None:
    db = open_db(_corpus(tmp_path))
    idx = search_index(db)
    query = build_query(idx, match_expression(topic), NO_FILTERS)
    searcher = idx.searcher()
    res = searcher.search(query, 10_000)
    assert {int(i or 0) for i in searcher.fast_field_values("id", [a for _, a in res.hits])} == _matching_ids(db, topic)


@pytest.mark.parametrize("topic", TOPICS)
def test_who_counts_equal_the_exact_group_by(tmp_path: Path, topic: str) -> None:
    db = open_db(_corpus(tmp_path))
    ids = sorted(_matching_ids(db, topic))
    expected = dict(db.execute(
        f"SELECT coalesce(speaker_id, 0), count(*) FROM quotes WHERE id IN ({','.join(map(str, ids))}) "
        "GROUP BY 1").fetchall())
    result = who_said(db, match_expression(topic), limit=10)
    got = {s.speaker_id: s.count for s in result.top}
    assert result.unattributed == expected.pop(0, 0)
    assert got == expected  # fewer than 10 speakers: every one is shown
    assert result.total == len(ids)
    for s in result.top:  # each speaker's best quote is their first in the exact ranking
        hits, _ = search(db, match_expression(topic), Filters(speaker_ids=(s.speaker_id,)), candidates=1)
        assert s.best.speaker_id == s.speaker_id and round(s.best.score, 5) == round(hits[0].score, 5)


FILTERS = [Filters(since="2015-01-01"), Filters(until="2010-06"), Filters(source="tass"), Filters(kind="indirect"),
           Filters(since="2005", until="2020-12-31", source="Interfax", kind="direct")]


@pytest.mark.parametrize("flt", FILTERS)
def test_filters_inside_the_engine_mean_what_they_mean_in_sqlite(tmp_path: Path, flt: Filters) -> None:
    db = open_db(_corpus(tmp_path))
    idx = search_index(db)
    searcher = idx.searcher()
    res = searcher.search(build_query(idx, match_expression("Russia"), flt), 10_000)
    got = {int(i or 0) for i in searcher.fast_field_values("id", [a for _, a in res.hits])}
    assert got == _matching_ids(db, "Russia", flt) and got
    # The filtered path (one weighted scan) and the threshold path agree on the exact top-10.
    query = build_query(idx, match_expression("Russia"), flt)
    weighted, _ = topk.exact_top(searcher, query, 10, filtered=True)
    threshold, _ = topk.exact_top(searcher, query, 10, first=3)
    assert [round(s, 4) for s, _, _ in weighted] == [round(s, 4) for s, _, _ in threshold]


def test_out_of_order_ingest_newest_published_first_when_relevance_ties(tmp_path: Path) -> None:
    dates = ["2003-05-01", "2021-03-02", "2010-01-01", "2024-01-15", "2016-07-07"]
    quotes = [Q("Sergei Lavrov", f"Our answer on sanctions will be measured, version {i}", d, source=f"S{i}")
              for i, d in enumerate(dates)]
    db = open_db(build(tmp_path / "t.db", quotes))
    hits, _ = search(db, match_expression("sanctions"))
    assert [h.published for h in hits] == sorted(dates, reverse=True)


def test_republished_wording_is_one_result_listing_its_sources(tmp_path: Path) -> None:
    # Both long enough to be statements (corpus.quality), so recency alone orders them.
    text = "The sanctions policy has failed and everyone in Europe can see it now"
    quotes = [Q("Dmitry Peskov", text, "2022-01-0" + str(i + 1), source=s)
              for i, s in enumerate(["TASS", "RIA Novosti", "Interfax"])]
    newer = "Sanctions are illegal, whoever imposes them, and they will fail in time"
    quotes.append(Q("Dmitry Peskov", newer, "2022-02-01"))
    db = open_db(build(tmp_path / "t.db", quotes))
    hits, more = search(db, match_expression("sanctions"))
    assert [h.text for h in hits] == [newer, text]
    assert hits[1].published == "2022-01-03" and set(hits[1].sources) == {"TASS", "RIA Novosti", "Interfax"}
    assert more is False


def test_said_without_topic_is_newest_published_first(tmp_path: Path) -> None:
    dates = ["2012-01-01", "2020-01-01", "2001-01-01", "2020-01-01"]
    db = open_db(build(tmp_path / "t.db", [Q("Sergei Lavrov", f"Quote number {i}", d) for i, d in enumerate(dates)]))
    sid = db.execute("SELECT id FROM speakers").fetchone()[0]
    hits, _ = search(db, match_expression(""), Filters(speaker_ids=(sid,)))
    assert [(h.published, h.id) for h in hits] == [("2020-01-01", 4), ("2020-01-01", 2), ("2012-01-01", 1),
                                                    ("2001-01-01", 3)]
    plan = " ".join(str(r) for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT q.id FROM quotes q WHERE q.speaker_id IN (?) "
        "ORDER BY q.published DESC, q.id DESC LIMIT 5", [sid]).fetchall())
    assert "quotes_speaker" in plan and "TEMP B-TREE" not in plan


def test_verify_candidates_are_bounded_and_stemmed_like_the_index(tmp_path: Path) -> None:
    quotes = [Q("Vladimir Putin", f"People of Russia want peace, number {i}", "2020-01-01") for i in range(260)]
    quotes.append(Q("Sergei Lavrov", "Ordinary people deserve honest negotiators", "2021-01-01"))
    db = open_db(build(tmp_path / "t.db", quotes))
    idx = search_index(db)
    assert "peopl" in claim_terms(idx.analyzer, "the people")
    found = candidates(db, "ordinary people deserve negotiators", NO_FILTERS)
    assert found[0].text == "Ordinary people deserve honest negotiators"
    assert len(candidates(db, "people want peace", NO_FILTERS)) == MAX_CANDIDATES


def test_hostile_topics_are_only_words(tmp_path: Path) -> None:
    db = open_db(_corpus(tmp_path, n=20))
    for text in ['NOT "', "field:value OR *", "a AND (b", "re.*gex [", "\\", "Russia^5 ~2"]:
        hits, _ = search(db, match_expression(text))
        # Operators and punctuation mean nothing: the same hits as the bare words.
        words, _ = search(db, match_expression(" ".join(re.findall(r"\w+", text))))
        assert [h.id for h in hits] == [h.id for h in words]


def test_boost_is_stored_exactly_as_tantivy_applies_it() -> None:
    for b in (1.0, 1.37, 2.05):
        assert abs(math.log2(2 + ranking.weight(b)) - b) < 1e-7 * b
        w = ranking.weight(b)  # single precision: what the index stores in a third of the bits
        assert struct.unpack("<f", struct.pack("<f", w))[0] == w
    assert ranking.until_key("2021-11") == 20211199 and ranking.since_key("2021-11") == 20211100
    assert ranking.day_key("2021") < ranking.since_key("2021-01-01") and ranking.day_key(None) == -1


def test_a_republished_wording_is_one_card_naming_its_sources(tmp_path: Path) -> None:
    from bot.core import Core
    from bot.reply import Request

    quotes = [Q("Dmitry Peskov", "The sanctions policy has failed", f"2022-01-0{i + 1}", source=s)
              for i, s in enumerate(["TASS", "RIA Novosti", "Interfax", "Kommersant"])]
    core = Core(build(tmp_path / "t.db", quotes))
    try:
        reply = core.handle(Request(text="/quote sanctions"))
    finally:
        core.close()
    assert len(reply.cards) == 1
    assert reply.cards[0].source == "Kommersant, Interfax, RIA Novosti +1"  # newest copy first
