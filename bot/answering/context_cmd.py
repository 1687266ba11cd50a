"""/context: a quote's receipt — the exchange it belongs to and the article it comes from."""

from __future__ import annotations

import re

from corpus.attribution import attribution_of
from corpus.exchange import Passage, exchange
from corpus.search import quote_by_id

from ..errors import UsageError
from ..reply import Reply
from .cards import to_card
from .commands import Context, command


def _label(p: Passage, where: str) -> str:
    if p.kind == "question" and p.speaker:
        return f"{where} — {p.speaker} asked:"
    if p.speaker:
        return f"{where} — {p.speaker}:"
    return f"{where}:"


@command("context", aliases=("ctx",))
def context(ctx: Context, args: str) -> Reply:
    """A quote's receipt: the question or paragraph before it, its paragraph, the one after, and the article.

    /context 123 — the number is the one every quote card shows (#123)"""
    m = re.match(r"^#?(\d{1,12})$", args.strip())
    if not m:
        raise UsageError("Which quote? Give its number: /context 123")
    return run_context(ctx, int(m.group(1)))


def run_context(ctx: Context, quote_id: int) -> Reply:
    ex = exchange(ctx.db, quote_id)
    if ex is None:
        return Reply(text=f"There is no quote #{quote_id}.", error=True)
    hit = ex.hit
    source = " · ".join(x for x in (hit.title, hit.published, hit.source) if x)
    parts = [f"From: {source}" + (f"\n{hit.url}" if hit.url else "")]
    if ex.before:
        parts.append(f"{_label(ex.before, 'Before')}\n{ex.before.text}")
    parts.append(f"The paragraph of #{quote_id}:\n{ex.paragraph}")
    evidence = attribution_of(ctx.db, quote_id)
    if evidence is not None:
        parts.append(f"Who said it: {evidence.explain()}")  # the receipt for the name on the card
    footer = f"{_label(ex.after, 'After')} {ex.after.text}" if ex.after else "After: (end of the article)"
    return Reply(title=f"Context of #{quote_id}", text="\n\n".join(parts), cards=(to_card(hit),), footer=footer)


@command("card", hidden=True)
def card(ctx: Context, args: str) -> Reply:
    """One quote's card, to share it as it is (a card's "Share to channel" button).

    /card 123"""
    m = re.match(r"^#?(\d{1,12})$", args.strip())
    hit = quote_by_id(ctx.db, int(m.group(1))) if m else None
    if hit is None:
        return Reply(text="There is no such quote.", error=True)
    return Reply(cards=(to_card(hit),))
