"""Repair the speaker table of an existing corpus, and explain why rows are merged or kept apart.

:func:`rebuild` (``quotebot speakers --rebuild``) applies today's rules to every stored row, and
running it twice changes nothing the second time:

1. a row whose name is no person's or organisation's name, or a bare surname, goes; its quotes
   become unattributed (a surname alone never decides who spoke);
2. title words glued onto a name move into its quotes' role ("Medical Chamber Leonid Roshal");
3. rows that are one person (initials, transliterations, given-name variants) merge into one;
   a row that could be several stored people (an initial two people share) goes;
4. quotes with no role take the one their article's title or lead gives the name;
5. a row whose roles interleave in time with posts no article shows to be one body is split in
   two namesakes (:mod:`corpus.speaker_evidence`), each with a note saying why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlite_utils import Database

from .index import index_changes
from .name_match import same_person_names, surname_key
from .names import NameShape, name_shape
from .speaker_evidence import contradictions, gather
from .speaker_roles import clean_role, latest_role, plausible_role, role_history, role_in_text, role_keys
from .store import fold


@dataclass(slots=True)
class RebuildReport:
    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {**{k: self.counts[k] for k in sorted(self.counts)}, "notes": self.notes}


def _unattribute(db: Database, speaker_id: int) -> int:
    n = int(db.execute("SELECT count(*) FROM quotes WHERE speaker_id = ?", [speaker_id]).fetchone()[0])
    db.execute("UPDATE quotes SET speaker_id = NULL, role = NULL WHERE speaker_id = ?", [speaker_id])
    db.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])
    db.execute("DELETE FROM speakers WHERE id = ?", [speaker_id])
    return n


def _merge(db: Database, source: int, target: int) -> None:
    db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [target, source])
    db.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, folded) "
               "SELECT ?, alias, folded FROM speaker_aliases WHERE speaker_id = ?", [target, source])
    db.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [source])
    db.execute("DELETE FROM speakers WHERE id = ?", [source])


def _initials_only(shape: NameShape) -> bool:
    return not shape.given or all(len(w.rstrip(".")) <= 2 for w in shape.given.split())


def _aliases(db: Database, speaker_id: int) -> list[str]:
    return [str(r[0]) for r in db.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])]


def _clean_rows(db: Database, report: RebuildReport) -> None:
    """Steps 1–3: drop what is no name, strip glued titles, merge one person's rows."""
    rows = db.execute(
        """SELECT s.id, s.name, s.kind, (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) n
           FROM speakers s WHERE s.note IS NULL OR s.note NOT LIKE 'namesake%'""").fetchall()
    shaped: list[tuple[int, str, NameShape, int]] = []
    for sid, name, _kind, n in rows:
        shape = name_shape(str(name))
        if shape is None or (shape.kind == "person" and not shape.given):
            report.counts["rows dropped: no name or a bare surname"] += 1
            report.counts["quotes unattributed"] += _unattribute(db, int(sid))
            continue
        if shape.role:
            report.counts["glued titles moved into the role"] += 1
            for qid, role in db.execute("SELECT id, role FROM quotes WHERE speaker_id = ?", [sid]).fetchall():
                db.execute("UPDATE quotes SET role = ? WHERE id = ?", [clean_role(role, shape.role), qid])
        shaped.append((int(sid), str(name), shape, int(n)))
    # full names first, the most quoted first: initials and variants then join them
    shaped.sort(key=lambda r: (_initials_only(r[2]), -r[3], r[1]))
    kept: dict[str, list[tuple[int, NameShape]]] = {}  # surname key / org name → rows kept
    for sid, name, shape, _ in shaped:
        if shape.kind == "organisation":
            key = "org:" + fold(shape.name)
            if key in kept:
                _merge(db, sid, kept[key][0][0])
                report.counts["rows merged"] += 1
            else:
                kept[key] = [(sid, shape)]
                _rename(db, sid, name, shape.name, "organisation")
            continue
        key = surname_key(shape.surname or "")
        same = [t for t, ts in kept.get(key, []) if fold(ts.name) == fold(shape.name)]
        compatible = same or [t for t, _ in kept.get(key, [])
                              if any(same_person_names(shape.name, a) for a in _aliases(db, t))]
        if len(compatible) == 1:
            _merge(db, sid, compatible[0])
            db.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, folded) VALUES (?, ?, ?)",
                       [compatible[0], shape.name, fold(shape.name)])
            report.counts["rows merged"] += 1
        elif len(compatible) > 1:
            report.counts["rows dropped: could be several people"] += 1
            report.counts["quotes unattributed"] += _unattribute(db, sid)
        else:
            kept.setdefault(key, []).append((sid, shape))
            _rename(db, sid, name, shape.name, "person", key)


def _rename(db: Database, sid: int, old: str, new: str, kind: str, key: str | None = None) -> None:
    db.execute("UPDATE speakers SET kind = ?, surname_key = ? WHERE id = ?", [kind, key, sid])
    if old == new or db.execute("SELECT 1 FROM speakers WHERE name = ?", [new]).fetchone():
        return
    db.execute("UPDATE speakers SET name = ? WHERE id = ?", [new, sid])
    db.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, folded) VALUES (?, ?, ?)",
               [sid, new, fold(new)])


def _fill_roles(db: Database, report: RebuildReport) -> None:
    """Step 4: a quote without a role takes the one its title or lead gives the speaker."""
    rows = db.execute(
        """SELECT q.id, s.name, a.title, a.lead FROM quotes q JOIN speakers s ON s.id = q.speaker_id
           JOIN articles a ON a.id = q.article_id WHERE q.role IS NULL AND s.kind = 'person'""").fetchall()
    cache: dict[tuple[str, str, str], str | None] = {}
    for qid, name, title, lead in rows:
        key = (str(name), title or "", lead or "")
        if key not in cache:
            cache[key] = role_in_text(title or "", str(name)) or role_in_text(lead or "", str(name))
        if cache[key]:
            db.execute("UPDATE quotes SET role = ? WHERE id = ?", [cache[key], qid])
            report.counts["quote roles taken from the title or lead"] += 1


def _split_namesakes(db: Database, report: RebuildReport) -> None:
    """Step 5: one name, two people — posts that interleave in time (see corpus.speaker_evidence)."""
    rows = db.execute(
        """SELECT DISTINCT s.id, s.name FROM speakers s JOIN quotes q ON q.speaker_id = s.id
           WHERE s.kind = 'person' AND s.note IS NULL AND q.role IS NOT NULL""").fetchall()
    for sid, name in rows:
        quoted_roles = [str(r[0]) for r in db.execute(
            "SELECT DISTINCT role FROM quotes WHERE speaker_id = ? AND role IS NOT NULL", [sid])]
        if not any(role_keys(r) and plausible_role(r) for r in quoted_roles):
            continue  # no quoted role names a body: nothing could tell two people apart
        found = contradictions(gather(db, int(sid), str(name)), db)
        for c in found:
            role = c.other.roles[0]
            new_name = f"{name} ({role})"
            if db.execute("SELECT 1 FROM speakers WHERE name = ?", [new_name]).fetchone():
                continue
            reason = c.reason()
            cur = db.execute(
                "INSERT INTO speakers (name, kind, role, surname_key, note) VALUES (?, 'person', ?, "
                "(SELECT surname_key FROM speakers WHERE id = ?), ?)",
                [new_name, role, sid, f"namesake of {name}: {reason}"])
            new_id = int(cur.lastrowid or 0)
            for alias in (new_name, str(name)):
                db.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, folded) VALUES (?, ?, ?)",
                           [new_id, alias, fold(alias)])
            articles = sorted(p.article_id for p in c.other.points if p.quoted)
            marks = ",".join("?" * len(articles))
            moved = db.execute(f"UPDATE quotes SET speaker_id = ? WHERE speaker_id = ? AND article_id IN ({marks})",
                               [new_id, sid, *articles]).rowcount
            db.execute("UPDATE speakers SET note = ? WHERE id = ?",
                       [f"kept apart from {new_name}: {reason}", sid])
            report.counts["namesakes split"] += 1
            report.notes.append(f"{name}: {moved} quotes moved to “{new_name}” — {reason}")


def rebuild(db: Database) -> RebuildReport:
    """Apply the speaker rules to every stored row (idempotent; one transaction)."""
    report = RebuildReport()
    with db.atomic():
        _clean_rows(db, report)
        _fill_roles(db, report)
        _split_namesakes(db, report)
        for (sid,) in db.execute("SELECT id FROM speakers WHERE kind = 'person'").fetchall():
            role = latest_role(db, int(sid))
            if role:
                db.execute("UPDATE speakers SET role = ? WHERE id = ?", [role, sid])
    index_changes(db, done=True)  # the search index follows the moved quotes (corpus/index.py)
    return report


def explain(db: Database, typed: str) -> list[str]:
    """Why the rows a name may mean are one, several or none: the rules' own reasons."""
    shape = name_shape(typed)
    lines: list[str] = []
    if shape is None:
        lines.append(f"“{typed}” is not a person's or organisation's name (an opener, a place, an event, "
                     f"a title alone or two names run together): it makes no speaker row.")
        return lines
    if shape.role:
        lines.append(f"“{typed}”: the words “{shape.role}” are a role, the name is “{shape.name}”.")
    if shape.kind == "person" and not shape.given:
        lines.append(f"“{shape.name}” is a surname alone: it is never matched across articles by itself.")
    key = surname_key(shape.surname or "") if shape.kind == "person" else None
    if key:
        rows = db.execute("SELECT id, name, note FROM speakers WHERE kind = 'person' AND surname_key = ? "
                          "ORDER BY name", [key]).fetchall()
    else:
        rows = db.execute("SELECT DISTINCT s.id, s.name, s.note FROM speakers s JOIN speaker_aliases a "
                          "ON a.speaker_id = s.id WHERE a.folded = ?", [fold(shape.name)]).fetchall()
    if not rows:
        lines.append(f"No speaker row holds the name “{shape.name}”.")
        return lines
    for sid, name, note in rows:
        span = db.execute("SELECT count(*), min(published), max(published) FROM quotes WHERE speaker_id = ?",
                          [sid]).fetchone()
        aliases = [a for a in _aliases(db, int(sid)) if a != name]
        roles = "; ".join(f"{r.role} ({r.first}…{r.last}, {r.quotes})" for r in role_history(db, int(sid))[:6])
        lines.append(f"#{sid} {name}: {span[0]} quotes, {span[1]} – {span[2]}"
                     + (f"; also written {', '.join(aliases)}" if aliases else ""))
        if roles:
            lines.append(f"    roles: {roles}")
        if note:
            lines.append(f"    {note}")
        if shape.kind == "person" and shape.given and name != shape.name:
            if same_person_names(shape.name, str(name).split(" (")[0]):
                lines.append(f"    “{shape.name}” and “{name}” may be one person (given names agree)"
                             + (", kept apart by the evidence above" if note else ""))
            else:
                lines.append(f"    “{shape.name}” and “{name}” are different people: the given names do not agree")
    return lines
