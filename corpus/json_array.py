"""Split one JSON array into its items' bytes as it streams in, so memory stays at one item.

``json.dump(list_of_articles)`` writes the whole array on one line: read as lines, a file of many
articles is one line over the line cap. Here the array is read in fixed-size chunks and cut at the
commas that separate its top-level items (commas inside strings or nested values do not count), so
each item is decoded alone: a bad item costs only itself, and an item over ``max_item`` bytes is
passed over (``None``) without being held.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

CHUNK = 1 << 20
_STRUCTURE = re.compile(rb'["\[\]{},]')  # outside a string, only these bytes change where we are
_IN_STRING = re.compile(rb'(?:[^"\\]+|\\.)*', re.DOTALL)  # a string's body up to its closing quote
_BLANK = b" \t\r\n"
MAX_DEPTH = 1000  # json.loads cannot decode deeper (RecursionError); a deeper item is hostile, not news


class ArrayTooLarge(Exception):
    """More than ``max_total`` bytes: the rest of the array is not read."""


class MalformedArray(Exception):
    """The array's own structure is broken (not closed, or more data after it)."""



class ByteReader(Protocol):
    """What is read from: a binary file, or readers' stream that replays the bytes already peeked at."""

    def read(self, n: int = -1, /) -> bytes: ...

def array_items(stream: ByteReader, *, max_item: int, max_total: int) -> Iterator[tuple[int, bytes | None]]:
    """``(item number from 1, item bytes)`` for each top-level item of the array ``stream`` holds
    (it must start with ``[`` after blanks or a byte order mark); ``None`` for an item over
    ``max_item`` bytes. Raises :class:`ArrayTooLarge` past ``max_total`` bytes and
    :class:`MalformedArray` when the array is not closed or is followed by more than blanks."""
    depth = 0  # 1 inside the top array, more inside an item's own arrays and objects
    in_string = escaped = closed = False
    number, total = 0, 0
    parts: list[bytes] = []  # the item being assembled across chunks
    held, too_long = 0, False

    def keep(piece: bytes) -> None:
        nonlocal held, too_long, parts
        if too_long or not piece:
            return
        held += len(piece)
        if held > max_item:
            parts, too_long = [], True
        else:
            parts.append(piece)

    def finish(last: bool) -> tuple[int, bytes | None] | None:
        """The item held so far; ``None`` for the nothing between the brackets of ``[]``."""
        nonlocal number, parts, held, too_long
        raw = None if too_long else b"".join(parts)
        parts, held, too_long = [], 0, False
        if last and number == 0 and raw is not None and not raw.strip(_BLANK):
            return None
        number += 1  # a blank item ("[1,,2]", "[1,]") is yielded too: its decoding says what is wrong
        return number, raw

    while chunk := stream.read(CHUNK):
        total += len(chunk)
        if total > max_total:
            if held or too_long:  # the item read when the cap came: whole (then decoded) or cut short
                yield finish(last=False)  # type: ignore[misc]
            raise ArrayTooLarge
        if closed:
            if chunk.strip(_BLANK):
                raise MalformedArray("more data after the array")
            continue
        pos, start = 0, 0  # start: where this chunk's part of the current item begins
        if depth == 0:  # the opening bracket, after blanks or a byte order mark
            head = chunk.lstrip(_BLANK)
            head = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
            head = head.lstrip(_BLANK)
            if not head:
                continue
            if not head.startswith(b"["):
                raise MalformedArray("not a JSON array")
            pos = start = len(chunk) - len(head) + 1
            depth = 1
        if escaped:  # the chunk before ended inside a string on a backslash: this byte is escaped
            pos, escaped = pos + 1, False
        while pos < len(chunk):
            if in_string:
                end = _IN_STRING.match(chunk, pos).end()  # type: ignore[union-attr]
                if end == len(chunk):
                    pos = end
                elif chunk[end] == 0x22:  # the closing quote
                    in_string, pos = False, end + 1
                else:  # a backslash as the chunk's last byte
                    escaped, pos = True, len(chunk)
                continue
            m = _STRUCTURE.search(chunk, pos)
            if m is None:
                break
            byte, pos = chunk[m.start()], m.end()
            if byte == 0x22:
                in_string = True
            elif byte in b"[{":
                depth += 1
                if depth > MAX_DEPTH:  # stop before scanning a nesting bomb byte by byte
                    raise MalformedArray("nested too deeply")
            elif byte in b"]}":
                depth -= 1
                if depth == 0:  # the array's closing bracket
                    keep(chunk[start:m.start()])
                    if (item := finish(last=True)) is not None:
                        yield item
                    closed = True
                    if chunk[pos:].strip(_BLANK):
                        raise MalformedArray("more data after the array")
                    break
            elif byte == 0x2C and depth == 1:  # a comma between two items
                keep(chunk[start:m.start()])
                yield finish(last=False)  # type: ignore[misc]
                start = pos
        if not closed:
            keep(chunk[start:])
    if depth and not closed:
        if held or too_long:  # the last item read: whole (then decoded) or cut short (its decoding says so)
            yield finish(last=False)  # type: ignore[misc]
        raise MalformedArray("the array is not closed (the file ends inside it)")
