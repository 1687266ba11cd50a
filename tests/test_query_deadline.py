"""QUOTEBOT_QUERY_TIMEOUT_MS bounds a whole question (corpus/deadline.py): every search command and
button answers "took too long" once the deadline has passed, SQLite statements are interrupted
mid-run, and nested limits keep the earliest deadline without outliving their block."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.config import Settings
from bot.core import Core
from bot.reply import Reply, Request
from corpus.deadline import QueryTimeout, check, remaining_ms, time_limit

from .corpus_builder import Q, build

LONG_STATEMENT = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
                  "SELECT count(*) FROM n")
QUESTIONS = ["/quote harvest", "/who harvest", "/said Sidorova", "/said Sidorova harvest",
             '/verify "farmers must get cheaper credit quickly"', "who said what about the harvest?"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("deadline") / "d.db", [
        Q("Olga Sidorova", "The harvest was the best in a decade. Farmers must get cheaper credit, and quickly.",
          "2021-09-01"),
        Q("Ivan Petrov", "The harvest figures from the regions cannot be trusted any more.", "2021-09-02"),
    ])


def core_with(corpus: Path, timeout_ms: int) -> Core:
    return Core(corpus, settings=Settings({"QUOTEBOT_QUERY_TIMEOUT_MS": timeout_ms}))


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_past_its_deadline_is_answered_too_long_not_with_results(corpus: Path, text: str) -> None:
    core = core_with(corpus, 0)
    try:
        reply = core.handle(Request(text))
    finally:
        core.close()
    assert reply.error and "took too long" in (reply.text or ""), reply
    assert not reply.cards


@pytest.mark.parametrize("text", QUESTIONS)
def test_the_same_questions_answer_within_the_default_limit(corpus: Path, text: str) -> None:
    core = core_with(corpus, 2000)
    try:
        reply = core.handle(Request(text))
    finally:
        core.close()
    assert not reply.error and reply.cards, reply


def test_a_pressed_button_keeps_the_deadline_too(corpus: Path) -> None:
    roomy = core_with(corpus, 2000)
    try:
        first: Reply = roomy.handle(Request("/quote harvest", chat_id="c1", page_size=1))  # a "More" button
        assert first.actions, first
    finally:
        roomy.close()
    token = first.actions[0].token
    tight = core_with(corpus, 0)
    try:
        pressed = tight.press(token, Request("", chat_id="c1"))
    finally:
        tight.close()
    assert pressed.error and "took too long" in (pressed.text or "")


def test_a_long_sqlite_statement_is_interrupted(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db")
    with pytest.raises(QueryTimeout), time_limit(db, 20):
        db.execute(LONG_STATEMENT).fetchall()  # a billion rows: minutes without the limit
    assert db.execute("SELECT 1").fetchone() == (1,)  # the connection is usable, the handler gone


def test_nested_limits_keep_the_earliest_deadline_and_end_with_their_block(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db")
    assert remaining_ms() is None
    with time_limit(db, 60_000):
        outer_left = remaining_ms()
        assert outer_left is not None and 0 < outer_left <= 60_000
        with time_limit(db, 120_000):  # a later deadline inside changes nothing
            inner_left = remaining_ms()
            assert inner_left is not None and inner_left <= outer_left
        with pytest.raises(QueryTimeout), time_limit(db, 0):
            check()
        check()  # the outer deadline is still far off
        assert db.execute("SELECT 2").fetchone() == (2,)
    assert remaining_ms() is None
