"""The bot package's exceptions, one tree::

    BotError
    ├── UsageError     the user's command could not be understood (bad filter, missing topic)
    ├── AccessError    the user may not do this here (not an admin, chat not allowed)
    ├── ConfigError    a setting is missing or invalid (raised at start-up, not per message)
    └── DeliveryError  a platform did not accept a message (digests, alerts)
        ├── Blocked        the chat blocked or removed the bot: permanent, do not retry
        ├── RateLimited    slow down; ``retry_after`` seconds
        └── OutcomeUnknown no answer in time: it may have been posted, so it is never resent

The router turns a ``BotError`` into an error :class:`~bot.reply.Reply`; anything else is a
bug, which adapters log with its traceback while the user gets one short apology.
"""

from __future__ import annotations


class BotError(Exception):
    """Base of every error raised on purpose by ``bot``."""


class UsageError(BotError):
    """The request could not be understood; the message says how to ask."""


class AccessError(BotError):
    """The user or chat may not do this."""


class ConfigError(BotError):
    """A setting is missing or invalid."""


class DeliveryError(BotError):
    """A platform did not accept a message (network, server error); may be retried."""


class Blocked(DeliveryError):
    """The chat blocked or removed the bot (Telegram Forbidden, Slack not_in_channel): permanent."""


class RateLimited(DeliveryError):
    """The platform asked us to slow down; retry after ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class OutcomeUnknown(DeliveryError):
    """The platform did not answer in time: the message may or may not have gone out."""
