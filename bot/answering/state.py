"""Server-side state behind action buttons ("More", "Context", a speaker choice).

A button carries only a short opaque token (Telegram allows 64 bytes of callback data);
what it means lives here, in the corpus database under its own migration set.
"""

from __future__ import annotations

import json
import re
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("bot-core")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
TOKEN_TTL = timedelta(days=7)  # older buttons answer "this button has expired"


@migrations(name="001_actions")
def _m001(db: Database) -> None:
    db.execute(
        """CREATE TABLE bot_actions (
               token TEXT PRIMARY KEY,
               payload TEXT NOT NULL,
               created_at TEXT NOT NULL
           )"""
    )
    db.execute("CREATE INDEX bot_actions_created ON bot_actions(created_at)")


def save_action(db: Database, payload: dict[str, Any]) -> str:
    """Store ``payload`` and return its token: 12 URL-safe characters."""
    token = secrets.token_urlsafe(9)
    now = datetime.now(UTC)
    with db.atomic():
        db.execute("INSERT INTO bot_actions (token, payload, created_at) VALUES (?, ?, ?)",
                   [token, json.dumps(payload), now.isoformat()])
        db.execute("DELETE FROM bot_actions WHERE created_at < ?", [(now - TOKEN_TTL).isoformat()])
    return token


def load_action(db: Database, token: str) -> dict[str, Any] | None:
    if not _TOKEN.fullmatch(token or ""):  # a token is ours only if it looks like one we made
        return None
    row = db.execute("SELECT payload FROM bot_actions WHERE token = ?", [token]).fetchone()
    return json.loads(row[0]) if row else None
