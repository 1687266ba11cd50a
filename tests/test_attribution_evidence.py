"""Every stored attribution shows its evidence: the words that named the speaker, and how."""

from __future__ import annotations

from pathlib import Path

from corpus.attribution import attribution_of
from corpus.ingest import ingest_paths
from corpus.store import open_db

ARTICLE = """Bridge talks resume

Mayor Tomas Berglund opened the session on Monday.

“The bridge will be finished by May,” engineer Olga Petrova said. She said the cables were new.

A ministry official said the money was ready. He added that the work could start at once.
"""


def _evidence(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = open_db(tmp_path / "q.db")
    ingest_paths(db, [str(path)])
    out = {}
    for qid, text in db.execute("SELECT id, text FROM quotes ORDER BY start").fetchall():
        found = attribution_of(db, qid)
        assert found is not None
        out[text] = found.explain()
    return out


def test_a_named_quote_shows_the_words_that_named_its_speaker(tmp_path: Path) -> None:
    assert _evidence(tmp_path)["The bridge will be finished by May,"].startswith(
        "Named by “engineer Olga Petrova”.")


def test_a_pronoun_shows_the_pronoun_and_whom_it_was_read_as(tmp_path: Path) -> None:
    said = _evidence(tmp_path)["the cables were new"]
    assert said.startswith("Named by “She” — a pronoun") and "Olga Petrova" in said


def test_an_unattributed_quote_says_why_no_name_is_given(tmp_path: Path) -> None:
    ev = _evidence(tmp_path)
    assert ev["the money was ready"].startswith("Unattributed: the text says “A ministry official”")
    assert ev["the work could start at once"].startswith("Unattributed")


def test_no_such_quote(tmp_path: Path) -> None:
    assert attribution_of(open_db(tmp_path / "q.db"), 12345) is None
