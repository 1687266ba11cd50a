"""What adding quote rows does to the tables kept from them, for a range of new rows at once.

Until migration ``010_added_quotes_in_bulk`` three AFTER INSERT triggers did it row by row: log the
quote for the search index (``search_changes``), count it (``corpus_counts``: quotes, attributed, per
kind, per speaker) and widen its speaker's role span (``speaker_role_spans``). A trigger runs a
sub-program per row, and those three were 70 % of the time ingest spent writing quotes. Now whoever
adds quotes calls :func:`note_added_quotes` once for the ids it added, in the same transaction: one
statement per table for a whole article (or a whole bulk load). The tables end up exactly as the
triggers left them (tests/test_added_quotes.py, tests/test_role_spans.py). Deleting and changing
quotes keep their triggers: they are rare, and a delete must reseek a span's edge dates.

Quotes are added in one place, :func:`corpus.store.insert_quotes`; a test checks that no other code
inserts into ``quotes``.
"""

from __future__ import annotations

from sqlite_utils import Database

from .migrations import SPAN_FIRST, SPAN_LAST

_RANGE = "FROM quotes WHERE id BETWEEN :first AND :last"
_LOG = f"INSERT INTO search_changes (quote_id) SELECT id {_RANGE} ORDER BY id"
# The 'attributed' row is written even when none of the quotes has a speaker, as the trigger wrote it.
_COUNT = f"""
    INSERT INTO corpus_counts (key, n)
    SELECT key, sum(n) FROM (
        SELECT 'quotes' AS key, 1 AS n {_RANGE}
        UNION ALL SELECT 'attributed', speaker_id IS NOT NULL {_RANGE}
        UNION ALL SELECT 'kind:' || kind, 1 {_RANGE}
        UNION ALL SELECT 'speaker:' || coalesce(speaker_id, 0), 1 {_RANGE})
    WHERE true GROUP BY key
    ON CONFLICT (key) DO UPDATE SET n = n + excluded.n
"""
# One upsert per (speaker, role) with the group's count and earliest and latest date: the trigger's
# one-date-at-a-time min/max over the same dates (NULLs skipped) gives the same first and last.
_SPAN = f"""
    INSERT INTO speaker_role_spans (speaker_id, role, first, last, n)
    SELECT speaker_id, role, min(published), max(published), count(*) {_RANGE}
        AND speaker_id IS NOT NULL AND role IS NOT NULL AND role != ''
    GROUP BY speaker_id, role
    ON CONFLICT (speaker_id, role) DO UPDATE SET n = n + excluded.n,
        first = {SPAN_FIRST.format(d="excluded.first")}, last = {SPAN_LAST.format(d="excluded.last")}
"""


def note_added_quotes(db: Database, first: int, last: int) -> None:
    """Log, count and span the quotes with ids ``first``..``last``, all of them just added (inside the
    caller's write transaction)."""
    if last < first:
        return
    params = {"first": first, "last": last}
    for sql in (_LOG, _COUNT, _SPAN):
        db.conn.execute(sql, params)
