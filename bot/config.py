"""Every setting, declared once with its default and help.

Only the composition root (``adapters``) calls :func:`load_settings` with the process
environment; everything else receives a :class:`Settings`. Secrets come only from the
environment, never from a file. Unknown ``QUOTEBOT_*`` variables are rejected at start-up
so that a typo does not silently fall back to a default.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str  # the environment variable
    default: Any
    help: str
    secret: bool = False
    kind: type = str
    choices: tuple[str, ...] = ()  # a closed set (compared case-insensitively, stored as written here)
    minimum: int | None = None  # an int setting's range, inclusive
    maximum: int | None = None
    pattern: str = ""  # a regular expression the whole value must match
    pattern_help: str = ""  # what the pattern allows, in words

    def parse(self, raw: Any) -> Any:
        """The value of ``raw`` for this setting; :class:`ConfigError` in one line naming what is allowed."""
        shown = f"{self.name} (its value not shown)" if self.secret else f"{self.name}={raw!r}"
        try:
            value = self.kind(raw)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{shown} is not a valid {self.kind.__name__}") from exc
        if self.pattern and not re.fullmatch(self.pattern, str(value)):
            raise ConfigError(f"{shown} is not allowed: use {self.pattern_help}")
        if self.choices:
            match = [c for c in self.choices if c.lower() == str(value).strip().lower()]
            if not match:
                raise ConfigError(f"{shown} is not allowed: use one of {', '.join(self.choices)}")
            return match[0]
        low, high = self.minimum, self.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            allowed = f"{low} to {high}" if high is not None else f"{low} or more"
            raise ConfigError(f"{shown} is out of range: use {allowed}")
        return value


# The page size the chat answers can hold: ten cards keep a Telegram answer within one or two messages and a
# Slack answer well under its 50 blocks (bot/answering/answers.py holds a per-request size to the same bound).
MAX_PAGE_SIZE = 10
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

SETTINGS: tuple[Setting, ...] = (
    Setting("QUOTEBOT_DB", "quotebot.db", "SQLite corpus file."),
    Setting("QUOTEBOT_CONFIG", None, "Optional TOML file with digests, feeds and watched folders."),
    Setting("QUOTEBOT_PAGE_SIZE", 5, "Quotes per answer page.", kind=int, minimum=1, maximum=MAX_PAGE_SIZE),
    Setting("QUOTEBOT_QUERY_TIMEOUT_MS", 2000, "Longest time one query may run before it is cut off.", kind=int,
            minimum=1),
    Setting("QUOTEBOT_FILE_RESIDENT_MB", 120, "File-backed resident memory (search-index pages and shared libraries) "
                                              "the server keeps under while a command runs: it lets go of the index "
                                              "pages it has mapped when the next command could pass it; they stay in "
                                              "the page cache (corpus/resident.py). 0: never.",
            kind=int, minimum=0),
    Setting("QUOTEBOT_LOG_LEVEL", "INFO", "Logging level.", choices=LOG_LEVELS),
    Setting("QUOTEBOT_HOST", "127.0.0.1", "Address the HTTP servers (Slack events, Telegram webhook) listen on; "
                                          "0.0.0.0 only where something in front guards it (the Docker image)."),
    Setting("TELEGRAM_BOT_TOKEN", None, "Telegram bot token from @BotFather.", secret=True),
    Setting("TELEGRAM_API_BASE_URL", None, "Bot API base URL (self-hosted Bot API servers, tests)."),
    Setting("TELEGRAM_WEBHOOK_URL", None, "Public HTTPS URL for webhook mode; long polling when unset."),
    Setting("TELEGRAM_WEBHOOK_SECRET", None, "secret_token Telegram sends with webhook calls.", secret=True,
            pattern=r"[A-Za-z0-9_-]{1,256}", pattern_help="1-256 characters A-Z a-z 0-9 _ - (Telegram's rule)"),
    Setting("TELEGRAM_WEBHOOK_PORT", 8443, "Local port the webhook server listens on.", kind=int,
            minimum=1, maximum=65535),
    Setting("TELEGRAM_ALLOWED_CHATS", None, "Comma-separated chat ids or @usernames allowed to use the bot."),
    Setting("SLACK_BOT_TOKEN", None, "Slack bot token (xoxb-…).", secret=True),
    Setting("SLACK_SIGNING_SECRET", None, "Slack signing secret for HTTP mode.", secret=True),
    Setting("SLACK_APP_TOKEN", None, "Slack app-level token (xapp-…) for Socket Mode.", secret=True),
    Setting("SLACK_API_BASE_URL", None, "Slack Web API base URL (tests, proxies)."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    values: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        if name not in _BY_NAME:
            raise KeyError(f"undeclared setting {name}")
        return self.values.get(name, _BY_NAME[name].default)

    def get(self, name: str) -> Any:
        return self[name]

    def require(self, name: str) -> Any:
        value = self[name]
        if value in (None, ""):
            raise ConfigError(f"{name} is not set: {_BY_NAME[name].help}")
        return value

    def redacted(self) -> dict[str, Any]:
        return {s.name: ("***" if s.secret and self[s.name] else self[s.name]) for s in SETTINGS}


def load_settings(env: Mapping[str, str], **overrides: Any) -> Settings:
    """Read every declared setting from ``env``; reject unknown ``QUOTEBOT_*`` names and bad values."""
    unknown = sorted(k for k in env if k.startswith("QUOTEBOT_") and k not in _BY_NAME)
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for s in SETTINGS:
        raw = overrides.get(s.name, env.get(s.name))
        if raw is None or raw == "":
            continue
        values[s.name] = s.parse(raw)
    return Settings(values)
