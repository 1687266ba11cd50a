"""A user's topic parsed: its words, phrases and alias alternatives, the words to highlight.

User text never reaches a query language as syntax: :func:`match_expression` keeps words and
phrases, and :mod:`corpus.query` builds the index query from them in code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .clean import fold_spaces

MAX_TERMS = 12  # words of a topic used for matching; the rest of a 10,000-character query is ignored
MAX_QUERY_CHARS = 500
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\*?", re.UNICODE)
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "about",
        "say",
        "said",
        "says",
    ]
)


@dataclass(frozen=True, slots=True)
class Topic:
    """A parsed topic: its words, phrases and alias alternatives (what the index query is built from)
    and the words to highlight. ``expression`` is the topic in one canonical line (quoted words
    ANDed, aliases ORed; never sent to an engine as syntax)."""

    expression: str | None  # None: no searchable words (then only filters apply)
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = field(default_factory=tuple)
    terms: tuple[str, ...] = ()  # the words ANDed beside the phrases (``word*`` kept as a prefix)


def _fts_string(word: str) -> str:
    prefix = word.endswith("*")
    core = word.rstrip("*").replace('"', "")
    return f'"{core}"' + ("*" if prefix and len(core) >= 2 else "")


def match_expression(text: str, aliases: Sequence[str] = ()) -> Topic:
    """Parse a user's topic (its canonical ``expression`` is written in FTS5-like syntax, quoted words).

    ``"climate change"`` in double quotes is a phrase; other words are ANDed; ``word*`` is a
    prefix. Stopwords are dropped unless nothing else is left. ``aliases`` (other names of
    the same entity, "North Atlantic Treaty Organization" for NATO) are ORed in as phrases.
    """
    text = fold_spaces(text)[:MAX_QUERY_CHARS]
    phrases = [p.strip() for p in re.findall(r'"([^"]+)"', text) if p.strip()]
    rest = re.sub(r'"[^"]*"?', " ", text)
    words = [w for w in WORD.findall(rest)]
    content = [w for w in words if w.lower().rstrip("*") not in STOPWORDS] or words
    parts: list[str] = []
    for phrase in phrases[:MAX_TERMS]:
        tokens = [w.rstrip("*") for w in WORD.findall(phrase)][:MAX_TERMS]
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
    parts.extend(_fts_string(w) for w in content[: max(0, MAX_TERMS - len(parts))])
    if not parts:
        return Topic(None)
    expression = " AND ".join(parts)
    alt = []
    for alias in aliases:
        tokens = [w.rstrip("*") for w in WORD.findall(fold_spaces(alias))][:MAX_TERMS]
        if tokens:
            alt.append('"' + " ".join(tokens) + '"')
    if alt:
        expression = "(" + " OR ".join([f"({expression})", *alt]) + ")"
    highlight = tuple(w.rstrip("*") for w in content) + tuple(a for a in aliases)
    terms = tuple(content[: max(0, MAX_TERMS - len(phrases[:MAX_TERMS]))])
    return Topic(expression, highlight, tuple(phrases[:MAX_TERMS]), tuple(aliases), terms)
