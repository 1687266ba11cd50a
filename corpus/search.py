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
from typing import TYPE_CHECKING

from sqlite_utils import Database

from .clean import fold_spaces
from .deadline import time_limit
from .filters import NO_FILTERS, Filters, filter_sql
from .hits import Hit, article_text, load_hits, quote_by_id
from .topic import MAX_TERMS, STOPWORDS, Topic, match_expression

if TYPE_CHECKING:
    from .index import SearchIndex
    from .who import Who

# The search API in one place: its types live in corpus.topic, corpus.filters and corpus.hits.
__all__ = [
    "CANDIDATES", "NO_FILTERS", "STOPWORDS", "SUBSTANTIVE", "Filters", "Hit", "Topic", "article_text",
    "match_expression", "quote_by_id", "search", "suggest_terms", "surface_form", "who_said",
]

CANDIDATES = 50  # results per answer (distinct wordings): ten pages of five through "More"
SUBSTANTIVE = 0.5  # corpus.quality at or above which a quote is a statement worth leading with
_TOKEN = re.compile(r"[^\W_]+")  # a run of letters and digits: what the index's tokenizer keeps as one token


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
        from .engine import ranked_search  # imported on first use

        with time_limit(db, timeout_ms):
            return ranked_search(db, topic, filters, candidates)
    where, params = filter_sql(filters)
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
        hits = load_hits(db, [(int(r[0]), float(r[1])) for r in rows[:candidates]])
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


def suggest_terms(db: Database, words: Sequence[str], *, min_docs: int = 1) -> dict[str, str]:
    """For each word that the index does not hold, a word of the corpus indexed as the closest term
    ("acelerate" → "accelerate", whose term is "acceler")."""
    from rapidfuzz import fuzz, process

    from .index import search_index  # imported on first use
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
            out[word] = _word_of(db, idx, str(best[0]))
    return out


def _word_of(db: Database, idx: SearchIndex, term: str) -> str:
    """A word of a quote that the index's analyzer turns into ``term``; the term itself if none is found.

    A suggestion is searched as a typed word, so it is analysed again, and a stem is not always its
    own stem: "acceler" (accelerate) stems to "accel", which no quote holds."""
    import tantivy

    from .index_schema import TEXT

    searcher = idx.searcher()
    found = searcher.search(tantivy.Query.term_query(idx.schema, TEXT, term, index_option="freq"), 3, count=False)
    for qid in searcher.fast_field_values("id", [address for _, address in found.hits]):
        row = db.execute("SELECT text FROM quotes WHERE id = ?", [int(qid or 0)]).fetchone()
        for w in _TOKEN.findall(fold_spaces(row[0]) if row else ""):
            if idx.analyzer.analyze(w) == [term]:
                return w.lower()
    return term


def surface_form(text: str, stem: str) -> str | None:
    """The word in ``text`` that an FTS stem came from ("ukrain" → "Ukraine")."""
    m = re.search(rf"\b({re.escape(stem)}\w*)", fold_spaces(text), re.IGNORECASE)
    return m.group(1) if m else None
