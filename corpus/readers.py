"""Turn input files into :class:`Document` objects, or into a :class:`Skip` with its reason.

Readers never raise for bad input: a binary, undecodable, empty or malformed file or line
becomes a ``Skip`` and the rest of the input is still read. This module finds and opens the
files; a document from text is :mod:`corpus.text_documents`, JSON input :mod:`corpus.json_records`.
"""

from __future__ import annotations

import errno
import gzip
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .json_records import _CHUNK, MAX_ARRAY_BYTES, MAX_LINE_BYTES, _Joined, read_json_records, record_problem
from .text_documents import MAX_DOCUMENT_CHARS, Item, Skip, _decode, _size, from_text, read_html

__all__ = [
    "HTML_SUFFIXES", "JSON_SUFFIXES", "MAX_ARRAY_BYTES", "MAX_DECOMPRESSED_BYTES", "MAX_DOCUMENT_CHARS",
    "MAX_FILE_BYTES", "MAX_LINE_BYTES", "TEXT_SUFFIXES", "Item", "Skip", "check_file", "from_text",
    "iter_files", "read_html", "read_json_records", "read_path", "record_problem",
]

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
# Bounds that keep memory flat whatever the input (a 4.7 MB .gz can hold 4.8 GB of zeros; the JSON
# line and array bounds are in corpus.json_records, the document's in corpus.text_documents):
MAX_FILE_BYTES = 16 << 20  # one .txt/.html article, or one JSON array, after decompression
MAX_DECOMPRESSED_BYTES = 1 << 30  # one .gz JSON Lines file; the rest of a bigger one is not read


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
