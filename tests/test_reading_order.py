"""A paragraph is read in order: "X said CLAUSE. “…,” he said." — the reported speech before the quotation
is known when its pronoun is resolved, however the subject is introduced (ranks, "(retd)", a company's
name before the job title, a name no lexicon knows)."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Rescue work goes on"


def quotes(body: str) -> list[ExtractedQuote]:
    return extract_quotes(f"{TITLE}\n\n{body}\n", TITLE)


def direct(body: str) -> ExtractedQuote:
    (q,) = [q for q in quotes(body) if q.kind == "direct"]
    return q


@pytest.mark.parametrize(("subject", "speaker"), [
    ("Home affairs adviser Lt Gen (retd) Jahangir Kabir", "Jahangir Kabir"),
    ("Rescue Services general manager Pieter Botha", "Pieter Botha"),
    ("Harbour Authority operations chief Tane Ngata", "Tane Ngata"),
])
def test_a_pronoun_after_a_report_in_its_own_paragraph_is_that_reporter(subject: str, speaker: str) -> None:
    body = (f"Union leader Karim Haque said workers would stay out.\n\n{subject} said crews were drilling a shaft. "
            "“We are working day and night,” he said.")
    q = direct(body)
    assert (q.speaker, q.resolution) == (speaker, "pronoun")


def test_the_earlier_speaker_is_never_reached_past_a_report_in_between() -> None:
    body = ("Union leader Karim Haque said workers would stay out.\n\nA spokesman for the rescue service said crews "
            "were drilling a shaft. “We are working day and night,” he said.")
    assert direct(body).speaker is None
