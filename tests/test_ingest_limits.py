"""The size limits the README gives for ingest, through ``quotebot ingest`` on real files and SQLite:
each one is the one that applies, says its figure, and costs only the input over it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import cli
from corpus import json_records, readers, text_documents

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
GOOD = json.dumps({"id": "ok", "text": "“Prices will fall,” Anna Berg said on Monday."})


def _ingest(tmp_path: Path, *paths: Path | str, stdin: str | None = None) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(cli, ["ingest", "--no-progress", *map(str, paths), "--db", str(tmp_path / "c.db")],
                                input=stdin)
    lines = result.output.splitlines()
    return result.exit_code, [ln for ln in lines if ln.startswith("skipped ")], lines[-1]


def test_the_readme_gives_the_article_limit_that_applies() -> None:
    assert f"**{text_documents.MAX_DOCUMENT_CHARS:,} characters**" in README
    # the character limit comes before the 16 MiB line and file caps: 2,000,001 ASCII characters is ~2 MB
    assert text_documents.MAX_DOCUMENT_CHARS + 1 < json_records.MAX_LINE_BYTES


def test_an_article_over_two_million_characters_is_skipped_with_the_limit_in_every_format(tmp_path: Path) -> None:
    n = text_documents.MAX_DOCUMENT_CHARS + 1
    body = ("word " * (n // 5 + 1))[:n - 1] + "."
    assert len(body) == n
    lines = tmp_path / "big.jsonl"
    lines.write_text(json.dumps({"id": "big", "text": body}) + "\n" + GOOD + "\n", encoding="utf-8")
    text = tmp_path / "big.txt"
    text.write_text(body, encoding="utf-8")
    status, skipped, summary = _ingest(tmp_path, lines, text)
    reason = f"text too long ({n:,} characters; limit {text_documents.MAX_DOCUMENT_CHARS:,})"
    assert status == 1
    assert skipped == [f"skipped {lines}:1: {reason}", f"skipped {text}: {reason}"]
    assert summary == "1 added, 0 replaced, 0 unchanged, 2 skipped; 1 quotes extracted"  # the next line lands
    status, skipped, summary = _ingest(tmp_path, "-", stdin=json.dumps({"id": "big", "text": body}) + "\n")
    assert (status, skipped) == (1, [f"skipped <stdin>:1: {reason}"])


def test_an_article_at_the_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_documents, "MAX_DOCUMENT_CHARS", 60)  # the same rule at a size a test can extract
    base = "“Prices will fall,” Anna Berg said on a Monday in spring."
    at = base + "x" * (60 - len(base))
    over = at + "y"
    assert len(at) == 60
    f = tmp_path / "edge.jsonl"
    f.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (("at", at), ("over", over))))
    status, skipped, summary = _ingest(tmp_path, f)
    assert skipped == [f"skipped {f}:2: text too long (61 characters; limit 60)"]
    assert re.fullmatch(r"1 added, 0 replaced, 0 unchanged, 1 skipped; \d+ quotes extracted", summary)


def test_a_one_line_json_array_over_16_mib_is_read_whole_at_the_real_caps(tmp_path: Path) -> None:
    # What json.dump(list_of_articles) writes: one line, here over the 16 MiB line cap and under the
    # 256 MiB array cap (README). Reading only: extracting 16 MiB of text is the ingest bench's job.
    f = tmp_path / "dump.json"
    filler = "Wheat and rye grow in the fields. " * 480
    f.write_text(json.dumps([{"id": f"a{i}", "text": f"Article {i}. {filler}"} for i in range(1050)]),
                 encoding="utf-8")
    assert json_records.MAX_LINE_BYTES < f.stat().st_size < json_records.MAX_ARRAY_BYTES
    items = readers.read_path(f)
    assert [getattr(i, "doc_id", i) for i in items] == [f"a{i}" for i in range(1050)]
    assert f"**{json_records.MAX_ARRAY_BYTES >> 20} MiB**" in README


def test_ingest_stores_every_article_of_a_one_line_array_over_the_line_cap(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_records, "MAX_LINE_BYTES", 4 << 10)  # the caps scaled down: the same code paths
    monkeypatch.setattr(json_records, "MAX_ARRAY_BYTES", 64 << 10)
    articles = [{"id": f"a{i}", "text": f"“Prices will fall {i} per cent,” Anna Berg said. " + "Wheat. " * 60}
                for i in range(40)]
    f = tmp_path / "dump.json"
    f.write_text(json.dumps(articles), encoding="utf-8")
    assert 4 << 10 < f.stat().st_size < 64 << 10
    status, skipped, summary = _ingest(tmp_path, f)
    assert (status, skipped) == (0, [])
    assert summary == "40 added, 0 replaced, 0 unchanged, 0 skipped; 40 quotes extracted"
    over = tmp_path / "over.json"  # past the array cap: what was read is stored, the rest reported
    over.write_text(json.dumps(articles * 6), encoding="utf-8")
    assert over.stat().st_size > 64 << 10
    status, skipped, summary = _ingest(tmp_path, over)
    assert status == 1 and skipped == [f"skipped {over}: JSON array larger than 64 KiB; the rest of the file is "
                                       "not read (write it as JSON Lines)"]
    assert summary.startswith("0 added, 0 replaced, ") and " unchanged, 1 skipped" in summary
