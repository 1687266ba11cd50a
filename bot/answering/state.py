"""Server-side state behind action buttons ("More", "Context", a speaker choice).

A button carries only a short opaque token (Telegram allows 64 bytes of callback data);
what it means lives here, in the corpus database under its own migration set. A token is
bound to the chat it was issued in (``platform:chat_id``) and lives :data:`TOKEN_TTL`:
pressed anywhere else, or later, it answers nothing but why.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("bot-core")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
TOKEN_TTL = timedelta(days=7)  # older buttons answer "this button has expired"
_CHAT = "_chat"  # the payload key holding the chat a token was issued in


@dataclass(frozen=True, slots=True)
class Loaded:
    """What a pressed token means: its payload, or why it means nothing here."""

    payload: dict[str, Any] | None
    refused: Literal["unknown", "expired", "other_chat"] | None = None


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


def save_action(db: Database, payload: dict[str, Any], chat: str) -> str:
    """Store ``payload`` for buttons in ``chat`` (``platform:chat_id``); return its token: 12 URL-safe characters."""
    token = secrets.token_urlsafe(9)
    now = datetime.now(UTC)
    with db.atomic():
        db.execute("INSERT INTO bot_actions (token, payload, created_at) VALUES (?, ?, ?)",
                   [token, json.dumps({**payload, _CHAT: chat}), now.isoformat()])
        db.execute("DELETE FROM bot_actions WHERE created_at < ?", [(now - TOKEN_TTL).isoformat()])
    return token


def load_action(db: Database, token: str, chat: str, now: datetime | None = None) -> Loaded:
    """The payload of ``token`` pressed in ``chat``, unless it is unknown, expired or another chat's."""
    if not _TOKEN.fullmatch(token or ""):  # a token is ours only if it looks like one we made
        return Loaded(None, "unknown")
    row = db.execute("SELECT payload, created_at FROM bot_actions WHERE token = ?", [token]).fetchone()
    if row is None:
        return Loaded(None, "unknown")
    try:
        created = datetime.fromisoformat(row[1])
    except ValueError:
        return Loaded(None, "expired")
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    if (now or datetime.now(UTC)) - created > TOKEN_TTL:
        return Loaded(None, "expired")
    payload = dict(json.loads(row[0]))
    if payload.pop(_CHAT, None) != chat:  # tokens saved before binding existed have no chat: refused too
        return Loaded(None, "other_chat")
    return Loaded(payload)


def chat_key(platform: str, chat_id: str) -> str:
    return f"{platform}:{chat_id}"
