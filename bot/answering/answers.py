"""The pieces /quote, /who and /said share: a search that offers a spelling fix, a page of quote
cards with a "More" button, and the replies for a speaker name that is unknown or means several people."""

from __future__ import annotations

import sqlite3
from typing import Any

from corpus.search import Filters, Hit, Topic, match_expression, search, suggest_terms, surface_form
from corpus.speaker_lookup import SpeakerMatch, suggest_speakers

from ..reply import Action, ActionKind, Reply
from .cards import to_card
from .commands import Context
from .parse import Query
from .state import chat_key, save_action
from .topics import aliases_for


def short(text: str, limit: int = 80) -> str:
    """User text echoed back, bounded."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def query_timeout(ctx: Context) -> int:
    return int(ctx.settings["QUOTEBOT_QUERY_TIMEOUT_MS"])


def page_size(ctx: Context) -> int:
    return max(1, min(10, ctx.request.page_size or int(ctx.settings["QUOTEBOT_PAGE_SIZE"])))


def topic_for(ctx: Context, text: str) -> Topic:
    return match_expression(text, aliases_for(text) if text else ())


def _save(ctx: Context, payload: dict[str, Any]) -> str:
    """A button token that answers only in the requesting chat."""
    return save_action(ctx.db, payload, chat_key(ctx.request.platform, ctx.request.chat_id))


def make_button(ctx: Context, kind: ActionKind, label: str, payload: dict[str, Any]) -> Action | None:
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


def speaker_choice(ctx: Context, typed: str, matches: list[SpeakerMatch], then: dict[str, Any]) -> Reply:
    labels = [_speaker_label(m) for m in matches]
    actions = tuple(b for m, label in zip(matches, labels, strict=True)
                    if (b := make_button(ctx, "choose", label, {**then, "speaker_id": m.id})))
    if not actions:  # no buttons on a read-only corpus: the names, to ask again with
        return Reply(text=f"“{typed}” could mean several people: {'; '.join(labels)}. Ask again with the full name.")
    return Reply(text=f"“{typed}” could mean several people. Which one?", actions=actions)


def unknown_speaker(ctx: Context, typed: str, then: dict[str, Any]) -> Reply:
    """Nobody by that name: say so, and offer close names as buttons, never an answer for them."""
    text = f"I know no speaker called “{typed[:60]}”."
    close = suggest_speakers(ctx.db, typed)
    if not close:
        return Reply(text=text + " Try a surname, e.g. /said Lavrov.", error=True)
    labels = [_speaker_label(m) for m in close]
    actions = tuple(b for m, label in zip(close, labels, strict=True)
                    if (b := make_button(ctx, "choose", label, {**then, "speaker_id": m.id})))
    if not actions:
        return Reply(text=text + f" Did you mean: {'; '.join(labels)}?")
    return Reply(text=text + " Did you mean one of these?", actions=actions)


def filters_for(q: Query, speaker_ids: tuple[int, ...] = ()) -> Filters:
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


def search_with_suggestion(ctx: Context, topic_text: str, filters: Filters,
                            candidates: int | None = None) -> tuple[list[Hit], bool, Topic, str | None]:
    topic = topic_for(ctx, topic_text)
    kwargs = {"timeout_ms": query_timeout(ctx)}
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


def page_reply(ctx: Context, hits: list[Hit], topic: Topic, offset: int, more: dict[str, Any],
          title: str, note: str | None = None) -> Reply:
    size = page_size(ctx)
    page = hits[offset: offset + size]
    cards = tuple(to_card(h, topic.words) for h in page)
    actions: list[Action] = []
    if offset + size < len(hits) and (more_button := make_button(ctx, "more", "More",
                                                                   {**more, "offset": offset + size})):
        actions.append(more_button)
    footer = f"{offset + 1}–{offset + len(page)} of {len(hits)}{'+' if more.get('full') else ''}"
    return Reply(title=title, text=note or "", cards=cards, actions=tuple(actions), footer=footer)

