"""Readers turn every input into documents or skips with reasons; they never raise."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

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
