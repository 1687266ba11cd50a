"""Speeches: a document whose title says it is someone's remarks, speech, statement, address or
interview, and whose body reads as first-person speech, is that person's quotes paragraph by paragraph.
"""

from __future__ import annotations

import re

from .layout import Layout, trim
from .not_speech import not_speech
from .resolve import Tracker
from .transcript import TranscriptQuote

_TITLE_SPEECH = re.compile(
    r"\b(?:remarks|speech|statement|address|interview|opening\s+remarks|closing\s+remarks|op-ed|lecture|"
    r"message|article)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")


def title_speaker(lay: Layout) -> tuple[str, str | None] | None:
    """The one person a speech-titled document names ("X’s remarks at …"), with their role."""
    title = lay.title or ""
    if not _TITLE_SPEECH.search(title):
        return None
    tracker = Tracker(title, None)
    names = {(e.name, e.role) for e in tracker.people()}
    people = {n for n, _ in names}
    if len(people) != 1:
        return None
    name = people.pop()
    roles = [r for n, r in names if r]
    return name, (max(roles, key=len) if roles else None)


def reads_as_speech(lay: Layout, lines: list[int]) -> bool:
    """Most body paragraphs in the first person and few quotation marks: a speech, not a report."""
    if not lines:
        return False
    first = sum(1 for li in lines if _FIRST_PERSON.search(lay.folded, *lay.lines[li]))
    quoted = sum(1 for q in lay.quotes if q.line in set(lines))
    return first >= max(1, 0.3 * len(lines)) and quoted <= 0.2 * len(lines)


def speech_quotes(lay: Layout) -> tuple[list[TranscriptQuote], set[int]]:
    """A speech-titled document read as first-person speech: each paragraph the titled person's."""
    who = title_speaker(lay)
    body = list(range(len(lay.lines)))
    if not who or not reads_as_speech(lay, body):
        return [], set()
    out = []
    for li in body:
        s, e = trim(lay.folded, *lay.lines[li])
        if e - s >= 2 and not not_speech(lay.folded[s:e]):
            out.append(TranscriptQuote(s, e, who[0], who[1], "transcript", 0.85, None, "headline"))
    return out, set(body)
