"""Quotation marks written as two characters: doubled apostrophes ('' … '', the convention of some
wire and newspaper archives) and TeX/Penn Treebank marks (`` … ''). They are read like “ … ”, and a
quote's text never includes them.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.extract.layout import fold_marks


def _direct(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(text, "Harbour news") if q.kind == "direct"]


@pytest.mark.parametrize("text", [
    "''The ferry will run on Sunday,'' said Karin Berg, the harbour master.",
    "``The ferry will run on Sunday,'' said Karin Berg, the harbour master.",
    "Karin Berg, the harbour master, said: ''The ferry will run on Sunday.''",
])
def test_two_character_marks_are_read_as_quotation_marks(text: str) -> None:
    found = _direct(text)
    assert len(found) == 1
    speaker, words = found[0]
    assert speaker == "Karin Berg"
    assert words.startswith("The ferry will run on Sunday")
    assert "'" not in words and "`" not in words


def test_split_quotation_in_doubled_apostrophes_is_two_parts_of_one_utterance() -> None:
    text = ("''We have waited long enough,'' Tom Ekberg said on Monday. ''The bridge opens in May, "
            "whatever the weather.''")
    found = extract_quotes(text, "Harbour news")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Ekberg", "We have waited long enough,"),
        ("Tom Ekberg", "The bridge opens in May, whatever the weather."),
    ]
    assert found[0].utterance == found[1].utterance is not None


def test_paragraphs_of_doubled_apostrophe_quotes_keep_their_own_speakers() -> None:
    text = ("The council met on Tuesday.\n\n"
            "''The budget is too small for the repairs we need,'' said Ana Ruiz, a councillor.\n\n"
            "''We cannot spend money we do not have,'' Tom Ekberg replied.\n\n"
            "The vote is next week.")
    assert _direct(text) == [("Ana Ruiz", "The budget is too small for the repairs we need,"),
                             ("Tom Ekberg", "We cannot spend money we do not have,")]


def test_a_single_quotation_closing_inside_a_double_one_keeps_its_mark() -> None:
    # ''' : the first apostrophe closes the inner quotation, the last two the outer one.
    text = "Karin Berg said, ''The sign on the pier reads 'no swimming.''' Nobody listens to it."
    found = _direct(text)
    assert found == [("Karin Berg", "The sign on the pier reads 'no swimming.'")]


def test_folding_keeps_every_offset() -> None:
    for text in ["''A,'' he said.", "``A,'' he said.", "x ''' y", "('' b '')", "plain text", "rock 'n' roll"]:
        folded = fold_marks(text)
        assert len(folded) == len(text)
    assert fold_marks("He said, ''Go.'' Then") == "He said,  “Go.”  Then"
    assert fold_marks("rock 'n' roll") == "rock 'n' roll"  # single apostrophes are left alone
