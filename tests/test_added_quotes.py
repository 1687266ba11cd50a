"""Quotes are added in one place, and what adding them keeps — the search log, the counters, the role
spans — is exactly what the per-row triggers kept before migration 010 (corpus.added_quotes)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from corpus.added_quotes import note_added_quotes
from corpus.ingest import ingest_paths
from corpus.migrations import SPAN_FIRST, SPAN_LAST
from corpus.store import open_db

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"

# The three AFTER INSERT triggers as migrations 006, 006b and 009 left them.
_FIRST, _LAST = SPAN_FIRST.format(d="excluded.first"), SPAN_LAST.format(d="excluded.last")
OLD_TRIGGERS = f"""
    CREATE TRIGGER quotes_search_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO search_changes (quote_id) VALUES (new.id); END;
    CREATE TRIGGER counts_quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO corpus_counts VALUES ('quotes', 1), ('attributed', new.speaker_id IS NOT NULL),
            ('kind:' || new.kind, 1), ('speaker:' || coalesce(new.speaker_id, 0), 1)
            ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
    CREATE TRIGGER role_spans_ai AFTER INSERT ON quotes
        WHEN new.speaker_id IS NOT NULL AND new.role IS NOT NULL AND new.role != '' BEGIN
        INSERT INTO speaker_role_spans VALUES (new.speaker_id, new.role, new.published, new.published, 1)
            ON CONFLICT (speaker_id, role) DO UPDATE SET n = n + 1, first = {_FIRST}, last = {_LAST};
        END;
"""
KEPT = ("SELECT key, n FROM corpus_counts ORDER BY key", "SELECT * FROM speaker_role_spans ORDER BY 1, 2",
        "SELECT quote_id FROM search_changes ORDER BY quote_id")


def _kept(db) -> list[list[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    return [[tuple(r) for r in db.execute(sql).fetchall()] for sql in KEPT]


def _load(db, batches: list[list[tuple[object, ...]]], *, bulk: bool) -> None:  # type: ignore[no-untyped-def]
    for rows in batches:
        with db.atomic():
            first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM quotes").fetchone()[0]
            db.conn.executemany("INSERT INTO quotes (article_id, speaker_id, text, start, \"end\", kind, role, "
                                "confidence, published, ingested_at) VALUES (1, ?, 't', 0, 1, ?, ?, 0.9, ?, 'now')",
                                rows)
            if bulk:
                note_added_quotes(db, first, first + len(rows) - 1)


def test_bulk_bookkeeping_leaves_the_tables_as_the_per_row_triggers_did(tmp_path: Path) -> None:
    rng = random.Random(10)
    speakers, kinds = [None, 1, 2, 3], ["direct", "indirect", "transcript"]
    roles, dates = [None, "", "minister", "president"], [None, "2019", "2020-01-01", "2020-06-30", "2021-03-04"]
    batches = [[(rng.choice(speakers), rng.choice(kinds), rng.choice(roles), rng.choice(dates))
                for _ in range(rng.randint(1, 12))] for _ in range(300)]
    kept = []
    for bulk in (True, False):
        db = open_db(tmp_path / f"{bulk}.db")
        with db.atomic():
            db.execute("INSERT INTO articles (id, text, content_hash, ingested_at) VALUES (1, 'x', 'h', 'now')")
            for sid in (1, 2, 3):
                db.execute("INSERT INTO speakers (id, name) VALUES (?, ?)", [sid, f"Person {sid}"])
        if not bulk:
            db.conn.executescript(OLD_TRIGGERS)
        _load(db, batches, bulk=bulk)
        kept.append(_kept(db))
    assert kept[0] == kept[1]
    counts = dict(kept[0][0])
    assert counts["quotes"] == sum(map(len, batches)) == len(kept[0][2]) and counts["attributed"] > 0
    assert len(kept[0][1]) >= 6  # spans of several speakers and roles


def test_ingest_keeps_the_counters_equal_to_a_recount(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    ingest_paths(db, [str(SAMPLES)])
    feed = tmp_path / "feed.jsonl"
    text = "Talks\n\n“The door stays open,” Foreign Minister Sergey Lavrov said. “We wait,” he added.\n"
    feed.write_text("".join(json.dumps({"id": f"a{i}", "text": text.replace("wait", f"wait {i}")}) + "\n"
                            for i in range(3)))
    ingest_paths(db, [str(feed)])
    feed.write_text(json.dumps({"id": "a1", "text": text + "More.\n"}) + "\n")  # replaces a1's quotes
    ingest_paths(db, [str(feed)])
    counts = {k: n for k, n in db.execute("SELECT key, n FROM corpus_counts") if n}
    recount = {"quotes": db.execute("SELECT count(*) FROM quotes").fetchone()[0],
               "attributed": db.execute("SELECT count(speaker_id) FROM quotes").fetchone()[0]}
    recount |= {f"kind:{k}": n for k, n in db.execute("SELECT kind, count(*) FROM quotes GROUP BY 1")}
    recount |= {f"speaker:{s}": n for s, n in db.execute(
        "SELECT coalesce(speaker_id, 0), count(*) FROM quotes GROUP BY 1")}
    assert {k: n for k, n in counts.items() if not k.startswith(("articles", "speakers", "source:"))} == recount
    assert recount["quotes"] > 10


def test_quotes_are_added_only_through_the_store() -> None:
    """Adding quote rows anywhere else would skip corpus.added_quotes (no trigger counts them any more)."""
    inserting = re.compile(r"INSERT\s+(?:OR\s+\w+\s+)?INTO\s+quotes\b", re.IGNORECASE)
    found = sorted(str(p.relative_to(ROOT)) for folder in ("corpus", "bot", "adapters")
                   for p in (ROOT / folder).rglob("*.py") if inserting.search(p.read_text(encoding="utf-8")))
    assert found == ["corpus/store.py"]
