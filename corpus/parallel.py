"""Extraction in worker processes, one writer: ``quotebot ingest --jobs N``.

This process reads the inputs and writes every batch (SQLite allows one writer at a time,
and one writer keeps the batches, their order and the skip reports exactly as in a
one-process ingest). Worker processes hash and extract; each opens its own read-only
connection so that an article already stored is not extracted again. At most ``2 × jobs``
batches are in flight, so memory stays bounded however large the input is.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable
from multiprocessing.pool import AsyncResult
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from .ingest import BATCH, IngestReport, Prepared, finishing_index, prepare, write_batch
from .models import Document, ExtractedQuote
from .readers import Item, Skip
from .store import Scores, fewer_checkpoints

_worker_db: sqlite3.Connection | None = None
# digest, quotes as field tuples (None: already stored), error, the quotes' quality scores. Plain
# tuples cross the process boundary: unpickling frozen dataclasses cost the writer 2.5 times as much.
Outcome = tuple[str, list[tuple[Any, ...]] | None, str | None, Scores | None]
_FIELDS = tuple(f.name for f in dataclasses.fields(ExtractedQuote))


def _init_worker(db_file: str) -> None:
    global _worker_db
    if db_file:
        _worker_db = sqlite3.connect(f"file:{quote(db_file)}?mode=ro", uri=True, check_same_thread=False)


def _stored(digest: str) -> bool:
    if _worker_db is None:
        return False
    try:
        return _worker_db.execute("SELECT 1 FROM articles WHERE content_hash = ?", [digest]).fetchone() is not None
    except sqlite3.Error:  # the writer's lock or a missing table: extract; the writer checks again
        return False


def _prepare_batch(docs: list[Document]) -> list[Outcome]:
    out: list[Outcome] = []
    for doc in docs:
        p = prepare(doc, _stored)
        quotes = None if p.quotes is None else [tuple(getattr(q, f) for f in _FIELDS) for q in p.quotes]
        out.append((p.digest, quotes, p.error, p.scores))
    return out


def _prepared(doc: Document, outcome: Outcome) -> Prepared:
    digest, quotes, error, scores = outcome
    return Prepared(doc, digest, None if quotes is None else [ExtractedQuote(*q) for q in quotes], error, scores)


def _db_file(db: Database) -> str:
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return str(file or "")
    return ""


def ingest_parallel(db: Database, items: Iterable[Item], report: IngestReport, *, jobs: int,
                    on_item: Callable[[Item], None] | None = None) -> None:
    """Like :func:`corpus.ingest.ingest_items`, extracting in ``jobs`` worker processes."""
    methods = multiprocessing.get_all_start_methods()
    # fork starts a worker in milliseconds; the CLI forks before any thread exists.
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    inflight: deque[tuple[list[Document], AsyncResult[Any]]] = deque()
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(_db_file(db),))
    with fewer_checkpoints(db), finishing_index(db), pool:

        def drain(limit: int) -> None:
            while len(inflight) > limit:
                docs, result = inflight.popleft()
                outcomes = result.get()
                write_batch(db, [_prepared(d, o) for d, o in zip(docs, outcomes, strict=True)], report)

        batch: list[Document] = []
        for item in items:
            if isinstance(item, Skip):
                report.skipped.append(item)
            else:
                batch.append(item)
                if len(batch) >= BATCH:
                    inflight.append((batch, pool.apply_async(_prepare_batch, (batch,))))
                    batch = []
                    drain(2 * jobs)
            if on_item:
                on_item(item)
        if batch:
            inflight.append((batch, pool.apply_async(_prepare_batch, (batch,))))
        drain(0)
