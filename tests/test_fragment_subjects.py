"""Who speaks quoted words inside narration when the subject is dressed: a connective before it
("Then he …"), a time, a party or an adverb after it ("Ana Ruiz on Saturday criticised …", "… has also
broadly called for …"), a second verb ("… in Bergen and told them …"), a passive ("When Tom Bell was
warned …"), and questions closed by "asked X" (issue 10, direct attachment).

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Harbour town debates the new ferry"


def _quote(body: str, words: str) -> ExtractedQuote:
    text = f"{TITLE}\n\n{body}\n"
    hits = [q for q in extract_quotes(text, TITLE) if q.kind == "direct" and q.text.startswith(words)]
    assert len(hits) == 1, hits
    return hits[0]


def _mention(body: str, words: str) -> tuple[str | None, str | None]:
    text = f"{TITLE}\n\n{body}\n"
    q = _quote(body, words)
    span = None if q.speaker_start is None else text[q.speaker_start:q.speaker_end]
    return q.speaker, span


@pytest.mark.parametrize("body", [
    "Mayor Ana Ruiz on Saturday criticised the ferry deal, saying the timetable goes “nowhere near far enough.”",
    "Mayor Ana Ruiz (Ind.) on Saturday criticised the ferry deal, saying the timetable goes “nowhere near far enough.”",
    "Mayor Ana Ruiz last week criticised the ferry deal, saying the timetable goes “nowhere near far enough.”",
])
def test_a_time_or_party_after_the_subject_is_not_part_of_it(body: str) -> None:
    assert _mention(body, "nowhere near") == ("Ana Ruiz", "Mayor Ana Ruiz")


def test_adverbs_and_an_auxiliary_between_subject_and_act() -> None:
    body = "Harbour master Ana Ruiz has also broadly called for “more boats on the water.”"
    assert _mention(body, "more boats") == ("Ana Ruiz", "Harbour master Ana Ruiz")


def test_a_connective_before_a_pronoun_subject() -> None:
    body = ("Tom Lund spoke first at the meeting.\n\n"
            "Then he turned on the mayor, calling her a “tired old woman” and a “spoiled child.”")
    assert _mention(body, "tired old woman") == ("Tom Lund", "he")


def test_the_mention_is_the_subject_words_not_a_later_use_of_the_same_name() -> None:
    body = ("Ana Ruiz is praising the ferry plan as “a bridge that lasts a century” and more.\n\n"
            "Later Ana Ruiz was “standing tall” again.")
    text = f"{TITLE}\n\n{body}\n"
    q = _quote(body, "a bridge that lasts")
    assert q.speaker == "Ana Ruiz"
    assert q.speaker_start == text.index("Ana Ruiz is praising")


def test_the_one_an_act_is_done_to_in_the_passive_does_not_speak() -> None:
    body = ("When Tom Bell was warned about the pier, a clerk at the harbour called it "
            "“not a danger to anybody at all.”")
    speaker, _ = _mention(body, "not a danger")
    assert speaker is None


def test_a_participle_after_by_with_a_person_named_between_names_nobody() -> None:
    # "by exhorting" may be what Tom Lund does, not what she does.
    body = ("Ana Ruiz chaired the meeting.\n\n"
            "Yet she watches Tom Lund thrill the young voters by exhorting them to join a “ferry revolution.”")
    speaker, _ = _mention(body, "ferry revolution")
    assert speaker is None


@pytest.mark.parametrize("body, words", [
    ("“Why would anybody raise the fares now?” asked Tom Dunn, a partner at a shipping firm.", "Why would"),
    ("“Who will pay for the new pier?” said Tom Dunn, a partner at a shipping firm.", "Who will pay"),
])
def test_a_question_closed_by_an_inverted_cue_is_the_named_speakers(body: str, words: str) -> None:
    assert _mention(body, words) == ("Tom Dunn", "Tom Dunn")


def test_after_told_the_name_is_still_the_listener() -> None:
    body = "“The ferry is late again,” told Radio North listeners on Monday."
    text = f"{TITLE}\n\n{body}\n"
    found = [q for q in extract_quotes(text, TITLE) if q.text.startswith("The ferry is late")]
    assert all(q.speaker is None for q in found)


# -- introductions before the quotation -----------------------------------------------------------

@pytest.mark.parametrize("body, words, speaker, mention", [
    # the verb first at the start of a sentence; "Said" is no given name there
    ("Tom Ellis runs the ferry club. The fares rose again in May.\n\n"
     "Said Ellis: “I do not get the sense anyone cares about the island at all.”",
     "I do not get", "Tom Ellis", "Ellis"),
    ("As Tom Dunn put it in a long letter, “the ferry is the island’s only lifeline.”",
     "the ferry is", "Tom Dunn", "Tom Dunn"),
    ("Councillor Ana Ruiz scolded him: “The whole harbour is against you on the timetable and the fares.”",
     "The whole harbour", "Ana Ruiz", "Councillor Ana Ruiz"),
    ("Ana Ruiz spoke at noon.\n\nShe later addressed her neighbours on the quay: “What I regret most is the "
     "whole ferry affair.”", "What I regret", "Ana Ruiz", "She"),
])
def test_a_speaker_introduced_before_the_quotation(body: str, words: str, speaker: str, mention: str) -> None:
    assert _mention(body, words) == (speaker, mention)


def test_a_sentence_initial_said_does_not_make_a_second_ellis() -> None:
    # Without "Said Ellis" read as a full name, "said Ellis" has one full name to expand to.
    body = ("Tom Ellis runs the ferry club.\n\n“It is over,” said Ellis. Said Ellis: “We will sail anyway, "
            "whatever the council decides.”")
    text = f"{TITLE}\n\n{body}\n"
    found = [q for q in extract_quotes(text, TITLE) if q.kind == "direct"]
    assert {q.speaker for q in found} == {"Tom Ellis"}
    assert min(q.confidence for q in found) >= 0.9


@pytest.mark.parametrize("body", [
    "With 50 days until the vote, Ana Ruiz, a senior adviser to the mayor, called the ferry plan "
    "“a true wake-up call” to the island.",
    "In a long debate on Monday, Ana Ruiz, a senior adviser to the mayor, described the plan as "
    "“a true wake-up call” to the island.",
])
def test_an_opening_adverbial_before_a_subject_with_an_apposition(body: str) -> None:
    assert _mention(body, "a true wake-up call") == ("Ana Ruiz", "Ana Ruiz")


def test_a_place_after_a_preposition_is_never_the_subject() -> None:
    body = "In Bergen, the mayor, who was angry, called it “a disgrace to the whole town and its harbour.”"
    speaker, mention = _mention(body, "a disgrace")
    assert speaker is None and mention != "Bergen"


@pytest.mark.parametrize("body", [
    "Another critic, Laurence Holm, likened the rules to “burning the harbour charter” on the quay.",
    "His old friend, Laurence Holm, likened the rules to “burning the harbour charter” on the quay.",
])
def test_a_full_name_in_apposition_to_the_subject_speaks(body: str) -> None:
    assert _mention(body, "burning the harbour") == ("Laurence Holm", "Laurence Holm")
