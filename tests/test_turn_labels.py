"""Transcript turn labels of every shape end the turn before them; the name is read where its shape is clear.

Texts are made up for these tests in the layout of en.kremlin.ru transcripts (labels wrapped over
lines, translator's notes, long roles); no sentence is taken from the site.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.extract.labels import read_label, turn_break

_OPENING = ("Vladimir Putin: Good afternoon. Let us begin with the results of the year, they\n"
            "are better than we expected.\n\n")
_AFTER = (" We are grateful for the invitation and\nwe hope to build the new port together.\n\n"
          "Our trade grew last year.\n\n")
_CLOSING = "Vladimir Putin: Thank you. Let us move on to the next item.\n"


def _speakers(label: str) -> list[str | None]:
    found = extract_quotes(_OPENING + label + _AFTER + _CLOSING, "Talks with the delegation")
    assert [q.text for q in found] == [
        "Good afternoon. Let us begin with the results of the year, they\nare better than we expected.",
        "We are grateful for the invitation and\nwe hope to build the new port together.",
        "Our trade grew last year.",
        "Thank you. Let us move on to the next item.",
    ]
    return [q.speaker for q in found]


@pytest.mark.parametrize(("label", "name"), [
    # a lower-case particle joined to the surname
    ("Karim al-Hassan :", "Karim al-Hassan"),
    ("President of the Republic of Utopia Karim al-Hassan (retranslated) :", "Karim al-Hassan"),
    ("President of Utopia\nAbdel Karim el-Masri (re-translated) :", "Abdel Karim el-Masri"),
    # a translator's note whose bracket was never closed
    ("Minister President of the Land Otto Brenner (retranslated :", "Otto Brenner"),
    # a gloss in square brackets inside the role
    ("President of the All-Country\nPublic Organisation Delovoi Mir [Business World] Pavel Orlov:", "Pavel Orlov"),
    # a role with a comma and a term of office in brackets, wrapped
    ("Chairman of the Council for Cooperation\nwith the Northern Federation, President of the Republic of Utopia "
     "(2010–2015) Pavel Orlov:", "Pavel Orlov"),
    # a long role wrapped over three lines, with more than eight lower-case words
    ("Head of the Federal\nService for the Oversight of Fisheries and Forests and Chief Ranger\nof the Northern "
     "Federation Anna Berg :", "Anna Berg"),
    # a stage direction in brackets after the name
    ("Pavel Orlov ( answering Anna Berg, Speaker of the Regional Parliament ):", "Pavel Orlov"),
])
def test_a_label_of_any_of_these_shapes_starts_its_speakers_turn(label: str, name: str) -> None:
    assert _speakers(label) == ["Vladimir Putin", name, name, "Vladimir Putin"]


def test_a_name_then_a_short_affiliation_ends_the_turn_and_never_runs_on() -> None:
    # The given name is one the lexicon may not know: the label still ends the previous turn.
    speakers = _speakers("Zarina Tulegen-zade, VGTRK:")
    assert speakers[0] == speakers[3] == "Vladimir Putin"
    assert speakers[1] == speakers[2] and speakers[1] in (None, "Zarina Tulegen-zade")


@pytest.mark.parametrize("label", [
    # a long role that opens with no title, before a name we cannot tell
    "Member of the Board of the Fund for the Support of Fisheries and Forests and of the Water Board of the "
    "Northern Federation Zorgl Blix:",
    "King Hamad bin Karim Al Nasser of Utopia ( retranslated ) :",
    "Head of the Utopian Delegation (retranslated :",
])
def test_a_label_shaped_phrase_we_cannot_name_still_breaks_the_turn(label: str) -> None:
    text = label + " We are grateful for the invitation."
    lab = turn_break(text, 0, len(text))
    assert lab is not None and lab.name is None and text[lab.end:].startswith("We are grateful")


@pytest.mark.parametrize("paragraph", [
    "Here is what I think about it: the port must be built.",
    "The Demography project: we have begun to pay the benefits.",
    "The same applies to the Federal Service for Fisheries: more than 60 inspections.",
    "( Addressing Deputy Prime Minister Anna Berg ): Anna, is it 180?",
    "As for Utopia and Northern Federation: the new areas work.",
    "Crimea is a wonderful site for research: from the ocean to the stars.",
    "Second: Ms Berg said that she would come.",
])
def test_a_sentence_or_a_stage_direction_before_a_colon_breaks_no_turn(paragraph: str) -> None:
    assert turn_break(paragraph, 0, len(paragraph)) is None


@pytest.mark.parametrize("paragraph", [
    "Here is what I think about it: the port must be built.",
    "Priority number one for all of us: the port.",
    "There are two questions on the agenda today: the port and the roads.",
    "In the first half of the year, trade grew: by 14 percent.",
])
def test_a_sentence_ending_in_a_colon_is_no_label(paragraph: str) -> None:
    assert read_label(paragraph, 0, len(paragraph)) is None


def test_brackets_in_a_label_are_notes_not_part_of_the_role() -> None:
    text = "President of the Republic of Utopia (2010–2015) Pavel Orlov (retranslated): Thank you."
    lab = read_label(text, 0, len(text))
    assert lab is not None and lab.kind == "person"
    assert lab.name == "Pavel Orlov" and lab.role == "President of the Republic of Utopia"
    assert text[lab.name_start:lab.name_end] == "Pavel Orlov"  # type: ignore[misc]


@pytest.mark.parametrize("label", [
    "Member of the Board of the Fund for the Support of Fisheries and Forests and of the Water Board of the "
    "Northern Federation Zorgl Blix:",
    "King Hamad bin Karim Al Nasser of Utopia ( retranslated ) :",
])
def test_in_a_transcript_a_label_we_cannot_name_ends_the_turn_and_its_words_are_nobodys(label: str) -> None:
    speakers = _speakers(label)
    assert speakers == ["Vladimir Putin", None, None, "Vladimir Putin"]


def test_a_sentence_ending_in_a_colon_inside_a_turn_keeps_the_turn() -> None:
    text = (_OPENING + "There are two questions on the agenda today: the port and the roads.\n\n"
            "Two questions for Russian Railways: the port and the roads.\n\n" + _CLOSING)
    found = extract_quotes(text, "Meeting on the port")
    assert [q.speaker for q in found] == ["Vladimir Putin"] * len(found) and len(found) == 4


PRESS_CALL = ("Officers held a press call on Friday.\n\n"
              "SERGEANT MOANA TIPENE: We are asking for witnesses. Anyone with footage should contact us.\n\n"
              "QUESTION: Was anyone hurt?\n\n"
              "SERGEANT MOANA TIPENE: Two people were treated at the scene and have gone home.\n\n")


@pytest.mark.parametrize("closing", [
    "Police ask anyone who was near the harbour on Thursday evening to call 105.",
    "The full recording of the press call is available on the force's website.",
])
def test_the_reporters_closing_line_after_a_transcript_is_nobodys_turn(closing: str) -> None:
    found = extract_quotes(PRESS_CALL + closing + "\n", "Harbour crash")
    assert all(closing[:30] not in q.text for q in found), [(q.text, q.speaker) for q in found]
    assert [q.text for q in found if q.speaker == "Moana Tipene"] == [
        "We are asking for witnesses. Anyone with footage should contact us.",
        "Two people were treated at the scene and have gone home."]


@pytest.mark.parametrize("closing", ["Thank you all, and stay safe.", "Good luck to everyone!",
                                     "Our thoughts are with the families tonight."])
def test_a_speakers_own_closing_words_stay_their_turn(closing: str) -> None:
    found = extract_quotes(PRESS_CALL + closing + "\n", "Harbour crash")
    assert any(q.text == closing and q.speaker == "Moana Tipene" for q in found), [(q.text, q.speaker) for q in found]


def test_a_closing_line_in_the_past_tense_after_the_last_turn_is_the_reporters() -> None:
    text = ("Christopher Lund: Good afternoon. Cabinet met today and agreed the budget.\n\n"
            "Reporter: Will taxes rise?\n\nChristopher Lund: No. Next question.\n\n"
            "The Prime Minister then took questions on the ferry replacement.\n")
    qs = extract_quotes(text, "Press conference")
    assert all("ferry replacement" not in q.text for q in qs)
    assert ("No. Next question.", "Christopher Lund") in [(q.text, q.speaker) for q in qs]
