"""``quotebot ask`` and ``quotebot chat``: the answering core from a terminal."""

from __future__ import annotations

import json
import sys

import click

from bot.core import Core
from bot.reply import Reply

from .console import render_json, render_text, to_request
from .options import db_option, resolve_db_path


@click.command()
@click.argument("text", nargs=-1, required=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the reply as JSON.")
def ask(text: tuple[str, ...], db_path: str | None, as_json: bool) -> None:
    """Ask the bot one question, as a chat user would: quotebot ask "/quote NATO"."""
    core = Core(resolve_db_path(db_path))
    try:
        reply = core.handle(to_request(" ".join(text)))
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
    core = Core(resolve_db_path(db_path))
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
