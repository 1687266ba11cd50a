"""The console adapter: render a Reply for a terminal, or as JSON for scripts."""

from __future__ import annotations

from typing import Any

from bot.reply import QuoteCard, Reply, Request, card_label, format_card_plain, is_quotation, reported


def to_request(text: str) -> Request:
    return Request(text=text, platform="console", chat_id="console", user_id="console", private=True, admin=True)


def _card_json(card: QuoteCard) -> dict[str, Any]:
    return {
        "id": card.id, "text": card.text, "speaker": card.speaker, "role": card.role,
        "published": card.published, "source": card.source, "title": card.title, "url": card.url,
        "kind": card.kind, "confidence": card.confidence, "count": card.count, "note": card.note,
        "diff": [list(d) for d in card.diff],
        "highlights": [list(h) for h in card.highlights],
        # Reported speech is no quotation: a client must not put it in quote marks.
        "is_quotation": is_quotation(card), "label": card_label(card),
        "display": (" ".join(reported(card)) if not is_quotation(card) else card.text),
    }


def render_json(reply: Reply) -> dict[str, Any]:
    """The JSON form of a Reply: quotes listed with text, speaker, published, source, url, id."""
    return {
        "title": reply.title, "text": reply.text, "error": reply.error, "footer": reply.footer,
        "quotes": [_card_json(c) for c in reply.cards],
        "actions": [{"kind": a.kind, "label": a.label, "token": a.token} for a in reply.actions],
    }


def _highlight(text: str, spans: tuple[tuple[int, int], ...], color: bool) -> str:
    if not color or not spans:
        return text
    out, pos = [], 0
    for s, e in spans:
        out.append(text[pos:s] + "\x1b[1m" + text[s:e] + "\x1b[0m")
        pos = e
    return "".join(out) + text[pos:]


def render_text(reply: Reply, *, color: bool = False) -> str:
    """Readable terminal text; buttons are listed as numbered choices."""
    parts: list[str] = []
    if reply.title:
        parts.append(("\x1b[1m" + reply.title + "\x1b[0m") if color else reply.title)
    if reply.text:
        parts.append(reply.text)
    for card in reply.cards:
        parts.append(format_card_plain(card, _highlight(card.text, card.highlights, color)))
    if reply.footer:
        parts.append(reply.footer)
    if reply.actions:
        parts.append("  ".join(f"[{i}] {a.label}" for i, a in enumerate(reply.actions, 1)))
    return "\n\n".join(parts)
