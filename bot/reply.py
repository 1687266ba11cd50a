"""The transport-neutral request and reply every adapter speaks.

Adapters build a :class:`Request` from a native event, call the core, and render the
:class:`Reply`: they escape, split to their platform's limits and turn :class:`Action`
buttons into native buttons. An action's ``token`` is opaque and short (Telegram allows
64 bytes of callback data); the core keeps the state behind it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Platform = Literal["telegram", "slack", "console"]
ActionKind = Literal["more", "context", "choose", "command"]


@dataclass(frozen=True, slots=True)
class Request:
    """One user message, as the core sees it."""

    text: str
    platform: Platform = "console"
    chat_id: str = "console"
    user_id: str = "console"
    private: bool = True  # a direct message: plain language is parsed, not only commands
    admin: bool = True  # may change this chat's settings (digest, follows in groups)
    page_size: int = 0  # quotes per page; 0: the QUOTEBOT_PAGE_SIZE setting


@dataclass(frozen=True, slots=True)
class QuoteCard:
    """One quote with everything needed to cite it."""

    id: int
    text: str
    speaker: str | None  # None: unattributed
    role: str | None = None
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    kind: str = "direct"
    confidence: float = 0.0
    highlights: tuple[tuple[int, int], ...] = ()  # spans of ``text`` that matched the query
    count: int | None = None  # /who: how many quotes this speaker has on the topic
    note: str | None = None  # /verify: "exact match", "close: 2 words differ", a diff
    # /verify: the corpus sentence against the claim, word by word: ("same" | "original" | "claim", words).
    diff: tuple[tuple[str, str], ...] = ()
    # Reported speech whose report names a stance ("called for", "endorsed"): shown after that verb,
    # "X called for …", never "X said that …".
    predicate: str | None = None


@dataclass(frozen=True, slots=True)
class Action:
    """An abstract button: adapters render it natively and send ``token`` back when pressed."""

    kind: ActionKind
    label: str
    token: str


@dataclass(frozen=True, slots=True)
class Reply:
    """What the core answers. An empty result is a normal reply; ``error`` marks a refusal."""

    text: str = ""
    title: str | None = None
    cards: tuple[QuoteCard, ...] = ()
    actions: tuple[Action, ...] = ()
    footer: str | None = None  # "and 12 others", "Page 2"
    error: bool = False
    image: bytes | None = None  # a PNG (the digest's chart); adapters post it with ``title`` as caption

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["image"] = f"<PNG, {len(self.image)} bytes>" if self.image else None
        return data

    def plain_text(self) -> str:
        """A readable plain-text rendering (console, notification fallbacks)."""
        parts: list[str] = []
        if self.title:
            parts.append(self.title)
        if self.text:
            parts.append(self.text)
        for card in self.cards:
            parts.append(format_card_plain(card))
        if self.footer:
            parts.append(self.footer)
        if self.actions:
            parts.append("  ".join(f"[{a.label}]" for a in self.actions))
        return "\n\n".join(parts)


def card_byline(card: QuoteCard) -> str:
    """"Sergey Lavrov (Russian Foreign Minister) · 2022-11-09 · TASS" — shared wording for adapters."""
    who = card.speaker or "Unattributed"
    if card.role:
        who += f" ({card.role})"
    bits = [who]
    if card.published:
        bits.append(card.published)
    if card.source:
        bits.append(card.source)
    return " · ".join(bits)


PARAPHRASE_LABEL = "Paraphrase: reported speech, not the speaker's own words"
QUESTION_LABEL = "Question"


def is_quotation(card: QuoteCard) -> bool:
    """Whether the card's text may be shown as the speaker's own words (in quote marks, a
    blockquote). Reported speech ("Putin said that …") never is: a reporter would publish it
    as a quotation."""
    return card.kind != "indirect"


def card_label(card: QuoteCard) -> str | None:
    """What every surface writes above a card that is not a plain statement in the speaker's words."""
    if card.kind == "indirect":
        return PARAPHRASE_LABEL
    if card.kind == "question":
        return QUESTION_LABEL
    return None


def reported(card: QuoteCard, text: str | None = None) -> tuple[str, str]:
    """Reported speech as a sentence without quote marks: ("Vladimir Putin said that", "the plan …"), or
    with the stance the report names ("Vladimir Putin called for", "new talks …").
    The speaker part and the reported text stay apart so renderers can escape and style each."""
    body = " ".join((card.text if text is None else text).split())
    who = card.speaker or "Someone (unattributed)"
    if card.predicate:
        return f"{who} {card.predicate}", body
    lead = f"{who} said" if body.lower().startswith(("that ", "…that ")) else f"{who} said that"
    return lead, body


def format_card_plain(card: QuoteCard, quote: str | None = None) -> str:
    """A card as plain text; ``quote`` replaces the quote's text (e.g. with terminal highlighting).

    Direct speech and transcript turns stand in curly quotes; reported speech is a sentence
    ("X said that …") under a paraphrase label, never in quote marks; a question is labelled."""
    body = quote if quote is not None else " ".join(card.text.split())
    label = card_label(card)
    if is_quotation(card):
        first = f"“{body}”"
    else:
        lead, _ = reported(card)
        first = f"{lead} {body}"
    lines = ([f"[{label}]"] if label else []) + [first, f"  — {card_byline(card)}"]
    if card.count is not None:
        lines[-1] += f" · {card.count} quote{'s' if card.count != 1 else ''}"
    if card.title:
        lines.append(f"  {card.title}")
    if card.url:
        lines.append(f"  {card.url}")
    if card.note:
        lines.append(f"  {card.note}")
    if card.diff:
        lines.append("  Diff ({+original only+} [-yours only-]): " + diff_plain(card.diff))
    lines.append(f"  [#{card.id}]")
    return "\n".join(lines)


def diff_plain(diff: tuple[tuple[str, str], ...]) -> str:
    """A /verify word diff as plain text: {+words only in the original+} [-words only in the claim-]."""
    marks = {"same": "{}", "original": "{{+{}+}}", "claim": "[-{}-]"}
    return " ".join(marks.get(op, "{}").format(words) for op, words in diff)
