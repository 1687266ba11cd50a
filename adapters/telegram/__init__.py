"""Telegram transport on python-telegram-bot 22: long polling by default, webhook mode with a
secret token when ``TELEGRAM_WEBHOOK_URL`` is set."""

from __future__ import annotations

import asyncio
import logging
import os

# Opt in to PTB 23's behaviour now: RetryAfter.retry_after as a timedelta (PTB 22 warns otherwise).
os.environ.setdefault("PTB_TIMEDELTA", "1")

from telegram.error import TelegramError

from bot.config import Settings
from bot.core import Core

from .app import build_application, register_commands
from .sender import TelegramSender
from .startup import check_settings, check_webhook_port, start_failure

log = logging.getLogger(__name__)

__all__ = ["TelegramSender", "build_application", "check_settings", "run_telegram", "start_failure"]


async def run_telegram(core: Core, settings: Settings, stop: asyncio.Event,
                       *, poll_timeout: float = 10.0, ready: asyncio.Event | None = None) -> None:
    """Run the bot until ``stop`` is set, then shut down cleanly.

    Every setting is checked before the first call to the Bot API; a Bot API that cannot be reached
    (or refuses the token) while starting is one line (:func:`start_failure`), not a traceback."""
    check_settings(settings)
    webhook = settings["TELEGRAM_WEBHOOK_URL"]
    if webhook:
        check_webhook_port(settings)
    app = build_application(core, settings)
    try:
        await app.initialize()
    except TelegramError as exc:
        await app.bot.shutdown()  # getMe failed: close the HTTP clients PTB opened for it
        raise start_failure(exc, settings) from exc
    assert app.updater is not None
    try:
        try:
            await register_commands(app, core)
            await app.start()
            if webhook:
                await app.updater.start_webhook(
                    listen=str(settings["QUOTEBOT_HOST"]), port=int(settings["TELEGRAM_WEBHOOK_PORT"]),
                    url_path="telegram", webhook_url=str(webhook).rstrip("/") + "/telegram",
                    secret_token=settings["TELEGRAM_WEBHOOK_SECRET"], drop_pending_updates=False,
                )
                log.info("telegram: webhook mode at %s", webhook)
            else:
                await app.updater.start_polling(timeout=int(poll_timeout), poll_interval=0.0,
                                                drop_pending_updates=False)
                log.info("telegram: long polling as @%s", app.bot.username)
        except TelegramError as exc:
            raise start_failure(exc, settings) from exc
        if ready:
            ready.set()
        await stop.wait()
    finally:
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
