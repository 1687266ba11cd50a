"""The answering commands: /quote, /who, /said, /verify, /context, /stats, /help."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from rapidfuzz import fuzz

from corpus.names import name_shape
from corpus.search import (
    Filters,
    Hit,
    Topic,
    match_expression,
    search,
    suggest_terms,
    surface_form,
    who_said,
)
from corpus.speaker_lookup import SpeakerMatch, find_speakers, suggest_speakers
from corpus.stats import corpus_stats
from corpus.store import fold

from ..errors import UsageError
from ..reply import Action, ActionKind, Reply
from .cards import to_card
from .commands import Context, command, lookup, visible
from .parse import Query, parse_query
from .state import chat_key, save_action
from .topics import aliases_for

EXAMPLES = (
    "/quote NATO",
    "/who sanctions",
    "/said Lavrov BRICS",
    '/verify "we cannot just passively observe events"',
    "who said what about NATO?",
    "what did Putin say about Ukraine?",
)
WHO_SPEAKERS = 5


def _short(text: str, limit: int = 80) -> str:
    """User text echoed back, bounded."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _timeout(ctx: Context) -> int:
    return int(ctx.settings["QUOTEBOT_QUERY_TIMEOUT_MS"])


def _page_size(ctx: Context) -> int:
    return max(1, min(10, ctx.request.page_size or int(ctx.settings["QUOTEBOT_PAGE_SIZE"])))


def _topic(ctx: Context, text: str) -> Topic:
    return match_expression(text, aliases_for(text) if text else ())


def _save(ctx: Context, payload: dict[str, Any]) -> str:
    """A button token that answers only in the requesting chat."""
    return save_action(ctx.db, payload, chat_key(ctx.request.platform, ctx.request.chat_id))


def _button(ctx: Context, kind: ActionKind, label: str, payload: dict[str, Any]) -> Action | None:
    """A button, or ``None`` when the corpus cannot be written (read-only, or its disk full): a
    button's meaning is stored in it, and the answer is worth sending without one."""
    try:
        return Action(kind, label, _save(ctx, payload))
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc) and "disk is full" not in str(exc):
            raise
        return None


def _speaker_label(m: SpeakerMatch) -> str:
    """"Sergei Ivanov (ALROSA CEO, 2018) · 33": who, as what, when — enough to tell namesakes apart."""
    years = sorted({d[:4] for d in (m.first, m.last) if d and d[:4].isdigit()})
    role = m.role if m.role and m.role not in m.name else None  # a namesake's name carries its role
    about = ", ".join(x for x in (role, "–".join(years)) if x)
    return f"{m.name}" + (f" ({about})" if about else "") + f" · {m.quotes}"


def _speaker_choice(ctx: Context, typed: str, matches: list[SpeakerMatch], then: dict[str, Any]) -> Reply:
    labels = [_speaker_label(m) for m in matches]
    actions = tuple(b for m, label in zip(matches, labels, strict=True)
                    if (b := _button(ctx, "choose", label, {**then, "speaker_id": m.id})))
    if not actions:  # no buttons on a read-only corpus: the names, to ask again with
        return Reply(text=f"“{typed}” could mean several people: {'; '.join(labels)}. Ask again with the full name.")
    return Reply(text=f"“{typed}” could mean several people. Which one?", actions=actions)


def _unknown_speaker(ctx: Context, typed: str, then: dict[str, Any]) -> Reply:
    """Nobody by that name: say so, and offer close names as buttons, never an answer for them."""
    text = f"I know no speaker called “{typed[:60]}”."
    close = suggest_speakers(ctx.db, typed)
    if not close:
        return Reply(text=text + " Try a surname, e.g. /said Lavrov.", error=True)
    labels = [_speaker_label(m) for m in close]
    actions = tuple(b for m, label in zip(close, labels, strict=True)
                    if (b := _button(ctx, "choose", label, {**then, "speaker_id": m.id})))
    if not actions:
        return Reply(text=text + f" Did you mean: {'; '.join(labels)}?")
    return Reply(text=text + " Did you mean one of these?", actions=actions)


def _filters(q: Query, speaker_ids: tuple[int, ...] = ()) -> Filters:
    return Filters(speaker_ids=speaker_ids, since=q.since, until=q.until, source=q.source, kind=q.kind)


def _one_per_utterance(hits: list[Hit]) -> list[Hit]:
    """Hits with every later part of an utterance already shown dropped: a card shows a split
    quotation whole ("A … B"), so two of its parts would be the same card twice."""
    seen: set[tuple[str | None, tuple[str, ...]]] = set()
    out = []
    for h in hits:
        if h.parts:
            key = (h.speaker, h.parts)
            if key in seen:
                continue
            seen.add(key)
        out.append(h)
    return out


def _search_with_suggestion(ctx: Context, topic_text: str, filters: Filters,
                            candidates: int | None = None) -> tuple[list[Hit], bool, Topic, str | None]:
    topic = _topic(ctx, topic_text)
    kwargs = {"timeout_ms": _timeout(ctx)}
    if candidates:
        kwargs["candidates"] = candidates
    hits, full = search(ctx.db, topic, filters, **kwargs)
    hits = _one_per_utterance(hits)
    if hits or topic.expression is None:
        return hits, full, topic, None
    fixes = suggest_terms(ctx.db, topic.words)
    if not fixes:
        return hits, full, topic, None
    corrected = " ".join(fixes.get(w, w) for w in topic.words)
    topic2 = match_expression(corrected)
    hits, full = search(ctx.db, topic2, filters, **kwargs)
    hits = _one_per_utterance(hits)
    if not hits:
        return hits, full, topic, None
    shown = " ".join(surface_form(hits[0].text, fixes[w]) or fixes[w] if w in fixes else w for w in topic.words)
    return hits, full, Topic(topic2.expression, tuple(shown.split())), shown


def _page(ctx: Context, hits: list[Hit], topic: Topic, offset: int, more: dict[str, Any],
          title: str, note: str | None = None) -> Reply:
    size = _page_size(ctx)
    page = hits[offset: offset + size]
    cards = tuple(to_card(h, topic.words) for h in page)
    actions: list[Action] = []
    if offset + size < len(hits) and (more_button := _button(ctx, "more", "More", {**more, "offset": offset + size})):
        actions.append(more_button)
    footer = f"{offset + 1}–{offset + len(page)} of {len(hits)}{'+' if more.get('full') else ''}"
    return Reply(title=title, text=note or "", cards=cards, actions=tuple(actions), footer=footer)


def run_quote(ctx: Context, args: str, offset: int = 0, speaker_id: int | None = None) -> Reply:
    q = parse_query(args)
    if not q.topic and not q.speaker and speaker_id is None:
        raise UsageError("What topic? For example: /quote NATO  or  /quote climate change since:2021-01-01")
    speaker_ids: tuple[int, ...] = (speaker_id,) if speaker_id else ()
    if q.speaker and not speaker_ids:
        matches = find_speakers(ctx.db, q.speaker)
        if not matches:
            return _unknown_speaker(ctx, q.speaker, {"cmd": "quote", "args": args})
        if len(matches) > 1:
            return _speaker_choice(ctx, q.speaker, matches, {"cmd": "quote", "args": args})
        speaker_ids = (matches[0].id,)
    hits, full, topic, shown = _search_with_suggestion(ctx, q.topic, _filters(q, speaker_ids))
    label = _short(q.topic) or "everything"
    if not hits:
        named = [f"{k}:{v}" for k, v in (("since", q.since), ("until", q.until), ("source", q.source),
                                          ("kind", q.kind), ("from", q.speaker)) if v]
        if named and q.topic and search(ctx.db, _topic(ctx, q.topic), Filters(), candidates=1,
                                        timeout_ms=_timeout(ctx))[0]:
            return Reply(text=f"There are quotes about “{label}”, but none with {' '.join(named)}. "
                              "Widen or drop the filter.")
        return Reply(text=f"No quotes found about “{label}”. Try fewer or other words, or /help.")
    note = f"Showing results for “{shown}” (you typed “{q.topic}”)." if shown else None
    more = {"cmd": "quote", "args": args, "speaker_id": speaker_id, "full": full}
    return _page(ctx, hits, topic, offset, more, f"Quotes about {shown or label}", note)


@command("quote", aliases=("q", "quotes"))
def quote(ctx: Context, args: str) -> Reply:
    """The best quotes about a topic, most relevant and recent first.

    /quote NATO — /quote "climate change" since:2021-01-01 — /quote sanctions from:Lavrov
    Filters: since:DATE until:DATE source:TASS kind:direct|indirect|transcript from:SPEAKER"""
    return run_quote(ctx, args)


@command("who")
def who(ctx: Context, args: str) -> Reply:
    """Who said what about a topic: one entry per speaker, with their best quote.

    /who NATO — /who sanctions since:2022-01-01"""
    return run_who(ctx, args)


def run_who(ctx: Context, args: str, offset: int = 0) -> Reply:
    """/who from its ``offset``-th speaker on (the "other speakers" button pages on)."""
    q = parse_query(args)
    if not q.topic:
        raise UsageError("Who said what about which topic? For example: /who NATO")
    topic, shown = _topic(ctx, q.topic), None
    limit = offset + WHO_SPEAKERS
    result = who_said(ctx.db, topic, _filters(q), limit=limit, timeout_ms=_timeout(ctx))
    if result.total == 0:
        fixes = suggest_terms(ctx.db, topic.words)
        if fixes:
            corrected = match_expression(" ".join(fixes.get(w, w) for w in topic.words))
            again = who_said(ctx.db, corrected, _filters(q), limit=limit, timeout_ms=_timeout(ctx))
            if again.total:
                hit = again.top[0].best.text if again.top else ""
                shown = " ".join(surface_form(hit, fixes[w]) or fixes[w] if w in fixes else w for w in topic.words)
                result, topic = again, corrected
    unattributed = result.unattributed
    if not result.top:
        extra = f" ({unattributed} unattributed quotes: see /quote {q.topic})" if unattributed else ""
        return Reply(text=f"Nobody in the corpus is quoted about “{_short(q.topic)}”{extra}.")
    # Exact counts over every match; ties go to the speaker whose best quote ranks higher.
    cards = tuple(to_card(s.best, topic.words, count=s.count) for s in result.top[offset:])
    rest = result.speakers - len(result.top)
    footer_bits = []
    actions: tuple[Action, ...] = ()
    if rest > 0:
        footer_bits.append(f"and {rest} other speaker{'s' if rest != 1 else ''}")
        label = f"{min(rest, WHO_SPEAKERS)} more of the {rest} other speaker{'s' if rest != 1 else ''}"
        button = _button(ctx, "more", label, {"cmd": "who", "args": args, "offset": limit})
        actions = (button,) if button else ()
    if unattributed:
        footer_bits.append(f"{unattributed} unattributed quote{'s' if unattributed != 1 else ''}")
    note = f"Showing results for “{shown}” (you typed “{q.topic}”)." if shown else ""
    return Reply(title=f"Who said what about {shown or q.topic}", text=note, cards=cards,
                 footer="; ".join(footer_bits) or None, actions=actions)


def _split_speaker(ctx: Context, args: str) -> tuple[str, str]:
    """``Sergei Lavrov BRICS`` → ("Sergei Lavrov", "BRICS"): the longest leading run of words that
    all belong to one speaker's name ("Putin Ukraine" → "Putin", since Ukraine is no part of a name)."""
    m = re.match(r'^"([^"]+)"\s*(.*)$', args)
    if m:
        return m.group(1), m.group(2)
    words = args.split()
    whole = name_shape(args)
    if whole and whole.kind == "person" and whole.given and not whole.role and fold(whole.name) == fold(args):
        return args, ""  # all of it is one person's name ("Kim Jong-un"), known or not: never a part of it
    for n in range(min(4, len(words)), 0, -1):
        candidate = words[:n]
        for match in find_speakers(ctx.db, " ".join(candidate))[:3]:
            name_words = fold(match.name).split()
            if all(any(fuzz.ratio(fold(w), nw) >= 80 for nw in name_words) for w in candidate):
                return " ".join(candidate), " ".join(words[n:])
    return (words[0], " ".join(words[1:])) if words else ("", "")


@command("said", aliases=("by",))
def said(ctx: Context, args: str) -> Reply:
    """A speaker's quotes, optionally on a topic. Names are matched loosely.

    /said Lavrov — /said "Sergei Lavrov" BRICS — /said putin Ukraine"""
    q = parse_query(args)
    typed, topic = _split_speaker(ctx, q.topic) if not q.speaker else (q.speaker, q.topic)
    if not typed:
        raise UsageError("Whose quotes? For example: /said Lavrov  or  /said Putin NATO")
    matches = find_speakers(ctx.db, typed)
    rest = " ".join(f"{k}:{v}" for k, v in (("since", q.since), ("until", q.until), ("source", q.source),
                                               ("kind", q.kind)) if v)
    args2 = f"{topic} {rest}".strip()
    if not matches:
        return _unknown_speaker(ctx, typed, {"cmd": "said", "args": args2})
    if len(matches) > 1:
        return _speaker_choice(ctx, typed, matches, {"cmd": "said", "args": args2})
    return run_said(ctx, matches[0], args2)


def run_said(ctx: Context, speaker: SpeakerMatch, args: str, offset: int = 0) -> Reply:
    q = parse_query(args)
    hits, full, topic, shown = _search_with_suggestion(ctx, q.topic, _filters(q, (speaker.id,)))
    who = speaker.name + (f" ({speaker.role})" if speaker.role else "")
    if not hits:
        about = f" about “{_short(q.topic)}”" if q.topic else ""
        return Reply(text=f"No quotes by {who}{about} in the corpus.")
    title = f"{speaker.name} on {shown or q.topic}" if q.topic else f"Quotes by {who}"
    more = {"cmd": "said", "args": args, "speaker_id": speaker.id, "full": full}
    return _page(ctx, hits, topic, offset, more, title)


@command("stats")
def stats(ctx: Context, args: str) -> Reply:
    """What the corpus holds: articles, quotes, speakers, sources and dates.

    /stats"""
    s = corpus_stats(ctx.db)
    sources = ", ".join(f"{k} ({v})" for k, v in list(s["sources"].items())[:8]) or "none"
    text = (f"{s['articles']:,} articles, {s['quotes']:,} quotes ({s['unattributed']:,} unattributed), "
            f"{s['speakers']:,} speakers.\nDates: {s['first_published'] or '?'} to {s['last_published'] or '?'}.\n"
            f"Sources: {sources}.")
    return Reply(title="The corpus", text=text)


@command("help", aliases=("start",))
def help_(ctx: Context, args: str) -> Reply:
    """The commands and how to ask. /help quote tells more about one command.

    /help — /help verify"""
    name = args.strip().lstrip("/").split(" ")[0] if args.strip() else ""
    if name:
        cmd = lookup(name)
        if cmd is None:
            raise UsageError(f"There is no /{name[:30]} command. /help lists them.")
        return Reply(title=f"/{cmd.name}", text=cmd.help)
    lines = [f"/{c.name} — {c.summary}" + (f"\n    e.g. {ex}" if (ex := example(c.help)) else "") for c in visible()]
    text = "\n".join(lines) + "\n\nIn a direct message you can also ask in plain words:\n" + "\n".join(
        f"• {e}" for e in EXAMPLES[4:])
    return Reply(title="What I can do", text=text)


def example(help_text: str) -> str | None:
    """A command's first example: the first "/…" of its help after the summary line."""
    for line in help_text.splitlines()[1:]:
        m = re.match(r"\s*(/\S.*?)(?:\s+—\s+|$)", line)
        if m:
            return m.group(1).strip()
    return None


def not_understood() -> Reply:
    return Reply(title="I did not catch that",
                 text="Try one of these:\n" + "\n".join(f"• {e}" for e in EXAMPLES) + "\n\n/help lists everything.")
