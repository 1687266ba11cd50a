"""Ingest: read inputs, extract quotes, store them — resumable and loss-free.

Documents are committed in small batches inside one transaction each, and an article is
identified by its content hash, so an ingest killed at any point (even SIGKILL) and run
again stores every document exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlite_utils import Database

from .extract import extract_quotes
from .index import index_changes
from .models import Document
from .readers import Item, Skip, iter_files, read_path
from .speakers import attribute
from .store import SaveResult, content_hash, save_document

BATCH = 100  # documents per transaction: small enough to lose little on a kill, big enough to be fast


@dataclass(slots=True)
class IngestReport:
    counts: Counter[str] = field(default_factory=Counter)  # added / replaced / unchanged / skipped
    quotes: int = 0
    skipped: list[Skip] = field(default_factory=list)
    files: int = 0

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


def store_document(db: Database, doc: Document) -> SaveResult:
    """Extract and store one document (inside the caller's transaction)."""
    digest = content_hash(doc)
    row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
    if row:
        return SaveResult("unchanged", int(row[0]), 0)
    quotes, speaker_ids = attribute(db, doc, extract_quotes(doc.text, doc.title, doc.lead))
    return save_document(db, doc, quotes, speaker_ids, digest=digest)


def ingest_items(
    db: Database,
    items: Iterable[Item],
    report: IngestReport,
    on_item: Callable[[Item], None] | None = None,
) -> None:
    """Store every document of ``items``, committing every :data:`BATCH` documents."""
    pending: list[Document] = []

    def flush() -> None:
        if not pending:
            return
        with db.atomic():
            results = [store_document(db, d) for d in pending]
        index_changes(db)  # the search index follows SQLite's commit (corpus/index.py)
        for r in results:
            report.counts[r.status] += 1
            report.quotes += r.quotes
        pending.clear()

    for item in items:
        if isinstance(item, Skip):
            report.skipped.append(item)
        else:
            pending.append(item)
            if len(pending) >= BATCH:
                flush()
        if on_item:
            on_item(item)
    flush()
    index_changes(db, done=True)


def ingest_paths(
    db: Database,
    paths: list[str],
    *,
    stdin: IO[bytes] | None = None,
    on_item: Callable[[Item], None] | None = None,
) -> IngestReport:
    """Ingest files, directories (recursively) and ``-`` (standard input); never raises for bad input."""
    report = IngestReport()
    for path in iter_files(paths):
        report.files += 1
        if path != "-" and not Path(path).exists():
            report.skipped.append(Skip(str(path), "no such file or directory"))
            continue
        ingest_items(db, read_path(path, stdin), report, on_item)
    return report


def iter_documents(paths: list[str]) -> Iterator[Item]:
    for path in iter_files(paths):
        yield from read_path(path)
