"""Index terms are stems, and a stem is not always its own stem ("accelerate" → "acceler" → "accel"):
a term the index holds must be looked up as it is, never analysed a second time.

Through the core, on a real SQLite corpus and its search index.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import Core
from bot.reply import Reply, Request
from corpus.index_schema import analyzer

from .corpus_builder import Q, build

ACCELERATE = "We will accelerate the reforms of the tax system next year."
ADVERTISING = "Advertising on state television must be regulated more strictly."


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    c = Core(build(tmp_path / "s.db", [
        Q("Anton Siluanov", ACCELERATE, "2024-03-01"),
        Q("Vitaly Savelyev", ADVERTISING, "2024-03-02"),
        Q("Sergey Lavrov", "NATO expansion is a threat to European security.", "2021-12-01"),
    ]))
    yield c
    c.close()


def ask(core: Core, text: str) -> Reply:
    return core.handle(Request(text=text))


def test_the_premise_these_stems_change_when_stemmed_again() -> None:
    stem = analyzer()
    assert [stem.analyze(w) for w in ("accelerate", "acceler", "advertising", "advertis")] == [
        ["acceler"], ["accel"], ["advertis"], ["adverti"]]


def test_a_misspelt_word_whose_stem_is_not_its_own_stem_is_corrected(core: Core) -> None:
    quote = ask(core, "/quote acelerate")
    assert [c.text for c in quote.cards] == [ACCELERATE]
    assert quote.text == "Showing results for “accelerate” (you typed “acelerate”)."
    who = ask(core, "/who acelerate")
    assert [(c.speaker, c.text) for c in who.cards] == [("Anton Siluanov", ACCELERATE)]
    assert who.text == "Showing results for “accelerate” (you typed “acelerate”)."
    assert [c.text for c in ask(core, "/quote advertizing").cards] == [ADVERTISING]


def test_a_correction_whose_stem_is_stable_still_works(core: Core) -> None:
    reply = ask(core, "/quote refroms")
    assert [c.text for c in reply.cards] == [ACCELERATE]
    assert reply.text == "Showing results for “reforms” (you typed “refroms”)."


def test_verify_looks_up_each_claim_term_stemmed_once(core: Core) -> None:
    """The rarity look-up reads the frequency of the term the index holds ("acceler"), so a claim
    whose rare words are such stems still finds its candidates."""
    assert ask(core, '/verify "we will accelerate the reforms"').title == "Real: Anton Siluanov said this."
    missing = ask(core, '/verify "bureaucrats accelerate advertising bans everywhere"')
    assert missing.title == "Not in the corpus"
    assert "every quote sharing its rarest words (acceler, advertis)." in missing.text
