"""A reported clause whose only verb is contracted ("wasn't", "it’s", "he's", "they’ll") is a clause:
"X said CLAUSE" is reported speech whether or not the clause's verb is written out. Our own sentences."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.extract.clauses import clause_ok


@pytest.mark.parametrize("sentence, clause", [
    ("Harbour master Jonas Ekberg said the dredger wasn't ready for the winter.",
     "the dredger wasn't ready for the winter"),
    ("Harbour master Jonas Ekberg said the dredger isn’t ready for the winter.",
     "the dredger isn’t ready for the winter"),
    ("Harbour master Jonas Ekberg said it’s too late to change the timetable.",
     "it’s too late to change the timetable"),
    ("Harbour master Jonas Ekberg says he's leaving in May.", "he's leaving in May"),
    ("Harbour master Jonas Ekberg said they’ll keep the night ferry.", "they’ll keep the night ferry"),
])
def test_a_contracted_verb_makes_a_reported_clause(sentence: str, clause: str) -> None:
    qs = extract_quotes(sentence, None)
    assert [(q.kind, q.text, q.speaker) for q in qs] == [("indirect", clause, "Jonas Ekberg")]


def test_a_possessive_is_no_verb() -> None:
    # "the port's" is a possessive, not "the port is": a noun phrase stays no clause
    assert not clause_ok("the port's new crane")
    assert not clause_ok("Ekberg's new crane")
    assert clause_ok("it's a new crane")
