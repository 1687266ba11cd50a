"""Turn input files into :class:`Document` objects, or into a :class:`Skip` with its reason.

Readers never raise for bad input: a binary, undecodable, empty or malformed file or line
becomes a ``Skip`` and the rest of the input is still read.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import clean, json_array, meta
from .models import Document

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
MAX_DOCUMENT_CHARS = 2_000_000  # a 2-million-character "article" is a data dump, not news
# Bounds that keep memory flat whatever the input (a 4.7 MB .gz can hold 4.8 GB of zeros):
MAX_LINE_BYTES = 16 << 20  # one JSON line (one article, JSON-escaped) — longer lines are skipped
MAX_FILE_BYTES = 16 << 20  # one .txt/.html article, or one JSON array, after decompression
MAX_DECOMPRESSED_BYTES = 1 << 30  # one .gz JSON Lines file; the rest of a bigger one is not read
MAX_ARRAY_BYTES = 256 << 20  # one file holding a single JSON array (streamed item by item; the rest is not read)
_CHUNK = 1 << 20
_TEXT_FIELDS = ("url", "title", "published", "source", "lead")


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


def iter_files(paths: list[str]) -> Iterator[str | Path | Skip]:
    """Expand directories recursively; ``-`` stays stdin.

    Inside a directory only article files are taken (.txt, .html/.htm, .json/.jsonl/.ndjson,
    each optionally .gz, or no suffix), sorted, hidden ones passed over — so a README or an
    image beside the articles is not ingested. A file named explicitly is always read.
    A subdirectory that cannot be listed is a :class:`Skip` with its reason.
    """
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if not path.is_dir():
            yield path
            continue
        found, unreadable = _walk(path)
        yield from unreadable
        yield from sorted(found)


def _walk(top: Path) -> tuple[list[Path], list[Skip]]:
    """Article files under ``top`` (hidden ones passed over) and the folders that could not be listed."""
    found: list[Path] = []
    unreadable: list[Skip] = []

    def report(exc: OSError) -> None:
        unreadable.append(Skip(str(exc.filename or top), f"cannot read directory: {exc.strerror or exc}"))

    for folder, dirs, files in os.walk(top, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            child = Path(folder, name)
            if name.startswith(".") or not _is_article_file(child):
                continue
            if child.is_file():
                found.append(child)
            elif child.is_symlink() and (broken := check_file(child)):  # a dangling link or a loop
                unreadable.append(broken)
    return found, unreadable


def check_file(path: Path) -> Skip | None:
    """Why ``path`` cannot be read as a file (missing, a symbolic link loop, …), or ``None``."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skip(str(path), "symbolic link loop")
        if exc.errno == errno.ENOENT:
            return Skip(str(path), "no such file or directory")
        return Skip(str(path), f"cannot read: {exc.strerror or exc}")
    return None


def _size(n: int) -> str:
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift and n % (1 << shift) == 0:
            return f"{n >> shift} {unit}"
    return f"{n:,} bytes"


def _decode(data: bytes, origin: str) -> str | Skip:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 byte order mark (Windows "Unicode" text)
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            return Skip(origin, f"not UTF-16 text (byte {exc.start})")
    if not data.strip():
        return Skip(origin, "empty file")
    if b"\x00" in data[:8192]:
        return Skip(origin, "binary file (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skip(origin, f"not UTF-8 text (byte {exc.start})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def from_text(text: str, origin: str, *, guess_title: bool = True, **fields: Any) -> Document | Skip:
    """A document from plain text: title is the first content line, metadata read from the text.

    Metadata the input gives (``published``, ``source``) is validated, not guessed again; a
    ``published`` value that is not a real date is stored as unknown. With ``guess_title=False``
    (a JSON record, whose title is a field of its own) a missing title stays missing: the first
    line is the article's text, and taking it for a title would drop its quotes.
    """
    if not text.strip():
        return Skip(origin, "empty text")
    if len(text) > MAX_DOCUMENT_CHARS:
        return Skip(origin, f"text too long ({len(text):,} characters; limit {MAX_DOCUMENT_CHARS:,})")
    if bad := _invalid_unicode(text):
        return Skip(origin, f"text is not valid Unicode ({bad})")
    url = _str_or_none(fields.get("url"))
    source = _str_or_none(fields.get("source"))
    given_date = _str_or_none(fields.get("published"))
    published = meta.normalise_date(given_date) if given_date else None
    place = meta.find_place(text)
    if not source:
        source = meta.find_source(text, url)
    if not given_date:  # a given date that is garbage stays unknown rather than guessed from the body
        published = meta.find_date(text)
    title = fields.get("title")
    if not title and guess_title:
        guessed = clean.guess_title(text)
        title = guessed[0] if guessed else None
    return Document(
        text=text,
        title=clean.fold_spaces(title).strip() if title else None,
        doc_id=_str_or_none(fields.get("id")),
        url=url,
        source=source,
        published=published,
        lead=_str_or_none(fields.get("lead")),
        place=place,
        origin=origin,
    )


def _invalid_unicode(text: str) -> str | None:
    """Where a string cannot be stored as UTF-8 (a lone surrogate from JSON's "\\ud800")."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"lone surrogate at character {exc.start}"
    return None


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


class _CapReached(Exception):
    pass


def _json_lines(stream: IO[bytes], cap: int | None, lineno: int = 0,
                total: int = 0) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` for every non-blank line; ``None`` for a line over :data:`MAX_LINE_BYTES`.

    Reads fixed-size chunks, so memory stays flat however long a line is or however many blank
    lines there are; raises :class:`_CapReached` after ``cap`` bytes. ``lineno`` and ``total`` are
    the lines and bytes already passed over before ``stream``.
    """
    parts: list[bytes] = []  # the line being assembled across chunks
    held = 0  # its length so far
    too_long = False
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if cap is not None and total > cap:
            raise _CapReached
        pos = 0
        for m in _SEGMENT.finditer(chunk):
            newlines = chunk.count(b"\n", pos, m.start())
            if newlines and (parts or too_long):  # the pending line ended before this segment
                lineno += 1
                yield lineno, None if too_long else b"".join(parts)
                parts, held, too_long = [], 0, False
                newlines -= 1
            lineno += newlines
            pos = m.end()
            if too_long:
                continue
            held += pos - m.start()
            if held > MAX_LINE_BYTES:
                parts, too_long = [], True
            else:
                parts.append(m.group())
        if chunk.count(b"\n", pos) and (parts or too_long):
            lineno += 1
            yield lineno, None if too_long else b"".join(parts)
            parts, held, too_long = [], 0, False
            lineno += chunk.count(b"\n", pos) - 1
        else:
            lineno += chunk.count(b"\n", pos)
    if parts or too_long:
        yield lineno + 1, None if too_long else b"".join(parts)


_SEGMENT = re.compile(rb"[^\n]+")


def read_json_records(stream: IO[bytes], origin: str, *, cap: int | None = None) -> Iterator[Item]:
    """JSON Lines (one article per line) or one JSON array; a bad line or item is skipped alone.

    Lines are decoded one by one so that one undecodable line does not lose the rest; a line
    longer than :data:`MAX_LINE_BYTES` is skipped; reading stops after ``cap`` bytes. An array,
    on one line or many, is streamed item by item (:mod:`corpus.json_array`).
    """
    try:
        body, newlines, passed = _skip_blanks(stream, cap)
        if body is None:
            yield Skip(origin, "empty file")
            return
        if body.startswith(b"["):
            yield from _json_array(_Joined(body, stream), origin)
            return
        for lineno, raw in _json_lines(_Joined(body, stream), cap, newlines, passed):  # type: ignore[arg-type]
            if raw is None or raw.strip():
                yield _json_line(raw, f"{origin}:{lineno}")
    except _CapReached:
        yield Skip(origin, f"decompressed size over {_size(cap or 0)}; the rest of the file is not read")


def _skip_blanks(stream: IO[bytes], cap: int | None) -> tuple[bytes | None, int, int]:
    """The first chunk with more than blanks in it, from its first other byte (a byte order mark
    dropped), with the newlines and bytes passed over before it; ``None`` when there is nothing."""
    newlines, total, first = 0, 0, True
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if cap is not None and total > cap:
            raise _CapReached
        if first and chunk.startswith(b"\xef\xbb\xbf"):
            chunk = chunk[3:]
        first = False
        body = chunk.lstrip(b" \t\r\n")
        newlines += chunk.count(b"\n", 0, len(chunk) - len(body))
        if body:
            return body, newlines, total - len(body)
    return None, newlines, total


def _json_line(raw: bytes | None, where: str) -> Item:
    if raw is None:
        return Skip(where, f"line longer than {_size(MAX_LINE_BYTES)}; skipped")
    try:
        rec = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return Skip(where, f"not UTF-8 text (byte {exc.start})")
    except json.JSONDecodeError as exc:
        return Skip(where, f"malformed JSON: {exc.msg}")
    except RecursionError:
        return Skip(where, "malformed JSON: nested too deeply")
    return _record(rec, where)


def _json_array(stream: json_array.ByteReader, origin: str) -> Iterator[Item]:
    """Each item of one JSON array, read as it streams in: memory holds one item, however the
    array is laid out (``json.dump`` writes it all on one line)."""
    try:
        for number, raw in json_array.array_items(stream, max_item=MAX_LINE_BYTES, max_total=MAX_ARRAY_BYTES):
            where = f"{origin}[{number}]"
            if raw is None:
                yield Skip(where, f"item larger than {_size(MAX_LINE_BYTES)}; skipped")
            else:
                yield _json_line(raw, where)
    except json_array.ArrayTooLarge:
        yield Skip(origin, f"JSON array larger than {_size(MAX_ARRAY_BYTES)}; the rest of the file is not read "
                           "(write it as JSON Lines)")
    except json_array.MalformedArray as exc:
        yield Skip(origin, f"malformed JSON: {exc}")


def record_problem(rec: Any) -> str | None:
    """Why a decoded JSON record is no article (``None`` when it is one): the one check that both
    ``ingest`` and ``extract`` apply, so a line either reads or is skipped with this reason."""
    if not isinstance(rec, dict):
        return "not a JSON object"
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return "no 'text' field"
    for name in _TEXT_FIELDS:
        value = rec.get(name)
        if value is not None and not isinstance(value, str):
            return f"'{name}' is not a string"
        if isinstance(value, str) and (bad := _invalid_unicode(value)):
            return f"'{name}' is not valid Unicode ({bad})"
    doc_id = rec.get("id")
    if doc_id is not None and not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        return "'id' is not a string or a number"
    if isinstance(doc_id, str) and (bad := _invalid_unicode(doc_id)):
        return f"'id' is not valid Unicode ({bad})"
    return None


def _record(rec: Any, origin: str) -> Item:
    if problem := record_problem(rec):
        return Skip(origin, problem)
    return from_text(rec["text"], origin, guess_title=False, **{k: rec.get(k) for k in ("id", *_TEXT_FIELDS)})


class _Joined:
    """A byte stream that first returns ``head``, then reads on from ``rest``."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def read(self, n: int = -1) -> bytes:
        if self.head:
            out, self.head = self.head, b""
            return out
        return self.rest.read(n)


def _read_capped(stream: IO[bytes], origin: str, head: bytes = b"") -> bytes | Skip:
    data = head + stream.read(MAX_FILE_BYTES + 1 - len(head))
    if len(data) > MAX_FILE_BYTES:
        return Skip(origin, f"larger than {_size(MAX_FILE_BYTES)}; skipped")
    return data


def read_path(path: str | Path, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every document in one file (or ``-`` for standard input)."""
    if path == "-":
        yield from _read_stdin(stdin or os.fdopen(0, "rb", closefd=False))
        return
    path = Path(path)
    origin = str(path)
    suffix, gz = _suffixes(path)
    try:
        if suffix in JSON_SUFFIXES:
            with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
                yield from read_json_records(fh, origin,  # type: ignore[arg-type]
                                             cap=MAX_DECOMPRESSED_BYTES if gz else None)
            return
        with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
            data = _read_capped(fh, origin)  # type: ignore[arg-type]
    except (OSError, EOFError) as exc:  # unreadable, or a truncated/corrupt .gz
        yield Skip(origin, f"cannot read: {exc}")
        return
    if isinstance(data, Skip):
        yield data
        return
    yield from _document_from_bytes(data, origin, suffix)


def _document_from_bytes(data: bytes, origin: str, suffix: str) -> Iterator[Item]:
    decoded = _decode(data, origin)
    if isinstance(decoded, Skip):
        yield decoded
    elif suffix in HTML_SUFFIXES or decoded.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        yield read_html(decoded, origin)
    else:
        yield from_text(decoded, origin)


def _read_stdin(stream: IO[bytes]) -> Iterator[Item]:
    """Standard input as a stream: JSON Lines are read line by line, anything else as one document."""
    origin = "<stdin>"
    head = b""
    while not head.strip():
        chunk = stream.read(_CHUNK)
        if not chunk:
            yield Skip(origin, "empty file")
            return
        head += chunk
        if len(head) > MAX_FILE_BYTES:
            break
    if head.lstrip().startswith((b"{", b"[", b"\xef\xbb\xbf{", b"\xef\xbb\xbf[")):
        yield from read_json_records(_Joined(head, stream), origin)  # type: ignore[arg-type]
        return
    data = _read_capped(stream, origin, head)
    if isinstance(data, Skip):
        yield data
        return
    yield from _document_from_bytes(data, origin, "")
