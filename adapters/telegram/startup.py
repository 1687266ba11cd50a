"""What ``quotebot serve --telegram`` checks before its first call to the Bot API, and how a failed
start is told: one line naming the cause, never a traceback, never the token."""

from __future__ import annotations

import socket

from telegram.error import InvalidToken, TelegramError

from bot.config import Settings
from bot.errors import BotError, ConfigError, DeliveryError

DEFAULT_API = "https://api.telegram.org"


def check_settings(settings: Settings) -> None:
    """Every Telegram setting that can be wrong without asking Telegram; :class:`ConfigError` if one is."""
    if not settings["TELEGRAM_BOT_TOKEN"]:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set (create a bot with @BotFather and export its token)")
    if settings["TELEGRAM_WEBHOOK_URL"] and not settings["TELEGRAM_WEBHOOK_SECRET"]:
        # Without it anyone who finds the URL can post updates that claim to come from any user.
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET is not set: webhook mode needs it "
                          "(1-256 characters A-Z a-z 0-9 _ -; Telegram sends it with every update)")


def start_failure(exc: TelegramError, settings: Settings) -> BotError:
    """The one-line error for a Bot API call that failed while starting (the token taken out)."""
    token = str(settings["TELEGRAM_BOT_TOKEN"] or "")
    reason = str(exc.message if hasattr(exc, "message") else exc)
    if token:
        reason = reason.replace(token, "[redacted]")
    api = str(settings["TELEGRAM_API_BASE_URL"] or DEFAULT_API).rstrip("/")
    if isinstance(exc, InvalidToken):
        return ConfigError(f"the Telegram Bot API at {api} refused TELEGRAM_BOT_TOKEN ({reason}): "
                           "check the token @BotFather gave")
    return DeliveryError(f"could not start Telegram: the Bot API at {api} did not answer ({reason}); "
                         "check the network (or TELEGRAM_API_BASE_URL) and start again")


def check_webhook_port(settings: Settings) -> None:
    """Webhook mode: :class:`ConfigError` if ``QUOTEBOT_HOST``:``TELEGRAM_WEBHOOK_PORT`` cannot be bound.

    Asked before PTB's own server binds it, because that server (tornado) leaves its socket open when the
    bind fails; the same failure here closes ours and is one line."""
    host, port = str(settings["QUOTEBOT_HOST"]), int(settings["TELEGRAM_WEBHOOK_PORT"])
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        for family, kind, proto, _, address in infos:
            with socket.socket(family, kind, proto) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself binds
                probe.bind(address)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port} for the Telegram webhook: {exc.strerror or exc} "
                          "(TELEGRAM_WEBHOOK_PORT, QUOTEBOT_HOST)") from exc
