"""The corpus schema: numbered sqlite-utils migrations, applied in order by :func:`corpus.store.open_db`.

Tables::

    articles  one row per article; ``text`` is the verbatim original all offsets refer to
    speakers  one row per person or organisation, across articles
    speaker_aliases  every surface name a speaker is known by (folded for lookup)
    quotes    one row per quote: article, speaker (or NULL = unattributed), offsets, kind, and the
              attribution's evidence (speaker mention offsets, resolution, utterance_id of a split
              quote's first part), and its quality (corpus.quality, 0..1)

Full-text search is the tantivy index beside the database (corpus/index.py), derived from these
tables; the FTS5 table that served it before was dropped by migration ``008_drop_fts``.

A released step is never edited or renumbered: a schema change is a new step appended at the end.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .quality import quality

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
SPAN_FIRST = "coalesce(min(first, {d}), first, {d})"
SPAN_LAST = "coalesce(max(last, {d}), last, {d})"
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
    first, last = SPAN_FIRST.format(d="excluded.first"), SPAN_LAST.format(d="excluded.last")
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


@migrations(name="010_added_quotes_in_bulk")
def _m010(db: Database) -> None:
    # The three AFTER INSERT triggers on quotes (search log, counters, role spans) ran a sub-program per
    # added row: 70 % of ingest's quote writing. corpus.added_quotes does the same for a range of new
    # rows in one statement per table; corpus.store.insert_quotes, the one place quotes are added,
    # calls it. The tables' contents are unchanged; delete and update keep their triggers.
    db.executescript(
        """
        DROP TRIGGER IF EXISTS quotes_search_ai;
        DROP TRIGGER IF EXISTS counts_quotes_ai;
        DROP TRIGGER IF EXISTS role_spans_ai;
        """
    )
