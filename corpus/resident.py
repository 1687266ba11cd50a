"""The serving process's resident memory, bounded: index pages mapped beyond a budget are let go.

tantivy reads the index through memory maps. Each page a query touches stays mapped into the
process, and counted in its resident set (RSS), until the kernel reclaims it; so a server that
answers many different topics would end up counting most of the index as its own (2.2 GB at 10
million quotes), although those pages are the kernel's page cache, shared and reclaimable.

:class:`bot.answering.core.Core` calls :func:`before_command` and :func:`after_command` around every
command. The budget bounds the process's file-backed resident memory (``RssFile``: index pages and
shared libraries, read from ``/proc/self/status``, a few microseconds) while a command runs, not
only after it: a command maps its pages on top of what the last ones left, so when what is mapped
plus the most any one command of this process has added would pass the budget, the index pages are
released: after a command (in the server once its reply is on its way, so the reply does not wait
for it), and again before the next if something was mapped in between. At 10 million quotes one
command maps 40–90 MB of index pages (a common word's weights and speaker ids are read for every
match), so there nearly every command starts from released pages; at a million, a tenth of that, and
releases are rare. Releasing drops every mapping of a file in an open index folder from the
process's page tables with ``madvise(MADV_DONTNEED)`` (about 3 ms for 90 MB mapped, and as much
again to map them back). The pages stay in the page cache (nothing is read from disk again while the
machine has the memory), and the next query that needs one maps it back with a minor fault; the
lists, counts and anonymous memory are untouched. Only read-only mappings of index files are
released, so no data can be lost. Outside Linux, or without ``/proc``, it does nothing.
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
_most_kb = 0  # the most file-backed memory one command has added in this process
_floor_kb = 0  # RssFile right after the last release: what releasing cannot go under (libraries)
SLACK_KB = 1024  # less than this above the floor is not worth a release (its cost is per page mapped)


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
    global releases, _floor_kb
    if _LIBC is None:
        return 0
    done = 0
    with _lock:
        for start, length in index_mappings(folders):
            if _LIBC.madvise(ctypes.c_void_p(start), ctypes.c_size_t(length), MADV_DONTNEED) == 0:
                done += length
        releases += 1
        _floor_kb = file_resident_kb() or 0
    return done


def _no_room(budget_mb: int, kb: int) -> bool:
    """True when a command starting at ``kb`` could pass the budget (the most one command has added,
    on top), and a release would gain something."""
    return kb + _most_kb > budget_mb * 1024 and kb > _floor_kb + SLACK_KB


def before_command(budget_mb: int, folders: Iterable[Path]) -> int | None:
    """Before a command: release the index pages when what is mapped plus the most one command has
    added so far would pass ``budget_mb`` (0: never) — usually :func:`after_command` of the command
    before made the room already; returns ``RssFile`` in kB for :func:`after_command`, None when
    unbounded or unknown."""
    if budget_mb <= 0:
        return None
    kb = file_resident_kb()
    if kb is None:
        return None
    if _no_room(budget_mb, kb):
        release(folders)
        kb = file_resident_kb() or kb
    return kb


def after_command(budget_mb: int, folders: Iterable[Path], start_kb: int | None) -> bool:
    """After a command: note what it added (from ``start_kb``, :func:`before_command`'s) and make room
    for the next one: release the index pages when the budget is passed, or when a command starting
    now could pass it.
    The server runs this once the reply is on its way (:class:`bot.answering.core.Core`'s async
    methods), so its cost is not the reply's. True when released."""
    global _most_kb
    if budget_mb <= 0:
        return False
    kb = file_resident_kb()
    if kb is None:
        return False
    if start_kb is not None and kb - start_kb > _most_kb:
        with _lock:  # commands on other threads may add at once: the largest is kept
            _most_kb = max(_most_kb, kb - start_kb)
    if kb <= budget_mb * 1024 and not _no_room(budget_mb, kb):
        return False
    release(folders)
    return True


def release_if_over(budget_mb: int, folders: Iterable[Path]) -> bool:
    """Release the index pages when the file-backed resident memory exceeds ``budget_mb`` (0: never)."""
    if budget_mb <= 0:
        return False
    kb = file_resident_kb()
    if kb is None or kb <= budget_mb * 1024:
        return False
    release(folders)
    return True
