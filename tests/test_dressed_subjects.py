"""Who speaks quoted words after a participle or a second verb when the sentence's subject is dressed
with commas: an opening phrase that has commas of its own ("Speaking at a fair in Tromsø, Norway, Ana
Ruiz went after …"), an apposition after the name ("Tom Dunn, Vermont's former governor, also attacked
…", "…, Republican of Ohio, …", "…, whose firm, Nordlys, builds ferries, …"), a role and the name in
apposition ("The French energy minister, Claire Dubois, …") (issue 10, construction 5). A name that is not
the subject (another's possessive, a name inside a relative clause, a fronted object) is never read as the
speaker.

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


INTRO = "Tom Dunn and Ana Ruiz both want to run the harbour board.\n\n"


def test_an_opening_phrase_with_a_comma_inside_it() -> None:
    body = INTRO + ("Speaking at a fish fair in Tromsø, Norway, Ruiz went after Dunn, calling him "
                    "“a man who has never tied a knot.”")
    assert _mention(body, "a man who has never") == ("Ana Ruiz", "Ruiz")


@pytest.mark.parametrize("appositive", [
    "Vermont’s former harbour master",          # a possessive place and a role
    "Republican of Ohio",                       # a party and a state
    "who has sailed these waters for forty years",
    "whose firm, Nordlys, builds ferries",      # a name inside the relative clause is not the subject
])
def test_an_apposition_after_the_name(appositive: str) -> None:
    body = INTRO + (f"Dunn, {appositive}, also attacked the ferry company, calling its timetable "
                    "“a work of pure fiction.”")
    assert _mention(body, "a work of pure") == ("Tom Dunn", "Dunn")


def test_a_time_before_the_verb_after_the_apposition() -> None:
    body = INTRO + ("Dunn, the longest-serving member of the board, on Tuesday called the vote "
                    "“a stitch-up from start to finish.”")
    assert _mention(body, "a stitch-up") == ("Tom Dunn", "Dunn")


def test_a_role_and_the_full_name_in_apposition() -> None:
    body = INTRO + ("The French energy minister, Claire Dubois, praised the plan on Monday, saying it was "
                    "“the cleanest ferry route in Europe.”")
    assert _mention(body, "the cleanest ferry") == ("Claire Dubois", "Claire Dubois")


def test_another_persons_possessive_is_not_the_speaker() -> None:
    body = INTRO + ("Ruiz’s campaign chairman, Lars Berg, dismissed the complaint, calling it "
                    "“a storm in a very small teacup.”")
    assert _mention(body, "a storm in a") == ("Lars Berg", "Lars Berg")


def test_a_fronted_name_before_a_comma_is_no_subject() -> None:
    # "Dunn, Ruiz said, …": the first name is not the sentence's subject; nobody is read from it.
    body = INTRO + "Dunn, the report says, never answered the letters, calling them “a waste of good paper.”"
    speaker, _ = _mention(body, "a waste of good")
    assert speaker != "Tom Dunn"


def test_a_clause_before_the_subject_gives_the_main_subject() -> None:
    body = INTRO + ("After Dunn lost the first vote, Ruiz, smiling at the cameras, thanked the crews, calling them "
                    "“the real owners of this harbour.”")
    assert _mention(body, "the real owners") == ("Ana Ruiz", "Ruiz")


def test_a_long_opening_phrase_before_the_subject() -> None:
    # (an opening phrase of more than 80 characters: "In a long letter …, Ruiz praised the crews, saying …")
    body = INTRO + ("In a long letter to the harbour board that was read out at the start of the meeting on Monday, "
                    "Ruiz praised the crews, saying the boats were “safe enough for any storm.”")
    assert _mention(body, "safe enough") == ("Ana Ruiz", "Ruiz")


@pytest.mark.parametrize(("sentence", "words", "mention"), [
    ("Dunn, for his part, is labeling the council's actions “a blatant abuse of the harbour's trust.”",
     "a blatant abuse", "Dunn"),
    ("Ruiz, celebrating a victory in the harbour vote, is pledging to “win many hundreds of votes” on Tuesday.",
     "win many hundreds", "Ruiz"),
])
def test_a_present_progressive_act_after_an_apposition(sentence: str, words: str, mention: str) -> None:
    speaker, found = _mention(INTRO + sentence, words)
    assert found == mention and speaker is not None and speaker.endswith(mention)
