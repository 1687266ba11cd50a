"""The SQLite corpus: opening (creating and migrating) the database, and writing articles.

The schema and its numbered migrations are in :mod:`corpus.migrations`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .added_quotes import note_added_quotes
from .clean import fold_spaces
from .errors import StoreError
from .migrations import migrations
from .models import Document, ExtractedQuote
from .quality import quality

DEFAULT_DB = "quotebot.db"


def fold(name: str) -> str:
    """The lookup key of a name: spaces folded, case folded, whitespace collapsed."""
    return " ".join(fold_spaces(name).casefold().split())


LOCK_WAIT_SECONDS = 30.0  # how long a writer waits for another writer's lock before giving up


class CorpusDatabase(Database):
    """A sqlite-utils Database whose outermost transaction takes the write lock up front.

    ``BEGIN`` (deferred) reads first and upgrades to a write later; in WAL mode that upgrade fails
    at once with "database is locked" when another connection committed in between, without
    waiting (SQLITE_BUSY_SNAPSHOT). ``BEGIN IMMEDIATE`` takes the lock before the first read and
    waits up to the busy timeout (:data:`LOCK_WAIT_SECONDS`) for it. Nested blocks are savepoints.
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic() as db:
                yield db
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise


# WAL pages (4 KiB) between checkpoints while an ingest writes: SQLite's default of 1,000 checkpoints
# every 4 MB, and each checkpoint syncs the file to disk: over the Kremlin corpus the batches' commits
# took 0.55 s of wall time with it and 0.18 s without, and the index pages that every batch rewrites
# were copied into the database file again and again.
INGEST_CHECKPOINT_PAGES = 10_000


@contextlib.contextmanager
def fewer_checkpoints(db: Database) -> Iterator[None]:
    """While a bulk write runs, checkpoint the write-ahead log every :data:`INGEST_CHECKPOINT_PAGES`
    pages; after it, the connection's own setting again and one checkpoint of what is left (passive:
    it never waits for a reader). Commits stay as durable as before: only when the log is copied
    into the database file changes."""
    before = int(db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    db.conn.execute(f"PRAGMA wal_autocheckpoint={max(before, INGEST_CHECKPOINT_PAGES)}")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):  # a database that failed is reported by the ingest itself
            db.conn.execute(f"PRAGMA wal_autocheckpoint={before}")
            db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def write_transaction(db: Database) -> contextlib.AbstractContextManager[Database]:
    """A write transaction that takes the lock up front (see :class:`CorpusDatabase`)."""
    return db.atomic()


def describe_db_error(exc: sqlite3.Error, path: object = "", waited: float = LOCK_WAIT_SECONDS) -> str:
    """One line for an operator: what went wrong with the database file, without SQLite jargon."""
    msg = str(exc)
    where = f" {path}" if path else ""
    if "readonly" in msg or "read-only" in msg:
        return f"database{where} is read-only: cannot write to it"
    if "disk is full" in msg or "disk I/O error" in msg:
        return f"cannot write database{where}: {msg} (free some space and run again; nothing was half-written)"
    if "locked" in msg or "busy" in msg:
        return f"database{where} is locked by another writer (waited {waited:g} s); try again"
    if "malformed" in msg or "not a database" in msg or "corrupt" in msg:
        return f"database{where} is damaged ({msg}); restore it from a backup or rebuild it with quotebot ingest"
    return f"database{where}: {msg}"


def check_not_newer(db: Database, known: Migrations) -> None:
    """Refuse a database that a newer quotebot migrated: unknown steps of ``known``'s set were applied."""
    if not db[known.migrations_table].exists():
        return
    ours = {m.name for m in known._migrations}  # noqa: SLF001 - sqlite-utils keeps the registry private
    unknown = [n for n in (a.name for a in known.applied(db)) if n not in ours]
    if unknown:
        raise StoreError(f"the database was written by a newer quotebot (unknown schema steps: "
                         f"{', '.join(unknown[:5])}); upgrade quotebot to use it")


class _MemoryConnection(sqlite3.Connection):
    """A plain connection that can be weakly referenced (see :func:`open_db`)."""


def open_db(path: str | os.PathLike[str] | None = None, *, memory: bool = False,
            lock_wait: float = LOCK_WAIT_SECONDS) -> Database:
    """Open (creating and migrating if needed) the corpus database.

    ``path`` defaults to ``$QUOTEBOT_DB`` or ``./quotebot.db``; ``memory=True`` gives a
    private in-memory database (tests). A writer waits up to ``lock_wait`` seconds for
    another writer's lock. A database that cannot be written (a read-only file) is opened
    for reading; a database migrated by a newer quotebot is refused.
    """
    target = Path(path or os.environ.get("QUOTEBOT_DB") or DEFAULT_DB)
    try:
        if memory:
            # A connection class of our own: the search index of an in-memory database is kept per connection
            # in a weak mapping, and sqlite3.Connection itself takes no weak reference.
            db: Database = CorpusDatabase(sqlite3.connect(":memory:", factory=_MemoryConnection,
                                                          check_same_thread=False))
        else:
            if target.parent and not target.parent.exists():
                raise StoreError(f"database folder does not exist: {target.parent}")
            db = CorpusDatabase(sqlite3.connect(str(target), check_same_thread=False, timeout=lock_wait))
            db.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a crash can lose the last commits, never corrupt or half-apply one.
            db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        check_not_newer(db, migrations)
        if migrations.pending(db):
            migrations.apply(db)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {describe_db_error(exc, '' if memory else target, lock_wait)}") from exc
    return db


def lock_wait(db: Database) -> float:
    """How long (seconds) this connection waits for another writer's lock."""
    return int(db.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000


def is_read_only(db: Database) -> bool:
    """Whether writes to ``db`` will fail (a read-only file or folder)."""
    return bool(db.conn.execute("PRAGMA query_only").fetchone()[0]) or _readonly_probe(db)


def _readonly_probe(db: Database) -> bool:
    try:
        with write_transaction(db):
            pass
    except sqlite3.OperationalError as exc:
        return "readonly" in str(exc)
    return False


def content_hash(doc: Document) -> str:
    """The identity of one version of one article: its text and every field the input gave.

    The same input twice hashes the same (→ ``unchanged``); the same wording published under
    another id or title (the Kremlin site reuses one-line texts) is a different article.
    """
    fields = [doc.doc_id, doc.url, doc.title, doc.source, doc.published, doc.lead, doc.text]
    payload = json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(payload).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class SaveResult:
    status: Literal["added", "replaced", "unchanged"]
    article_id: int
    quotes: int


def find_existing(db: Database, doc: Document) -> tuple[int, str] | None:
    """The ``(id, content_hash)`` of the stored article this document would replace, if any."""
    for column, value in (("ext_id", doc.doc_id), ("url", doc.url)):
        if value:
            row = db.execute(
                f"SELECT id, content_hash FROM articles WHERE {column} = ? LIMIT 1", [value]
            ).fetchone()
            if row:
                return int(row[0]), str(row[1])
    return None


def save_document(
    db: Database,
    doc: Document,
    quotes: Iterable[ExtractedQuote],
    speaker_ids: dict[str, int],
    *,
    digest: str | None = None,
    scores: Scores | None = None,
) -> SaveResult:
    """Write one article and its quotes. The caller holds the transaction (:func:`write_transaction`).

    ``scores`` are the quotes' :func:`~corpus.quality.quality` computed beforehand (see
    :func:`quality_scores`), so that an ingest's worker processes do that work, not its writer.

    Same content again is ``unchanged``; new content under a known id or url replaces the
    old article and all its quotes (``replaced``), keeping the article's row id.
    """
    digest = digest or content_hash(doc)
    same = db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
    if same:
        return SaveResult("unchanged", int(same[0]), 0)
    row = {
        "ext_id": doc.doc_id, "url": doc.url, "title": doc.title, "source": doc.source,
        "published": doc.published, "place": doc.place, "lead": doc.lead, "text": doc.text,
        "content_hash": digest, "origin": doc.origin, "ingested_at": now_iso(),
    }
    # Plain SQL, not Table.insert/update: sqlite-utils wraps each of those in a randomly named
    # SAVEPOINT of its own (7 % of ingest time); the caller's transaction is enough.
    existing = find_existing(db, doc)
    if existing:
        article_id = existing[0]
        delete_article_quotes(db, article_id)
        db.execute(f"UPDATE articles SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
                   [*row.values(), article_id])
        status: Literal["added", "replaced"] = "replaced"
    else:
        cur = db.execute(f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                         list(row.values()))
        article_id = int(cur.lastrowid or 0)
        status = "added"
    n = insert_quotes(db, article_id, doc, quotes, speaker_ids, str(row["ingested_at"]), scores)
    return SaveResult(status, article_id, n)


def delete_article_quotes(db: Database, article_id: int) -> None:
    db.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])


Scores = dict[tuple[int, int, str], float]  # (start, end, kind) → quality


def quality_scores(quotes: Iterable[ExtractedQuote]) -> Scores:
    """Each quote's quality, keyed by where it stands and its kind (what attribution never changes)."""
    return {(q.start, q.end, q.kind): quality(q.text, q.kind) for q in quotes}


def score(q: ExtractedQuote, scores: Scores | None) -> float:
    found = scores.get((q.start, q.end, q.kind)) if scores else None
    return quality(q.text, q.kind) if found is None else found


def insert_quotes(
    db: Database,
    article_id: int,
    doc: Document,
    quotes: Iterable[ExtractedQuote],
    speaker_ids: dict[str, int],
    ingested_at: str,
    scores: Scores | None = None,
) -> int:
    """Insert one article's quotes (inside the caller's write transaction), logged for the search index,
    counted and spanned by :func:`~corpus.added_quotes.note_added_quotes` (the one place quotes are added).

    The rows get explicit ids from ``max(id) + 1``: the caller holds the write lock, so nobody else
    can take them, and knowing them up front lets every row — a split quote's parts linked to their
    first part included — go in with one ``executemany`` per table, with no UPDATE pass after it.
    """
    todo = list(quotes)
    if not todo:
        return 0
    first = int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM quotes").fetchone()[0])
    ids = range(first, first + len(todo))
    heads: dict[int, int] = {}  # utterance → row id of its first part in the text
    for row_id, q in sorted(zip(ids, todo, strict=True), key=lambda pair: pair[1].start):
        if q.utterance is not None:
            heads.setdefault(q.utterance, row_id)
    rows = []
    for row_id, q in zip(ids, todo, strict=True):
        speaker_id = speaker_ids.get(q.speaker) if q.speaker else None
        rows.append((row_id, article_id, speaker_id, q.text, q.start, q.end, q.kind, q.cue, q.mention, q.role,
                     round(q.confidence, 3), doc.published, ingested_at, q.speaker_start, q.speaker_end,
                     q.resolution, score(q, scores),
                     heads.get(q.utterance) if q.utterance is not None else None))
    sql = """INSERT INTO quotes (id, article_id, speaker_id, text, start, "end", kind, cue, mention, role,
                                 confidence, published, ingested_at, speaker_start, speaker_end, resolution,
                                 quality, utterance_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
    # utterance_id references quotes(id): first parts (and lone quotes) go in before the parts after them.
    db.conn.executemany(sql, [r for r in rows if r[-1] is None or r[-1] == r[0]])
    db.conn.executemany(sql, [r for r in rows if r[-1] is not None and r[-1] != r[0]])
    note_added_quotes(db, first, first + len(todo) - 1)
    return len(todo)
