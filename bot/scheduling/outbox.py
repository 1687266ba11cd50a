"""A digest's parts and what became of each, in SQLite (tables ``deliveries`` and ``delivery_parts``).

Every part is stored *before* the first is sent, and moves ``queued → sending → sent``. A refused
part goes back to ``queued`` with a ``next_at`` (backoff, Retry-After) until its attempts run out
(``failed``); a part whose call timed out is ``unknown``. After a crash a ``sending`` part may have
gone out, so it becomes ``unknown`` and is never resent; a ``queued`` part certainly did not, so it
is sent. All functions are synchronous: the scheduler runs them on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from .delivery import Part
from .schedule_store import now_iso

PartState = str  # queued | sending | sent | unknown | failed


@dataclass(frozen=True, slots=True)
class StoredPart:
    idx: int
    kind: str
    body: str
    data: bytes | None
    state: PartState
    attempts: int
    next_at: datetime | None

    def part(self) -> Part:
        return Part(self.kind, self.body, self.data)


def digest_key(channel: str, period: str) -> str:
    return f"digest:{channel}:{period}"


def delivery(db: Database, key: str) -> tuple[str, int | None] | None:
    """(state, quote high-water mark) of a delivery, or None if there is none."""
    row = db.execute("SELECT state, quote_high FROM deliveries WHERE key = ?", [key]).fetchone()
    return (str(row[0]), row[1]) if row else None


def create(db: Database, key: str, channel: str, high: int, parts: list[Part]) -> None:
    """The delivery and all its parts, ``queued``, in one transaction."""
    with db.atomic():
        db.execute("INSERT INTO deliveries (key, channel, state, attempted_at, quote_high) "
                   "VALUES (?, ?, 'pending', ?, ?)", [key, channel, now_iso(), high])
        for idx, part in enumerate(parts):
            db.execute("INSERT INTO delivery_parts (key, idx, kind, body, data) VALUES (?, ?, ?, ?, ?)",
                       [key, idx, part.kind, part.body, part.data])


def parts(db: Database, key: str) -> list[StoredPart]:
    rows = db.execute("SELECT idx, kind, body, data, state, attempts, next_at FROM delivery_parts "
                      "WHERE key = ? ORDER BY idx", [key]).fetchall()
    return [StoredPart(int(r[0]), str(r[1]), str(r[2]), r[3], str(r[4]), int(r[5]),
                       datetime.fromisoformat(r[6]) if r[6] else None) for r in rows]


def recover(db: Database, key: str) -> int:
    """Parts left ``sending`` by a crash become ``unknown``; returns how many."""
    with db.atomic():
        cursor = db.execute("UPDATE delivery_parts SET state = 'unknown', error = 'in flight at a crash' "
                            "WHERE key = ? AND state = 'sending'", [key])
    return int(cursor.rowcount)


def mark(db: Database, key: str, idx: int, state: PartState, message_id: str | None = None,
         error: str | None = None) -> None:
    with db.atomic():
        db.execute("UPDATE delivery_parts SET state = ?, message_id = coalesce(?, message_id), error = ? "
                   "WHERE key = ? AND idx = ?", [state, message_id, error, key, idx])


def refused(db: Database, key: str, idx: int, error: str, attempts: int, next_at: datetime | None) -> None:
    """A refused attempt: ``queued`` again, not before ``next_at``; ``failed`` when ``next_at`` is None."""
    with db.atomic():
        db.execute("UPDATE delivery_parts SET state = ?, attempts = ?, next_at = ?, error = ? "
                   "WHERE key = ? AND idx = ?",
                   ["queued" if next_at else "failed", attempts, next_at.isoformat() if next_at else None,
                    error[:500], key, idx])


def finish(db: Database, key: str, channel: str, period: str, state: str, high: int | None,
           *, disable: bool = False) -> None:
    """Close a delivery (``sent`` | ``failed`` | ``blocked``) and move the channel past ``period``.

    The quote high-water mark moves only when the digest went out, so quotes of a digest that
    was given up are in the next one."""
    with db.atomic():
        db.execute("UPDATE deliveries SET state = ?, finished_at = ?, message_ids = (SELECT group_concat("
                   "message_id) FROM delivery_parts WHERE key = ? AND message_id IS NOT NULL) WHERE key = ?",
                   [state, now_iso(), key, key])
        db.execute("UPDATE digest_channels SET last_period = ? WHERE channel = ?", [period, channel])
        if high is not None:
            db.execute("UPDATE digest_channels SET last_quote_id = ? WHERE channel = ?", [high, channel])
        if disable:
            db.execute("UPDATE digest_channels SET enabled = 0 WHERE channel = ?", [channel])


def forget(db: Database, key: str) -> None:
    """Drop a delivery and its parts (``quotebot digest --force``)."""
    with db.atomic():
        db.execute("DELETE FROM delivery_parts WHERE key = ?", [key])
        db.execute("DELETE FROM deliveries WHERE key = ?", [key])
