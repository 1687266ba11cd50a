"""Corpus figures for ``quotebot stats`` and ``/stats``: read from maintained counters, not counted.

Triggers (migration ``006_search_engine``) keep ``corpus_counts`` in step with every insert,
delete and update, so the answer costs the same at 10 million quotes as at ten. The date range
and the last ingest come from the ends of indexes (``articles(published)``,
``articles(ingested_at)``). :func:`counted_stats` counts the tables themselves (tests compare).
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

_DATED = "published >= '1000' AND published < '3000' AND published GLOB '[12][0-9][0-9][0-9]*'"


def _date_range(db: Database) -> tuple[str | None, str | None]:
    # ORDER BY ... LIMIT 1 on the published index: two index seeks, not a scan.
    first = db.execute(f"SELECT published FROM articles WHERE {_DATED} ORDER BY published LIMIT 1").fetchone()
    last = db.execute(f"SELECT published FROM articles WHERE {_DATED} ORDER BY published DESC LIMIT 1").fetchone()
    return (first[0] if first else None, last[0] if last else None)


def _last_ingested(db: Database) -> str | None:
    row = db.execute("SELECT max(ingested_at) FROM articles").fetchone()  # articles_ingested index
    return str(row[0]) if row and row[0] else None


def corpus_stats(db: Database) -> dict[str, Any]:
    counts = dict(db.execute("SELECT key, n FROM corpus_counts WHERE n != 0").fetchall())
    first, last = _date_range(db)
    quotes, attributed = int(counts.get("quotes", 0)), int(counts.get("attributed", 0))
    by = sorted(((k, int(v)) for k, v in counts.items() if k.startswith(("kind:", "source:"))), key=lambda kv: -kv[1])
    return {
        "articles": int(counts.get("articles", 0)),
        "quotes": quotes,
        "attributed": attributed,
        "unattributed": quotes - attributed,
        "speakers": int(counts.get("speakers", 0)),
        "sources": {k[7:]: v for k, v in by if k.startswith("source:")},
        "kinds": {k[5:]: v for k, v in by if k.startswith("kind:")},
        "first_published": first,
        "last_published": last,
        "last_ingested": _last_ingested(db),
    }


def counted_stats(db: Database) -> dict[str, Any]:
    """The same figures by counting every row (slow at scale; the reference for tests)."""
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    first, last = db.execute(
        "SELECT min(published), max(published) FROM articles WHERE published GLOB '[12][0-9][0-9][0-9]*'"
    ).fetchone()
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "attributed": one("SELECT count(*) FROM quotes WHERE speaker_id IS NOT NULL"),
        "unattributed": one("SELECT count(*) FROM quotes WHERE speaker_id IS NULL"),
        "speakers": one("SELECT count(*) FROM speakers"),
        "sources": dict(db.execute(
            "SELECT coalesce(source, 'unknown'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall()),
        "kinds": dict(db.execute("SELECT kind, count(*) FROM quotes GROUP BY kind ORDER BY 2 DESC").fetchall()),
        "first_published": first,
        "last_published": last,
        "last_ingested": one("SELECT max(ingested_at) FROM articles"),
    }
