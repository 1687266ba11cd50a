"""Candidate quotes for /verify: one bounded index query over the claim's rarest terms.

The claim's words are stemmed by the index's own analyzer (so "people" is looked up as the
indexed "peopl"), their document frequencies come from the index, and the :data:`RARE_TERMS`
rarest terms that occur at all are ORed into one query; its best :data:`MAX_CANDIDATES`
matches by BM25 go to the alignment. The cost is that of a top-k over a few terms, whatever the
corpus size, and the alignment never sees more than :data:`MAX_CANDIDATES` quotes.
"""

from __future__ import annotations

import tantivy
from sqlite_utils import Database

from .clean import fold_spaces
from .deadline import time_limit
from .filters import Filters
from .hits import Hit, load_hits
from .index import search_index
from .index_schema import TEXT
from .query import filter_queries
from .topic import STOPWORDS, WORD

MAX_CANDIDATES = 200
RARE_TERMS = 8


def claim_terms(analyzer: tantivy.TextAnalyzer, claim: str) -> list[str]:
    """The claim's distinct stemmed terms, stopwords left out unless nothing else is left."""
    words = [w.rstrip("*") for w in WORD.findall(fold_spaces(claim))]
    content = [w for w in words if w.lower() not in STOPWORDS and len(w) > 2] or words
    return list(dict.fromkeys(t for w in content for t in analyzer.analyze(w)))


def candidates(db: Database, claim: str, filters: Filters, timeout_ms: int = 2000,
               limit: int = MAX_CANDIDATES) -> list[Hit]:
    """At most ``limit`` quotes that share the claim's rarest terms, best BM25 first."""
    idx = search_index(db)
    searcher = idx.searcher()
    terms = claim_terms(idx.analyzer, claim)
    freq = {t: searcher.doc_freq(TEXT, t) for t in terms}
    rare = sorted((t for t in terms if freq[t] > 0), key=lambda t: (freq[t], t))[:RARE_TERMS]
    if not rare:
        return []
    query = tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, tantivy.Query.term_query(idx.schema, TEXT, t, index_option="freq")) for t in rare]
    )
    flt = filter_queries(idx, filters)
    if flt:
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, query), *((tantivy.Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in flt)]
        )
    res = searcher.search(query, limit, count=False)
    ids = searcher.fast_field_values("id", [a for _, a in res.hits])
    with time_limit(db, timeout_ms):
        hits = load_hits(db, [(int(i or 0), float(s)) for (s, _), i in zip(res.hits, ids, strict=True)])
    order = {int(i or 0): n for n, i in enumerate(ids)}
    return sorted(hits, key=lambda h: order[h.id])
