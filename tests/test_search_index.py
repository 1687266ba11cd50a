"""The index beside SQLite: kept in step at ingest, rebuilt by `quotebot reindex`, reconciled after a
kill between the SQLite commit and the index commit; /stats counters, per-speaker counts and role spans
equal counting."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import cli
from bot.core import Core
from bot.reply import Request
from corpus.index import SearchIndex, forget, index_changes, index_path, reconcile, search_index
from corpus.ingest import ingest_paths, store_document
from corpus.readers import read_path
from corpus.search import match_expression, search
from corpus.speakers import resolve_speaker
from corpus.stats import corpus_stats, counted_stats
from corpus.store import open_db

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"

ARTICLE = (
    "Lavrov meets press\n\nMOSCOW, March 3. /TASS/. \u201cWe are always ready for honest talks with "
    "everyone who wants them,\u201d Russian Foreign Minister Sergey Lavrov said on Monday.\n"
)


def _indexed_ids(db) -> set[int]:  # type: ignore[no-untyped-def]
    import tantivy

    idx = search_index(db, sync=False)
    idx.refresh()
    searcher = idx.searcher()
    res = searcher.search(tantivy.Query.all_query(), searcher.num_docs + 1)
    ids = [int(i or 0) for i in searcher.fast_field_values("id", [a for _, a in res.hits])]
    assert len(ids) == len(set(ids)), "a quote indexed twice"
    return set(ids)


def _stored_ids(db) -> set[int]:  # type: ignore[no-untyped-def]
    return {int(r[0]) for r in db.execute("SELECT id FROM quotes")}


def test_ingest_keeps_the_index_in_step_through_replace(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "tass-1", "text": ARTICLE, "source": "TASS"}) + "\n")
    ingest_paths(db, [str(feed)])
    before = _indexed_ids(db)
    assert before == _stored_ids(db) and before
    feed.write_text(json.dumps({"id": "tass-1", "text": ARTICLE.replace("honest talks", "frank talks"),
                                "source": "TASS"}) + "\n")
    ingest_paths(db, [str(feed)])
    assert _indexed_ids(db) == _stored_ids(db)
    assert search(db, match_expression("frank"))[0] and not search(db, match_expression("honest"))[0]
    assert index_path(db) == Path(str(tmp_path / "q.db") + ".index") and index_path(db).is_dir()  # type: ignore[union-attr]
    assert db.execute("SELECT count(*) FROM search_changes").fetchone()[0] == 0  # the applied log is pruned


def test_changes_handed_to_the_writer_count_only_once_committed(tmp_path: Path) -> None:
    # Between its index commits an ingest hands each batch's changes to the writer at once
    # (sync with commit=False): invisible to searches and not recorded as applied until the commit;
    # dropping the writer before it loses nothing, the change log still holds them.
    db = open_db(tmp_path / "q.db")
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))

    def store(paths: list[str]) -> None:
        with db.atomic():
            for f in paths:
                store_document(db, next(iter(read_path(f))))  # type: ignore[arg-type]

    ingest_paths(db, files[:1])
    idx = search_index(db, sync=False)
    store(files[1:2])
    assert idx.sync(db, keep_writer=True)  # a commit, and the writer kept (as an ingest does)
    committed, applied = _indexed_ids(db), idx.applied
    assert committed == _stored_ids(db)
    store(files[2:4])
    assert _stored_ids(db) > committed
    assert idx.sync(db, keep_writer=True, commit=False)
    assert _indexed_ids(db) == committed and idx.applied == applied
    idx.release()  # a writer dropped uncommitted (an ingest that failed): nothing is lost
    store(files[4:])
    assert idx.sync(db, keep_writer=True, commit=False) is False  # no writer held: nothing handed over
    assert _indexed_ids(db) == committed
    index_changes(db, done=True)
    assert _indexed_ids(db) == _stored_ids(db) and idx.applied > applied
    assert db.execute("SELECT count(*) FROM search_changes").fetchone()[0] == 0


def test_a_renamed_speaker_is_found_under_the_new_name(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    ingest_paths(db, [str(SAMPLES)])
    sid = db.execute("SELECT s.id FROM speakers s JOIN quotes q ON q.speaker_id = s.id LIMIT 1").fetchone()[0]
    with db.atomic():
        db.execute("UPDATE speakers SET name = 'Zyxwvut Qqqname' WHERE id = ?", [sid])
    hits, _ = search(db, match_expression("Qqqname"))  # the search path applies the change log
    assert hits and {h.speaker_id for h in hits} == {sid}


def test_reindex_rebuilds_a_lost_index(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    db = open_db(path)
    ingest_paths(db, [str(SAMPLES)])
    n = len(_stored_ids(db))
    forget(db)
    shutil.rmtree(str(path) + ".index")
    result = CliRunner().invoke(cli, ["reindex", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"search index rebuilt: {n} quotes"
    forget(db)
    assert _indexed_ids(open_db(path)) == _stored_ids(db)



def test_an_index_of_an_older_format_is_rebuilt_on_open(tmp_path: Path) -> None:
    # Format 2 also indexed the speaker and the title alone: a folder written by it is rebuilt
    # from SQLite on open (schema and state alike), not read with a schema it does not have.
    import tantivy

    from corpus.index import ANALYZER, FORMAT, analyzer

    path = tmp_path / "q.db"
    db = open_db(path)
    ingest_paths(db, [str(SAMPLES)])
    forget(db)
    folder = Path(str(path) + ".index")
    shutil.rmtree(folder)
    folder.mkdir()
    old = tantivy.SchemaBuilder()
    old.add_integer_field("id", indexed=True, fast=True)
    for name in ("all", "text", "speaker", "title"):
        old.add_text_field(name, tokenizer_name=ANALYZER)
    old_index = tantivy.Index(old.build(), str(folder))
    old_index.register_tokenizer(ANALYZER, analyzer())
    writer = old_index.writer(heap_size=15_000_000, num_threads=1)
    writer.add_document(tantivy.Document(id=999_999, all=["stale"], text="stale", speaker="x", title="y"))
    writer.commit()
    (folder / "quotebot-state.json").write_text(json.dumps({"format": 2, "applied": 10**9}))
    db = open_db(path)
    idx = search_index(db)
    assert json.loads((folder / "quotebot-state.json").read_text())["format"] == FORMAT == 4
    assert _indexed_ids(db) == _stored_ids(db) and _stored_ids(db)
    with pytest.raises(ValueError, match="speaker"):  # the speaker alone is no field any more
        idx.searcher().doc_freq("speaker", "lavrov")
    assert idx.searcher().doc_freq("all", "lavrov") > 0
    assert search(db, match_expression("Lavrov"))[0] and not search(db, match_expression("stale"))[0]



def test_a_format_3_index_is_rebuilt_sorted_by_weight_with_a_log_line(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Format 3 had the same fields, unsorted, with double-precision weights: a folder written by it
    # is rebuilt from SQLite on open (start-up reconcile does it), saying so, and the new one keeps
    # every segment heaviest first.
    import logging

    import tantivy

    from corpus.index import ANALYZER, analyzer
    from corpus.index_schema import schema

    path = tmp_path / "q.db"
    db = open_db(path)
    ingest_paths(db, [str(SAMPLES)])
    forget(db)
    folder = Path(str(path) + ".index")
    shutil.rmtree(folder)
    folder.mkdir()
    old_index = tantivy.Index(schema(), str(folder))  # no sorting, as format 3 wrote it
    old_index.register_tokenizer(ANALYZER, analyzer())
    writer = old_index.writer(heap_size=15_000_000, num_threads=1)
    writer.add_document(tantivy.Document(id=999_999, all=["stale"], text="stale", weight=0.123456789))
    writer.commit()
    (folder / "quotebot-state.json").write_text(json.dumps({"format": 3, "applied": 10**9}))
    with caplog.at_level(logging.INFO, logger="corpus.index"):
        idx = reconcile(open_db(path))
    assert any("format 3" in r.getMessage() and "rebuilding" in r.getMessage() for r in caplog.records)
    db = open_db(path)
    assert _indexed_ids(db) == _stored_ids(db) and _stored_ids(db)
    assert json.loads((folder / "meta.json").read_text())["index_settings"]["sort_by_field"] == {
        "field": "weight", "order": "Desc"}
    searcher = idx.searcher()
    hits = searcher.search(tantivy.Query.all_query(), 10_000, count=False, order_by_field="id").hits
    by_segment: dict[int, list[tuple[int, float]]] = {}
    for _, a in hits:
        w = searcher.fast_field_values("weight", [a])[0]
        by_segment.setdefault(a.segment_ord, []).append((a.doc, float(w or 0.0)))
    for docs in by_segment.values():  # heaviest first within each segment, at single precision
        weights = [w for _, w in sorted(docs)]
        assert weights == sorted(weights, reverse=True)
        assert all(struct.unpack("<f", struct.pack("<f", w))[0] == w for w in weights)
    assert not search(db, match_expression("stale"))[0]


KILLER = """
import os, signal, sys
sys.path.insert(0, {root!r})
from corpus import index
from corpus import ingest
from corpus.ingest import ingest_paths
from corpus.search import match_expression, search
from corpus.store import open_db

def die(self, *args, **kwargs):
    # SQLite has committed this batch; the index commit never happens (a power cut, a SIGKILL).
    os.kill(os.getpid(), signal.SIGKILL)

index.SearchIndex._commit_writer = die
index.INGEST_EVERY = {every}  # 0: every batch's index commit runs in the background, one document a batch
ingest.BATCH = {batch}
ingest_paths(open_db(sys.argv[1]), sys.argv[2:])
"""


@pytest.mark.parametrize(("every", "batch"), [(3.0, 100), (0.0, 1)], ids=["last-commit", "background-commit"])
def test_a_kill_between_the_sqlite_commit_and_the_index_commit_is_reconciled_at_start_up(
        tmp_path: Path, every: float, batch: int) -> None:
    path = tmp_path / "q.db"
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    db = open_db(path)
    ingest_paths(db, files[:2])
    indexed_before = _indexed_ids(db)
    assert indexed_before == _stored_ids(db)
    forget(db)
    db.close()
    killer = KILLER.format(root=str(ROOT), every=every, batch=batch)
    proc = subprocess.run([sys.executable, "-c", killer, str(path), *files[2:]], capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr.decode()
    db = open_db(path)
    stored = _stored_ids(db)
    assert len(stored) > len(indexed_before)  # the killed ingest did commit to SQLite
    assert _indexed_ids(db) == indexed_before  # ... and not to the index
    forget(db)
    core = Core(path)  # start-up reconciles
    try:
        assert _indexed_ids(open_db(path)) == stored
        newest = db.execute("SELECT s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
                            "ORDER BY q.id DESC LIMIT 1").fetchone()[0]
        reply = core.handle(Request(text=f"/said {newest}"))
        assert reply.cards and not reply.error
    finally:
        core.close()


def test_stats_counters_equal_counting_after_adds_replaces_merges_and_deletes(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    ingest_paths(db, [str(SAMPLES)])
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "tass-1", "text": ARTICLE, "source": "TASS"}) + "\n")
    ingest_paths(db, [str(feed)])
    assert corpus_stats(db) == counted_stats(db)
    feed.write_text(json.dumps({"id": "tass-1", "text": ARTICLE.replace("Monday", "Tuesday"), "source": "RIA"}) + "\n")
    ingest_paths(db, [str(feed)])
    with db.atomic():
        resolve_speaker(db, "Someone Newperson")
        db.execute("UPDATE quotes SET speaker_id = NULL, kind = 'indirect' WHERE id = (SELECT min(id) FROM quotes)")
        db.execute("DELETE FROM quotes WHERE id = (SELECT max(id) FROM quotes)")
        db.execute("DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)")
    assert corpus_stats(db) == counted_stats(db)
    per_speaker = {int(k[8:]): n for k, n in db.execute(
        "SELECT key, n FROM corpus_counts WHERE key LIKE 'speaker:%' AND n != 0").fetchall()}
    assert per_speaker == dict(db.execute("SELECT coalesce(speaker_id, 0), count(*) FROM quotes GROUP BY 1").fetchall())
    spans = "SELECT speaker_id, role, {} FROM {} ORDER BY 1, 2"
    with db.atomic():
        db.execute("UPDATE quotes SET role = 'Minister of Tests' WHERE id IN (SELECT id FROM quotes "
                   "WHERE speaker_id IS NOT NULL ORDER BY id LIMIT 3)")
        db.execute("UPDATE quotes SET published = '2031-01-01' WHERE id = (SELECT max(id) FROM quotes "
                   "WHERE role IS NOT NULL AND role != '')")
    assert db.execute(spans.format("first, last, n", "speaker_role_spans")).fetchall() == db.execute(
        spans.format("min(published), max(published), count(*)", "quotes WHERE speaker_id IS NOT NULL AND "
                     "role IS NOT NULL AND role != '' GROUP BY speaker_id, role")).fetchall()
    assert reconcile(db).applied >= 0 and _indexed_ids(db) == _stored_ids(db)


def test_an_in_memory_database_has_its_own_index_in_memory(tmp_path: Path) -> None:
    # The index of an in-memory database is kept per connection (sqlite3.Connection takes no weak reference).
    article = tmp_path / "talks.txt"
    article.write_text("Harbour talks\n\n“The harbour will reopen in May,” Mayor Anna Berg said on Monday.\n",
                       encoding="utf-8")
    first, second = open_db(memory=True), open_db(memory=True)
    assert ingest_paths(first, [str(article)]).counts["added"] == 1
    hits, _ = search(first, match_expression("harbour", ()))
    assert [(h.speaker, h.text) for h in hits] == [("Anna Berg", "The harbour will reopen in May,")]
    assert index_path(first) is None and search(second, match_expression("harbour", ())) == ([], False)
    assert not list(tmp_path.glob("*.index"))


def test_index_commits_left_running_in_the_background_are_all_recorded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from corpus import index, ingest
    from corpus.index_sync import _changes_high

    monkeypatch.setattr(index, "INGEST_EVERY", 0.0)  # every batch commits, in the background
    monkeypatch.setattr(ingest, "BATCH", 1)
    db = open_db(tmp_path / "q.db")
    started: list[int] = []
    original = SearchIndex._commit_writer

    def counted(self: SearchIndex, writer: object) -> int:
        started.append(1)
        return original(self, writer)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "_commit_writer", counted)
    report = ingest_paths(db, [str(SAMPLES)])
    assert report.counts["added"] == 5 and len(started) >= 5  # one commit per document, the last one waited for
    idx = search_index(db, sync=False)
    assert idx._pending is None  # noqa: SLF001 - nothing left running once the ingest returns
    assert _indexed_ids(db) == _stored_ids(db)
    assert idx.applied == _changes_high(db)[0] > 0  # the state file records the last change applied
    assert db.execute("SELECT count(*) FROM search_changes").fetchone()[0] == 0  # and the log is pruned
    assert idx.hot.current() and idx.champions.current()  # both describe the last commit
