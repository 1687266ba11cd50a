"""One speaker row per person or organisation across articles.

A new name is matched against the speakers already stored:

* the exact name or a known alias (case and spaces folded);
* a person whose surname folds to the same transliteration key (Zelensky / Zelenskyy /
  Zelenskiy → ``zelensk``) and whose first name is a variant of this one (Sergei / Sergey,
  Dmitry / Dmitri) — compared with rapidfuzz after the same folding;
* a bare surname ("Putin") → the one person stored with that surname; when several people
  share it (Igor Ivanov, Sergei Ivanov) the surname stays a speaker of its own, never merged.

A bare surname stored before the full name arrives is folded into that person when it comes
(its quotes move with it). Organisations merge on their exact folded name only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlite_utils import Database

from .store import fold

_FIRST_NAME_SIMILARITY = 80  # rapidfuzz ratio over folded first names: Aleksei/Alexei 86, Igor/Sergei 20
_SURNAME_SIMILARITY = 85
_backfilled: set[int] = set()


def translit_key(word: str) -> str:
    """A name folded across transliterations: accents dropped, ks→x, final -y/-i/-iy/-yy/-ei dropped."""
    s = unicodedata.normalize("NFKD", word.casefold())
    s = "".join(c for c in s if c.isalpha())
    s = s.replace("ks", "x").replace("kh", "h").replace("yu", "iu").replace("ya", "ia")
    s = re.sub(r"(.)\1+", r"\1", s)  # Zelenskyy, Mikhaill
    s = re.sub(r"(?:iy|yy|ij|y|i|e[iy])$", "", s) if len(s) > 4 else s
    return s


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"\s+", name.strip()) if p]


def surname_key(name: str) -> str:
    parts = _parts(name)
    return translit_key(parts[-1]) if parts else ""


def same_first_name(a: str, b: str) -> bool:
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb or ka[0] != kb[0]:
        return False
    return ka == kb or fuzz.ratio(ka, kb) >= _FIRST_NAME_SIMILARITY


@dataclass(frozen=True, slots=True)
class _Row:
    id: int
    name: str


def _backfill(db: Database) -> None:
    """Rows stored before migration 002 get their surname key."""
    key = id(db.conn)
    if key in _backfilled:
        return
    rows = db.execute("SELECT id, name FROM speakers WHERE surname_key IS NULL AND kind = 'person'").fetchall()
    for sid, name in rows:
        db.execute("UPDATE speakers SET surname_key = ? WHERE id = ?", [surname_key(name), sid])
    _backfilled.add(key)


def _add_alias(db: Database, speaker_id: int, alias: str) -> None:
    db.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, folded) VALUES (?, ?, ?)",
               [speaker_id, alias, fold(alias)])


def _match_person(db: Database, name: str) -> int | None:
    parts = _parts(name)
    rows = [_Row(int(r[0]), str(r[1])) for r in db.execute(
        "SELECT id, name FROM speakers WHERE kind = 'person' AND surname_key = ?", [surname_key(name)])]
    if not rows:
        return None
    last = translit_key(parts[-1])
    rows = [r for r in rows if fuzz.ratio(translit_key(_parts(r.name)[-1]), last) >= _SURNAME_SIMILARITY]
    if len(parts) == 1:
        full = [r for r in rows if len(_parts(r.name)) > 1]
        return full[0].id if len(full) == 1 else None
    same = [r for r in rows if len(_parts(r.name)) > 1 and same_first_name(_parts(r.name)[0], parts[0])]
    return same[0].id if len(same) == 1 else None


def _absorb_surname_row(db: Database, name: str, speaker_id: int) -> None:
    """A bare-surname speaker stored earlier becomes an alias of the one full name that now owns it."""
    parts = _parts(name)
    rows = db.execute("SELECT id, name FROM speakers WHERE kind = 'person' AND surname_key = ? AND id != ?",
                      [surname_key(name), speaker_id]).fetchall()
    full = [r for r in rows if len(_parts(str(r[1]))) > 1]
    bare = [r for r in rows if len(_parts(str(r[1]))) == 1
            and fuzz.ratio(translit_key(str(r[1])), translit_key(parts[-1])) >= _SURNAME_SIMILARITY]
    if full or not bare:
        return  # another full name shares the surname: the bare one stays ambiguous
    for old_id, old_name in bare:
        # The search index carries the speaker's name too: moved quotes are found under the full name.
        db.execute("UPDATE quotes_fts SET speaker = ? WHERE rowid IN (SELECT id FROM quotes WHERE speaker_id = ?)",
                   [name, old_id])
        db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [speaker_id, old_id])
        db.execute("UPDATE OR IGNORE speaker_aliases SET speaker_id = ? WHERE speaker_id = ?", [speaker_id, old_id])
        db.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [old_id])
        db.execute("DELETE FROM speakers WHERE id = ?", [old_id])
        _add_alias(db, speaker_id, str(old_name))


def resolve_speaker(db: Database, name: str, *, kind: str | None = None, role: str | None = None) -> int:
    """The id of the speaker called ``name``, creating the row when it is new."""
    _backfill(db)
    key = fold(name)
    row = db.execute("SELECT speaker_id FROM speaker_aliases WHERE folded = ? LIMIT 1", [key]).fetchone()
    speaker_id = int(row[0]) if row else None
    person = (kind or "person") == "person"
    if speaker_id is None and person:
        speaker_id = _match_person(db, name)
        if speaker_id is not None:
            _add_alias(db, speaker_id, name)
    if speaker_id is not None:
        if role:
            db.execute("UPDATE speakers SET role = ? WHERE id = ? AND role IS NULL", [role, speaker_id])
        return speaker_id
    cur = db.execute("INSERT INTO speakers (name, kind, role, surname_key) VALUES (?, ?, ?, ?)",
                     [name, kind or "person", role, surname_key(name) if person else None])
    speaker_id = int(cur.lastrowid or 0)
    _add_alias(db, speaker_id, name)
    if person and len(_parts(name)) > 1:
        _absorb_surname_row(db, name, speaker_id)
    return speaker_id


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    id: int
    name: str
    kind: str
    role: str | None
    quotes: int
    aliases: tuple[str, ...]


def list_speakers(db: Database, limit: int | None = None) -> list[SpeakerSummary]:
    """Every speaker with its quote count and aliases, most quoted first."""
    _backfill(db)
    sql = """SELECT s.id, s.name, s.kind, s.role, (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS n
             FROM speakers s ORDER BY n DESC, s.name"""
    rows = db.execute(sql + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
    aliases: dict[int, list[str]] = {}
    for sid, alias in db.execute("SELECT speaker_id, alias FROM speaker_aliases ORDER BY alias"):
        aliases.setdefault(int(sid), []).append(str(alias))
    return [SpeakerSummary(int(r[0]), str(r[1]), str(r[2]), r[3], int(r[4]),
                           tuple(a for a in aliases.get(int(r[0]), []) if a != r[1])) for r in rows]


def surname_conflicts(db: Database) -> dict[str, list[SpeakerSummary]]:
    """Surnames shared by several different people (kept apart on purpose): key → speakers."""
    _backfill(db)
    keys = [str(r[0]) for r in db.execute(
        """SELECT surname_key FROM speakers WHERE kind = 'person' AND surname_key IS NOT NULL
           AND instr(name, ' ') > 0 GROUP BY surname_key HAVING count(*) > 1 ORDER BY surname_key""")]
    by_id = {s.id: s for s in list_speakers(db)}
    out: dict[str, list[SpeakerSummary]] = {}
    for k in keys:
        ids = [int(r[0]) for r in db.execute("SELECT id FROM speakers WHERE surname_key = ? ORDER BY name", [k])]
        people = [by_id[i] for i in ids if i in by_id]
        surname = _parts(people[0].name)[-1] if people else k
        out[surname] = people
    return out
