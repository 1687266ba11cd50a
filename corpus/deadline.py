"""One deadline per question, kept by every stage of a search.

``QUOTEBOT_QUERY_TIMEOUT_MS`` bounds a whole question, not one statement: the answering core opens
:func:`question` around each command, and everything a search does under it keeps the same
deadline — SQLite statements through a progress handler (interrupted mid-statement), and the
stages between them (search index calls, speaker look-up, candidate alignment) through
:func:`check`. A tantivy call itself cannot be interrupted, so the bound is "the stage that
crosses the deadline finishes, the next does not start"; each such call is bounded on its own
(top-k with champion lists, a few hundred candidates).

Nested limits keep the earliest deadline; a limit never outlives its block.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlite_utils import Database

from .errors import SearchError

TOO_LONG = "the query took too long; try a more specific topic"
PROGRESS_STEPS = 1000  # SQLite VM steps between two looks at the clock (a few microseconds each)

_DEADLINE: ContextVar[float | None] = ContextVar("quotebot_deadline", default=None)


class QueryTimeout(SearchError):
    """The question ran past its deadline."""

    def __init__(self) -> None:
        super().__init__(TOO_LONG)


def remaining_ms() -> float | None:
    """Milliseconds left before the current deadline (None when nothing bounds this thread)."""
    deadline = _DEADLINE.get()
    return None if deadline is None else (deadline - time.monotonic()) * 1000


def check() -> None:
    """Raise :class:`QueryTimeout` when the current deadline has passed."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() >= deadline:
        raise QueryTimeout()


@contextmanager
def time_limit(db: Database, milliseconds: int) -> Iterator[None]:
    """Bound everything in the block by ``milliseconds`` (or an earlier deadline already running)."""
    outer = _DEADLINE.get()
    deadline = time.monotonic() + max(0, milliseconds) / 1000
    if outer is not None:
        deadline = min(deadline, outer)
    token = _DEADLINE.set(deadline)
    conn = db.conn
    conn.set_progress_handler(lambda: 1 if time.monotonic() >= deadline else 0, PROGRESS_STEPS)
    try:
        check()
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout() from exc
        raise SearchError(f"search failed: {exc}") from exc
    finally:
        _DEADLINE.reset(token)
        if outer is None:
            conn.set_progress_handler(None, 0)
        else:
            conn.set_progress_handler(lambda: 1 if time.monotonic() >= outer else 0, PROGRESS_STEPS)


question = time_limit  # the answering core's name for the per-question bound
