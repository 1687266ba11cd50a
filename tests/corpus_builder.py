"""Build small corpora for tests straight through the store (no extractor involved)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus.models import Document, ExtractedQuote
from corpus.speakers import resolve_speaker
from corpus.store import open_db, save_document


@dataclass(frozen=True)
class Q:
    speaker: str | None
    text: str
    published: str = "2022-01-01"
    source: str = "TASS"
    kind: str = "direct"
    role: str | None = None


def build(path: Path, quotes: list[Q]) -> Path:
    """One article per quote, so dates and sources can differ per quote."""
    db = open_db(path)
    with db.atomic():
        for i, q in enumerate(quotes):
            text = f"Headline number {i} of the test corpus\n\n{q.text}\n"
            start = text.index(q.text)
            doc = Document(text=text, title=f"Headline number {i}", doc_id=f"t-{i}", url=f"https://example.org/{i}",
                           source=q.source, published=q.published)
            eq = ExtractedQuote(start, start + len(q.text), q.text, q.speaker, q.kind, "said", 0.9,  # type: ignore[arg-type]
                                "person" if q.speaker else None, q.role)
            ids = {q.speaker: resolve_speaker(db, q.speaker, kind="person", role=q.role)} if q.speaker else {}
            save_document(db, doc, [eq], ids)
    db.close()
    return path
