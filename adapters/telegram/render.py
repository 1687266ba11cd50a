"""Render a core Reply as Telegram HTML messages with an inline keyboard.

Telegram limits one message to 4096 characters *after entity parsing*, counted in UTF-16 code
units (an emoji is two). We keep the raw HTML under that too, so a message is never rejected,
and split only between blocks (a card, a paragraph) so no tag is ever cut open.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.reply import Action, QuoteCard, Reply, card_byline

MAX_UNITS = 4096  # https://core.telegram.org/bots/api#sendmessage: 1-4096 characters after entities parsing
CALLBACK_LIMIT = 64  # bytes of callback_data
PREFIX = {"more": "m", "context": "c", "choose": "s", "command": "x"}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True, slots=True)
class Message:
    html: str
    markup: InlineKeyboardMarkup | None = None


def _highlighted(card: QuoteCard) -> str:
    out, pos = [], 0
    for s, e in card.highlights:
        out.append(escape(card.text[pos:s]) + "<b>" + escape(card.text[s:e]) + "</b>")
        pos = e
    return "".join(out) + escape(card.text[pos:])


def render_card(card: QuoteCard) -> str:
    """A quote as a blockquote, the speaker in bold, then date, source, title link and ID."""
    who = escape(card.speaker) if card.speaker else "<i>Unattributed</i>"
    byline = card_byline(card)
    rest = escape(byline[len(card.speaker or "Unattributed"):])
    meta = f"— <b>{who}</b>{rest}"
    if card.count is not None:
        meta += f" · {card.count} quote{'s' if card.count != 1 else ''}"
    lines = [f"<blockquote>{_highlighted(card)}</blockquote>", meta]
    if card.title and card.url:
        lines.append(f'<a href="{escape(card.url, quote=True)}">{escape(card.title)}</a>')
    elif card.title:
        lines.append(f"<i>{escape(card.title)}</i>")
    elif card.url:
        lines.append(f'<a href="{escape(card.url, quote=True)}">source</a>')
    if card.note:
        lines.append(escape(card.note))
    lines.append(f"<code>#{card.id}</code> · /context {card.id}")
    return "\n".join(lines)


def callback_data(action: Action) -> str:
    data = f"{PREFIX.get(action.kind, 'x')}:{action.token}"
    if len(data.encode()) > CALLBACK_LIMIT:
        raise ValueError("callback_data over Telegram's 64-byte limit")
    return data


def keyboard(actions: tuple[Action, ...]) -> InlineKeyboardMarkup | None:
    if not actions:
        return None
    rows = [[InlineKeyboardButton(a.label[:64], callback_data=callback_data(a))] for a in actions]
    return InlineKeyboardMarkup(rows)


def _blocks(reply: Reply) -> list[str]:
    blocks: list[str] = []
    if reply.title:
        blocks.append(f"<b>{escape(reply.title)}</b>")
    if reply.text:
        blocks.extend(escape(p) for p in reply.text.split("\n\n") if p.strip())
    blocks.extend(render_card(c) for c in reply.cards)
    if reply.footer:
        blocks.append(f"<i>{escape(reply.footer)}</i>")
    return blocks or ["…"]


def _split_plain(block: str, limit: int) -> list[str]:
    """A single over-long block (escaped text, no tags crossing it) cut at spaces."""
    out: list[str] = []
    while utf16_len(block) > limit:
        cut = limit
        while utf16_len(block[:cut]) > limit:
            cut -= 1
        space = block.rfind(" ", 0, cut)
        cut = space if space > limit // 2 else cut
        while "&" in block[max(0, cut - 8):cut] and ";" not in block[block.rfind("&", 0, cut):cut]:
            cut = block.rfind("&", 0, cut)  # never split an HTML entity
        out.append(block[:cut])
        block = block[cut:].lstrip()
    return [*out, block] if block else out


def render(reply: Reply, limit: int = MAX_UNITS) -> list[Message]:
    """The reply as one or more messages; the keyboard rides on the last one."""
    chunks: list[str] = []
    current = ""
    for block in _blocks(reply):
        # Only an escaped text paragraph can be this long (cards are bounded in the core, titles
        # and footers are short) and it holds no tags, so cutting it at a space is safe.
        pieces = _split_plain(block, limit) if utf16_len(block) > limit else [block]
        for piece in pieces:
            candidate = f"{current}\n\n{piece}" if current else piece
            if utf16_len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = piece
    if current:
        chunks.append(current)
    markup = keyboard(reply.actions)
    return [Message(c, markup if i == len(chunks) - 1 else None) for i, c in enumerate(chunks)]
