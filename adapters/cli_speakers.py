"""The ``quotebot speakers`` command: who the corpus quotes, repairs and explanations."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from corpus.speaker_identity import explain, rebuild
from corpus.speakers import SpeakerSummary, list_speakers, surname_conflicts

from .options import db_option, open_corpus


def _as_json(s: SpeakerSummary) -> dict[str, object]:
    return {"id": s.id, "name": s.name, "kind": s.kind, "role": s.role, "aliases": list(s.aliases),
            "roles": [asdict(r) for r in s.roles], "quotes": s.quotes, "first": s.first, "last": s.last}


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON: name, kind, aliases, roles with dates, "
                                                      "quote count, first and last date.")
@click.option("--conflicts", is_flag=True, help="List surnames shared by several different people.")
@click.option("--rebuild", "do_rebuild", is_flag=True,
              help="Repair the speaker table with today's rules (idempotent).")
@click.option("--explain", "explain_name", metavar="NAME", default=None,
              help="Why the rows this name may mean are merged, kept apart or not made at all.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many speakers.")
def speakers(db_path: str | None, as_json: bool, conflicts: bool, do_rebuild: bool, explain_name: str | None,
             limit: int | None) -> None:
    """Speakers in the corpus, most quoted first, with their aliases, roles and dates.

    --rebuild repairs an existing corpus: non-names and bare surnames go (their quotes become
    unattributed), glued titles move into the role, one person's rows merge, namesakes split.
    --explain NAME shows why. --conflicts lists surnames that belong to several people.
    """
    db = open_corpus(db_path)
    if do_rebuild:
        report = rebuild(db)
        if as_json:
            click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            changes = {k: v for k, v in report.counts.items() if v}
            click.echo("; ".join(f"{k}: {v}" for k, v in sorted(changes.items())) or "nothing to repair")
            for note in report.notes:
                click.echo(f"  {note}")
        return
    if explain_name is not None:
        for line in explain(db, explain_name[:200]):
            click.echo(line)
        return
    if conflicts:
        found = surname_conflicts(db)
        if as_json:
            click.echo(json.dumps({k: [_as_json(s) for s in v] for k, v in found.items()}, ensure_ascii=False))
            return
        if not found:
            click.echo("no surname is shared by two people")
        for surname, people in found.items():
            click.echo(f"{surname}: " + "; ".join(f"{p.name} ({p.quotes})" for p in people))
        return
    rows = list_speakers(db, limit, with_roles=as_json)
    if as_json:
        click.echo(json.dumps([_as_json(s) for s in rows], ensure_ascii=False))
        return
    if not rows:
        click.echo("no speakers yet: run quotebot ingest first")
    for s in rows:
        extra = f" [{s.role}]" if s.role else ""
        also = f"  aka {', '.join(s.aliases)}" if s.aliases else ""
        dates = f" {s.first[:10]}…{s.last[:10]}" if s.first and s.last else ""
        click.echo(f"{s.quotes:>7}  {s.name}{extra} ({s.kind}){dates}{also}")


def register(group: click.Group) -> None:
    group.add_command(speakers)
