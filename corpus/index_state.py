"""The index folder's own state file (``quotebot-state.json``): format, applied change, weight bound.

``max_weight`` is an upper bound of every indexed quote's weight (the search's stopping rule
needs it, :func:`corpus.topk.exact_top`). It only grows between rebuilds and is written
*before* each commit that could raise it, so a searcher never sees a quote heavier than the
bound it reads after opening.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import tantivy

from . import ranking
from .index_schema import FORMAT


class IndexState:
    """The state-file half of :class:`corpus.index.SearchIndex`."""

    path: Path | None
    index: tantivy.Index
    applied: int  # highest search_changes.seq in the index; -1: never built
    max_weight: float | None  # bound of every indexed weight (None: unknown, see max_boost)
    _state_mtime: int
    _bound_mtime: int

    @property
    def _state_file(self) -> Path | None:
        return self.path / "quotebot-state.json" if self.path else None

    def _read_state(self) -> dict[str, Any] | None:
        f = self._state_file
        if f is None or not f.exists():
            return None
        try:
            self._state_mtime = f.stat().st_mtime_ns
            data = json.loads(f.read_text())
            return data if isinstance(data, dict) else None
        except (OSError, ValueError):
            return None

    def _take_max(self, state: dict[str, Any]) -> None:
        value = state.get("max_weight")
        self.max_weight = float(value) if isinstance(value, (int, float)) else None

    def _write_state(self, applied: int, max_weight: float | None = None) -> None:
        self.applied = applied
        if max_weight is not None:
            self.max_weight = max_weight
        f = self._state_file
        if f is None:
            return
        tmp = f.with_suffix(".tmp")
        data: dict[str, Any] = {"format": FORMAT, "applied": applied}
        if self.max_weight is not None:
            data["max_weight"] = self.max_weight
        tmp.write_text(json.dumps(data))
        tmp.replace(f)
        self._state_mtime = f.stat().st_mtime_ns

    def refresh(self) -> None:
        """See commits another process made (its state file changed)."""
        f = self._state_file
        if f is None:
            return
        try:
            mtime = f.stat().st_mtime_ns
        except OSError:
            return
        if mtime != self._state_mtime:
            state = self._read_state()
            if state and state.get("format") == FORMAT:
                self.applied = int(state.get("applied", -1))
                self._take_max(state)
            self.index.reload()

    def _raise_max(self, weight: float) -> None:
        """Before a commit adds quotes as heavy as ``weight``: the bound on disk covers them first."""
        if self.max_weight is None or weight > self.max_weight:
            self._write_state(self.applied, weight)

    def max_boost(self) -> float:
        """The largest boost any quote in the index can have (call after taking the searcher): the
        stored bound, else the formula's (:data:`corpus.ranking.MAX_BOOST`)."""
        self.refresh_state()
        if self.max_weight is None:
            return ranking.MAX_BOOST
        return min(ranking.MAX_BOOST, math.log2(2.0 + max(0.0, self.max_weight))) * (1 + 1e-6)

    def refresh_state(self) -> None:
        """Re-read ``state.json`` when another process wrote it (no index reload: cheap)."""
        f = self._state_file
        if f is None:
            return
        try:
            mtime = f.stat().st_mtime_ns
            if mtime == self._bound_mtime:
                return
            state = json.loads(f.read_text())
        except (OSError, ValueError):
            return
        self._bound_mtime = mtime
        if isinstance(state, dict) and state.get("format") == FORMAT:
            value = state.get("max_weight")
            if isinstance(value, (int, float)) and (self.max_weight is None or value > self.max_weight):
                self.max_weight = float(value)  # only ever raised here: refresh() takes a lowered one
