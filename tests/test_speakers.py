"""One speaker row per person across articles: variants merge, namesakes and bare surnames never do."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from adapters.cli import cli
from corpus.index import search_index
from corpus.ingest import ingest_paths
from corpus.name_match import translit_key
from corpus.speakers import list_speakers, resolve_speaker, surname_conflicts
from corpus.store import open_db
from tests.corpus_builder import Q, build


def _db(tmp_path: Path) -> Database:
    return open_db(tmp_path / "q.db")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_transliteration_variants_of_one_person_merge(tmp_path: Path) -> None:
    db = _db(tmp_path)
    a = resolve_speaker(db, "Sergey Lavrov", role="Russian Foreign Minister")
    assert resolve_speaker(db, "Sergei Lavrov") == a
    z = resolve_speaker(db, "Volodymyr Zelensky")
    assert resolve_speaker(db, "Volodymyr Zelenskyy") == z
    assert resolve_speaker(db, "Volodymyr Zelenskiy") == z
    p = resolve_speaker(db, "Petr Fradkov")
    assert resolve_speaker(db, "Pyotr Fradkov") == p
    assert len({a, z, p}) == 3
    (lavrov,) = [s for s in list_speakers(db) if s.id == a]
    assert lavrov.role == "Russian Foreign Minister" and lavrov.aliases == ("Sergei Lavrov",)


def test_an_initial_stored_first_takes_the_full_name_when_it_arrives(tmp_path: Path) -> None:
    path = build(tmp_path / "i.db", [Q("A. Fursenko", "Schools will reopen in September."),
                                     Q("Andrei Fursenko", "The exam stays.")])
    db = open_db(path)
    (row,) = list_speakers(db)
    assert (row.name, row.quotes, row.aliases) == ("Andrei Fursenko", 2, ("A. Fursenko",))
    idx = search_index(db)  # the search index carries the upgraded name too
    assert idx.searcher().search(idx.index.parse_query("andrei", ["all"]), 10).count == 2


def test_people_sharing_a_surname_stay_apart_and_a_bare_surname_names_nobody(tmp_path: Path) -> None:
    db = _db(tmp_path)
    igor = resolve_speaker(db, "Igor Ivanov")
    sergei = resolve_speaker(db, "Sergei Ivanov")
    assert igor is not None and sergei is not None and igor != sergei
    assert resolve_speaker(db, "Ivanov") is None
    assert resolve_speaker(db, "I. Ivanov") == igor
    assert [p.name for p in surname_conflicts(db)["Ivanov"]] == ["Igor Ivanov", "Sergei Ivanov"]


def test_a_surname_alone_is_never_merged_into_the_one_person_with_it(tmp_path: Path) -> None:
    db = _db(tmp_path)
    resolve_speaker(db, "Vladimir Putin")
    assert resolve_speaker(db, "Putin") is None
    assert resolve_speaker(db, "Mr Putin") is None


def test_an_initial_two_stored_people_share_names_nobody(tmp_path: Path) -> None:
    db = _db(tmp_path)
    resolve_speaker(db, "Alexander Ivanov")
    resolve_speaker(db, "Andrei Ivanov")
    assert resolve_speaker(db, "A. Ivanov") is None


def test_title_words_glued_onto_a_name_join_the_person_and_move_into_the_role(tmp_path: Path) -> None:
    db = _db(tmp_path)
    roshal = resolve_speaker(db, "Leonid Roshal")
    assert resolve_speaker(db, "Medical Chamber Leonid Roshal") == roshal
    assert resolve_speaker(db, "Minster Alexander Novak") == resolve_speaker(db, "Alexander Novak")
    assert [s.name for s in list_speakers(db)] == ["Alexander Novak", "Leonid Roshal"]


def test_words_that_are_no_name_make_no_speaker(tmp_path: Path) -> None:
    db = _db(tmp_path)
    for junk in ("Naturally", "Having", "Russia", "Far East", "II", "Committee", "Military World Winter Games",
                 "Film Festival Kinotavr", "Tarja Halonen Vladimir Putin", "Messrs Putin"):
        assert resolve_speaker(db, junk) is None, junk
    assert list_speakers(db) == []


def test_organisations_merge_only_on_their_exact_name(tmp_path: Path) -> None:
    db = _db(tmp_path)
    a = resolve_speaker(db, "Russian Foreign Ministry", kind="organisation")
    assert resolve_speaker(db, "Russian  Foreign  Ministry", kind="organisation") == a
    assert resolve_speaker(db, "Ukrainian Foreign Ministry", kind="organisation") != a
    assert resolve_speaker(db, "General Electric Co") != resolve_speaker(db, "Electric Co")


def test_ingest_stores_a_quote_whose_speaker_is_no_name_unattributed(tmp_path: Path) -> None:
    db = _db(tmp_path)
    text = ("Talks in Sochi\n\n“We will build the bridge by the spring of next year,” Orlov said.\n\n"
            "“The road is ready,” said Transport Minister Pavel Orlov.\n")
    ingest_paths(db, [str(_write(tmp_path, "a.txt", text))])
    rows = db.execute("SELECT s.name, q.role FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id "
                      "ORDER BY q.start").fetchall()
    assert ("Pavel Orlov", "Transport Minister") in rows
    assert all(name in {"Pavel Orlov", None} for name, _ in rows)
    assert db.execute("SELECT count(*) FROM speakers WHERE name = 'Orlov'").fetchone()[0] == 0


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
    assert by_name["Vladimir Putin"]["kind"] == "person"
    assert by_name["Vladimir Putin"]["first"] <= by_name["Vladimir Putin"]["last"]
    assert [r["quotes"] for r in rows] == sorted((r["quotes"] for r in rows), reverse=True)
    text = runner.invoke(cli, ["speakers", "--db", str(seed_db_path)])
    assert "Vladimir Putin" in text.output and text.exit_code == 0
    conflicts = runner.invoke(cli, ["speakers", "--db", str(seed_db_path), "--conflicts"])
    assert conflicts.exit_code == 0
    missing = runner.invoke(cli, ["speakers", "--db", str(tmp_path / "new.db")])  # refused, never created
    assert missing.exit_code == 1 and "there is no corpus at" in missing.output
    assert not (tmp_path / "new.db").exists()
