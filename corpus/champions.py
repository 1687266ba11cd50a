"""Champion lists of the commonest words: the exact top of the ranking formula without scoring millions.

For one word, a quote's BM25 is a function of two things only: how often the word occurs in it
(``tf``) and tantivy's one-byte code of its length in tokens (``norm``, :func:`norm_id`); the
corpus statistics (document count and frequency, average length) scale every class alike but
can reorder classes. So within one class (``tf``, ``norm``) the order of ``bm25 × boost`` is the
order of ``boost``, whatever the corpus becomes, and ``boost`` depends on the quote alone
(:mod:`corpus.ranking`: recency is a fixed curve of the publication date, not relative to now).

For each champion word (kept by :mod:`corpus.hot_counts` and in at least :data:`SHARE` of the
quotes) the file ``champions.bin`` in the index folder holds, per class, the :data:`DEPTH`
heaviest quotes (id, weight, speaker id) and ``theta``: a weight no quote of the class left out
of the list exceeds (−inf when the list holds them all). A question scores one quote per class
(the current BM25 of the class, from tantivy itself), merges the lists by ``bm25 × boost`` and
stops when the k-th score reaches every class's ``bm25 × boost(theta)``: no quote left out can
enter the top-k, so it is exact; otherwise (a deep "More" page, a class emptied by deletions)
the engine answers as before (:func:`corpus.topk.exact_top`).

Kept in step like the hot counts (:class:`corpus.index.SearchIndex` calls these, under the
same opstamp rule): a changed or deleted quote leaves the lists before the sync (``theta`` stays
a bound), each document added goes into its class (the index's analyzer over the same texts
gives ``tf`` and the length), a list past :data:`DEPTH` drops its lightest and raises
``theta`` to it; after the commit the file is written with the commit's opstamp. With no file
or another opstamp (a kill between the two writes, an index from before them) the lists are
not read; they are recomputed from SQLite (every quote analysed once: about a minute per
million quotes) by a rebuild, at start-up (:func:`corpus.index.reconcile`), or by the sync itself
on a corpus of up to :data:`INLINE_MAX` quotes. The words are chosen when the lists are computed.
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import mmap
import struct
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tantivy
from sqlite_utils import Database

from . import ranking
from .hot_counts import index_opstamp
from .index_schema import _all_and_boost, _rows_sql

log = logging.getLogger(__name__)

FILE = "champions.bin"
SHARE = 0.25  # a kept word in at least this share of the quotes gets champion lists
DEPTH = 100  # quotes kept per class: /quote asks for 67
FIELD = "all"
CHUNK = 5_000
TYPES = ("I", "f", "i")  # array type codes of a class's ids, weights and speaker ids (file version 2)
VERSION = 2
INLINE_MAX = 300_000  # up to this many quotes a sync recomputes stale lists itself (seconds); above, start-up does


def _norm_table() -> list[int]:
    """Tantivy's field-norm code (``fieldnorm/code.rs``): byte b < 24 is b tokens, then 8 steps per doubling."""
    out = []
    for b in range(256):
        e = b - 24
        out.append(b if b < 24 else 24 + ((e & 7) if e >> 3 == 0 else ((e & 7) | 8) << ((e >> 3) - 1)))
    return out


_NORMS = _norm_table()


def norm_id(tokens: int) -> int:
    """The one-byte length code tantivy scores a document of ``tokens`` tokens with."""
    return bisect.bisect_right(_NORMS, tokens) - 1


@dataclass
class ClassList:
    """The heaviest quotes of one (tf, norm) class, heaviest first."""

    theta: float = -math.inf  # no quote of the class outside the list is heavier
    # Four bytes each (half of what they took in memory before): quote ids below 2^32, weights
    # at single precision as the index stores them (corpus.ranking.weight), so nothing is lost.
    # Arrays while a sync keeps them in step; read-only views into the mapped file once loaded.
    ids: array[int] | memoryview = field(default_factory=lambda: array(TYPES[0]))
    weights: array[float] | memoryview[float] = field(default_factory=lambda: array("f"))  # TYPES[1]
    speakers: array[int] | memoryview = field(default_factory=lambda: array(TYPES[2]))

    def add(self, weight: float, qid: int, speaker_id: int) -> None:
        if weight <= self.theta and len(self.ids) >= DEPTH:
            return
        ids, weights, speakers = self._own()
        at = bisect.bisect_left(weights, -weight, key=lambda w: -w)
        ids.insert(at, qid)
        weights.insert(at, weight)
        speakers.insert(at, speaker_id)
        if len(ids) > DEPTH:
            ids.pop()
            speakers.pop()
            self.theta = max(self.theta, weights.pop())

    def _own(self) -> tuple[array[int], array[float], array[int]]:
        """The three as arrays of this list's own (views into the mapped file become copies)."""
        ids = self.ids if isinstance(self.ids, array) else array(TYPES[0], self.ids)
        weights = self.weights if isinstance(self.weights, array) else array(TYPES[1], self.weights)
        speakers = self.speakers if isinstance(self.speakers, array) else array(TYPES[2], self.speakers)
        self.ids, self.weights, self.speakers = ids, weights, speakers
        return ids, weights, speakers

    def remove(self, gone: set[int]) -> None:
        if gone.isdisjoint(self.ids):
            return
        keep = [i for i, q in enumerate(self.ids) if q not in gone]
        if len(keep) < len(self.ids):
            self.ids = array(TYPES[0], (self.ids[i] for i in keep))
            self.weights = array(TYPES[1], (self.weights[i] for i in keep))
            self.speakers = array(TYPES[2], (self.speakers[i] for i in keep))

    def copy(self) -> ClassList:
        return ClassList(self.theta, array(TYPES[0], self.ids), array(TYPES[1], self.weights),
                         array(TYPES[2], self.speakers))


Lists = dict[tuple[int, int], ClassList]  # (tf, norm) → the class's champions


def note_document(lists: dict[str, Lists], qid: int, speaker_id: int, weight: float, tokens: Sequence[str]) -> None:
    """One indexed document (its ``all`` tokens, as the index's analyzer gives them) into its classes."""
    norm = norm_id(len(tokens))
    for word, by_class in lists.items():
        tf = tokens.count(word)
        if tf:
            by_class.setdefault((tf, norm), ClassList()).add(weight, qid, speaker_id)


class Champions:
    """The champion lists of one index folder, as this process knows them."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.opstamp: int | None = None
        self.lists: dict[str, Lists] = {}
        self.max_id = 0
        self._mtime = 0
        self._pending: dict[str, Lists] | None = None
        self._stale = False
        self._load()

    @property
    def _file(self) -> Path | None:
        return self.path / FILE if self.path else None

    # -- reading ------------------------------------------------------------------------------
    def _load(self) -> None:
        f = self._file
        if f is None:
            return
        try:
            mtime = f.stat().st_mtime_ns
            if mtime == self._mtime:
                return
            raw = _mapped(f)
            (n,) = struct.unpack_from("<I", raw)
            head = json.loads(bytes(raw[4:4 + n]))
            pos = 4 + n
            lists: dict[str, Lists] = {}
            stored = TYPES if head.get("version") == VERSION else ("q", "d", "q")  # version 1: 8 bytes each
            for word, classes in head["words"].items():
                by_class: Lists = {}
                for tf, norm, theta, count in classes:
                    arrays: list[Any] = []
                    for code in stored:
                        size = struct.calcsize(code) * count
                        if pos + size > len(raw):
                            raise ValueError(f"{f} is cut short")
                        arrays.append(raw[pos:pos + size].cast(code))  # type: ignore[call-overload]
                        pos += size
                    if stored != TYPES:
                        arrays = [array(t, a) for t, a in zip(TYPES, arrays, strict=True)]
                    by_class[(int(tf), int(norm))] = ClassList(float(theta) if theta is not None else -math.inf,
                                                               *arrays)
                lists[str(word)] = by_class
        except (OSError, ValueError, KeyError, TypeError, struct.error):
            self.opstamp, self.lists, self.max_id = None, {}, 0
            return
        self._mtime = mtime
        self.opstamp, self.lists, self.max_id = int(head["opstamp"]), lists, int(head.get("max_id", 0))

    def current(self) -> bool:
        if self.path is None:
            return False
        self._load()
        return self.opstamp is not None and self.opstamp == index_opstamp(self.path)

    def lookup(self, term: str) -> Lists | None:
        """The lists of ``term`` when they describe the index's last commit; else None."""
        if not self.current() or term not in self.lists:
            return None
        return self.lists[term]

    # -- keeping in step ----------------------------------------------------------------------
    def begin(self) -> None:
        """A sync starts: keep the lists by deltas when they describe the last commit."""
        self._stale = not self.current()
        self._pending = None if self._stale else {w: {c: cl.copy() for c, cl in by.items()}
                                                   for w, by in self.lists.items()}

    def wants_notes(self) -> bool:
        return bool(self._pending)

    def subtract(self, ids: Iterable[int]) -> None:
        """Quotes about to be deleted or re-added leave the lists (``theta`` still bounds the rest)."""
        if not self._pending:
            return
        gone = {i for i in ids if i <= self.max_id}
        if gone:
            for by_class in self._pending.values():
                for cl in by_class.values():
                    cl.remove(gone)

    def note(self, qid: int, speaker_id: int, weight: float, tokens: Sequence[str]) -> None:
        if self._pending:
            note_document(self._pending, qid, speaker_id, weight, tokens)
            self.max_id = max(self.max_id, qid)

    def write(self, db: Database, searcher: tantivy.Searcher, opstamp: int, words: list[str], analyze: Any) -> None:
        """After the commit ``opstamp``: store the lists (recompute them when they did not describe the last one)."""
        if self.path is None:
            return
        pending, self._pending = self._pending, None
        if pending is not None:
            self._write(opstamp, pending)
        elif self._stale and int(searcher.num_docs) <= INLINE_MAX:
            self.recompute(db, searcher, opstamp, words, analyze)
        # else left stale, so unread: start-up (corpus.index.reconcile) or a rebuild recomputes them

    def recompute(self, db: Database, searcher: tantivy.Searcher, opstamp: int, words: list[str], analyze: Any) -> None:
        """Every quote of SQLite into its classes (after a rebuild, or when the file is not the last commit's)."""
        if self.path is None:
            return
        chosen = champion_words(searcher, words)
        lists: dict[str, Lists] = {w: {} for w in chosen}
        last, max_id = 0, 0
        sql = _rows_sql(db)
        while chosen:
            rows = db.execute(sql + " WHERE q.id > ? ORDER BY q.id LIMIT ?", [last, CHUNK]).fetchall()
            if not rows:
                break
            for row in rows:
                values, _, boost = _all_and_boost(row)
                tokens = analyze("\n".join(values))  # no token spans a line break
                note_document(lists, int(row[0]), int(row[5]), ranking.weight(boost), tokens)
            last = max_id = int(rows[-1][0])
        self.max_id = max_id
        self._write(opstamp, lists)
        log.info("champion lists recomputed: %s", ", ".join(chosen) or "none")

    def _write(self, opstamp: int, lists: dict[str, Lists]) -> None:
        f = self._file
        assert f is not None
        words: dict[str, list[list[Any]]] = {}
        payload = bytearray()
        for word, by_class in lists.items():
            words[word] = []
            for (tf, norm), cl in by_class.items():
                words[word].append([tf, norm, None if cl.theta == -math.inf else cl.theta, len(cl.ids)])
                for arr in (cl.ids, cl.weights, cl.speakers):
                    payload += arr.tobytes()
        head = json.dumps({"opstamp": opstamp, "max_id": self.max_id, "version": VERSION, "words": words}).encode()
        tmp = f.with_suffix(".tmp")
        tmp.write_bytes(struct.pack("<I", len(head)) + head + bytes(payload))
        tmp.replace(f)
        self._mtime = 0
        self._load()  # read back as views into the file: not this process's own memory
        if self.opstamp != opstamp:  # unreadable at once: keep what was written
            self.opstamp, self.lists = opstamp, lists
            self._mtime = f.stat().st_mtime_ns


def _mapped(f: Path) -> memoryview:
    """The file, mapped read-only: a class's ids, weights and speakers are views into it (memoryviews
    cast to their array type codes), so its pages are read when a question reads them, and count as
    index pages that :mod:`corpus.resident` may release, not as this process's own memory (11 MB of
    lists at 10 million quotes, mostly never read). A sync writes a new file (``tmp.replace``): the
    old mapping stays valid until the last view of it goes."""
    with open(f, "rb") as fh:
        return memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))


def champion_words(searcher: tantivy.Searcher, words: list[str]) -> list[str]:
    """The kept words in at least SHARE of the quotes."""
    total = max(1, int(searcher.num_docs))
    return sorted(w for w in words if searcher.doc_freq(FIELD, w) >= SHARE * total)
