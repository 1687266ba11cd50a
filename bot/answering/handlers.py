"""The search commands: /quote, /who and /said."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from corpus.names import name_shape
from corpus.search import Filters, match_expression, search, suggest_terms, surface_form, who_said
from corpus.speaker_lookup import SpeakerMatch, find_speakers
from corpus.store import fold

from ..errors import UsageError
from ..reply import Action, Reply
from .answers import (
    filters_for,
    make_button,
    page_reply,
    query_timeout,
    search_with_suggestion,
    short,
    speaker_choice,
    topic_for,
    unknown_speaker,
)
from .cards import to_card
from .commands import Context, command
from .parse import parse_query

WHO_SPEAKERS = 5


def run_quote(ctx: Context, args: str, offset: int = 0, speaker_id: int | None = None) -> Reply:
    q = parse_query(args)
    if not q.topic and not q.speaker and speaker_id is None:
        raise UsageError("What topic? For example: /quote NATO  or  /quote climate change since:2021-01-01")
    speaker_ids: tuple[int, ...] = (speaker_id,) if speaker_id else ()
    if q.speaker and not speaker_ids:
        matches = find_speakers(ctx.db, q.speaker)
        if not matches:
            return unknown_speaker(ctx, q.speaker, {"cmd": "quote", "args": args})
        if len(matches) > 1:
            return speaker_choice(ctx, q.speaker, matches, {"cmd": "quote", "args": args})
        speaker_ids = (matches[0].id,)
    hits, full, topic, shown = search_with_suggestion(ctx, q.topic, filters_for(q, speaker_ids))
    label = short(q.topic) or "everything"
    if not hits:
        named = [f"{k}:{v}" for k, v in (("since", q.since), ("until", q.until), ("source", q.source),
                                          ("kind", q.kind), ("from", q.speaker)) if v]
        if named and q.topic and search(ctx.db, topic_for(ctx, q.topic), Filters(), candidates=1,
                                        timeout_ms=query_timeout(ctx))[0]:
            return Reply(text=f"There are quotes about “{label}”, but none with {' '.join(named)}. "
                              "Widen or drop the filter.")
        return Reply(text=f"No quotes found about “{label}”. Try fewer or other words, or /help.")
    note = f"Showing results for “{shown}” (you typed “{q.topic}”)." if shown else None
    more = {"cmd": "quote", "args": args, "speaker_id": speaker_id, "full": full}
    return page_reply(ctx, hits, topic, offset, more, f"Quotes about {shown or label}", note)


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
    topic, shown = topic_for(ctx, q.topic), None
    limit = offset + WHO_SPEAKERS
    result = who_said(ctx.db, topic, filters_for(q), limit=limit, timeout_ms=query_timeout(ctx))
    if result.total == 0:
        fixes = suggest_terms(ctx.db, topic.words)
        if fixes:
            corrected = match_expression(" ".join(fixes.get(w, w) for w in topic.words))
            again = who_said(ctx.db, corrected, filters_for(q), limit=limit, timeout_ms=query_timeout(ctx))
            if again.total:
                hit = again.top[0].best.text if again.top else ""
                shown = " ".join(surface_form(hit, fixes[w]) or fixes[w] if w in fixes else w for w in topic.words)
                result, topic = again, corrected
    unattributed = result.unattributed
    if not result.top:
        extra = f" ({unattributed} unattributed quotes: see /quote {q.topic})" if unattributed else ""
        return Reply(text=f"Nobody in the corpus is quoted about “{short(q.topic)}”{extra}.")
    # Exact counts over every match; ties go to the speaker whose best quote ranks higher.
    cards = tuple(to_card(s.best, topic.words, count=s.count) for s in result.top[offset:])
    rest = result.speakers - len(result.top)
    footer_bits = []
    actions: tuple[Action, ...] = ()
    if rest > 0:
        footer_bits.append(f"and {rest} other speaker{'s' if rest != 1 else ''}")
        label = f"{min(rest, WHO_SPEAKERS)} more of the {rest} other speaker{'s' if rest != 1 else ''}"
        button = make_button(ctx, "more", label, {"cmd": "who", "args": args, "offset": limit})
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
        named = candidate[1:] if fold(candidate[0]) == "the" else candidate  # "the Kremlin": the name is "Kremlin"
        for match in find_speakers(ctx.db, " ".join(candidate))[:3]:
            name_words = fold(match.name).split()
            if named and all(any(fuzz.ratio(fold(w), nw) >= 80 for nw in name_words) for w in named):
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
        return unknown_speaker(ctx, typed, {"cmd": "said", "args": args2})
    if len(matches) > 1:
        return speaker_choice(ctx, typed, matches, {"cmd": "said", "args": args2})
    return run_said(ctx, matches[0], args2)


def run_said(ctx: Context, speaker: SpeakerMatch, args: str, offset: int = 0) -> Reply:
    q = parse_query(args)
    hits, full, topic, shown = search_with_suggestion(ctx, q.topic, filters_for(q, (speaker.id,)))
    who = speaker.name + (f" ({speaker.role})" if speaker.role else "")
    if not hits:
        about = f" about “{short(q.topic)}”" if q.topic else ""
        return Reply(text=f"No quotes by {who}{about} in the corpus.")
    title = f"{speaker.name} on {shown or q.topic}" if q.topic else f"Quotes by {who}"
    more = {"cmd": "said", "args": args, "speaker_id": speaker.id, "full": full}
    return page_reply(ctx, hits, topic, offset, more, title)

