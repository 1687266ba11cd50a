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
    interview = _INTERVIEW.search(lay.title or "") is not None
    surname = who[0].split()[-1]
    out, covered = [], set()
    for li in body:
        s, e = trim(lay.folded, *lay.lines[li])
        para = lay.folded[s:e]
        if _narration(para, surname):
            continue  # the article's own words about them: read as any news paragraph
        covered.add(li)
        if e - s < 2 or not_speech(para):
            continue
        if interview and _asked(para):
            out.append(TranscriptQuote(s, e, None, None, "question", 0.3, None, None))
            continue
        out.append(TranscriptQuote(s, e, who[0], who[1], "transcript", 0.85, None, "headline"))
    return out, covered


_INTERVIEW = re.compile(r"(?i)\binterview")
_QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")
_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|myself|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll)\b")
_SECOND = re.compile(r"(?i)\b(?:you|your|yours|yourself)\b")


def _narration(para: str, surname: str) -> bool:
    """A paragraph that names the titled person (outside quotation marks) and says no "I": the article
    introducing or signing off ("Anna Berg's new book follows …", "Berg will speak at the fair in May.")."""
    bare = _QUOTED.sub(" ", para)
    return len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", bare) is not None \
        and _FIRST_SINGULAR.search(bare) is None


def _asked(para: str) -> bool:
    """An interviewer's question left unlabelled: it ends in a question mark, speaks to "you" and says no "I"
    ("Your novels are set in one street. Why?")."""
    bare = _QUOTED.sub(" ", para).rstrip()
    return bare.endswith("?") and _SECOND.search(bare) is not None and _FIRST_SINGULAR.search(bare) is None
