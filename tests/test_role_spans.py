"""Speaker role spans (first and last date, count per speaker and role), kept by corpus.added_quotes and
by triggers, equal the GROUP BY over the quotes: through ingest, replace and delete of articles, and
through any mix of added, removed and changed quotes — undated quotes, ties at a span's edge and empty
roles included."""

from __future__ import annotations

import json
import random
from pathlib import Path

from corpus.added_quotes import note_added_quotes
from corpus.ingest import ingest_paths
from corpus.store import open_db

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"
SPANS = "SELECT speaker_id, role, first, last, n FROM speaker_role_spans ORDER BY 1, 2"
COUNTED = ("SELECT speaker_id, role, min(published), max(published), count(*) FROM quotes "
           "WHERE speaker_id IS NOT NULL AND role IS NOT NULL AND role != '' GROUP BY 1, 2 ORDER BY 1, 2")

ARTICLE = (
    "Minister speaks\n\n\u201cWe are always ready for honest talks with everyone who wants them,\u201d "
    "Foreign Minister Sergey Lavrov said on Monday. \u201cThe door stays open,\u201d Lavrov added.\n"
)


def _same(db) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    spans = [tuple(r) for r in db.execute(SPANS).fetchall()]
    assert spans == [tuple(r) for r in db.execute(COUNTED).fetchall()]
    return spans


def test_role_spans_equal_the_group_by_through_ingest_replace_and_delete(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    ingest_paths(db, [str(SAMPLES)])
    assert _same(db)  # the samples give roles
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": f"a{i}", "text": ARTICLE.replace("Monday", f"day {i}"), "published": date}
            for i, date in enumerate(["2020-05-01", None, "2019-01-01", "2021-12-31", None])]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    ingest_paths(db, [str(feed)])
    lavrov = [s for s in _same(db) if s[2] == "2019-01-01"]
    assert lavrov and lavrov[0][3] == "2021-12-31"  # undated articles' quotes count, not date
    # replace the article holding the last date by an older one, then the first by an undated one
    rows[3]["published"], rows[2]["published"] = "2018-06-01", None
    rows[3]["text"] += "More words.\n"
    rows[2]["text"] += "More words.\n"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    ingest_paths(db, [str(feed)])
    assert [s for s in _same(db) if s[2] == "2018-06-01" and s[3] == "2020-05-01"]
    with db.atomic():
        db.execute("DELETE FROM articles WHERE ext_id IN ('a0', 'a3')")  # both dated ones: no date left
    assert [s for s in _same(db) if s[2] is None and s[3] is None and s[4] > 0]
    with db.atomic():
        db.execute("DELETE FROM articles")
    assert _same(db) == []


def test_role_spans_equal_the_group_by_through_random_changes(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    rng = random.Random(14)
    with db.atomic():
        db.execute("INSERT INTO articles (id, text, content_hash, ingested_at) VALUES (1, 'x', 'h', 'now')")
        for sid in (1, 2, 3):
            db.execute("INSERT INTO speakers (id, name) VALUES (?, ?)", [sid, f"Person {sid}"])
    dates = [None, "2019", "2020-01-01", "2020-01-01", "2020-06-30", "2021-03-04"]
    roles = [None, "", "minister", "president"]
    speakers = [None, 1, 2, 3]
    for step in range(1500):
        ids = [r[0] for r in db.execute("SELECT id FROM quotes").fetchall()]
        op = rng.random()
        with db.atomic():
            if op < 0.5 or not ids:
                # A few rows at once, as an article adds them (corpus.added_quotes spans a range of new ids).
                added = [db.execute("INSERT INTO quotes (article_id, speaker_id, text, start, \"end\", kind, role, "
                                    "confidence, published, ingested_at) VALUES (1, ?, 't', 0, 1, 'direct', ?, 0.9, "
                                    "?, 'now')", [rng.choice(speakers), rng.choice(roles), rng.choice(dates)]).lastrowid
                         for _ in range(rng.choice([1, 1, 2, 4]))]
                note_added_quotes(db, min(added), max(added))  # type: ignore[type-var]
            elif op < 0.7:
                db.execute("DELETE FROM quotes WHERE id = ?", [rng.choice(ids)])
            else:
                column, values = rng.choice([("speaker_id", speakers), ("role", roles), ("published", dates)])
                db.execute(f"UPDATE quotes SET {column} = ? WHERE id = ?", [rng.choice(values), rng.choice(ids)])
        if step % 25 == 0:
            _same(db)
    assert _same(db)
    with db.atomic():
        db.execute("UPDATE quotes SET published = NULL")  # every span loses its dates at once
    assert all(s[2] is None for s in _same(db))
