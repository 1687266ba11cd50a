"""The daily digest: what a channel gets at its local time, and the /digest command.

A channel's *period* is the local date of its most recent slot. At most one digest is
delivered per (channel, period); downtime across several slots gives one catch-up digest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database

from corpus.search import Hit, _hits, match_expression

from ..answering.cards import to_card
from ..answering.commands import Context, command
from ..answering.topics import aliases_for
from ..errors import UsageError
from ..reply import QuoteCard, Reply
from .chart import speaker_chart
from .schedule_store import DigestChannel, get_channel, upsert_channel

SPEAKERS_IN_DIGEST = 6
QUOTES_PER_SPEAKER = 2
MAX_NEW = 5000  # quotes considered per digest; a bigger backlog is summarised from its newest part


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


def new_quotes(db: Database, channel: DigestChannel) -> tuple[list[Hit], int]:
    """Quotes ingested since the channel's last digest (matching its topics), and the new high-water mark."""
    high = int(db.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0])
    if channel.topics:
        ids: set[int] = set()
        for topic in channel.topics:
            expr = match_expression(topic, aliases_for(topic)).expression
            if expr:
                ids.update(r[0] for r in db.execute(
                    "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid > ? AND rowid <= ? "
                    "ORDER BY rowid DESC LIMIT ?", [expr, channel.last_quote_id, high, MAX_NEW]).fetchall())
        rows = sorted(ids, reverse=True)[:MAX_NEW]
    else:
        rows = [r[0] for r in db.execute("SELECT id FROM quotes WHERE id > ? AND id <= ? ORDER BY id DESC LIMIT ?",
                                         [channel.last_quote_id, high, MAX_NEW]).fetchall()]
    return _hits(db, [(i, 0.0) for i in rows]), high


def build_digest(db: Database, channel: DigestChannel, period: str) -> tuple[Reply, int]:
    """The digest Reply for ``period`` and the high-water mark it covers."""
    hits, high = new_quotes(db, channel)
    about = f" on {', '.join(channel.topics)}" if channel.topics else ""
    if not hits:
        return Reply(title=f"Daily quotes digest · {period}", text=f"Nothing new{about} since the last digest."), high
    by_speaker: dict[int, list[Hit]] = defaultdict(list)
    for h in hits:
        if h.speaker_id is not None:
            by_speaker[h.speaker_id].append(h)
    counts = Counter({sid: len(v) for sid, v in by_speaker.items()})
    cards: list[QuoteCard] = []
    for sid, n in counts.most_common(SPEAKERS_IN_DIGEST):
        # Key quotes: the most confident, then the longest (more said, more to cite).
        best = sorted(by_speaker[sid], key=lambda h: (-h.confidence, -len(h.text)))[:QUOTES_PER_SPEAKER]
        cards.extend(to_card(h, count=n if i == 0 else None) for i, h in enumerate(best))
    unattributed = sum(1 for h in hits if h.speaker_id is None)
    speakers = len(counts)
    text = (f"{len(hits)} new quote{'s' if len(hits) != 1 else ''}{about} from {speakers} "
            f"speaker{'s' if speakers != 1 else ''}" + (f" ({unattributed} unattributed)" if unattributed else "")
            + ". Most quoted first.")
    rest = speakers - SPEAKERS_IN_DIGEST
    footer = f"and {rest} other speaker{'s' if rest != 1 else ''}" if rest > 0 else None
    names = {h.speaker_id: h.speaker or "?" for h in hits if h.speaker_id is not None}
    chart = speaker_chart([(names[sid], n) for sid, n in counts.most_common()], f"Quotes per speaker · {period}")
    return Reply(title=f"Daily quotes digest · {period}", text=text, cards=tuple(cards), footer=footer,
                 image=chart), high


def _channel_id(ctx: Context) -> str:
    return f"{ctx.request.platform}:{ctx.request.chat_id}"


@command("digest", admin=True)
def digest(ctx: Context, args: str) -> Reply:
    """This chat's daily digest of new quotes.

    /digest on 08:00 Europe/Moscow — /digest off — /digest now — /digest topics NATO, sanctions — /digest"""
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
        reply, _ = build_digest(ctx.db, ch, "preview")
        return reply
    if action == "status":
        if current is None or not current.enabled:
            return Reply(text="No daily digest here. Turn it on with /digest on 08:00 Europe/Moscow")
        return Reply(text=f"Daily digest every day at {current.slot} {current.tz}"
                          + (f", topics: {', '.join(current.topics)}" if current.topics else ", all topics")
                          + (f". Last sent for {current.last_period}." if current.last_period else "."))
    raise UsageError("Try /digest on 08:00 Europe/Moscow, /digest off, /digest now or /digest topics NATO, sanctions")
