"""The serving process's resident memory, bounded: index pages mapped beyond a budget are let go.

tantivy reads the index through memory maps. Each page a query touches stays mapped into the
process, and counted in its resident set (RSS), until the kernel reclaims it; so a server that
answers many different topics would end up counting most of the index as its own (2.2 GB at 10
million quotes), although those pages are the kernel's page cache, shared and reclaimable.

:func:`release_if_over` is called after every command (:class:`bot.answering.core.Core`): when
the process's file-backed resident memory (``RssFile``: index pages and shared libraries, read
from ``/proc/self/status``, a few microseconds) exceeds the budget, every mapping of a file in an
open index folder is dropped from the process's page tables with ``madvise(MADV_DONTNEED)``.
The pages stay in the page cache (nothing is read from disk again while the machine has the
memory), and the next query that needs one maps it back with a minor fault; the lists, counts
and anonymous memory are untouched. Only read-only mappings of index files are released, so no
data can be lost. Outside Linux, or without ``/proc``, it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

MADV_DONTNEED = 4
_lock = threading.Lock()
releases = 0  # how many times this process released index pages (benchmarks report it)


def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        libc.madvise.restype = ctypes.c_int
    except (OSError, AttributeError):
        return None
    return libc


_LIBC = _libc()


def file_resident_kb() -> int | None:
    """This process's file-backed resident memory in kB (``RssFile``), None where unknown."""
    try:
        with open("/proc/self/status", "rb") as f:
            for line in f:
                if line.startswith(b"RssFile:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def index_mappings(folders: Iterable[Path]) -> list[tuple[int, int]]:
    """(start, length) of every read-only mapping of a file inside one of ``folders``."""
    prefixes = tuple(str(f.resolve()) + "/" for f in folders)
    if not prefixes:
        return []
    out = []
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                parts = line.split(maxsplit=5)
                if len(parts) < 6 or "w" in parts[1] or not parts[5].rstrip("\n").startswith(prefixes):
                    continue
                start, end = (int(x, 16) for x in parts[0].split("-"))
                out.append((start, end - start))
    except (OSError, ValueError):
        return []
    return out


def release(folders: Iterable[Path]) -> int:
    """Drop every read-only mapping of the index files under ``folders`` from this process's page
    tables (the page cache keeps them); returns the bytes of mappings released."""
    global releases
    if _LIBC is None:
        return 0
    done = 0
    with _lock:
        for start, length in index_mappings(folders):
            if _LIBC.madvise(ctypes.c_void_p(start), ctypes.c_size_t(length), MADV_DONTNEED) == 0:
                done += length
        releases += 1
    return done


def release_if_over(budget_mb: int, folders: Iterable[Path]) -> bool:
    """Release the index pages when the file-backed resident memory exceeds ``budget_mb`` (0: never)."""
    if budget_mb <= 0:
        return False
    kb = file_resident_kb()
    if kb is None or kb <= budget_mb * 1024:
        return False
    release(folders)
    return True
