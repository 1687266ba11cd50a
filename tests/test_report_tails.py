""""CLAUSE, X said." with what wire copy puts around the attribution: an apposition ("…, a spokeswoman,
Maren Holt, said on Saturday." / "…, Maren Holt, the harbour master, said."), a bare weekday ("…, the company
said Thursday."), and a clause of narration after it (", and the council has agreed."). Never an
attribution: a clause joined by "and" ("…, and the council promised …") or a relative clause ("…, about
which residents complained, …"). Our own sentences."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes

CLAUSE = "The ferry will keep running through the winter"


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text, None)]


@pytest.mark.parametrize("tail", [
    ", a spokeswoman, Maren Holt, said on Saturday.",
    ", Maren Holt, the harbour master, said on Saturday.",
    ", Maren Holt said on Saturday, and the council has agreed.",
])
def test_the_clause_before_the_attribution_is_the_report(tail: str) -> None:
    assert _quotes(CLAUSE + tail) == [("indirect", CLAUSE, "Maren Holt")]


def test_a_bare_weekday_after_the_verb() -> None:
    qs = extract_quotes(CLAUSE + ", the company said Thursday.", None)
    assert [(q.kind, q.text) for q in qs] == [("indirect", CLAUSE)]
    assert qs[0].speaker_start == len(CLAUSE) + 2  # the evidence is "the company"


@pytest.mark.parametrize("sentence", [
    "The timetable needs council support, and the mayor promised to issue the instructions.",
    "The board discussed the harbour, in particular the dredging, about which local residents have complained, "
    "and ways to pay for it.",
])
def test_no_attribution_in_a_joined_or_relative_clause(sentence: str) -> None:
    assert [q for q in _quotes(sentence) if q[0] == "indirect" and not q[1].startswith("to issue")] == []
