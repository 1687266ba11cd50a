"""A wording printed twice, and a plain-text article whose opening lines are body, not headline
(texts written for these tests)."""

from __future__ import annotations

from corpus.extract import extract_quotes

_PULL = "“The rivers are dying, and nobody is stopping it.”"
_BODY = ("Gold mining is spreading along the river, residents say.\n\n"
         "“Cocoa pays nothing,” farmer Kwadwo Boateng said.\n\n"
         f"{_PULL}\n\n"
         "Activist Ama Owusu has campaigned against illegal mining for a decade. "
         "“The rivers are dying, and nobody is stopping it,” she said.")


def _named(text: str, title: str | None) -> list[tuple[str, str | None]]:
    return [(q.text.rstrip(",."), q.speaker) for q in extract_quotes(text, title) if q.kind == "direct"]


def test_a_pull_quote_is_not_the_previous_speakers_when_the_article_names_another() -> None:
    assert _named(_BODY, "Ghana's rivers") == [
        ("Cocoa pays nothing", "Kwadwo Boateng"),
        ("The rivers are dying, and nobody is stopping it", None),  # the pull quote: position only
        ("The rivers are dying, and nobody is stopping it", "Ama Owusu"),  # named where it is said
    ]


def test_a_stand_alone_quote_paragraph_still_continues_when_nothing_contradicts_it() -> None:
    body = _BODY.split("\n\nActivist")[0]
    assert _named(body, "Ghana's rivers")[-1] == ("The rivers are dying, and nobody is stopping it", "Kwadwo Boateng")


def test_without_a_title_a_quoted_sentence_is_body_and_nothing_before_it_is_dropped() -> None:
    # Before: the quoted sentence was taken for the headline and the two paragraphs above it dropped.
    assert ("Cocoa pays nothing", "Kwadwo Boateng") in _named(_BODY, None)


def test_without_a_title_furniture_before_the_headline_is_still_passed_over() -> None:
    text = ("World\n\nFarmers protest over river pollution\n\n"
            "“We cannot farm with poisoned water,” said Kofi Mensah, a farmer.")
    quotes = extract_quotes(text, None)
    assert [(q.text.rstrip(","), q.speaker) for q in quotes] == [("We cannot farm with poisoned water", "Kofi Mensah")]
