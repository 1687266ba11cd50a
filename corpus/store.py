"""The SQLite corpus: schema (through numbered migrations), opening, and writing articles.

Tables::

    articles  one row per article; ``text`` is the verbatim original all offsets refer to
    speakers  one row per person or organisation, across articles
    speaker_aliases  every surface name a speaker is known by (folded for lookup)
    quotes    one row per quote: article, speaker (or NULL = unattributed), offsets, kind, and the
              attribution's evidence (speaker mention offsets, resolution, utterance_id of a split
              quote's first part), and its quality (corpus.quality, 0..1)

Full-text search is the tantivy index beside the database (corpus/index.py), derived from these
tables; the FTS5 table that served it before was dropped by migration ``008_drop_fts``.
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

from .clean import fold_spaces
from .errors import StoreError
from .models import Document, ExtractedQuote
from .quality import quality

DEFAULT_DB = "quotebot.db"
migrations = Migrations("quotebot")


@migrations(name="001_initial")
def _m001(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            ext_id TEXT,
            url TEXT,
            title TEXT,
            source TEXT,
            published TEXT,          -- ISO 8601, possibly partial ('2021', '--11-09') or NULL
            place TEXT,
            lead TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            origin TEXT,
            ingested_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX articles_ext_id ON articles(ext_id) WHERE ext_id IS NOT NULL;
        CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
        CREATE INDEX articles_published ON articles(published);

        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'person',   -- 'person' | 'organisation'
            role TEXT
        );
        CREATE TABLE speaker_aliases (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            folded TEXT NOT NULL,
            PRIMARY KEY (speaker_id, folded)
        );
        CREATE INDEX speaker_aliases_folded ON speaker_aliases(folded);

        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            speaker_id INTEGER REFERENCES speakers(id),
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,            -- 'direct' | 'indirect' | 'transcript'
            cue TEXT,
            mention TEXT,
            role TEXT,
            confidence REAL NOT NULL,
            published TEXT,                -- the article's date, kept here for ordering
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker ON quotes(speaker_id, published);
        CREATE INDEX quotes_ingested ON quotes(ingested_at);

        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, speaker, title,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """
    )


@migrations(name="002_speakers_keys")
def _m002(db: Database) -> None:
    # Cross-article speaker merging (corpus.speakers) looks people up by a transliteration-folded
    # surname ("zelensk" for Zelensky / Zelenskyy / Zelenskiy); rows written before this step get
    # their key filled in by corpus.speakers on first use.
    db.executescript(
        """
        ALTER TABLE speakers ADD COLUMN surname_key TEXT;
        CREATE INDEX speakers_surname_key ON speakers(surname_key);
        """
    )


@migrations(name="003_search_vocab")
def _m003(db: Database) -> None:
    # The FTS vocabulary (stemmed terms and how many quotes hold them): typo suggestions
    # ("Ukriane" → "Ukraine") and the rarity of a query's terms come from here.
    db.executescript(
        """
        CREATE VIRTUAL TABLE quotes_fts_vocab USING fts5vocab(quotes_fts, 'row');
        CREATE INDEX quotes_published ON quotes(published);
        """
    )


@migrations(name="004_attribution_evidence")
def _m004(db: Database) -> None:
    # Every attribution carries its evidence: where the speaker mention stands in the article text
    # (NULL when it is not in the text: a title or lead) and how it was resolved to the speaker.
    # A quotation split by narration is stored as its parts; each part points at the row of the
    # utterance's first part (the first part at itself); NULL for a quote that stands alone.
    db.executescript(
        """
        ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
        ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
        ALTER TABLE quotes ADD COLUMN resolution TEXT;
        ALTER TABLE quotes ADD COLUMN utterance_id INTEGER REFERENCES quotes(id) ON DELETE SET NULL;
        CREATE INDEX quotes_utterance ON quotes(utterance_id) WHERE utterance_id IS NOT NULL;
        """
    )


@migrations(name="006_search_engine")
def _m006(db: Database) -> None:
    # The full-text index (corpus/index.py, tantivy) is derived from these tables. Every change to
    # a quote, or to the article or speaker fields it indexes, is logged here by a trigger; the
    # index applies the log after each SQLite commit and on start-up, so a crash between the two
    # commits is reconciled. `corpus_counts` keeps /stats figures without scanning 10M rows.
    db.executescript(
        """
        CREATE TABLE search_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, quote_id INTEGER NOT NULL);
        CREATE TABLE search_state (id INTEGER PRIMARY KEY CHECK (id = 1), pruned_upto INTEGER NOT NULL);
        INSERT INTO search_state VALUES (1, 0);
        CREATE TRIGGER quotes_search_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO search_changes (quote_id) VALUES (new.id); END;
        CREATE TRIGGER quotes_search_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO search_changes (quote_id) VALUES (old.id); END;
        CREATE TRIGGER quotes_search_au AFTER UPDATE ON quotes BEGIN
            INSERT INTO search_changes (quote_id) VALUES (old.id); END;
        CREATE TRIGGER articles_search_au AFTER UPDATE OF title, source, published ON articles BEGIN
            INSERT INTO search_changes (quote_id) SELECT id FROM quotes WHERE article_id = new.id; END;
        CREATE TRIGGER speakers_search_au AFTER UPDATE OF name ON speakers BEGIN
            INSERT INTO search_changes (quote_id) SELECT id FROM quotes WHERE speaker_id = new.id; END;

        CREATE INDEX articles_ingested ON articles(ingested_at);
        CREATE TABLE corpus_counts (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO corpus_counts SELECT 'articles', count(*) FROM articles;
        INSERT INTO corpus_counts SELECT 'speakers', count(*) FROM speakers;
        INSERT INTO corpus_counts SELECT 'quotes', count(*) FROM quotes;
        INSERT INTO corpus_counts SELECT 'attributed', count(speaker_id) FROM quotes;
        INSERT INTO corpus_counts SELECT 'kind:' || kind, count(*) FROM quotes GROUP BY kind;
        INSERT INTO corpus_counts SELECT 'source:' || coalesce(source, 'unknown'), count(*) FROM articles GROUP BY 1;
        CREATE TRIGGER counts_quotes_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO corpus_counts VALUES ('quotes', 1), ('attributed', new.speaker_id IS NOT NULL),
                ('kind:' || new.kind, 1) ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        CREATE TRIGGER counts_quotes_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO corpus_counts VALUES ('quotes', -1), ('attributed', -(old.speaker_id IS NOT NULL)),
                ('kind:' || old.kind, -1) ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        CREATE TRIGGER counts_quotes_au AFTER UPDATE OF speaker_id, kind ON quotes BEGIN
            INSERT INTO corpus_counts VALUES
                ('attributed', (new.speaker_id IS NOT NULL) - (old.speaker_id IS NOT NULL)),
                ('kind:' || old.kind, -1), ('kind:' || new.kind, 1)
                ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        CREATE TRIGGER counts_articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO corpus_counts VALUES ('articles', 1), ('source:' || coalesce(new.source, 'unknown'), 1)
                ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        CREATE TRIGGER counts_articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO corpus_counts VALUES ('articles', -1), ('source:' || coalesce(old.source, 'unknown'), -1)
                ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        CREATE TRIGGER counts_articles_au AFTER UPDATE OF source ON articles BEGIN
            INSERT INTO corpus_counts VALUES ('source:' || coalesce(old.source, 'unknown'), -1),
                ('source:' || coalesce(new.source, 'unknown'), 1)
                ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        CREATE TRIGGER counts_speakers_ai AFTER INSERT ON speakers BEGIN
            INSERT INTO corpus_counts VALUES ('speakers', 1) ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        CREATE TRIGGER counts_speakers_ad AFTER DELETE ON speakers BEGIN
            INSERT INTO corpus_counts VALUES ('speakers', -1) ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        """
    )


@migrations(name="005_speaker_identity")
def _m005(db: Database) -> None:
    # Why a speaker row stands apart from a namesake ("Sergei Ivanov (ALROSA CEO)": roles that
    # interleave in time), shown by `quotebot speakers --explain`. Rows themselves are repaired by
    # `quotebot speakers --rebuild` (corpus.speaker_identity), which needs the name rules in code.
    db.executescript(
        """
        ALTER TABLE speakers ADD COLUMN note TEXT;
        CREATE INDEX IF NOT EXISTS quotes_speaker_role ON quotes(speaker_id, role) WHERE role IS NOT NULL;
        """
    )


@migrations(name="007_quote_quality")
def _m007(db: Database) -> None:
    # How substantive each quote is (corpus.quality: 0..1; questions, courtesy formulas, elision
    # marks and fragments score low), computed at insert; ranking prefers high values.
    db.execute("ALTER TABLE quotes ADD COLUMN quality REAL NOT NULL DEFAULT 0.5")
    # In batches by id: memory stays flat however many quotes an old database holds.
    last = 0
    while True:
        rows = db.execute("SELECT id, text, kind FROM quotes WHERE id > ? ORDER BY id LIMIT 5000", [last]).fetchall()
        if not rows:
            break
        db.conn.executemany("UPDATE quotes SET quality = ? WHERE id = ?",
                            [(quality(str(text), str(kind)), int(qid)) for qid, text, kind in rows])
        last = int(rows[-1][0])


@migrations(name="006b_search_speaker_counts")
def _m006b(db: Database) -> None:
    # Quotes per speaker ('speaker:<id>', 'speaker:0' = unattributed) kept by the same triggers, so
    # looking a speaker up (/said) never counts a speaker's million quotes.
    db.executescript(
        """
        INSERT INTO corpus_counts SELECT 'speaker:' || coalesce(speaker_id, 0), count(*) FROM quotes GROUP BY 1;
        DROP TRIGGER counts_quotes_ai;
        DROP TRIGGER counts_quotes_ad;
        DROP TRIGGER counts_quotes_au;
        CREATE TRIGGER counts_quotes_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO corpus_counts VALUES ('quotes', 1), ('attributed', new.speaker_id IS NOT NULL),
                ('kind:' || new.kind, 1), ('speaker:' || coalesce(new.speaker_id, 0), 1)
                ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        CREATE TRIGGER counts_quotes_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO corpus_counts VALUES ('quotes', -1), ('attributed', -(old.speaker_id IS NOT NULL)),
                ('kind:' || old.kind, -1), ('speaker:' || coalesce(old.speaker_id, 0), -1)
                ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        CREATE TRIGGER counts_quotes_au AFTER UPDATE OF speaker_id, kind ON quotes BEGIN
            INSERT INTO corpus_counts VALUES
                ('attributed', (new.speaker_id IS NOT NULL) - (old.speaker_id IS NOT NULL)),
                ('kind:' || old.kind, -1), ('kind:' || new.kind, 1),
                ('speaker:' || coalesce(old.speaker_id, 0), -1), ('speaker:' || coalesce(new.speaker_id, 0), 1)
                ON CONFLICT (key) DO UPDATE SET n = n + excluded.n; END;
        """
    )


@migrations(name="006c_speaker_role_spans")
def _m006c(db: Database) -> None:
    # The roles articles gave each speaker, with first and last date and count (corpus.speaker_roles),
    # kept by triggers: every search card asks for its speaker's role history, which counted and
    # scanned all of a speaker's quotes (Putin's 300k at 1M) on every answer. First and last dates
    # are re-read from the (speaker_id, role, published) index after each change: two seeks.
    db.executescript(
        """
        CREATE INDEX quotes_speaker_role_published ON quotes(speaker_id, role, published)
            WHERE role IS NOT NULL AND role != '';
        CREATE TABLE speaker_role_spans (
            speaker_id INTEGER NOT NULL, role TEXT NOT NULL, first TEXT, last TEXT, n INTEGER NOT NULL,
            PRIMARY KEY (speaker_id, role)) WITHOUT ROWID;
        INSERT INTO speaker_role_spans
            SELECT speaker_id, role, min(published), max(published), count(*) FROM quotes
            WHERE speaker_id IS NOT NULL AND role IS NOT NULL AND role != '' GROUP BY speaker_id, role;
        CREATE TRIGGER role_spans_ai AFTER INSERT ON quotes
            WHEN new.speaker_id IS NOT NULL AND new.role IS NOT NULL AND new.role != '' BEGIN
            INSERT INTO speaker_role_spans VALUES (new.speaker_id, new.role, new.published, new.published, 1)
                ON CONFLICT (speaker_id, role) DO UPDATE SET n = n + 1,
                first = (SELECT min(published) FROM quotes WHERE speaker_id = new.speaker_id AND role = new.role
                         AND role != ''),
                last = (SELECT max(published) FROM quotes WHERE speaker_id = new.speaker_id AND role = new.role
                        AND role != '');
            END;
        CREATE TRIGGER role_spans_ad AFTER DELETE ON quotes
            WHEN old.speaker_id IS NOT NULL AND old.role IS NOT NULL AND old.role != '' BEGIN
            UPDATE speaker_role_spans SET n = n - 1,
                first = (SELECT min(published) FROM quotes WHERE speaker_id = old.speaker_id AND role = old.role
                         AND role != ''),
                last = (SELECT max(published) FROM quotes WHERE speaker_id = old.speaker_id AND role = old.role
                        AND role != '')
                WHERE speaker_id = old.speaker_id AND role = old.role;
            DELETE FROM speaker_role_spans WHERE speaker_id = old.speaker_id AND role = old.role AND n <= 0;
            END;
        CREATE TRIGGER role_spans_au AFTER UPDATE OF speaker_id, role, published ON quotes BEGIN
            UPDATE speaker_role_spans SET n = n - 1,
                first = (SELECT min(published) FROM quotes WHERE speaker_id = old.speaker_id AND role = old.role
                         AND role != ''),
                last = (SELECT max(published) FROM quotes WHERE speaker_id = old.speaker_id AND role = old.role
                        AND role != '')
                WHERE speaker_id = old.speaker_id AND role = old.role;
            DELETE FROM speaker_role_spans WHERE speaker_id = old.speaker_id AND role = old.role AND n <= 0;
            INSERT INTO speaker_role_spans SELECT new.speaker_id, new.role, new.published, new.published, 1
                WHERE new.speaker_id IS NOT NULL AND new.role IS NOT NULL AND new.role != ''
                ON CONFLICT (speaker_id, role) DO UPDATE SET n = n + 1,
                first = (SELECT min(published) FROM quotes WHERE speaker_id = new.speaker_id AND role = new.role
                         AND role != ''),
                last = (SELECT max(published) FROM quotes WHERE speaker_id = new.speaker_id AND role = new.role
                        AND role != '');
            END;
        """
    )


@migrations(name="008_drop_fts")
def _m008(db: Database) -> None:
    # Every full-text question (/quote, /who, /verify, typo suggestions, digests, follows) is answered
    # by the tantivy index (corpus/index.py, corpus/engine.py), so the FTS5 copy of every quote is
    # dropped: keeping it in step cost a third of ingest's writing (its rows, and a flush of its
    # pending terms at every per-document savepoint), and its pages a large part of the file.
    db.executescript(
        """
        DROP TABLE IF EXISTS quotes_fts_vocab;
        DROP TABLE IF EXISTS quotes_fts;
        """
    )


# A span's first/last from its stored value and one date: min()/max() of two values is NULL when
# either is, so an undated quote keeps the stored date and the first dated one is taken as it is.
_SPAN_FIRST = "coalesce(min(first, {d}), first, {d})"
_SPAN_LAST = "coalesce(max(last, {d}), last, {d})"
# Only a removed quote dated at a span's edge needs the index read ("role != ''" lets the partial
# index of 006c answer it); SET reads the row as it was, so n > 1 means the span stays.
_SPAN_RESEEK = """
    UPDATE speaker_role_spans SET n = n - 1,
        first = CASE WHEN n > 1 AND old.published IS NOT NULL AND (first IS NULL OR old.published <= first)
            THEN (SELECT min(published) FROM quotes
                  WHERE speaker_id = old.speaker_id AND role = old.role AND role != '')
            ELSE first END,
        last = CASE WHEN n > 1 AND old.published IS NOT NULL AND (last IS NULL OR old.published >= last)
            THEN (SELECT max(published) FROM quotes
                  WHERE speaker_id = old.speaker_id AND role = old.role AND role != '')
            ELSE last END
        WHERE speaker_id = old.speaker_id AND role = old.role;
    DELETE FROM speaker_role_spans WHERE speaker_id = old.speaker_id AND role = old.role AND n <= 0;
"""


@migrations(name="009_role_span_trigger")
def _m009(db: Database) -> None:
    # The role-span triggers of 006c re-read a span's first and last date from the index on every
    # added quote (two seeks per quote, about half of ingest's trigger time). An added quote can only
    # widen its span: first/last now come from the stored values and the quote's date. A removed or
    # changed quote re-reads them only when it was dated at the span's edge. Same table contents
    # (tests/test_role_spans.py compares them with the GROUP BY through ingest, replace and delete).
    first, last = _SPAN_FIRST.format(d="excluded.first"), _SPAN_LAST.format(d="excluded.last")
    db.executescript(
        f"""
        DROP TRIGGER IF EXISTS role_spans_ai;
        DROP TRIGGER IF EXISTS role_spans_ad;
        DROP TRIGGER IF EXISTS role_spans_au;
        CREATE TRIGGER role_spans_ai AFTER INSERT ON quotes
            WHEN new.speaker_id IS NOT NULL AND new.role IS NOT NULL AND new.role != '' BEGIN
            INSERT INTO speaker_role_spans VALUES (new.speaker_id, new.role, new.published, new.published, 1)
                ON CONFLICT (speaker_id, role) DO UPDATE SET n = n + 1, first = {first}, last = {last};
            END;
        CREATE TRIGGER role_spans_ad AFTER DELETE ON quotes
            WHEN old.speaker_id IS NOT NULL AND old.role IS NOT NULL AND old.role != '' BEGIN
            {_SPAN_RESEEK}
            END;
        CREATE TRIGGER role_spans_au AFTER UPDATE OF speaker_id, role, published ON quotes BEGIN
            {_SPAN_RESEEK}
            INSERT INTO speaker_role_spans SELECT new.speaker_id, new.role, new.published, new.published, 1
                WHERE new.speaker_id IS NOT NULL AND new.role IS NOT NULL AND new.role != ''
                ON CONFLICT (speaker_id, role) DO UPDATE SET n = n + 1, first = {first}, last = {last};
            END;
        """
    )


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
            db: Database = CorpusDatabase(memory=True)
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
    """Insert one article's quotes (inside the caller's write transaction; triggers log them for the index).

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
    return len(todo)
