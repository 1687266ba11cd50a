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


@pytest.mark.parametrize("text", [
    "Prosecutor Gunnhild Ovrebo read from the defendant's diary: “Today I will finish it.”",
    "President Claudia Sheinbaum played a video of her predecessor, Andres Manuel Lopez Obrador, saying: "
    "“Nothing by force, everything by reason.”",
    "Archbishop Thabo Makgoba read a message from Graca Machel: “We must not forget the children of this land.”",
    "Narendra Modi, quoting Rabindranath Tagore, said: “Where the mind is without fear, the head is held high.”",
    "Bishop Thomas Dabre cited Mahatma Gandhi: “An eye for an eye makes the whole world blind.”",
    "Kemal Kilicdaroglu read out Ataturk's words: “Peace at home, peace in the world.”",
    "Farmer Hendrik Smit recalled his father's advice: “Never sell the land, whatever they offer you.”",
])
def test_words_a_person_reads_out_quotes_or_plays_are_not_theirs(text: str) -> None:
    found = extract_quotes(text, "Words of others")
    assert [q.speaker for q in found if q.kind == "direct"] == [None]
    assert not [q for q in found if q.kind == "indirect"]  # "read a message from Y:" reports nothing


@pytest.mark.parametrize("text", [
    "Prosecutor Gunnhild Ovrebo told the court: “The defendant planned this for months.”",
    "Finance Minister Kwame Asante said in his statement: “The banks will stay private for good.”",
    "Putin's words were clear, Finance Minister Kwame Asante said: “The banks will stay private for good.”",
])
def test_a_speakers_own_words_beside_other_peoples_are_still_theirs(text: str) -> None:
    assert [q.speaker for q in extract_quotes(text, "Own words") if q.kind == "direct"] != [None]


def test_a_message_introduced_by_its_own_sender_keeps_its_sender() -> None:
    text = ("Vladimir Putin congratulated Ibrahim al-Jaafari on his appointment.\n\n"
            "The message of congratulations reads:\n\n“I wish you success in your work for the good of your people.”")
    found = extract_quotes(text, "Vladimir Putin congratulated Ibrahim al-Jaafari on his appointment")
    assert [q.speaker for q in found if q.kind == "direct"] == ["Vladimir Putin"]


@pytest.mark.parametrize("text", [
    "Rohingya refugee Nur Begum said the soldiers shouted “kill them all” as they entered the village.",
    "A prisoner, Oleh Marchenko, said Russian guards forced him to sing “Russia is great” every morning.",
    "Activist Boniface Mwangi said the officer shouted “Go home now!” and then fired.",
    "Senator Ruth Okafor said the rule was no different from the mayor referring to himself as “the people's clerk.”",
])
def test_words_someone_else_voices_inside_reported_speech_are_not_the_reporters(text: str) -> None:
    assert [q.speaker for q in extract_quotes(text, "Voices") if q.kind == "direct"] == [None]


def test_quoted_words_of_the_reporting_speaker_stay_theirs() -> None:
    text = "Finance Minister Kwame Asante said the reforms were “long overdue and necessary”."
    assert [q.speaker for q in extract_quotes(text, "Reforms") if q.kind == "direct"] == ["Kwame Asante"]


def test_a_speaker_saying_what_they_were_referring_to_keeps_their_words() -> None:
    text = ("Finance Minister Kwame Asante later said he was referring to the tax office, "
            "“not to the people who work there.”")
    assert [q.speaker for q in extract_quotes(text, "Reforms") if q.kind == "direct"] == ["Kwame Asante"]


def test_double_quoted_words_inside_a_single_quoted_quotation_are_not_the_outer_speakers() -> None:
    # UK house style: the outer quotation in single marks, a quotation inside it in double ones.
    # The single-quoted quotation is hers, whole; the minister's words inside it are no quote of hers.
    text = "Labour MP Dawn Butler said: 'The minister told me, “We are looking into it,” but nothing happened.'"
    found = [(q.speaker, q.text) for q in extract_quotes(text, "Housing") if q.kind == "direct"]
    assert found == [("Dawn Butler", "The minister told me, “We are looking into it,” but nothing happened.")]


@pytest.mark.parametrize("text", [
    "The farmers' union chief Dawn Butler said: “We are looking into it, and we will act.”",
    "It's over, Dawn Butler said: “We are looking into it, and we will act.”",
])
def test_an_apostrophe_before_a_quotation_opens_no_single_quoted_one(text: str) -> None:
    assert [q.speaker for q in extract_quotes(text, "Housing") if q.kind == "direct"] == ["Dawn Butler"]


@pytest.mark.parametrize("text", [
    "Prosecutor Helen Achterberg told the court on Monday that 19-year-old Lisa Brandt had sent her brother "
    "a text minutes before the collision reading: “He is driving like a maniac, I want out.”",
    "Prosecutor Helen Achterberg told the court that Lisa Brandt had written to her brother: “He is driving "
    "like a maniac, I want out.”",
    "Detective Omar Farouk said that Lisa Brandt had messaged a friend: ‘He is driving like a maniac, I want out.’",
])
def test_a_quotation_a_report_relays_from_its_own_named_subject_is_not_the_reporters(text: str) -> None:
    # The reported clause names who wrote the words; the person reporting it did not say them.
    direct = [(t, s) for k, t, s in _named(text) if k == "direct"]
    assert direct == [("He is driving like a maniac, I want out.", None)], direct
    indirect = [(t, s) for k, t, s in _named(text) if k == "indirect"]
    assert indirect and all("He is driving" not in t for t, _ in indirect)  # the report ends at the colon


def test_a_listener_named_before_the_colon_still_leaves_the_quotation_to_the_speaker() -> None:
    text = "Prosecutor Helen Achterberg told the court on Monday: “The evidence will show a pattern of threats.”"
    assert [(t, s) for k, t, s in _named(text) if k == "direct"] == [
        ("The evidence will show a pattern of threats.", "Helen Achterberg")]


@pytest.mark.parametrize("text", [
    "Prime Minister Ewa Nowak repeated Lech Wałęsa's famous line: “There is no freedom without solidarity.”",
    "The mayor ended with her late father's favourite saying: “A town is only as strong as its neighbours.”",
    "Coach Tom Berg borrowed Vince Lombardi's old slogan: “Winning is a habit, and so is losing.”",
])
def test_someone_elses_line_repeated_is_not_the_repeaters_quote(text: str) -> None:
    assert [s for k, _, s in _named(text) if k == "direct"] == [None]
