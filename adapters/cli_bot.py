"""``quotebot ask`` and ``quotebot chat``: the answering core from a terminal."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from bot.config import load_settings
from bot.core import Core
from bot.errors import BotError
from bot.reply import Reply
from corpus.stats import corpus_stats
from corpus.store import open_db

from .console import render_json, render_text, to_request
from .options import db_option, resolve_db_path


def open_core(db_path: str | None) -> Core:
    """The core over an existing, non-empty corpus; a missing or empty one is named, never created."""
    path = resolve_db_path(db_path)
    if not Path(path).exists():
        raise click.ClickException(f"there is no corpus at {path} — run quotebot ingest FILE --db {path} "
                                   "(or make demo, which builds demo.db)")
    try:
        settings = load_settings(os.environ)
    except BotError as exc:
        raise click.ClickException(str(exc)) from exc
    db = open_db(path)
    try:
        empty = corpus_stats(db)["articles"] == 0
    finally:
        db.close()
    if empty:
        raise click.ClickException(f"the corpus at {path} is empty — run quotebot ingest FILE --db {path}")
    return Core(path, settings=settings)


def _press(core: Core, reply: Reply, number: int) -> Reply:
    if not 1 <= number <= len(reply.actions):
        shown = f"buttons 1-{len(reply.actions)}" if reply.actions else "no buttons"
        raise click.BadParameter(f"there is no button {number}: the reply has {shown}", param_hint="--press")
    return core.press(reply.actions[number - 1].token, to_request(""))


@click.command()
@click.argument("text", nargs=-1, required=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the reply as JSON.")
@click.option("--press", "presses", type=int, multiple=True, metavar="N",
              help="Then press the reply's button N (as listed, [1] [2] …); repeat to press on.")
def ask(text: tuple[str, ...], db_path: str | None, as_json: bool, presses: tuple[int, ...]) -> None:
    """Ask the bot one question, as a chat user would: quotebot ask "/quote NATO".

    quotebot ask "/quote NATO" --press 1 answers as if the first button (More) had been pressed."""
    core = open_core(db_path)
    try:
        reply = core.handle(to_request(" ".join(text)))
        for number in presses:
            reply = _press(core, reply, number)
    finally:
        core.close()
    if as_json:
        click.echo(json.dumps(render_json(reply), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(reply, color=sys.stdout.isatty()))
    if reply.error:
        sys.exit(1)


@click.command()
@db_option
def chat(db_path: str | None) -> None:
    """An interactive chat with the bot in the terminal (a number presses a button; Ctrl-D quits)."""
    core = open_core(db_path)
    last: Reply | None = None
    color = sys.stdout.isatty()
    click.echo("quotebot — ask away. /help lists commands; Ctrl-D quits.")
    try:
        while True:
            try:
                line = input("> ")
            except EOFError:
                click.echo()
                break
            line = line.strip()
            if not line:
                continue
            if last and line.isdigit() and 1 <= int(line) <= len(last.actions):
                last = core.press(last.actions[int(line) - 1].token, to_request(""))
            else:
                last = core.handle(to_request(line))
            click.echo(render_text(last, color=color) + "\n")
    finally:
        core.close()


def register(group: click.Group) -> None:
    group.add_command(ask)
    group.add_command(chat)
