"""Roles over time: each card shows the role as of its quote's date, never a stale one."""

from __future__ import annotations

from pathlib import Path

from corpus.search import quote_by_id
from corpus.speaker_roles import RoleSpan, clean_role, role_as_of, role_history, role_in_text, role_keys
from corpus.store import open_db

from .corpus_builder import Q, build


def test_a_card_shows_the_role_as_of_its_date(tmp_path: Path) -> None:
    path = build(tmp_path / "m.db", [
        Q("Dmitry Medvedev", "We will modernise the economy.", "2010-05-01", role="President of Russia"),
        Q("Dmitry Medvedev", "The pension reform is needed.", "2017-03-01", role="Prime Minister"),
        Q("Dmitry Medvedev", "The budget is balanced this year.", "2017-06-01"),  # no role in this article
        Q("Dmitry Medvedev", "Our debts are small.", "2013-09-01"),  # years from any role given
    ])
    db = open_db(path)
    roles = {h.text: h.role for h in (quote_by_id(db, i) for i in range(1, 5)) if h}
    assert roles == {"We will modernise the economy.": "President of Russia",
                     "The pension reform is needed.": "Prime Minister",
                     "The budget is balanced this year.": "Prime Minister",
                     "Our debts are small.": None}


def test_role_history_spans_and_the_covering_role_wins() -> None:
    history = [RoleSpan("Head of the Federal Taxation Service", "2015-01-01", "2019-12-20", 4),
               RoleSpan("Prime Minister", "2020-01-16", "2020-08-01", 35)]
    assert role_as_of(history, "2019-06-01") == "Head of the Federal Taxation Service"
    assert role_as_of(history, "2020-03-01") == "Prime Minister"
    assert role_as_of(history, "2019-12-28") == "Head of the Federal Taxation Service"  # the nearer of the two
    assert role_as_of(history, "2024-01-01") is None  # more than a year after any role given
    assert role_as_of(history, None) is None


def test_role_history_comes_from_the_quotes(tmp_path: Path) -> None:
    path = build(tmp_path / "h.db", [Q("Anna Orlova", "A.", "2016-01-01", role="Health Minister"),
                                     Q("Anna Orlova", "B.", "2016-05-01", role="Health Minister"),
                                     Q("Anna Orlova", "C.", "2018-05-01", role="Deputy Prime Minister")])
    db = open_db(path)
    assert role_history(db, 1) == [RoleSpan("Health Minister", "2016-01-01", "2016-05-01", 2),
                                   RoleSpan("Deputy Prime Minister", "2018-05-01", "2018-05-01", 1)]


def test_roles_are_cleaned_and_past_roles_dropped() -> None:
    assert clean_role("European Economic", "Relations") == "European Economic Relations"
    assert clean_role("former Defence Minister") is None
    assert clean_role(None, "  ") is None
    assert role_keys("ALROSA CEO") == {"alros"} and role_keys("Presidential Press Secretary") == {"press"}
    assert role_keys("Agriculture Minister") == role_keys("Agricultural Minister")
    assert role_keys("President of Russia") == role_keys("Serbian President") == frozenset()


def test_the_title_gives_a_role_the_quote_lacks() -> None:
    assert role_in_text("Vladimir Putin met with ALROSA CEO Sergei Ivanov", "Sergei Ivanov") == "ALROSA CEO"
    assert role_in_text("Vladimir Putin met with Sergei Ivanov", "Sergei Ivanov") is None
    assert role_in_text("He met former Defence Minister Sergei Ivanov", "Sergei Ivanov") is None
    assert role_in_text("Talks with President of Turkey Recep Tayyip Erdogan", "Recep Tayyip Erdogan") == \
        "President of Turkey"


def test_the_bots_cards_carry_the_role_as_of_each_quotes_date(tmp_path: Path) -> None:
    from bot.core import Core
    from bot.reply import Request

    path = build(tmp_path / "b.db", [
        Q("Dmitry Medvedev", "We will modernise the economy.", "2010-05-01", role="President of Russia"),
        Q("Dmitry Medvedev", "The pension reform is needed.", "2017-03-01", role="Prime Minister"),
        Q("Dmitry Medvedev", "The budget is balanced this year.", "2017-06-01"),
    ])
    core = Core(path)
    try:
        reply = core.handle(Request(text="/said Medvedev", page_size=10))
        assert {c.text: c.role for c in reply.cards} == {"We will modernise the economy.": "President of Russia",
                                                        "The pension reform is needed.": "Prime Minister",
                                                        "The budget is balanced this year.": "Prime Minister"}
        assert reply.title == "Quotes by Dmitry Medvedev (Prime Minister)"  # the header agrees with the newest card
    finally:
        core.close()
