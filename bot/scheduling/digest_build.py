"""What a digest says: quotes from articles *published* in its days, true counts, key quotes.

A scheduled digest for period ``P`` (the local date of its slot) covers articles published on
the day before ``P`` — or, after downtime, every day since the last digest (at most a week).
A preview (``/digest now``) covers the newest publication day the corpus holds up to today, or a
day the user names. Counts are exact (SQL over the covered days); the key quote of each speaker
is chosen by :mod:`corpus.quality` (substantive first) and cut to at most three sentences.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlite_utils import Database

from corpus.hits import load_hits
from corpus.matches import matching_ids
from corpus.search import SUBSTANTIVE, Hit, match_expression

from ..answering.cards import to_card
from ..answering.topics import aliases_for
from ..reply import QuoteCard, Reply
from .chart import speaker_chart
from .schedule_store import DigestChannel

SPEAKERS_IN_DIGEST = 6
MAX_SENTENCES = 3
MAX_CATCH_UP_DAYS = 7
BUDGET = 3600  # characters the cards may take so the digest fits one Telegram message (4096)
_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’»)]?\s+(?=[\"“‘«(]?[A-ZА-Я0-9])")


@dataclass(frozen=True, slots=True)
class Days:
    since: str  # ISO dates, inclusive
    until: str

    def label(self) -> str:
        return self.since if self.since == self.until else f"{self.since} to {self.until}"


def scheduled_days(channel: DigestChannel, period: str) -> Days:
    """The publication days a scheduled digest for ``period`` covers (see the module docstring)."""
    until = date.fromisoformat(period) - timedelta(days=1)
    since = until
    if channel.last_period:
        try:
            since = max(date.fromisoformat(channel.last_period), until - timedelta(days=MAX_CATCH_UP_DAYS - 1))
        except ValueError:
            since = until
    return Days(min(since, until).isoformat(), until.isoformat())


def latest_day(db: Database, today: date) -> Days | None:
    """The newest publication day with quotes, up to ``today`` (a preview of a static corpus)."""
    row = db.execute("SELECT max(published) FROM quotes WHERE published <= ? AND published >= '0'",
                     [today.isoformat() + "\uffff"]).fetchone()
    day = str(row[0])[:10] if row and row[0] else None
    return Days(day, day) if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else None


def _quote_ids(db: Database, channel: DigestChannel, days: Days) -> list[int]:
    if channel.topics:  # the search index matches topics as /quote does, within the days
        topics = [t for t in (match_expression(x, aliases_for(x)) for x in channel.topics) if t.expression]
        return matching_ids(db, topics, since=days.since, until=days.until) if topics else []
    sql = "SELECT q.id FROM quotes q WHERE q.published >= ? AND q.published <= ?"
    return [int(r[0]) for r in db.execute(sql, [days.since, days.until + "\uffff"]).fetchall()]


def key_text(text: str, sentences: int = MAX_SENTENCES) -> str:
    """At most ``sentences`` sentences of a quote, marked as cut when cut."""
    text = " ".join(text.split())
    parts = _SENTENCE.split(text)
    if len(parts) <= sentences:
        return text
    return " ".join(parts[:sentences]) + " …"


def _key_quote(hits: list[Hit]) -> Hit:
    """The most substantive quote: quality, then attribution confidence, then a citable length."""
    return min(hits, key=lambda h: (-round(h.quality, 1), -h.confidence, abs(len(h.text.split()) - 40), -h.id))


def _card(hit: Hit, count: int, sentences: int = MAX_SENTENCES) -> QuoteCard:
    card = to_card(hit, count=count)
    return replace(card, text=key_text(card.text, sentences))


def build_digest(db: Database, channel: DigestChannel, period: str, *, days: Days | None = None) -> tuple[Reply, int]:
    """The digest Reply for ``period`` (or for ``days``) and the quote high-water mark at build time."""
    high = int(db.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0])
    if days is None:
        days = scheduled_days(channel, period)
    about = f" on {', '.join(channel.topics)}" if channel.topics else ""
    head = "Quotes digest (preview)" if period == "preview" else f"Daily quotes digest · {period}"
    title = f"{head} · articles published {days.label()}"
    hits = load_hits(db, [(i, 0.0) for i in _quote_ids(db, channel, days)])
    if not hits:
        return Reply(title=title, text=f"No quotes{about} in articles published {days.label()}."), high
    by_speaker: dict[int, list[Hit]] = defaultdict(list)
    for h in hits:
        if h.speaker_id is not None:
            by_speaker[h.speaker_id].append(h)
    counts = Counter({sid: len(v) for sid, v in by_speaker.items()})
    articles = len({h.article_id for h in hits})
    unattributed = sum(1 for h in hits if h.speaker_id is None)
    speakers = len(counts)
    text = (f"{len(hits)} quote{'s' if len(hits) != 1 else ''}{about} in {articles} "
            f"article{'s' if articles != 1 else ''} from {speakers} speaker{'s' if speakers != 1 else ''}"
            + (f" ({unattributed} unattributed)" if unattributed else "")
            + ". Most quoted first, each with their most substantive quote.")
    leaders = counts.most_common(SPEAKERS_IN_DIGEST)
    keys = [_key_quote([h for h in by_speaker[sid] if h.quality >= SUBSTANTIVE] or by_speaker[sid])
            for sid, _ in leaders]
    # Fit one Telegram message where the content allows: fewer sentences per key quote (three, two,
    # one) until the cards fit; never a cut inside a sentence, never a leading speaker dropped.
    for sentences in range(MAX_SENTENCES, 0, -1):
        cards = [_card(h, n, sentences) for h, (_, n) in zip(keys, leaders, strict=True)]
        if sum(len(c.text) + len(c.title or "") + len(c.url or "") + 120 for c in cards) <= BUDGET:
            break
    rest = speakers - len(cards)
    footer = f"and {rest} other speaker{'s' if rest != 1 else ''}" if rest > 0 else None
    names = {h.speaker_id: h.speaker or "?" for h in hits if h.speaker_id is not None}
    chart_title = f"Quotes per speaker · published {days.label()}" + (f" · {', '.join(channel.topics)}"
                                                                       if channel.topics else " · all topics")
    chart = speaker_chart([(names[sid], n) for sid, n in counts.most_common()], chart_title)
    return Reply(title=title, text=text, cards=tuple(cards), footer=footer, image=chart), high
