"""The optional TOML file of ``quotebot serve --config``: digests, feeds and watched folders.

    [[digest]]
    channel = "telegram:-1001234567890"   # or "slack:C0123456"
    time = "08:00"
    tz = "Europe/Moscow"
    topics = ["NATO", "sanctions"]        # optional

    [[feed]]
    url = "https://tass.com/rss/v2.xml"

    [[watch]]
    path = "/data/incoming"

    [ingest]
    every_minutes = 15

Unknown keys are rejected with the key's name, so a typo is caught at start-up.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError, UsageError
from .digest import parse_slot, zone

_ALLOWED = {
    "digest": {"channel", "time", "tz", "topics"},
    "feed": {"url"},
    "watch": {"path"},
    "ingest": {"every_minutes"},
}


@dataclass(frozen=True, slots=True)
class DigestSpec:
    channel: str
    time: str
    tz: str
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScheduleConfig:
    digests: tuple[DigestSpec, ...] = ()
    feeds: tuple[str, ...] = ()
    watch: tuple[str, ...] = ()
    every_minutes: float = 15.0


def _check(section: str, table: dict[str, object]) -> None:
    unknown = sorted(set(table) - _ALLOWED[section])
    if unknown:
        raise ConfigError(f"[{section}]: unknown key(s) {', '.join(unknown)}")


def load_schedule_config(path: str | Path) -> ScheduleConfig:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    unknown = sorted(set(data) - set(_ALLOWED))
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {', '.join(unknown)}")
    digests = []
    for table in data.get("digest", []):
        _check("digest", table)
        channel = str(table.get("channel", ""))
        if channel.split(":", 1)[0] not in ("telegram", "slack") or ":" not in channel:
            raise ConfigError(f"[[digest]] channel {channel!r}: use telegram:<chat_id> or slack:<channel_id>")
        try:
            slot = parse_slot(str(table.get("time", "08:00")))
            zone(str(table.get("tz", "UTC")))
        except UsageError as exc:
            raise ConfigError(f"[[digest]] {channel}: {exc}") from exc
        digests.append(DigestSpec(channel, f"{slot:%H:%M}", str(table.get("tz", "UTC")),
                                  tuple(str(t) for t in table.get("topics", []))))
    for table in data.get("feed", []):
        _check("feed", table)
    for table in data.get("watch", []):
        _check("watch", table)
    ingest = data.get("ingest", {})
    _check("ingest", ingest)
    return ScheduleConfig(
        digests=tuple(digests),
        feeds=tuple(str(t["url"]) for t in data.get("feed", []) if t.get("url")),
        watch=tuple(str(t["path"]) for t in data.get("watch", []) if t.get("path")),
        every_minutes=float(ingest.get("every_minutes", 15)),
    )
