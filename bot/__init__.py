"""The product's behaviour: commands, query parsing, transport-neutral replies, digest,
follows and configuration. No chat SDK is imported here; adapters translate."""

import corpus  # noqa: F401  (first: it imports sqlite-utils without numpy, see corpus/__init__.py)
