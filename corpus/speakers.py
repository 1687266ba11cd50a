"""One speaker row per person or organisation across articles.

A first version: names are matched on their folded form and known aliases.
"""

from __future__ import annotations

from sqlite_utils import Database

from .store import fold


def resolve_speaker(db: Database, name: str, *, kind: str | None = None, role: str | None = None) -> int:
    """The id of the speaker called ``name``, creating the row when it is new."""
    key = fold(name)
    row = db.execute("SELECT speaker_id FROM speaker_aliases WHERE folded = ? LIMIT 1", [key]).fetchone()
    if row:
        speaker_id = int(row[0])
        if role:
            db.execute("UPDATE speakers SET role = ? WHERE id = ? AND role IS NULL", [role, speaker_id])
        return speaker_id
    speaker_id = int(db["speakers"].insert({"name": name, "kind": kind or "person", "role": role}).last_pk)
    db["speaker_aliases"].insert({"speaker_id": speaker_id, "alias": name, "folded": key})
    return speaker_id
