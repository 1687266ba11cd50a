"""A quotation split by narration is one card, "A … B": the speaker's words only, never one part
alone and never the narration between (through the front door, on a real SQLite file)."""

from __future__ import annotations

from pathlib import Path

from bot.core import Core
from bot.reply import Request
from corpus.ingest import ingest_paths
from corpus.store import open_db

ARTICLE = """Harbour dredging to start in spring

Port director Anna Berg said the work would take two years.

“The channel is silting up faster than anyone expected,” Berg said on Monday, “and the dredgers
will have to work through the winter.”

Residents were not consulted, critics said.
"""


def _core(tmp_path: Path) -> Core:
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    db = open_db(tmp_path / "q.db")
    ingest_paths(db, [str(tmp_path / "harbour.txt")])
    db.close()
    return Core(tmp_path / "q.db")


def test_a_split_quotation_is_one_card_with_both_parts(tmp_path: Path) -> None:
    core = _core(tmp_path)
    try:
        reply = core.handle(Request("/quote dredgers"))
        texts = [c.text for c in reply.cards if c.speaker == "Anna Berg"]
        assert texts == ["The channel is silting up faster than anyone expected, … and the dredgers will have to "
                         "work through the winter."]
        assert "Berg said on Monday" not in texts[0]  # the narration between the parts is nobody's words
    finally:
        core.close()


def test_each_part_shows_the_whole_utterance_whichever_matched(tmp_path: Path) -> None:
    core = _core(tmp_path)
    try:
        first = core.handle(Request("/quote silting")).cards
        second = core.handle(Request("/quote dredgers")).cards
        assert first and second and first[0].text == second[0].text
    finally:
        core.close()


def test_a_split_quotation_matched_in_both_parts_is_one_card(tmp_path: Path) -> None:
    core = _core(tmp_path)
    try:
        cards = core.handle(Request("/quote the")).cards  # a word in both parts
        berg = [c.text for c in cards if c.speaker == "Anna Berg" and "…" in c.text]
        assert len(berg) == 1
    finally:
        core.close()
