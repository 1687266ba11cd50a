"""The one scheduler of ``quotebot serve``: digests at each channel's local time, follow alerts,
and scheduled ingestion — restart-safe, driven by a clock that tests control.

Digest delivery rule (never post twice, never lose one silently): the digest is rendered into
its parts (chart, messages) and every part is committed as ``queued`` before the first is sent
(bot/scheduling/outbox.py). Each part is marked ``sending`` before its call and ``sent`` once the
platform accepted it, so delivery resumes after the last accepted part. A timeout means the part
may have gone out: it is ``unknown`` and never resent. A refusal means it did not: the part is
retried after a backoff (:data:`BACKOFF_SECONDS`, or the platform's Retry-After) at most
:data:`MAX_ATTEMPTS` times, then the day's digest is given up and logged. After a crash, a part
left ``sending`` is ``unknown``; ``queued`` parts are sent. Channels are served concurrently, so
one slow or backing-off channel does not hold up the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Protocol, TypeVar

from sqlite_utils import Database

from corpus.store import open_db

from ..errors import Blocked, DeliveryError, OutcomeUnknown, RateLimited
from ..reply import Reply
from . import follows, outbox
from .delivery import Sender
from .digest import build_digest, is_due
from .schedule_store import DigestChannel, all_channels, ensure

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_RETRIES = 3  # follow alerts: rate limits waited out in place
MAX_ATTEMPTS = 5  # refused attempts of one digest part before the day's digest is given up
BACKOFF_SECONDS = (60, 120, 240, 480)  # between a digest part's attempts: 15 minutes in all
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
        self._lock = threading.RLock()

    def db(self) -> Database:
        if self._db is None:
            self._db = open_db(self.db_path)
            ensure(self._db)
        return self._db

    async def _sql(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        """``fn(*args)`` on a worker thread; one at a time: channels are served concurrently on one connection."""
        def locked() -> T:
            with self._lock:
                return fn(*args, **kwargs)
        return await asyncio.to_thread(locked)

    # -- delivery primitives --------------------------------------------------------------------
    async def _send(self, platform: str, chat_id: str, reply: Reply) -> list[str]:
        """A whole reply (follow alerts), part by part; a rate limit is waited out in place, a few times.

        A refusal after some part was accepted is :class:`OutcomeUnknown`: sending the reply again
        would post those parts twice."""
        sender = self.senders.get(platform)
        if sender is None:
            raise DeliveryError(f"no {platform} adapter is running")
        parts, ids = sender.parts(reply), []
        try:
            for part in parts:
                for attempt in range(MAX_RETRIES + 1):
                    try:
                        ids.append(await sender.send_part(chat_id, part))
                        break
                    except RateLimited as exc:
                        if attempt == MAX_RETRIES:
                            raise
                        log.warning("%s:%s rate limited; retrying in %.0fs", platform, chat_id, exc.retry_after)
                        await self.clock.sleep(exc.retry_after)
        except DeliveryError as exc:
            if ids and not isinstance(exc, OutcomeUnknown | Blocked):
                raise OutcomeUnknown(f"{len(ids)} of {len(parts)} parts accepted, then: {exc}") from exc
            raise
        return ids

    # -- digests -------------------------------------------------------------------------------
    def _claim(self, channel: DigestChannel, period: str,
               sender: Sender | None = None) -> tuple[list[outbox.StoredPart], int | None] | None:
        """The parts still to send for (channel, period), creating them on first call; None if finished."""
        db = self.db()
        key = outbox.digest_key(channel.channel, period)
        found = outbox.delivery(db, key)
        if found is None:
            sender = sender or self.senders[channel.platform]
            reply, new_high = build_digest(db, channel, period)
            parts = sender.parts(reply)
            with db.atomic():
                if outbox.delivery(db, key) is None:
                    outbox.create(db, key, channel.channel, new_high, parts)
            found = outbox.delivery(db, key)
            assert found is not None
        state, high = found
        if state != "pending":
            return None
        stored = outbox.parts(db, key)
        if not stored:  # recorded before per-part records existed: it may have gone out
            log.warning("%s: a digest for %s may have been sent before a crash; not sending it again",
                        channel.channel, period)
            outbox.finish(db, key, channel.channel, period, "unknown", None)
            return None
        if outbox.recover(db, key):
            log.warning("%s: part of the %s digest was in flight at a crash; it is not sent again",
                        channel.channel, period)
            stored = outbox.parts(db, key)
        return stored, high

    async def deliver_digest(self, channel: DigestChannel, period: str, *, force: bool = False,
                             retry_now: bool = False) -> str:
        """Post what is left of one channel's digest for ``period``; what happened, for logs and the CLI.

        ``retry_now`` ignores a pending backoff (a person running ``quotebot digest``)."""
        sender = self.senders.get(channel.platform)
        if sender is None:
            return f"not delivered: no {channel.platform} adapter is running"
        key = outbox.digest_key(channel.channel, period)
        if force:
            await self._sql(outbox.forget, self.db(), key)
        claimed = await self._sql(self._claim, channel, period, sender)
        if claimed is None:
            return "already delivered for this period"
        parts, high = claimed
        now = self.clock.now()
        for part in parts:
            if part.state == "failed":  # given up, but a crash came before the delivery was closed
                await self._sql(outbox.finish, self.db(), key, channel.channel, period, "failed", None)
                return "not delivered: given up earlier"
            if part.state != "queued":
                continue
            where = f"part {part.idx + 1} of {len(parts)}"
            if part.next_at and part.next_at > now and not retry_now:
                return f"waiting: {where} is retried at {part.next_at:%H:%M:%S} UTC"
            await self._sql(outbox.mark, self.db(), key, part.idx, "sending")
            try:
                message_id = await sender.send_part(channel.chat_id, part.part())
            except OutcomeUnknown as exc:
                log.warning("%s: %s of the %s digest timed out; it may have been posted, so it is not resent",
                            channel.channel, where, period)
                await self._sql(outbox.mark, self.db(), key, part.idx, "unknown", None, str(exc)[:500])
                continue
            except Blocked as exc:
                log.warning("%s: the platform refused for good (%s); digest turned off", channel.channel, exc)
                await self._sql(outbox.refused, self.db(), key, part.idx, str(exc), part.attempts + 1, None)
                await self._sql(outbox.finish, self.db(), key, channel.channel, period, "blocked", None,
                                disable=True)
                return f"blocked: {exc}; digest turned off"
            except DeliveryError as exc:
                return await self._refused(channel, period, part, where, exc, now)
            await self._sql(outbox.mark, self.db(), key, part.idx, "sent", message_id)
        final = await self._sql(outbox.parts, self.db(), key)
        await self._sql(outbox.finish, self.db(), key, channel.channel, period, "sent", high)
        sent = sum(1 for p in final if p.state == "sent")
        unknown = sum(1 for p in final if p.state == "unknown")
        maybe = f", {unknown} unknown" if unknown else ""
        return f"delivered ({sent} message{'s' if sent != 1 else ''}{maybe})"

    async def _refused(self, channel: DigestChannel, period: str, part: outbox.StoredPart, where: str,
                       exc: DeliveryError, now: datetime) -> str:
        key = outbox.digest_key(channel.channel, period)
        attempts = part.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            log.error("%s: %s of the %s digest refused %d times (%s); this digest is given up",
                      channel.channel, where, period, attempts, exc)
            await self._sql(outbox.refused, self.db(), key, part.idx, str(exc), attempts, None)
            await self._sql(outbox.finish, self.db(), key, channel.channel, period, "failed", None)
            return f"not delivered: {exc}; given up after {attempts} attempts"
        wait = exc.retry_after if isinstance(exc, RateLimited) else BACKOFF_SECONDS[attempts - 1]
        retry_at = now + timedelta(seconds=wait)
        log.warning("%s: %s of the %s digest not delivered (%s); retry %d of %d at %s", channel.channel, where,
                    period, exc, attempts, MAX_ATTEMPTS - 1, retry_at.isoformat(timespec="seconds"))
        await self._sql(outbox.refused, self.db(), key, part.idx, str(exc), attempts, retry_at)
        return f"not delivered: {exc}; {where} retried at {retry_at:%H:%M:%S} UTC"

    async def _deliver_logged(self, channel: DigestChannel, period: str) -> str:
        try:
            return f"{channel.channel} {period}: {await self.deliver_digest(channel, period)}"
        except Exception:  # noqa: BLE001 - one channel's bug must not stop the others
            log.exception("%s: digest delivery failed", channel.channel)
            return f"{channel.channel} {period}: error"

    async def run_digests(self) -> list[str]:
        """Every due channel at once: a slow or backing-off channel holds up no other."""
        now = self.clock.now()
        due = [(c, p) for c in await self._sql(all_channels, self.db())
               if c.platform in self.senders and (p := is_due(c, now))]
        return list(await asyncio.gather(*(self._deliver_logged(c, p) for c, p in due)))

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
            except OutcomeUnknown:
                log.warning("alert to %s:%s timed out; it may have been posted, so it is not resent",
                            batch.platform, batch.chat_id)
                await self._sql(follows.mark, self.db(), batch, "sent")
                continue
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
        await asyncio.gather(self.run_digests(), self.run_alerts())

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
