"""Find the speakers a user means by a typed name: "lavrov", "Sergei Lavrov", "Lavrof", "putin".

Names and aliases are matched with rapidfuzz. A surname shared by several people (Igor Ivanov,
Sergei Ivanov) returns all of them, so the caller offers a choice instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from .store import fold

MIN_SCORE = 80  # below this a typed name is not taken to mean a speaker
AMBIGUITY_MARGIN = 6  # two people within this many points of each other: ask, do not guess


@dataclass(frozen=True, slots=True)
class SpeakerMatch:
    id: int
    name: str
    role: str | None
    kind: str
    quotes: int
    score: float


def _choices(db: Database) -> dict[str, list[int]]:
    """Every folded alias (and each person's surname on its own) → speaker ids."""
    out: dict[str, list[int]] = {}
    rows = db.execute(
        "SELECT a.folded, s.id, s.kind FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id"
    ).fetchall()
    for folded, sid, kind in rows:
        out.setdefault(folded, []).append(sid)
        parts = folded.split()
        if kind == "person" and len(parts) > 1:
            out.setdefault(parts[-1], []).append(sid)
    return {k: sorted(set(v)) for k, v in out.items()}


def find_speakers(db: Database, typed: str, *, limit: int = 5) -> list[SpeakerMatch]:
    """Speakers the typed name may mean, best first; several only when it is ambiguous.

    An empty list means nobody in the corpus matches well enough.
    """
    query = fold(typed)[:100]
    if len(query) < 2:
        return []
    choices = _choices(db)
    if not choices:
        return []
    found = process.extract(query, list(choices), scorer=fuzz.WRatio, limit=20, score_cutoff=MIN_SCORE)
    best: dict[int, float] = {}
    for alias, score, _ in found:
        # A long alias that merely contains the query ("sergey lavrov" for "lavrov") scores high
        # with WRatio's partial matching; prefer whole-word agreement.
        bonus = 5 if alias == query or query in alias.split() else 0
        for sid in choices[alias]:
            best[sid] = max(best.get(sid, 0.0), score + bonus)
    if not best:
        return []
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    top = ranked[0][1]
    keep = [sid for sid, score in ranked if top - score <= AMBIGUITY_MARGIN][:limit]
    rows = {
        r[0]: r
        for r in db.execute(
            f"SELECT s.id, s.name, s.role, s.kind, (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) "
            f"FROM speakers s WHERE s.id IN ({','.join('?' * len(keep))})",
            keep,
        ).fetchall()
    }
    matches = [SpeakerMatch(sid, rows[sid][1], rows[sid][2], rows[sid][3], int(rows[sid][4]), best[sid])
               for sid in keep if sid in rows]
    # Speakers with no quotes are of no use to a reader; drop them unless nothing else is left.
    with_quotes = [m for m in matches if m.quotes]
    return with_quotes or matches


def speaker_name(db: Database, speaker_id: int) -> str | None:
    row = db.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    return str(row[0]) if row else None
