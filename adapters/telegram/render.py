"""Render a core Reply as Telegram HTML messages with an inline keyboard.

Telegram limits one message to 4096 characters *after entity parsing*, counted in UTF-16 code
units (an emoji is two). We keep the raw HTML under that too, so a message is never rejected.
Messages are split between blocks (a card, a paragraph); a block longer than a whole message is
cut in its text at a space, closing the tags open there and reopening them in the next message,
so no tag or entity is ever cut open. Titles and URLs in cards are bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.reply import Action, QuoteCard, Reply, card_byline, card_label, is_quotation, reported

MAX_UNITS = 4096  # https://core.telegram.org/bots/api#sendmessage: 1-4096 characters after entities parsing
CALLBACK_LIMIT = 64  # bytes of callback_data
PREFIX = {"more": "m", "context": "c", "choose": "s", "command": "x"}
MAX_TITLE = 200  # characters of an article title shown in a card
MAX_URL = 1000  # escaped characters; a longer link is not one a reader follows: the title is shown without it
_TOKEN = re.compile(r"<[^>]*>|&[#\w]+;|[^<&]+|&")


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


def _bounded(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_card(card: QuoteCard) -> str:
    """A quote as a blockquote, the speaker in bold, then date, source, title link and ID.
    Reported speech is a labelled sentence ("X said that …"), a question is labelled."""
    who = escape(card.speaker) if card.speaker else "<i>Unattributed</i>"
    byline = card_byline(card)
    rest = escape(byline[len(card.speaker or "Unattributed"):])
    meta = f"— <b>{who}</b>{rest}"
    if card.count is not None:
        meta += f" · {card.count} quote{'s' if card.count != 1 else ''}"
    label = card_label(card)
    if is_quotation(card):
        lines = [f"<blockquote>{_highlighted(card)}</blockquote>", meta]
    else:  # reported speech: a sentence, never a blockquote a reader could take for the words spoken
        lead, _ = reported(card)
        lines = [f"{escape(lead)} {_highlighted(card)}", meta]
    if label:
        lines.insert(0, f"<i>{escape(label)}</i>")
    title = _bounded(card.title, MAX_TITLE) if card.title else None
    url = card.url if card.url and len(escape(card.url, quote=True)) <= MAX_URL else None
    if title and url:
        lines.append(f'<a href="{escape(url, quote=True)}">{escape(title)}</a>')
    elif title:
        lines.append(f"<i>{escape(title)}</i>")
    elif url:
        lines.append(f'<a href="{escape(url, quote=True)}">source</a>')
    if card.note:
        lines.append(escape(card.note))
    if card.diff:  # /verify: bold in the original only, struck in the claim only
        tags = {"original": ("<b>", "</b>"), "claim": ("<s>", "</s>")}
        lines.append(" ".join(tags.get(op, ("", ""))[0] + escape(w) + tags.get(op, ("", ""))[1]
                              for op, w in card.diff))
    lines.append(f"<code>#{card.id}</code>")  # its Context button is on the keyboard
    return "\n".join(lines)


def inline_title(card: QuoteCard) -> str:
    """An inline result's title: the speaker and date, then what kind of speech it is."""
    title = f"{card.speaker or 'Unattributed'}" + (f" · {card.published}" if card.published else "")
    return title + (" · paraphrase" if card.kind == "indirect" else " · question" if card.kind == "question" else "")


def inline_description(card: QuoteCard) -> str:
    """An inline result's one-line preview: reported speech as "X said that …", never quoted."""
    if is_quotation(card):
        return ("Question: " if card.kind == "question" else "") + f"“{card.text[:200]}”"
    lead, body = reported(card)
    return f"Paraphrase: {lead} {body}"[:220]


def callback_data(action: Action) -> str:
    data = f"{PREFIX.get(action.kind, 'x')}:{action.token}"
    if len(data.encode()) > CALLBACK_LIMIT:
        raise ValueError("callback_data over Telegram's 64-byte limit")
    return data


CARD_CONTEXT = "k"  # callback_data "k:<quote id>": the Context button of a card


def keyboard(actions: tuple[Action, ...], cards: tuple[QuoteCard, ...] = ()) -> InlineKeyboardMarkup | None:
    """The reply's buttons, then a Context button for each card (three to a row)."""
    rows = [[InlineKeyboardButton(a.label[:64], callback_data=callback_data(a))] for a in actions]
    context = [InlineKeyboardButton(f"Context #{c.id}", callback_data=f"{CARD_CONTEXT}:{c.id}") for c in cards]
    rows.extend(context[i:i + 3] for i in range(0, len(context), 3))
    return InlineKeyboardMarkup(rows) if rows else None


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


def _tag_name(tag: str) -> str:
    return tag.strip("</>").split()[0].lower() if tag.strip("</>").split() else ""


def _split_block(block: str, limit: int) -> list[str]:
    """An over-long block cut in its text (at a space where one is near), never inside a tag or an
    entity; tags open at a cut are closed there and reopened at the start of the next piece."""
    pieces: list[str] = []
    open_tags: list[str] = []  # the opening tags, as written, of the elements around the cursor
    current = ""

    def closing() -> str:
        return "".join(f"</{_tag_name(t)}>" for t in reversed(open_tags))

    def flush() -> None:
        nonlocal current
        if _has_text(current):  # a piece of bare tags would be an empty message, which Telegram refuses
            pieces.append(current + closing())
        current = "".join(open_tags)
        if utf16_len(current) + utf16_len(closing()) > limit // 2:
            raise ValueError("tags around this text are too long to split it")  # never for our own markup

    for token in _TOKEN.findall(block):
        if token.startswith("<"):
            if utf16_len(current + token) + utf16_len(closing()) + 16 > limit:
                flush()
            current += token
            if token.startswith("</"):
                if open_tags:
                    open_tags.pop()
            elif not token.endswith("/>"):
                open_tags.append(token)
            continue
        text = token
        while text:
            room = limit - utf16_len(current) - utf16_len(closing())
            if utf16_len(text) <= room:
                current += text
                break
            if token.startswith("&") or room < 1:  # an entity is never cut: it starts the next piece
                flush()
                continue
            cut = room
            while cut > 0 and utf16_len(text[:cut]) > room:
                cut -= 1
            space = text.rfind(" ", 0, cut)
            cut = space if space > cut // 2 else cut
            if cut <= 0:
                flush()
                continue
            current += text[:cut]
            text = text[cut:].lstrip(" ")
            flush()
    if _has_text(current):
        pieces.append(current + closing())
    return pieces


def _has_text(html: str) -> bool:
    return bool(re.sub(r"<[^>]*>", "", html).strip())


def render(reply: Reply, limit: int = MAX_UNITS) -> list[Message]:
    """The reply as one or more messages; the keyboard rides on the last one."""
    chunks: list[str] = []
    current = ""
    for block in _blocks(reply):
        pieces = _split_block(block, limit) if utf16_len(block) > limit else [block]
        for piece in pieces:
            candidate = f"{current}\n\n{piece}" if current else piece
            if utf16_len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = piece
    if current:
        chunks.append(current)
    markup = keyboard(reply.actions, reply.cards)
    return [Message(c, markup if i == len(chunks) - 1 else None) for i, c in enumerate(chunks)]
