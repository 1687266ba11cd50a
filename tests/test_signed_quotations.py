"""A quotation signed below it, as fact checks and quote boxes print them: the quotation is its whole
paragraph and the next one is a dash and a name ("“…”⏎⏎- Ana Ruiz.", "“…”⏎⏎-Tom Dunn, tweeting after the
vote."); and the verb first before a colon ("Stated Ruiz:⏎⏎“…”", "Continued Dunn: “…”") (issue 10,
direct attachment). A dash line that is no name signs nothing.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Harbour town debates the new ferry"
INTRO = "Tom Dunn and Ana Ruiz both want to run the harbour board.\n\n"
WORDS = "The ferry has never once left on time this winter, and nobody at the council cares."


def _quote(body: str) -> tuple[ExtractedQuote, str | None]:
    text = f"{TITLE}\n\n{INTRO}{body}\n"
    hits = [q for q in extract_quotes(text, TITLE) if q.kind == "direct" and q.text.startswith("The ferry")]
    assert len(hits) == 1, hits
    q = hits[0]
    return q, None if q.speaker_start is None else text[q.speaker_start:q.speaker_end]


@pytest.mark.parametrize(("signature", "mention"), [
    ("- Ana Ruiz.", "Ana Ruiz"),
    ("-Ana Ruiz, tweeting after the vote.", "Ana Ruiz"),
    ("— Ruiz", "Ruiz"),
])
def test_a_quotation_signed_in_the_next_paragraph(signature: str, mention: str) -> None:
    q, found = _quote(f"\"{WORDS}\"\n\n{signature}\n\nRuiz tends to overstate the delays.")
    assert (q.speaker, found) == ("Ana Ruiz", mention)


def test_a_dash_line_that_is_no_name_signs_nothing() -> None:
    q, _ = _quote(f"\"{WORDS}\"\n\n- The list goes on and on, year after year.")
    assert q.speaker is None


@pytest.mark.parametrize("lead", ["Stated Ruiz:\n\n", "Continued Ruiz: "])
def test_the_verb_first_before_a_colon(lead: str) -> None:
    q, found = _quote(f"{lead}“{WORDS}”")
    assert (q.speaker, found) == ("Ana Ruiz", "Ruiz")
