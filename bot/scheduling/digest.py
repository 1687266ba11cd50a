"""The daily digest: what a channel gets at its local time, and the /digest command.

A channel's *period* is the local date of its most recent slot. At most one digest is
delivered per (channel, period); downtime across several slots gives one catch-up digest.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database

from ..answering.commands import Context, command
from ..errors import UsageError
from ..reply import Reply
from .digest_build import Days, build_digest, latest_day
from .schedule_store import DigestChannel, get_channel, upsert_channel


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UsageError(f"Unknown time zone {name[:40]!r}: use an IANA name like Europe/Moscow or UTC") from exc


def parse_slot(value: str) -> time:
    m = re.fullmatch(r"([01]?\d|2[0-3])[:.]([0-5]\d)", value.strip())
    if not m:
        raise UsageError(f"{value[:20]!r} is not a time of day: use HH:MM, e.g. 08:00")
    return time(int(m.group(1)), int(m.group(2)))


def slot_instant(day: date, slot: time, tz: ZoneInfo) -> datetime:
    """The instant of ``slot`` on local ``day``. A slot inside a spring-forward gap fires at the
    first valid moment after it; a slot repeated by a fall-back fires at its first occurrence."""
    local = datetime.combine(day, slot, tzinfo=tz).replace(fold=0)
    roundtrip = local.astimezone(ZoneInfo("UTC")).astimezone(tz)
    if roundtrip.replace(tzinfo=None) != local.replace(tzinfo=None):  # nonexistent local time
        return datetime.combine(day, slot, tzinfo=tz).replace(fold=1).astimezone(ZoneInfo("UTC"))
    return local.astimezone(ZoneInfo("UTC"))


def current_period(channel: DigestChannel, now: datetime) -> tuple[str, datetime]:
    """(period, slot instant) of the most recent slot at or before ``now``."""
    tz, slot = zone(channel.tz), parse_slot(channel.slot)
    today = now.astimezone(tz).date()
    for day in (today, today - timedelta(days=1), today - timedelta(days=2)):
        instant = slot_instant(day, slot, tz)
        if instant <= now:
            return day.isoformat(), instant
    raise AssertionError("unreachable: a slot two days ago is always in the past")


def is_due(channel: DigestChannel, now: datetime) -> str | None:
    """The period to deliver now, or ``None``."""
    if not channel.enabled:
        return None
    period, _ = current_period(channel, now)
    return period if (channel.last_period or "") < period else None


def preview_days(db: Database, day: str | None, channel: DigestChannel | None = None) -> Days | None:
    """The publication day a preview covers: ``day`` (YYYY-MM-DD), else the newest one up to today."""
    if day:
        try:
            return Days(date.fromisoformat(day).isoformat(), date.fromisoformat(day).isoformat())
        except ValueError as exc:
            raise UsageError(f"{day[:20]!r} is not a date: use YYYY-MM-DD, e.g. /digest now 2019-06-04") from exc
    tz = zone(channel.tz) if channel else ZoneInfo("UTC")
    return latest_day(db, datetime.now(tz).date())


def _channel_id(ctx: Context) -> str:
    return f"{ctx.request.platform}:{ctx.request.chat_id}"


@command("digest", admin=True)
def digest(ctx: Context, args: str) -> Reply:
    """This chat's daily digest: quotes from the articles published the day before.

    /digest on 08:00 Europe/Moscow — /digest off — /digest now — /digest now 2019-06-04 —
    /digest topics NATO, sanctions — /digest"""
    channel_id = _channel_id(ctx)
    words = args.split()
    action = words[0].lower() if words else "status"
    if action == "on":
        slot = parse_slot(words[1]) if len(words) > 1 else time(8, 0)
        tz = words[2] if len(words) > 2 else "UTC"
        zone(tz)
        ch = upsert_channel(ctx.db, channel_id, slot=f"{slot:%H:%M}", tz=tz, enabled=True)
        return Reply(text=f"Daily digest on: every day at {ch.slot} {ch.tz}"
                          + (f", topics: {', '.join(ch.topics)}" if ch.topics else "") + ".")
    current = get_channel(ctx.db, channel_id)
    if action == "off":
        if current is None or not current.enabled:
            return Reply(text="The daily digest is already off here.")
        upsert_channel(ctx.db, channel_id, enabled=False)
        return Reply(text="Daily digest off.")
    if action == "topics":
        topics = [t.strip() for t in args[len(words[0]):].split(",") if t.strip()][:10]
        ch = upsert_channel(ctx.db, channel_id, topics=topics)
        return Reply(text=f"Digest topics: {', '.join(ch.topics)}." if ch.topics else "Digest topics cleared: "
                     "the digest covers every new quote.")
    if action == "now":
        ch = current or upsert_channel(ctx.db, channel_id, enabled=False)
        # A preview: it does not count as the day's digest, so the scheduled one still comes.
        days = preview_days(ctx.db, words[1] if len(words) > 1 else None, ch)
        if days is None:
            return Reply(text="The corpus holds no dated articles yet, so there is nothing to digest.")
        reply, _ = build_digest(ctx.db, ch, "preview", days=days)
        return reply
    if action == "status":
        if current is None or not current.enabled:
            return Reply(text="No daily digest here. Turn it on with /digest on 08:00 Europe/Moscow")
        return Reply(text=f"Daily digest every day at {current.slot} {current.tz}"
                          + (f", topics: {', '.join(current.topics)}" if current.topics else ", all topics")
                          + (f". Last sent for {current.last_period}." if current.last_period else "."))
    raise UsageError("Try /digest on 08:00 Europe/Moscow, /digest off, /digest now or /digest topics NATO, sanctions")
