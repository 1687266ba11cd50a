"""Digest delivery part by part: the real Telegram sender (PTB's Bot over HTTP) against the stand-in,
driven by the scheduler with a clock the tests control, on real SQLite files."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from adapters.telegram import TelegramSender
from bot.scheduling.schedule import BACKOFF_SECONDS, MAX_ATTEMPTS, Scheduler
from bot.scheduling.schedule_store import get_channel

from .corpus_builder import Q, build
from .telegram_standin import TelegramStandIn
from .test_schedule import FakeClock, configure
from .test_telegram import check_html

SPEAKERS = ["Sergey Lavrov", "Vladimir Putin", "Maria Zakharova", "Dmitry Peskov", "Anna Popova", "Ivan Petrov"]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Six speakers, two long quotes each: the digest is a chart and more than one message."""
    # Published the day before the 2026-11-22 slot: the digest covers articles published then.
    quotes = [Q(name, f"Statement {i} by {name.split()[1]}: " + "we will keep talking about security. " * 14,
                "2026-11-21") for name in SPEAKERS for i in range(2)]
    return build(tmp_path / "d.db", quotes)


@pytest.fixture
async def standin() -> AsyncIterator[TelegramStandIn]:
    server = await TelegramStandIn().start()
    yield server
    await server.stop()


@pytest.fixture
async def sender(standin: TelegramStandIn) -> AsyncIterator[TelegramSender]:
    # Short timeouts so a slow reply is a timeout without the test waiting PTB's 5 s.
    request = HTTPXRequest(read_timeout=0.5, write_timeout=0.5, connect_timeout=0.5)
    bot = Bot(standin.token, base_url=f"{standin.base_url}/bot", request=request)
    async with bot:
        yield TelegramSender(bot)


def texts(standin: TelegramStandIn) -> list[str]:
    return [check_html(m["text"]) for m in standin.sent()]


def delivery_parts_of(db_path: Path, channel: str) -> list[str]:
    db = sqlite3.connect(db_path)
    try:
        rows = db.execute("SELECT p.state FROM delivery_parts p JOIN deliveries d ON d.key = p.key "
                          "WHERE d.channel = ?", [channel]).fetchall()
    except sqlite3.OperationalError:  # no parts table: nothing recorded per part
        rows = []
    db.close()
    return [str(r[0]) for r in rows]


def delivery_parts(db_path: Path) -> list[tuple[int, str, str, int]]:
    db = sqlite3.connect(db_path)
    rows = db.execute("SELECT idx, kind, state, attempts FROM delivery_parts ORDER BY key, idx").fetchall()
    db.close()
    return [(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]


async def test_a_failure_part_way_resumes_after_the_last_accepted_part(db_path: Path, standin: TelegramStandIn,
                                                                        sender: TelegramSender) -> None:
    configure(db_path, "telegram:111", "08:00", "UTC")
    clock = FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    scheduler = Scheduler(str(db_path), {"telegram": sender}, clock)
    standin.fail_next("sendMessage", 500, description="Internal Server Error", after=1)
    await scheduler.tick()
    assert len(standin.sent("sendPhoto")) == 1 and len(standin.sent()) == 2  # photo, part 1, part 2 refused
    parts = delivery_parts(db_path)
    assert [p[2] for p in parts][:3] == ["sent", "sent", "queued"] and parts[2][3] == 1
    await scheduler.tick()  # still backing off: nothing is sent
    assert len(standin.sent()) == 2
    clock.current += timedelta(seconds=BACKOFF_SECONDS[0])
    await scheduler.tick()
    await scheduler.tick()
    sent = texts(standin)
    assert len(standin.sent("sendPhoto")) == 1 and sent[0] != sent[1] and sent[1] == sent[2]
    assert len(set(sent)) == len(parts) - 1  # every text part, once accepted, and none again
    assert {p[2] for p in delivery_parts(db_path)} == {"sent"}
    assert get_channel(scheduler.db(), "telegram:111").last_period == "2026-11-22"  # type: ignore[union-attr]
    scheduler.close()


async def test_a_429_part_way_is_waited_out_without_blocking_the_tick(db_path: Path, standin: TelegramStandIn,
                                                                      sender: TelegramSender) -> None:
    configure(db_path, "telegram:111", "08:00", "UTC")
    clock = FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    scheduler = Scheduler(str(db_path), {"telegram": sender}, clock)
    standin.fail_next("sendMessage", 429, retry_after=7, after=1)
    await scheduler.tick()
    assert clock.slept == [] and len(standin.sent()) == 2
    clock.current += timedelta(seconds=7)
    await scheduler.tick()
    assert len(standin.sent("sendPhoto")) == 1
    sent = texts(standin)
    assert sent[1] == sent[2] and len(set(sent)) == len(delivery_parts(db_path)) - 1
    scheduler.close()


async def test_a_timeout_is_unknown_and_never_resent(db_path: Path, standin: TelegramStandIn,
                                                     sender: TelegramSender) -> None:
    configure(db_path, "telegram:111", "08:00", "UTC")
    clock = FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    scheduler = Scheduler(str(db_path), {"telegram": sender}, clock)
    standin.delay_next("sendMessage", 1.5)  # accepted by Telegram, answered after the sender gave up
    await scheduler.tick()
    for _ in range(3):
        clock.current += timedelta(minutes=30)
        await scheduler.tick()
    sent = texts(standin)
    assert len(sent) == len(set(sent)) == len(delivery_parts(db_path)) - 1  # each part posted exactly once
    assert [p[2] for p in delivery_parts(db_path)] == ["sent", "unknown"] + ["sent"] * (len(sent) - 1)
    scheduler.close()


async def test_failures_back_off_and_give_up_after_the_bound(db_path: Path, standin: TelegramStandIn,
                                                             sender: TelegramSender) -> None:
    configure(db_path, "telegram:111", "08:00", "UTC")
    clock = FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    scheduler = Scheduler(str(db_path), {"telegram": sender}, clock)
    for _ in range(MAX_ATTEMPTS + 5):
        standin.fail_next("sendMessage", 500, description="Internal Server Error")
    await scheduler.tick()
    clock.current += timedelta(seconds=30)
    await scheduler.tick()
    assert len(standin.sent()) == 1  # the next tick is too soon: backing off
    for _ in range(6 * 120):  # six hours of 30-second ticks
        await scheduler.tick()
        clock.current += timedelta(seconds=30)
    assert len(standin.sent("sendPhoto")) == 1  # the chart went out once, never again
    assert len(standin.sent()) == MAX_ATTEMPTS
    assert [p[2] for p in delivery_parts(db_path)][:2] == ["sent", "failed"]
    channel = get_channel(scheduler.db(), "telegram:111")
    assert channel is not None and channel.enabled and channel.last_period == "2026-11-22"
    standin.failures.clear()
    clock.set("2026-11-23T08:00:00+00:00")  # the next day's digest still comes
    await scheduler.tick()
    assert len(standin.sent()) > MAX_ATTEMPTS
    scheduler.close()


async def test_a_refused_part_is_retried_after_one_two_four_and_eight_minutes(db_path: Path,
                                                                             standin: TelegramStandIn,
                                                                             sender: TelegramSender) -> None:
    configure(db_path, "telegram:111", "08:00", "UTC")
    start = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    clock = FakeClock(start)
    scheduler = Scheduler(str(db_path), {"telegram": sender}, clock)
    for _ in range(MAX_ATTEMPTS):
        standin.fail_next("sendMessage", 500, description="Internal Server Error")
    attempts: list[float] = []  # seconds after the first attempt at which each attempt reached the API
    for _ in range(60 * 6):  # three hours of 30-second ticks
        before = len(standin.sent())
        await scheduler.tick()
        if len(standin.sent()) > before:
            attempts.append((clock.current - start).total_seconds())
        clock.current += timedelta(seconds=30)
    assert len(attempts) == MAX_ATTEMPTS == len(BACKOFF_SECONDS) + 1
    gaps = [b - a for a, b in zip(attempts, attempts[1:], strict=False)]
    # Each retry comes on the first 30-second tick at or after its backoff: 1, 2, 4, 8 minutes.
    assert all(wait <= gap < wait + 30 for gap, wait in zip(gaps, BACKOFF_SECONDS, strict=True)), gaps
    assert BACKOFF_SECONDS == (60, 120, 240, 480)
    scheduler.close()


async def test_one_slow_channel_does_not_delay_the_others(db_path: Path, standin: TelegramStandIn) -> None:
    configure(db_path, "telegram:111", "08:00", "UTC")
    configure(db_path, "telegram:222", "08:00", "UTC")
    request = HTTPXRequest(read_timeout=60, write_timeout=60)  # slow, not timed out
    async with Bot(standin.token, base_url=f"{standin.base_url}/bot", request=request) as bot:
        clock = FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
        scheduler = Scheduler(str(db_path), {"telegram": TelegramSender(bot)}, clock)
        release = standin.hold(111)  # telegram:111 sorts first; its sends hang until released
        tick = asyncio.create_task(scheduler.tick())
        try:
            await poll(lambda: set(delivery_parts_of(db_path, "telegram:222")) == {"sent"})
            assert not tick.done()  # telegram:111 is still waiting for its first answer
            assert [c.method for c in standin.calls if str(c.params.get("chat_id")) == "111"] == ["sendPhoto"]
        finally:
            release.set()
            await asyncio.wait_for(tick, 30)
        scheduler.close()
    assert set(delivery_parts_of(db_path, "telegram:111")) == {"sent"}


async def poll(ok: object, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not ok():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_a_crash_after_the_claim_and_before_any_send_still_delivers(db_path: Path, standin: TelegramStandIn,
                                                                          sender: TelegramSender) -> None:
    configure(db_path, "telegram:111", "08:00", "UTC")
    clock = FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    first = Scheduler(str(db_path), {"telegram": sender}, clock)
    channel = get_channel(first.db(), "telegram:111")
    assert channel is not None
    await asyncio.to_thread(first._claim, channel, "2026-11-22")  # committed; then the process dies
    first.close()
    assert standin.sent() == [] and {p[2] for p in delivery_parts(db_path)} == {"queued"}
    restarted = Scheduler(str(db_path), {"telegram": sender}, clock)
    await restarted.tick()
    await restarted.tick()
    assert len(standin.sent("sendPhoto")) == 1 and len(standin.sent()) == len(delivery_parts(db_path)) - 1
    restarted.close()
