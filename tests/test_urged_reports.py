"""A report of an urging keeps whom the speaker urged and is shown with its own verb ("X urged Y to …"),
never garbled into "X said that to …".

Every text here is written for these tests.
"""

from __future__ import annotations

from bot.answering.cards import to_card
from bot.reply import format_card_plain, reported
from corpus.extract import extract_quotes
from corpus.search import Hit


def _indirect(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.cue, q.text) for q in extract_quotes(text, "Harbour news") if q.kind == "indirect"]


def test_the_one_urged_is_part_of_the_report() -> None:
    found = _indirect("Opposition leader Anna Berg urged the harbour board to reopen the north pier before winter.")
    assert found == [("Anna Berg", "urged", "the harbour board to reopen the north pier before winter")]


def test_an_urging_card_reads_as_the_verb_not_as_said_that() -> None:
    hit = Hit(1, "the harbour board to reopen the north pier before winter", 7, "Anna Berg", None, "indirect", 0.95,
              "2024-03-01", "TASS", "Pier", None, 1, 0, 10, cue="urged")
    card = to_card(hit)
    assert reported(card) == ("Anna Berg urged", "the harbour board to reopen the north pier before winter")
    text = format_card_plain(card)
    assert "Anna Berg urged the harbour board to reopen" in text and "said that" not in text
