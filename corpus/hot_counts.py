"""Per-speaker counts of the commonest words, kept in step with the index: ``/who the`` exact without
counting millions of matches.

A word is hot when at least :data:`HOT_SHARE` of the quotes hold it (at most :data:`MAX_HOT`
words, chosen when the index is rebuilt or the counts are recounted). For each hot word the file
``hot-counts.json`` in the index folder holds the number of matching quotes per speaker id (0 =
unattributed) — what the aggregation over every match would return — and the opstamp of the
index commit it describes. Readers use it only when that opstamp is the index's current one
(``meta.json``), so a count never describes another state of the index than the last commit.

Keeping in step (:class:`corpus.index.SearchIndex` calls these): before a sync's changes are
committed, :meth:`HotCounts.subtract` counts the changed quotes' documents of the last commit
(which the file describes) out — none for quotes above the highest id counted, the usual case
of an ingest; an aggregation per word over the few others — and :meth:`HotCounts.note` counts
each new document in from the same analyzer's tokens of the same texts the index gets; after
the commit :meth:`HotCounts.write` stores the result with the commit's opstamp. Any doubt — no
file, another opstamp (a process killed between the index commit and this file), a rebuild, many
changed quotes that were indexed before — and every hot word is recounted from the index (an
aggregation per word). On a corpus under :data:`MIN_DOCS` quotes nothing is kept.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tantivy

log = logging.getLogger(__name__)

FILE = "hot-counts.json"
HOT_SHARE = 0.05  # a word in at least this share of the quotes has its counts kept
MAX_HOT = 48  # at most this many words (the commonest): two small aggregations each per sync
MIN_DOCS = 200_000  # below this many quotes the aggregation is cheap ("the": about 1 ms): nothing is kept
RECOUNT_ABOVE = 500  # more changed quotes than this that were indexed before: recount instead
FIELD = "all"
ID_CHUNK = 4_000


def index_opstamp(path: Path) -> int | None:
    """The opstamp of the index's last commit (``meta.json``), None when unreadable."""
    try:
        value = json.loads((path / "meta.json").read_text()).get("opstamp")
    except (OSError, ValueError, AttributeError):
        return None
    return int(value) if isinstance(value, int) else None


def _aggregate(searcher: tantivy.Searcher, query: tantivy.Query, size: int) -> dict[int, int]:
    agg = searcher.aggregate(query, {"by": {"terms": {"field": "speaker_id", "size": size, "shard_size": size}}})
    return {int(b["key"]): int(b["doc_count"]) for b in agg.get("by", {}).get("buckets", [])}


class HotCounts:
    """The counts of one index folder, as this process knows them."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.opstamp: int | None = None
        self.counts: dict[str, dict[int, int]] = {}
        self.max_id = 0  # the highest quote id counted
        self._mtime = 0
        self._pending: dict[str, dict[int, int]] | None = None  # counts out and in, awaiting write()
        self._recount = False
        self._seen: set[int] = set()  # ids counted out in this sync
        self._notes: dict[int, tuple[int, set[str]]] = {}  # id → (speaker id, hot words) to count in
        self._load()

    # -- reading ------------------------------------------------------------------------------
    @property
    def _file(self) -> Path | None:
        return self.path / FILE if self.path else None

    def _load(self) -> None:
        f = self._file
        if f is None:
            return
        try:
            mtime = f.stat().st_mtime_ns
            if mtime == self._mtime:
                return
            data = json.loads(f.read_text())
        except (OSError, ValueError):
            self.opstamp, self.counts = None, {}
            return
        self._mtime = mtime
        if isinstance(data, dict) and isinstance(data.get("opstamp"), int) and isinstance(data.get("terms"), dict):
            self.opstamp = int(data["opstamp"])
            self.counts = {str(t): {int(k): int(v) for k, v in c.items()} for t, c in data["terms"].items()}
            self.max_id = int(data.get("max_id", 0))
        else:
            self.opstamp, self.counts, self.max_id = None, {}, 0

    def lookup(self, term: str) -> dict[int, int] | None:
        """The counts for ``term`` when they describe the index's last commit; else None."""
        if self.path is None:
            return None
        self._load()
        if term not in self.counts or self.opstamp is None or self.opstamp != index_opstamp(self.path):
            return None
        return {sid: n for sid, n in self.counts[term].items() if n}

    # -- keeping in step ----------------------------------------------------------------------
    def current(self) -> bool:
        """The file describes the index's last commit (so a delta keeps it exact)."""
        if self.path is None:
            return False
        self._load()
        return self.opstamp is not None and self.opstamp == index_opstamp(self.path)

    def begin(self, searcher: tantivy.Searcher) -> None:
        """A sync starts (``searcher``: the last commit): keep the counts by deltas if they describe it."""
        self._pending, self._recount, self._seen, self._notes = None, False, set(), {}
        if not self.current():
            self._recount = True  # no file, or not this commit's: count from the index after it
        elif not self.counts:
            self._recount = int(searcher.num_docs) >= MIN_DOCS  # grown past the floor: choose the words
        else:
            self._pending = {t: dict(c) for t, c in self.counts.items()}

    def subtract(self, searcher: tantivy.Searcher, schema: tantivy.Schema, ids: list[int], size: int) -> None:
        """Before ``ids`` are re-added: count their documents of the last commit out."""
        if self._pending is None:
            return
        # Above max_id: never indexed. An id changed twice in one sync is counted out once (its
        # document of the last commit); its last document added is the one counted in.
        maybe = sorted(i for i in set(ids) if i <= self.max_id and i not in self._seen)
        self._seen.update(maybe)
        if len(self._seen) > RECOUNT_ABOVE:
            self._pending, self._recount = None, True  # many: one recount is cheaper
            return
        if maybe:
            only = tantivy.Query.term_set_query(schema, "id", maybe)
            for term, by in self._pending.items():
                q = tantivy.Query.boolean_query([
                    (tantivy.Occur.Must, only),
                    (tantivy.Occur.Must, tantivy.Query.term_query(schema, FIELD, term, index_option="basic"))])
                for sid, n in _aggregate(searcher, q, size).items():
                    by[sid] = by.get(sid, 0) - n
        self.max_id = max([self.max_id, *ids])

    def note(self, quote_id: int, speaker_id: int, tokens: Iterable[str]) -> None:
        """A document being added: its hot words (the index's analyzer over the same texts) count in."""
        if self._pending is None:
            return
        self._notes[quote_id] = (speaker_id, set(tokens).intersection(self._pending))

    def wants_notes(self) -> bool:
        return self._pending is not None

    def write(self, searcher: tantivy.Searcher, schema: tantivy.Schema, size: int, opstamp: int) -> None:
        """After the commit ``opstamp``: store the counts (or recount them when in doubt)."""
        if self.path is None:
            return
        pending, self._pending = self._pending, None
        notes, self._notes = self._notes, {}
        if pending is None:
            if self._recount:
                self.recount(searcher, schema, size, opstamp)
            return
        for speaker_id, terms in notes.values():
            for term in terms:
                by = pending[term]
                by[speaker_id] = by.get(speaker_id, 0) + 1
        self._write(opstamp, pending)

    def recount(self, searcher: tantivy.Searcher, schema: tantivy.Schema, size: int, opstamp: int,
                terms: list[str] | None = None) -> None:
        """Count every hot word from the index (the words kept, or ``terms``, or chosen anew)."""
        if self.path is None:
            return
        chosen = terms if terms is not None else (list(self.counts) or hot_terms(searcher))
        counts = {t: _aggregate(searcher, tantivy.Query.term_query(schema, FIELD, t, index_option="basic"), size)
                  for t in chosen}
        top = searcher.search(tantivy.Query.all_query(), 1, count=False, order_by_field="id").hits
        self.max_id = int(top[0][0]) if top else 0
        self._write(opstamp, counts)
        log.info("hot word counts recounted: %s", ", ".join(chosen) or "none")

    def _write(self, opstamp: int, counts: dict[str, dict[int, int]]) -> None:
        f = self._file
        assert f is not None
        data: dict[str, Any] = {"opstamp": opstamp, "max_id": self.max_id,
                                "terms": {t: {str(s): n for s, n in c.items() if n} for t, c in counts.items()}}
        tmp = f.with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(f)
        self.opstamp, self.counts = opstamp, {t: {s: n for s, n in c.items() if n} for t, c in counts.items()}
        self._mtime = f.stat().st_mtime_ns


def hot_terms(searcher: tantivy.Searcher) -> list[str]:
    """The commonest words of the index (at least HOT_SHARE of the quotes, at most MAX_HOT)."""
    total = int(searcher.num_docs)
    if total < MIN_DOCS:
        return []
    floor = HOT_SHARE * total
    found = [(int(n), str(t)) for t, n in searcher.terms_with_prefix(FIELD, "") if n >= floor]
    found.sort(reverse=True)
    return [t for _, t in found[:MAX_HOT]]
