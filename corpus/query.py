"""Topics and filters as tantivy queries (what :mod:`corpus.topk` ranks and :mod:`corpus.who` counts).

Every topic becomes a tantivy query built term by term — never parsed from user text, so no
syntax reaches the engine. Each word is analysed with the index's own analyzer (stemmed as the
quotes were) and matched in the field holding the quote text, the speaker's names and the
article title (one field, so one word is one term scorer, which block-max WAND can prune); the
words are ANDed, phrases stay phrases, a topic's aliases are ORed in. Filters are clauses of the
same query (scoring 0, so they never change a score) or checks on the candidates' fast fields.
"""

from __future__ import annotations

from collections.abc import Callable

import tantivy

from . import ranking
from .filters import Filters
from .index import SearchIndex
from .topic import Topic

Occur = tantivy.Occur


FIELD = "all"  # the quote text, the speaker's names and the article title (corpus.index)


def _any_field(idx: SearchIndex, text: str, prefix: bool = False) -> tantivy.Query | None:
    """``text`` (a word or a phrase) in the quote, the speaker's names or the title: one field, so
    a single word is a plain term query, the shape tantivy's block-max WAND prunes."""
    tokens = (idx.plain_analyzer if prefix else idx.analyzer).analyze(text)
    if not tokens:
        return None
    if prefix:
        # A stem is at most a few letters shorter than its word ("negotiating" → "negoti"), so a
        # prefix matches the terms that start with it and the terms it starts with, down to 3
        # letters shorter. Tokens are the analyzer's output (lower-case letters and digits): no
        # regex syntax can come from the user. Scores ranking.PREFIX_SCORE where it matches.
        p = tokens[0]
        shorter = [p[:k] for k in range(max(2, len(p) - 3), len(p))]
        return tantivy.Query.regex_query(idx.schema, FIELD, "|".join([p + ".*", *shorter]))
    if len(tokens) == 1:
        return tantivy.Query.term_query(idx.schema, FIELD, tokens[0], index_option="freq")
    words: list[str | tuple[int, str]] = list(tokens)
    return tantivy.Query.phrase_query(idx.schema, FIELD, words)


def topic_query(idx: SearchIndex, topic: Topic) -> tantivy.Query | None:
    parts = [_any_field(idx, p) for p in topic.phrases]
    for word in topic.terms:
        core = word.rstrip("*")
        parts.append(_any_field(idx, core, prefix=word.endswith("*") and len(core) >= 2))
    present = [p for p in parts if p is not None]
    if not present:
        return None
    main = present[0] if len(present) == 1 else tantivy.Query.boolean_query([(Occur.Must, p) for p in present])
    alternatives = [a for a in (_any_field(idx, alias) for alias in topic.alternatives) if a is not None]
    if not alternatives:
        return main
    return tantivy.Query.boolean_query([(Occur.Should, q) for q in [main, *alternatives]])


def filter_queries(idx: SearchIndex, f: Filters) -> list[tantivy.Query]:
    """The filters as index clauses; they mean what :func:`corpus.filters.filter_sql` means in SQLite."""
    s = idx.schema
    out: list[tantivy.Query] = []
    if f.speaker_ids:
        out.append(tantivy.Query.term_set_query(s, "speaker_id", list(f.speaker_ids)))
    if f.since or f.until:
        low, high = _day_range(f)
        out.append(tantivy.Query.range_query(s, "day", tantivy.FieldType.Integer, low, high))
    if f.kind:
        out.append(tantivy.Query.term_query(s, "kind", f.kind, index_option="basic"))
    if f.source:
        out.append(tantivy.Query.term_query(s, "source", f.source.lower(), index_option="basic"))
    return out


def _day_range(f: Filters) -> tuple[int, int]:
    # 1 and up: a quote with no date (-1) or no year (0, "--11-09") passes no date filter.
    low = ranking.since_key(f.since) if f.since else 1
    high = ranking.until_key(f.until) if f.until else 99999999
    return low, high


def with_filters(idx: SearchIndex, main: tantivy.Query, filters: Filters) -> tantivy.Query:
    flt = filter_queries(idx, filters)
    if not flt:
        return main
    # A filter clause scores 0: the score stays bm25 × boost, exactly.
    return tantivy.Query.boolean_query(
        [(Occur.Must, main), *((Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in flt)]
    )


def build_query(idx: SearchIndex, topic: Topic, filters: Filters) -> tantivy.Query | None:
    main = topic_query(idx, topic)
    return None if main is None else with_filters(idx, main, filters)


Accept = Callable[[tantivy.Searcher, list[tantivy.DocAddress]], list[bool]]


def acceptor(filters: Filters) -> Accept | None:
    """The filters checked on fast fields, for the candidates of an unfiltered query; None when a
    filter (kind, source) has no numeric fast field: then the filtered query is scanned."""
    if filters.kind or filters.source:
        return None
    speakers = set(filters.speaker_ids)
    low, high = _day_range(filters) if filters.since or filters.until else (None, None)

    def accept(searcher: tantivy.Searcher, addrs: list[tantivy.DocAddress]) -> list[bool]:
        ok = [True] * len(addrs)
        if speakers:
            ok = [o and int(v or 0) in speakers for o, v in
                  zip(ok, searcher.fast_field_values("speaker_id", addrs), strict=True)]
        if low is not None and high is not None:
            ok = [o and v is not None and low <= int(v) <= high for o, v in
                  zip(ok, searcher.fast_field_values("day", addrs), strict=True)]
        return ok

    return accept


def _single_term(idx: SearchIndex, topic: Topic) -> str | None:
    """The one indexed term a topic of one plain word is (what corpus.hot_counts keeps counts of)."""
    if topic.phrases or topic.alternatives or len(topic.terms) != 1 or topic.terms[0].endswith("*"):
        return None
    tokens = idx.analyzer.analyze(topic.terms[0])
    return tokens[0] if len(tokens) == 1 else None
