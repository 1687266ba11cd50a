"""The state of one extraction run: the article's layout, its speaker memory (:class:`~.resolve.Tracker`),
the quotes stored so far, and the one threshold below which a quote is stored unattributed.

The passes over the article (:mod:`.attach`, :mod:`.direct`, :mod:`.indirect`, :mod:`.extractor`) build
on :class:`RunState` and store every quote through :meth:`RunState.emit`.
"""

from __future__ import annotations

import re

from ..models import ExtractedQuote, QuoteKind
from .candidates import Speaker
from .layout import Layout, QuoteSpan, trim
from .mentions import Mention
from .resolve import Tracker

# Below this confidence a quote is stored unattributed (calibrated on the dev sets: see README).
ATTRIBUTION_THRESHOLD = 0.6


# How a speaker is inferred rather than named at the cue: a pronoun, a role noun, a quotation running on.
_INFERRED = frozenset(["pronoun", "title", "continuation"])
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|President|Minister|Senator|Judge|Governor|Mayor|General|Colonel)\.?"


def _speaks_of(text: str, sp: Speaker) -> bool:
    """Whether a quotation names ``sp`` in the third person — by full name or by an honorific or title and the
    surname ("Ms Kallas should study history"): then it is someone else's words about them."""
    if sp.kind != "person" or " " not in sp.name:
        return False
    surname = re.escape(sp.name.split()[-1])
    return bool(re.search(rf"\b(?:{re.escape(sp.name)}|{_HONORIFIC}\s+{surname})(?![\w-])", text))


class RunState:
    """State of one extraction run."""

    def __init__(self, lay: Layout) -> None:
        self.lay = lay
        self.folded = lay.folded
        self.tracker = Tracker(lay.folded, lay.title, lay.lines)
        self.out: list[ExtractedQuote] = []
        # The last direct quote: its last line, speaker, and the mention it was attached to (start, end)
        # — a continuation's evidence is that mention, even when it named nobody.
        self.directs: list[tuple[int, int, Speaker | None, tuple[int, int] | None]] = []  # (end, line, sp, span)

    def emit(self, s: int, e: int, sp: Speaker | None, kind: QuoteKind, cue: str | None,
             men: Mention | None, confidence: float, *, mpos: int | None = None,
             resolution: str | None = None, utterance: int | None = None,
             span: tuple[int, int] | None = None) -> tuple[int, int] | None:
        """Store a quote; returns the speaker mention's span (``span`` when given, else found from ``men``)."""
        s, e = trim(self.lay.text, s, e)
        if e - s < 2:
            return None
        self.tracker.note_quote(s, e)
        conf = round(min(confidence, sp.confidence), 3) if sp else 0.0
        if sp and conf < ATTRIBUTION_THRESHOLD:
            sp = None  # not sure enough to name anyone: stored unattributed, never guessed
        if sp and kind == "direct" and (resolution or sp.resolution) in _INFERRED and _speaks_of(self.lay.text[s:e], sp):
            sp = None  # "“Ms Kallas should study history,” the diplomat said": nobody is "Ms Kallas" in their own words
        # The mention's place is evidence even when it resolves to nobody ("he" with two candidates).
        span = span or _mention_span(self.folded, men, mpos)
        self.out.append(ExtractedQuote(
            s, e, self.lay.text[s:e], sp.name if sp else None, kind, cue,
            conf if sp else round(min(confidence, 0.3), 3),
            ("organisation" if sp.kind == "organisation" else "person") if sp else None,
            sp.role if sp else None, men.surface if men else None,
            span[0] if span else None, span[1] if span else None,
            (resolution or sp.resolution) if sp else None,  # type: ignore[arg-type]
            utterance))
        return span

    def someone(self, men: Mention) -> bool:
        """Whether a sentence subject reads as a speaker without resolving it (no side effects): a
        pronoun, an organisation, a name of two words or more, or a surname the article gives a person.
        A lone capitalised word is often no name ("Giant screens …", "Watch: …")."""
        if men.kind in {"pronoun", "org"}:
            return True
        if men.kind != "name":
            return False
        words = men.surface.split()
        return len(words) > 1 or any(e.name.split()[-1] == words[0] for e in self.tracker.people() if " " in e.name)

    def note_direct(self, q: QuoteSpan, sp: Speaker | None, span: tuple[int, int] | None) -> None:
        self.directs.append((q.outer_end, q.last_line, sp, span))

    def previous_direct(self, pos: int) -> tuple[int, Speaker | None, tuple[int, int] | None] | None:
        """(last line, speaker, mention span) of the nearest direct quote ending before ``pos``. The quotes
        of a paragraph are attached before its cueless ones are read, so the last one noted may stand after."""
        before = [d for d in self.directs if d[0] <= pos]
        if not before:
            return None
        end, line, sp, span = max(before, key=lambda d: d[0])
        return line, sp, span


def _mention_span(folded: str, men: Mention | None, pos: int | None) -> tuple[int, int] | None:
    """Where the speaker mention stands in the text: the surface form found at (or just after)
    its recorded offset."""
    if men is None or pos is None or pos < 0:
        return None
    surface = men.surface.strip()
    if not surface:
        return None
    # As a whole word: "he" is not the one inside "when".
    word = re.compile(rf"(?<![\w]){re.escape(surface)}(?![\w])")
    m = word.search(folded, pos, pos + len(surface) + 200)
    if m is None:
        before = list(word.finditer(folded, max(0, pos - 200), pos + len(surface)))
        m = before[-1] if before else None
    return (m.start(), m.end()) if m else None
