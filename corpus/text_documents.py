"""A :class:`Document` from an article's text, or a :class:`Skip` saying why there is none.

What every reader shares (:mod:`corpus.readers` for files, :mod:`corpus.json_records` for JSON):
decoding bytes, the document size limit, metadata read from the text when the input does not give it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import clean, meta
from .models import Document

MAX_DOCUMENT_CHARS = 2_000_000  # a 2-million-character "article" is a data dump, not news



@dataclass(frozen=True, slots=True)
class Skip:
    origin: str
    reason: str


Item = Document | Skip


def _size(n: int) -> str:
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift and n % (1 << shift) == 0:
            return f"{n >> shift} {unit}"
    return f"{n:,} bytes"


def _decode(data: bytes, origin: str) -> str | Skip:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 byte order mark (Windows "Unicode" text)
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            return Skip(origin, f"not UTF-16 text (byte {exc.start})")
    if not data.strip():
        return Skip(origin, "empty file")
    if b"\x00" in data[:8192]:
        return Skip(origin, "binary file (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skip(origin, f"not UTF-8 text (byte {exc.start})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def from_text(text: str, origin: str, *, guess_title: bool = True, **fields: Any) -> Document | Skip:
    """A document from plain text: title is the first content line, metadata read from the text.

    Metadata the input gives (``published``, ``source``) is validated, not guessed again; a
    ``published`` value that is not a real date is stored as unknown. With ``guess_title=False``
    (a JSON record, whose title is a field of its own) a missing title stays missing: the first
    line is the article's text, and taking it for a title would drop its quotes.
    """
    if not text.strip():
        return Skip(origin, "empty text")
    if len(text) > MAX_DOCUMENT_CHARS:
        return Skip(origin, f"text too long ({len(text):,} characters; limit {MAX_DOCUMENT_CHARS:,})")
    if bad := _invalid_unicode(text):
        return Skip(origin, f"text is not valid Unicode ({bad})")
    url = _str_or_none(fields.get("url"))
    source = _str_or_none(fields.get("source"))
    given_date = _str_or_none(fields.get("published"))
    published = meta.normalise_date(given_date) if given_date else None
    place = meta.find_place(text)
    if not source:
        source = meta.find_source(text, url)
    if not given_date:  # a given date that is garbage stays unknown rather than guessed from the body
        published = meta.find_date(text)
    title = fields.get("title")
    if not title and guess_title:
        guessed = clean.guess_title(text)
        title = guessed[0] if guessed else None
    return Document(
        text=text,
        title=clean.fold_spaces(title).strip() if title else None,
        doc_id=_str_or_none(fields.get("id")),
        url=url,
        source=source,
        published=published,
        lead=_str_or_none(fields.get("lead")),
        place=place,
        origin=origin,
    )


def _invalid_unicode(text: str) -> str | None:
    """Where a string cannot be stored as UTF-8 (a lone surrogate from JSON's "\\ud800")."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"lone surrogate at character {exc.start}"
    return None


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def read_html(data: str, origin: str) -> Document | Skip:
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                            include_tables=False)
    def field(name: str) -> Any:
        return extracted.get(name) if isinstance(extracted, dict) else getattr(extracted, name, None)

    text = field("text") or ""
    if not text.strip():
        return Skip(origin, "no main text found in HTML")
    return from_text(text, origin, title=field("title"), published=field("date"),
                     url=field("url"), source=field("sitename"))
