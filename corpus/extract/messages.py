"""Greeting and condolence messages: "The message reads, in part: “…”", sent by the person the lead names.

Kremlin items about a telegram quote it after an introduction ("The message reads, in part:",
"The telegram said:", "The President said, in particular, in his message:") and leave the sender to
the article's lead ("Vladimir Putin congratulated …", "Vladimir Putin sent a message of greetings
to …"). When the lead — or, with no lead, the headline — names exactly one person as the subject of
a congratulation or message verb, the quoted paragraphs after the introduction are that person's
(resolution ``lead`` or ``headline``). Anything else — no lead, a subject that is no person's name,
"Vladimir Putin and Xi Jinping exchanged messages", a telephone call — leaves them to the general pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean import fold_spaces
from ..names import name_shape
from .layout import Layout, trim
from .not_speech import not_speech

_INTRO = re.compile(
    r"(?i)^(?=.{0,140}$)(?=.*\b(?:message|messages|telegram|letter|greeting|greetings|congratulations|address|"
    r"condolences)\b)(?=.*\b(?:reads?|said|says|states?|contains|noted|wrote|writes)\b).*:$")
_SENDER = re.compile(
    r"^(?:(?:Acting\s+)?(?:Russian\s+)?President\s+(?:of\s+Russia\s+)?)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s+(?:has\s+)?"
    r"(?:sent|congratulated|extended|expressed|offered|conveyed|greeted|wished|addressed)\b(?!\s+by\b)")
# An introduction that names another owner: "The Pope's message reads:", "a reply from X reads:".
_OTHER_OWNER = re.compile(r"(?:\b[A-Z][\w’'-]*['’]s\s+(?:\w+\s+)?(?:message|telegram|letter|greetings?|reply|address)|"
                          r"\b(?:reply|response|answer)\b|\bfrom\s+[A-Z])")


@dataclass(frozen=True, slots=True)
class Sender:
    name: str
    resolution: str  # "lead" or "headline"
    words: frozenset[str] = frozenset()  # every word the lead used for the sender ("President", "Putin")


def sender(lead: str | None, title: str | None) -> Sender | None:
    """The one person the lead (else the headline) says sent a message or congratulated someone."""
    for text, how in ((lead, "lead"), (title, "headline")):
        if not text or not text.strip():
            continue
        flat = " ".join(fold_spaces(text).split())
        m = _SENDER.match(flat)
        shape = name_shape(m.group("name")) if m and " and " not in m.group("name") else None
        if m and shape is not None and shape.kind == "person" and len(shape.name.split()) >= 2:
            # Never "The President": a lead that names nobody names nobody.
            return Sender(shape.name, how, frozenset(flat[:m.end("name")].split()))
        return None  # a lead that names no sender: the headline is not asked to overrule it
    return None


def message_paragraphs(lay: Layout, sent: Sender | None = None) -> list[tuple[int, int, int]]:
    """``(line, start, end)`` of every quoted paragraph that follows a message introduction — not one
    that names another owner ("The Pope's message reads:") than the words the lead used for ``sent``."""
    f = lay.folded
    out = []
    intro = None
    for li, (ls, le) in enumerate(lay.lines):
        line = f[ls:le].strip()
        if _INTRO.match(line):
            # "The Pope's message reads:" is someone else's message: not the lead's sender's words.
            owner = _OTHER_OWNER.search(line)
            theirs = owner is not None and not (sent and owner.group().split("'")[0].split("’")[0] in sent.words)
            intro = None if theirs else li
            continue
        if intro is None:
            continue
        quotes = [q for q in lay.quotes if q.line <= li <= q.last_line]
        if not quotes:
            intro = None  # the quotation is over (or never began): narration again
            continue
        q = quotes[0]
        s = max(ls, q.start)
        e = min(le, q.end) if q.last_line == li else le
        s, e = trim(f, s, e)
        while s < e and f[s] in "“\"«„":
            s += 1  # the mark that reopens each paragraph of a quoted letter
        while e > s and f[e - 1] in "”\"»":
            e -= 1
        s, e = trim(f, s, e)
        if e - s >= 2 and not not_speech(f[s:e].strip("“”\"«» ")):
            out.append((li, s, e))
    return out
