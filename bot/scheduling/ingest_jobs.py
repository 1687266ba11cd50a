"""Scheduled ingestion and configured digests: what ``quotebot serve`` runs beside the chat adapters.

``apply_config`` writes the TOML config's digests into the schedule store; ``ingest_jobs`` gives the
scheduler one job that polls the configured feeds and watched folders every ``every_minutes`` (a failed
poll is tried again at the next tick). SQLite and network work run off the event loop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from corpus.errors import CorpusError
from corpus.feeds import FolderWatch, poll_feed
from corpus.store import open_db

from .schedule_config import ScheduleConfig
from .schedule_store import ensure, upsert_channel

log = logging.getLogger(__name__)


def apply_config(db_path: str, config: ScheduleConfig) -> None:
    db = open_db(db_path)
    ensure(db)
    for spec in config.digests:
        upsert_channel(db, spec.channel, slot=spec.time, tz=spec.tz, topics=spec.topics, enabled=True)
    db.close()


def ingest_jobs(db_path: str, config: ScheduleConfig) -> list[Callable[[], Awaitable[None]]]:
    if not config.feeds and not config.watch:
        return []
    watches = [FolderWatch(Path(p)) for p in config.watch]
    state = {"last": float("-inf")}  # (not 0.0: the monotonic clock may start near zero)

    def run() -> bool:
        """Poll every feed and folder; False when any failed (it is logged in one line)."""
        ok = True
        try:
            db = open_db(db_path)
        except CorpusError as exc:
            log.warning("ingest: %s; trying again at the next tick", exc)
            return False
        try:
            for url in config.feeds:
                try:
                    log.info("feed %s: %s", url, poll_feed(db, url).as_dict())
                except CorpusError as exc:
                    ok = False
                    log.warning("feed %s: %s; trying again at the next tick", url, exc)
            for watch in watches:
                try:
                    report = watch.poll(db)
                except CorpusError as exc:  # the files not ingested stay unseen (corpus.feeds.FolderWatch)
                    ok = False
                    log.warning("folder %s: %s; trying again at the next tick", watch.path, exc)
                    continue
                if report.files or report.skipped:
                    log.info("folder %s: %s", watch.path, report.as_dict())
        finally:
            db.close()
        return ok

    async def job() -> None:
        if time.monotonic() - state["last"] < config.every_minutes * 60:
            return
        state["last"] = time.monotonic()
        if not await asyncio.to_thread(run):  # SQLite and network off the event loop
            state["last"] = float("-inf")  # a failed poll is tried again at the scheduler's next tick

    return [job]
