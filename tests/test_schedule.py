"""Digests and follow alerts with a clock the tests control (no sleeping), on real SQLite files."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.core import Core
from bot.errors import Blocked, DeliveryError, RateLimited
from bot.reply import Platform, Reply, Request
from bot.scheduling.delivery import Part
from bot.scheduling.schedule import Scheduler
from bot.scheduling.schedule_store import get_channel, upsert_channel
from corpus.store import open_db

from .corpus_builder import Q, build


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.current = now
        self.slept: list[float] = []

    def now(self) -> datetime:
        return self.current

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.current += timedelta(seconds=seconds)

    def set(self, iso: str) -> None:
        self.current = datetime.fromisoformat(iso).astimezone(UTC)


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing on the way catches it."""


@dataclass
class RecordingSender:
    """A platform edge that records what it accepted; it can refuse (in one chat only, if
    ``refuse_chat``) or 'crash' after accepting. A reply is one part, named by a key into
    ``replies`` (the sender object outlives a simulated restart)."""

    platform: Platform
    accepted: list[tuple[str, Reply]] = field(default_factory=list)
    refuse: list[BaseException] = field(default_factory=list)
    refuse_chat: str | None = None
    refuse_after: int = 0  # parts accepted before refusals begin
    crash_after_accept: bool = False
    replies: dict[str, Reply] = field(default_factory=dict)
    parts_per_reply: int = 1

    def parts(self, reply: Reply) -> list[Part]:
        key = str(len(self.replies))
        self.replies[key] = reply
        return [Part("reply", key)] * self.parts_per_reply

    async def send_part(self, chat_id: str, part: Part) -> str:
        if self.refuse and self.refuse_chat in (None, chat_id) and len(self.accepted) >= self.refuse_after:
            raise self.refuse.pop(0)
        self.accepted.append((chat_id, self.replies[part.body]))
        if self.crash_after_accept:
            self.crash_after_accept = False
            raise Crash()
        return str(len(self.accepted))

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        return [await self.send_part(chat_id, p) for p in self.parts(reply)]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return build(tmp_path / "s.db", [
        Q("Sergey Lavrov", "NATO expansion is a threat to European security.", "2026-11-21"),
        Q("Vladimir Putin", "Sanctions against Russia have failed, our economy adapted.", "2026-11-21"),
    ])


def add_quote(path: Path, speaker: str, text: str, published: str = "2026-11-22") -> None:
    db = open_db(path)
    n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.close()
    from corpus.models import Document, ExtractedQuote
    from corpus.speakers import resolve_speaker
    from corpus.store import save_document

    db = open_db(path)
    with db.atomic():
        body = f"New article {n}\n\n{text}\n"
        start = body.index(text)
        doc = Document(text=body, title=f"New article {n}", doc_id=f"new-{n}", published=published, source="TASS")
        q = ExtractedQuote(start, start + len(text), text, speaker, "direct", "said", 0.9)
        save_document(db, doc, [q], {speaker: resolve_speaker(db, speaker)})
    db.close()


def configure(path: Path, channel: str, slot: str, tz: str, **fields: object) -> None:
    Core(path).close()  # applies the bot's migrations
    db = open_db(path)
    upsert_channel(db, channel, slot=slot, tz=tz, last_quote_id=0, **fields)
    db.close()


async def test_the_slot_fires_at_each_channels_local_time(db_path: Path) -> None:
    configure(db_path, "telegram:1", "08:00", "Europe/Moscow")  # 05:00 UTC
    configure(db_path, "slack:C1", "08:00", "America/New_York")  # 13:00 UTC in winter
    tg, sl = RecordingSender("telegram"), RecordingSender("slack")
    clock = FakeClock(datetime(2026, 11, 22, 4, 59, tzinfo=UTC))
    scheduler = Scheduler(str(db_path), {"telegram": tg, "slack": sl}, clock)
    # The first run after configuring catches up the previous day's slot once per channel.
    await scheduler.tick()
    assert (len(tg.accepted), len(sl.accepted)) == (1, 1)
    clock.set("2026-11-22T04:59:59+00:00")
    await scheduler.tick()
    assert (len(tg.accepted), len(sl.accepted)) == (1, 1)
    clock.set("2026-11-22T05:00:00+00:00")
    await scheduler.tick()
    assert (len(tg.accepted), len(sl.accepted)) == (2, 1)
    clock.set("2026-11-22T12:59:00+00:00")
    await scheduler.tick()
    assert len(sl.accepted) == 1
    clock.set("2026-11-22T13:00:00+00:00")
    await scheduler.tick()
    await scheduler.tick()
    assert (len(tg.accepted), len(sl.accepted)) == (2, 2)
    assert get_channel(open_db(db_path), "slack:C1").last_period == "2026-11-22"  # type: ignore[union-attr]
    scheduler.close()


async def test_daylight_saving_changes_move_the_utc_instant_not_the_local_time(db_path: Path) -> None:
    configure(db_path, "telegram:1", "08:00", "Europe/Berlin", last_period="2026-03-27")
    tg = RecordingSender("telegram")
    clock = FakeClock(datetime(2026, 3, 28, 6, 59, tzinfo=UTC))  # CET: 08:00 local is 07:00 UTC
    scheduler = Scheduler(str(db_path), {"telegram": tg}, clock)
    await scheduler.tick()
    assert tg.accepted == []
    clock.set("2026-03-28T07:00:00+00:00")
    await scheduler.tick()
    assert len(tg.accepted) == 1
    clock.set("2026-03-29T05:59:00+00:00")  # CEST from 29 March: 08:00 local is 06:00 UTC
    await scheduler.tick()
    assert len(tg.accepted) == 1
    clock.set("2026-03-29T06:00:00+00:00")
    await scheduler.tick()
    assert len(tg.accepted) == 2
    scheduler.close()


async def test_a_slot_inside_the_spring_forward_gap_fires_once(db_path: Path) -> None:
    configure(db_path, "telegram:1", "02:30", "Europe/Berlin", last_period="2026-03-28")
    tg = RecordingSender("telegram")
    clock = FakeClock(datetime(2026, 3, 29, 0, 0, tzinfo=UTC))  # 01:00 CET; 02:30 never happens that day
    scheduler = Scheduler(str(db_path), {"telegram": tg}, clock)
    for minute in range(0, 240, 15):
        clock.current = datetime(2026, 3, 29, 0, 0, tzinfo=UTC) + timedelta(minutes=minute)
        await scheduler.tick()
    assert len(tg.accepted) == 1
    scheduler.close()


async def test_downtime_across_several_slots_gives_one_catch_up_digest(db_path: Path) -> None:
    configure(db_path, "telegram:1", "08:00", "UTC", last_period="2026-11-18")
    tg = RecordingSender("telegram")
    scheduler = Scheduler(str(db_path), {"telegram": tg}, FakeClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC)))
    await scheduler.tick()
    await scheduler.tick()
    assert len(tg.accepted) == 1
    assert "2026-11-22" in (tg.accepted[0][1].title or "")
    scheduler.close()


async def test_a_catch_up_digest_covers_every_missed_day_but_at_most_a_week(tmp_path: Path) -> None:
    path = build(tmp_path / "w.db", [
        Q("Anna Popova", "The clinics in the north reopened after the floods.", "2026-11-05"),  # 17 days back
        Q("Ivan Petrov", "The bridge will be rebuilt before the winter comes.", "2026-11-15"),  # a week back
        Q("Sergey Lavrov", "NATO expansion is a threat to European security.", "2026-11-19"),
        Q("Vladimir Putin", "Sanctions against Russia have failed, our economy adapted.", "2026-11-21"),
        Q("Maria Zakharova", "The statement is another provocation.", "2026-11-22"),  # today: tomorrow's digest
    ])
    configure(path, "telegram:1", "08:00", "UTC", last_period="2026-11-01")  # three weeks down
    tg = RecordingSender("telegram")
    scheduler = Scheduler(str(path), {"telegram": tg}, FakeClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC)))
    await scheduler.tick()
    await scheduler.tick()
    assert len(tg.accepted) == 1
    speakers = {c.speaker for c in tg.accepted[0][1].cards}
    assert speakers == {"Ivan Petrov", "Sergey Lavrov", "Vladimir Putin"}  # 2026-11-15 … 2026-11-21
    scheduler.close()


async def test_a_crash_between_send_and_record_never_posts_twice(db_path: Path) -> None:
    configure(db_path, "telegram:1", "08:00", "UTC")
    clock = FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    tg = RecordingSender("telegram", crash_after_accept=True)
    first = Scheduler(str(db_path), {"telegram": tg}, clock)
    with pytest.raises(Crash):
        await first.tick()
    first.close()
    assert len(tg.accepted) == 1
    restarted = Scheduler(str(db_path), {"telegram": tg}, clock)  # a new process, same database
    await restarted.tick()
    await restarted.tick()
    assert len(tg.accepted) == 1
    clock.set("2026-11-23T08:00:00+00:00")  # and the next day's digest still comes
    await restarted.tick()
    assert len(tg.accepted) == 2
    restarted.close()


async def test_a_blocked_chat_turns_its_digest_off_and_others_still_get_theirs(db_path: Path) -> None:
    configure(db_path, "telegram:1", "08:00", "UTC")
    configure(db_path, "telegram:2", "08:00", "UTC")
    tg = RecordingSender("telegram", refuse=[Blocked("Forbidden: bot was blocked by the user")], refuse_chat="1")
    scheduler = Scheduler(str(db_path), {"telegram": tg}, FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC)))
    await scheduler.tick()
    await scheduler.tick()
    assert [chat for chat, _ in tg.accepted] == ["2"]
    assert get_channel(open_db(db_path), "telegram:1").enabled is False  # type: ignore[union-attr]
    scheduler.close()


async def test_a_429_is_waited_out_on_a_later_tick_and_retried(db_path: Path) -> None:
    configure(db_path, "slack:C1", "08:00", "UTC")
    sl = RecordingSender("slack", refuse=[RateLimited("ratelimited", 7.0)])
    clock = FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    scheduler = Scheduler(str(db_path), {"slack": sl}, clock)
    await scheduler.tick()
    assert clock.slept == [] and sl.accepted == []  # the tick does not sleep: other channels go on
    clock.current += timedelta(seconds=6)
    await scheduler.tick()
    assert sl.accepted == []
    clock.current += timedelta(seconds=1)
    await scheduler.tick()
    assert len(sl.accepted) == 1
    scheduler.close()


async def test_a_digest_lists_the_previous_days_articles_and_says_when_there_are_none(db_path: Path) -> None:
    configure(db_path, "telegram:1", "08:00", "UTC")
    tg = RecordingSender("telegram")
    clock = FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    scheduler = Scheduler(str(db_path), {"telegram": tg}, clock)
    await scheduler.tick()
    first = tg.accepted[0][1]
    assert {c.speaker for c in first.cards} == {"Sergey Lavrov", "Vladimir Putin"}
    clock.set("2026-11-23T08:00:00+00:00")
    await scheduler.tick()
    assert "No quotes in articles published 2026-11-22" in tg.accepted[1][1].text
    add_quote(db_path, "Maria Zakharova", "The statement is another provocation.", "2026-11-23")
    clock.set("2026-11-24T08:00:00+00:00")
    await scheduler.tick()
    assert [c.speaker for c in tg.accepted[2][1].cards] == ["Maria Zakharova"]
    scheduler.close()


async def test_follow_alerts_reach_each_follower_once(db_path: Path) -> None:
    core = Core(db_path)
    for chat in ("1", "2"):
        reply = core.handle(Request(text="/follow NATO", platform="telegram", chat_id=chat, user_id=chat))
        assert "Following" in reply.text
    assert "speaker" not in core.handle(Request(text="/following", platform="telegram", chat_id="1")).text
    core.handle(Request(text="/follow speaker:lavrov", platform="slack", chat_id="C9"))
    core.close()
    add_quote(db_path, "Sergey Lavrov", "NATO keeps moving east, we will respond.")
    tg, sl = RecordingSender("telegram"), RecordingSender("slack")
    scheduler = Scheduler(str(db_path), {"telegram": tg, "slack": sl},
                          FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC)))
    await scheduler.run_alerts()
    await scheduler.run_alerts()
    assert sorted(chat for chat, _ in tg.accepted) == ["1", "2"]
    assert [chat for chat, _ in sl.accepted] == ["C9"]
    assert all("NATO keeps moving east" in r.cards[0].text for _, r in tg.accepted + sl.accepted)
    scheduler.close()


async def test_new_quotes_for_one_chat_come_as_one_alert_per_tick(db_path: Path) -> None:
    core = Core(db_path)
    core.handle(Request(text="/follow NATO", platform="telegram", chat_id="1"))
    assert "Following" in core.handle(Request(text="/follow speaker:Putin", platform="telegram", chat_id="1")).text
    core.close()
    add_quote(db_path, "Sergey Lavrov", "NATO keeps moving east, we will respond.")
    add_quote(db_path, "Dmitry Peskov", "NATO drills near our borders are no help.")
    add_quote(db_path, "Vladimir Putin", "Our economy grew faster than anyone expected.")
    tg = RecordingSender("telegram")
    scheduler = Scheduler(str(db_path), {"telegram": tg}, FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC)))
    await scheduler.run_alerts()
    await scheduler.run_alerts()
    assert [chat for chat, _ in tg.accepted] == ["1"]  # three new quotes, two follows: one message
    assert {c.speaker for c in tg.accepted[0][1].cards} == {"Sergey Lavrov", "Dmitry Peskov", "Vladimir Putin"}
    scheduler.close()


async def test_a_refused_alert_is_tried_again_later(db_path: Path) -> None:
    core = Core(db_path)
    core.handle(Request(text="/follow sanctions", platform="telegram", chat_id="1"))
    core.close()
    add_quote(db_path, "Vladimir Putin", "New sanctions will hurt Europe more.")
    tg = RecordingSender("telegram", refuse=[RateLimited("slow", 1.0)] * 4)
    scheduler = Scheduler(str(db_path), {"telegram": tg}, FakeClock(datetime(2026, 11, 22, tzinfo=UTC)))
    await scheduler.run_alerts()
    assert tg.accepted == []
    await scheduler.run_alerts()
    assert len(tg.accepted) == 1
    scheduler.close()


def test_digest_commands_in_chat(db_path: Path) -> None:
    core = Core(db_path)
    group = {"platform": "telegram", "chat_id": "-100", "private": False}
    assert core.handle(Request(text="/digest on 08:00 Europe/Moscow", admin=False, **group)).error  # type: ignore[arg-type]
    on = core.handle(Request(text="/digest on 08:00 Europe/Moscow", admin=True, **group))  # type: ignore[arg-type]
    assert "08:00 Europe/Moscow" in on.text
    topics = core.handle(Request(text="/digest topics NATO, sanctions", admin=True, **group))  # type: ignore[arg-type]
    assert "NATO, sanctions" in topics.text
    assert "08:00 Europe/Moscow" in core.handle(Request(text="/digest", **group)).text  # type: ignore[arg-type]
    assert core.handle(Request(text="/digest on 25:00", **group)).error  # type: ignore[arg-type]
    assert core.handle(Request(text="/digest on 08:00 Mars/Olympus", **group)).error  # type: ignore[arg-type]
    preview = core.handle(Request(text="/digest now", **group))  # type: ignore[arg-type]
    assert preview.title and "digest" in preview.title.lower()
    assert "off" in core.handle(Request(text="/digest off", **group)).text  # type: ignore[arg-type]
    core.close()


async def test_scheduler_run_stops_when_asked(db_path: Path) -> None:
    scheduler = Scheduler(str(db_path), {}, FakeClock(datetime(2026, 11, 22, tzinfo=UTC)))
    stop = asyncio.Event()
    task = asyncio.create_task(scheduler.run(stop, every=0.01))
    await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, 2)  # raises TimeoutError if run() ignores the stop event
    assert task.done() and task.exception() is None
    scheduler.close()


async def test_an_alert_that_timed_out_is_not_sent_again(db_path: Path) -> None:
    from bot.errors import OutcomeUnknown

    core = Core(db_path)
    core.handle(Request(text="/follow sanctions", platform="telegram", chat_id="1"))
    core.close()
    add_quote(db_path, "Vladimir Putin", "New sanctions will hurt Europe more.")
    tg = RecordingSender("telegram", refuse=[OutcomeUnknown("no answer in time")])
    scheduler = Scheduler(str(db_path), {"telegram": tg}, FakeClock(datetime(2026, 11, 22, tzinfo=UTC)))
    await scheduler.run_alerts()
    await scheduler.run_alerts()
    assert tg.accepted == []  # it may have gone out: never resent blindly
    scheduler.close()


async def test_an_alert_refused_after_its_first_part_is_not_sent_again(db_path: Path) -> None:
    core = Core(db_path)
    core.handle(Request(text="/follow sanctions", platform="telegram", chat_id="1"))
    core.close()
    add_quote(db_path, "Vladimir Putin", "New sanctions will hurt Europe more.")
    tg = RecordingSender("telegram", refuse=[DeliveryError("Internal Server Error")], refuse_after=1,
                         parts_per_reply=2)
    scheduler = Scheduler(str(db_path), {"telegram": tg}, FakeClock(datetime(2026, 11, 22, tzinfo=UTC)))
    await scheduler.run_alerts()
    await scheduler.run_alerts()
    assert len(tg.accepted) == 1  # part one went out; resending the alert would post it twice
    scheduler.close()
