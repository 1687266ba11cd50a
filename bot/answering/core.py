"""The answering core every adapter calls: Request in, Reply out.

SQLite work never runs on the event loop: the async methods hand the call to a small pool of
worker threads, each with its own connection to the corpus (WAL lets them read while ingest
writes). A :class:`~bot.errors.BotError` or :class:`~corpus.errors.CorpusError` becomes an
error Reply; anything else is a bug and propagates, so the adapter logs it with its traceback
and sends one short apology.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any, TypeVar

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from corpus.deadline import question
from corpus.errors import CorpusError
from corpus.index import open_folders, reconcile
from corpus.resident import after_command, before_command
from corpus.search import match_expression, search
from corpus.speaker_lookup import SpeakerMatch
from corpus.store import check_not_newer, open_db

from ..config import Settings, load_settings
from ..errors import AccessError, BotError
from ..reply import QuoteCard, Reply, Request
from . import context_cmd, handlers, help_cmd, verify_cmd  # noqa: F401  (each registers; import order = /help order)
from .cards import to_card
from .commands import Command, Context, lookup, visible
from .parse import clean_input, parse_command, parse_plain
from .state import chat_key, load_action
from .state import migrations as state_migrations
from .topics import aliases_for

log = logging.getLogger(__name__)
T = TypeVar("T")

class Core:
    """The product's behaviour behind every chat transport."""

    #: Migration sets applied beside the answering state's (the composition in :mod:`bot.core`
    #: adds the scheduling store's); answering itself never imports :mod:`bot.scheduling`.
    extra_migrations: tuple[Migrations, ...] = ()

    def __init__(self, db_path: str | os.PathLike[str], *, settings: Settings | None = None,
                 workers: int = 4) -> None:
        self.db_path = str(db_path)
        self.settings = settings or load_settings({})
        # Migrate once, up front, on this thread; workers then only open connections.
        db = open_db(self.db_path)
        for steps in (state_migrations, *self.extra_migrations):
            check_not_newer(db, steps)  # a database a newer quotebot migrated is refused, not rewritten
            steps.apply(db)
        reconcile(db)  # the search index catches up with SQLite after a crash between their commits
        db.close()
        self._local = threading.local()
        self._connections: list[Database] = []
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="quotebot-db")

    # -- connections -------------------------------------------------------------------------
    def db(self) -> Database:
        """This thread's connection to the corpus."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = open_db(self.db_path)
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """Run ``fn`` on a worker thread (SQLite off the event loop)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        with self._lock:
            for db in self._connections:
                with contextlib.suppress(Exception):  # a connection of a finished thread
                    db.close()
            self._connections.clear()

    # -- the API adapters call ---------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        """Answer one message."""
        return self._bounded(self._handle, request)

    def _bounded(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn`` between the memory bound's two steps (corpus.resident)."""
        start = self._make_room()
        try:
            return fn(*args)
        finally:
            self._bound_memory(start)

    def _make_room(self) -> int | None:
        """Before a command: index pages are let go when the command could pass the budget (corpus.resident)."""
        return before_command(int(self.settings["QUOTEBOT_FILE_RESIDENT_MB"]), open_folders())

    def _bound_memory(self, start: int | None) -> None:
        """After a command: the index pages it mapped are let go past the budget (corpus.resident)."""
        after_command(int(self.settings["QUOTEBOT_FILE_RESIDENT_MB"]), open_folders(), start)

    def _handle(self, request: Request) -> Reply:
        text = clean_input(request.text)
        parsed = parse_command(text)
        if parsed is None:
            if not text:
                return help_cmd.not_understood()
            parsed = parse_plain(text)
            if parsed is None:
                return help_cmd.not_understood()
        cmd = lookup(parsed.command)
        if cmd is None:
            return Reply(text=f"I do not know /{parsed.command[:32]}. /help lists what I can do.", error=True)
        return self._dispatch(cmd, request, parsed.args)

    def _dispatch(self, cmd: Command, request: Request, args: str) -> Reply:
        try:
            if cmd.admin and not request.private and not request.admin:
                raise AccessError(f"Only this chat's administrators can use /{cmd.name} here.")
            ctx = self._context(request)
            with question(ctx.db, self._timeout_ms()):  # QUOTEBOT_QUERY_TIMEOUT_MS bounds the whole question
                return cmd.handler(ctx, args)
        except (BotError, CorpusError) as exc:
            return Reply(text=str(exc), error=True)

    def _timeout_ms(self) -> int:
        return int(self.settings["QUOTEBOT_QUERY_TIMEOUT_MS"])

    def _context(self, request: Request) -> Context:
        return Context(request=request, db=self.db(), settings=self.settings, core=self)

    def press(self, token: str, request: Request) -> Reply:
        """Answer a pressed button (an :class:`~bot.reply.Action` token)."""
        return self._bounded(self._press, token, request)

    def _press(self, token: str, request: Request) -> Reply:
        loaded = load_action(self.db(), token, chat_key(request.platform, request.chat_id))
        if loaded.refused == "other_chat":
            return Reply(text="This button belongs to another chat. Ask here to get your own.", error=True)
        payload = loaded.payload
        if payload is None:
            return Reply(text="This button has expired. Ask again.", error=True)
        ctx = self._context(request)
        try:
            with question(ctx.db, self._timeout_ms()):
                return self._pressed(ctx, request, payload)
        except (BotError, CorpusError) as exc:
            return Reply(text=str(exc), error=True)

    def _pressed(self, ctx: Context, request: Request, payload: dict[str, Any]) -> Reply:
        """Run a pressed button's payload (under the question's deadline)."""
        cmd = payload.get("cmd")
        offset = int(payload.get("offset", 0))
        if cmd == "who":
            return handlers.run_who(ctx, str(payload["args"]), offset)
        if cmd == "quote":
            return handlers.run_quote(ctx, payload["args"], offset, payload.get("speaker_id"))
        if cmd == "said":
            sid = int(payload["speaker_id"])
            row = ctx.db.execute("SELECT id, name, role, kind FROM speakers WHERE id = ?", [sid]).fetchone()
            if row is None:
                return Reply(text="That speaker is no longer in the corpus.", error=True)
            return handlers.run_said(ctx, SpeakerMatch(row[0], row[1], row[2], row[3], 0, 100.0),
                                     payload.get("args", ""), offset)
        if cmd == "context":
            return context_cmd.run_context(ctx, int(payload["quote_id"]))
        if cmd == "command":
            return self.handle(replace(request, text=str(payload["text"])))
        return Reply(text="This button no longer works. Ask again.", error=True)

    def inline(self, query: str, limit: int = 50) -> list[QuoteCard]:
        """Quote cards for Telegram's inline mode (``@bot NATO``)."""
        return self._bounded(self._inline, query, limit)

    def _inline(self, query: str, limit: int) -> list[QuoteCard]:
        text = clean_input(query)
        if len(text) < 2:
            return []
        topic = match_expression(text, aliases_for(text))
        try:
            hits, _ = search(self.db(), topic, candidates=max(limit, 100), timeout_ms=self._timeout_ms())
        except CorpusError:
            return []
        return [to_card(h, topic.words) for h in hits[: max(1, min(limit, 50))]]

    def command_help(self) -> list[tuple[str, str]]:
        """(command, one-line help) for platform menus and manifests."""
        return [(c.name, c.summary) for c in visible()]

    # -- async twins: the same, on a worker thread --------------------------------------------
    async def ahandle(self, request: Request) -> Reply:
        return await self._abounded(self._handle, request)

    async def apress(self, token: str, request: Request) -> Reply:
        return await self._abounded(self._press, token, request)

    async def ainline(self, query: str, limit: int = 50) -> list[QuoteCard]:
        return await self._abounded(self._inline, query, limit)

    async def _abounded(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn`` on a worker thread; the memory bound's step after it (a release of index pages, about
        3 ms at 10M quotes) runs once the answer is back, so the reply is not kept waiting for it."""
        def answer() -> tuple[T, int | None]:
            start = self._make_room()
            try:
                return fn(*args), start
            except BaseException:
                self._bound_memory(start)
                raise

        result, start = await self.run(answer)
        with contextlib.suppress(RuntimeError):  # the pool is shut down: the core is closing
            self._pool.submit(self._bound_memory, start)
        return result
