""""according to X" in the middle of its clause and with long or dotted sources (issue 10, construction 7).
"SUBJ, according to X, PREDICATE" is one report in two parts (the subject, then the predicate), linked as
one utterance — never the predicate alone, never the source. A long source that says what it is ("the
first figures of a survey made for … by …") and one with initials ("F.A.A. records") are sources. Our own
sentences."""

from __future__ import annotations

from corpus.extract import extract_quotes


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text, None)]


def test_a_source_between_subject_and_predicate_gives_two_linked_parts() -> None:
    text = ("Harbour master Maren Holt spoke on Monday. The night ferry, according to Holt, will stop running in "
            "January.")
    qs = [q for q in extract_quotes(text, None) if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in qs] == [("The night ferry", "Maren Holt"),
                                                  ("will stop running in January", "Maren Holt")]
    assert qs[0].utterance is not None and qs[0].utterance == qs[1].utterance


def test_an_adverbial_before_the_source_is_not_a_part() -> None:
    for opener in ("Nevertheless", "This year", "On Monday"):
        text = f"{opener}, according to a spokesman for the ferry company, prices rose sharply in March."
        assert _quotes(text) == [("indirect", "prices rose sharply in March", None)]


def test_a_long_source_that_says_what_it_is() -> None:
    text = ("According to the first figures of a harbour survey made for the island council and two local papers by "
            "a market research firm, most islanders want a bridge.")
    assert _quotes(text) == [("indirect", "most islanders want a bridge", None)]


def test_a_source_with_initials() -> None:
    assert _quotes("According to F.A.A. records, the plane has flown about 300 hours since June.") == [
        ("indirect", "the plane has flown about 300 hours since June", None)]


def test_a_colon_ends_the_words_before_the_source() -> None:
    assert _quotes("Nobody was surprised: according to recent polls, most islanders want a bridge.") == [
        ("indirect", "most islanders want a bridge", None)]
