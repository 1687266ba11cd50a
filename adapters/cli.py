"""The ``quotebot`` command line: a thin shell over ``corpus`` and ``bot``.

Library errors become :class:`click.ClickException` here, at the edge.
"""

from __future__ import annotations

import importlib
import sqlite3
from typing import Any

import click

from corpus.errors import CorpusError
from corpus.store import describe_db_error


class QuotebotGroup(click.Group):
    """The command group; a database fault in any command is one ``Error: …`` line, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CorpusError as exc:
            raise click.ClickException(str(exc)) from exc
        except sqlite3.Error as exc:  # a damaged file found mid-query, a write to a read-only file
            raise click.ClickException(describe_db_error(exc)) from exc


@click.group(cls=QuotebotGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="quotebot")
def cli() -> None:
    """quotebot: who said what, from a corpus of news quotes.

    Every command that reads the corpus takes --db FILE (default: $QUOTEBOT_DB, else ./quotebot.db).
    """
    import os

    from bot.config import load_settings
    from bot.errors import BotError

    try:  # every command: an unknown or malformed QUOTEBOT_* setting is refused before anything runs
        load_settings(os.environ)
    except BotError as exc:
        raise click.ClickException(str(exc)) from exc


# Each module adds its commands with register(group).
COMMAND_MODULES = ("cli_corpus", "cli_speakers", "cli_bot", "cli_serve", "cli_demo")

for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"adapters.{_name}")
    except ModuleNotFoundError as _exc:  # a room still being built; never hide a broken import
        if _exc.name != f"adapters.{_name}":
            raise
        continue
    _module.register(cli)


def main() -> None:
    cli(prog_name="quotebot")
