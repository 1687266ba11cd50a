"""Scheduled ingestion: RSS/Atom feeds (via feedparser) and watched folders."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from .ingest import IngestReport, ingest_items, ingest_paths
from .models import Document
from .readers import Item, Skip, from_text, iter_files

log = logging.getLogger(__name__)


def _entry_text(entry: dict) -> str:  # type: ignore[type-arg]
    import trafilatura

    html = ""
    for content in entry.get("content") or []:
        html = max(html, content.get("value", ""), key=len)
    html = html or entry.get("summary", "")
    if "<" in html:
        extracted = trafilatura.extract(f"<html><body><article>{html}</article></body></html>") or ""
        return extracted or html
    return html


def feed_items(url: str) -> list[Item]:
    """Every entry of a feed (a URL or a local file) as a document; a broken feed is one Skip."""
    import feedparser

    parsed = feedparser.parse(url)
    if parsed.get("bozo") and not parsed.get("entries"):
        return [Skip(url, f"cannot read feed: {parsed.get('bozo_exception')}")]
    items: list[Item] = []
    source = (parsed.get("feed") or {}).get("title")
    for i, entry in enumerate(parsed.get("entries", []), 1):
        text = _entry_text(entry)
        title = entry.get("title")
        if title and text and not text.startswith(title):
            text = f"{title}\n\n{text}"
        published = None
        if entry.get("published_parsed"):
            published = "{:04d}-{:02d}-{:02d}".format(*entry["published_parsed"][:3])
        item = from_text(text or "", f"{url}#{i}", id=entry.get("id") or entry.get("link"), url=entry.get("link"),
                         title=title, published=published, source=source)
        items.append(item)
    return items


def poll_feed(db: Database, url: str) -> IngestReport:
    report = IngestReport(files=1)
    ingest_items(db, feed_items(url), report)
    return report


@dataclass
class FolderWatch:
    """New or changed article files in a folder are ingested; state is (size, mtime) per file.

    A file is marked as seen only once its ingest is committed: a poll that fails part-way
    (the database locked past the wait, a full disk) leaves the rest to be tried again.
    """

    path: Path
    seen: dict[str, tuple[int, float]] = field(default_factory=dict)

    def poll(self, db: Database) -> IngestReport:
        report = IngestReport()
        for f in iter_files([str(self.path)]):
            if isinstance(f, Skip):
                report.skipped.append(f)
            elif isinstance(f, Path):
                try:
                    st = os.stat(f)
                except OSError:  # removed or replaced since it was listed: next poll sees it
                    continue
                key = (st.st_size, st.st_mtime)
                if self.seen.get(str(f)) != key:
                    # Ingest is idempotent, so a file seen again after a restart is simply "unchanged".
                    report.merge(ingest_paths(db, [str(f)]))  # raises StoreError: f stays unseen
                    self.seen[str(f)] = key
        return report


__all__ = ["FolderWatch", "Document", "feed_items", "poll_feed"]
