"""Telegram transport on python-telegram-bot 22: long polling by default, webhook mode with a
secret token when ``TELEGRAM_WEBHOOK_URL`` is set."""

from __future__ import annotations

import asyncio
import logging
import os

# Opt in to PTB 23's behaviour now: RetryAfter.retry_after as a timedelta (PTB 22 warns otherwise).
os.environ.setdefault("PTB_TIMEDELTA", "1")

from bot.config import Settings
from bot.core import Core
from bot.errors import ConfigError

from .app import build_application, register_commands
from .sender import TelegramSender

log = logging.getLogger(__name__)

__all__ = ["TelegramSender", "build_application", "run_telegram"]


async def run_telegram(core: Core, settings: Settings, stop: asyncio.Event,
                       *, poll_timeout: float = 10.0, ready: asyncio.Event | None = None) -> None:
    """Run the bot until ``stop`` is set, then shut down cleanly."""
    webhook = settings["TELEGRAM_WEBHOOK_URL"]
    if webhook and not settings["TELEGRAM_WEBHOOK_SECRET"]:
        # Without it anyone who finds the URL can post updates that claim to come from any user.
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET is not set: webhook mode needs it "
                          "(1-256 characters A-Z a-z 0-9 _ -; Telegram sends it with every update)")
    app = build_application(core, settings)
    async with app:
        await register_commands(app, core)
        await app.start()
        assert app.updater is not None
        if webhook:
            await app.updater.start_webhook(
                listen=str(settings["QUOTEBOT_HOST"]), port=int(settings["TELEGRAM_WEBHOOK_PORT"]),
                url_path="telegram", webhook_url=str(webhook).rstrip("/") + "/telegram",
                secret_token=settings["TELEGRAM_WEBHOOK_SECRET"], drop_pending_updates=False,
            )
            log.info("telegram: webhook mode at %s", webhook)
        else:
            await app.updater.start_polling(timeout=int(poll_timeout), poll_interval=0.0, drop_pending_updates=False)
            log.info("telegram: long polling as @%s", app.bot.username)
        if ready:
            ready.set()
        try:
            await stop.wait()
        finally:
            await app.updater.stop()
            await app.stop()
