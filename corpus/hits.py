"""A search hit: a quote with its speaker, article and source, loaded from SQLite by id.

A hit's role is the one its speaker held on its date, and a part of a split utterance carries
every part, so a card can show it whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from .speaker_roles import roles_for


@dataclass(frozen=True, slots=True)
class Hit:
    id: int
    text: str
    speaker_id: int | None
    speaker: str | None
    role: str | None
    kind: str
    confidence: float
    published: str | None
    source: str | None
    title: str | None
    url: str | None
    article_id: int
    start: int
    end: int
    quality: float = 0.5  # corpus.quality: how substantive (questions, courtesies, fragments are low)
    cue: str | None = None  # the verb that reported it ("said", "called for")
    score: float = 0.0
    sources: tuple[str, ...] = ()  # every source of this exact wording, when republished
    # Every part of the utterance this quote belongs to, in text order, when narration split it
    # ("“A,” he said, “B.”"): a card shows them as one, "A … B". Empty for a quote that stands alone.
    parts: tuple[str, ...] = ()


_SELECT = """
    SELECT q.id, q.text, q.speaker_id, s.name, q.role, q.kind, q.confidence,
           q.published, a.source, a.title, a.url, q.article_id, q.start, q."end",
           q.quality, q.cue
    FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
"""


def load_hits(db: Database, ids_scores: Sequence[tuple[int, float]]) -> list[Hit]:
    if not ids_scores:
        return []
    scores = dict(ids_scores)
    rows = db.execute(_SELECT + f" WHERE q.id IN ({','.join('?' * len(scores))})", list(scores)).fetchall()
    parts = _utterance_parts(db, list(scores))
    return [Hit(*row, score=scores[row[0]], parts=parts.get(row[0], ()))  # type: ignore[misc]
            for row in _dated_roles(db, rows)]


def _utterance_parts(db: Database, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """For each of ``ids`` that is a part of a split utterance, the texts of all its parts in order
    (one query over the ``quotes_utterance`` index; a lone quote is absent)."""
    out: dict[int, list[str]] = {}
    for qid, text in db.execute(
            "SELECT q.id, p.text FROM quotes q JOIN quotes p ON p.utterance_id = q.utterance_id "
            f"WHERE q.id IN ({','.join('?' * len(ids))}) AND q.utterance_id IS NOT NULL ORDER BY q.id, p.start",
            list(ids)):
        out.setdefault(qid, []).append(text)
    return {k: tuple(v) for k, v in out.items() if len(v) > 1}


def _dated_roles(db: Database, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Each hit's role as of its date: the quote's own, else the speaker's role then (never a stale
    one: Medvedev's 2017 quotes show "Prime Minister", not his 2010 "President of Russia")."""
    roles = roles_for(db, [(r[2], r[7], r[4]) for r in rows])
    return [(*r[:4], role, *r[5:]) for r, role in zip(rows, roles, strict=True)]


def quote_by_id(db: Database, quote_id: int) -> Hit | None:
    row = db.execute(_SELECT + " WHERE q.id = ?", [quote_id]).fetchone()
    if not row:
        return None
    return Hit(*_dated_roles(db, [row])[0], parts=_utterance_parts(db, [quote_id]).get(quote_id, ()))  # type: ignore[misc]


def article_text(db: Database, article_id: int) -> str:
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return str(row[0]) if row else ""
