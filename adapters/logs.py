"""Logging for long-running commands, with every secret taken out of every line.

Libraries log secrets we do not control: httpx's request lines (INFO) and PTB's debug lines carry
the Telegram token in the URL path (``/bot<TOKEN>/``), PTB logs webhook parameters at DEBUG. So
the filter sits on the root handlers — where every record ends up, whichever logger made it —
and rewrites the message, its arguments and any traceback text before a formatter sees them.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

from bot.config import SETTINGS, Settings

MASK = "[redacted]"
# A Telegram bot token (digits, colon, 30+ URL-safe characters), even one that is not ours.
_TELEGRAM_TOKEN = re.compile(r"(?<![0-9])[0-9]{3,}:[A-Za-z0-9_-]{30,}")
_MIN_SECRET = 6  # shorter values would blank out ordinary words


class RedactingFilter(logging.Filter):
    """Replaces each secret value (and anything shaped like a Telegram token) with ``[redacted]``."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        values = sorted({s for s in secrets if s and len(s) >= _MIN_SECRET}, key=len, reverse=True)
        self._pattern = re.compile("|".join([*(re.escape(v) for v in values), _TELEGRAM_TOKEN.pattern]))

    def redact(self, text: str) -> str:
        return self._pattern.sub(MASK, text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string: log what there is, redacted
            message = f"{record.msg} {record.args}"
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def secret_values(settings: Settings) -> list[str]:
    return [str(settings[s.name]) for s in SETTINGS if s.secret and settings[s.name]]


def configure_logging(settings: Settings) -> RedactingFilter:
    """Root logging at ``QUOTEBOT_LOG_LEVEL`` to stderr, every handler behind the redacting filter."""
    logging.basicConfig(level=str(settings["QUOTEBOT_LOG_LEVEL"]).upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    redacting = RedactingFilter(secret_values(settings))
    for handler in logging.getLogger().handlers:
        handler.addFilter(redacting)
    return redacting
