"""Continuations across paragraphs: a quotation paragraph with no cue of its own, after a paragraph that ends
with a report of someone's words, carries on that report ("Ruiz argued in her letter that the toll would ruin
the island.⏎⏎“…”"); and whether the previous direct quote stands close enough to be read instead.
"""

from __future__ import annotations

import re

from ..models import ExtractedQuote
from .candidates import Speaker
from .layout import Layout, QuoteSpan

# A report's subject that is several speakers: "X and Y", "X, Y and Z".
_COORDINATED = re.compile(r"\s(?:and|&)\s")
_COORDINATED_BEFORE = re.compile(r"(?:,|\band)\s*$")
# A transcript's turn label inside a quotation: "“Ana Ruiz: …".
_INNER_LABEL = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}:\s")


def prev_on_line(prev: tuple[int, Speaker | None, tuple[int, int] | None] | None, q: QuoteSpan) -> bool:
    """Whether the previous direct quote stands in ``q``'s paragraph or the one before (its own reading)."""
    return prev is not None and prev[0] >= q.line - 1


def report_before(lay: Layout, out: list[ExtractedQuote], q: QuoteSpan) -> tuple[Speaker | None, tuple[int, int]] | None:
    """When ``q`` is a whole paragraph and the paragraph before it ends with a report of someone's words
    (its last quote, direct or indirect, runs to its end, attached to a mention in that paragraph): that
    report's speaker (None when its mention names nobody) and mention span."""
    if q.line == 0:
        return None
    f = lay.folded
    ls = lay.lines[q.line][0]
    if f[q.outer_end:lay.lines[q.last_line][1]].strip() or f[ls:q.open].strip():
        return None  # not the whole paragraph
    ps, pe = lay.lines[q.line - 1]
    if not f[ps:pe].strip():
        return None
    if f[ps:pe].rstrip()[-1:] in "”\"’'»" or _INNER_LABEL.match(f, q.start):
        return None  # the report ends in quoted words of its own; a transcript's "Name:" inside the marks
    last = max((x for x in out if ps <= x.start and x.end <= pe), key=lambda x: x.end, default=None)
    if last is None or last.speaker_start is None or last.speaker_end is None \
            or not ps <= last.speaker_start < pe or f[last.end:pe].strip(" \t.:;,”\"’'»)") \
            or last.resolution == "continuation" or _COORDINATED.search(f, last.speaker_start, last.speaker_end) \
            or _COORDINATED_BEFORE.search(f, max(ps, last.speaker_start - 30), last.speaker_start):
        return None  # (several speakers: "X, Y and Z argued …")
    return _report_speaker(last)


def _report_speaker(last: ExtractedQuote) -> tuple[Speaker | None, tuple[int, int]]:
    """A stored report's speaker (None when its mention named nobody) and mention span."""
    assert last.speaker_start is not None and last.speaker_end is not None
    sp = Speaker(last.speaker, "organisation" if last.speaker_type == "organisation" else "person", last.role,
                 last.confidence, last.resolution or "name") if last.speaker else None
    return sp, (last.speaker_start, last.speaker_end)
