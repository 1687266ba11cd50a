"""corpus.quality: substantive statements score high; questions, courtesies, elisions and fragments low;
the ranking puts the substantive ones first (issue 12), and migration 007 backfills old rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.core import Core
from bot.reply import Request
from corpus.quality import quality
from corpus.store import open_db

from .corpus_builder import Q, build

SUBSTANTIVE = [
    ("Sanctions have nothing to do with the elections; they are about containing Russia's development.", "transcript"),
    ("We remember well NATO's eastward expansion, and our concerns were totally ignored by our partners.", "direct"),
    ("the minister's opposition to attempts to impose unilateral sanctions on the country", "indirect"),
    ("Will we answer? Of course, and we will do it with the whole government behind the decision.", "direct"),
]
NOISE = [
    ("Thank you.", "transcript"),
    ("Thank you, Mr President.", "transcript"),
    ("Good afternoon, colleagues.", "transcript"),
    ("‹…>", "transcript"),
    ("<...>", "transcript"),
    ("Vladimir", "transcript"),
    ("Mr", "transcript"),
    ("Mr Lavrov, colleagues,", "transcript"),
    ("Now, a few words about the economy.", "transcript"),
    ("Let us move on to the next item.", "transcript"),
    ("Do you believe the sanctions against your country will be lifted this year?", "transcript"),
    ("The sanctions are extended every six months by the union.", "question"),
    ("of digital services in the country. The company has many employees.", "transcript"),
    ("President, I know that you said that you do not believe…", "transcript"),
    ("President of Ruritania Ivan Ivanov (retranslated) : Thank you very much, Mr President.", "transcript"),
    ("A question from our readers: “Why are the prices of bread going up every month?” Olga, Tula.", "transcript"),
]


@pytest.mark.parametrize(("text", "kind"), SUBSTANTIVE)
def test_substantive_statements_score_high(text: str, kind: str) -> None:
    assert quality(text, kind) >= 0.6


@pytest.mark.parametrize(("text", "kind"), NOISE)
def test_noise_scores_low(text: str, kind: str) -> None:
    assert quality(text, kind) <= 0.3


def test_every_noise_item_is_below_every_substantive_one() -> None:
    assert max(quality(t, k) for t, k in NOISE) < min(quality(t, k) for t, k in SUBSTANTIVE)


def test_quality_is_bounded_and_fast_on_hostile_text() -> None:
    hostile = "Mr President Vladimir Putin Sergei Lavrov Prime Minister " * 400 + "!"
    # A regex backtracking blow-up would hang here (seconds to hours); no timing is asserted, since
    # timings belong in bench/ on a shared machine.
    score = quality(hostile, "direct")
    assert 0.0 <= score <= 1.0


def test_a_short_all_capitals_quote_is_scored_without_backtracking() -> None:
    # Each capitalised word could be split into shorter "names" in exponentially many ways by the
    # courtesy pattern (97 s for this one quote before its name run was made possessive); the score
    # is the same as before: a question, kept low.
    assert quality("THESE ARE INFRINGEMENTS CONCERNING CO-FINANCING OBLIGATIONS?", "transcript") == 0.1
    assert quality("THANK YOU VERY MUCH, MR PRESIDENT.", "transcript") == 0.1  # still all courtesy


NOISY_CORPUS = [
    Q("Ivan Petrov", "Thank you.", "2023-05-01", kind="transcript"),
    Q("Ivan Petrov", "Now, a few words about sanctions.", "2023-05-01", kind="transcript"),
    Q("Jane Reporter", "Will the sanctions against your country be lifted this year, and what will you do?",
      "2023-05-01", kind="transcript"),
    Q("Ivan Petrov", "‹…>", "2023-05-01", kind="transcript"),
    Q("Ivan Petrov", "Mr Smith, colleagues,", "2023-05-01", kind="transcript"),
    Q("Ivan Petrov", "Sanctions hurt the people who impose them more than anyone else, and our trade has grown.",
      "2019-03-01", kind="transcript"),
    Q("Ivan Petrov", "We will answer any new sanctions calmly and keep building roads, schools and hospitals.",
      "2018-03-01", kind="direct"),
]


def _top(db: Path, text: str, n: int = 2) -> list[str]:
    core = Core(db)
    try:
        reply = core.handle(Request(text))
    finally:
        core.close()
    return [c.text for c in reply.cards[:n]]


def test_substantive_quotes_lead_for_a_topic_and_a_speaker(tmp_path: Path) -> None:
    db = build(tmp_path / "noisy.db", NOISY_CORPUS)
    top = _top(db, "/quote sanctions")
    assert all(t.startswith(("Sanctions hurt", "We will answer")) for t in top), top
    top = _top(db, "/said Ivan Petrov")
    assert all(t.startswith(("Sanctions hurt", "We will answer")) for t in top), top


def test_migration_007_backfills_quality_of_existing_rows(tmp_path: Path) -> None:
    db_path = build(tmp_path / "old.db", NOISY_CORPUS)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE quotes SET quality = 0.5")  # as if written before the column existed
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '007_quote_quality'")
    conn.execute("ALTER TABLE quotes DROP COLUMN quality")
    conn.commit()
    conn.close()
    db = open_db(db_path)
    got = dict(db.execute("SELECT text, quality FROM quotes").fetchall())
    db.close()
    assert got["Thank you."] == quality("Thank you.", "transcript") <= 0.1
    assert got["‹…>"] == 0.0
    assert got[NOISY_CORPUS[-1].text] >= 0.9
