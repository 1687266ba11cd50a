"""Someone speaking for, or belonging to, a named person is not that person (texts written for
these tests): "“…,” a spokesman for President X said" is the spokesman's, whom the article does not
name, so the quote is kept unattributed."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


@pytest.mark.parametrize("subject", [
    "a spokesman for President Emmerson Mnangagwa",
    "the family of Hind Rajab",
    "a lawyer for Sean Combs",
    "an aide to Chancellor Karl Nehammer",
    "the office of President Gustavo Petro",
    "supporters of Imran Khan",
    "relatives of Mahsa Amini",
])
def test_a_quote_after_its_speakers_associate_names_nobody(subject: str) -> None:
    quotes = extract_quotes(f"“We will appeal against this ruling,” {subject} said.", "Court ruling")
    assert [(q.text, q.speaker) for q in quotes] == [("We will appeal against this ruling,", None)]
    assert quotes[0].mention == subject  # the evidence shown: who spoke, as the article puts it


@pytest.mark.parametrize(("subject", "name"), [
    ("board chairman Jo Lind", "Jo Lind"),
    ("the Rev. Ola Berg", "Ola Berg"),
    ("2019 winner Karin Sund", "Karin Sund"),
])
def test_a_name_after_its_own_modifiers_is_still_the_speaker(subject: str, name: str) -> None:
    quotes = extract_quotes(f"“We will appeal against this ruling,” {subject} said.", "Court ruling")
    assert [(q.text, q.speaker) for q in quotes] == [("We will appeal against this ruling,", name)]
