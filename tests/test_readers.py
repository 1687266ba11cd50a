"""Readers turn every input into documents or skips with reasons; they never raise."""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import json_array, json_records, readers
from corpus.models import Document
from corpus.readers import Skip, read_path


def _read(path: Path) -> list[Document | Skip]:
    return list(read_path(path))


def test_plain_text_title_skips_site_furniture(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("All news\n\nLavrov holds talks in Moscow\n\nMOSCOW, November 9. /TASS/. Body text here.\n")
    [doc] = _read(f)
    assert isinstance(doc, Document)
    assert doc.title == "Lavrov holds talks in Moscow"
    assert (doc.source, doc.published, doc.place) == ("TASS", "--11-09", "Moscow")


def test_jsonl_bad_lines_are_skipped_with_reasons_and_the_rest_read(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    good = {"id": "a1", "title": "T", "text": "Some article text.", "published": "2022-01-02", "source": "TASS"}
    f.write_bytes(
        json.dumps(good).encode() + b"\n{not json\n" + b'{"id": "x"}\n' + b"[1, 2]\n"
        + b'{"id": "bad", "text": "\xff\xfe"}\n' + json.dumps({**good, "id": "a2"}).encode() + b"\n"
    )
    items = _read(f)
    docs = [i for i in items if isinstance(i, Document)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [d.doc_id for d in docs] == ["a1", "a2"]
    assert docs[0].published == "2022-01-02" and docs[0].source == "TASS"
    reasons = {s.origin.rsplit(":", 1)[1]: s.reason for s in skips}
    assert reasons["2"].startswith("malformed JSON")
    assert reasons["3"] == "no 'text' field"
    assert reasons["4"] == "not a JSON object"
    assert reasons["5"].startswith("not UTF-8")


def test_gzipped_jsonl_and_json_array(tmp_path: Path) -> None:
    gz = tmp_path / "a.jsonl.gz"
    gz.write_bytes(gzip.compress(b'{"id": "1", "text": "Hello world text."}\n'))
    arr = tmp_path / "b.json"
    arr.write_text(json.dumps([{"id": "2", "text": "One."}, {"id": "3", "text": "Two."}]))
    assert [d.doc_id for d in _read(gz)] == ["1"]  # type: ignore[union-attr]
    assert [d.doc_id for d in _read(arr)] == ["2", "3"]  # type: ignore[union-attr]


def test_truncated_gzip_is_a_skip_not_a_crash(tmp_path: Path) -> None:
    gz = tmp_path / "a.jsonl.gz"
    gz.write_bytes(gzip.compress(b'{"id": "1", "text": "Hello."}\n' * 50)[:40])
    items = _read(gz)
    assert items and isinstance(items[-1], Skip)


def test_binary_empty_and_undecodable_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 na\xefve".encode("latin-1"))
    reasons = {p.name: _read(p)[0].reason for p in tmp_path.iterdir()}  # type: ignore[union-attr]
    assert reasons == {
        "bin.txt": "binary file (NUL bytes)",
        "empty.txt": "empty file",
        "latin1.txt": "not UTF-8 text (byte 3)",
    }


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><title>Lavrov on talks - TASS</title>"
        '<meta property="article:published_time" content="2022-11-09T10:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Lavrov on talks</h1>"
        "<p>MOSCOW, November 9. /TASS/. Russian Foreign Minister Sergey Lavrov said the talks went well "
        "and that more meetings would follow in the coming weeks, according to the ministry.</p>"
        "<p>\u201cWe are ready for dialogue with everyone who is ready for it,\u201d Lavrov said "
        "at a news conference in Moscow on Wednesday.</p></article><footer>Subscribe</footer></body></html>"
    )
    [doc] = _read(f)
    assert isinstance(doc, Document)
    assert doc.title == "Lavrov on talks"
    assert doc.published == "2022-11-09"
    assert "ready for dialogue" in doc.text and "Home | World" not in doc.text


def test_stdin_text_and_jsonl() -> None:
    [doc] = list(read_path("-", io.BytesIO(b"A headline of words\n\nBody.\n")))
    assert isinstance(doc, Document) and doc.title == "A headline of words"
    docs = list(read_path("-", io.BytesIO(b'{"id": "s1", "text": "x y z"}\n{"id": "s2", "text": "q"}\n')))
    assert [d.doc_id for d in docs] == ["s1", "s2"]  # type: ignore[union-attr]


# -- bounds: decompression and line length (issue 11, item 9) ------------------------------------

def _gzip_of(path: Path, chunk: bytes, total: int) -> None:
    with gzip.open(path, "wb", compresslevel=1) as fh:
        for _ in range(total // len(chunk)):
            fh.write(chunk)


def _peak_while(fn: Callable[[], object]) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_gzip_bomb_of_zeros_is_skipped_with_a_reason_and_memory_stays_flat(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_records, "MAX_LINE_BYTES", 1 << 20)
    bomb = tmp_path / "zeros.jsonl.gz"
    _gzip_of(bomb, b"0" * (1 << 20), 64 << 20)  # 64 MiB of '0' without a newline
    items, peak = _peak_while(lambda: _read(bomb))
    assert [(Path(s.origin).name, s.reason) for s in items] == [  # type: ignore[union-attr]
        ("zeros.jsonl.gz:1", "line longer than 1 MiB; skipped")]
    assert peak < 8 << 20


def test_a_gzip_of_newlines_stops_at_the_decompression_cap(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_DECOMPRESSED_BYTES", 8 << 20)
    bomb = tmp_path / "newlines.jsonl.gz"
    good = json.dumps({"id": "a", "text": "A real article before the padding."}).encode() + b"\n"
    with gzip.open(bomb, "wb", compresslevel=1) as fh:
        fh.write(good)
        for _ in range(64):
            fh.write(b"\n" * (1 << 20))
    items, peak = _peak_while(lambda: _read(bomb))
    assert isinstance(items[0], Document) and items[0].doc_id == "a"
    assert [(Path(s.origin).name, s.reason) for s in items[1:]] == [  # type: ignore[union-attr]
        ("newlines.jsonl.gz", "decompressed size over 8 MiB; the rest of the file is not read")]
    assert peak < 8 << 20


def test_a_long_line_is_skipped_and_the_next_line_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_records, "MAX_LINE_BYTES", 1 << 16)
    f = tmp_path / "feed.jsonl"
    long_text = json.dumps({"id": "long", "text": "x " * (1 << 16)})
    f.write_text(json.dumps({"id": "1", "text": "First."}) + "\n" + long_text + "\n"
                 + json.dumps({"id": "3", "text": "Third."}) + "\n")
    items = _read(f)
    assert [getattr(i, "doc_id", None) or i.reason for i in items] == [
        "1", "line longer than 64 KiB; skipped", "3"]
    assert items[1].origin.endswith("feed.jsonl:2")  # type: ignore[union-attr]


def test_a_gzipped_text_file_over_the_cap_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1 << 20)
    bomb = tmp_path / "zeros.txt.gz"
    _gzip_of(bomb, b"a" * (1 << 20), 32 << 20)
    items, peak = _peak_while(lambda: _read(bomb))
    assert [s.reason for s in items] == ["larger than 1 MiB; skipped"]  # type: ignore[union-attr]
    assert peak < 8 << 20


def test_stdin_is_read_as_a_stream_with_the_same_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_records, "MAX_LINE_BYTES", 1 << 16)
    data = b'{"id": "s1", "text": "x y z"}\n' + b"0" * (1 << 18) + b'\n{"id": "s3", "text": "q"}\n'
    items = list(read_path("-", io.BytesIO(data)))
    assert [getattr(i, "doc_id", None) or i.reason for i in items] == [
        "s1", "line longer than 64 KiB; skipped", "s3"]


# -- small reader items (issue 11, item 12) --------------------------------------------------------

def test_a_utf16_text_file_is_read_not_called_binary(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Lavrov holds talks in Moscow\n\nBody text of the article.\n", encoding="utf-16")
    [doc] = _read(f)
    assert isinstance(doc, Document) and doc.title == "Lavrov holds talks in Moscow"


def test_a_symlink_loop_is_reported_as_a_loop(tmp_path: Path) -> None:
    from corpus.ingest import ingest_paths
    from corpus.store import open_db

    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    report = ingest_paths(open_db(tmp_path / "q.db"), [str(tmp_path / "loop.txt")])
    assert [s.reason for s in report.skipped] == ["symbolic link loop"]


def _iter_files_as(uid: int | None, paths: list[str]) -> list[tuple[str, str]]:
    """``iter_files`` as this user, or in a child process turned into ``uid`` (root reads any folder)."""
    def run() -> list[tuple[str, str]]:
        return [(Path(s.origin).name, s.reason.split(":")[0]) if isinstance(s, Skip) else (Path(s).name, "file")
                for s in readers.iter_files(paths)]
    if uid is None:
        return run()
    out, inp = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no exec, the modules are already loaded
        try:
            os.setgid(uid)
            os.setuid(uid)
            os.write(inp, json.dumps(run()).encode())
        finally:
            os._exit(0)
    os.close(inp)
    with os.fdopen(out, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    return [tuple(x) for x in json.loads(data)]  # type: ignore[misc]


def test_an_unreadable_subdirectory_is_reported() -> None:
    import shutil
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="quotebot-unreadable-"))  # not under pytest's root-only tmp folder
    try:
        top.chmod(0o755)
        inbox = top / "inbox"
        (inbox / "locked").mkdir(parents=True)
        inbox.chmod(0o755)
        (inbox / "a.txt").write_text("A headline of words\n\nBody.\n")
        (inbox / "a.txt").chmod(0o644)
        (inbox / "locked").chmod(0)
        uid = 65534 if os.geteuid() == 0 else None  # as root, list it as "nobody"
        found = _iter_files_as(uid, [str(inbox)])
    finally:
        (top / "inbox" / "locked").chmod(0o755)
        shutil.rmtree(top)
    assert found == [("locked", "cannot read directory"), ("a.txt", "file")]


# -- one JSON array, on one line or many, streamed item by item (README audit F4) -------------------

def _articles(n: int, words: int = 40) -> list[dict[str, str]]:
    return [{"id": f"a{i}", "text": f"“Prices will fall,” Anna Berg {i} said. " + "Wheat and rye. " * words}
            for i in range(n)]


def _kinds(items: object) -> tuple[int, list[tuple[str, str]]]:
    docs = [i for i in items if isinstance(i, Document)]  # type: ignore[attr-defined]
    skips = [(Path(s.origin).name, s.reason) for s in items if isinstance(s, Skip)]  # type: ignore[attr-defined]
    return len(docs), skips


def test_a_one_line_json_array_over_the_line_cap_is_read_whole_in_flat_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_records, "MAX_LINE_BYTES", 64 << 10)  # the 16 MiB line cap, scaled down,
    monkeypatch.setattr(json_records, "_CHUNK", 16 << 10)  # and the 1 MiB reads with it
    monkeypatch.setattr(json_array, "CHUNK", 16 << 10)
    f = tmp_path / "dump.json"
    f.write_text(json.dumps(_articles(4000)), encoding="utf-8")  # json.dump's layout: one line
    assert f.stat().st_size > 40 * json_records.MAX_LINE_BYTES and b"\n" not in f.read_bytes()
    sum(1 for _ in read_path(f))  # first use loads the readers' word lists: not the array's cost
    count, peak = _peak_while(lambda: sum(isinstance(i, Document) for i in read_path(f)))
    assert count == 4000
    assert peak < 1 << 20  # a few chunks and one item held, not the 2.7 MB array


def test_a_json_array_is_read_to_its_cap_and_the_rest_reported(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_records, "MAX_ARRAY_BYTES", 1 << 20)
    f = tmp_path / "huge.json.gz"
    with gzip.open(f, "wb", compresslevel=1) as fh:  # a bomb: 64 MiB of blanks after one real article
        fh.write(b'[{"id": "first", "text": "A real article before the padding."}')
        for _ in range(64):
            fh.write(b" \n" * (1 << 19))
    items, peak = _peak_while(lambda: list(read_path(f)))
    docs = [i for i in items if isinstance(i, Document)]  # type: ignore[attr-defined]
    assert [d.doc_id for d in docs] == ["first"]
    assert [(Path(s.origin).name, s.reason) for s in items if isinstance(s, Skip)] == [  # type: ignore[attr-defined]
        ("huge.json.gz", "JSON array larger than 1 MiB; the rest of the file is not read (write it as JSON Lines)")]
    assert peak < 8 << 20


def test_a_bad_item_of_a_one_line_array_costs_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_records, "MAX_LINE_BYTES", 4 << 10)
    big = {"id": "big", "text": "x " * (8 << 10)}
    f = tmp_path / "mixed.json"
    f.write_text("[" + ", ".join([json.dumps(_articles(1)[0]), json.dumps(big), '{"id": 3, "text": 5}', "[1, 2]",
                                  '{"id": "b,]\\"}", "text": "Last one, with a comma ] and a brace } in it."}'])
                 + "]\n", encoding="utf-8")
    assert _kinds(list(read_path(f))) == (2, [("mixed.json[2]", "item larger than 4 KiB; skipped"),
                                        ("mixed.json[3]", "no 'text' field"),
                                        ("mixed.json[4]", "not a JSON object")])


def test_a_broken_array_keeps_the_items_before_the_break(tmp_path: Path) -> None:
    good = json.dumps(_articles(2))
    f = tmp_path / "broken.json"
    for text, count, reasons in (
            (good[:-1], 2, ["malformed JSON: the array is not closed (the file ends inside it)"]),
            (good + ' {"id": "x"}', 2, ["malformed JSON: more data after the array"]),
            (good[:-1] + ",]", 2, ["malformed JSON: Expecting value"]),  # a trailing comma: an empty third item
            (good[:-3], 1, ["malformed JSON: Unterminated string starting at",  # the second item, cut short
                            "malformed JSON: the array is not closed (the file ends inside it)"]),
            (good[:-1] + ", " + "[" * 100_000 + "]" * 100_000 + "]", 2, ["malformed JSON: nested too deeply"])):
        f.write_text(text, encoding="utf-8")
        found, skips = _kinds(list(read_path(f)))
        assert found == count and len(skips) == len(reasons), (text[-20:], skips)
        assert all(got.startswith(want) for (_, got), want in zip(skips, reasons, strict=True)), skips
