"""A JSON article's title is its ``title`` field: with none, the article has no title and all its text
is read (README: ``.jsonl``/``.json`` fields; only ``.txt`` takes its first content line as the title).
Through the front door: ``quotebot ingest`` and ``quotebot extract`` on real files and SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import cli

# A quote-led lede, as wire copy often opens: the quote most likely to be asked about.
TEXT = ("“We will win this,” John Smith said on Monday.\n\n"
        "More text follows here in the article, with no other quotation in it.")
LINE = json.dumps({"id": "a", "text": TEXT}) + "\n"


def _stored(db: Path) -> tuple[list[tuple[str | None]], list[tuple[str, str | None]]]:
    con = sqlite3.connect(db)
    try:
        articles = con.execute("SELECT title FROM articles").fetchall()
        quotes = con.execute("SELECT q.text, s.name FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id "
                             "ORDER BY q.start").fetchall()
    finally:
        con.close()
    return articles, quotes


def _extracted() -> list[tuple[str, str | None]]:
    result = CliRunner().invoke(cli, ["extract", "-"], input=LINE)
    assert result.exit_code == 0, result.output
    return [(q["text"], q["speaker"]) for q in json.loads(result.output)["quotes"]]


@pytest.mark.parametrize("how", ["file", "stdin", "jobs", "array"])
def test_a_json_article_without_a_title_keeps_its_first_paragraph(tmp_path: Path, how: str) -> None:
    db = tmp_path / "k.db"
    runner = CliRunner()
    if how == "stdin":
        result = runner.invoke(cli, ["ingest", "--no-progress", "-", "--db", str(db)], input=LINE)
    else:
        src = tmp_path / ("one.json" if how == "array" else "one.jsonl")
        src.write_text(json.dumps([{"id": "a", "text": TEXT}]) if how == "array" else LINE, encoding="utf-8")
        jobs = ["--jobs", "2"] if how == "jobs" else []
        result = runner.invoke(cli, ["ingest", "--no-progress", str(src), "--db", str(db), *jobs])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "1 added, 0 replaced, 0 unchanged, 0 skipped; 1 quotes extracted"
    articles, quotes = _stored(db)
    assert articles == [(None,)]  # no title field: no title, not the lede taken for one
    assert quotes == _extracted() == [("We will win this,", "John Smith")]


def test_a_json_title_field_is_the_title_and_a_txt_first_line_still_is(tmp_path: Path) -> None:
    titled = tmp_path / "titled.jsonl"
    titled.write_text(json.dumps({"id": "b", "title": "Smith vows victory", "text": TEXT}) + "\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("Smith vows victory in the vote\n\n" + TEXT, encoding="utf-8")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["ingest", "--no-progress", str(titled), str(plain), "--db", str(db)])
    assert result.exit_code == 0, result.output
    articles, quotes = _stored(db)
    assert sorted(t for (t,) in articles) == ["Smith vows victory", "Smith vows victory in the vote"]
    assert quotes == [("We will win this,", "John Smith")] * 2
