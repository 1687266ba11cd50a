"""``quotebot demo``: build the bundled sample corpus and answer sample questions."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from bot.core import Core
from corpus.ingest import ingest_paths
from corpus.stats import corpus_stats
from corpus.store import open_db

from .console import render_text, to_request

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"
QUESTIONS = (
    "/quote NATO",
    "/who NATO",
    "/said Lavrov",
    # A sentence from the Sputnik sample as someone might misremember it.
    '/verify "We can not simply passively watch events and keep a close watch on them"',
    "what did Putin say about Ukraine?",
)


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="Build the demo corpus into this file (default: a temporary file).")
def demo(db_path: str | None) -> None:
    """Build a corpus from the bundled sample articles and answer sample questions."""
    with tempfile.TemporaryDirectory() as tmp:
        path = db_path or str(Path(tmp) / "demo.db")
        db = open_db(path)
        report = ingest_paths(db, [str(SAMPLES)])
        stats = corpus_stats(db)
        db.close()
        # Run again on the same --db, nothing is new: say what the corpus holds, not "0 quotes extracted".
        done = f"{report.quotes} quotes extracted" if report.quotes else f"{stats['quotes']} quotes (already built)"
        click.echo(f"Sample corpus: {stats['articles']} articles, {done}.\n")
        core = Core(path)
        color = sys.stdout.isatty()
        try:
            for question in QUESTIONS:
                click.echo(("\x1b[36m" if color else "") + f"> {question}" + ("\x1b[0m" if color else ""))
                click.echo(render_text(core.handle(to_request(question)), color=color) + "\n")
        finally:
            core.close()
        if db_path:
            click.echo(f"The corpus stays in {db_path}. Keep asking:\n"
                       f"  .venv/bin/quotebot chat --db {db_path}\n"
                       f"  .venv/bin/quotebot ask --db {db_path} \"/quote Ukraine\" --press 1")


def register(group: click.Group) -> None:
    group.add_command(demo)
