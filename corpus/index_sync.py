"""One corpus's tantivy index, :class:`SearchIndex`: opening its folder, applying SQLite's change
log to it (:meth:`SearchIndex.sync`) and rebuilding it. How it keeps in step is told in :mod:`corpus.index`,
which opens one per database and process."""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tantivy
from sqlite_utils import Database

from .champions import Champions
from .errors import SearchError
from .hot_counts import HotCounts, hot_terms, index_opstamp
from .index_commits import BackgroundCommit, IndexCommits
from .index_schema import ALL, ANALYZER, FORMAT, _document, _rows_sql, analyzer, schema

log = logging.getLogger("corpus.index")  # the name it always had

WRITER_HEAP = 60_000_000
REBUILD_HEAP = 300_000_000
CHUNK = 5_000  # quote ids per SQLite read while indexing
REBUILD_ABOVE = 200_000  # pending changes beyond which (and a quarter of the index) sync rebuilds
RETRY_SECONDS = 1.0  # a busy writer (another process ingesting) is retried at most this often
# Documents in each segment heaviest first (index format 4): the impact tiers' scans and the champion
# lists' heads read the first part of each segment's weight column, field norms and postings instead
# of pages all over them, which the kernel then counts as the serving process's resident memory.
SORTED: dict[str, Any] = {"sort_by_field": "weight", "sort_order": tantivy.Order.Desc}


def _changes_high(db: Database) -> tuple[int, int]:
    """(highest change logged, highest pruned). An empty log (all pruned) is as high as its pruning:
    a rebuild then records that, not 0, or every later open would take the index as lost."""
    row = db.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM search_changes), pruned_upto FROM search_state"
    ).fetchone()
    return max(int(row[0]), int(row[1])), int(row[1])


def _top_id(searcher: tantivy.Searcher) -> int:
    """The highest quote id in the index (0 when empty)."""
    hits = searcher.search(tantivy.Query.all_query(), 1, count=False, order_by_field="id").hits
    return int(hits[0][0]) if hits else 0


def _speaker_buckets(db: Database) -> int:
    """More aggregation buckets than speaker ids (so none is cut off)."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM speakers").fetchone()[0]) + 2


class SearchIndex(IndexCommits):
    """One tantivy index for one corpus database (shared by the threads of a process)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.applied = -1  # highest search_changes.seq in the index; -1: never built
        self.max_weight: float | None = None  # bound of every indexed weight (None: unknown, see max_boost)
        self._writer: tantivy.IndexWriter | None = None
        # Changes handed to the writer since its last commit (sync with commit=False): the highest
        # change added (None: none since the commit), the heaviest weight added, the commit before them.
        self._added: int | None = None
        self._heaviest = 0.0
        self._before: tantivy.Searcher | None = None
        self._top = 0  # the highest quote id the index or the writer may hold (new quotes need no delete)
        self._pending = None  # a commit still running (sync with background=True)
        self._state_mtime = 0
        self._bound_mtime = 0
        self._last_try = 0.0
        self.last_sync = 0.0
        sch = schema()
        if path is None:
            self.index = tantivy.Index(sch, **SORTED)
        else:
            state = self._read_state()
            if state is None or state.get("format") != FORMAT:
                if state is not None:
                    log.warning("search index %s is format %s, this version writes format %s: rebuilding it "
                                "from SQLite", path, state.get("format"), FORMAT)
                shutil.rmtree(path, ignore_errors=True)
            path.mkdir(parents=True, exist_ok=True)
            try:
                self.index = tantivy.Index(sch, str(path), reuse=True, **SORTED)
            except ValueError:  # a folder tantivy cannot read as this schema: rebuild it
                shutil.rmtree(path, ignore_errors=True)
                path.mkdir(parents=True)
                self.index = tantivy.Index(sch, str(path), reuse=True, **SORTED)
            if state is not None and state.get("format") == FORMAT:
                self.applied = int(state.get("applied", -1))
                self._take_max(state)
        self.index.register_tokenizer(ANALYZER, analyzer())
        self.schema = sch
        self.analyzer = analyzer()
        self.plain_analyzer = analyzer(stem=False)
        self.hot = HotCounts(path)
        self.champions = Champions(path)

    # -- writing ----------------------------------------------------------------------------
    def _get_writer(self, *, wait: bool, heap: int = WRITER_HEAP) -> tantivy.IndexWriter | None:
        if self._writer is not None:
            return self._writer
        deadline = time.monotonic() + (30 if wait else 0)
        while True:
            try:
                self._writer = self.index.writer(heap_size=heap, num_threads=1)
                return self._writer
            except ValueError as exc:  # the lock is held by another process's writer
                if time.monotonic() >= deadline:
                    if wait:
                        raise SearchError(f"the search index is being written by another process: {exc}") from exc
                    return None
                time.sleep(0.2)

    def _add(self, db: Database, writer: tantivy.IndexWriter, ids: Iterable[int]) -> float:
        """Add the current rows of ``ids``; returns the largest weight added (0 for none)."""
        sql = _rows_sql(db)
        ids = list(ids)
        heaviest = 0.0
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for row in db.execute(sql + f" WHERE q.id IN ({','.join('?' * len(part))})", part).fetchall():
                doc = _document(row)
                heaviest = max(heaviest, float(doc.get_first("weight") or 0.0))
                writer.add_document(doc)
                if self.hot.wants_notes() or self.champions.wants_notes():
                    tokens = self.analyzer.analyze("\n".join(doc.get_all(ALL)))  # no token spans a line break
                    sid = int(doc.get_first("speaker_id") or 0)
                    self.hot.note(int(row[0]), sid, tokens)
                    self.champions.note(int(row[0]), sid, float(doc.get_first("weight") or 0.0), tokens)
        return heaviest

    def sync(self, db: Database, *, wait: bool = False, prune: bool = True, keep_writer: bool = False,
             commit: bool = True, background: bool = False) -> bool:
        """Apply the change log; False when another process holds the writer (try again later).

        ``commit=False`` (ingest between its index commits) only hands the new changes to the writer
        this process already holds: tantivy's indexing thread works on them while the next batch is
        extracted, and the next commit finds them indexed. They count as applied only once committed
        (a kill before that loses them from the index, not from the change log). ``background=True``
        (with ``keep_writer``) leaves the commit running; the next call on this index records it."""
        with self.lock:
            self._finish_commit(db)
            self.refresh()
            high, pruned = _changes_high(db)
            pending = high - self.applied
            if self.applied < 0 or self.applied < pruned or pending > max(REBUILD_ABOVE, self.num_docs() // 4):
                if not commit:
                    return False
                # never built, lost, or most of it changed (a backfill): rebuilding is faster than replaying
                return self.rebuild(db, wait=wait, keep_writer=keep_writer)
            if self.applied >= high:
                return True
            if not commit and (self._writer is None or (self.applied if self._added is None else self._added) >= high):
                return self._writer is not None  # nothing new, or no writer held to hand it to
            if not wait and self._writer is None and time.monotonic() - self._last_try < RETRY_SECONDS:
                return False  # the writer was busy a moment ago
            writer = self._get_writer(wait=wait)
            if writer is None:
                self._last_try = time.monotonic()
                return False
            try:
                if self._added is None:  # the first changes since the last commit
                    self._added, self._heaviest = self.applied, 0.0
                    self.index.reload()  # the writer is ours: nobody commits after this
                    self._before = self.index.searcher()  # the last commit, which hot-counts.json describes
                    self._top = _top_id(self._before)
                    self.hot.begin(self._before)
                    self.champions.begin()
                before = self._before
                assert before is not None
                buckets = _speaker_buckets(db)
                last = self._added
                while last < high:
                    rows = db.execute(
                        "SELECT seq, quote_id FROM search_changes WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
                        [last, high, CHUNK],
                    ).fetchall()
                    if not rows:
                        break
                    last = int(rows[-1][0])
                    ids = sorted({int(r[1]) for r in rows})
                    self.hot.subtract(before, self.schema, ids, buckets)
                    self.champions.subtract(ids)
                    for qid in ids:
                        if qid <= self._top:  # above it a quote was never indexed: nothing to delete
                            writer.delete_documents_by_term("id", qid)
                    self._top = max(self._top, ids[-1])
                    self._heaviest = max(self._heaviest, self._add(db, writer, ids))
                self._added = high
                if not commit:
                    return True
                self._raise_max(self._heaviest)
                if background and keep_writer:
                    self._pending = BackgroundCommit(self._commit_writer, writer, high, prune, buckets)
                    return True
                self._write_kept(db, self._commit(db, writer, high, prune=prune), buckets)
            except BaseException:
                self._added = None
                writer.rollback()
                raise
            finally:
                if not keep_writer:
                    self.release()
            return True

    def rebuild(self, db: Database, *, wait: bool = True, keep_writer: bool = False,
                progress: Any = None) -> bool:
        """Index every quote again from SQLite (``quotebot reindex``; a missing or stale index)."""
        with self.lock:
            self.release()  # a fresh writer with a bigger heap: fewer, larger segments
            writer = self._get_writer(wait=wait, heap=REBUILD_HEAP)
            if writer is None:
                return False
            try:
                high, _ = _changes_high(db)  # changes after this point are applied by the next sync
                writer.delete_all_documents()
                sql = _rows_sql(db)
                last, n = 0, 0
                heaviest = 0.0
                while True:
                    rows = db.execute(sql + " WHERE q.id > ? ORDER BY q.id LIMIT ?", [last, CHUNK]).fetchall()
                    if not rows:
                        break
                    for row in rows:
                        doc = _document(row)
                        heaviest = max(heaviest, float(doc.get_first("weight") or 0.0))
                        writer.add_document(doc)
                    last = int(rows[-1][0])
                    n += len(rows)
                    if progress:
                        progress(n)
                self._raise_max(heaviest)  # the old quotes stay visible until the commit: a bound of both
                opstamp = self._commit(db, writer, high, prune=True, max_weight=heaviest)
                if n > CHUNK:
                    writer.wait_merging_threads()  # let the merges finish: fewer segments, faster queries
                    self._writer = None
                    self.index.reload()
                searcher = self.index.searcher()
                self.hot.recount(searcher, self.schema, _speaker_buckets(db), opstamp, terms=hot_terms(searcher))
                self.champions.recompute(db, searcher, opstamp, list(self.hot.counts), self.analyzer.analyze)
            except BaseException:
                if self._writer is not None:
                    writer.rollback()
                raise
            finally:
                if not keep_writer:
                    self._writer = None
            log.info("search index rebuilt: %d quotes", n)
            return True

    def recount_kept(self, db: Database) -> None:
        """Count the hot words and compute the champion lists again from the last commit, where they do
        not describe it (under the writer's lock: no commit meanwhile)."""
        with self.lock:
            writer = self._get_writer(wait=False)
            if writer is None or self.path is None:
                return
            try:
                opstamp = index_opstamp(self.path)
                self.index.reload()
                if opstamp is not None and not self.hot.current():
                    self.hot.recount(self.index.searcher(), self.schema, _speaker_buckets(db), opstamp)
                if opstamp is not None and not self.champions.current():
                    self.champions.recompute(db, self.index.searcher(), opstamp, list(self.hot.counts),
                                             self.analyzer.analyze)
            finally:
                self._writer = None

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()

    def num_docs(self) -> int:
        return int(self.index.searcher().num_docs)
