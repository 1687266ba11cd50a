"""Every quote a topic matches, unranked: what digests and follow alerts select.

The same index and the same query as /quote (corpus/query.py): a topic means the same words,
stemmed the same way, in the quote text, the speaker's names and the article title, whichever
command asks. Publication days filter as ``since:``/``until:`` do.

The index follows SQLite's commits (corpus/index.py), so it can lag behind them for a moment
(another process ingesting). :func:`indexed_upto` tells up to which quote id the index is known to
hold every quote; a follow alert advances its high-water mark only that far, so a quote the index
has not seen yet is found by the next round instead of being skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

import tantivy
from sqlite_utils import Database

from .errors import SearchError
from .filters import Filters
from .index import SearchIndex, search_index
from .query import Occur, filter_queries, topic_query
from .topic import Topic

MAX_MATCHES = 100_000  # a digest's days or a follow's round never need more; the rest waits


def indexed_upto(db: Database, idx: SearchIndex) -> int:
    """The highest quote id up to which every stored quote is in the index as it stands."""
    high = int(db.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0])
    row = db.execute("SELECT min(quote_id) FROM search_changes WHERE seq > ?", [idx.applied]).fetchone()
    return high if row is None or row[0] is None else min(high, int(row[0]) - 1)


def matching_ids(db: Database, topics: Sequence[Topic], *, since: str | None = None, until: str | None = None,
                 after: int = 0, upto: int | None = None, limit: int = MAX_MATCHES) -> list[int]:
    """Ids (ascending) of the quotes that match any of ``topics``, published in ``since``..``until``
    (ISO prefixes, inclusive) and with ``after < id <= upto``; at most ``limit`` of them, the lowest."""
    idx = search_index(db)
    queries = [q for q in (topic_query(idx, t) for t in topics) if q is not None]
    if not queries:
        return []
    main = queries[0] if len(queries) == 1 else tantivy.Query.boolean_query([(Occur.Should, q) for q in queries])
    clauses = [(Occur.Must, main)]
    clauses += [(Occur.Must, f) for f in filter_queries(idx, Filters(since=since, until=until))]
    if after > 0 or upto is not None:
        high = upto if upto is not None else 2**62
        clauses.append((Occur.Must, tantivy.Query.range_query(idx.schema, "id", tantivy.FieldType.Integer,
                                                               after + 1, high)))
    query = main if len(clauses) == 1 else tantivy.Query.boolean_query(clauses)
    searcher = idx.searcher()
    try:
        hits = searcher.search(query, limit, count=False, order_by_field="id", order=tantivy.Order.Asc).hits
    except ValueError as exc:
        raise SearchError(f"cannot search for that: {exc}") from exc
    return [int(qid) for qid, _ in hits]
