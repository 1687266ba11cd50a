"""Ingest: read inputs, extract quotes, store them — resumable and loss-free.

Documents are committed in small batches inside one transaction each, and an article is
identified by its content hash, so an ingest killed at any point (even SIGKILL) and run
again stores every document exactly once.

Failure is kept as small as it can be:

* a document that cannot be read, extracted or stored is that document's :class:`Skip`
  (with its file:line and reason); the rest of its batch lands (each document is written
  inside its own savepoint);
* a fault of the database itself (locked past :data:`~corpus.store.LOCK_WAIT_SECONDS`,
  read-only, disk full, damaged) stops the ingest with one :class:`StoreError`; the batch
  being written is rolled back whole and every earlier batch stays committed.

Extraction runs outside the write transaction, so the write lock is held only while a
batch is written; with ``jobs > 1`` it runs in worker processes (:mod:`corpus.parallel`).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlite_utils import Database

from .errors import StoreError
from .extract import extract_quotes
from .index import index_changes
from .models import Document, ExtractedQuote
from .readers import Item, Skip, check_file, iter_files, read_path
from .speakers import attribute
from .store import (
    SaveResult,
    Scores,
    content_hash,
    describe_db_error,
    fewer_checkpoints,
    lock_wait,
    quality_scores,
    save_document,
    write_transaction,
)

log = logging.getLogger(__name__)
BATCH = 100  # documents per transaction: small enough to lose little on a kill, big enough to be fast
# Errors that belong to one document's data, not to the database: that document is skipped.
_DOCUMENT_ERRORS = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError, ValueError,
                    UnicodeError, OverflowError)


@dataclass(slots=True)
class IngestReport:
    counts: Counter[str] = field(default_factory=Counter)  # added / replaced / unchanged / skipped
    quotes: int = 0
    skipped: list[Skip] = field(default_factory=list)
    files: int = 0

    def merge(self, other: IngestReport) -> None:
        self.counts.update(other.counts)
        self.quotes += other.quotes
        self.skipped.extend(other.skipped)
        self.files += other.files

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "added": self.counts["added"],
            "replaced": self.counts["replaced"],
            "unchanged": self.counts["unchanged"],
            "skipped": len(self.skipped),
            "quotes": self.quotes,
            "errors": [{"input": s.origin, "reason": s.reason} for s in self.skipped],
        }


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to write: its hash and quotes (``None``: already stored), or why not."""

    doc: Document
    digest: str
    quotes: list[ExtractedQuote] | None
    error: str | None = None
    scores: Scores | None = None  # the quotes' quality, computed with the extraction


def prepare(doc: Document, stored: Callable[[str], bool] | None = None) -> Prepared:
    """Hash and extract one document; an already stored one is not extracted again."""
    digest = content_hash(doc)
    if stored is not None and stored(digest):
        return Prepared(doc, digest, None)
    try:
        quotes = extract_quotes(doc.text, doc.title, doc.lead)
        scores = quality_scores(quotes)
    except Exception as exc:  # noqa: BLE001 - an extractor bug costs this document only
        log.warning("extraction failed for %s", doc.origin, exc_info=True)
        return Prepared(doc, digest, None, error=f"extraction failed: {type(exc).__name__}: {exc}")
    return Prepared(doc, digest, quotes, scores=scores)


def stored_digests(db: Database) -> Callable[[str], bool]:
    def stored(digest: str) -> bool:
        return db.execute("SELECT 1 FROM articles WHERE content_hash = ?", [digest]).fetchone() is not None
    return stored


def save_with_speakers(db: Database, doc: Document, quotes: Sequence[ExtractedQuote],
                       digest: str | None = None, scores: Scores | None = None) -> SaveResult:
    """Attribute and store one extracted document (inside the caller's transaction)."""
    attributed, ids = attribute(db, doc, quotes)
    return save_document(db, doc, attributed, ids, digest=digest, scores=scores)


def store_document(db: Database, doc: Document) -> SaveResult:
    """Extract and store one document (inside the caller's transaction)."""
    p = prepare(doc, stored_digests(db))
    if p.error:
        raise ValueError(p.error)
    return _write_one(db, p)


def _write_one(db: Database, p: Prepared) -> SaveResult:
    if p.quotes is None:  # stored when it was prepared; extract now if it has gone since
        row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [p.digest]).fetchone()
        if row:
            return SaveResult("unchanged", int(row[0]), 0)
        p = Prepared(p.doc, p.digest, extract_quotes(p.doc.text, p.doc.title, p.doc.lead))
    return save_with_speakers(db, p.doc, p.quotes or [], digest=p.digest, scores=p.scores)


def write_batch(db: Database, batch: Sequence[Prepared], report: IngestReport) -> None:
    """Write prepared documents in one transaction; a document that fails is skipped alone.

    Raises :class:`StoreError` (the whole batch rolled back) for a fault of the database.
    """
    results: list[SaveResult] = []
    skipped: list[Skip] = []
    try:
        with write_transaction(db):
            for p in batch:
                if p.error:
                    skipped.append(Skip(p.doc.origin, p.error))
                    continue
                db.execute("SAVEPOINT ingest_document")
                try:
                    results.append(_write_one(db, p))
                except _DOCUMENT_ERRORS as exc:
                    db.execute("ROLLBACK TO ingest_document")
                    skipped.append(Skip(p.doc.origin, f"cannot store: {exc}"))
                db.execute("RELEASE ingest_document")
    except sqlite3.Error as exc:
        raise StoreError(describe_db_error(exc, waited=lock_wait(db))) from exc
    index_changes(db)  # the search index follows SQLite's commit (corpus/index.py)
    for r in results:
        report.counts[r.status] += 1
        report.quotes += r.quotes
    report.skipped.extend(skipped)


def ingest_items(
    db: Database,
    items: Iterable[Item],
    report: IngestReport,
    on_item: Callable[[Item], None] | None = None,
) -> None:
    """Store every document of ``items``, committing every :data:`BATCH` documents."""
    with fewer_checkpoints(db), finishing_index(db):
        stored = stored_digests(db)
        pending: list[Prepared] = []
        for item in items:
            if isinstance(item, Skip):
                report.skipped.append(item)
            else:
                try:
                    pending.append(prepare(item, stored))
                except sqlite3.Error as exc:
                    raise StoreError(describe_db_error(exc, waited=lock_wait(db))) from exc
                if len(pending) >= BATCH:
                    write_batch(db, pending, report)
                    pending = []
            if on_item:
                on_item(item)
        write_batch(db, pending, report)


@contextlib.contextmanager
def finishing_index(db: Database) -> Iterator[None]:
    """At the end of an ingest, the search index catches up and releases its writer — after a
    failure too (without hiding it: what cannot be applied now stays in the change log)."""
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            index_changes(db, done=True)
        raise
    index_changes(db, done=True)


def iter_inputs(paths: list[str], report: IngestReport, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every item of every input, counting files; a missing or unreadable input is a Skip."""
    for path in iter_files(paths):
        if isinstance(path, Skip):
            yield path
            continue
        report.files += 1
        if path != "-" and (problem := check_file(Path(path))):
            yield problem
            continue
        yield from read_path(path, stdin)


def ingest_paths(
    db: Database,
    paths: list[str],
    *,
    stdin: IO[bytes] | None = None,
    on_item: Callable[[Item], None] | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Ingest files, directories (recursively) and ``-`` (standard input); never raises for bad input.

    ``jobs > 1`` extracts in that many worker processes while this one reads and writes.
    Raises :class:`StoreError` when the database itself fails (see the module docstring).
    """
    report = IngestReport()
    items = iter_inputs(paths, report, stdin)
    if jobs > 1:
        from .parallel import ingest_parallel

        ingest_parallel(db, items, report, jobs=jobs, on_item=on_item)
    else:
        ingest_items(db, items, report, on_item)
    return report


def iter_documents(paths: list[str]) -> Iterator[Item]:
    yield from iter_inputs(paths, IngestReport())
