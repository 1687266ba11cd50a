"""Organisation speakers and verbs of deed: a body's name never runs back over a sentence end, a regnal numeral
is part of a monarch's name, a plural noun is no speech verb, and a verb with an object ("added a ban",
"concluded an agreement", "supported the landing by …", "dismissed his deputy") reports nothing."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Talks in the capital"


def reports(body: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(f"{TITLE}\n\n{body}\n", TITLE) if q.kind == "indirect"]


@pytest.mark.parametrize(("body", "speaker"), [
    ("The plan was approved in March. The Federal Water Agency predicts that shortages will ease by June.",
     "Federal Water Agency"),
    ("A blast hit a market in the east of Lisbon. The Civil Protection Authority said two people were hurt.",
     "Civil Protection Authority"),
])
def test_an_organisation_name_never_runs_back_over_a_sentence_end(body: str, speaker: str) -> None:
    assert [q.speaker for q in reports(body)] == [speaker]


@pytest.mark.parametrize(("subject", "speaker"), [
    ("Margrethe II", "Margrethe II"),
    ("King Harald V", "Harald V"),
])
def test_a_regnal_numeral_belongs_to_the_monarchs_name(subject: str, speaker: str) -> None:
    (q,) = reports(f"{subject} assured the Prime Minister that the country backed the reforms.")
    assert (q.speaker, q.speaker_type) == (speaker, "person")
    assert q.text == "the country backed the reforms"  # the one assured is no part of the report


@pytest.mark.parametrize("body", [
    "The Security Council added a new six-month ban on the export of diamonds.",
    "The customs service and the finance ministry concluded an agreement on cooperation between the two bodies.",
    "The army supported the crossing of the river by carrying out a large-scale offensive in the north.",
    "The governor dismissed his deputy from her post after the audit.",
    "The plant is engaged in designing, building, maintaining and repairing gas turbines for the navy.",
])
def test_a_verb_of_deed_with_an_object_reports_nothing(body: str) -> None:
    assert reports(body) == []


def test_a_plural_noun_before_the_verb_is_no_speech_verb() -> None:
    (q,) = reports("Chile and the Andean states confirmed that they will cut tariffs on farm goods.")
    assert q.text == "they will cut tariffs on farm goods"


def test_adjectives_of_a_noun_cut_off_are_no_organisation() -> None:
    body = ("The Swedish and EU representatives discussed the new rules, noting the importance of "
            "starting the work of the joint council.")
    assert all(q.speaker is None for q in reports(body))


def test_against_is_no_listener() -> None:
    (q,) = reports("Mayor Ines Duarte warned against overstating the fact that the two districts voted differently.")
    assert q.text.startswith("against overstating")
