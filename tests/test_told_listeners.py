"""Whom a report was made to, between the verb and "that": "told donors on Monday that …", "reported to the
President that …", "wrote to the council that …". The clause after "that" is the report. Not a listener:
a noun after "said" ("said debates that unfolded …" — a relative clause), "to" + a verb ("promised to raise
that issue"), or another speaker's verb ("announced this after X had reported that …" is X's report). Our own
sentences."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text, None)]


@pytest.mark.parametrize("sentence", [
    "Harbour master Maren Holt told donors on Monday that the ferry would keep running.",
    "Harbour master Maren Holt reported to the President that the ferry would keep running.",
    "Harbour master Maren Holt wrote to the island council that the ferry would keep running.",
])
def test_a_listener_before_that(sentence: str) -> None:
    assert _quotes(sentence) == [("indirect", "the ferry would keep running", "Maren Holt")]


def test_a_noun_after_said_is_no_listener() -> None:
    qs = _quotes("Harbour master Maren Holt said debates that unfolded on the island made it clear that views "
                 "differed.")
    assert all(not t.startswith("unfolded") for _, t, _ in qs)


def test_to_and_a_verb_is_no_listener() -> None:
    assert _quotes("Harbour master Maren Holt promised to raise that issue at the next meeting of the board.") == []


def test_another_speakers_verb_before_that() -> None:
    qs = _quotes("The mayor announced this after Harbour Minister Maren Holt had reported that the repairs were done.")
    assert qs == [("indirect", "the repairs were done", "Maren Holt")]
