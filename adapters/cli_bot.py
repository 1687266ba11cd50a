"""``quotebot ask`` and ``quotebot chat``: the answering core from a terminal."""

from __future__ import annotations

import json
import os
import sys

import click

from bot.config import load_settings
from bot.core import Core
from bot.errors import BotError
from bot.reply import Reply

from .console import render_json, render_text, to_request
from .options import db_option, open_corpus, resolve_db_path


def open_core(db_path: str | None) -> Core:
    """The core over an existing, non-empty corpus; a missing or empty one is named, never created."""
    open_corpus(db_path).close()
    try:
        settings = load_settings(os.environ)
    except BotError as exc:
        raise click.ClickException(str(exc)) from exc
    return Core(resolve_db_path(db_path), settings=settings)


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
