"""Verbs that report speech also take plain objects ("recalled 1 million cars", "acknowledged the
crowd", "conceded two goals"): only a reported clause after them is someone's reported speech.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.extract.clauses import object_not_clause


def _indirect(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(text, "Harbour news") if q.kind == "indirect"]


@pytest.mark.parametrize("sentence", [
    "Nordvik Motors recalled 40,000 vans over faulty brakes on Monday.",
    "Nordvik Motors recalled 40,000 vans built by its supplier Kessel Parts.",
    "Winger Ada Strand acknowledged the crowd after scoring her third goal.",
    "Harbour City conceded two late goals as the visitors won 3-1.",
    "Mayor Tomas Vik admitted defeat in the budget talks.",
    "Ada Strand claimed gold in the 400 metres but later conceded silver in the relay.",
    "Olaf Brandt recalled his first season at the club, in 1998, when he scored twice.",
    "Mayor Tomas Vik read the decision aloud at the start of the session.",
    "Mayor Tomas Vik, noted for his long speeches, opened the new pier on Monday.",
    "Mayor Tomas Vik was admitted to hospital on Monday after a fall.",
    "Harbour master Olaf Brandt answered questions from pupils at the school.",
])
def test_a_plain_object_of_a_speech_verb_is_no_reported_speech(sentence: str) -> None:
    text = f"{sentence}\n\nThe season ends in May.\n"
    assert _indirect(text) == []


@pytest.mark.parametrize(("sentence", "speaker", "words"), [
    ("Mayor Tomas Vik admitted the budget had been drawn up in a hurry.", "Tomas Vik",
     "the budget had been drawn up in a hurry"),
    ("Olaf Brandt recalled how the pier had flooded every winter.", "Olaf Brandt",
     "how the pier had flooded every winter"),
    ("Winger Ada Strand acknowledged that the team had played badly.", "Ada Strand",
     "the team had played badly"),
    ("Mayor Tomas Vik noted that, unlike last year, the ferry had run on time.", "Tomas Vik",
     "unlike last year, the ferry had run on time"),
    ("Mayor Tomas Vik announced his resignation on Sunday.", "Tomas Vik", "his resignation on Sunday"),
])
def test_a_reported_clause_after_those_verbs_is_still_reported_speech(sentence: str, speaker: str, words: str) -> None:
    found = _indirect(f"{sentence}\n\nThe season ends in May.\n")
    assert found == [(speaker, words)]


def test_a_participle_before_by_is_no_finite_verb_but_a_later_clause_verb_is() -> None:
    assert object_not_clause("40,000 vans built by its supplier")
    assert not object_not_clause("the vans built by its supplier were unsafe")
    assert object_not_clause("victory but later conceded")
    assert not object_not_clause("Thursday, the mayor would resign")


def test_what_the_speaker_did_while_speaking_is_not_what_was_said() -> None:
    text = "“The pier is open at last,” Mayor Tomas Vik said as he cut the ribbon.\n"
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(text, "Harbour news")]
    assert found == [("direct", "Tomas Vik", "The pier is open at last,")]
