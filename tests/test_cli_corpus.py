"""The corpus commands through the front door (click's CliRunner on real SQLite files)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"


def _commands() -> dict[str, object]:
    return dict(cli.commands)


def test_extract_offsets_are_exact_on_every_sample_article() -> None:
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}
    lines = "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in docs.items())
    result = CliRunner().invoke(cli, ["extract", "-"], input=lines)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == list(docs)
    checked = 0
    for o in out:
        for q in o["quotes"]:
            assert docs[o["id"]][q["start"]:q["end"]] == q["text"]
            assert q["kind"] in {"direct", "indirect", "transcript", "question"}
            assert 0.0 <= q["confidence"] <= 1.0
            checked += 1
    assert checked > 0


def test_extract_skips_a_malformed_line_and_goes_on() -> None:
    result = CliRunner().invoke(cli, ["extract", "-"], input='{broken\n{"id": 2, "text": "Plain words."}\n')
    assert result.exit_code == 1  # every good line written; the status says one was not
    assert json.loads(result.stdout.splitlines()[-1]) == {"id": 2, "quotes": []}
    assert "line 1: skipped: malformed JSON" in result.stderr


def test_extract_skips_records_of_the_wrong_shape_with_ingests_reasons() -> None:
    good = '{"id": "g", "text": "“We will win,” said Anna Berg."}'
    bad = ['{"id": "x", "text": "a", "title": 5}', '{"id": "y", "text": "a", "lead": ["l"]}',
           '{"id": "z"}', '["array"]', '{"id": {"o": 1}, "text": "a"}']
    result = CliRunner().invoke(cli, ["extract", "-"], input="\n".join([good, *bad, good]) + "\n")
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["g", "g"]
    assert result.stderr.splitlines() == [
        "line 2: skipped: 'title' is not a string", "line 3: skipped: 'lead' is not a string",
        "line 4: skipped: no 'text' field", "line 5: skipped: not a JSON object",
        "line 6: skipped: 'id' is not a string or a number"]


def test_stats_json_reports_the_sample_corpus(seed_db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--json", "--db", str(seed_db_path)])
    stats = json.loads(result.output)
    assert stats["articles"] == 5
    assert stats["quotes"] == stats["attributed"] + stats["unattributed"] > 0
    assert {"speakers", "sources", "first_published", "last_published"} <= stats.keys()
    assert stats["first_published"] <= "2021-11-19" <= stats["last_published"]


def test_eval_prints_figures_for_the_seed_gold(shared_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(shared_dir / "gold" / "seeds.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 5
    assert set(figures["overall"]) == {"30%", "80%"}
    assert 0.0 < figures["overall"]["30%"]["precision"] <= 1.0


def test_eval_writes_every_error_with_its_context(shared_dir: Path, tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    CliRunner().invoke(cli, ["eval", str(shared_dir / "gold" / "seeds.jsonl"), "--errors", str(errors)])
    rows = [json.loads(line) for line in errors.read_text().splitlines()]
    assert all(r["error"] in {"miss", "false alarm", "wrong speaker"} and r["context"] for r in rows)


def test_demo_builds_the_bundled_corpus_without_shared(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.output
    # make demo leaves the corpus where one can keep asking, and says how.
    assert f"The corpus stays in {tmp_path / 'demo.db'}" in result.output and "quotebot chat --db" in result.output
    again = CliRunner().invoke(cli, ["ask", "--db", str(tmp_path / "demo.db"), "/quote NATO"])
    assert again.exit_code == 0 and "NATO" in again.output
    first = result.output.splitlines()[0]
    assert re.fullmatch(r"Sample corpus: 5 articles, (\d+) quotes extracted\.", first), first
    rerun = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.db")])  # make demo a second time
    assert rerun.output.splitlines()[0] == first.replace("quotes extracted.", "quotes (already built).")


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    command = cli.commands[name]
    assert command.help and len(command.help.strip()) > 20
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"quotebot {name}" in readme


def test_extract_prints_each_quotes_evidence() -> None:
    text = '"We will build the bridge across the river this year," Foreign Minister Ann Lee said.\n\nShe left.\n'
    line = json.dumps({"id": 1, "title": "Bridge plan", "text": text}) + "\n"
    result = CliRunner().invoke(cli, ["extract", "-"], input=line)
    assert result.exit_code == 0, result.output
    quotes = json.loads(result.output)["quotes"]
    assert quotes, result.output
    for q in quotes:
        assert {"speaker_span", "resolution", "utterance"} <= q.keys()
        span = q["speaker_span"]
        assert span is None or (isinstance(span, list) and 0 <= span[0] < span[1] <= len(text))
