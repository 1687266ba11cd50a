"""The command registry every chat command goes through.

A handler is a function ``handler(ctx: Context, args: str) -> Reply`` registered with
:func:`command`; its docstring is its help text (the first line is the one-line summary
shown in menus, the rest is the long help). Modules register on import: the core imports
:mod:`bot.answering.handlers`, :mod:`bot.answering.help_cmd` … and :mod:`bot.scheduling.digest` /
:mod:`bot.scheduling.follows`::

    from bot.answering.commands import Context, command

    @command("follow", admin=True)
    def follow(ctx: Context, args: str) -> Reply:
        \"\"\"Alert me to new quotes on a topic or by a speaker.

        /follow NATO — /follow speaker:Lavrov\"\"\"
        ...

``admin=True`` commands answer only chat administrators in groups (``Request.admin``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..config import Settings
from ..reply import Reply, Request

Handler = Callable[["Context", str], Reply]


@dataclass(frozen=True, slots=True)
class Context:
    """What a handler may use: the request, this worker thread's database, the settings."""

    request: Request
    db: Database
    settings: Settings
    core: Any = None  # the Core, for handlers that need shared services (e.g. the scheduler)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    handler: Handler
    admin: bool
    aliases: tuple[str, ...]
    hidden: bool

    @property
    def summary(self) -> str:
        doc = inspect.getdoc(self.handler) or ""
        return doc.splitlines()[0] if doc else ""

    @property
    def help(self) -> str:
        return inspect.getdoc(self.handler) or ""


REGISTRY: dict[str, Command] = {}
_ALIASES: dict[str, str] = {}


def command(name: str, *, admin: bool = False, aliases: tuple[str, ...] = (),
            hidden: bool = False) -> Callable[[Handler], Handler]:
    """Register ``handler`` as ``/name`` (and ``/alias``)."""

    def register(handler: Handler) -> Handler:
        if not inspect.getdoc(handler):
            raise TypeError(f"/{name} needs a docstring: it is the command's help text")
        REGISTRY[name] = Command(name, handler, admin, aliases, hidden)
        for alias in aliases:
            _ALIASES[alias] = name
        return handler

    return register


def lookup(name: str) -> Command | None:
    name = name.lower()
    return REGISTRY.get(name) or REGISTRY.get(_ALIASES.get(name, ""))


def visible() -> list[Command]:
    return [c for c in REGISTRY.values() if not c.hidden]
