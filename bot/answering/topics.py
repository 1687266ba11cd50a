"""The editable alias table of common entities (bot/answering/data/aliases.toml)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from corpus.store import fold

ALIASES_FILE = Path(__file__).resolve().parent / "data" / "aliases.toml"


@lru_cache(maxsize=4)
def _table(path: Path = ALIASES_FILE) -> dict[str, tuple[str, ...]]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    table: dict[str, tuple[str, ...]] = {}
    for entity in data.get("entity", []):
        names = tuple(str(n) for n in entity.get("names", []))
        for name in names:
            table[fold(name)] = names
    return table


def aliases_for(topic: str, path: Path = ALIASES_FILE) -> tuple[str, ...]:
    """The other names of ``topic`` when it is a known entity ("nato" → the Alliance's names)."""
    names = _table(path).get(fold(topic.strip().strip('"')))
    if not names:
        return ()
    return tuple(n for n in names if fold(n) != fold(topic.strip().strip('"')))
