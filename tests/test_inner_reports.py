"""A quotation a report inside someone's report introduces ("X said his mother told him: “…”") is the
inner speaker's words, never the outer speaker's, and the outer report ends at the colon.

Every text here is written for these tests.
"""

from __future__ import annotations

from corpus.extract import extract_quotes


def _quotes(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(text, "Harbour news")]


def test_words_an_unnamed_inner_speaker_said_are_nobodys() -> None:
    text = "Skipper Lars Holm said his grandfather always told him: “Never sail on a Friday.”"
    assert _quotes(text) == [("indirect", "Lars Holm", "his grandfather always told him"),
                             ("direct", None, "Never sail on a Friday.")]


def test_words_a_named_inner_speaker_said_are_theirs_and_not_in_the_outer_report() -> None:
    text = "Skipper Lars Holm said harbour master Karin Lund had told him: “You cannot moor here any more.”"
    found = _quotes(text)
    assert ("direct", "Karin Lund", "You cannot moor here any more.") in found
    assert ("indirect", "Lars Holm", "harbour master Karin Lund had told him") in found


def test_the_outer_speakers_own_colon_quotation_stays_theirs() -> None:
    text = "Skipper Lars Holm told reporters: “The harbour must stay open all winter.”"
    assert _quotes(text) == [("direct", "Lars Holm", "The harbour must stay open all winter.")]
