"""A quote in its exchange: the paragraph before (often the question that prompted a transcript
answer), the quote's own paragraph, and the paragraph after — the receipt a reporter cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

from .hits import Hit, quote_by_id
from .paragraphs import join_lines

MAX_PASSAGE = 900  # characters of a neighbouring paragraph shown


@dataclass(frozen=True, slots=True)
class Passage:
    text: str
    speaker: str | None = None  # who speaks in it, when the corpus holds a quote there
    kind: str | None = None  # that quote's kind ("question" for an interviewer's question)


@dataclass(frozen=True, slots=True)
class Exchange:
    hit: Hit
    paragraph: str  # the quote's own paragraph (whole, however short the quote)
    before: Passage | None
    after: Passage | None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The article's paragraphs as (start, end) offsets, hard-wrapped lines joined."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    return join_lines(text, lines)


def _bounded(text: str, limit: int = MAX_PASSAGE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _passage(db: Database, article_id: int, text: str, span: tuple[int, int]) -> Passage:
    row = db.execute(
        'SELECT s.name, q.kind FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id '
        'WHERE q.article_id = ? AND q.start < ? AND q."end" > ? ORDER BY q.start LIMIT 1',
        [article_id, span[1], span[0]],
    ).fetchone()
    return Passage(_bounded(text[span[0]:span[1]]), row[0] if row else None, row[1] if row else None)


def exchange(db: Database, quote_id: int) -> Exchange | None:
    """The exchange around quote ``quote_id``; ``None`` when there is no such quote."""
    hit = quote_by_id(db, quote_id)
    if hit is None:
        return None
    row = db.execute("SELECT text FROM articles WHERE id = ?", [hit.article_id]).fetchone()
    text = str(row[0]) if row else ""
    paras = paragraphs(text)
    if not paras:
        return Exchange(hit, _bounded(hit.text, 1500), None, None)
    first = next((i for i, (_, e) in enumerate(paras) if e > hit.start), len(paras) - 1)
    last = next((i for i, (_, e) in enumerate(paras) if e >= hit.end), first)
    own = _bounded(text[paras[first][0]:paras[last][1]], 1500)
    prev = paras[first - 1] if first > 0 else None
    if prev and " ".join(text[prev[0]:prev[1]].split()) == " ".join((hit.title or "").split()):
        prev = None  # the headline is shown as the title, not as what came before
    before = _passage(db, hit.article_id, text, prev) if prev else None
    after = _passage(db, hit.article_id, text, paras[last + 1]) if last + 1 < len(paras) else None
    return Exchange(hit, own, before, after)
