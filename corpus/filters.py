"""What a search may be narrowed by (speaker, dates, source, kind) and its SQL ``WHERE`` clause.

:mod:`corpus.query` turns the same filters into index clauses that mean the same.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Filters:
    speaker_ids: tuple[int, ...] = ()
    since: str | None = None  # ISO date prefix, inclusive
    until: str | None = None
    source: str | None = None
    kind: str | None = None
    unattributed_ok: bool = True


NO_FILTERS = Filters()


def filter_sql(f: Filters, alias: str = "q") -> tuple[str, list[object]]:
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
