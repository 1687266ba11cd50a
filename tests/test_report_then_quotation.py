"""A paragraph that is all quotation, with no cue of its own, after a paragraph that ends with a report of
someone's words, carries on that report: "Ruiz argued in her letter that the toll would ruin the island.⏎⏎
“…”" is Ruiz's (resolution "continuation", the report's mention as the evidence). Not after a report of
several speakers ("Dunn, Berg and Ruiz argued …"), after a paragraph that ends in quoted words of its own,
after mere narration, or when the quotation opens with a transcript label (issue 10, construction 3:
only a speech-act subject, never a person merely mentioned).

Every text here is written for these tests.
"""

from __future__ import annotations

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Harbour town debates the new ferry"
INTRO = "Tom Dunn and Ana Ruiz both want to run the harbour board. Karl Berg runs the ferry.\n\n"
QUOTE = "“In light of this serious breach, is it prudent for the board to keep the toll at all?”"


def _second(first_paragraph: str, quote: str = QUOTE) -> tuple[ExtractedQuote, str | None]:
    text = f"{TITLE}\n\n{INTRO}{first_paragraph}\n\n{quote}\n"
    hits = [q for q in extract_quotes(text, TITLE) if q.kind == "direct" and q.start > text.index(quote)]
    assert len(hits) == 1, hits
    q = hits[0]
    return q, None if q.speaker_start is None else text[q.speaker_start:q.speaker_end]


def test_a_quotation_paragraph_after_a_report_is_the_reporters_speakers() -> None:
    q, mention = _second("Ruiz argued in her letter that the toll would ruin the island.")
    assert (q.speaker, mention, q.resolution) == ("Ana Ruiz", "Ruiz", "continuation")


def test_after_a_report_closed_by_a_colon() -> None:
    q, mention = _second("Ruiz said that, given the state of the boats:")
    assert (q.speaker, mention) == ("Ana Ruiz", "Ruiz")


def test_not_after_a_report_of_several_speakers() -> None:
    q, _ = _second("Dunn, Berg and Ruiz argued that the toll would ruin the island.")
    assert q.speaker is None


def test_not_after_narration_that_only_mentions_someone() -> None:
    q, _ = _second("Ruiz walked along the quay to the ticket office in the rain.")
    assert q.speaker is None


def test_not_after_a_report_ending_in_quoted_words() -> None:
    q, _ = _second("Ruiz told the board she would ask the critics to “think again.”")
    assert q.speaker is None


def test_not_when_the_quotation_opens_with_a_turn_label() -> None:
    q, _ = _second("Ruiz argued that the toll would ruin the island.",
                   "“Karl Berg: In light of this serious breach, is it prudent for the board to keep the toll?”")
    assert q.speaker != "Ana Ruiz"
