"""`quotebot serve` and `quotebot digest` end to end through the Telegram and Slack stand-ins."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest
from click.testing import CliRunner

from adapters.cli import cli
from adapters.serve import ServeOptions, serve, slack_sender, telegram_sender
from bot.config import load_settings
from bot.core import Core
from bot.errors import ConfigError
from bot.scheduling.schedule import Scheduler
from bot.scheduling.schedule_config import load_schedule_config
from bot.scheduling.schedule_store import upsert_channel
from corpus.store import open_db

from .slack_standin import BOT_TOKEN, SIGNING_SECRET, SlackStandIn, sign
from .standin_base import free_port
from .telegram_standin import TelegramStandIn, private_message
from .test_schedule import FakeClock


async def test_serve_answers_telegram_and_slack_in_one_process(seed_db_path: Path) -> None:
    tg = await TelegramStandIn().start()
    sl = await SlackStandIn().start()
    port = free_port()
    settings = load_settings({
        "QUOTEBOT_DB": str(seed_db_path), "TELEGRAM_BOT_TOKEN": tg.token, "TELEGRAM_API_BASE_URL": tg.base_url,
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_BASE_URL": sl.api_url,
    })
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, ServeOptions(telegram=True, slack=True, port=port, host="127.0.0.1"),
                                     stop=stop))
    try:
        tg.push(private_message("who said what about NATO?"))
        [sent] = await tg.wait_for("sendMessage", timeout=15)
        assert "Vladimir Putin" in sent["text"]
        body = urlencode({"command": "/quote", "text": "NATO", "channel_id": "C1", "user_id": "U1",
                          "team_id": "T0001", "response_url": sl.response_url()})
        async with aiohttp.ClientSession() as session:
            for _ in range(50):  # the Slack listener starts alongside; wait for its port
                try:
                    ok = await session.post(f"http://127.0.0.1:{port}/slack/events", data=body, headers={
                        **sign(body), "Content-Type": "application/x-www-form-urlencoded"})
                    break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.1)
            assert ok.status == 200
            unsigned = await session.post(f"http://127.0.0.1:{port}/slack/events", data=body,
                                          headers={"Content-Type": "application/x-www-form-urlencoded"})
            assert unsigned.status == 401
        [answer] = await sl.wait_for("response_url")
        assert "Vladimir Putin" in str(answer["blocks"])
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        await tg.stop()
        await sl.stop()


async def test_a_digest_for_a_telegram_chat_and_a_slack_channel_posts_once_a_day(seed_db_path: Path) -> None:
    tg = await TelegramStandIn().start()
    sl = await SlackStandIn().start()
    settings = load_settings({"TELEGRAM_BOT_TOKEN": tg.token, "TELEGRAM_API_BASE_URL": tg.base_url,
                              "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_BASE_URL": sl.api_url})
    Core(seed_db_path).close()
    db = open_db(seed_db_path)
    # The digest covers the articles published the day before its slot: date the seed articles so.
    db.execute("UPDATE articles SET published = '2026-11-21'")
    db.execute("UPDATE quotes SET published = '2026-11-21'")
    db.conn.commit()
    upsert_channel(db, "telegram:111", slot="08:00", tz="Europe/Moscow", last_quote_id=0, last_period="2026-11-21")
    upsert_channel(db, "slack:C1", slot="09:00", tz="UTC", last_quote_id=0, last_period="2026-11-21")
    db.close()
    tsender, close = await telegram_sender(settings)
    clock = FakeClock(datetime(2026, 11, 22, 4, 0, tzinfo=UTC))
    scheduler = Scheduler(str(seed_db_path), {"telegram": tsender, "slack": slack_sender(settings)}, clock)
    try:
        for hour in range(4, 24):
            clock.set(f"2026-11-22T{hour:02d}:00:00+00:00")
            await scheduler.tick()
        assert len(tg.sent()) >= 1 and {m["chat_id"] for m in tg.sent()} == {111}
        assert len(sl.sent()) == 1 and sl.sent()[0]["channel"] == "C1"
        assert "Daily quotes digest" in tg.sent()[0]["text"] and "Vladimir Putin" in tg.sent()[0]["text"]
        # Five speakers: the quotes-per-speaker chart goes with the digest on both platforms.
        assert len(tg.sent("sendPhoto")) == 1
        assert len(sl.uploads) == 1 and b"\x89PNG" in sl.uploads[0]
        n_tg = len(tg.sent())
        clock.set("2026-11-23T05:00:00+00:00")
        await scheduler.tick()
        assert len(tg.sent()) == n_tg + 1  # the next day's digest: nothing was published on 2026-11-22
        assert "No quotes in articles published 2026-11-22" in tg.sent()[-1]["text"]
        assert len(tg.sent("sendPhoto")) == 1  # no chart for "nothing new"
    finally:
        scheduler.close()
        await close()
        await tg.stop()
        await sl.stop()


@pytest.fixture
def telegram_in_thread() -> Iterator[TelegramStandIn]:
    """The stand-in on its own event loop thread, for CLI commands that run asyncio.run themselves."""
    loop = asyncio.new_event_loop()
    holder: dict[str, TelegramStandIn] = {}
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)

        async def boot() -> None:
            holder["s"] = await TelegramStandIn().start()
            started.set()

        loop.run_until_complete(boot())
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(10)
    yield holder["s"]
    asyncio.run_coroutine_threadsafe(holder["s"].stop(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
    loop.close()


def test_digest_cli_dry_run_shows_the_seed_corpus_digest(seed_db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["digest", "--dry-run", "--day", "2021-11-19", "--channel", "telegram:1",
                                      "--db", str(seed_db_path)])
    assert result.exit_code == 0, result.output
    assert "articles published 2021-11-19" in result.output and "Vladimir Putin" in result.output


def test_digest_cli_posts_once_per_period_unless_forced(seed_db_path: Path, telegram_in_thread: TelegramStandIn,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", telegram_in_thread.token)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", telegram_in_thread.base_url)
    args = ["digest", "--channel", "telegram:111", "--db", str(seed_db_path)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0 and "delivered" in first.output, first.output
    posted = len(telegram_in_thread.sent())
    assert posted >= 1 and "Daily quotes digest" in telegram_in_thread.sent()[0]["text"]
    second = CliRunner().invoke(cli, args)
    assert "already delivered" in second.output and len(telegram_in_thread.sent()) == posted
    forced = CliRunner().invoke(cli, [*args, "--force"])
    assert "delivered (" in forced.output and len(telegram_in_thread.sent()) > posted
    assert CliRunner().invoke(cli, ["digest", "--channel", "irc:1", "--db", str(seed_db_path)]).exit_code == 2


def test_serve_without_tokens_is_a_one_line_error(seed_db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(seed_db_path)])
    assert result.exit_code == 1 and "nothing to serve" in result.output
    result = CliRunner().invoke(cli, ["serve", "--telegram", "--db", str(seed_db_path)])
    assert result.exit_code == 1 and "TELEGRAM_BOT_TOKEN" in result.output


def test_config_file_is_checked_at_start(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[[digest]]\nchannel = "telegram:-100"\ntime = "07:30"\ntz = "Europe/Moscow"\n'
                    'topics = ["NATO"]\n\n[[feed]]\nurl = "feed.xml"\n\n[ingest]\nevery_minutes = 5\n')
    config = load_schedule_config(good)
    assert config.digests[0].tz == "Europe/Moscow" and config.feeds == ("feed.xml",) and config.every_minutes == 5
    for body, message in [('[[digest]]\nchanel = "telegram:1"\n', "chanel"), ("[typo]\n", "typo"),
                          ('[[digest]]\nchannel = "irc:1"\n', "irc:1"),
                          ('[[digest]]\nchannel = "slack:C1"\ntz = "Mars/Base"\n', "Mars/Base")]:
        bad = tmp_path / "bad.toml"
        bad.write_text(body)
        with pytest.raises(ConfigError, match=message):
            load_schedule_config(bad)


def test_a_feed_is_ingested_and_alerts_include_it(tmp_path: Path) -> None:
    from corpus.feeds import poll_feed

    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>TASS</title>'
        "<item><title>Lavrov on BRICS</title><link>https://tass.com/1</link><guid>tass-1</guid>"
        "<pubDate>Tue, 22 Nov 2022 10:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;MOSCOW, November 22. /TASS/. \u201cBRICS is open to new members who share "
        "its values,\u201d Russian Foreign Minister Sergey Lavrov said on Tuesday.&lt;/p&gt;</description>"
        "</item></channel></rss>")
    db = open_db(tmp_path / "f.db")
    report = poll_feed(db, str(feed))
    assert report.counts["added"] == 1
    row = db.execute("SELECT a.url, a.published, s.name FROM quotes q JOIN articles a ON a.id = q.article_id "
                     "JOIN speakers s ON s.id = q.speaker_id").fetchone()
    assert row == ("https://tass.com/1", "2022-11-22", "Sergey Lavrov")
    assert poll_feed(db, str(feed)).counts["unchanged"] == 1


def test_a_watched_folder_ingests_new_and_changed_files_once(tmp_path: Path) -> None:
    from corpus.feeds import FolderWatch

    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Talks in Moscow today\n\n\u201cWe are ready to talk,\u201d Sergey Lavrov said.\n")
    db = open_db(tmp_path / "w.db")
    watch = FolderWatch(inbox)
    assert watch.poll(db).counts["added"] == 1
    assert watch.poll(db).files == 0  # nothing new: not even read again
    (inbox / "b.txt").write_text("More talks\n\n\u201cThe door stays open,\u201d Sergey Lavrov said.\n")
    assert watch.poll(db).counts["added"] == 1
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_serve_create_starts_an_empty_corpus_where_there_is_none(tmp_path: Path) -> None:
    """The container's first start on a fresh volume: --create gets past the corpus check and leaves a corpus."""
    fresh = tmp_path / "data" / "quotebot.db"
    fresh.parent.mkdir()
    closed = f"http://127.0.0.1:{free_port()}"
    code, _, err = run_serve({"TELEGRAM_BOT_TOKEN": TG_TOKEN, "TELEGRAM_API_BASE_URL": closed},
                             "--telegram", "--create", "--db", str(fresh))
    assert code == 1 and "no corpus" not in err and f"the Bot API at {closed} did not answer" in err
    assert fresh.exists()
    dockerfile = (Path(__file__).resolve().parent.parent / "Dockerfile").read_text()
    assert 'CMD ["quotebot", "serve", "--create"]' in dockerfile


def test_the_container_listens_on_all_interfaces_explicitly() -> None:
    """Outside a container the HTTP servers bind 127.0.0.1; the image opts in to 0.0.0.0 on purpose."""
    dockerfile = (Path(__file__).resolve().parent.parent / "Dockerfile").read_text()
    assert "QUOTEBOT_HOST=0.0.0.0" in dockerfile
    assert load_settings({})["QUOTEBOT_HOST"] == "127.0.0.1"


async def test_a_debug_run_logs_no_secret(seed_db_path: Path, tmp_path: Path) -> None:
    """`quotebot serve` at DEBUG, webhook mode and Slack HTTP, answering through both: its whole log
    never contains the bot tokens, the signing secret or the webhook secret."""
    import os
    import signal
    import sys

    tg_token, webhook_secret = "4242:AAHsecretTelegramToken_0123456789abcdef", "wh-secret-0123456789abcdef"
    tg = await TelegramStandIn(token=tg_token).start()
    sl = await SlackStandIn().start()
    hook_port, slack_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "QUOTEBOT_"))}
    env.update({"QUOTEBOT_DB": str(seed_db_path), "QUOTEBOT_LOG_LEVEL": "DEBUG",
                "TELEGRAM_BOT_TOKEN": tg_token, "TELEGRAM_API_BASE_URL": tg.base_url,
                "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{hook_port}", "TELEGRAM_WEBHOOK_PORT": str(hook_port),
                "TELEGRAM_WEBHOOK_SECRET": webhook_secret, "SLACK_BOT_TOKEN": BOT_TOKEN,
                "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_BASE_URL": sl.api_url})
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log_file:
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "adapters", "serve", "--port",
                                                    str(slack_port), env=env, stdout=log_file, stderr=log_file)
        try:
            await tg.wait_for("setWebhook", timeout=30)
            body = urlencode({"command": "/quote", "text": "NATO", "channel_id": "C1", "user_id": "U1",
                              "team_id": "T0001", "response_url": sl.response_url()})
            async with aiohttp.ClientSession() as session:
                hook = f"http://127.0.0.1:{hook_port}/telegram"
                update = {"update_id": 7, **private_message("/stats")}
                for _ in range(100):  # setWebhook may reach the stand-in before the port listens
                    try:
                        wrong = await session.post(hook, json=update,
                                                   headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"})
                        break
                    except aiohttp.ClientConnectionError:
                        await asyncio.sleep(0.1)
                assert wrong.status == 403
                assert (await session.post(hook, json=update,
                                           headers={"X-Telegram-Bot-Api-Secret-Token": webhook_secret})).status == 200
                for _ in range(100):  # the Slack listener starts alongside; wait for its port
                    try:
                        ok = await session.post(f"http://127.0.0.1:{slack_port}/slack/events", data=body, headers={
                            **sign(body), "Content-Type": "application/x-www-form-urlencoded"})
                        break
                    except aiohttp.ClientConnectionError:
                        await asyncio.sleep(0.1)
                assert ok.status == 200
                forged = await session.post(f"http://127.0.0.1:{slack_port}/slack/events", data=body, headers={
                    **sign(body, secret="not-the-secret"), "Content-Type": "application/x-www-form-urlencoded"})
                assert forged.status == 401
            await tg.wait_for("sendMessage", timeout=15)
            await sl.wait_for("response_url", timeout=15)
        finally:
            proc.send_signal(signal.SIGTERM)
            await asyncio.wait_for(proc.wait(), 20)
            await tg.stop()
            await sl.stop()
    log = log_path.read_text(errors="replace")
    assert " DEBUG " in log and "httpx" in log and "slack" in log  # a real DEBUG run of both adapters
    for secret in (tg_token, tg_token.split(":")[1], BOT_TOKEN, SIGNING_SECRET, webhook_secret):
        assert secret not in log, f"{secret} is logged: " + next(line for line in log.splitlines() if secret in line)


def test_the_redacting_filter_covers_arguments_and_tracebacks() -> None:
    import io
    import logging

    from adapters.logs import RedactingFilter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(["xoxb-very-secret", "wh-secret-value"]))
    logger = logging.getLogger("test.redact")
    logger.addHandler(handler)
    try:
        logger.warning("token %s and %s", "xoxb-very-secret", "/bot123456:AAH" + "x" * 33 + "/getMe")
        try:
            raise RuntimeError("failed with wh-secret-value")
        except RuntimeError:
            logger.exception("boom")
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert "xoxb-very-secret" not in text and "wh-secret-value" not in text and "AAHxxx" not in text
    assert "token [redacted] and /bot[redacted]/getMe" in text and "RuntimeError: failed with [redacted]" in text


def date_seed_for_todays_digest(path: Path) -> None:
    """Date the seed articles the day before the current 08:00 UTC digest's period: that day is what
    ``quotebot digest`` covers now (articles published the day before the slot)."""
    from datetime import date, timedelta

    from bot.scheduling.digest import current_period
    from bot.scheduling.schedule_store import DigestChannel

    period, _ = current_period(DigestChannel("telegram:0", "08:00", "UTC", (), True, None, 0), datetime.now(UTC))
    day = (date.fromisoformat(period) - timedelta(days=1)).isoformat()
    db = open_db(path)
    db.execute("UPDATE articles SET published = ?", [day])
    db.execute("UPDATE quotes SET published = ?", [day])
    db.conn.commit()
    db.close()


def test_digest_command_retries_a_refused_part_at_once_when_run_again(seed_db_path: Path,
                                                                      telegram_in_thread: TelegramStandIn,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", telegram_in_thread.token)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", telegram_in_thread.base_url)
    args = ["digest", "--channel", "telegram:111", "--db", str(seed_db_path)]
    date_seed_for_todays_digest(seed_db_path)
    telegram_in_thread.fail_next("sendMessage", 500, description="Internal Server Error")
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 1 and "not delivered" in first.output, first.output
    again = CliRunner().invoke(cli, args)  # a person at the keyboard: no backoff wait
    assert again.exit_code == 0 and "delivered (" in again.output, again.output
    assert len(telegram_in_thread.sent("sendPhoto")) == 1  # the chart went out once


def run_serve(env_extra: dict[str, str], *args: str) -> tuple[int, str, str]:
    """`quotebot serve` in its own process with only ``env_extra`` as settings: exit code, stdout, stderr."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "QUOTEBOT_"))}
    done = subprocess.run([sys.executable, "-m", "adapters", "serve", *args], env={**env, **env_extra},
                          capture_output=True, text=True, timeout=60, check=False)
    return done.returncode, done.stdout, done.stderr


TG_TOKEN = "123456:AAHdefghijklmnopqrstuvwxyz0123456789"


def test_webhook_mode_without_its_secret_is_refused_before_any_call_even_with_the_api_down(seed_db_path: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens: any call out would fail with a traceback
    code, out, err = run_serve({"TELEGRAM_BOT_TOKEN": TG_TOKEN, "TELEGRAM_API_BASE_URL": closed,
                                "TELEGRAM_WEBHOOK_URL": "https://bot.example.org"}, "--telegram", "--db",
                               str(seed_db_path))
    assert code == 1 and out == ""
    assert err.splitlines() == ["Error: TELEGRAM_WEBHOOK_SECRET is not set: webhook mode needs it (1-256 characters "
                                "A-Z a-z 0-9 _ -; Telegram sends it with every update)"]


@pytest.mark.parametrize("webhook", [False, True], ids=["polling", "webhook"])
def test_an_unreachable_bot_api_at_start_is_one_line_without_the_token(seed_db_path: Path, webhook: bool) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    env = {"TELEGRAM_BOT_TOKEN": TG_TOKEN, "TELEGRAM_API_BASE_URL": closed}
    if webhook:
        env.update(TELEGRAM_WEBHOOK_URL="https://bot.example.org", TELEGRAM_WEBHOOK_SECRET="wh-secret-0123456789")
    code, out, err = run_serve(env, "--telegram", "--db", str(seed_db_path))
    assert code == 1 and "Traceback" not in out + err
    assert [line for line in err.splitlines() if line.startswith("Error:")] == [
        f"Error: could not start Telegram: the Bot API at {closed} did not answer (httpx.ConnectError: All "
        "connection attempts failed); check the network (or TELEGRAM_API_BASE_URL) and start again"]
    log_line = re.compile(r"[0-9-]{10} [0-9:,]{12} (DEBUG|INFO|WARNING) [\w.]+: ")
    assert all(log_line.match(line) or line.startswith("Error:") for line in err.splitlines()), err  # no stack
    assert TG_TOKEN not in out + err and TG_TOKEN.split(":")[1] not in out + err


async def test_a_token_the_bot_api_refuses_is_one_line_without_the_token(seed_db_path: Path) -> None:
    from adapters.telegram import run_telegram

    standin = await TelegramStandIn().start()  # its token is not TG_TOKEN: getMe answers 401
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TG_TOKEN, "TELEGRAM_API_BASE_URL": standin.base_url})
    core = Core(seed_db_path, settings=settings)
    try:
        with pytest.raises(ConfigError, match="refused TELEGRAM_BOT_TOKEN") as info:
            await asyncio.wait_for(run_telegram(core, settings, asyncio.Event()), 15)
        assert TG_TOKEN not in str(info.value) and TG_TOKEN.split(":")[1] not in str(info.value)
    finally:
        core.close()
        await standin.stop()


async def test_every_setting_is_checked_before_either_adapter_calls_out(seed_db_path: Path) -> None:
    """Slack HTTP mode without its signing secret stops `serve` before Telegram makes its first call."""
    tg = await TelegramStandIn().start()
    settings = load_settings({"QUOTEBOT_DB": str(seed_db_path), "TELEGRAM_BOT_TOKEN": tg.token,
                              "TELEGRAM_API_BASE_URL": tg.base_url, "SLACK_BOT_TOKEN": BOT_TOKEN})
    try:
        with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET is not set"):
            await asyncio.wait_for(serve(settings, ServeOptions(telegram=True, slack=True, port=free_port())), 15)
        with pytest.raises(ConfigError, match="SLACK_APP_TOKEN is not set"):
            await asyncio.wait_for(serve(settings, ServeOptions(telegram=True, slack=True, slack_mode="socket")), 15)
        assert tg.calls == []
    finally:
        await tg.stop()


@pytest.mark.parametrize("slack", ["closed", "refusing"])
async def test_slack_socket_mode_that_cannot_connect_at_start_is_one_line(seed_db_path: Path, slack: str) -> None:
    from adapters.slack import run_slack
    from bot.errors import DeliveryError

    api = await SlackStandIn().start()
    if slack == "closed":
        await api.stop()
    api.refusals["apps.connections.open"] = [(200, "invalid_auth")]
    app_token = "xapp-1-A0-1-secretappvalue"
    settings = load_settings({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": app_token,
                              "SLACK_API_BASE_URL": api.api_url})
    core = Core(seed_db_path, settings=settings)
    try:
        with pytest.raises(DeliveryError, match="could not start Slack Socket Mode") as info:
            await asyncio.wait_for(run_slack(core, settings, mode="socket", stop=asyncio.Event()), 30)
        message = str(info.value)
        assert ("ClientConnectorError" if slack == "closed" else "invalid_auth") in message
        assert app_token not in message and BOT_TOKEN not in message and "\n" not in message
    finally:
        core.close()
        await api.stop()


async def test_a_port_already_taken_is_one_line_for_either_adapter(seed_db_path: Path) -> None:
    import socket

    from adapters.slack import run_slack
    from adapters.telegram import run_telegram

    tg = await TelegramStandIn().start()
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = int(taken.getsockname()[1])
    settings = load_settings({"TELEGRAM_BOT_TOKEN": tg.token, "TELEGRAM_API_BASE_URL": tg.base_url,
                              "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}", "TELEGRAM_WEBHOOK_PORT": str(port),
                              "TELEGRAM_WEBHOOK_SECRET": "wh-secret-0123456789", "SLACK_BOT_TOKEN": BOT_TOKEN,
                              "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                              "SLACK_API_BASE_URL": f"http://127.0.0.1:{free_port()}/api/"})
    core = Core(seed_db_path, settings=settings)
    try:
        with pytest.raises(ConfigError, match=f"cannot listen on 127.0.0.1:{port} for the Telegram webhook: "
                                              "Address already in use"):
            await asyncio.wait_for(run_telegram(core, settings, asyncio.Event()), 15)
        with pytest.raises(ConfigError, match=f"(?i)cannot listen on 127.0.0.1:{port} for Slack: .*already in use"):
            await asyncio.wait_for(run_slack(core, settings, port=port, stop=asyncio.Event()), 15)
    finally:
        taken.close()
        core.close()
        await tg.stop()


def test_serve_refuses_a_missing_corpus_and_creates_nothing(tmp_path: Path) -> None:
    """A mistyped --db stops serve in one line before any call out; no database or index is left behind."""
    missing = tmp_path / "typo.db"
    closed = f"http://127.0.0.1:{free_port()}"  # were serve to go on, it would fail here instead
    code, out, err = run_serve({"TELEGRAM_BOT_TOKEN": TG_TOKEN, "TELEGRAM_API_BASE_URL": closed},
                               "--telegram", "--db", str(missing))
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"Error: there is no corpus at {missing} — run quotebot ingest FILE --db {missing} "
                                "(or make demo, which builds demo.db)"]
    assert list(tmp_path.iterdir()) == []


def test_serve_starts_over_an_existing_empty_corpus(tmp_path: Path) -> None:
    """An empty corpus is served (feeds and watched folders fill it): serve gets past the corpus check."""
    empty = tmp_path / "empty.db"
    open_db(empty).close()
    closed = f"http://127.0.0.1:{free_port()}"
    code, _, err = run_serve({"TELEGRAM_BOT_TOKEN": TG_TOKEN, "TELEGRAM_API_BASE_URL": closed},
                             "--telegram", "--db", str(empty))
    assert code == 1 and "no corpus" not in err and f"the Bot API at {closed} did not answer" in err
