"""A one-process ingest's writer thread: batch N is written while batch N + 1 is extracted.

Extraction is Python and holds the GIL; writing a batch spends much of its time where the GIL is
released — inside SQLite (inserting rows, maintaining indexes, committing) and waiting for tantivy's
indexing thread. On a thread of its own that time overlaps the next batch's extraction, on a second
core when there is one. Nothing else changes: the batches are written in input order by the same
:func:`corpus.ingest.write_batch`, the report's skips keep the order a sequential ingest gives them,
and a fault of the database stops the ingest with the same :class:`~corpus.errors.StoreError`
(the batch being written rolled back whole, earlier ones committed), at most one batch later.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlite_utils import Database

from .readers import Skip

if TYPE_CHECKING:
    from .ingest import IngestReport, Prepared

# (the skips read since the last batch, the batch) or None: no more batches.
_Entry = tuple[list[Skip], list["Prepared"]] | None


def db_file(db: Database) -> str:
    """The path of the database's main file ("" for an in-memory or temporary database)."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return str(file or "")
    return ""


class ReadOnlyDigests:
    """Whether an article with a content hash is committed, asked on a read-only connection of its own
    (the writer thread owns the ingest's connection). :meth:`open` gives None when it cannot be opened."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @classmethod
    def open(cls, path: str) -> ReadOnlyDigests | None:
        try:
            return cls(sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True, check_same_thread=False))
        except sqlite3.Error:
            return None

    def __call__(self, digest: str) -> bool:
        try:
            return self._conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", [digest]).fetchone() is not None
        except sqlite3.Error:  # a missing table or a lock: extract; the writer checks again
            return False

    def close(self) -> None:
        self._conn.close()


class BatchWriter:
    """Writes each batch given to :meth:`put` on its own thread, one batch waiting at most."""

    def __init__(self, write: Callable[[Sequence[Prepared]], None], report: IngestReport) -> None:
        self._write = write
        self._report = report
        self._queue: queue.Queue[_Entry] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="quotebot-ingest-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (entry := self._queue.get()) is not None:
            if self._error is not None:
                continue  # a batch failed: the ones queued after it are not written
            skips, batch = entry
            try:
                self._report.skipped.extend(skips)
                self._write(batch)
            except BaseException as exc:  # noqa: BLE001 - handed to the reading thread, raised there
                self._error = exc

    def put(self, skips: list[Skip], batch: list[Prepared]) -> None:
        """Queue a batch (and the skips read before it); raises the error a previous batch met."""
        self._raise()
        self._queue.put((skips, batch))

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # Reading failed or was interrupted, or it is done: the batches queued are written first, as a
        # sequential ingest wrote each one before it read on; then the writer's own error, if any.
        self._queue.put(None)
        self._thread.join()
        if kind is None:
            self._raise()
