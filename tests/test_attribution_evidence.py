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


def test_context_shows_who_said_it_and_from_which_words(tmp_path: Path) -> None:
    from bot.core import Core
    from bot.reply import Request

    _evidence(tmp_path)  # ingests ARTICLE into tmp_path / "q.db"
    db = open_db(tmp_path / "q.db")
    qid = db.execute("SELECT id FROM quotes WHERE text = 'the cables were new'").fetchone()[0]
    db.close()
    core = Core(tmp_path / "q.db")
    try:
        reply = core.handle(Request(f"/context {qid}"))
    finally:
        core.close()
    assert "Who said it: Named by “She” — a pronoun for the nearest speaker the article names, Olga Petrova." \
        in reply.text
