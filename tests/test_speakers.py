"""One speaker row per person across articles: variants merge, namesakes never do."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from adapters.cli import cli
from corpus.ingest import ingest_paths
from corpus.speakers import list_speakers, resolve_speaker, surname_conflicts, translit_key
from corpus.store import open_db


def _db(tmp_path: Path) -> Database:
    return open_db(tmp_path / "q.db")


def test_transliteration_variants_of_one_person_merge(tmp_path: Path) -> None:
    db = _db(tmp_path)
    a = resolve_speaker(db, "Sergey Lavrov", role="Russian Foreign Minister")
    assert resolve_speaker(db, "Sergei Lavrov") == a
    z = resolve_speaker(db, "Volodymyr Zelensky")
    assert resolve_speaker(db, "Volodymyr Zelenskyy") == z
    assert resolve_speaker(db, "Volodymyr Zelenskiy") == z
    assert z != a
    (lavrov,) = [s for s in list_speakers(db) if s.id == a]
    assert lavrov.role == "Russian Foreign Minister" and lavrov.aliases == ("Sergei Lavrov",)


def test_people_sharing_a_surname_stay_apart_and_a_bare_surname_joins_neither(tmp_path: Path) -> None:
    db = _db(tmp_path)
    igor = resolve_speaker(db, "Igor Ivanov")
    sergei = resolve_speaker(db, "Sergei Ivanov")
    assert igor != sergei
    bare = resolve_speaker(db, "Ivanov")
    assert bare not in {igor, sergei}
    conflicts = surname_conflicts(db)
    # The ambiguous bare surname is listed with the two people it may mean.
    assert [p.name for p in conflicts["Ivanov"]] == ["Igor Ivanov", "Ivanov", "Sergei Ivanov"]


def test_a_bare_surname_joins_the_one_person_with_it(tmp_path: Path) -> None:
    db = _db(tmp_path)
    putin = resolve_speaker(db, "Vladimir Putin")
    assert resolve_speaker(db, "Putin") == putin


def test_a_bare_surname_the_article_never_introduces_makes_no_speaker_row(tmp_path: Path) -> None:
    # "Orlov said" with no full name in the article: which Orlov is a guess, so the quote is
    # stored unattributed and no bare-surname row is created for a later merge to get wrong.
    db = _db(tmp_path)
    text = "Meeting\n\n“We will build the bridge by the spring of next year,” Orlov said.\n"
    ingest_paths(db, [str(_write(tmp_path, "a.txt", text))])
    assert db.execute("SELECT speaker_id, mention FROM quotes").fetchall() == [(None, "Orlov")]
    assert db.execute("SELECT count(*) FROM speakers").fetchone()[0] == 0


def test_organisations_merge_only_on_their_exact_name(tmp_path: Path) -> None:
    db = _db(tmp_path)
    a = resolve_speaker(db, "Russian Foreign Ministry", kind="organisation")
    assert resolve_speaker(db, "russian  foreign ministry", kind="organisation") == a
    assert resolve_speaker(db, "Ukrainian Foreign Ministry", kind="organisation") != a


def test_translit_key_folds_the_usual_variants() -> None:
    assert translit_key("Zelenskyy") == translit_key("Zelenskiy") == translit_key("Zelensky")
    assert translit_key("Dmitry") == translit_key("Dmitri") == translit_key("Dmitriy")
    assert translit_key("Igor") != translit_key("Sergei")


def test_speakers_command_lists_counts_aliases_and_conflicts(seed_db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["speakers", "--db", str(seed_db_path), "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    by_name = {r["name"]: r for r in rows}
    assert by_name["Vladimir Putin"]["quotes"] >= 60
    assert by_name["Igor Ivanov"]["role"] == "Russian Foreign Minister"
    assert [r["quotes"] for r in rows] == sorted((r["quotes"] for r in rows), reverse=True)
    text = runner.invoke(cli, ["speakers", "--db", str(seed_db_path)])
    assert "Vladimir Putin" in text.output and text.exit_code == 0
    conflicts = runner.invoke(cli, ["speakers", "--db", str(seed_db_path), "--conflicts"])
    assert conflicts.exit_code == 0 and "no surname is shared" in conflicts.output
    empty = runner.invoke(cli, ["speakers", "--db", str(tmp_path / "new.db")])
    assert "no speakers yet" in empty.output


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_quotes_moved_to_a_full_name_are_found_under_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from corpus.store import open_db
    from tests.corpus_builder import Q, build

    path = build(tmp_path / "m.db", [Q("Zakharova", "The statement is a provocation."),
                                     Q("Maria Zakharova", "We will respond in kind.")])
    db = open_db(path)
    rows = db.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'speaker:Maria'").fetchall()
    assert len(rows) == 2
    assert db.execute("SELECT count(DISTINCT speaker_id) FROM quotes").fetchone()[0] == 1
