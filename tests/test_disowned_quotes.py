"""Words put in someone's mouth — denied, alleged by another, faked — are nobody's quote, and a
denial is never shown as "X said that …" (texts written for these tests)."""

from __future__ import annotations

import pytest

from bot.answering.cards import to_card
from bot.reply import reported
from corpus.extract import extract_quotes
from corpus.search import Hit


def _named(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text, "Claims and denials")]


@pytest.mark.parametrize("text", [
    "Finance Minister Kwame Asante denied on Tuesday saying that “the banks should be nationalised”.",
    "Finance Minister Kwame Asante denied ever having said “the banks should be nationalised”.",
    "Finance Minister Kwame Asante denied that he had said “the banks should be nationalised”.",
    "Finance Minister Kwame Asante rejected reports that he had told aides “the banks should be nationalised”.",
])
def test_words_a_person_denies_saying_are_not_their_quote(text: str) -> None:
    direct = [(t, s) for k, t, s in _named(text) if k == "direct"]
    assert direct == [("the banks should be nationalised", None)]


def test_words_one_person_accuses_another_of_saying_are_neither_persons() -> None:
    text = ("Opposition leader Ana Brnabic accused Prime Minister Milos Vucevic of saying "
            "“students are paid by foreigners”.")
    assert [(t, s) for k, t, s in _named(text) if k == "direct"] == [("students are paid by foreigners", None)]


@pytest.mark.parametrize("text", [
    "A deepfake video purporting to show President Volodymyr Zelenskiy telling soldiers to “lay down your "
    "arms and return to your families” circulated on social media.",
    "An AI-generated robocall imitating President Joe Biden told voters: “Save your vote for the November election.”",
    "A parody account impersonating Finance Minister Kwame Asante wrote: “The banks should be nationalised today.”",
])
def test_words_a_forgery_or_imitation_puts_in_a_mouth_are_nobodys(text: str) -> None:
    assert [s for _, _, s in _named(text)] and all(s is None for _, _, s in _named(text))


@pytest.mark.parametrize(("text", "speaker"), [
    ("Finance Minister Kwame Asante denied the charges, saying “I have done nothing wrong at all.”", "Kwame Asante"),
    ("Finance Minister Kwame Asante accused the opposition of lying. “They know the truth,” he said.", "Kwame Asante"),
    ("Finance Minister Kwame Asante denied the charges and said: “I have done nothing wrong at all.”", "Kwame Asante"),
    ("Finance Minister Kwame Asante rejected the plan and said: “It will ruin the farmers.”", "Kwame Asante"),
])
def test_a_denial_or_accusation_in_the_speakers_own_words_keeps_its_speaker(text: str, speaker: str) -> None:
    assert [s for k, _, s in _named(text) if k == "direct"] == [speaker]


def test_a_reported_denial_is_shown_with_its_verb_never_as_said_that() -> None:
    hit = Hit(1, "he had ordered the strike", 7, "Kwame Asante", None, "indirect", 0.95, "2024-03-01", "TASS",
              "Denial", None, 1, 0, 10, cue="denied")
    assert reported(to_card(hit)) == ("Kwame Asante denied", "he had ordered the strike")
