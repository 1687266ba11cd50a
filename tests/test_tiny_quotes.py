"""One quoted word inside a report is a scare quote, and a quoted title or nickname names something:
neither is anyone's direct quote. A short utterance with its own attribution ("“No,” she said") is.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


def _direct(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(text, "Harbour news") if q.kind == "direct"]


@pytest.mark.parametrize("text", [
    "Mayor Tomas Vik said on Monday that the council had been \u201cnaive\u201d about the storm.",
    "Mayor Tomas Vik said in an interview that the island needed \u201cpatience\u201d.",
    "Mayor Tomas Vik said the new timetable would start \u201csoon\u201d.",
])
def test_one_quoted_word_inside_a_report_is_no_direct_quote(text: str) -> None:
    assert _direct(text) == []
    reported = [(q.speaker, q.kind) for q in extract_quotes(text, "Harbour news")]
    assert ("Tomas Vik", "indirect") in reported  # the report itself is kept, as reported speech


@pytest.mark.parametrize("text", [
    "In her memoir \u201cTidewater\u201d, harbour master Karin Lund writes: \u201cThe sea decides, not us.\u201d",
    "The coastguard said Operation \u201cLighthouse\u201d had found two missing boats.",
    "Ole \u201cSkipper\u201d Hansen, the ferry captain, said the crossing was rough.",
])
def test_a_quoted_title_or_nickname_is_no_quote(text: str) -> None:
    words = [w for _, w in _direct(text)]
    assert "Tidewater" not in words and "Lighthouse" not in words and "Skipper" not in words


def test_a_title_does_not_stop_the_quotation_after_it() -> None:
    text = "In her memoir \u201cTidewater\u201d, harbour master Karin Lund writes: \u201cThe sea decides, not us.\u201d"
    assert _direct(text) == [("Karin Lund", "The sea decides, not us.")]


@pytest.mark.parametrize(("text", "words"), [
    ("\u201cNo,\u201d Mayor Tomas Vik said when asked whether fares would rise.", "No,"),
    ("\u201cNever,\u201d said Mayor Tomas Vik.", "Never,"),
    ("Asked if the pier would reopen, Mayor Tomas Vik said: \u201cYes.\u201d", "Yes."),
])
def test_short_speech_with_its_own_attribution_stays_a_quote(text: str, words: str) -> None:
    assert _direct(text) == [("Tomas Vik", words)]
