"""Narration a sentence adds after a reported clause is not the speaker's words: when, where, what
happened meanwhile, and the reporter's comment on the words.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


def _indirect(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(text, "Harbour news") if q.kind == "indirect"]


@pytest.mark.parametrize("tail", [
    ", a day after meeting the fishermen's union",
    ", hours before the storm reached the coast",
    ", in her first speech as harbour master",
    ", as protesters gathered outside the town hall",
])
def test_narration_after_the_report_is_left_out(tail: str) -> None:
    text = f"Harbour master Karin Lund said on Friday the ferry would run twice a day{tail}.\n"
    assert _indirect(text) == [("Karin Lund", "the ferry would run twice a day")]


def test_an_adverb_before_that_is_no_part_of_the_report() -> None:
    text = "The ferry company said separately that it would sell two of its ships.\n"
    assert [words for _, words in _indirect(text)] == ["it would sell two of its ships"]


def test_a_report_that_is_only_a_phrase_before_the_narration_is_kept_whole() -> None:
    text = "Karin Lund said in a message posted on Friday, hours before the storm, that the pier was closed.\n"
    assert all(not words.startswith("in a message") for _, words in _indirect(text))


@pytest.mark.parametrize("tail", ["as the birth rate dropped to a new low", "a move the unions called overdue"])
def test_a_day_then_narration_after_the_verb_is_nobody_s_words(tail: str) -> None:
    text = f"Births fell for a ninth year, the Ministry of Labour said Wednesday, {tail}."
    assert all(tail[:12] not in q.text for q in extract_quotes(text, None))
