"""Find the speakers a user means by a typed name: "lavrov", "Sergei Lavrov", "Lavrof", "putin".

A person matches only when the surname agrees — the same surname in any transliteration, or a
close spelling of it ("lavrof") — and every other typed word fits one of the person's given names
("Sergei", "S."). A first name alone or a different surname never matches: "Obama" finds nobody
rather than Jack Ma, "Johnson" nobody rather than Johnson Khagazheyev. An exact spelling of the
surname beats a close one (typing "Putin" does not offer "Putina"). Several matches are several
different people (the speaker table keeps one row per person), so the caller offers a choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from sqlite_utils import Database

from . import deadline
from .name_match import same_given_name, translit_key
from .names import NameShape, given_name, name_shape
from .speaker_roles import latest_role
from .store import fold

ORG_SIMILARITY = 90  # an organisation's name typed with a typo or case differences
SUGGEST_SCORE = 70  # "did you mean" candidates: rapidfuzz ratio to a whole name or a surname


@dataclass(frozen=True, slots=True)
class SpeakerMatch:
    id: int
    name: str
    role: str | None
    kind: str
    quotes: int
    score: float
    first: str | None = None  # dates of the speaker's first and last quote
    last: str | None = None


def _alias_rows(db: Database) -> list[tuple[int, str, str]]:
    return [(int(r[0]), str(r[1]), str(r[2])) for r in db.execute(
        "SELECT s.id, a.alias, s.kind FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id")]


def _typos(surname: str) -> int:
    """Spelling slips allowed in a typed surname: none in a very short name, one in most, two in a long one."""
    return 0 if len(surname) <= 3 else 1 if len(surname) <= 9 else 2


def _person_score(typed: list[str], shape: NameShape) -> float | None:
    """How well typed words name this person: the surname must agree, the rest fit given names."""
    if not shape.surname:
        return None
    surname = translit_key(shape.surname.replace(" ", ""))
    best: tuple[float, int] | None = None
    for i, word in enumerate(typed):
        key = translit_key(word)
        if not key or not surname or key[0] != surname[0]:
            continue
        if key == surname:
            score = 100.0
        elif given_name(word) or Levenshtein.distance(key, surname) > _typos(surname):
            continue  # a first name never fuzzy-matches a surname ("Vladimir" is not Vladimirov)
        else:
            score = fuzz.ratio(key, surname)
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        return None
    rest = [w for i, w in enumerate(typed) if i != best[1]]
    given = (shape.given or "").split()
    for word in rest:
        if not any(same_given_name(word.title() if len(word) > 2 else word.upper() + ".", g) for g in given):
            return None  # a typed word that is no given name of this person: another person
    return best[0] + (5.0 if rest else 0.0)


def _rows(db: Database, ids: list[int], scores: dict[int, float]) -> list[SpeakerMatch]:
    if not ids:
        return []
    rows = db.execute(
        # The count from the maintained counters and the dates from the ends of the (speaker_id,
        # published) index: Putin's million quotes are never counted or scanned.
        f"""SELECT s.id, s.name, s.kind, coalesce((SELECT n FROM corpus_counts WHERE key = 'speaker:' || s.id), 0),
                   (SELECT min(published) FROM quotes WHERE speaker_id = s.id),
                   (SELECT max(published) FROM quotes WHERE speaker_id = s.id)
            FROM speakers s WHERE s.id IN ({','.join('?' * len(ids))})""", ids).fetchall()
    out = [SpeakerMatch(int(r[0]), str(r[1]), latest_role(db, int(r[0])) if r[2] == "person" else None,
                        str(r[2]), int(r[3]), scores[int(r[0])], r[4], r[5]) for r in rows]
    return sorted(out, key=lambda m: (-m.score, -m.quotes, m.name))


def _without_the(folded: str) -> str:
    """A folded name without a leading "the" ("the washington post" → "washington post"), as typed names lose it."""
    return folded[4:] if folded.startswith("the ") else folded


def find_speakers(db: Database, typed: str, *, limit: int = 8) -> list[SpeakerMatch]:
    """Speakers the typed name may mean, best first; several only when several people fit.

    An empty list means nobody in the corpus has that name (see :func:`suggest_speakers`).
    """
    query = fold(typed)[:100]
    words = [w.strip(".,;:!?\"'“”") for w in query.split()][:6]
    words = [w for w in words if w and w not in {"mr", "mrs", "ms", "dr", "president", "minister"}]
    words = words[1:] if words[:1] == ["the"] else words  # "the Kremlin" is the Kremlin; "the" alone nobody
    if not words or len(query) < 2:
        return []
    aliases = _alias_rows(db)
    joined = " ".join(words)
    exact = sorted({sid for sid, alias, _ in aliases
                    if alias.casefold() == joined or _without_the(fold(alias)) == joined})
    scores: dict[int, float] = {}
    if exact:
        scores = {sid: 110.0 for sid in exact}
    else:
        for n, (sid, alias, kind) in enumerate(aliases):
            if n % 1000 == 999:
                deadline.check()  # every alias is scored in Python: the question's deadline bounds the scan
            shape = name_shape(alias) if kind == "person" else None
            if shape is not None and shape.kind == "person":
                score = _person_score(words, shape)
            elif kind == "organisation":
                score = fuzz.ratio(" ".join(words), _without_the(fold(alias)))
                score = score if score >= ORG_SIMILARITY else None
            else:
                score = None
            if score is not None:
                scores[sid] = max(scores.get(sid, 0.0), score)
        if any(s >= 100 for s in scores.values()):  # an exact surname beats a close spelling of another
            scores = {k: v for k, v in scores.items() if v >= 100}
    found = _rows(db, list(scores), scores)
    with_quotes = [m for m in found if m.quotes]
    return (with_quotes or found)[:limit]


def suggest_speakers(db: Database, typed: str, *, limit: int = 3) -> list[SpeakerMatch]:
    """Names close to what was typed, for a "did you mean" answer when nobody matches."""
    query = fold(typed)[:100]
    if len(query) < 2:
        return []
    names = {str(r[1]): int(r[0]) for r in db.execute(
        "SELECT s.id, s.name FROM speakers s WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_id = s.id)")}
    # the whole name or its last word spelt like what was typed ("Lavrova" → Lavrov), not a fragment
    # of a long name that happens to contain the letters
    keys = {fold(name): name for name in names} | {fold(name.split(" (")[0].split()[-1]): name for name in names}
    found = process.extract(query, list(keys), scorer=fuzz.ratio, limit=limit * 3, score_cutoff=SUGGEST_SCORE)
    scores: dict[int, float] = {}
    for key, score, _ in found:
        sid = names[keys[key]]
        scores[sid] = max(scores.get(sid, 0.0), float(score))
    scores = dict(sorted(scores.items(), key=lambda kv: -kv[1])[:limit])
    return _rows(db, list(scores), scores)


def speaker_name(db: Database, speaker_id: int) -> str | None:
    row = db.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    return str(row[0]) if row else None
