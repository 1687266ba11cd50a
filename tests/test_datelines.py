"""A wire dateline opening an article ("CITY (Agency) - ") is no part of any quote, subject or
speaker.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.extract.datelines import dateline_end
from corpus.extract.layout import layout


@pytest.mark.parametrize("dateline", [
    "HARBOURTON (Reuters) - ",
    "HARBOURTON, March 3 (Reuters) - ",
    "HARBOURTON, 3 March (Wire Service) -- ",
    "PORT ELLEN, Scotland (AP) — ",
    "NORTH HARBOUR — ",
    "Harbourton (AFP) – ",
    "(CNN) — ",
])
def test_the_reported_clause_starts_after_the_dateline(dateline: str) -> None:
    text = (f"{dateline}The island's ferry company cut its winter timetable by a third on Friday, "
            "chief executive Marta Lindqvist said.\n\n"
            "Fares will stay the same until April.\n")
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(text, "Ferry cuts")]
    assert found == [("indirect", "Marta Lindqvist",
                      "The island's ferry company cut its winter timetable by a third on Friday")]


def test_a_dateline_does_not_become_part_of_the_sentence_subject() -> None:
    text = ("HARBOURTON (Reuters) - Marta Lindqvist said on Friday the company would sell two of its ships.\n\n"
            "“We have too many boats for too few passengers,” she said.\n")
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(text, "Ferry cuts")]
    assert found == [("indirect", "Marta Lindqvist", "the company would sell two of its ships"),
                     ("direct", "Marta Lindqvist", "We have too many boats for too few passengers,")]


@pytest.mark.parametrize("line", [
    "EXCLUSIVE – Marta Lindqvist: the ferry company will not survive the winter.",  # a kicker, not a place
    "NATO allies met in Brussels on Friday to discuss the budget.",  # capitals, but no dash
    "HARBOURTON — ",  # a place and a dash with no story after it
])
def test_lines_that_are_no_dateline_are_left_whole(line: str) -> None:
    assert dateline_end(line, 0, len(line)) == 0


def test_only_the_opening_paragraphs_can_hold_a_dateline() -> None:
    text = ("The ferry company cut its timetable on Friday.\n\nIt also sold a ship.\n\nThe board met on Monday.\n\n"
            "SOUTH PIER — The pier closed on Sunday after the storm damaged it.\n")
    lay = layout(text, "Ferry cuts")
    assert [text[s:e] for s, e in lay.lines][-1].startswith("SOUTH PIER — ")


def test_a_dateline_in_the_first_paragraph_is_outside_every_body_line() -> None:
    text = "HARBOURTON (Reuters) - The ferry company cut its timetable on Friday.\n\nIt also sold a ship.\n"
    lay = layout(text, "Ferry cuts")
    assert [text[s:e] for s, e in lay.lines] == ["The ferry company cut its timetable on Friday.",
                                                 "It also sold a ship."]


def test_a_place_in_capitals_and_a_colon_is_a_dateline_not_a_turn_label() -> None:
    text = ("KUALA LUMPUR: The government has no plans to bring back the consumption tax, the minister said.\n\n"
            "“We will not burden the people while incomes are still recovering,” Finance Minister Amir Hamzah said.\n")
    qs = extract_quotes(text, "No new tax")
    assert all(q.kind != "transcript" for q in qs)
    assert all(q.speaker != "Kuala Lumpur" for q in qs)
    assert ("We will not burden the people while incomes are still recovering,", "Amir Hamzah") in \
        [(q.text, q.speaker) for q in qs]


def test_capitals_and_a_colon_that_recur_are_a_transcripts_turns() -> None:
    text = ("PUTIN: Good afternoon, colleagues. We will begin.\n\nLAVROV: Thank you. The talks went well.\n\n"
            "PUTIN: Good. Let us go on to the next item.\n")
    assert [q.kind for q in extract_quotes(text, "Meeting")] == ["transcript"] * 3
