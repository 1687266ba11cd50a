"""Transcripts: turn labels ("Vladimir Putin: …") and titles that name someone's speech.

Each paragraph of a turn is one quote of the label's speaker (kind ``transcript``) until the
next label; "Question:" and "Remark:" turns belong to no named speaker and yield nothing.
A document whose title says it is someone's remarks, speech, statement, address or interview,
and whose body reads as first-person speech, is that person's quotes paragraph by paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Layout, trim
from .mentions import parse_mention
from .resolve import Tracker

_LABEL = re.compile(
    r"(?P<label>(?:[A-Z][\w.'’-]*\s+(?:(?:of|the|for|and)\s+)*){0,8}[A-Z][\w.'’-]*)\s*(?:\([^)\n]{1,40}\)\s*)?:\s*"
)
_ANONYMOUS = re.compile(r"^(?:Question|Questions|Remark|Remarks|Reply|Answer|Response|Comment|Voice|Voices|"
                        r"Audience|Participant|Journalist|Correspondent|Moderator|Interpreter|Note|Host)\b")
_NOT_LABEL = re.compile(r"^(?:Photo|Video|Source|Tags?|Update|Updated|Editor|Read|See|Also|Subject|Topics?|"
                        r"Quote|Attention|Warning|Note|Summary|Background|Agenda|Theme)$", re.IGNORECASE)
_TITLE_SPEECH = re.compile(
    r"\b(?:remarks|speech|statement|address|interview|opening\s+remarks|closing\s+remarks|op-ed|lecture|"
    r"message|article)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")


@dataclass(frozen=True, slots=True)
class Turn:
    line: int  # index into Layout.lines
    start: int  # first character of speech on that line
    speaker: str | None  # None: an anonymous turn (Question, Remark)
    role: str | None


def turns(lay: Layout, tracker: Tracker) -> list[Turn]:
    """Every turn label at a line start, in order."""
    out: list[Turn] = []
    folded = lay.folded
    named: dict[str, str] = {}
    head = _key(lay.title or "")
    for li, (ls, le) in enumerate(lay.lines):
        m = _LABEL.match(folded, ls, le)
        if not m:
            continue
        if head and _key(folded[ls:le]) == head:
            continue  # the headline repeated in the body ("Pence: Flowers Won’t Be at Debate.")
        label = m.group("label").strip()
        if _ANONYMOUS.match(label):
            out.append(Turn(li, m.end(), None, None))
            continue
        if _NOT_LABEL.match(label):
            continue
        men = parse_mention(label)
        if not men or men.kind != "name" or not men.name:
            continue
        name, role = men.name, men.role
        if len(name.split()) == 1:
            full = named.get(name)
            if full is None:
                sp = tracker.resolve(men, ls)
                if not sp or len(sp.name.split()) < 2:
                    continue
                full = sp.name
            name = full
        else:
            named[name.split()[-1]] = name
        out.append(Turn(li, m.end(), name, role))
    return out


def _key(line: str) -> str:
    """A line compared with the headline: letters and digits only, lower case, first 40."""
    return "".join(c for c in line[:80].casefold() if c.isalnum())[:40]


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


def paragraph_span(lay: Layout, li: int, start: int | None = None) -> tuple[int, int] | None:
    ls, le = lay.lines[li]
    s, e = trim(lay.folded, start if start is not None else ls, le)
    return (s, e) if e - s >= 2 else None
