"""`quotebot ask` and `quotebot chat` through click's runner on the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from adapters.cli import cli


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
