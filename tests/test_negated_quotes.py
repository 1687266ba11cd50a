"""Words a report sets against what was said ("She said “A”, not “B”") are nobody's quote.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


@pytest.mark.parametrize("text", [
    "Councillor Aoife Brennan said on Monday: “We will review the plan,” not “we will scrap the plan.”",
    "Councillor Aoife Brennan said “we will review the plan”, rather than “we will scrap the plan”.",
    "Councillor Aoife Brennan told the meeting “we will review the plan” and not “we will scrap the plan”.",
])
def test_the_wording_set_against_the_real_one_is_no_quote(text: str) -> None:
    found = [(q.kind, q.text) for q in extract_quotes(text, "Harbour news")]
    assert not any(kind == "direct" and "scrap" in words for kind, words in found)
    assert any(kind == "direct" and words.lower().startswith("we will review the plan") for kind, words in found)


def test_a_negation_inside_the_quotation_keeps_it() -> None:
    text = "“We will not scrap the plan,” said Councillor Aoife Brennan."
    assert [(q.speaker, q.text) for q in extract_quotes(text, "Harbour news")] == [
        ("Aoife Brennan", "We will not scrap the plan,")]


def test_a_quoted_word_after_not_in_a_report_is_still_the_report() -> None:
    text = "Councillor Aoife Brennan said the plan was not “finished” and would go back to the committee."
    found = [(q.kind, q.speaker) for q in extract_quotes(text, "Harbour news")]
    assert ("indirect", "Aoife Brennan") in found
