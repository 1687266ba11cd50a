"""Corpus figures for ``quotebot stats`` and ``/stats``."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


def corpus_stats(db: Database) -> dict[str, Any]:
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    first, last = db.execute(
        "SELECT min(published), max(published) FROM articles WHERE published GLOB '[12][0-9][0-9][0-9]*'"
    ).fetchone()
    kinds = dict(db.execute("SELECT kind, count(*) FROM quotes GROUP BY kind").fetchall())
    sources = dict(db.execute(
        "SELECT coalesce(source, 'unknown'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
    ).fetchall())
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "attributed": one("SELECT count(*) FROM quotes WHERE speaker_id IS NOT NULL"),
        "unattributed": one("SELECT count(*) FROM quotes WHERE speaker_id IS NULL"),
        "speakers": one("SELECT count(*) FROM speakers"),
        "sources": sources,
        "kinds": kinds,
        "first_published": first,
        "last_published": last,
        "last_ingested": one("SELECT max(ingested_at) FROM articles"),
    }
