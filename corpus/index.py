"""The full-text index: tantivy beside SQLite, derived from it and rebuildable at any time.

SQLite stays the store of record. The index lives in a folder beside the database file
(``quotebot.db`` → ``quotebot.db.index/``; a private in-memory index for an in-memory database)
and holds one document per quote (:mod:`corpus.index_schema`); the folder's state file
(:mod:`corpus.index_state`) records the last change applied and a bound of the quotes' weights.

Keeping in step: triggers log every changed quote id in ``search_changes`` (migration
``006_search_engine``). :meth:`SearchIndex.sync` applies the log after SQLite has committed —
delete by id, re-add from the current rows — commits the index and only then records the
applied sequence number in ``state.json`` and prunes the log. Replaying is idempotent, so a
process killed between the SQLite commit and the index commit loses nothing: the next sync
(start-up, next ingest, or the next search when the writer is free) applies the rest. A missing,
foreign or older-format index folder is rebuilt from SQLite (``quotebot reindex`` does it on demand).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import weakref
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .index_schema import ANALYZER, FORMAT, analyzer
from .index_sync import SearchIndex

__all__ = [
    "ANALYZER", "FORMAT", "SearchIndex", "analyzer", "forget", "index_changes", "index_path", "open_folders",
    "reconcile", "reindex", "search_index",
]

log = logging.getLogger(__name__)
INGEST_EVERY = 3.0  # seconds between index commits during an ingest (each commit writes a segment)


_registry_lock = threading.Lock()
_by_path: dict[str, SearchIndex] = {}
_by_conn: weakref.WeakKeyDictionary[sqlite3.Connection, SearchIndex] = weakref.WeakKeyDictionary()


def index_path(db: Database) -> Path | None:
    """``<database file>.index`` beside the database; None for an in-memory or temporary one."""
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main":
            return Path(str(row[2]) + ".index") if row[2] else None
    return None


def search_index(db: Database, *, sync: bool = True) -> SearchIndex:
    """The index of ``db``, opened once per process; brought in step with SQLite when the writer is free."""
    path = index_path(db)
    with _registry_lock:
        if path is None:
            idx = _by_conn.get(db.conn)
            if idx is None:
                idx = _by_conn[db.conn] = SearchIndex(None)
        else:
            key = str(path.resolve())
            idx = _by_path.get(key)
            if idx is None:
                idx = _by_path[key] = SearchIndex(path)
    if sync:
        # A never-built index must exist before it can answer; otherwise catching up is best-effort.
        idx.sync(db, wait=idx.applied < 0, prune=False)
    return idx


def reconcile(db: Database) -> SearchIndex:
    """Start-up: apply whatever SQLite committed that the index has not (a crash between the two
    commits). When another process holds the writer it is ingesting, and applies the log itself."""
    idx = search_index(db, sync=False)
    if not idx.sync(db, wait=idx.applied < 0):
        log.info("search index busy (another process is writing it); it applies the change log")
    elif not idx.hot.current() or not idx.champions.current():  # killed before writing them, or older
        idx.recount_kept(db)
    return idx


def index_changes(db: Database, *, done: bool = False) -> None:
    """Ingest's hook, called after each SQLite commit: hand the new changes to the index writer at once
    (its indexing thread works while the next batch is extracted), commit them every few seconds and
    when ``done`` (then the writer is released for other processes). What a kill leaves uncommitted
    stays in the change log for the next sync."""
    idx = search_index(db, sync=False)
    if not done and time.monotonic() - idx.last_sync < INGEST_EVERY:
        idx.sync(db, keep_writer=True, commit=False)
        return
    try:
        if idx.sync(db, wait=done, keep_writer=not done, background=not done):
            idx.last_sync = time.monotonic()
    finally:
        if done:
            idx.release()


def reindex(db: Database, progress: Any = None) -> int:
    """Rebuild the index from SQLite; returns the number of quotes indexed."""
    idx = search_index(db, sync=False)
    idx.rebuild(db, progress=progress)
    return int(idx.searcher().num_docs)


def open_folders() -> list[Path]:
    """The index folders this process has open (what :mod:`corpus.resident` may release)."""
    with _registry_lock:
        return [Path(k) for k in _by_path]


def forget(db: Database) -> None:
    """Drop this process's handle on ``db``'s index (tests, closing a database)."""
    path = index_path(db)
    with _registry_lock:
        if path is None:
            _by_conn.pop(db.conn, None)
        else:
            _by_path.pop(str(path.resolve()), None)
