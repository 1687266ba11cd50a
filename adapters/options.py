"""Options shared by every CLI command."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlite_utils import Database

from corpus.errors import CorpusError
from corpus.store import DEFAULT_DB, open_db

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False), default=None,
        help=f"SQLite corpus file (default: $QUOTEBOT_DB, else ./{DEFAULT_DB}).",
    )(func)


def resolve_db_path(db_path: str | None) -> str:
    return db_path or os.environ.get("QUOTEBOT_DB") or DEFAULT_DB


def open_database(db_path: str | None) -> Database:
    """Open (creating it if need be) the corpus: for ``ingest``, the one command that makes one."""
    try:
        return open_db(resolve_db_path(db_path))
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc


def existing_corpus(db_path: str | None) -> str:
    """The path of an existing corpus; a missing file is named with the fix, and nothing is created
    (a mistyped --db must not leave an empty database behind and carry on as if all were well)."""
    path = resolve_db_path(db_path)
    if not Path(path).exists():
        raise click.ClickException(f"there is no corpus at {path} — run quotebot ingest FILE --db {path} "
                                   "(or make demo, which builds demo.db)")
    return path


def refuse_empty(db: Database, path: str) -> None:
    """Refuse a corpus that holds no article (an empty file, or a database made by a mistyped --db)."""
    if db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
        db.close()
        raise click.ClickException(f"the corpus at {path} is empty — run quotebot ingest FILE --db {path}")


def open_corpus(db_path: str | None) -> Database:
    """An existing, non-empty corpus, for every command that reads one (not ``ingest`` or ``demo``)."""
    path = existing_corpus(db_path)
    db = open_database(path)
    refuse_empty(db, path)
    return db
