"""Which mention a direct quote is attached to (its ``speaker_span``), construction by construction.

The surface mention is the evidence a card shows and the one PolNeAR-style scoring checks: the words
next to the cue ("she", "the mayor", "Ms. Okafor"), kept even when they name nobody. Every text here is
written for the test.
"""

from __future__ import annotations

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Harbour town debates the new ferry"


def quotes(body: str, title: str | None = TITLE) -> list[ExtractedQuote]:
    text = f"{title}\n\n{body}\n" if title else f"{body}\n"
    return extract_quotes(text, title)


def by_text(found: list[ExtractedQuote], start: str) -> ExtractedQuote:
    hits = [q for q in found if q.text.startswith(start)]
    assert len(hits) == 1, (start, found)
    return hits[0]


def surface(body: str, start: str) -> str | None:
    """The words of the mention the quote starting with ``start`` is attached to."""
    text = f"{TITLE}\n\n{body}\n"
    q = by_text(extract_quotes(text, TITLE), start)
    if q.speaker_start is None or q.speaker_end is None:
        return None
    return text[q.speaker_start:q.speaker_end]


# A continuation has no mention of its own: its evidence is the mention of the quotation it continues,
# even when that mention named nobody.
def test_continuation_carries_the_mention_of_the_quotation_it_continues() -> None:
    body = ("“The ferry is late every single morning,” said Petra Holmgren, a nurse.\n\n"
            "“We deserve a timetable that somebody actually keeps.”")
    assert surface(body, "We deserve") == "Petra Holmgren"
    assert by_text(quotes(body), "We deserve").speaker == "Petra Holmgren"


def test_continuation_of_an_unnamed_speaker_keeps_the_mention_and_names_nobody() -> None:
    body = ("“The ferry is late every single morning,” a commuter said at the pier on a cold Monday.\n\n"
            "“We deserve a timetable that somebody actually keeps.”")
    q = by_text(quotes(body), "We deserve")
    assert q.speaker is None
    assert surface(body, "We deserve") == "a commuter"


def test_continuation_follows_the_quote_before_it_not_a_later_one_in_the_paragraph() -> None:
    # One paragraph (hard-wrapped lines): the quote after the cueless one has another speaker.
    body = ("“The ferry is late every single morning,” said Petra Holmgren.\n"
            "“We deserve a timetable that somebody actually keeps.” The captain disagreed.\n"
            "“The weather is the reason, not the crew or the engines,” said Jonas Ekberg.\n\n"
            "A second paragraph follows here.")
    q = by_text(quotes(body), "We deserve")
    assert q.speaker == "Petra Holmgren"
    assert surface(body, "We deserve") == "Petra Holmgren"


def test_a_quote_inside_narration_is_no_continuation() -> None:
    # "… because to her, “…”": narration before the quotation in its own sentence.
    body = ("“The ferry is late every single morning,” said Petra Holmgren. "
            "The mayor trusts the captain because to her, “there is no finer sailor on this whole coast.”")
    inner = [q for q in quotes(body) if "no finer sailor" in q.text]
    assert inner and all(q.speaker != "Petra Holmgren" for q in inner)
