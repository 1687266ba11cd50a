"""`quotebot speakers --rebuild` repairs a speaker table written by older rules, idempotently; namesakes
whose posts interleave in time are split, a career is not; `--explain` says why."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from adapters.cli import cli
from corpus.index import search_index
from corpus.models import Document, ExtractedQuote
from corpus.speaker_identity import explain, rebuild
from corpus.speaker_lookup import find_speakers
from corpus.speakers import list_speakers
from corpus.store import fold, open_db, save_document


def _old_row(db: Database, name: str) -> int:
    """A speaker row as an older version of quotebot wrote it, with no name check at all."""
    sid = int(db.execute("INSERT INTO speakers (name, kind) VALUES (?, 'person')", [name]).lastrowid or 0)
    db.execute("INSERT INTO speaker_aliases (speaker_id, alias, folded) VALUES (?, ?, ?)", [sid, name, fold(name)])
    return sid


def _article(db: Database, n: int, speaker_id: int | None, name: str, day: str, *, role: str | None = None,
             title: str | None = None, body: str = "") -> None:
    quote = f"Statement number {n} was made today."
    text = f"{title or 'Meeting'}\n\n{body}\n\n“{quote}” {name} said.\n"
    start = text.index(quote)
    doc = Document(text=text, title=title or "Meeting", doc_id=f"a{n}", published=day, source="Kremlin")
    q = ExtractedQuote(start, start + len(quote), quote, name if speaker_id else None, "direct", "said", 0.9,
                       "person", role)
    save_document(db, doc, [q], {name: speaker_id} if speaker_id else {})


def _legacy_db(tmp_path: Path) -> Database:
    db = open_db(tmp_path / "old.db")
    with db.atomic():
        rows = {n: _old_row(db, n) for n in ["Vladimir Putin", "V. Putin", "Tarja Halonen Vladimir Putin",
                                             "Putin", "Naturally", "Military World Winter Games",
                                             "Medical Chamber Leonid Roshal", "Leonid Roshal", "Petr Fradkov",
                                             "Pyotr Fradkov"]}
        for i, (name, sid) in enumerate(rows.items()):
            _article(db, i, sid, name, f"2019-01-{i + 10:02d}")
    return db


def test_rebuild_repairs_an_old_speaker_table_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    db = _legacy_db(tmp_path)
    first = rebuild(db)
    people = {s.name: s for s in list_speakers(db)}
    assert set(people) == {"Vladimir Putin", "Leonid Roshal", "Petr Fradkov"}
    assert people["Vladimir Putin"].quotes == 2 and "V. Putin" in people["Vladimir Putin"].aliases
    assert people["Leonid Roshal"].quotes == 2 and people["Petr Fradkov"].quotes == 2
    # the glued title became the role of that quote
    roles = [r[0] for r in db.execute("SELECT role FROM quotes WHERE speaker_id = ?", [people["Leonid Roshal"].id])]
    assert "Medical Chamber" in roles
    # non-names, two people run together and a bare surname: their quotes are unattributed, not guessed
    assert db.execute("SELECT count(*) FROM quotes WHERE speaker_id IS NULL").fetchone()[0] == 4
    assert first.counts["quotes unattributed"] == 4
    snapshot = db.execute("SELECT id, speaker_id, role FROM quotes ORDER BY id").fetchall()
    second = rebuild(db)
    assert not +second.counts and second.notes == []
    assert db.execute("SELECT id, speaker_id, role FROM quotes ORDER BY id").fetchall() == snapshot
    # the search index carries the repaired names
    idx = search_index(db)
    assert idx.searcher().search(idx.index.parse_query("halonen", ["all"]), 10).count == 0
    assert idx.num_docs() == db.execute("SELECT count(*) FROM quotes").fetchone()[0]


def _namesakes(tmp_path: Path) -> Database:
    db = open_db(tmp_path / "ns.db")
    rep = "Special Presidential Representative for Environmental Protection"
    with db.atomic():
        sid = _old_row(db, "Sergei Ivanov")
        n = 0
        for day in ["2017-02-01", "2017-09-01", "2018-06-01", "2019-01-15"]:
            n += 1
            _article(db, n, sid, "Sergei Ivanov", day, role=rep)
        n += 1  # in between, another Sergei Ivanov runs a diamond company
        _article(db, n, sid, "Sergei Ivanov", "2018-02-13", role="ALROSA CEO",
                 title="Vladimir Putin met with ALROSA CEO Sergei Ivanov")
        # a career: Rosneft CEO, then Gazprom CEO — one person, never split
        oid = _old_row(db, "Pavel Orlov")
        for day, role in [("2015-01-01", "Rosneft CEO"), ("2015-06-01", "Rosneft CEO"), ("2016-03-01", "Gazprom CEO"),
                          ("2016-09-01", "Gazprom CEO")]:
            n += 1
            _article(db, n, oid, "Pavel Orlov", day, role=role)
    return db


def test_posts_that_interleave_in_time_split_namesakes_and_a_career_does_not(tmp_path: Path) -> None:
    db = _namesakes(tmp_path)
    report = rebuild(db)
    assert report.counts["namesakes split"] == 1
    names = sorted(s.name for s in list_speakers(db))
    assert names == ["Pavel Orlov", "Sergei Ivanov", "Sergei Ivanov (ALROSA CEO)"]
    found = {m.name: m for m in find_speakers(db, "Ivanov")}
    assert found["Sergei Ivanov (ALROSA CEO)"].role == "ALROSA CEO" and found["Sergei Ivanov"].quotes == 4
    lines = "\n".join(explain(db, "Sergei Ivanov"))
    assert "ALROSA CEO" in lines and "in between" in lines
    assert not +rebuild(db).counts  # idempotent: the split is not made twice


def test_explain_names_the_rule(tmp_path: Path) -> None:
    db = _legacy_db(tmp_path)
    rebuild(db)
    assert "not a person's or organisation's name" in explain(db, "Naturally")[0]
    assert "surname alone" in "\n".join(explain(db, "Putin"))
    lines = "\n".join(explain(db, "Medical Chamber Leonid Roshal"))
    assert "“Medical Chamber” are a role" in lines and "Leonid Roshal: 2 quotes" in lines


def test_speakers_cli_rebuild_explain_and_json(tmp_path: Path) -> None:
    db = _legacy_db(tmp_path)
    db.close()
    runner = CliRunner()
    path = str(tmp_path / "old.db")
    out = runner.invoke(cli, ["speakers", "--db", path, "--rebuild"])
    assert out.exit_code == 0 and "rows merged" in out.output, out.output
    again = runner.invoke(cli, ["speakers", "--db", path, "--rebuild"])
    assert again.output.strip() == "nothing to repair"
    rows = json.loads(runner.invoke(cli, ["speakers", "--db", path, "--json"]).output)
    putin = next(r for r in rows if r["name"] == "Vladimir Putin")
    assert set(putin) >= {"name", "kind", "aliases", "roles", "quotes", "first", "last"}
    assert putin["kind"] == "person" and putin["first"] <= putin["last"] and "V. Putin" in putin["aliases"]
    explained = runner.invoke(cli, ["speakers", "--db", path, "--explain", "Naturally"])
    assert "not a person's" in explained.output
