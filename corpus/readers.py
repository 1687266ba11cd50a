"""Turn input files into :class:`Document` objects, or into a :class:`Skip` with its reason.

Readers never raise for bad input: a binary, undecodable, empty or malformed file or line
becomes a ``Skip`` and the rest of the input is still read.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import clean, meta
from .models import Document

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
MAX_DOCUMENT_CHARS = 2_000_000  # a 2-million-character "article" is a data dump, not news


@dataclass(frozen=True, slots=True)
class Skip:
    origin: str
    reason: str


Item = Document | Skip


def _suffixes(path: Path) -> tuple[str, bool]:
    """The meaningful suffix and whether the file is gzipped ("a.jsonl.gz" → ".jsonl", True)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return Path(name[:-3]).suffix, True
    return path.suffix.lower(), False


def _is_article_file(path: Path) -> bool:
    suffix, _ = _suffixes(path)
    return suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES


def iter_files(paths: list[str]) -> Iterator[str | Path]:
    """Expand directories recursively; ``-`` stays stdin.

    Inside a directory only article files are taken (.txt, .html/.htm, .json/.jsonl/.ndjson,
    each optionally .gz, or no suffix), sorted, hidden ones passed over — so a README or an
    image beside the articles is not ingested. A file named explicitly is always read.
    """
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and _is_article_file(child):
                    yield child
        else:
            yield path


def _decode(data: bytes, origin: str) -> str | Skip:
    if not data.strip():
        return Skip(origin, "empty file")
    if b"\x00" in data[:8192]:
        return Skip(origin, "binary file (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skip(origin, f"not UTF-8 text (byte {exc.start})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def from_text(text: str, origin: str, **fields: Any) -> Document | Skip:
    """A document from plain text: title is the first content line, metadata read from the text."""
    if not text.strip():
        return Skip(origin, "empty text")
    if len(text) > MAX_DOCUMENT_CHARS:
        return Skip(origin, f"text too long ({len(text):,} characters; limit {MAX_DOCUMENT_CHARS:,})")
    found = meta.read_metadata(text, fields.get("url"))
    title = fields.get("title")
    if not title:
        guessed = clean.guess_title(text)
        title = guessed[0] if guessed else None
    return Document(
        text=text,
        title=clean.fold_spaces(title).strip() if title else None,
        doc_id=_str_or_none(fields.get("id")),
        url=_str_or_none(fields.get("url")),
        source=_str_or_none(fields.get("source")) or found.source,
        published=_str_or_none(fields.get("published")) or found.published,
        lead=_str_or_none(fields.get("lead")),
        place=found.place,
        origin=origin,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def read_html(data: str, origin: str) -> Document | Skip:
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                            include_tables=False)
    def field(name: str) -> Any:
        return extracted.get(name) if isinstance(extracted, dict) else getattr(extracted, name, None)

    text = field("text") or ""
    if not text.strip():
        return Skip(origin, "no main text found in HTML")
    return from_text(text, origin, title=field("title"), published=field("date"),
                     url=field("url"), source=field("sitename"))


def read_json_records(stream: IO[bytes], origin: str) -> Iterator[Item]:
    """JSON Lines (one article per line) or one JSON array; a bad line is skipped alone.

    Lines are decoded one by one so that one undecodable line does not lose the rest.
    """
    first = stream.readline()
    while first and not first.strip():
        first = stream.readline()
    if not first:
        yield Skip(origin, "empty file")
        return
    if first.lstrip().startswith((b"[", b"\xef\xbb\xbf[")):  # a whole JSON array
        try:
            records = json.loads((first + stream.read()).decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield Skip(origin, f"malformed JSON: {exc}")
            return
        for i, rec in enumerate(records if isinstance(records, list) else [records], 1):
            yield _record(rec, f"{origin}[{i}]")
        return
    for lineno, raw in enumerate(_prepend(first, stream), 1):
        if not raw.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            rec = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            yield Skip(where, f"not UTF-8 text (byte {exc.start})")
            continue
        except json.JSONDecodeError as exc:
            yield Skip(where, f"malformed JSON: {exc.msg}")
            continue
        yield _record(rec, where)


def _prepend(first: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    yield first
    yield from stream


def _record(rec: Any, origin: str) -> Item:
    if not isinstance(rec, dict):
        return Skip(origin, "not a JSON object")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skip(origin, "no 'text' field")
    return from_text(text, origin, **{k: rec.get(k) for k in ("id", "url", "title", "published", "source", "lead")})


def read_path(path: str | Path, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every document in one file (or ``-`` for standard input)."""
    if path == "-":
        origin = "<stdin>"
        raw = (stdin or os.fdopen(0, "rb", closefd=False)).read()
        decoded = _decode(raw, origin)
        if isinstance(decoded, Skip):
            yield decoded
        elif decoded.lstrip().startswith(("{", "[")):
            yield from read_json_records(io.BytesIO(raw), origin)
        else:
            yield from_text(decoded, origin)
        return
    path = Path(path)
    origin = str(path)
    suffix, gz = _suffixes(path)
    try:
        if suffix in JSON_SUFFIXES:
            with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
                yield from read_json_records(fh, origin)  # type: ignore[arg-type]
            return
        data = path.read_bytes()
        if gz:
            data = gzip.decompress(data)
    except (OSError, EOFError) as exc:  # unreadable, or a truncated/corrupt .gz
        yield Skip(origin, f"cannot read: {exc}")
        return
    decoded = _decode(data, origin)
    if isinstance(decoded, Skip):
        yield decoded
    elif suffix in HTML_SUFFIXES or decoded.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        yield read_html(decoded, origin)
    elif suffix in TEXT_SUFFIXES or suffix not in JSON_SUFFIXES:
        yield from_text(decoded, origin)
