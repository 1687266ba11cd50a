"""Ingest through the front door: idempotent, replacing, loss-free, and honest about skips."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from adapters.cli import cli
from corpus.index import forget, search_index
from corpus.ingest import ingest_paths
from corpus.store import open_db

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"

ARTICLE = (
    "Lavrov meets press\n\nMOSCOW, March 3. /TASS/. \u201cWe are always ready for honest talks with "
    "everyone who wants them,\u201d Russian Foreign Minister Sergey Lavrov said on Monday.\n"
)


def _counts(path: Path) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        return (con.execute("SELECT count(*) FROM articles").fetchone()[0],
                con.execute("SELECT count(*) FROM quotes").fetchone()[0])
    finally:
        con.close()


def test_ingesting_the_samples_twice_keeps_five_articles_and_the_same_quotes(tmp_path: Path) -> None:
    db_file = tmp_path / "q.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(SAMPLES), "--db", str(db_file), "--json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.output)
    assert summary["added"] == 5 and summary["skipped"] == 0
    counts = _counts(db_file)
    second = runner.invoke(cli, ["ingest", str(SAMPLES), "--db", str(db_file), "--json"])
    assert json.loads(second.output)["unchanged"] == 5
    assert _counts(db_file) == counts
    assert counts[0] == 5


def test_changed_content_under_the_same_id_replaces_article_and_quotes(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "tass-1", "text": ARTICLE}) + "\n")
    ingest_paths(db, [str(feed)])
    changed = ARTICLE.replace("honest talks", "frank and honest talks")
    feed.write_text(json.dumps({"id": "tass-1", "text": changed}) + "\n")
    report = ingest_paths(db, [str(feed)])
    assert report.counts["replaced"] == 1
    rows = db.execute("SELECT id, text FROM articles").fetchall()
    assert len(rows) == 1 and "frank and honest" in rows[0][1]
    quotes = db.execute("SELECT q.text FROM quotes q").fetchall()
    assert all("frank" in q[0] for q in quotes)
    idx = search_index(db)  # the index dropped the old quotes and holds the new ones
    assert idx.searcher().search(idx.index.parse_query("honest", ["text"]), 100).count == len(quotes)
    assert idx.searcher().search(idx.index.parse_query("frank", ["text"]), 100).count == len(quotes)


def test_a_bad_file_is_skipped_with_its_reason_and_the_rest_ingested(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(ARTICLE)
    (inputs / "binary.txt").write_bytes(b"\x00\x00\x00")
    (inputs / "broken.jsonl").write_text('{"id": 1, "text": "Short piece of news."}\n{oops\n')
    result = CliRunner().invoke(cli, ["ingest", str(inputs), str(tmp_path / "missing.txt"),
                                      "--db", str(tmp_path / "q.db"), "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.output)
    assert summary["added"] == 2
    reasons = {Path(e["input"]).name: e["reason"] for e in summary["errors"]}
    assert reasons == {
        "binary.txt": "binary file (NUL bytes)",
        "broken.jsonl:2": "malformed JSON: Expecting property name enclosed in double quotes",
        "missing.txt": "no such file or directory",
    }


def test_ingest_from_stdin(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", str(tmp_path / "q.db")], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert _counts(tmp_path / "q.db")[0] == 1


def _write_feed(path: Path, n: int) -> None:
    with path.open("w") as fh:
        for i in range(n):
            text = (f"Report number {i} on talks\n\nMOSCOW, March {i % 28 + 1}. /TASS/. "
                    f"\u201cThe talks number {i} were useful and we will continue them,\u201d "
                    f"Sergey Lavrov said.\n\n" + "Background paragraph with more words. " * 40)
            fh.write(json.dumps({"id": f"doc-{i}", "text": text}) + "\n")


def test_an_ingest_killed_with_sigkill_and_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    feed, db_file = tmp_path / "feed.jsonl", tmp_path / "q.db"
    n = 4000
    _write_feed(feed, n)
    cmd = [sys.executable, "-m", "adapters", "ingest", str(feed), "--db", str(db_file), "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db_file.exists():
            try:
                stored = _counts(db_file)[0]
            except sqlite3.Error:
                stored = 0
            if stored > 0:
                break
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed; make the feed bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    killed_at = _counts(db_file)[0]
    assert 0 < killed_at < n
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    con = sqlite3.connect(db_file)
    assert con.execute("SELECT count(*), count(DISTINCT ext_id), count(DISTINCT content_hash) FROM articles"
                       ).fetchone() == (n, n, n)
    stored_quotes = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    con.close()
    reopened = open_db(db_file)
    assert search_index(reopened).num_docs() == stored_quotes  # the index holds every stored quote once
    forget(reopened)
    reopened.close()
    clean = open_db(tmp_path / "clean.db")
    ingest_paths(clean, [str(feed)])
    assert stored_quotes == clean.execute("SELECT count(*) FROM quotes").fetchone()[0] > 0
    con.close()


def test_ingest_with_worker_processes_stores_the_same_as_one_process(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    _write_feed(feed, 450)
    with feed.open("a") as fh:
        fh.write('{"id": "bad", "text": 5}\n')
    results = {}
    for jobs in ("1", "2"):
        db_file = tmp_path / f"q{jobs}.db"
        run = CliRunner().invoke(cli, ["ingest", str(feed), str(SAMPLES), "--db", str(db_file), "--json",
                                       "--jobs", jobs])
        assert run.exit_code == 1  # the one bad line
        summary = json.loads(run.output)
        con = sqlite3.connect(db_file)
        rows = con.execute("""SELECT a.ext_id, a.origin, q.text, q.start, s.name FROM quotes q
                              JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
                              ORDER BY a.origin, a.ext_id, q.start""").fetchall()
        con.close()
        results[jobs] = (summary["added"], summary["quotes"], summary["errors"], rows)
    assert results["1"][0] == 455 and results["1"][1] > 450
    assert results["2"] == results["1"]
    again = CliRunner().invoke(cli, ["ingest", str(feed), str(SAMPLES), "--db", str(tmp_path / "q2.db"), "--json",
                                     "--jobs", "2"])
    assert json.loads(again.output)["unchanged"] == 455


def test_an_ingest_checkpoints_the_log_less_often_and_restores_the_setting_after(tmp_path: Path) -> None:
    from corpus.store import INGEST_CHECKPOINT_PAGES

    db = open_db(tmp_path / "q.db")
    before = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    during: list[int] = []
    for jobs in (1, 2):
        report = ingest_paths(db, [str(SAMPLES)], jobs=jobs,
                              on_item=lambda _: during.append(db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]))
        assert report.counts["added" if jobs == 1 else "unchanged"] == 5
        assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before == 1000
    assert set(during) == {INGEST_CHECKPOINT_PAGES}
    # What the ingest wrote is in the database file itself once it returns (its last checkpoint), not
    # only in the log: a second connection that ignores the log sees it while the first is still open.
    con = sqlite3.connect(f"file:{tmp_path / 'q.db'}?immutable=1", uri=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    con.close()
    db.close()
