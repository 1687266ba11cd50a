"""One speaker row per real person or organisation across articles.

A name from the extractor first goes through :func:`corpus.names.name_shape`: only a person's or an
organisation's name makes a speaker ("Naturally", "Russia", "Military World Winter Games" make none:
the quote is stored unattributed), and title words glued onto it move into the role ("Medical Chamber
Leonid Roshal" → Leonid Roshal, role "Medical Chamber"). Then it is matched against stored speakers:

* the exact name or a known alias (case and spaces folded);
* a person with the same folded surname whose names :func:`same_person_names` accepts — initials
  ("A. Fursenko" ~ "Andrei Fursenko"), transliterations ("Pyotr"/"Petr") and given-name variants —
  when exactly one such person exists;
* a bare surname ("Putin") is never matched across articles: a merge on a surname alone could credit
  one person's words to another, so such a quote stays unattributed.

Namesakes kept apart by :mod:`corpus.speaker_identity` share an alias; a new quote goes to the one
whose roles agree with the role its article gives, else to nobody.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from .models import Document, ExtractedQuote
from .name_match import same_person_names, surname_key
from .names import NameShape, name_shape
from .speaker_roles import RoleSpan, clean_role, role_history, role_in_text, role_keys
from .store import fold

__all__ = ["attribute", "resolve_speaker", "list_speakers", "surname_conflicts", "SpeakerSummary"]


def _add_alias(db: Database, speaker_id: int, alias: str) -> None:
    db.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, folded) VALUES (?, ?, ?)",
               [speaker_id, alias, fold(alias)])


def _aliases(db: Database, speaker_id: int) -> list[str]:
    return [str(r[0]) for r in db.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])]


def _by_role(db: Database, ids: Sequence[int], role: str | None) -> int | None:
    """Among namesakes, the one whose roles share a word that names the office with ``role``."""
    keys = role_keys(role)
    if not keys:
        return None
    fits = [i for i in ids if any(keys & role_keys(s.role) for s in role_history(db, i))
            or keys & role_keys(_stored_role(db, i))]
    return fits[0] if len(fits) == 1 else None


def _stored_role(db: Database, speaker_id: int) -> str | None:
    row = db.execute("SELECT role FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    return row[0] if row else None


def _initials_only(given: str | None) -> bool:
    return not given or all(len(w.rstrip(".")) <= 2 for w in given.split())


def _upgrade_name(db: Database, speaker_id: int, shape: NameShape) -> None:
    """"V. Putin" stored first becomes "Vladimir Putin" when the full name arrives."""
    row = db.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    old = name_shape(str(row[0])) if row else None
    if not old or not _initials_only(old.given) or _initials_only(shape.given):
        return
    if db.execute("SELECT 1 FROM speakers WHERE name = ?", [shape.name]).fetchone():
        return
    db.execute("UPDATE speakers SET name = ? WHERE id = ?", [shape.name, speaker_id])


def _find_person(db: Database, shape: NameShape, role: str | None) -> tuple[int | None, bool]:
    """(speaker id, ambiguous): the stored person ``shape`` names, if exactly one can be."""
    exact = [int(r[0]) for r in db.execute(
        """SELECT DISTINCT a.speaker_id FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
           WHERE a.folded = ? AND s.kind = 'person'""", [fold(shape.name)])]
    if len(exact) == 1:
        return exact[0], False
    if len(exact) > 1:
        pick = _by_role(db, exact, role)
        return pick, pick is None
    rows = db.execute("SELECT id FROM speakers WHERE kind = 'person' AND surname_key = ?",
                      [surname_key(shape.surname or "")]).fetchall()
    compatible = [int(r[0]) for r in rows
                  if any(same_person_names(shape.name, a) for a in _aliases(db, int(r[0])))]
    if len(compatible) == 1:
        return compatible[0], False
    if len(compatible) > 1:
        pick = _by_role(db, compatible, role)
        return pick, pick is None
    return None, False


def resolve_speaker(db: Database, name: str, *, kind: str | None = None, role: str | None = None) -> int | None:
    """The id of the speaker ``name`` means, creating the row when it is new; None when ``name`` is no
    person's or organisation's name, is a bare surname, or could be several stored people."""
    shape = name_shape(name)
    if shape is None:
        return None
    if shape.kind == "organisation":
        row = db.execute(
            """SELECT a.speaker_id FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
               WHERE a.folded = ? AND s.kind = 'organisation' LIMIT 1""", [fold(shape.name)]).fetchone()
        if row:
            return int(row[0])
        return _insert(db, shape.name, "organisation", None, None)
    if not shape.given:
        return None  # a bare surname: never matched across articles on the surname alone
    role = clean_role(role, shape.role) if shape.role else clean_role(role)
    speaker_id, ambiguous = _find_person(db, shape, role)
    if ambiguous:
        return None
    if speaker_id is None:
        return _insert(db, shape.name, "person", role, surname_key(shape.surname or ""))
    _add_alias(db, speaker_id, shape.name)
    if name != shape.name:
        _add_alias(db, speaker_id, name)
    _upgrade_name(db, speaker_id, shape)
    if role:
        db.execute("UPDATE speakers SET role = ? WHERE id = ? AND role IS NULL", [role, speaker_id])
    return speaker_id


def _insert(db: Database, name: str, kind: str, role: str | None, key: str | None) -> int:
    taken = db.execute("SELECT id, kind FROM speakers WHERE name = ?", [name]).fetchone()
    if taken:  # the same name stored under the other kind: keep one row
        return int(taken[0])
    cur = db.execute("INSERT INTO speakers (name, kind, role, surname_key) VALUES (?, ?, ?, ?)",
                     [name, kind, role, key])
    speaker_id = int(cur.lastrowid or 0)
    _add_alias(db, speaker_id, name)
    return speaker_id


def attribute(db: Database, doc: Document, quotes: Sequence[ExtractedQuote]
              ) -> tuple[list[ExtractedQuote], dict[str, int]]:
    """The quotes with speaker names cleaned and roles completed, and each speaker name's row id.

    A speaker that is no name (or could be several people) leaves the quote unattributed. A quote's
    role is what its article gives: the words before the name, or else the title's or lead's.
    """
    out: list[ExtractedQuote] = []
    ids: dict[str, int] = {}
    resolved: dict[tuple[str, str | None], tuple[int | None, str | None, str | None]] = {}
    for q in quotes:
        if not q.speaker:
            out.append(q)
            continue
        key = (q.speaker, q.role)
        if key not in resolved:
            shape = name_shape(q.speaker)
            role = q.role
            if shape is not None and shape.kind == "person":
                role = clean_role(q.role, shape.role) if shape.role else clean_role(q.role)
                if role is None:
                    role = role_in_text(doc.title or "", shape.name) or role_in_text(doc.lead or "", shape.name)
            sid = resolve_speaker(db, q.speaker, kind=q.speaker_type, role=role)
            name = _name_of(db, sid) if sid is not None else None
            resolved[key] = (sid, name, role if shape is not None and shape.kind == "person" else None)
        sid, name, role = resolved[key]
        if sid is None or name is None:
            out.append(dataclasses.replace(q, speaker=None, speaker_type=None, role=None, resolution=None,
                                           speaker_start=None, speaker_end=None))
            continue
        ids[name] = sid
        out.append(q if (q.speaker, q.role) == (name, role) else dataclasses.replace(q, speaker=name, role=role))
    return out, ids


def _name_of(db: Database, speaker_id: int) -> str | None:
    row = db.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    return str(row[0]) if row else None


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    id: int
    name: str
    kind: str
    role: str | None
    quotes: int
    aliases: tuple[str, ...]
    first: str | None = None  # dates of the first and last quote
    last: str | None = None
    roles: tuple[RoleSpan, ...] = ()


def list_speakers(db: Database, limit: int | None = None, *, with_roles: bool = False) -> list[SpeakerSummary]:
    """Every speaker with its quote count, aliases and date range, most quoted first."""
    sql = """SELECT s.id, s.name, s.kind, s.role, count(q.id) AS n, min(q.published), max(q.published)
             FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id
             GROUP BY s.id ORDER BY n DESC, s.name"""
    rows = db.execute(sql + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
    aliases: dict[int, list[str]] = {}
    for sid, alias in db.execute("SELECT speaker_id, alias FROM speaker_aliases ORDER BY alias"):
        aliases.setdefault(int(sid), []).append(str(alias))
    out = []
    for r in rows:
        sid = int(r[0])
        roles = tuple(role_history(db, sid)) if with_roles else ()
        out.append(SpeakerSummary(sid, str(r[1]), str(r[2]), r[3], int(r[4]),
                                  tuple(a for a in aliases.get(sid, []) if a != r[1]), r[5], r[6], roles))
    return out


def surname_conflicts(db: Database) -> dict[str, list[SpeakerSummary]]:
    """Surnames shared by several different people (kept apart on purpose): surname → speakers."""
    by_key: dict[str, list[int]] = {}
    for sid, key in db.execute("SELECT id, surname_key FROM speakers WHERE kind = 'person' AND surname_key != ''"):
        by_key.setdefault(str(key), []).append(int(sid))
    shared = {k: v for k, v in by_key.items() if len(v) > 1}
    if not shared:
        return {}
    by_id = {s.id: s for s in list_speakers(db)}
    out: dict[str, list[SpeakerSummary]] = {}
    for _, ids in sorted(shared.items()):
        people = sorted((by_id[i] for i in ids if i in by_id), key=lambda s: s.name)
        shape = name_shape(people[0].name) if people else None
        surname = shape.surname if shape and shape.surname else people[0].name.split()[-1]
        out[surname] = people
    return out
