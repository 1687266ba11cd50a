"""Options shared by every CLI command."""

from __future__ import annotations

import os
from collections.abc import Callable
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
    try:
        return open_db(resolve_db_path(db_path))
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
