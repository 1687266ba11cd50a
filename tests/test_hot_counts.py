"""The commonest words' per-speaker counts (corpus.hot_counts) equal the exact GROUP BY through
ingest, replace, delete, speaker renames, reindex and a kill between the index commit and the file."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from corpus import hot_counts
from corpus.index import index_path, reindex, search_index
from corpus.search import match_expression, who_said
from corpus.store import open_db
from tests.corpus_builder import Q, build

SPEAKERS = ["Vladimir Putin", "Sergei Lavrov", "Maria Zakharova", None]


@pytest.fixture(autouse=True)
def small_corpus_has_hot_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hot_counts, "MIN_DOCS", 0)
    monkeypatch.setattr(hot_counts, "HOT_SHARE", 0.3)


def _quotes(n: int, seed: int) -> list[Q]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        words = rnd.sample(["Russia", "the talks", "the people", "sanctions", "energy"], rnd.randint(1, 3))
        out.append(Q(rnd.choice(SPEAKERS), f"On {' and '.join(words)}, statement {seed}-{i}",
                     f"{rnd.randint(2000, 2024)}-01-01"))
    return out


def _group_by(db, word: str) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Brute force from SQLite: quotes whose text, speaker name or title holds the word's stem."""
    idx = search_index(db, sync=False)
    stem = idx.analyzer.analyze(word)[0]
    rows = db.execute(
        "SELECT coalesce(q.speaker_id, 0), q.text, coalesce(s.name, ''), coalesce(a.title, '') FROM quotes q "
        "JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id").fetchall()
    out: dict[int, int] = {}
    for sid, text, name, title in rows:
        if stem in set(idx.analyzer.analyze(f"{text} {name} {title}")):
            out[int(sid)] = out.get(int(sid), 0) + 1
    return out


def _check(db, words: tuple[str, ...] = ("the", "Russia", "sanctions")) -> None:  # type: ignore[no-untyped-def]
    for word in words:
        expected = _group_by(db, word)
        result = who_said(db, match_expression(word), limit=10)
        assert result.unattributed == expected.pop(0, 0)
        assert {s.speaker_id: s.count for s in result.top} == expected
        assert result.total == sum(expected.values()) + result.unattributed


def test_counts_stay_exact_through_ingest_delete_rename_and_reindex(tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    path = build(tmp_path / "c.db", _quotes(120, 1))
    db = open_db(path)
    idx = search_index(db)
    assert "the" in idx.hot.counts and idx.hot.lookup("the") is not None  # the kept counts answer
    _check(db)
    caplog.clear()
    caplog.set_level("INFO", logger="corpus.hot_counts")
    db.close()
    build(path, _quotes(60, 2))  # ingest more (another connection, like another process)
    db = open_db(path)
    search_index(db)
    assert search_index(db).hot.lookup("the") is not None
    _check(db)
    with db.atomic():
        db.execute("DELETE FROM quotes WHERE id % 5 = 0")
        db.execute("UPDATE speakers SET name = 'Sergei V. Lavrov the Minister' WHERE name = 'Sergei Lavrov'")
    search_index(db)
    assert search_index(db).hot.lookup("the") is not None
    _check(db)
    assert "recounted" not in caplog.text  # kept by deltas since the first build, never recounted
    reindex(db)
    assert search_index(db).hot.lookup("the") is not None
    _check(db)


def test_a_kill_before_the_counts_are_written_is_never_read_and_is_recounted(tmp_path: Path) -> None:
    path = build(tmp_path / "c.db", _quotes(100, 3))
    db = open_db(path)
    idx = search_index(db)
    folder = index_path(db)
    assert folder is not None
    saved = tmp_path / "counts-before.json"
    shutil.copy(folder / hot_counts.FILE, saved)
    db.close()
    build(path, _quotes(40, 4))
    db = open_db(path)
    search_index(db)  # commits the new quotes and writes the counts
    # As if the process died between the index commit and the counts file: the file describes
    # the commit before. It is not used (the aggregation answers), and the next sync recounts.
    shutil.copy(saved, folder / hot_counts.FILE)
    idx = search_index(db, sync=False)
    assert idx.hot.lookup("the") is None
    _check(db)
    with db.atomic():
        db.execute("DELETE FROM quotes WHERE id = (SELECT max(id) FROM quotes)")
    search_index(db)
    assert idx.hot.lookup("the") is not None
    _check(db)


def test_a_filtered_or_phrase_topic_is_counted_over_its_own_matches(tmp_path: Path) -> None:
    db = open_db(build(tmp_path / "c.db", _quotes(80, 5)))
    search_index(db)
    res = who_said(db, match_expression('"the talks"'), limit=10)
    expected = _group_by(db, "talks")  # every "the talks" quote holds "talks" and no other does
    expected.pop(0, None)
    assert {s.speaker_id: s.count for s in res.top} == expected


def test_a_quote_changed_twice_in_one_sync_is_counted_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    from corpus import index_sync

    db = open_db(build(tmp_path / "c.db", _quotes(60, 6)))
    search_index(db)
    monkeypatch.setattr(index_sync, "CHUNK", 3)  # the change log is read three entries at a time
    caplog.set_level("INFO", logger="corpus.hot_counts")
    first = int(db.execute("SELECT min(id) FROM quotes").fetchone()[0])
    with db.atomic():
        db.execute("UPDATE quotes SET text = 'The people and the talks, changed once' WHERE id = ?", [first])
        db.execute("UPDATE quotes SET text = text || ' and the energy' WHERE id BETWEEN ? AND ?",
                   [first + 1, first + 5])
        db.execute("UPDATE quotes SET text = 'Russia, changed twice' WHERE id = ?", [first])
    search_index(db)
    assert "recounted" not in caplog.text and search_index(db).hot.lookup("the") is not None
    _check(db, ("the", "Russia", "energy", "people"))
