"""JSON input: JSON Lines (one article per line) or one JSON array, read in bounded memory.

A bad line or item is that line's :class:`~corpus.text_documents.Skip`; the rest is still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from . import json_array
from .text_documents import Item, Skip, _invalid_unicode, _size, from_text

MAX_LINE_BYTES = 16 << 20  # one JSON line (one article, JSON-escaped) — longer lines are skipped
MAX_ARRAY_BYTES = 256 << 20  # one file holding a single JSON array (streamed item by item; the rest is not read)
_CHUNK = 1 << 20
_TEXT_FIELDS = ("url", "title", "published", "source", "lead")



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
