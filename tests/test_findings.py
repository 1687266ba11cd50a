"""What a study, a poll or a person found or showed, reported with "that": "A survey found that …",
"Maren Holt found that …" are reports of the source's finding (indirect speech). Without "that" the
verb has an object ("found the boat"); with a subject that reports nothing ("It shows that …", "The
talks showed that …") it is the writer's reasoning: neither is stored. Our own sentences."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text, None)]


def test_a_person_found_that() -> None:
    assert _quotes("Harbour master Maren Holt found that the night ferry carried fewer than ten passengers.") == [
        ("indirect", "the night ferry carried fewer than ten passengers", "Maren Holt")]


@pytest.mark.parametrize("sentence, clause", [
    ("A survey by the harbour authority found that most islanders take the ferry twice a week.",
     "most islanders take the ferry twice a week"),
    ("A new poll shows that most islanders want a bridge.", "most islanders want a bridge"),
])
def test_a_study_or_poll_found_that_names_nobody(sentence: str, clause: str) -> None:
    qs = extract_quotes(sentence, None)
    assert [(q.kind, q.text, q.speaker) for q in qs] == [("indirect", clause, None)]
    assert qs[0].speaker_start is not None  # the source mention is kept as the evidence


@pytest.mark.parametrize("sentence", [
    "Police found the missing boat near the pier.",
    "It shows that the islanders care about their ferry.",
    "The talks showed that both sides want a deal.",
])
def test_no_finding_is_reported(sentence: str) -> None:
    assert _quotes(sentence) == []
