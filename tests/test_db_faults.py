"""Database faults at the command line: one clear line, never a traceback (issue 11, item 11).

A corrupt file, a database written by a newer quotebot, a read-only file and a failed write
each end in one ``Error: …`` line and exit status 1; a read-only corpus still answers.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from adapters.cli import cli
from corpus.errors import StoreError
from corpus.store import open_db


def _one_clear_line(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # not an uncaught exception
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    errors = [ln for ln in lines if "Error: " in ln]
    assert len(errors) == 1 and lines[-1] == errors[0], result.output  # (chat prints its banner first)
    assert "Traceback" not in result.output
    return errors[0]


@pytest.fixture
def corrupt_db(seed_db_path: Path) -> Path:
    with open(seed_db_path, "r+b") as fh:  # overwrite pages in the middle of the file: "malformed"
        fh.seek(4096 * 3)
        fh.write(b"\xff" * 8192)
    return seed_db_path


@pytest.mark.parametrize("args", [
    ["ask", "/quote NATO"],
    ["chat"],
    ["digest", "--channel", "telegram:1", "--dry-run", "--day", "2021-11-19"],  # a day whose pages are read
    ["ingest", "--no-progress", "-"],
])
def test_a_corrupt_database_is_one_clear_line(corrupt_db: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", str(corrupt_db)], input="/quote NATO\n")
    line = _one_clear_line(result)
    assert "malformed" in line or "not a database" in line


def test_a_file_that_is_not_a_database_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(os.urandom(65536))
    line = _one_clear_line(CliRunner().invoke(cli, ["ask", "/quote NATO", "--db", str(bad)]))
    assert "not a database" in line


def _add_future_migration(path: Path, migration_set: str = "quotebot") -> None:
    con = sqlite3.connect(path)
    con.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES (?, '999_from_the_future', '2030-01-01')", [migration_set])
    con.commit()
    con.close()


def test_a_database_from_a_newer_quotebot_is_refused(seed_db_path: Path) -> None:
    _add_future_migration(seed_db_path)
    with pytest.raises(StoreError, match="newer quotebot"):
        open_db(seed_db_path)
    for args in (["stats"], ["ask", "/quote NATO"], ["ingest", "--no-progress", "-"]):
        line = _one_clear_line(CliRunner().invoke(cli, [*args, "--db", str(seed_db_path)], input="x\n"))
        assert "999_from_the_future" in line


@pytest.mark.parametrize("migration_set", ["bot-core", "bot-schedule"])
def test_a_database_whose_bot_tables_a_newer_quotebot_migrated_is_refused(seed_db_path: Path,
                                                                          migration_set: str) -> None:
    from bot.core import Core

    Core(seed_db_path).close()  # the bot's own tables exist
    _add_future_migration(seed_db_path, migration_set)
    line = _one_clear_line(CliRunner().invoke(cli, ["ask", "/quote NATO", "--db", str(seed_db_path)]))
    assert "newer quotebot" in line and "999_from_the_future" in line


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """Make ``path`` read-only for this process: mode 0444, and immutable when we are root."""
    path.chmod(0o444)
    immutable = False
    try:
        if os.access(path, os.W_OK):  # root writes through file modes
            if shutil.which("chattr") is None or subprocess.run(
                    ["chattr", "+i", str(path)], capture_output=True).returncode != 0:
                pytest.skip("cannot make a file read-only for this user")
            immutable = True
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o644)


def test_a_read_only_corpus_still_answers_without_buttons(seed_db_path: Path) -> None:
    from bot.core import Core  # opened once read-write first, as a deployment would have

    Core(seed_db_path).close()
    with _read_only(seed_db_path):
        result = CliRunner().invoke(cli, ["ask", "/said Putin", "--json", "--db", str(seed_db_path)])
        assert result.exit_code == 0, result.output
        assert '"quotes": [' in result.output and '"actions": []' in result.output
        line = _one_clear_line(CliRunner().invoke(cli, ["ingest", "--no-progress", "-", "--db", str(seed_db_path)],
                                                  input="A headline of words\n\nBody of a new article.\n"))
        assert "read-only" in line
