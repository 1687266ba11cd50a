"""The corpus package's exceptions, one tree::

    CorpusError
    ├── IngestError      a file, line or document could not be read or stored
    ├── StoreError       the database could not be opened or migrated
    ├── SearchError      a query could not be run (bad filter, timeout)
    └── GoldError        a gold file for ``quotebot eval`` could not be read
"""

from __future__ import annotations


class CorpusError(Exception):
    """Base of every error raised on purpose by ``corpus``."""


class IngestError(CorpusError):
    """One input could not be ingested; the reason is the message."""


class StoreError(CorpusError):
    """The database could not be opened, migrated or written."""


class SearchError(CorpusError):
    """A search could not be run."""


class GoldError(CorpusError):
    """A gold file is not JSON Lines of {"text", "quotes": [{"start", "end", …}]}; the message says where."""
