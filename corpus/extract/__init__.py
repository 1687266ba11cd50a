"""Quote extraction: text in, :class:`~corpus.models.ExtractedQuote` out.

``extract_quotes(text, title)`` is the one entry point ingest, ``quotebot extract`` and
``quotebot eval`` call. Offsets are Python string offsets into ``text`` as given.
"""

from __future__ import annotations

from .direct import extract_quotes

__all__ = ["extract_quotes"]
