"""Translators between chat platforms (Telegram, Slack, the console) and the ``bot`` core.

This is also the composition root: the CLI and ``quotebot serve`` live here, the only
place that reads the environment and wires the rooms together.
"""

import corpus  # noqa: F401  (first: it imports sqlite-utils without numpy, see corpus/__init__.py)
