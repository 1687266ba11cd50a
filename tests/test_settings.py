"""Settings are refused at start-up, in one line naming the variable and what it allows, and the ones
that shape answers really do shape them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import cli
from adapters.telegram import run_telegram
from bot.config import SETTINGS, load_settings
from bot.core import Core
from bot.errors import ConfigError

from .telegram_standin import TelegramStandIn, private_message

BAD = [
    ({"QUOTEBOT_LOG_LEVEL": "LOUD"},
     "QUOTEBOT_LOG_LEVEL='LOUD' is not allowed: use one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
    ({"QUOTEBOT_PAGE_SIZE": "20"}, "QUOTEBOT_PAGE_SIZE='20' is out of range: use 1 to 10"),
    ({"QUOTEBOT_PAGE_SIZE": "0"}, "QUOTEBOT_PAGE_SIZE='0' is out of range: use 1 to 10"),
    ({"QUOTEBOT_PAGE_SIZE": "-1"}, "QUOTEBOT_PAGE_SIZE='-1' is out of range: use 1 to 10"),
    ({"QUOTEBOT_PAGE_SIZE": "abc"}, "QUOTEBOT_PAGE_SIZE='abc' is not a valid int"),
    ({"QUOTEBOT_QUERY_TIMEOUT_MS": "0"}, "QUOTEBOT_QUERY_TIMEOUT_MS='0' is out of range: use 1 or more"),
    ({"QUOTEBOT_FILE_RESIDENT_MB": "-1"}, "QUOTEBOT_FILE_RESIDENT_MB='-1' is out of range: use 0 or more"),
    ({"TELEGRAM_WEBHOOK_PORT": "70000"}, "TELEGRAM_WEBHOOK_PORT='70000' is out of range: use 1 to 65535"),
    ({"TELEGRAM_WEBHOOK_SECRET": "my webhook secret!"},
     "TELEGRAM_WEBHOOK_SECRET (its value not shown) is not allowed: use 1-256 characters A-Z a-z 0-9 _ - "
     "(Telegram's rule)"),
]


@pytest.mark.parametrize(("env", "message"), BAD, ids=[next(iter(e)) + "=" + next(iter(e.values())) for e, _ in BAD])
@pytest.mark.parametrize("command", [["stats"], ["digest", "--channel", "telegram:1", "--dry-run"], ["serve"]])
def test_a_bad_setting_is_one_line_before_anything_runs(seed_db_path: Path, env: dict[str, str], message: str,
                                                        command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--db", str(seed_db_path)], env=env)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # handled, not a crash
    assert result.output.splitlines() == [f"Error: {message}"]


def test_every_setting_with_a_range_or_a_closed_set_declares_it() -> None:
    for setting in SETTINGS:
        if setting.kind is int:
            assert setting.minimum is not None, f"{setting.name} has no range"
    assert load_settings({"QUOTEBOT_LOG_LEVEL": "debug"})["QUOTEBOT_LOG_LEVEL"] == "DEBUG"
    assert load_settings({"QUOTEBOT_PAGE_SIZE": "10"})["QUOTEBOT_PAGE_SIZE"] == 10
    with pytest.raises(ConfigError, match="QUOTEBOT_PAGE_SIZE='11' is out of range"):
        load_settings({"QUOTEBOT_PAGE_SIZE": "11"})


@pytest.mark.parametrize("size", [2, 7])
async def test_the_page_size_setting_sets_the_cards_per_answer(seed_db_path: Path, size: int) -> None:
    """Through the Telegram front door: `/said Putin` shows QUOTEBOT_PAGE_SIZE quotes, and "More" the next ones."""
    standin = await TelegramStandIn().start()
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url,
                              "QUOTEBOT_PAGE_SIZE": str(size)})
    core = Core(seed_db_path, settings=settings)
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_telegram(core, settings, stop, poll_timeout=1, ready=ready))
    try:
        await asyncio.wait_for(ready.wait(), 10)
        standin.push(private_message("/said Putin"))
        [sent] = await standin.wait_for("sendMessage")
        assert sent["text"].count("<blockquote>") == size
        assert f"1–{size} of" in sent["text"]
    finally:
        standin.release()
        stop.set()
        await asyncio.wait_for(task, 15)
        core.close()
        await standin.stop()
