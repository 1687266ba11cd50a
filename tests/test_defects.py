"""The defect checks behind bench/bench_quality.py, on texts written for these tests."""

from __future__ import annotations

from corpus.defects import (
    contains_turn_label,
    courtesy_only,
    cut_by_hard_wrap,
    elision_only,
    label_fragment,
    not_a_name,
    salutation_only,
)
from corpus.models import ExtractedQuote


def _q(text: str, piece: str, kind: str = "transcript") -> ExtractedQuote:
    start = text.index(piece)
    return ExtractedQuote(start, start + len(piece), piece, "Anna Petrova", kind)  # type: ignore[arg-type]


def test_a_turn_label_inside_a_transcript_quote_is_found() -> None:
    text = "We will build it.\n\nCentral Bank chairman Sergei Ignatyev : Inflation is falling."
    assert contains_turn_label(_q(text, text)) == "Central Bank chairman Sergei Ignatyev"
    assert contains_turn_label(_q(text, text, kind="direct")) is None  # only transcripts have turns
    party = "We agree.\nHead of A Just Russia faction in the State Duma Sergei Mironov: We do not."
    assert contains_turn_label(_q(party, party)) == "Head of A Just Russia faction in the State Duma Sergei Mironov"


def test_a_colon_in_running_text_is_no_turn_label() -> None:
    wrapped = "We will announce ten investments of the Russian\nDirect Investment Fund: one in ports."
    opener = "Look: the road is long, and we walk it."
    listing = "The appointments are these.\nMinister of Energy: the same as before."
    sentence = "Good.\nI would like to say to Mr Uyba and Mr Mutko: first, do not politicise it."
    question = "Thank you.\nAnd a question for President Putin: do you agree?"
    for text in (wrapped, opener, listing, sentence, question):
        assert contains_turn_label(_q(text, text)) is None


def test_label_fragments_are_bare_names_and_honorifics() -> None:
    for fragment in ("Vladimir", "Mr", "Anna Petrova"):
        assert label_fragment(_q(fragment, fragment))
    for said in ("Fine.", "Done.", "Mr President, thank you.", "Vladimir Putin was right"):
        assert not label_fragment(_q(said, said))
    assert not label_fragment(_q("the “Madonna Litta” left", "Madonna Litta", kind="direct"))  # a quoted title


def test_elision_marks_alone_are_not_quotes() -> None:
    for mark in ("<…>", "‹…>", "[…]", "< … >", "..."):
        assert elision_only(_q(mark, mark))
    assert not elision_only(_q("<…> and then we left.", "<…> and then we left."))


def test_bare_greetings_and_thanks_but_not_sentences_with_them() -> None:
    for formula in ("Thank you.", "Good afternoon, colleagues.", "Good afternoon, Mr President.",
                    "Thank you very much. Good afternoon.", "Mr Fursenko, please.", "Hello!",
                    "Madame Federal Chancellor, colleagues, good evening,"):
        assert courtesy_only(_q(formula, formula)), formula
    for speech in ("Thank you for the question: prices will fall.", "Good afternoon. Today we discuss roads.",
                   "Mr President, we did it!", "Vladimir"):
        assert not courtesy_only(_q(speech, speech)), speech


def test_a_bare_form_of_address_is_a_salutation() -> None:
    for address in ("Mr President,", "Comrades, friends,", "Mr President, colleagues,", "Colleagues!"):
        assert salutation_only(_q(address, address)), address
    for speech in ("Mr President, we did it!", "Vladimir", "Mr President, thank you.", "Colleagues, let us begin."):
        assert not salutation_only(_q(speech, speech)), speech


def test_a_transcript_quote_cut_by_a_hard_wrap() -> None:
    text = "Anna Petrova: Donald Trump is targeting the traditional\nvoters of his rivals.\n\nNext paragraph."
    assert cut_by_hard_wrap(_q(text, "Donald Trump is targeting the traditional"), text) == "end"
    assert cut_by_hard_wrap(_q(text, "voters of his rivals."), text) == "start"
    assert cut_by_hard_wrap(_q(text, "Donald Trump is targeting the traditional\nvoters of his rivals."), text) is None
    assert cut_by_hard_wrap(_q(text, "Next paragraph."), text) is None


def test_a_quote_ending_before_the_next_turn_is_not_cut() -> None:
    text = "Anna Petrova: We have not finished\nVladimir Putin: Go on."
    assert cut_by_hard_wrap(_q(text, "We have not finished"), text) is None


def test_speakers_must_be_names() -> None:
    assert not_a_name("Naturally")
    assert not not_a_name("Sergei Lavrov")
    assert not not_a_name("General Electric Co")
