"""``quotebot demo``: build the bundled sample corpus and show what quotebot finds in it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from corpus.ingest import ingest_paths
from corpus.store import open_db

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="Build the demo corpus into this file (default: a temporary file).")
def demo(db_path: str | None) -> None:
    """Build a corpus from the bundled sample articles and print the quotes found."""
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(db_path or str(Path(tmp) / "demo.db"))
        report = ingest_paths(db, [str(SAMPLES)])
        click.echo(f"Sample corpus: {report.counts['added'] + report.counts['unchanged']} articles, "
                   f"{report.quotes} quotes extracted\n")
        rows = db.execute(
            """SELECT a.title, s.name, q.kind, q.text FROM quotes q JOIN articles a ON a.id = q.article_id
               LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY a.id, q.start"""
        ).fetchall()
        for title, speaker, kind, text in rows:
            snippet = " ".join(text.split())
            click.echo(f"[{kind}] {speaker or 'unattributed'}: {snippet[:160]}{'…' if len(snippet) > 160 else ''}")
            click.echo(f"    — {title}")
        db.close()


def register(group: click.Group) -> None:
    group.add_command(demo)
