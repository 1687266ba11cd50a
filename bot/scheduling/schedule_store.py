"""Schedules and delivery state for digests and follow alerts, in the corpus database.

Its own migration set ("bot-schedule"). Everything a restart needs lives here: each channel's
digest slot, the last period delivered, the quote high-water marks, and every delivery attempt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("bot-schedule")


@migrations(name="001_digests_follows")
def _m001(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE digest_channels (
            channel TEXT PRIMARY KEY,            -- 'telegram:<chat_id>' | 'slack:<channel_id>'
            slot TEXT NOT NULL DEFAULT '08:00',  -- local time HH:MM
            tz TEXT NOT NULL DEFAULT 'UTC',
            topics TEXT NOT NULL DEFAULT '[]',   -- JSON list; empty = everything
            enabled INTEGER NOT NULL DEFAULT 1,
            last_period TEXT,                    -- local date of the last digest delivered
            last_quote_id INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE deliveries (
            key TEXT PRIMARY KEY,                -- 'digest:<channel>:<period>'
            channel TEXT NOT NULL,
            state TEXT NOT NULL,                 -- pending | sent | failed
            message_ids TEXT,
            error TEXT,
            attempted_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE follows (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            kind TEXT NOT NULL,                  -- 'topic' | 'speaker'
            value TEXT NOT NULL,                 -- the topic, or the speaker's name
            speaker_id INTEGER,
            last_quote_id INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            UNIQUE (platform, chat_id, kind, value)
        );
        CREATE TABLE alerts (
            follow_id INTEGER NOT NULL REFERENCES follows(id) ON DELETE CASCADE,
            quote_id INTEGER NOT NULL,
            state TEXT NOT NULL,                 -- pending | sent
            at TEXT NOT NULL,
            PRIMARY KEY (follow_id, quote_id)
        );
        """
    )


@migrations(name="002_delivery_parts")
def _m002(db: Database) -> None:
    # Each part of a digest (chart, text messages) and what became of it, stored before the first is
    # sent: after a crash, 'queued' parts certainly did not go out, a 'sending' part may have.
    db.executescript(
        """
        ALTER TABLE deliveries ADD COLUMN quote_high INTEGER;  -- the digest's quote high-water mark
        CREATE TABLE delivery_parts (
            key TEXT NOT NULL,                   -- deliveries.key
            idx INTEGER NOT NULL,                -- order of posting
            kind TEXT NOT NULL,                  -- the sender's: 'message' | 'photo' | 'file'
            body TEXT NOT NULL,                  -- the sender's JSON
            data BLOB,                           -- an attachment (the chart)
            state TEXT NOT NULL DEFAULT 'queued',  -- queued | sending | sent | unknown | failed
            message_id TEXT,
            attempts INTEGER NOT NULL DEFAULT 0, -- refused attempts so far
            next_at TEXT,                        -- not before (backoff, Retry-After)
            error TEXT,
            PRIMARY KEY (key, idx)
        );
        """
    )


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class DigestChannel:
    channel: str
    slot: str
    tz: str
    topics: tuple[str, ...]
    enabled: bool
    last_period: str | None
    last_quote_id: int

    @property
    def platform(self) -> str:
        return self.channel.split(":", 1)[0]

    @property
    def chat_id(self) -> str:
        return self.channel.split(":", 1)[1]


def ensure(db: Database) -> None:
    migrations.apply(db)


def get_channel(db: Database, channel: str) -> DigestChannel | None:
    row = db.execute(
        "SELECT channel, slot, tz, topics, enabled, last_period, last_quote_id FROM digest_channels WHERE channel = ?",
        [channel],
    ).fetchone()
    if row is None:
        return None
    return DigestChannel(row[0], row[1], row[2], tuple(json.loads(row[3])), bool(row[4]), row[5], int(row[6]))


def all_channels(db: Database) -> list[DigestChannel]:
    names = [r[0] for r in db.execute("SELECT channel FROM digest_channels ORDER BY channel").fetchall()]
    return [c for n in names if (c := get_channel(db, n))]


def upsert_channel(db: Database, channel: str, **fields: Any) -> DigestChannel:
    if "topics" in fields:
        fields["topics"] = json.dumps(list(fields["topics"]))
    if "enabled" in fields:
        fields["enabled"] = int(bool(fields["enabled"]))
    with db.atomic():
        if get_channel(db, channel) is None:
            # A new channel's first digest covers the last day's quotes, not the whole corpus.
            day_ago = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="seconds")
            high = db.execute("SELECT coalesce(max(id), 0) FROM quotes WHERE ingested_at < ?", [day_ago]).fetchone()[0]
            db.execute("INSERT INTO digest_channels (channel, last_quote_id, created_at) VALUES (?, ?, ?)",
                       [channel, high, now_iso()])
        if fields:
            sets = ", ".join(f"{k} = ?" for k in fields)
            db.execute(f"UPDATE digest_channels SET {sets} WHERE channel = ?", [*fields.values(), channel])
    result = get_channel(db, channel)
    assert result is not None
    return result
