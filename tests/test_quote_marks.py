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


# -- a quotation never closed, in a paragraph of wrapped lines -------------------------------------

def test_a_quotation_never_closed_before_another_speakers_paragraph_is_nobodys() -> None:
    # Separate paragraphs: the second reads as the first continued (the convention for long quotations),
    # but its attribution names another speaker than the one just before it: stored, attributed to nobody.
    text = ("“The ferry is late every day,” said Ana Ruiz, a councillor. “Nobody on the island trusts it.\n\n"
            "“We have ordered a second boat for the spring,” added Tom Ekberg, the board chairman.")
    found = [(q.speaker, q.text) for q in extract_quotes(text, "Harbour news") if q.kind == "direct"]
    assert ("Ana Ruiz", "The ferry is late every day,") in found
    assert all(speaker is None for speaker, words in found if "trusts" in words or "ordered" in words)


def test_an_opening_mark_at_a_wrapped_line_start_ends_a_quotation_never_closed() -> None:
    # A hard-wrapped paragraph (one paragraph of short lines); the first speaker's second quotation lacks
    # its closing mark, and the next wrapped line opens another speaker's quotation.
    text = ("The harbour board met on Friday to discuss the timetable and\n"
            "the fares. “The ferry is late every day,” said Ana Ruiz, a\n"
            "councillor who lives on the island. “Nobody there trusts it.\n"
            "“We have ordered a second boat for the spring,” added\n"
            "Tom Ekberg, the board chairman, at the end of the meeting.\n")
    found = [(q.speaker, q.text) for q in extract_quotes(text, "Harbour news") if q.kind == "direct"]
    assert ("Ana Ruiz", "Nobody there trusts it.") in found
    assert ("Ana Ruiz", "We have ordered a second boat for the spring,") not in found
    assert all("ordered" not in words for _, words in found if "trusts" in words)


def test_a_quotation_after_a_paragraph_of_narration_does_not_continue_the_last_speaker() -> None:
    text = ("“The fares will rise in May,” Ana Ruiz said. “There is no other way to pay for the boat.”\n\n"
            "On its face, the plan is a familiar one. Islanders have heard it before, and many doubt it.\n\n"
            "“Fares rise every year and the service gets worse every year, whatever the board promises.”")
    found = {q.text: q.speaker for q in extract_quotes(text, "Harbour news") if q.kind == "direct"}
    assert found["There is no other way to pay for the boat."] == "Ana Ruiz"
    assert found["Fares rise every year and the service gets worse every year, whatever the board promises."] is None


def test_a_quotation_ending_its_paragraph_is_continued_in_the_next() -> None:
    text = ("“The fares will rise in May,” Ana Ruiz said.\n\n"
            "“There is no other way to pay for the new boat, and the island needs it.”")
    found = {q.text: q.speaker for q in extract_quotes(text, "Harbour news") if q.kind == "direct"}
    assert found["There is no other way to pay for the new boat, and the island needs it."] == "Ana Ruiz"
