"""``quotebot serve`` and ``quotebot digest``."""

from __future__ import annotations

import asyncio
import os
import sys

import click

from bot.config import Settings, load_settings
from bot.errors import BotError
from bot.scheduling.digest import current_period
from bot.scheduling.schedule import Scheduler
from bot.scheduling.schedule_store import ensure, get_channel, upsert_channel
from corpus.errors import CorpusError
from corpus.store import open_db

from .console import render_text
from .logs import configure_logging
from .options import db_option, existing_corpus, refuse_empty, resolve_db_path


def _settings(db_path: str | None, **extra: object) -> Settings:
    try:
        return load_settings(os.environ, QUOTEBOT_DB=resolve_db_path(db_path), **extra)
    except BotError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.option("--telegram/--no-telegram", default=None,
              help="Run the Telegram bot (default: if TELEGRAM_BOT_TOKEN is set).")
@click.option("--slack/--no-slack", default=None, help="Run the Slack app (default: if SLACK_BOT_TOKEN is set).")
@click.option("--slack-mode", type=click.Choice(["http", "socket"]), default="http", show_default=True,
              help="Slack transport: signed HTTP requests, or Socket Mode with SLACK_APP_TOKEN.")
@click.option("--port", type=int, default=3000, show_default=True, help="HTTP port for Slack events.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TOML file with digests, feeds and watched folders (or $QUOTEBOT_CONFIG).")
@click.option("--create", is_flag=True,
              help="Start an empty corpus at --db when there is none (a fresh volume its feeds and folders fill).")
@db_option
def serve(telegram: bool | None, slack: bool | None, slack_mode: str, port: int, config_path: str | None,
          create: bool, db_path: str | None) -> None:
    """Run the chat adapters and the scheduler (digests, follow alerts, feeds) in one process."""
    from .serve import ServeOptions
    from .serve import serve as run

    extra = {"QUOTEBOT_CONFIG": config_path} if config_path else {}
    settings = _settings(db_path, **extra)
    # A mistyped --db must not start a bot over a new, empty database. An existing empty corpus is
    # served: feeds and watched folders may be what fills it (`quotebot ingest FOLDER` makes one; `--create`,
    # which the Docker image passes, starts one on a fresh volume).
    if not create:
        existing_corpus(settings["QUOTEBOT_DB"])
    configure_logging(settings)  # secrets redacted from every line, at every level
    options = ServeOptions(
        telegram=bool(settings["TELEGRAM_BOT_TOKEN"]) if telegram is None else telegram,
        slack=bool(settings["SLACK_BOT_TOKEN"]) if slack is None else slack,
        slack_mode=slack_mode, port=port,
    )
    try:
        asyncio.run(run(settings, options))
    except (BotError, CorpusError) as exc:
        raise click.ClickException(str(exc)) from exc
    except ImportError as exc:
        raise click.ClickException(
            f"a chat extra is not installed ({exc.name}): pip install 'quotebot[telegram,slack]'") from exc


@click.command()
@click.option("--channel", required=True, help="telegram:<chat_id> or slack:<channel_id>")
@click.option("--dry-run", is_flag=True, help="Print the digest instead of posting it.")
@click.option("--force", is_flag=True, help="Post even if this period's digest was already delivered.")
@click.option("--day", default=None, metavar="YYYY-MM-DD",
              help="With --dry-run: the digest of the articles published on this day.")
@click.option("--chart", "chart_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="With --dry-run: write the digest's chart (PNG) to this file.")
@db_option
def digest(channel: str, dry_run: bool, force: bool, day: str | None, chart_path: str | None,
           db_path: str | None) -> None:
    """Build the digest for the current period and post it (once per period unless --force).

    A scheduled digest covers the articles published the day before its slot; --dry-run --day DATE
    shows the digest of one publication day."""
    platform = channel.split(":", 1)[0]
    if platform not in ("telegram", "slack") or ":" not in channel or not channel.split(":", 1)[1]:
        raise click.BadParameter("use telegram:<chat_id> or slack:<channel_id>", param_hint="--channel")
    settings = _settings(db_path)
    configure_logging(settings)
    path = existing_corpus(settings["QUOTEBOT_DB"])  # a mistyped --db must not post "No quotes…" to a channel
    db = open_db(path)
    refuse_empty(db, path)
    ensure(db)
    from datetime import UTC, datetime

    ch = get_channel(db, channel)
    if ch is None:
        if dry_run:
            from bot.scheduling.schedule_store import DigestChannel

            ch = DigestChannel(channel, "08:00", "UTC", (), False, None, 0)
        else:
            ch = upsert_channel(db, channel)
    period, _ = current_period(ch, datetime.now(UTC))
    if (day or chart_path) and not dry_run:
        raise click.BadParameter("--day and --chart go with --dry-run", param_hint="--day/--chart")
    if dry_run:
        from bot.scheduling.digest import build_digest, preview_days

        try:
            days = preview_days(db, day) if day else None
        except BotError as exc:
            raise click.ClickException(str(exc)) from exc
        reply, _ = build_digest(db, ch, "preview" if days else period, days=days)
        click.echo(render_text(reply, color=sys.stdout.isatty()))
        if chart_path:
            if reply.image is None:
                click.echo("(no chart: fewer than three speakers are quoted)")
            else:
                with open(chart_path, "wb") as fh:
                    fh.write(reply.image)
                click.echo(f"Chart written to {chart_path} ({len(reply.image):,} bytes).")
        return

    async def post() -> str:
        from .serve import slack_sender, telegram_sender

        if platform == "telegram":
            sender, close = await telegram_sender(settings)
        else:
            sender, close = slack_sender(settings), None
        scheduler = Scheduler(settings["QUOTEBOT_DB"], {platform: sender})
        try:
            # Run by a person: a refused part is tried again now, not after the scheduler's backoff.
            return await scheduler.deliver_digest(ch, period, force=force, retry_now=True)
        finally:
            scheduler.close()
            if close:
                await close()

    try:
        outcome = asyncio.run(post())
    except (BotError, CorpusError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{channel} {period}: {outcome}")
    if outcome.startswith(("blocked", "not delivered", "waiting")):
        sys.exit(1)


def register(group: click.Group) -> None:
    group.add_command(serve)
    group.add_command(digest)
