"""Topic matches for digests and follows come from the search index; FTS5 is gone (migration 008)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from corpus.index import forget, search_index
from corpus.matches import indexed_upto, matching_ids
from corpus.migrations import migrations
from corpus.models import Document, ExtractedQuote
from corpus.search import match_expression, search
from corpus.speakers import resolve_speaker
from corpus.store import CorpusDatabase, open_db, save_document, write_transaction
from tests.corpus_builder import Q, build

CORPUS = [
    Q("Sergei Lavrov", "NATO keeps moving its infrastructure closer to our borders.", "2021-11-09"),
    Q("Anna Berg", "The harbour reopened after three weeks of repairs.", "2021-11-09"),
    Q("Sergei Lavrov", "We have told NATO many times that this is a red line.", "2021-11-10"),
    Q(None, "Negotiations with NATO went on all night.", "2021-11-11"),
]


def _ids_by_text(db: object) -> dict[str, int]:
    return {str(t): int(i) for i, t in db.execute("SELECT id, text FROM quotes").fetchall()}  # type: ignore[attr-defined]


def test_matching_ids_are_every_match_of_any_topic_within_days_and_ids(tmp_path: Path) -> None:
    db = open_db(build(tmp_path / "m.db", CORPUS))
    ids = _ids_by_text(db)
    nato = [ids[q.text] for q in CORPUS if "NATO" in q.text]
    assert matching_ids(db, [match_expression("NATO")]) == sorted(nato)
    assert matching_ids(db, [match_expression("NATO"), match_expression("harbour")]) == sorted(ids.values())
    assert matching_ids(db, [match_expression("nato")], since="2021-11-10", until="2021-11-10") == [ids[CORPUS[2].text]]
    assert matching_ids(db, [match_expression("NATO")], after=nato[0]) == sorted(nato)[1:]
    assert matching_ids(db, [match_expression("NATO")], after=0, upto=nato[0]) == [nato[0]]
    assert matching_ids(db, [match_expression("NATO")], limit=1) == [min(nato)]
    assert matching_ids(db, [match_expression("Lavrov")]) == sorted([ids[CORPUS[0].text], ids[CORPUS[2].text]])
    assert matching_ids(db, [match_expression("nothingmatchesthis")]) == []
    forget(db)


def test_indexed_upto_stops_before_the_first_quote_the_index_has_not_applied(tmp_path: Path) -> None:
    db = open_db(build(tmp_path / "u.db", CORPUS))
    idx = search_index(db)
    top = max(_ids_by_text(db).values())
    assert indexed_upto(db, idx) == top
    text = "NATO will answer."
    doc = Document(text=f"Headline\n\n{text}\n", title="Headline", doc_id="late", published="2021-11-12")
    quote = ExtractedQuote(10, 10 + len(text), text, None, "direct", "said", 0.5)
    with write_transaction(db):
        save_document(db, doc, [quote], {})
    # committed in SQLite, not yet in the index (nobody synced): the safe mark stays where it was
    assert indexed_upto(db, idx) == top
    assert top + 1 not in matching_ids(db, [match_expression("NATO")], upto=indexed_upto(db, idx))
    idx.sync(db, wait=True)
    assert indexed_upto(db, idx) == top + 1
    assert matching_ids(db, [match_expression("NATO")], after=top) == [top + 1]
    forget(db)


def _as_before_migration_008(path: Path) -> None:
    """A database written by the previous quotebot: schema up to 006c, FTS5 rows beside each quote."""
    old = CorpusDatabase(sqlite3.connect(str(path)))
    migrations.apply(old, stop_before="008_drop_fts")
    assert {r[0] for r in old.execute("SELECT name FROM sqlite_master")} >= {"quotes_fts", "quotes_fts_vocab"}
    with old.atomic():
        for i, q in enumerate(CORPUS):
            text = f"Headline {i}\n\n{q.text}\n"
            doc = Document(text=text, title=f"Headline {i}", doc_id=f"old-{i}", source="TASS", published=q.published)
            start = text.index(q.text)
            eq = ExtractedQuote(start, start + len(q.text), q.text, q.speaker, "direct", "said", 0.9,
                                "person" if q.speaker else None)
            ids = {q.speaker: resolve_speaker(old, q.speaker, kind="person")} if q.speaker else {}
            save_document(old, doc, [eq], ids)
        old.execute("""INSERT INTO quotes_fts (rowid, text, speaker, title)
                       SELECT q.id, q.text, coalesce(s.name, ''), a.title FROM quotes q
                       JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id""")
    old.close()


def test_migration_008_drops_fts5_and_keeps_quotes_counts_and_search(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _as_before_migration_008(path)
    before = sqlite3.connect(path)
    quotes_before = before.execute("SELECT id, text, speaker_id, quality FROM quotes ORDER BY id").fetchall()
    counts_before = before.execute("SELECT key, n FROM corpus_counts ORDER BY key").fetchall()
    assert before.execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == len(CORPUS)
    before.close()

    db = open_db(path)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert not {n for n in names if n.startswith("quotes_fts")}
    assert "008_drop_fts" in {m.name for m in migrations.applied(db)}
    assert db.execute("SELECT id, text, speaker_id, quality FROM quotes ORDER BY id").fetchall() == quotes_before
    assert db.execute("SELECT key, n FROM corpus_counts ORDER BY key").fetchall() == counts_before
    hits, _ = search(db, match_expression("NATO"))
    assert sorted(h.text for h in hits) == sorted(q.text for q in CORPUS if "NATO" in q.text)
    # the triggers that feed the index still work after the migration: a new quote is found
    doc = Document(text="Headline\n\nThe harbour will close again in March.\n", title="Headline", doc_id="new",
                   published="2021-12-01")
    text = "The harbour will close again in March."
    with write_transaction(db):
        save_document(db, doc, [ExtractedQuote(10, 10 + len(text), text, None, "direct", "said", 0.5)], {})
    assert len(matching_ids(db, [match_expression("harbour")])) == 2
    forget(db)
    db.close()
    again = open_db(path)  # reopening applies nothing twice
    assert [m.name for m in migrations.applied(again)].count("008_drop_fts") == 1
    again.close()
