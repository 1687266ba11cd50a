"""A sentence of the speaker's words that ends in a quotation, attributed after it: "Ferry fares are
“simply too high for families,” Maren Holt said." The report is the whole clause (stored as indirect
speech, as "Maren Holt said ferry fares are “…”" is) and the quoted words are also her direct quote.
Not when the words before the quotation only introduce it, quote someone else, or are a title. Our own
sentences."""

from __future__ import annotations

from corpus.extract import extract_quotes


def _kinds(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text, None)]


def test_the_clause_and_its_quoted_words_are_both_the_speakers() -> None:
    text = ("Harbour master Maren Holt spoke on Monday.\n\nStill, ferry fares are “simply too high for families,” "
            "Holt said.")
    assert _kinds(text)[-2:] == [
        ("indirect", "ferry fares are “simply too high for families,”", "Maren Holt"),
        ("direct", "simply too high for families,", "Maren Holt"),
    ]


def test_a_subject_with_an_apposition_before_a_lowercase_quotation() -> None:
    text = "The winter timetable, drawn up last year, “leaves whole villages without a boat,” said Maren Holt."
    assert ("indirect", "The winter timetable, drawn up last year, “leaves whole villages without a boat,”",
            "Maren Holt") in _kinds(text)


def test_an_introduced_full_sentence_is_the_quotation_alone() -> None:
    text = "Asked about the timetable, “It will not change this year,” Maren Holt said."
    assert _kinds(text) == [("direct", "It will not change this year,", "Maren Holt")]


def test_someone_elses_words_reported_before_are_not_the_speakers_clause() -> None:
    text = "The crowd chanted “keep our ferry,” Maren Holt said."
    assert [k for k in _kinds(text) if k[0] == "indirect"] == []


def test_a_bracketed_aside_is_not_a_clause_of_the_quotation() -> None:
    text = ("The fares drew some complaints from islanders (“I cannot afford to visit my mother,” wrote Ola Dahl on "
            "the council's page), and more are expected.")
    assert [k for k in _kinds(text) if k[0] == "indirect" and k[2] == "Ola Dahl"] == []


def test_a_quotation_carried_on_after_the_attribution_keeps_its_parts() -> None:
    text = "Ferry fares are “simply too high,” Maren Holt said. “Families stay at home.”"
    assert [k for k in _kinds(text) if k[0] == "indirect"] == []
