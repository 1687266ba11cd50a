"""Render a core Reply as Slack Block Kit, always with a plain-text fallback.

Limits obeyed (https://api.slack.com/reference/block-kit/blocks): at most 50 blocks per message,
3,000 characters in a section's text, 150 in a header, 25 elements in an actions block, 2,000 in a
button's value; mrkdwn needs ``&``, ``<`` and ``>`` escaped.
"""

from __future__ import annotations

from typing import Any

from bot.reply import QuoteCard, Reply, card_byline, card_label, is_quotation, reported

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_TEXT = 3000  # the fallback text we send (Slack truncates far later, at 40,000)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _quote_mrkdwn(card: QuoteCard) -> str:
    out, pos = [], 0
    for s, e in card.highlights:
        out.append(escape(card.text[pos:s]) + "*" + escape(card.text[s:e]) + "*")
        pos = e
    body = "".join(out) + escape(card.text[pos:])
    label = card_label(card)
    head = f"_{escape(label)}_\n" if label else ""
    if not is_quotation(card):  # reported speech: a sentence, never a "> " quotation
        lead, _ = reported(card)
        return _cut(head + escape(lead) + " " + body.replace("\n", " "), MAX_SECTION)
    return _cut(head + "> " + body.replace("\n", "\n> "), MAX_SECTION)


def card_blocks(card: QuoteCard) -> list[dict[str, Any]]:
    """The speaker in bold on the card's first line, the quote, any note, the citation, and the
    card's own buttons (Context, Verify, Share to channel); a divider ends the card."""
    byline = card_byline(card)
    who = f"*{escape(card.speaker)}*" if card.speaker else "_Unattributed_"
    first = who + escape(byline[len(card.speaker or "Unattributed"):])
    if card.count is not None:
        first += f" · {card.count} quote{'s' if card.count != 1 else ''}"
    cite = f"<{escape(card.url)}|{escape(_cut(card.title or 'source', 150))}>" if card.url else (
        f"_{escape(_cut(card.title, 150))}_" if card.title else "")
    cite = (cite + " · " if cite else "") + f"#{card.id}"
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": _cut(first, MAX_SECTION)}},
        {"type": "section", "text": {"type": "mrkdwn", "text": _quote_mrkdwn(card)}},
    ]
    if card.note:
        note = escape(card.note)
        if card.diff:  # /verify: bold in the original only, struck in the claim only
            marks = {"original": "*", "claim": "~"}
            note += "\n" + " ".join(marks.get(op, "") + escape(w) + marks.get(op, "") for op, w in card.diff)
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut(note, MAX_SECTION)}})
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _cut(cite, MAX_SECTION)}]})
    blocks.append({"type": "actions", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": label},
         "action_id": f"qb_card_{op}_{card.id}", "value": f"{op}:{card.id}"}
        for op, label in (("context", "Context"), ("verify", "Verify"), ("share", "Share to channel"))
    ]})
    blocks.append({"type": "divider"})
    return blocks


def render(reply: Reply) -> dict[str, Any]:
    """``{"blocks": [...], "text": fallback}`` within Slack's limits."""
    head: list[dict[str, Any]] = []
    if reply.title:
        head.append({"type": "header", "text": {"type": "plain_text", "text": _cut(reply.title, MAX_HEADER)}})
    if reply.text:
        for para in [p for p in reply.text.split("\n\n") if p.strip()][:5]:
            head.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut(escape(para), MAX_SECTION)}})
    tail: list[dict[str, Any]] = []
    if reply.footer:
        tail.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _cut(escape(reply.footer), 300)}]})
    if reply.actions:
        tail.append({"type": "actions", "elements": [
            {"type": "button", "text": {"type": "plain_text", "text": _cut(a.label, 75)},
             "action_id": f"qb_{a.kind}_{i}", "value": a.token[:2000]}
            for i, a in enumerate(reply.actions[:25])
        ]})
    body: list[dict[str, Any]] = []
    room = MAX_BLOCKS - len(head) - len(tail)
    for card in reply.cards:
        blocks = card_blocks(card)
        if len(body) + len(blocks) > room:
            break
        body.extend(blocks)
    return {"blocks": head + body + tail, "text": _cut(reply.plain_text() or "…", MAX_TEXT)}
