"""The full-text index: tantivy beside SQLite, derived from it and rebuildable at any time.

SQLite stays the store of record. The index lives in a folder beside the database file
(``quotebot.db`` → ``quotebot.db.index/``; a private in-memory index for an in-memory database)
and holds one document per quote: the quote text, the speaker's name and mention and the article
title, together in the field ``all`` that topics match and BM25 scores and typo hints look
words up in (positions kept for phrases; the three parts are separate values, so no phrase runs
from one into the next), and the quote text alone in ``text`` (frequencies only: /verify's
candidates are scored on the quote's own words, so a title word neither selects nor ranks one;
format 3 dropped the separate speaker and title fields, which nothing read any more);
English stemming, one analyzer for indexing and for queries; fast fields for the filters and
the ranking (speaker id, kind, source, publication day, confidence, quality, the formula's
weight, a hash of the normalised text for collapsing wire copies).

``state.json`` also keeps ``max_weight``, an upper bound of every indexed quote's weight (the
search's stopping rule needs it, :func:`corpus.engine.exact_top`). It only grows between
rebuilds and is written *before* each commit that could raise it, so a searcher never sees a
quote heavier than the bound it reads after opening.

Keeping in step: triggers log every changed quote id in ``search_changes`` (migration
``006_search_engine``). :meth:`SearchIndex.sync` applies the log after SQLite has committed —
delete by id, re-add from the current rows — commits the index and only then records the
applied sequence number in ``state.json`` and prunes the log. Replaying is idempotent, so a
process killed between the SQLite commit and the index commit loses nothing: the next sync
(start-up, next ingest, or the next search when the writer is free) applies the rest. A missing,
foreign or older-format index folder is rebuilt from SQLite (``quotebot reindex`` does it on demand).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import math
import shutil
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import tantivy
from sqlite_utils import Database

from . import ranking
from .errors import SearchError
from .hot_counts import HotCounts, hot_terms, index_opstamp

log = logging.getLogger(__name__)

FORMAT = 3  # bump when the schema or the analyzer changes: older folders are rebuilt
ANALYZER = "quote_en"
WRITER_HEAP = 60_000_000
REBUILD_HEAP = 300_000_000
CHUNK = 5_000  # quote ids per SQLite read while indexing
REBUILD_ABOVE = 200_000  # pending changes beyond which (and a quarter of the index) sync rebuilds
RETRY_SECONDS = 1.0  # a busy writer (another process ingesting) is retried at most this often
INGEST_EVERY = 3.0  # seconds between index commits during an ingest (each commit writes a segment)
ALL = "all"
TEXT = "text"


def analyzer(*, stem: bool = True) -> tantivy.TextAnalyzer:
    """The one analyzer of indexed text and of query words (so "people" and "peopl" agree);
    without stemming for a prefix (``negotiat*``), whose stem would not be a prefix of the terms."""
    b = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    return (b.filter(tantivy.Filter.stemmer("english")) if stem else b).build()


def schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_integer_field("id", indexed=True, fast=True)
    b.add_text_field(ALL, tokenizer_name=ANALYZER)  # text + speaker + title: what topics match and score
    b.add_text_field(TEXT, tokenizer_name=ANALYZER, index_option="freq")  # the quote alone: /verify's terms
    b.add_integer_field("speaker_id", indexed=True, fast=True)  # 0: unattributed
    b.add_text_field("kind", tokenizer_name="raw", fast=True)
    b.add_text_field("source", tokenizer_name="raw", fast=True)  # lower-cased, "" when unknown
    b.add_integer_field("day", indexed=True, fast=True)  # ranking.day_key
    b.add_float_field("confidence", fast=True)
    b.add_float_field("quality", fast=True)
    b.add_float_field("weight", fast=True)  # ranking.weight(ranking.boost(...))
    b.add_integer_field("tier", indexed=True, fast=True)  # ranking.tier(boost): 0 the heaviest quotes
    b.add_integer_field("text_hash", indexed=True, fast=True)
    return b.build()


def text_hash(text: str) -> int:
    """Identical wording (whitespace and case aside) → the same signed 64-bit key."""
    # str.split() splits at every space fold_spaces folds (all are Unicode whitespace), so the key
    # is the one of " ".join(fold_spaces(text).casefold().split()) without a regex pass per quote.
    norm = " ".join(text.casefold().split())
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big",
                          signed=True)


def _rows_sql(db: Database) -> str:
    columns = {r[1] for r in db.execute("PRAGMA table_info(quotes)").fetchall()}
    quality = "q.quality" if "quality" in columns else "1.0"
    return f"""
        SELECT q.id, q.text, coalesce(s.name, ''), coalesce(q.mention, ''), coalesce(a.title, ''),
               coalesce(q.speaker_id, 0), q.kind, lower(coalesce(a.source, '')), q.published, q.confidence,
               coalesce({quality}, 1.0)
        FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
    """


@functools.lru_cache(maxsize=65536)
def _dated(published: str | None) -> tuple[int, float]:
    """The day key and recency of a publication date (a corpus has far fewer dates than quotes)."""
    return ranking.day_key(published), ranking.recency(published)


def _document(row: Sequence[Any]) -> tantivy.Document:
    qid, text, name, mention, title, speaker_id, kind, source, published, confidence, quality = row
    speaker = f"{name} {mention}" if speaker_id and mention and mention[:1].isupper() and mention != name else name
    day, recency = _dated(published)
    b = ranking.boost_at(recency, bool(speaker_id), float(confidence), float(quality))
    # Text fields go in unfolded: the tokenizer splits at every non-alphanumeric character, exotic
    # spaces included, so the terms and positions are those of the folded text (nothing is stored).
    speaker = speaker if speaker_id else ""
    return tantivy.Document(
        id=int(qid), all=[p for p in (text, speaker, title) if p], text=text,
        speaker_id=int(speaker_id), kind=str(kind), source=str(source), day=day,
        confidence=float(confidence), quality=float(quality), weight=ranking.weight(b), tier=ranking.tier(b),
        text_hash=text_hash(text),
    )


def _changes_high(db: Database) -> tuple[int, int]:
    """(highest change logged, highest pruned). An empty log (all pruned) is as high as its pruning:
    a rebuild then records that, not 0, or every later open would take the index as lost."""
    row = db.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM search_changes), pruned_upto FROM search_state"
    ).fetchone()
    return max(int(row[0]), int(row[1])), int(row[1])


def _speaker_buckets(db: Database) -> int:
    """More aggregation buckets than speaker ids (so none is cut off)."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM speakers").fetchone()[0]) + 2


class SearchIndex:
    """One tantivy index for one corpus database (shared by the threads of a process)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.applied = -1  # highest search_changes.seq in the index; -1: never built
        self.max_weight: float | None = None  # bound of every indexed weight (None: unknown, see max_boost)
        self._writer: tantivy.IndexWriter | None = None
        self._state_mtime = 0
        self._bound_mtime = 0
        self._last_try = 0.0
        self.last_sync = 0.0
        sch = schema()
        if path is None:
            self.index = tantivy.Index(sch)
        else:
            state = self._read_state()
            if state is None or state.get("format") != FORMAT:
                shutil.rmtree(path, ignore_errors=True)
            path.mkdir(parents=True, exist_ok=True)
            try:
                self.index = tantivy.Index(sch, str(path), reuse=True)
            except ValueError:  # a folder tantivy cannot read as this schema: rebuild it
                shutil.rmtree(path, ignore_errors=True)
                path.mkdir(parents=True)
                self.index = tantivy.Index(sch, str(path), reuse=True)
            if state is not None and state.get("format") == FORMAT:
                self.applied = int(state.get("applied", -1))
                self._take_max(state)
        self.index.register_tokenizer(ANALYZER, analyzer())
        self.schema = sch
        self.analyzer = analyzer()
        self.plain_analyzer = analyzer(stem=False)
        self.hot = HotCounts(path)

    # -- state ------------------------------------------------------------------------------
    @property
    def _state_file(self) -> Path | None:
        return self.path / "quotebot-state.json" if self.path else None

    def _read_state(self) -> dict[str, Any] | None:
        f = self._state_file
        if f is None or not f.exists():
            return None
        try:
            self._state_mtime = f.stat().st_mtime_ns
            data = json.loads(f.read_text())
            return data if isinstance(data, dict) else None
        except (OSError, ValueError):
            return None

    def _take_max(self, state: dict[str, Any]) -> None:
        value = state.get("max_weight")
        self.max_weight = float(value) if isinstance(value, (int, float)) else None

    def _write_state(self, applied: int, max_weight: float | None = None) -> None:
        self.applied = applied
        if max_weight is not None:
            self.max_weight = max_weight
        f = self._state_file
        if f is None:
            return
        tmp = f.with_suffix(".tmp")
        data: dict[str, Any] = {"format": FORMAT, "applied": applied}
        if self.max_weight is not None:
            data["max_weight"] = self.max_weight
        tmp.write_text(json.dumps(data))
        tmp.replace(f)
        self._state_mtime = f.stat().st_mtime_ns

    def refresh(self) -> None:
        """See commits another process made (its state file changed)."""
        f = self._state_file
        if f is None:
            return
        try:
            mtime = f.stat().st_mtime_ns
        except OSError:
            return
        if mtime != self._state_mtime:
            state = self._read_state()
            if state and state.get("format") == FORMAT:
                self.applied = int(state.get("applied", -1))
                self._take_max(state)
            self.index.reload()

    def _raise_max(self, weight: float) -> None:
        """Before a commit adds quotes as heavy as ``weight``: the bound on disk covers them first."""
        if self.max_weight is None or weight > self.max_weight:
            self._write_state(self.applied, weight)

    def max_boost(self) -> float:
        """The largest boost any quote in the index can have (call after taking the searcher): the
        stored bound, else the formula's (:data:`corpus.ranking.MAX_BOOST`)."""
        self.refresh_state()
        if self.max_weight is None:
            return ranking.MAX_BOOST
        return min(ranking.MAX_BOOST, math.log2(2.0 + max(0.0, self.max_weight))) * (1 + 1e-6)

    def refresh_state(self) -> None:
        """Re-read ``state.json`` when another process wrote it (no index reload: cheap)."""
        f = self._state_file
        if f is None:
            return
        try:
            mtime = f.stat().st_mtime_ns
            if mtime == self._bound_mtime:
                return
            state = json.loads(f.read_text())
        except (OSError, ValueError):
            return
        self._bound_mtime = mtime
        if isinstance(state, dict) and state.get("format") == FORMAT:
            value = state.get("max_weight")
            if isinstance(value, (int, float)) and (self.max_weight is None or value > self.max_weight):
                self.max_weight = float(value)  # only ever raised here: refresh() takes a lowered one

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

    def release(self) -> None:
        with self.lock:
            self._writer = None

    def _commit(self, db: Database, writer: tantivy.IndexWriter, applied: int, *, prune: bool,
                max_weight: float | None = None) -> int:
        opstamp = int(writer.commit())
        self._write_state(applied, max_weight)
        self.index.reload()
        if prune:
            self._prune(db, applied)
        return opstamp

    @staticmethod
    def _prune(db: Database, applied: int) -> None:
        with contextlib.suppress(sqlite3.OperationalError), db.atomic():  # busy: pruned next time
            db.execute("DELETE FROM search_changes WHERE seq <= ?", [applied])
            db.execute("UPDATE search_state SET pruned_upto = max(pruned_upto, ?)", [applied])

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
                if self.hot.wants_notes():
                    self.hot.note(self.analyzer, int(row[0]), int(doc.get_first("speaker_id") or 0), doc.get_all(ALL))
        return heaviest

    def sync(self, db: Database, *, wait: bool = False, prune: bool = True, keep_writer: bool = False) -> bool:
        """Apply the change log; False when another process holds the writer (try again later)."""
        with self.lock:
            self.refresh()
            high, pruned = _changes_high(db)
            pending = high - self.applied
            if self.applied < 0 or self.applied < pruned or pending > max(REBUILD_ABOVE, self.num_docs() // 4):
                # never built, lost, or most of it changed (a backfill): rebuilding is faster than replaying
                return self.rebuild(db, wait=wait, keep_writer=keep_writer)
            if self.applied >= high:
                return True
            if not wait and self._writer is None and time.monotonic() - self._last_try < RETRY_SECONDS:
                return False  # the writer was busy a moment ago
            writer = self._get_writer(wait=wait)
            if writer is None:
                self._last_try = time.monotonic()
                return False
            try:
                last = self.applied
                heaviest = 0.0
                before = self.index.searcher()  # the last commit, which hot-counts.json describes
                self.hot.begin(before)
                buckets = _speaker_buckets(db)
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
                    for qid in ids:
                        writer.delete_documents_by_term("id", qid)
                    heaviest = max(heaviest, self._add(db, writer, ids))
                self._raise_max(heaviest)
                opstamp = self._commit(db, writer, high, prune=prune)
                self.hot.write(self.index.searcher(), self.schema, buckets, opstamp)
            except BaseException:
                writer.rollback()
                raise
            finally:
                if not keep_writer:
                    self._writer = None
            return True

    def rebuild(self, db: Database, *, wait: bool = True, keep_writer: bool = False,
                progress: Any = None) -> bool:
        """Index every quote again from SQLite (``quotebot reindex``; a missing or stale index)."""
        with self.lock:
            self._writer = None  # a fresh writer with a bigger heap: fewer, larger segments
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
            except BaseException:
                if self._writer is not None:
                    writer.rollback()
                raise
            finally:
                if not keep_writer:
                    self._writer = None
            log.info("search index rebuilt: %d quotes", n)
            return True

    def recount_hot(self, db: Database) -> None:
        """Count the hot words again from the last commit (under the writer's lock: no commit meanwhile)."""
        with self.lock:
            writer = self._get_writer(wait=False)
            if writer is None or self.path is None:
                return
            try:
                opstamp = index_opstamp(self.path)
                self.index.reload()
                if opstamp is not None:
                    self.hot.recount(self.index.searcher(), self.schema, _speaker_buckets(db), opstamp)
            finally:
                self._writer = None

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()

    def num_docs(self) -> int:
        return int(self.index.searcher().num_docs)


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
    elif not idx.hot.current():  # killed before writing them, or an index from before they were kept
        idx.recount_hot(db)
    return idx


def index_changes(db: Database, *, done: bool = False) -> None:
    """Ingest's hook, called after each SQLite commit: apply the new changes every few seconds and
    when ``done`` (then the writer is released for other processes). What a kill leaves unapplied
    stays in the change log for the next sync."""
    idx = search_index(db, sync=False)
    if not done and time.monotonic() - idx.last_sync < INGEST_EVERY:
        return
    try:
        if idx.sync(db, wait=done, keep_writer=not done):
            idx.last_sync = time.monotonic()
    finally:
        if done:
            idx.release()


def reindex(db: Database, progress: Any = None) -> int:
    """Rebuild the index from SQLite; returns the number of quotes indexed."""
    idx = search_index(db, sync=False)
    idx.rebuild(db, progress=progress)
    return int(idx.searcher().num_docs)


def forget(db: Database) -> None:
    """Drop this process's handle on ``db``'s index (tests, closing a database)."""
    path = index_path(db)
    with _registry_lock:
        if path is None:
            _by_conn.pop(db.conn, None)
        else:
            _by_path.pop(str(path.resolve()), None)
