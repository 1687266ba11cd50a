"""The composition point adapters import: the answering :class:`Core` with the scheduling
commands (/digest, /follow) registered and the schedule store's migrations applied.

Answering (:mod:`bot.answering`) never imports scheduling (:mod:`bot.scheduling`); this module
is the one place that puts the two together.
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from .answering.core import Core as AnsweringCore
from .scheduling import digest as _digest  # noqa: F401  (registers /digest)
from .scheduling import follows as _follows  # noqa: F401  (registers /follow, /unfollow, /following)
from .scheduling.schedule_store import migrations as schedule_migrations

__all__ = ["Core"]


class Core(AnsweringCore):
    """The product's behaviour behind every chat transport, scheduling commands included."""

    extra_migrations: tuple[Migrations, ...] = (schedule_migrations,)
