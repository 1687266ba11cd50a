"""/verify: is this quote real, who said it, and how does the pasted wording differ?"""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.search import Filters, quote_by_id
from corpus.speaker_lookup import find_speakers
from corpus.verify import Match, searched_terms, strip_framing, verify_quote

from ..errors import UsageError
from ..reply import QuoteCard, Reply
from .cards import to_card
from .commands import Context, command
from .parse import parse_query

NEAR_SHOWN = 3
# Reported speech ("X said that …") is the reporter's wording: a match with it confirms what was
# reported, never that these were the speaker's own words.
REPORTED_NOTE = "Reported speech: the reporter's wording, not a verbatim quotation."


def _card(m: Match) -> QuoteCard:
    """The matching sentence(s), not the whole paragraph (/context gives that), with the diff."""
    card = to_card(m.hit)
    if m.verdict == "exact":
        note = "Exact wording."
    elif m.verdict == "close":
        note = f"{m.score:.0f}% similar. Bold: in the original, not in your version; struck: yours only."
    elif m.verdict == "reversed" and m.negation:
        note = (f"{m.score:.0f}% similar in words, opposite in meaning: “{m.negation[0] or '—'}” in the original, "
                f"“{m.negation[1] or '—'}” in yours. Bold: in the original only; struck: yours only.")
    else:
        note = f"Only {m.score:.0f}% similar."
    if m.quoting:
        note += f" {m.hit.speaker or 'The speaker'} repeats these words here (a question or a quotation)."
    if m.hit.kind == "indirect":
        note = f"{REPORTED_NOTE} {note}"
    text = m.matched if len(m.matched) < len(card.text) else card.text
    diff = m.diff if m.verdict in ("close", "reversed") else ()
    return replace(card, text=text, highlights=(), note=note, diff=diff)


def _attribution(ctx: Context, named: str | None, best: Match) -> str:
    """"Not X: Y said this." when the claim names someone else; "" when it agrees or names nobody."""
    if not named:
        return ""
    claimed = find_speakers(ctx.db, named)
    if best.hit.speaker_id is None:
        return f"The corpus does not say who said it, so it cannot confirm {named}. "
    if claimed and best.hit.speaker_id in {m.id for m in claimed}:
        return ""
    said = "was reported as saying" if best.hit.kind == "indirect" else "said"
    return f"Not {claimed[0].name if claimed else named}: {best.hit.speaker} {said} this. "


@command("verify", aliases=("check",))
def verify(ctx: Context, args: str) -> Reply:
    """Is this quote real? Finds the sentence it comes from, who said it, when and where.

    Paste it as you found it: framing such as “Putin said”, “Putin: "…"” and quote marks is taken
    off, reordered or lightly reworded sentences are found, and the card shows the difference.
    /verify "we cannot just passively observe events" — /verify Lavrov said NATO keeps moving east"""
    q = parse_query(args)
    own = re.fullmatch(r"#(\d{1,12})", q.topic.strip())
    if own:  # a card's Verify button: check that quote's own wording across the corpus
        hit = quote_by_id(ctx.db, int(own.group(1)))
        if hit is None:
            raise UsageError(f"There is no quote {own.group(0)}.")
        q = replace(q, topic=" ".join(hit.text.split())[:300], speaker=q.speaker or hit.speaker)
    claim = strip_framing(q.topic)
    named = claim.speaker or q.speaker
    if len(claim.text.split()) < 3:
        raise UsageError('Give me the quote to check, at least a few words: /verify "the exact words"')
    filters = Filters(since=q.since, until=q.until, source=q.source, kind=q.kind)
    timeout = int(ctx.settings["QUOTEBOT_QUERY_TIMEOUT_MS"])
    matches = verify_quote(ctx.db, claim.text, filters, timeout_ms=timeout)
    searched = f"Searched for “{claim.text[:200]}”" + (f" (framing “{named}” taken off)" if claim.speaker else "")
    if not matches:
        near = verify_quote(ctx.db, claim.text, filters, timeout_ms=timeout, limit=NEAR_SHOWN, near=True)
        terms = ", ".join(searched_terms(ctx.db, claim.text)) or "none indexed"
        text = (f"{searched}: every quote sharing its rarest words ({terms}). Nothing is close. That does not "
                "prove it was never said — only that no article here has it.")
        if near:
            text += " The nearest wordings are below."
        return Reply(title="Not in the corpus", text=text, cards=tuple(_card(m) for m in near))
    originals = [m for m in matches if not m.quoting]
    # The speaker's own words lead when they match as well as a report of them does.
    verbatim = [m for m in originals if m.hit.kind != "indirect" and m.verdict == originals[0].verdict]
    best = verbatim[0] if verbatim else originals[0] if originals else matches[0]
    who = best.hit.speaker or "an unattributed speaker"
    if best.quoting:  # nobody's own words here: no "Not X" verdict either way
        headline = (f"Found only as a repetition: {who} repeats these words (in a question or a quotation); "
                    "who said them first is not in the corpus"
                    + (f", so it can neither confirm nor rule out {named}." if named else "."))
        named = None
    elif best.hit.kind == "indirect" and best.verdict != "reversed":
        # Never "Real": the stored words are a paraphrase, so they confirm a report, not a quotation.
        headline = (f"Matches reported speech, not a verbatim quote: {who} was reported as saying this"
                    + ("." if best.verdict == "exact" else f" ({best.score:.0f}% similar)."))
    elif best.verdict == "exact":
        headline = f"Real: {who} said this."
    elif best.verdict == "reversed" and best.negation:
        # Similar words, the opposite statement: nobody here said the claim, so no "Not X: Y said this" either.
        original, yours = best.negation
        headline = (f"Not as worded: the nearest sentence, {who}'s, says the opposite "
                    f"(“{original or '—'}” where yours has “{yours or '—'}”).")
        named = None
    else:
        headline = f"Close, but not exact: {who} said something like this ({best.score:.0f}% similar)."
    headline = _attribution(ctx, named, best) + headline
    others = [m for m in matches if m is not best]
    quoted_by = [m for m in others if m.quoting and m.hit.speaker and m.hit.speaker_id != best.hit.speaker_id]
    text = searched + "."
    if quoted_by:
        text += " " + "; ".join(f"{m.hit.speaker} quoted it back (#{m.hit.id})" for m in quoted_by[:2]) + "."
    return Reply(title=headline, text=text, cards=tuple(_card(m) for m in [best, *others]))
