"""Reports with the verb before its subject ("CLAUSE, said Mr Orlov."), and the two sides of a speech
verb that only one of holds a report: a subject with an age or an affiliation before "said", and a
time and narration after it ("…, state radio announced late Monday, drawing criticism …")."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Officials discuss the harvest"


def quotes(body: str) -> list[ExtractedQuote]:
    return extract_quotes(f"{TITLE}\n\n{body}\n", TITLE)


@pytest.mark.parametrize(("body", "speaker"), [
    ("Pavel Orlov opened the fair. The grain reserves will last for two more winters, said Mr Orlov.", "Orlov"),
    ("The grain reserves will last for two more winters, said Pavel Orlov.", "Pavel Orlov"),
    ("The grain reserves will last for two more winters, said Pavel Orlov, answering questions from farmers.",
     "Pavel Orlov"),
    ("Pavel Orlov spoke first. The grain reserves will last for two more winters, stressed Minister Orlov, opening "
     "the fair.", "Orlov"),
])
def test_a_clause_then_the_verb_then_a_two_word_name_names_the_whole_name(body: str, speaker: str) -> None:
    # "said Mr Orlov" was read as "said Mr" (nobody) with "Orlov" taken for a listener
    [q] = quotes(body)  # and what the speaker was doing (", answering …", ", opening …") is no second report
    assert q.text == "The grain reserves will last for two more winters"
    assert q.kind == "indirect" and q.speaker is not None and q.speaker.endswith(speaker)


def test_a_listener_after_told_is_still_nobody() -> None:
    assert all(q.speaker != "Radio North" for q in quotes(
        "The grain reserves will last for two more winters, told Radio North."))


def test_an_age_or_affiliation_before_said_is_the_subject_not_the_report() -> None:
    found = quotes("Passenger Ellen Morse, 41, said families with babies had slept on the departure hall floor.")
    assert [(q.text, q.speaker) for q in found] == [
        ("families with babies had slept on the departure hall floor", "Ellen Morse")]


def test_a_time_and_narration_after_the_verb_leave_the_report_before_it() -> None:
    found = quotes("The military council has extended its rule by three years and banned all parties, state radio "
                   "announced late Monday, drawing criticism from exiled politicians.")
    assert [q.text for q in found] == [
        "The military council has extended its rule by three years and banned all parties"]
    assert all("drawing criticism" not in q.text for q in found)


def test_a_speech_participle_after_the_verb_is_a_report_of_its_own() -> None:
    found = quotes("The grain reserves will last for two more winters, Pavel Orlov said on Monday, adding that "
                   "prices would stay flat.")
    texts = {q.text: q.speaker for q in found}
    assert texts.get("The grain reserves will last for two more winters") == "Pavel Orlov"
    assert any("prices would stay flat" in t and s == "Pavel Orlov" for t, s in texts.items())
