"""Follows: /follow a topic or a speaker, and the alerts new quotes raise for followers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlite_utils import Database

from corpus.hits import load_hits
from corpus.index import search_index
from corpus.matches import indexed_upto, matching_ids
from corpus.search import Hit, match_expression
from corpus.speaker_lookup import find_speakers

from ..answering.cards import to_card
from ..answering.commands import Context, command
from ..answering.topics import aliases_for
from ..errors import UsageError
from ..reply import Platform, Reply
from .schedule_store import now_iso

MAX_FOLLOWS_PER_CHAT = 50
ALERT_QUOTES = 5  # quotes shown per alert message; the rest are counted


@dataclass(frozen=True, slots=True)
class Follow:
    id: int
    platform: str
    chat_id: str
    user_id: str
    kind: str
    value: str
    speaker_id: int | None
    last_quote_id: int


def _parse(ctx: Context, args: str) -> tuple[str, str, int | None]:
    text = " ".join(args.split())[:200]
    if not text:
        raise UsageError("Follow what? /follow NATO  or  /follow speaker:Lavrov")
    if text.lower().startswith(("speaker:", "from:", "by:")):
        typed = text.split(":", 1)[1].strip().strip('"')
        matches = find_speakers(ctx.db, typed)
        if not matches:
            raise UsageError(f"I know no speaker called “{typed[:60]}”.")
        if len(matches) > 1:
            names = "; ".join(m.name for m in matches)
            raise UsageError(f"“{typed[:60]}” could mean several people ({names}). Use the full name.")
        return "speaker", matches[0].name, matches[0].id
    if match_expression(text).expression is None:
        raise UsageError("That topic has no searchable words.")
    return "topic", text, None


@command("follow", admin=True)
def follow(ctx: Context, args: str) -> Reply:
    """Get an alert here when new quotes match a topic or a speaker.

    /follow NATO — /follow "climate change" — /follow speaker:Lavrov"""
    kind, value, speaker_id = _parse(ctx, args)
    r = ctx.request
    count = ctx.db.execute("SELECT count(*) FROM follows WHERE platform = ? AND chat_id = ?",
                           [r.platform, r.chat_id]).fetchone()[0]
    if count >= MAX_FOLLOWS_PER_CHAT:
        raise UsageError(f"This chat already follows {MAX_FOLLOWS_PER_CHAT} things; /unfollow some first.")
    high = ctx.db.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0]
    cur = ctx.db.execute(
        "INSERT OR IGNORE INTO follows (platform, chat_id, user_id, kind, value, speaker_id, last_quote_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [r.platform, r.chat_id, r.user_id, kind, value, speaker_id, high, now_iso()],
    )
    what = f"quotes by {value}" if kind == "speaker" else f"quotes about “{value}”"
    if not cur.rowcount:
        return Reply(text=f"Already following {what} here.")
    return Reply(text=f"Following {what}. New ones will be posted here.")


@command("unfollow", admin=True)
def unfollow(ctx: Context, args: str) -> Reply:
    """Stop alerts for a topic or speaker.

    /unfollow NATO — /unfollow speaker:Lavrov — /unfollow all"""
    r = ctx.request
    if args.strip().lower() == "all":
        n = ctx.db.execute("DELETE FROM follows WHERE platform = ? AND chat_id = ?", [r.platform, r.chat_id]).rowcount
        return Reply(text=f"Stopped {n} follow{'s' if n != 1 else ''}.")
    kind, value, _ = _parse(ctx, args)
    n = ctx.db.execute("DELETE FROM follows WHERE platform = ? AND chat_id = ? AND kind = ? AND value = ? "
                       "COLLATE NOCASE", [r.platform, r.chat_id, kind, value]).rowcount
    return Reply(text=f"Stopped following {value}." if n else f"This chat does not follow {value}.")


@command("following")
def following(ctx: Context, args: str) -> Reply:
    """What this chat follows.

    /following"""
    r = ctx.request
    rows = ctx.db.execute("SELECT kind, value FROM follows WHERE platform = ? AND chat_id = ? ORDER BY id",
                          [r.platform, r.chat_id]).fetchall()
    if not rows:
        return Reply(text="This chat follows nothing yet. Try /follow NATO or /follow speaker:Lavrov")
    return Reply(title="Following", text="\n".join(
        f"• {'speaker: ' if k == 'speaker' else ''}{v}" for k, v in rows))


def all_follows(db: Database) -> list[Follow]:
    return [Follow(*row) for row in db.execute(
        "SELECT id, platform, chat_id, user_id, kind, value, speaker_id, last_quote_id FROM follows ORDER BY id"
    ).fetchall()]


def new_matches(db: Database, f: Follow, limit: int = 200) -> tuple[list[Hit], int]:
    """Quotes newer than the follow's high-water mark that match it, and the new mark.

    A topic is matched by the search index (as /quote matches it); its mark moves only as far as
    the index is known to be complete, so a quote it has not applied yet comes in a later round."""
    if f.kind == "speaker":
        high = int(db.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0])
        ids = [r[0] for r in db.execute(
            "SELECT id FROM quotes WHERE speaker_id = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?",
            [f.speaker_id, f.last_quote_id, high, limit]).fetchall()]
    else:
        high = indexed_upto(db, search_index(db))
        topic = match_expression(f.value, aliases_for(f.value))
        ids = matching_ids(db, [topic], after=f.last_quote_id, upto=high, limit=limit) \
            if topic.expression and high > f.last_quote_id else []
    already = {r[0] for r in db.execute("SELECT quote_id FROM alerts WHERE follow_id = ?", [f.id]).fetchall()}
    return [h for h in load_hits(db, [(i, 0.0) for i in ids]) if h.id not in already], high


@dataclass(frozen=True, slots=True)
class Batch:
    """One alert message for one chat: every follow of that chat with its new quotes."""

    platform: Platform
    chat_id: str
    items: tuple[tuple[Follow, tuple[Hit, ...]], ...]
    high: int

    def reply(self) -> Reply:
        hits: list[Hit] = []
        labels = []
        for f, found in self.items:
            labels.append(f"{'quotes by ' if f.kind == 'speaker' else ''}{f.value} ({len(found)})")
            hits.extend(h for h in found if h.id not in {x.id for x in hits})
        hits.sort(key=lambda h: -h.id)
        cards = tuple(to_card(h) for h in hits[:ALERT_QUOTES])
        more = len(hits) - len(cards)
        return Reply(title="New quotes you follow", text="; ".join(labels), cards=cards,
                     footer=f"and {more} more" if more > 0 else None)


def pending_batches(db: Database) -> list[Batch]:
    groups: dict[tuple[str, str], list[tuple[Follow, tuple[Hit, ...]]]] = defaultdict(list)
    high = 0
    for f in all_follows(db):
        found, high = new_matches(db, f)
        if found:
            groups[(f.platform, f.chat_id)].append((f, tuple(found)))
        elif f.last_quote_id < high:
            db.execute("UPDATE follows SET last_quote_id = ? WHERE id = ?", [high, f.id])
    return [Batch(p, c, tuple(items), high) for (p, c), items in groups.items()]  # type: ignore[arg-type]


def mark(db: Database, batch: Batch, state: str) -> None:
    """Record the batch's alerts (``pending`` before sending, ``sent`` after) and advance the marks."""
    with db.atomic():
        for f, found in batch.items:
            for h in found:
                db.execute("INSERT INTO alerts (follow_id, quote_id, state, at) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (follow_id, quote_id) DO UPDATE SET state = excluded.state, at = excluded.at",
                           [f.id, h.id, state, now_iso()])
            if state == "sent":
                db.execute("UPDATE follows SET last_quote_id = max(last_quote_id, ?) WHERE id = ?",
                           [max(h.id for h in found), f.id])


def unmark(db: Database, batch: Batch) -> None:
    """The platform refused before accepting: forget the pending alerts so they are tried again."""
    with db.atomic():
        for f, found in batch.items:
            db.execute(f"DELETE FROM alerts WHERE follow_id = ? AND state = 'pending' AND quote_id IN "
                       f"({','.join('?' * len(found))})", [f.id, *(h.id for h in found)])
