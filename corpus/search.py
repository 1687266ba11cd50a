"""Search the quote corpus: topics, speakers, filters — exact ranking at any corpus size.

User text never reaches a query language as syntax: every word is analysed and becomes a term of
a query built in code (:mod:`corpus.query`), so ``NOT``, ``*``, ``NEAR(`` and unbalanced quotes are
just words. Digests and follows match through the same index (:mod:`corpus.matches`); there is no
FTS5 table any more (migration 008).

A topic is answered by the tantivy index beside the database (:mod:`corpus.index`) with the
exact top-k of :mod:`corpus.ranking`'s formula over every match; a question with filters only
(``/said Lavrov``, ``/quote from:Lavrov``) by SQLite's ``(speaker_id, published)`` index, newest
first. Every query also runs under a time limit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from .clean import fold_spaces
from .deadline import time_limit
from .speaker_roles import roles_for

if TYPE_CHECKING:
    from .who import Who

CANDIDATES = 50  # results per answer (distinct wordings): ten pages of five through "More"
MAX_TERMS = 12  # words of a topic used for matching; the rest of a 10,000-character query is ignored
MAX_QUERY_CHARS = 500
SUBSTANTIVE = 0.5  # corpus.quality at or above which a quote is a statement worth leading with
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\*?", re.UNICODE)
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
class Filters:
    speaker_ids: tuple[int, ...] = ()
    since: str | None = None  # ISO date prefix, inclusive
    until: str | None = None
    source: str | None = None
    kind: str | None = None
    unattributed_ok: bool = True


NO_FILTERS = Filters()


@dataclass(frozen=True, slots=True)
class Hit:
    id: int
    text: str
    speaker_id: int | None
    speaker: str | None
    role: str | None
    kind: str
    confidence: float
    published: str | None
    source: str | None
    title: str | None
    url: str | None
    article_id: int
    start: int
    end: int
    quality: float = 0.5  # corpus.quality: how substantive (questions, courtesies, fragments are low)
    cue: str | None = None  # the verb that reported it ("said", "called for")
    score: float = 0.0
    sources: tuple[str, ...] = ()  # every source of this exact wording, when republished
    # Every part of the utterance this quote belongs to, in text order, when narration split it
    # ("“A,” he said, “B.”"): a card shows them as one, "A … B". Empty for a quote that stands alone.
    parts: tuple[str, ...] = ()


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
    words = [w for w in _WORD.findall(rest)]
    content = [w for w in words if w.lower().rstrip("*") not in STOPWORDS] or words
    parts: list[str] = []
    for phrase in phrases[:MAX_TERMS]:
        tokens = [w.rstrip("*") for w in _WORD.findall(phrase)][:MAX_TERMS]
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
    parts.extend(_fts_string(w) for w in content[: max(0, MAX_TERMS - len(parts))])
    if not parts:
        return Topic(None)
    expression = " AND ".join(parts)
    alt = []
    for alias in aliases:
        tokens = [w.rstrip("*") for w in _WORD.findall(fold_spaces(alias))][:MAX_TERMS]
        if tokens:
            alt.append('"' + " ".join(tokens) + '"')
    if alt:
        expression = "(" + " OR ".join([f"({expression})", *alt]) + ")"
    highlight = tuple(w.rstrip("*") for w in content) + tuple(a for a in aliases)
    terms = tuple(content[: max(0, MAX_TERMS - len(phrases[:MAX_TERMS]))])
    return Topic(expression, highlight, tuple(phrases[:MAX_TERMS]), tuple(aliases), terms)


_SELECT = """
    SELECT q.id, q.text, q.speaker_id, s.name, q.role, q.kind, q.confidence,
           q.published, a.source, a.title, a.url, q.article_id, q.start, q."end",
           q.quality, q.cue
    FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
"""


def _filter_sql(f: Filters, alias: str = "q") -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if f.speaker_ids:
        clauses.append(f"{alias}.speaker_id IN ({','.join('?' * len(f.speaker_ids))})")
        params.extend(f.speaker_ids)
    if f.since or f.until:
        # A date filter admits dated quotes only: a year-less date ("--11-09", from a dateline with
        # no year) sorts before every digit, so it would pass any `until:` (ranking.day_key gives it 0).
        clauses.append(f"{alias}.published >= ?")
        params.append(f.since or "0")
    if f.until:
        clauses.append(f"{alias}.published <= ?")
        params.append(f.until + "\uffff")  # an inclusive prefix: until:2021-11 includes 2021-11-30
    if f.kind:
        clauses.append(f"{alias}.kind = ?")
        params.append(f.kind)
    if f.source:
        clauses.append(f"{alias}.article_id IN (SELECT id FROM articles WHERE source = ? COLLATE NOCASE)")
        params.append(f.source)
    return (" AND ".join(clauses), params)


def _hits(db: Database, ids_scores: Sequence[tuple[int, float]]) -> list[Hit]:
    if not ids_scores:
        return []
    scores = dict(ids_scores)
    rows = db.execute(_SELECT + f" WHERE q.id IN ({','.join('?' * len(scores))})", list(scores)).fetchall()
    parts = _utterance_parts(db, list(scores))
    return [Hit(*row, score=scores[row[0]], parts=parts.get(row[0], ()))  # type: ignore[misc]
            for row in _dated_roles(db, rows)]


def _utterance_parts(db: Database, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """For each of ``ids`` that is a part of a split utterance, the texts of all its parts in order
    (one query over the ``quotes_utterance`` index; a lone quote is absent)."""
    out: dict[int, list[str]] = {}
    for qid, text in db.execute(
            "SELECT q.id, p.text FROM quotes q JOIN quotes p ON p.utterance_id = q.utterance_id "
            f"WHERE q.id IN ({','.join('?' * len(ids))}) AND q.utterance_id IS NOT NULL ORDER BY q.id, p.start",
            list(ids)):
        out.setdefault(qid, []).append(text)
    return {k: tuple(v) for k, v in out.items() if len(v) > 1}


def _dated_roles(db: Database, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Each hit's role as of its date: the quote's own, else the speaker's role then (never a stale
    one: Medvedev's 2017 quotes show "Prime Minister", not his 2010 "President of Russia")."""
    roles = roles_for(db, [(r[2], r[7], r[4]) for r in rows])
    return [(*r[:4], role, *r[5:]) for r, role in zip(rows, roles, strict=True)]


def search(
    db: Database,
    topic: Topic,
    filters: Filters = NO_FILTERS,
    *,
    candidates: int = CANDIDATES,
    timeout_ms: int = 2000,
) -> tuple[list[Hit], bool]:
    """Matching quotes, best first (at most ``candidates``), and whether more exist."""
    if topic.expression is not None:
        from .engine import ranked_search  # engine builds on this module's types

        with time_limit(db, timeout_ms):
            return ranked_search(db, topic, filters, candidates)
    where, params = _filter_sql(filters)
    if not where:
        return [], False
    with time_limit(db, timeout_ms):
        # (speaker_id, published) index, rowid as the tie-break: no sort, however many quotes a speaker has.
        # Substantive quotes (corpus.quality) first, newest first; questions, courtesies and fragments after.
        rows: list[tuple[int, float]] = []
        for clause in (f"q.quality >= {SUBSTANTIVE}", f"q.quality < {SUBSTANTIVE}"):
            rows += db.execute(
                f"SELECT q.id, 0.0 FROM quotes q WHERE {where} AND {clause} "
                "ORDER BY q.published DESC, q.id DESC LIMIT ?",
                [*params, candidates + 1 - len(rows)],
            ).fetchall()
            if len(rows) > candidates:
                break
        hits = _hits(db, [(int(r[0]), float(r[1])) for r in rows[:candidates]])
    order = {int(r[0]): i for i, r in enumerate(rows)}
    return sorted(hits, key=lambda h: order[h.id]), len(rows) > candidates


def who_said(db: Database, topic: Topic, filters: Filters = NO_FILTERS, *, limit: int = 5,
             timeout_ms: int = 2000) -> Who:
    """Exact per-speaker counts for ``topic`` and the ``limit`` most quoted speakers' best quotes."""
    from .who import Who, who

    if topic.expression is None:
        return Who(0, 0, 0, [])
    with time_limit(db, timeout_ms):
        return who(db, topic, filters, limit=limit)


def quote_by_id(db: Database, quote_id: int) -> Hit | None:
    row = db.execute(_SELECT + " WHERE q.id = ?", [quote_id]).fetchone()
    if not row:
        return None
    return Hit(*_dated_roles(db, [row])[0], parts=_utterance_parts(db, [quote_id]).get(quote_id, ()))  # type: ignore[misc]


def article_text(db: Database, article_id: int) -> str:
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return str(row[0]) if row else ""


def suggest_terms(db: Database, words: Sequence[str], *, min_docs: int = 1) -> dict[str, str]:
    """For each word that the index does not hold, the closest indexed term (a stem, as indexed)."""
    from rapidfuzz import fuzz, process

    from .index import search_index  # the index builds on this module's neighbours
    from .index_schema import ALL, TEXT

    idx = search_index(db, sync=False)
    searcher = idx.searcher()
    out: dict[str, str] = {}
    for word in words[:MAX_TERMS]:
        w = word.lower().rstrip("*")
        stems = idx.analyzer.analyze(w)
        plain = idx.plain_analyzer.analyze(w)
        if len(w) < 4 or w in STOPWORDS or len(stems) != 1 or not plain:
            continue
        if searcher.doc_freq(ALL, stems[0]):
            continue
        # Only terms sharing the first two letters: typos rarely hit them, and this bounds the
        # comparison to a slice of the vocabulary at any corpus size.
        terms = [(t, n) for t, n in searcher.terms_with_prefix(TEXT, plain[0][:2])
                 if n >= min_docs and max(2, len(stems[0]) - 3) <= len(t) <= len(stems[0]) + 2]
        terms.sort(key=lambda tn: -tn[1])
        best = process.extractOne(stems[0], [t for t, _ in terms[:5000]], scorer=fuzz.ratio, score_cutoff=75)
        if best:
            out[word] = str(best[0])
    return out


def surface_form(text: str, stem: str) -> str | None:
    """The word in ``text`` that an FTS stem came from ("ukrain" → "Ukraine")."""
    m = re.search(rf"\b({re.escape(stem)}\w*)", fold_spaces(text), re.IGNORECASE)
    return m.group(1) if m else None
