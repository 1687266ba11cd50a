"""The composition root of ``quotebot serve``: one asyncio process, the configured chat adapters,
one scheduler (digests, follow alerts, feeds, watched folders)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from bot.core import Core
from bot.errors import ConfigError
from bot.scheduling.delivery import Sender
from bot.scheduling.ingest_jobs import apply_config, ingest_jobs
from bot.scheduling.schedule import Scheduler
from bot.scheduling.schedule_config import ScheduleConfig, load_schedule_config

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ServeOptions:
    telegram: bool
    slack: bool
    slack_mode: str = "http"
    port: int = 3000
    host: str | None = None  # None: QUOTEBOT_HOST (127.0.0.1 unless set)


async def telegram_sender(settings: Settings) -> tuple[Sender, Callable[[], Awaitable[None]]]:
    from telegram import Bot
    from telegram.error import TelegramError

    from .telegram import TelegramSender, start_failure

    base = settings["TELEGRAM_API_BASE_URL"]
    kwargs: dict[str, Any] = {}
    if base:
        kwargs = {"base_url": f"{str(base).rstrip('/')}/bot", "base_file_url": f"{str(base).rstrip('/')}/file/bot"}
    bot = Bot(settings.require("TELEGRAM_BOT_TOKEN"), **kwargs)
    try:
        await bot.initialize()
    except TelegramError as exc:
        await bot.shutdown()
        raise start_failure(exc, settings) from exc
    return TelegramSender(bot), bot.shutdown


def slack_sender(settings: Settings) -> Sender:
    from .slack import SlackSender, web_client

    settings.require("SLACK_BOT_TOKEN")
    return SlackSender(web_client(settings))


def check_settings(settings: Settings, options: ServeOptions) -> None:
    """Every setting the chosen adapters need, checked before any of them calls out (ConfigError)."""
    if options.telegram:
        from .telegram import check_settings as check_telegram

        check_telegram(settings)
    if options.slack:
        from .slack import check_settings as check_slack

        check_slack(settings, options.slack_mode)


async def serve(settings: Settings, options: ServeOptions, config: ScheduleConfig | None = None,
                stop: asyncio.Event | None = None) -> None:
    """Run until SIGINT/SIGTERM (or ``stop``)."""
    db_path = str(settings["QUOTEBOT_DB"])
    config = config or (load_schedule_config(settings["QUOTEBOT_CONFIG"]) if settings["QUOTEBOT_CONFIG"]
                        else ScheduleConfig())
    if not options.telegram and not options.slack:
        raise ConfigError("nothing to serve: set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN "
                          "(or pass --telegram/--slack)")
    check_settings(settings, options)
    core = Core(db_path, settings=settings)
    apply_config(db_path, config)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    senders: dict[str, Sender] = {}
    closers: list[Callable[[], Awaitable[None]]] = []
    tasks: list[asyncio.Task[None]] = []
    try:
        if options.telegram:
            from .telegram import run_telegram

            sender, close = await telegram_sender(settings)
            senders["telegram"], closers = sender, [*closers, close]
            tasks.append(asyncio.create_task(run_telegram(core, settings, stop), name="telegram"))
        if options.slack:
            from .slack import run_slack

            senders["slack"] = slack_sender(settings)
            tasks.append(asyncio.create_task(run_slack(core, settings, mode=options.slack_mode, port=options.port,
                                                       host=options.host, stop=stop), name="slack"))
        scheduler = Scheduler(db_path, senders, jobs=ingest_jobs(db_path, config))
        tasks.append(asyncio.create_task(scheduler.run(stop), name="scheduler"))
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in done:
            if task.exception():
                stop.set()
                raise task.exception()  # type: ignore[misc]
        await asyncio.gather(*tasks)
        scheduler.close()
    finally:
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for close in closers:
            await close()
        core.close()
