"""Attributions after a quotation that were left unread: a title no lexicon knows before a full name
("said Harbour Minority Whip Ana Ruiz (D-Vt.)", "said retired Army Lt. Gen. Ana Ruiz, who …"), a verb in the
past the cue list lacks with its subject after it ("“…,” mused Ruiz.", "“…,” opined the Gazette"), a
listener's verb inverted ("“…,” warned Ruiz."), and "“…?” X told the Gazette in an interview" (issue 10,
direct attachment). Never another's name: "an aide to Chancellor Ana Ruiz", a listener, a reported clause.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Harbour town debates the new ferry"
INTRO = "Tom Dunn and Ana Ruiz both want to run the harbour board. Karl Berg runs the ferry.\n\n"
WORDS = "“The ferry is late again and nobody at the council seems to care about it,”"


def _quote(body: str) -> tuple[ExtractedQuote, str | None]:
    text = f"{TITLE}\n\n{INTRO}{body}\n"
    hits = [q for q in extract_quotes(text, TITLE) if q.kind == "direct" and q.start > len(TITLE) + len(INTRO)]
    assert len(hits) == 1, hits
    q = hits[0]
    return q, None if q.speaker_start is None else text[q.speaker_start:q.speaker_end]


@pytest.mark.parametrize("after", [
    "said Harbour Minority Whip Karl Berg (D-Vt.) in an interview.",
    "said Oversight ranking Democrat Karl Berg (D-Me.).",
    "said retired Army Lt. Gen. Karl Berg, who ran the harbour from 2013 to 2015.",
    "mused harbour co-host Karl Berg.",
])
def test_titles_no_lexicon_knows_before_a_full_name(after: str) -> None:
    q, mention = _quote(f"{WORDS} {after}")
    assert (q.speaker, mention) == ("Karl Berg", "Karl Berg")


@pytest.mark.parametrize("after", [
    "said an aide to Harbour Master Karl Berg.",
    "said a friend of Harbour Master Karl Berg.",
])
def test_a_name_after_a_preposition_is_not_the_speaker(after: str) -> None:
    q, _ = _quote(f"{WORDS} {after}")
    assert q.speaker is None


def test_a_listener_verb_inverted_before_the_speaker() -> None:
    q, mention = _quote(f"{WORDS} warned Ruiz.")
    assert (q.speaker, mention) == ("Ana Ruiz", "Ruiz")


def test_an_unlisted_verb_inverted_after_a_sentence_of_narration() -> None:
    q, mention = _quote(f"The crowd went quiet. {WORDS} mused Dunn.")
    assert (q.speaker, mention) == ("Tom Dunn", "Dunn")


def test_an_inverted_verb_after_words_inside_a_sentence_names_nobody() -> None:
    # the quotation does not open its sentence: the words after it are no attribution of it
    q, _ = _quote("The banner said “Welcome home to all of our sailors,” greeted Tom Dunn.")
    assert q.speaker != "Tom Dunn"


def test_a_question_then_told_a_named_listener() -> None:
    q, mention = _quote("“Will the ferry ever run on a Sunday in this town?” Dunn told the Harbour Gazette "
                        "in an interview on Monday.")
    assert (q.speaker, mention) == ("Tom Dunn", "Dunn")


def test_a_question_then_told_and_a_reported_clause_is_not_read_as_the_attribution() -> None:
    q, _ = _quote("“Will the ferry ever run on a Sunday in this town?” Dunn told the board the ferry was late.")
    assert q.speaker is None


@pytest.mark.parametrize("after", [
    "the economist Karl Berg, a former adviser to the mayor, wrote on his blog.",
    "Ms. Ruiz’s spokesman, Karl Berg, wrote on the harbour board's website.",
    "Vermont Rep. Ana Ruiz’s chief of staff, Karl Berg, told the Gazette.",
])
def test_a_role_or_anothers_aide_then_the_name_in_apposition(after: str) -> None:
    q, mention = _quote(f"{WORDS} {after}")
    assert (q.speaker, mention) == ("Karl Berg", "Karl Berg")


def test_a_clause_after_the_quoted_words_is_no_attribution() -> None:
    # "… known as the ''Dunn rule'' after Karl Berg, the harbour master, complained …": a title, nobody's words
    text = (f"{TITLE}\n\n{INTRO}The plan is what has become known as the ''Dunn rule'' after Karl E. Berg, the harbour "
            "master, complained that he paid more than his crew.\n")
    assert all(q.speaker != "Karl E. Berg" for q in extract_quotes(text, TITLE) if q.kind == "direct")


def test_a_captains_title_inside_the_name_after_said() -> None:
    q, mention = _quote(f"{WORDS} said harbour spokesman Navy Capt. Karl Berg, who was asked about the storm.")
    assert (q.speaker, mention) == ("Karl Berg", "harbour spokesman Navy Capt. Karl Berg")


def test_a_question_then_the_name_with_an_apposition() -> None:
    q, mention = _quote("“Is anybody at the council listening to the crews at all?” Berg, a retired worker from the "
                        "ferry yard, said into the phone.")
    assert (q.speaker, mention) == ("Karl Berg", "Berg")


@pytest.mark.parametrize("verb", ["exclaimed", "retorted", "scoffed", "interjected", "mused"])
def test_voices_of_an_utterance_are_cues(verb: str) -> None:
    q, mention = _quote(f"{WORDS} Ruiz {verb}.")
    assert (q.speaker, mention) == ("Ana Ruiz", "Ruiz")


def test_a_split_quotation_around_an_exclaimed() -> None:
    text = (f"{TITLE}\n\n{INTRO}“Everything you said and everything I said,” Ruiz exclaimed, “has totally overlapped "
            "on the ferry.”\n")
    parts = [q for q in extract_quotes(text, TITLE) if q.kind == "direct"]
    assert [q.speaker for q in parts] == ["Ana Ruiz", "Ana Ruiz"]
