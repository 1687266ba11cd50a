"""The ``quotebot speakers`` command: who the corpus quotes, with counts and aliases."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from corpus.speakers import list_speakers, surname_conflicts

from .options import db_option, open_database


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--conflicts", is_flag=True, help="List surnames shared by several different people.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many speakers.")
def speakers(db_path: str | None, as_json: bool, conflicts: bool, limit: int | None) -> None:
    """Speakers in the corpus, most quoted first, with their aliases.

    With --conflicts: surnames that belong to several people (Igor Ivanov, Sergei Ivanov), which
    are kept apart and never merged.
    """
    db = open_database(db_path)
    if conflicts:
        found = surname_conflicts(db)
        if as_json:
            click.echo(json.dumps({k: [asdict(s) for s in v] for k, v in found.items()}, ensure_ascii=False))
            return
        if not found:
            click.echo("no surname is shared by two people")
        for surname, people in found.items():
            click.echo(f"{surname}: " + "; ".join(f"{p.name} ({p.quotes})" for p in people))
        return
    rows = list_speakers(db, limit)
    if as_json:
        click.echo(json.dumps([asdict(s) for s in rows], ensure_ascii=False))
        return
    if not rows:
        click.echo("no speakers yet: run quotebot ingest first")
    for s in rows:
        extra = f" [{s.role}]" if s.role else ""
        also = f"  aka {', '.join(s.aliases)}" if s.aliases else ""
        click.echo(f"{s.quotes:>7}  {s.name}{extra} ({s.kind}){also}")


def register(group: click.Group) -> None:
    group.add_command(speakers)
