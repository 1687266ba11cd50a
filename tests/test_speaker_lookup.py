"""Look-ups agree on the surname: a close spelling finds the person, a first name or another surname never does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.core import Core
from bot.reply import Reply, Request
from corpus.speaker_lookup import find_speakers, suggest_speakers
from corpus.store import open_db

from .corpus_builder import Q, build

PEOPLE = [
    Q("Vladimir Putin", "Our economy has adapted to the sanctions.", "2021-11-19", role="President of Russia"),
    Q("Lyudmila Putina", "The school opens in September.", "2005-09-01"),
    Q("Sergei Lavrov", "BRICS is becoming an important centre of a multipolar world.", "2022-06-01",
      role="Foreign Minister"),
    Q("Jack Ma", "Trade between our countries will double.", "2019-06-06", role="Alibaba founder"),
    Q("Denis Protsenko", "The hospital is ready for new patients.", "2020-03-20"),
    Q("Johnson Khagazheyev", "The mine will reopen in spring.", "2019-02-02"),
    Q("Marina Kim", "The programme airs tonight.", "2019-12-19"),
    Q("Vladimir Vladimirov", "The region's budget will grow.", "2018-05-05", role="Stavropol Governor"),
    Q("Igor Ivanov", "The START Treaty remains the basis of strategic stability.", "2001-05-01",
      role="Foreign Minister"),
    Q("Igor Ivanov", "Our relations with Europe are improving.", "2003-07-26", role="Foreign Minister"),
    Q("Sergei Ivanov", "Our defence budget will grow next year, the army needs it.", "2006-03-02",
      role="Defence Minister"),
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_db(build(tmp_path / "people.db", PEOPLE))
    yield d
    d.close()


def _names(db: Database, typed: str) -> list[str]:
    return [m.name for m in find_speakers(db, typed)]


@pytest.mark.parametrize("typed", ["Obama", "Poroshenko", "Johnson", "Kim Jong-un", "Vladimir", "Sergei",
                                   "Putin Ukraine", "x"])
def test_a_first_name_or_a_different_surname_finds_nobody(db: Database, typed: str) -> None:
    assert _names(db, typed) == []


@pytest.mark.parametrize(("typed", "name"), [("lavrof", "Sergei Lavrov"), ("LAVROV", "Sergei Lavrov"),
                                             ("Sergey Lavrov", "Sergei Lavrov"), ("S. Lavrov", "Sergei Lavrov"),
                                             ("putin", "Vladimir Putin"), ("Mr Putin", "Vladimir Putin"),
                                             ("Marina Kim", "Marina Kim"), ("Ma", "Jack Ma")])
def test_a_close_spelling_of_the_surname_finds_the_one_person(db: Database, typed: str, name: str) -> None:
    assert _names(db, typed) == [name]


def test_namesakes_are_offered_with_role_and_date_range(db: Database) -> None:
    found = {m.name: m for m in find_speakers(db, "Ivanov")}
    assert set(found) == {"Igor Ivanov", "Sergei Ivanov"}
    igor = found["Igor Ivanov"]
    assert (igor.role, igor.first, igor.last, igor.quotes) == ("Foreign Minister", "2001-05-01", "2003-07-26", 2)
    assert _names(db, "Igor Ivanov") == ["Igor Ivanov"]


def test_suggestions_are_close_names_for_a_did_you_mean(db: Database) -> None:
    assert "Sergei Lavrov" in [m.name for m in suggest_speakers(db, "Lavrova")]
    assert suggest_speakers(db, "Obama") == []


def _ask(core: Core, text: str) -> Reply:
    return core.handle(Request(text=text))


def test_the_bot_says_it_knows_no_such_speaker_and_offers_close_names(db: Database, tmp_path: Path) -> None:
    core = Core(tmp_path / "people.db")
    try:
        reply = _ask(core, "/said Obama")
        assert not reply.cards and reply.text.startswith("I know no speaker called “Obama”")
        for action in reply.actions:  # did-you-mean buttons (none here: no name is close to Obama)
            assert action.kind == "choose"
        choice = _ask(core, "/said Ivanov")
        labels = sorted(a.label for a in choice.actions)
        assert labels == ["Igor Ivanov (Foreign Minister, 2001–2003) · 2",
                          "Sergei Ivanov (Defence Minister, 2006) · 1"]
        whole = _ask(core, "/said Kim Jong-un")  # a whole name nobody has: never Marina Kim on topic "Jong-un"
        assert not whole.cards and whole.text.startswith("I know no speaker called “Kim Jong-un”")
        direct = _ask(core, "/said putin")
        assert [c.speaker for c in direct.cards] == ["Vladimir Putin"]
    finally:
        core.close()
