"""Corpus hits to quote cards: trimmed text, highlight spans, citation fields."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.clean import fold_spaces
from corpus.extract.lexicon import OBJECT_PREDICATES, OWN_VERB_CUES
from corpus.search import Hit

from ..reply import QuoteCard

MAX_CARD_CHARS = 700  # a transcript paragraph can run to thousands of characters; a card should not


def _trim(text: str, words: Sequence[str]) -> str:
    """Collapse whitespace and cut long quotes to a window around the first matched word."""
    text = " ".join(fold_spaces(text).split())
    if len(text) <= MAX_CARD_CHARS:
        return text
    first = min((m.start() for w in words if w
                 for m in [re.search(rf"\b{re.escape(w)}", text, re.IGNORECASE)] if m), default=0)
    start = max(0, first - MAX_CARD_CHARS // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + MAX_CARD_CHARS)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def highlights(text: str, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` where a query word (or a word starting with its stem) occurs."""
    spans: list[tuple[int, int]] = []
    for w in words:
        w = w.strip().strip('"*')
        if len(w) < 2:
            continue
        pattern = re.escape(w) if " " in w else re.escape(w[: max(3, len(w) - 2)]) + r"\w*"
        spans.extend((m.start(), m.end()) for m in re.finditer(rf"\b{pattern}", text, re.IGNORECASE))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


def to_card(hit: Hit, words: Sequence[str] = (), *, count: int | None = None, note: str | None = None) -> QuoteCard:
    # A quotation split by narration is shown whole, its parts joined by an ellipsis ("A … B"): the
    # speaker's words only, never the narration between them, and never one part alone.
    text = _trim(" … ".join(hit.parts) if hit.parts else hit.text, words)
    return QuoteCard(
        id=hit.id, text=text, speaker=hit.speaker, role=hit.role, published=_display_date(hit.published),
        source=_sources(hit), title=hit.title, url=hit.url, kind=hit.kind, confidence=hit.confidence,
        highlights=highlights(text, words), count=count, note=note,
        predicate=hit.cue if hit.kind == "indirect" and (hit.cue in OBJECT_PREDICATES or hit.cue in OWN_VERB_CUES)
        else None,
    )


def _sources(hit: Hit) -> str | None:
    """A republished wording is one card naming its sources ("TASS, RIA Novosti +3")."""
    if len(hit.sources) <= 1:
        return hit.source
    names = [hit.source or "", *(s for s in hit.sources if s != hit.source)]
    shown = ", ".join(n for n in names[:3] if n)
    return shown + (f" +{len(names) - 3}" if len(names) > 3 else "")


def _display_date(published: str | None) -> str | None:
    if published and published.startswith("--"):
        return published[2:] + " (year unknown)"
    return published
