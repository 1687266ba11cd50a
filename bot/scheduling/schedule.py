"""The one scheduler of ``quotebot serve``: digests at each channel's local time, follow alerts,
and scheduled ingestion — restart-safe, driven by a clock that tests control.

Delivery rule (never post twice): before a digest or an alert batch is sent, a ``pending``
record is committed; once the platform has accepted the message the record becomes ``sent``.
A platform refusal (blocked, rate-limited, error) means nothing was posted, so the pending
record is removed and the message is tried again later. A ``pending`` record found at start-up
means the process died between sending and recording: the outcome is unknown, and because
neither Telegram nor Slack can tell us whether a message went out, it is *not* sent again
(logged as such). Missing one digest after a crash is the lesser harm than a double post.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Protocol, TypeVar

from sqlite_utils import Database

from corpus.store import open_db

from ..errors import Blocked, DeliveryError, RateLimited
from ..reply import Reply
from . import follows
from .delivery import Sender
from .digest import build_digest, is_due
from .schedule_store import DigestChannel, all_channels, ensure, now_iso, upsert_channel

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_RETRIES = 3
MAX_ALERTS_PER_TICK = 30  # alert messages per tick across chats; the rest wait for the next tick
TICK_SECONDS = 30.0


class Clock(Protocol):
    def now(self) -> datetime: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


Job = Callable[[], Awaitable[None]]


class Scheduler:
    """Runs due work every tick. All SQLite work happens on a worker thread."""

    def __init__(self, db_path: str, senders: Mapping[str, Sender], clock: Clock | None = None,
                 *, jobs: list[Job] | None = None) -> None:
        self.db_path = db_path
        self.senders = dict(senders)
        self.clock = clock or SystemClock()
        self.jobs = jobs or []  # extra periodic work: feed polling, folder watching
        self._db: Database | None = None

    def db(self) -> Database:
        if self._db is None:
            self._db = open_db(self.db_path)
            ensure(self._db)
        return self._db

    async def _sql(self, fn: Callable[..., T], *args: object) -> T:
        return await asyncio.to_thread(fn, *args)

    # -- delivery primitives --------------------------------------------------------------------
    async def _send(self, platform: str, chat_id: str, reply: Reply) -> list[str]:
        sender = self.senders.get(platform)
        if sender is None:
            raise DeliveryError(f"no {platform} adapter is running")
        for attempt in range(MAX_RETRIES + 1):
            try:
                return await sender.send(chat_id, reply)
            except RateLimited as exc:
                if attempt == MAX_RETRIES:
                    raise
                log.warning("%s:%s rate limited; retrying in %.0fs", platform, chat_id, exc.retry_after)
                await self.clock.sleep(exc.retry_after)
        raise AssertionError("unreachable")

    # -- digests -------------------------------------------------------------------------------
    def _claim(self, channel: DigestChannel, period: str) -> tuple[Reply, int] | None:
        """Commit a pending record for (channel, period) and build the digest; None if already claimed."""
        db = self.db()
        key = f"digest:{channel.channel}:{period}"
        with db.atomic():
            row = db.execute("SELECT state FROM deliveries WHERE key = ?", [key]).fetchone()
            if row:
                if row[0] == "pending":
                    log.warning("%s: a digest for %s may have been sent before a crash; not sending it again",
                                channel.channel, period)
                    upsert_channel(db, channel.channel, last_period=period)
                return None
            db.execute("INSERT INTO deliveries (key, channel, state, attempted_at) VALUES (?, ?, 'pending', ?)",
                       [key, channel.channel, now_iso()])
        return build_digest(db, channel, period)

    def _record(self, channel: DigestChannel, period: str, high: int, ids: list[str]) -> None:
        db = self.db()
        with db.atomic():
            db.execute("UPDATE deliveries SET state = 'sent', message_ids = ?, finished_at = ? WHERE key = ?",
                       [",".join(ids), now_iso(), f"digest:{channel.channel}:{period}"])
            db.execute("UPDATE digest_channels SET last_period = ?, last_quote_id = ? WHERE channel = ?",
                       [period, high, channel.channel])

    def _release(self, channel: DigestChannel, period: str, error: str, disable: bool) -> None:
        db = self.db()
        with db.atomic():
            db.execute("DELETE FROM deliveries WHERE key = ?", [f"digest:{channel.channel}:{period}"])
            if disable:
                db.execute("UPDATE digest_channels SET enabled = 0 WHERE channel = ?", [channel.channel])

    async def deliver_digest(self, channel: DigestChannel, period: str, *, force: bool = False) -> str:
        """Post one channel's digest for ``period``. Returns what happened, for logs and the CLI."""
        if force:
            await self._sql(self.db().execute, "DELETE FROM deliveries WHERE key = ?",
                            [f"digest:{channel.channel}:{period}"])
        claimed = await self._sql(self._claim, channel, period)
        if claimed is None:
            return "already delivered for this period"
        reply, high = claimed
        try:
            ids = await self._send(channel.platform, channel.chat_id, reply)
        except Blocked as exc:
            log.warning("%s: the platform refused for good (%s); digest turned off", channel.channel, exc)
            await self._sql(self._release, channel, period, str(exc), True)
            return f"blocked: {exc}; digest turned off"
        except DeliveryError as exc:
            log.warning("%s: digest not delivered (%s); will retry", channel.channel, exc)
            await self._sql(self._release, channel, period, str(exc), False)
            return f"not delivered: {exc}"
        await self._sql(self._record, channel, period, high, ids)
        return f"delivered ({len(ids)} message{'s' if len(ids) != 1 else ''})"

    async def run_digests(self) -> list[str]:
        now = self.clock.now()
        done = []
        for channel in await self._sql(all_channels, self.db()):
            period = is_due(channel, now)
            if period and channel.platform in self.senders:
                done.append(f"{channel.channel} {period}: {await self.deliver_digest(channel, period)}")
        return done

    # -- follow alerts -------------------------------------------------------------------------
    async def run_alerts(self) -> int:
        batches = await self._sql(follows.pending_batches, self.db())
        sent = 0
        for batch in batches:
            if batch.platform not in self.senders:
                continue
            if sent >= MAX_ALERTS_PER_TICK:
                break
            await self._sql(follows.mark, self.db(), batch, "pending")
            try:
                await self._send(batch.platform, batch.chat_id, batch.reply())
            except Blocked:
                log.warning("%s:%s blocked the bot; its follows are removed", batch.platform, batch.chat_id)
                await self._sql(self.db().execute, "DELETE FROM follows WHERE platform = ? AND chat_id = ?",
                                [batch.platform, batch.chat_id])
                continue
            except DeliveryError as exc:
                log.warning("alert to %s:%s not delivered (%s); will retry", batch.platform, batch.chat_id, exc)
                await self._sql(follows.unmark, self.db(), batch)
                continue
            await self._sql(follows.mark, self.db(), batch, "sent")
            sent += 1
        return sent

    # -- the loop ------------------------------------------------------------------------------
    async def tick(self) -> None:
        for job in self.jobs:
            try:
                await job()
            except Exception:  # noqa: BLE001 - one failing job must not stop digests
                log.exception("scheduled job failed")
        await self.run_digests()
        await self.run_alerts()

    async def run(self, stop: asyncio.Event, every: float = TICK_SECONDS) -> None:
        """Tick until ``stop`` is set; the first tick at start gives the catch-up digests."""
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:  # noqa: BLE001 - the scheduler keeps running
                log.exception("scheduler tick failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
