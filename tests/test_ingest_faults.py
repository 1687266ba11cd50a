"""Ingest under faults: lock contention, bad documents, a failed watched-folder poll, a full disk.

Every test here reproduces a failure seen in the hardening review (issue 11, items 7 and 8)
against a real SQLite file.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from corpus.errors import StoreError
from corpus.feeds import FolderWatch
from corpus.ingest import IngestReport, ingest_items, ingest_paths, store_document
from corpus.models import Document, ExtractedQuote
from corpus.store import LOCK_WAIT_SECONDS, describe_db_error, lock_wait, open_db, write_transaction


def _article(i: int) -> str:
    return (f"Report number {i} on talks\n\nMOSCOW, March {i % 28 + 1}. /TASS/. "
            f"\u201cThe talks number {i} were useful and we will continue them,\u201d "
            f"Sergey Lavrov said.\n\n" + "Background paragraph with more words. " * 10)


def _write_feed(path: Path, n: int) -> None:
    with path.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"doc-{i}", "text": _article(i)}) + "\n")


def test_an_ingest_beside_busy_readers_and_a_writer_lands_every_article(tmp_path: Path) -> None:
    """The bot reads and writes (button tokens) while ingest runs: ingest waits for the lock, never dies."""
    db_file, feed = tmp_path / "q.db", tmp_path / "feed.jsonl"
    n = 600
    _write_feed(feed, n)
    open_db(db_file).execute("CREATE TABLE bot_side (x INTEGER)")
    stop = threading.Event()
    errors: list[BaseException] = []

    def reader() -> None:
        con = sqlite3.connect(db_file, timeout=30)
        while not stop.is_set():
            con.execute("SELECT count(*) FROM quotes").fetchone()
        con.close()

    def writer() -> None:  # what the bot does for every answer with buttons: a short write transaction
        db = open_db(db_file)
        try:
            while not stop.is_set():
                with write_transaction(db):
                    db.execute("SELECT count(*) FROM bot_side").fetchone()
                    db.execute("INSERT INTO bot_side (x) VALUES (1)")
                time.sleep(0.001)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(2)] + [threading.Thread(target=writer)]
    for t in threads:
        t.start()
    try:
        report = ingest_paths(open_db(db_file), [str(feed)])
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert errors == []
    assert report.counts["added"] == n and report.skipped == []
    con = sqlite3.connect(db_file)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == n


def test_a_deferred_reader_turned_writer_elsewhere_does_not_kill_ingest(tmp_path: Path) -> None:
    """The failure seen under Slack load: ingest's transaction read first, another connection
    committed, and the upgrade to a write failed at once with 'database is locked'."""
    db_file, feed = tmp_path / "q.db", tmp_path / "feed.jsonl"
    n = 400
    _write_feed(feed, n)
    open_db(db_file).execute("CREATE TABLE bot_side (x INTEGER)")
    stop = threading.Event()

    def committer() -> None:  # plain sqlite3 autocommit writes, one every millisecond
        con = sqlite3.connect(db_file, timeout=30, isolation_level=None)
        while not stop.is_set():
            con.execute("INSERT INTO bot_side (x) VALUES (1)")
            time.sleep(0.001)
        con.close()

    t = threading.Thread(target=committer)
    t.start()
    try:
        report = ingest_paths(open_db(db_file), [str(feed)])
    finally:
        stop.set()
        t.join()
    assert report.counts["added"] == n


def test_one_bad_line_costs_only_itself_and_the_batch_lands(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"ok-{i}", "text": _article(i)}) for i in range(6)]
    lines[1] = json.dumps({"id": "bad-url", "url": 12345, "text": _article(101)})
    lines[2] = json.dumps({"id": "bad-title", "title": ["a", "list"], "text": _article(102)})
    lines[3] = json.dumps({"id": "surrogate", "text": "Lone \ud800 surrogate in a text that is long enough."})
    feed.write_text("\n".join(lines) + "\n")
    db = open_db(tmp_path / "q.db")
    report = ingest_paths(db, [str(feed)])
    assert report.counts["added"] == 3
    reasons = {s.origin.rsplit("/", 1)[-1]: s.reason for s in report.skipped}
    assert reasons == {
        "feed.jsonl:2": "'url' is not a string",
        "feed.jsonl:3": "'title' is not a string",
        "feed.jsonl:4": "text is not valid Unicode (lone surrogate at character 5)",
    }
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def _quote(text: str, doc: str, speaker: str) -> ExtractedQuote:
    start = doc.index(text)
    return ExtractedQuote(start, start + len(text), text, speaker, "direct", confidence=0.9)


def test_a_speaker_renamed_mid_document_keeps_its_quotes(tmp_path: Path) -> None:
    """'V. Putin' and then 'Vladimir Putin' in one document: the row is upgraded to the full name while
    the document still points at it (a merge that deleted the row crashed a newswire ingest with
    'FOREIGN KEY constraint failed'; any such failure is now that document's skip, see below)."""
    from corpus.ingest import save_with_speakers

    db = open_db(tmp_path / "q.db")
    text = "Talks\n\n\u201cWe will win,\u201d V. Putin said. \u201cWe are ready,\u201d said Vladimir Putin.\n"
    quotes = [_quote("We will win,", text, "V. Putin"), _quote("We are ready,", text, "Vladimir Putin")]
    with write_transaction(db):
        result = save_with_speakers(db, Document(text=text, title="Talks", origin="t:1"), quotes)
    assert result.quotes == 2
    rows = db.execute("SELECT s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id").fetchall()
    assert [r[0] for r in rows] == ["Vladimir Putin", "Vladimir Putin"]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_document_that_fails_to_store_is_skipped_and_the_rest_of_its_batch_lands(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    # A trigger standing in for any per-document store failure (a constraint the data breaks).
    db.execute("""CREATE TRIGGER refuse_poison BEFORE INSERT ON articles
                  WHEN NEW.ext_id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned article'); END""")
    docs = [Document(text=_article(i), doc_id="poison" if i == 2 else f"d{i}", origin=f"feed.jsonl:{i + 1}")
            for i in range(5)]
    report = IngestReport()
    ingest_items(db, docs, report)
    assert report.counts["added"] == 4
    assert [(s.origin, s.reason) for s in report.skipped] == [("feed.jsonl:3", "cannot store: poisoned article")]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 4


def test_store_document_is_unchanged_for_the_same_content(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    doc = Document(text=_article(1), doc_id="x", origin="x")
    with write_transaction(db):
        assert store_document(db, doc).status == "added"
    with write_transaction(db):
        assert store_document(db, doc).status == "unchanged"


def test_a_watched_folder_poll_that_fails_is_retried(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(_article(1))
    db_file = tmp_path / "q.db"
    open_db(db_file).close()
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock longer than ingest waits
    watch = FolderWatch(inbox)
    db = open_db(db_file, lock_wait=0.2)
    with pytest.raises(StoreError, match="locked"):
        watch.poll(db)
    holder.execute("ROLLBACK")
    holder.close()
    assert watch.poll(db).counts["added"] == 1  # the file was not marked as seen by the failed poll
    assert watch.poll(db).files == 0


def test_a_full_disk_stops_ingest_with_one_clear_error_and_keeps_what_was_committed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    _write_feed(feed, 1500)
    db = open_db(tmp_path / "q.db")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 150}")  # SQLite's own "disk full" (SQLITE_FULL)
    with pytest.raises(StoreError, match="disk is full"):
        ingest_paths(db, [str(feed)])
    db.execute("PRAGMA max_page_count = 1000000")
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < stored < 1500 and stored % 100 == 0  # whole batches, nothing half-written
    assert ingest_paths(db, [str(feed)]).counts["added"] == 1500 - stored


async def test_serve_tries_a_failed_folder_poll_again_at_the_next_tick(tmp_path: Path) -> None:
    from bot.scheduling.ingest_jobs import ingest_jobs
    from bot.scheduling.schedule_config import ScheduleConfig

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(_article(1))
    db_file = tmp_path / "data" / "q.db"  # its folder does not exist yet: the first poll fails
    [job] = ingest_jobs(str(db_file), ScheduleConfig(watch=(str(inbox),), every_minutes=60))
    await job()
    db_file.parent.mkdir()
    await job()  # the next tick, well inside the hour: tried again, not skipped until then
    con = sqlite3.connect(db_file)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_writer_waits_thirty_seconds_for_another_writers_lock_by_default(tmp_path: Path) -> None:
    # The README's "wait up to 30 s for another writer": every connection ingest and the bot open.
    db = open_db(tmp_path / "q.db")
    assert lock_wait(db) == LOCK_WAIT_SECONDS == 30.0
    assert "waited 30 s" in describe_db_error(sqlite3.OperationalError("database is locked"), waited=lock_wait(db))
