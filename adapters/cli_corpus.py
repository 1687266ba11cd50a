"""Corpus commands: ingest, extract, eval, stats, reindex."""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from pathlib import Path
from typing import IO

import click

from corpus.errors import CorpusError
from corpus.eval_tables import KINDS, calibration, format_report, format_table
from corpus.eval_tables import by_resolution as resolution_table
from corpus.evaluate import ERROR_ORDER, evaluate, load_gold
from corpus.extract import extract_quotes
from corpus.index import reindex as rebuild_index
from corpus.ingest import ingest_paths
from corpus.readers import JSON_SUFFIXES, Item, Skip, iter_files, record_problem
from corpus.stats import corpus_stats

from .options import db_option, open_corpus, open_database


def _count_documents(paths: list[str]) -> int | None:
    """How many documents the inputs hold (for the progress bar); ``None`` if stdin is among them."""
    import gzip

    total = 0
    for path in iter_files(paths):
        if path == "-":
            return None
        if isinstance(path, Skip):
            continue
        p = Path(path)
        name = p.name.lower().removesuffix(".gz")
        if Path(name).suffix in JSON_SUFFIXES and p.exists():
            try:
                with (gzip.open(p, "rb") if p.name.lower().endswith(".gz") else open(p, "rb")) as fh:
                    total += sum(1 for line in fh if line.strip())
            except (OSError, EOFError):
                total += 1
        else:
            total += 1
    return total


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary instead of text.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes extracting quotes (one process writes).")
def ingest(paths: tuple[str, ...], db_path: str | None, as_json: bool, progress: bool | None, jobs: int) -> None:
    """Ingest articles: .txt, .html, .jsonl/.json (optionally .gz), folders, or - for stdin.

    The same content twice is one article; new content under a known id or url replaces the
    old article. A bad file or line is reported and skipped; the exit status is 1 when
    anything was skipped. A database fault (locked, read-only, full, damaged) stops the
    ingest with one error line; everything committed before it stays, and running the same
    command again carries on.
    """
    db = open_database(db_path)
    show = sys.stderr.isatty() if progress is None else progress
    stdin: IO[bytes] | None = sys.stdin.buffer if "-" in paths else None
    if stdin is not None and not hasattr(stdin, "read"):
        stdin = io.BytesIO(b"")
    if show:
        total = _count_documents(list(paths))
        bar: click._termui_impl.ProgressBar[int]
        with click.progressbar(length=total, label="ingesting", file=sys.stderr, show_pos=True) as bar:
            def tick(_: Item) -> None:
                bar.update(1)
            report = ingest_paths(db, list(paths), stdin=stdin, on_item=tick, jobs=jobs)
    else:
        report = ingest_paths(db, list(paths), stdin=stdin, jobs=jobs)
    summary = report.as_dict()
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        for skip in report.skipped:
            click.echo(f"skipped {skip.origin}: {skip.reason}", err=True)
        click.echo(f"{summary['added']} added, {summary['replaced']} replaced, {summary['unchanged']} unchanged, "
                   f"{summary['skipped']} skipped; {summary['quotes']} quotes extracted")
    if report.skipped:
        sys.exit(1)


@click.command()
@click.argument("source", default="-", type=click.File("r", encoding="utf-8"))
def extract(source: IO[str]) -> None:
    """Extract quotes from JSON Lines {"id", "text", "title"?, "lead"?} (a file or - for stdin).

    Writes one JSON line per input: {"id", "quotes": [{"start", "end", "text", "speaker",
    "kind", "cue", "confidence", "speaker_span", "resolution", "utterance"}]}, where
    text == input_text[start:end]; speaker_span is [start, end] of the mention the speaker was
    read from (null when it is not in the text), resolution says how it was resolved, and
    utterance is the start of the first part of a quotation split by narration (null when whole).
    A line that is no article is reported on stderr with its reason and skipped; the exit status
    is then 1.
    """
    skipped = 0
    for lineno, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            problem = record_problem(rec)  # the same check as ingest's: one bad line costs only itself
        except json.JSONDecodeError as exc:
            problem = f"malformed JSON: {exc.msg}"
        except RecursionError:
            problem = "malformed JSON: nested too deeply"
        if problem:
            click.echo(f"line {lineno}: skipped: {problem}", err=True)
            skipped += 1
            continue
        quotes = extract_quotes(rec["text"], rec.get("title"), rec.get("lead"))
        out = {"id": rec.get("id"), "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker, "kind": q.kind,
             "cue": q.cue, "confidence": q.confidence,
             "speaker_span": None if q.speaker_start is None or q.speaker_end is None
             else [q.speaker_start, q.speaker_end],
             "resolution": q.resolution, "utterance": q.utterance} for q in quotes]}
        click.echo(json.dumps(out, ensure_ascii=False))
    if skipped:
        sys.exit(1)  # like ingest: every good line was written, and the status says some were not


@click.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--kind", "kinds", multiple=True, type=click.Choice(list(KINDS)),
              help="Score only gold quotes of this kind (repeatable).")
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False, writable=True),
              help="Write every misattribution, unattributed quote, miss and false alarm, with context, "
                   "to this JSON Lines file.")
@click.option("--by-resolution", is_flag=True,
              help="Also print the fraction right per (resolution, kind), over all the files given.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_(gold: tuple[str, ...], kinds: tuple[str, ...], errors_file: str | None, by_resolution: bool,
          as_json: bool) -> None:
    """Score extraction against gold quotes (one or more JSON Lines files): precision, recall, F1 at
    30 % and 80 % overlap, per kind; then, over matched quotes, speaker accuracy, speaker precision
    (right / named), misattribution (a name given, but wrong) apart from unattributed quotes, and a
    calibration table (confidence bucket: count, fraction right). PolNeAR files are scored on the
    surface speaker: a quote is attached right when its speaker_span overlaps the gold source mention.
    The --errors file lists misattributions first."""
    reports = {path: evaluate(load_gold(path), extract_quotes, kinds=kinds or None) for path in gold}
    if errors_file:
        listed = sorted(((Path(path).name, err) for path, report in reports.items() for err in report.errors),
                        key=lambda item: ERROR_ORDER.index(item[1]["error"]))
        with open(errors_file, "w", encoding="utf-8") as fh:
            for name, err in listed:
                fh.write(json.dumps({"file": name, **err}, ensure_ascii=False) + "\n")
        counts = Counter(err["error"] for _, err in listed)
        click.echo(f"{errors_file}: " + ", ".join(f"{counts[e]} {e}" for e in ERROR_ORDER if counts[e]), err=True)
    every = [a for report in reports.values() for a in report.attributions]
    if as_json:
        if len(reports) == 1:
            out = next(iter(reports.values())).as_dict()
        else:
            out = {"files": {path: report.as_dict() for path, report in reports.items()},
                   "calibration": [row.as_dict() for row in calibration(every)],
                   "by_resolution": [row.as_dict() for row in resolution_table(every)]}
        click.echo(json.dumps(out, indent=2))
        return
    one = len(reports) == 1
    for path, report in reports.items():
        if not one:
            click.echo(f"== {path}")
        click.echo(format_report(report, resolutions=by_resolution and one))
    if not one:
        click.echo(f"== all {len(reports)} files")
        click.echo("\n".join(format_table("calibration (named attributions)", "confidence", calibration(every))))
        if by_resolution:
            click.echo("\n".join(format_table("right by resolution and kind", "resolution / kind",
                                              resolution_table(every))))


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(db_path: str | None, as_json: bool) -> None:
    """Corpus figures: articles, quotes, speakers, sources, date range."""
    s = corpus_stats(open_corpus(db_path))
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False))
        return
    click.echo(f"articles: {s['articles']}\nquotes: {s['quotes']} ({s['attributed']} attributed, "
               f"{s['unattributed']} unattributed)\nspeakers: {s['speakers']}")
    click.echo(f"dates: {s['first_published'] or '?'} .. {s['last_published'] or '?'}")
    click.echo("sources: " + (", ".join(f"{k} ({v})" for k, v in s["sources"].items()) or "none"))


@click.command()
@db_option
def reindex(db_path: str | None) -> None:
    """Rebuild the search index (DB-file.index/ beside the database) from the SQLite corpus.

    The index is derived: SQLite is the record. Ingest keeps it in step and start-up
    reconciles it; this rebuilds it whole (after a restore, or a changed ranking formula)."""
    db = open_corpus(db_path)
    try:
        n = rebuild_index(db)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"search index rebuilt: {n} quotes")


def register(group: click.Group) -> None:
    for command in (ingest, extract, eval_, stats, reindex):
        group.add_command(command)


__all__ = ["register", "Skip"]
