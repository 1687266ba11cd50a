"""`quotebot ask` and `quotebot chat` through click's runner on the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import cli
from corpus.store import open_db


def test_ask_json_lists_putins_nato_quotes_with_citation_fields(seed_db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "/quote NATO", "--json", "--db", str(seed_db_path)])
    assert result.exit_code == 0, result.output
    reply = json.loads(result.output)
    assert reply["quotes"] and not reply["error"]
    for quote in reply["quotes"]:
        assert {"text", "speaker", "published", "source", "url", "id"} <= quote.keys()
        assert quote["speaker"] == "Vladimir Putin" and quote["published"] == "2021-11-19"
        assert "NATO" in quote["text"]


def test_ask_exits_non_zero_on_an_error_reply(seed_db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "/quote NATO since:2021-13-01", "--db", str(seed_db_path)])
    assert result.exit_code == 1 and "not a real date" in result.output


def test_chat_answers_and_presses_buttons_by_number(seed_db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["chat", "--db", str(seed_db_path)], input="/said Putin\n1\n")
    assert result.exit_code == 0, result.output
    assert "1–5 of" in result.output and "6–10 of" in result.output  # "1" pressed "More"


def test_help_gives_an_example_for_every_command(seed_db_path: Path) -> None:
    import bot.core  # noqa: F401  (registers every command)
    from bot.answering.commands import visible
    from bot.answering.help_cmd import example

    assert all(example(c.help) for c in visible()), [c.name for c in visible() if not example(c.help)]
    result = CliRunner().invoke(cli, ["ask", "--db", str(seed_db_path), "/help"])
    assert result.output.count("e.g. /") == len(visible())


# Every command that reads the corpus; only `ingest` and `demo` make one (README: "A missing or empty
# corpus is named as such"). `digest` without --dry-run would otherwise post "No quotes…" to a channel.
READING_COMMANDS = [
    ["ask", "/quote NATO"], ["chat"], ["stats"], ["stats", "--json"], ["speakers"], ["speakers", "--json"],
    ["speakers", "--rebuild"], ["speakers", "--conflicts"], ["speakers", "--explain", "Putin"], ["reindex"],
    ["digest", "--channel", "telegram:1", "--dry-run"], ["digest", "--channel", "telegram:1"],
]


@pytest.mark.parametrize("args", READING_COMMANDS, ids=" ".join)
def test_a_missing_or_empty_corpus_is_named_and_never_created(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(cli, [*args, "--db", str(missing)])
    assert result.exit_code == 1
    assert result.output == (f"Error: there is no corpus at {missing} — run quotebot ingest FILE --db {missing} "
                             "(or make demo, which builds demo.db)\n")
    assert list(tmp_path.iterdir()) == []  # no database, no index, no -wal left behind
    empty = tmp_path / "empty.db"
    open_db(empty).close()
    result = CliRunner().invoke(cli, [*args, "--db", str(empty)])
    assert result.exit_code == 1
    assert result.output == f"Error: the corpus at {empty} is empty — run quotebot ingest FILE --db {empty}\n"


def test_ask_press_presses_a_button(seed_db_path: Path) -> None:
    first = CliRunner().invoke(cli, ["ask", "--db", str(seed_db_path), "--json", "/quote Russia"])
    pressed = CliRunner().invoke(cli, ["ask", "--db", str(seed_db_path), "--json", "--press", "1", "/quote Russia"])
    assert first.exit_code == pressed.exit_code == 0, pressed.output
    a, b = json.loads(first.output), json.loads(pressed.output)
    assert a["actions"][0]["label"] == "More" and b["footer"].startswith("6–")  # the second page
    bad = CliRunner().invoke(cli, ["ask", "--db", str(seed_db_path), "--press", "9", "/quote Russia"])
    assert bad.exit_code == 2 and "there is no button 9" in bad.output


def test_page_size_setting_and_unknown_settings(seed_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEBOT_PAGE_SIZE", "2")
    result = CliRunner().invoke(cli, ["ask", "--db", str(seed_db_path), "--json", "/quote Russia"])
    assert len(json.loads(result.output)["quotes"]) == 2
    monkeypatch.setenv("QUOTEBOT_PAGE_SIZ", "3")
    for args in (["ask", "/quote Russia"], ["stats"], ["digest", "--channel", "telegram:1", "--dry-run"]):
        result = CliRunner().invoke(cli, [*args, "--db", str(seed_db_path)])
        assert result.exit_code == 1 and "unknown setting(s): QUOTEBOT_PAGE_SIZ" in result.output, args
