"""Committing a :class:`corpus.index.SearchIndex`'s writer: now, or left running on a thread of its own
while ingest goes on; then recording what the commit applied (the state file, the pruned change log,
the hot words' counts and the champion lists that describe it)."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from typing import cast

import tantivy
from sqlite_utils import Database

from .champions import Champions
from .hot_counts import HotCounts
from .index_state import IndexState


class BackgroundCommit(threading.Thread):
    """A writer's commit on a thread of its own: tantivy writes the segment without holding the GIL, so
    ingest's next batch is extracted meanwhile (over the Kremlin corpus each commit kept the ingesting
    thread waiting 0.1 s, 4 % of its time). Recorded by :meth:`SearchIndex._finish_commit`."""

    def __init__(self, commit: Callable[[tantivy.IndexWriter], int], writer: tantivy.IndexWriter, applied: int,
                 prune: bool, buckets: int) -> None:
        super().__init__(name="search-index-commit", daemon=True)
        self.commit, self.writer, self.applied, self.prune, self.buckets = commit, writer, applied, prune, buckets
        self.opstamp, self.error = 0, cast(BaseException | None, None)
        self.start()

    def run(self) -> None:
        try:
            self.opstamp = self.commit(self.writer)
        except BaseException as exc:  # noqa: BLE001 - raised where the commit is recorded
            self.error = exc

    def result(self) -> int:
        self.join()
        if self.error is not None:
            raise self.error
        return self.opstamp


class IndexCommits(IndexState):
    """The commit half of :class:`corpus.index.SearchIndex`."""

    lock: threading.RLock
    schema: tantivy.Schema
    analyzer: tantivy.TextAnalyzer
    hot: HotCounts
    champions: Champions
    _writer: tantivy.IndexWriter | None
    _added: int | None
    _pending: BackgroundCommit | None

    def release(self) -> None:
        """Drop the writer (its uncommitted changes with it: the change log still holds them)."""
        with self.lock:
            pending, self._pending = self._pending, None
            if pending is not None:  # let it end first; unrecorded, its changes are applied again next time
                with contextlib.suppress(Exception):
                    pending.result()
            self._writer = None
            self._added = None

    def _commit_writer(self, writer: tantivy.IndexWriter) -> int:
        """The one place the writer commits (a test kills the process here: SQLite committed, the index not)."""
        return int(writer.commit())

    def _commit(self, db: Database, writer: tantivy.IndexWriter, applied: int, *, prune: bool,
                max_weight: float | None = None) -> int:
        opstamp = self._commit_writer(writer)
        self._record(db, applied, prune=prune, max_weight=max_weight)
        return opstamp

    def _record(self, db: Database, applied: int, *, prune: bool, max_weight: float | None = None) -> None:
        """After a commit: the state file says what it applied, the log is pruned up to it."""
        self._write_state(applied, max_weight)
        self.index.reload()
        if prune:
            self._prune(db, applied)

    def _write_kept(self, db: Database, opstamp: int, buckets: int) -> None:
        """After a sync's commit: the hot words' counts and the champion lists describe it."""
        self._added = None
        self.hot.write(self.index.searcher(), self.schema, buckets, opstamp)
        self.champions.write(db, self.index.searcher(), opstamp, list(self.hot.counts), self.analyzer.analyze)

    def _finish_commit(self, db: Database) -> None:
        """Record the commit a ``background`` sync left running, once it has ended (waiting for it)."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        try:
            opstamp = pending.result()
        except BaseException:
            self._added = None
            with contextlib.suppress(Exception):  # a writer that failed to commit may refuse this too
                pending.writer.rollback()
            raise
        self._record(db, pending.applied, prune=pending.prune)
        self._write_kept(db, opstamp, pending.buckets)

    @staticmethod
    def _prune(db: Database, applied: int) -> None:
        with contextlib.suppress(sqlite3.OperationalError), db.atomic():  # busy: pruned next time
            db.execute("DELETE FROM search_changes WHERE seq <= ?", [applied])
            db.execute("UPDATE search_state SET pruned_upto = max(pruned_upto, ?)", [applied])
