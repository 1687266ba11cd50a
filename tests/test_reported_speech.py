"""Reported speech is never rendered as a quotation, and questions are marked, on every surface:
console text, JSON, Telegram messages, Telegram inline results, Slack blocks and the digest (issue 12)."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import cli
from adapters.console import render_json, render_text
from adapters.slack.render import render as slack_render
from adapters.telegram import run_telegram
from adapters.telegram.render import render as telegram_render
from bot.config import load_settings
from bot.core import Core
from bot.reply import PARAPHRASE_LABEL, Reply, Request
from bot.scheduling.digest import build_digest
from bot.scheduling.schedule_store import DigestChannel
from corpus.store import open_db

from .corpus_builder import Q, build
from .telegram_standin import TelegramStandIn

REPORTED = "the alliance's plans to expand towards the east were a threat to the country's security"
DIRECT = "We will never accept new bases of the alliance near our borders, and everyone knows why."
QUESTION = "Will the alliance expand again next year, in your view, Mr Petrov?"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return build(tmp_path / "speech.db", [
        Q("Ivan Petrov", REPORTED, "2023-05-02", kind="indirect"),
        Q("Ivan Petrov", DIRECT, "2023-05-02", kind="direct"),
        Q("Jane Reporter", QUESTION, "2023-05-02", kind="question"),
    ])


def _ask(db: Path, text: str) -> Reply:
    core = Core(db)
    try:
        return core.handle(Request(text, page_size=10))
    finally:
        core.close()


def _quoted_spans(text: str) -> list[str]:
    return re.findall(r"“([^”]*)”", text)


def test_console_text_shows_reported_speech_as_a_labelled_sentence(corpus: Path) -> None:
    reply = _ask(corpus, "/quote alliance")
    assert {c.kind for c in reply.cards} == {"indirect", "direct", "question"}
    text = render_text(reply)
    assert f"Ivan Petrov said that {REPORTED}" in text
    assert f"[{PARAPHRASE_LABEL}]" in text
    assert not any(REPORTED[:30] in q for q in _quoted_spans(text))  # never inside quote marks
    assert f"“{DIRECT}”" in text  # direct speech stays a quotation
    assert f"[Question]\n“{QUESTION}”" in text


def test_json_says_what_is_a_quotation(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "--json", "--db", str(corpus), "/quote alliance"])
    assert result.exit_code == 0, result.output
    by_kind = {q["kind"]: q for q in json.loads(result.output)["quotes"]}
    assert by_kind["indirect"]["is_quotation"] is False
    assert by_kind["indirect"]["label"] == PARAPHRASE_LABEL
    assert by_kind["indirect"]["display"] == f"Ivan Petrov said that {REPORTED}"
    assert by_kind["direct"]["is_quotation"] is True and by_kind["direct"]["label"] is None
    assert by_kind["question"]["label"] == "Question"
    assert render_json(_ask(corpus, "/quote alliance"))["quotes"][0]["display"]


def _blockquotes(html: str) -> list[str]:
    return re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S)


def test_telegram_messages_never_blockquote_reported_speech(corpus: Path) -> None:
    html = "\n".join(m.html for m in telegram_render(_ask(corpus, "/quote alliance")))
    quoted = " ".join(_blockquotes(html))
    assert "plans to" not in quoted and "never accept" in quoted and "expand again" in quoted
    assert "<i>Paraphrase: reported speech" in html and "Ivan Petrov said that" in html
    assert "<i>Question</i>" in html


def test_slack_blocks_never_quote_reported_speech(corpus: Path) -> None:
    payload = slack_render(_ask(corpus, "/quote alliance"))
    sections = [b["text"]["text"] for b in payload["blocks"] if b["type"] == "section"]
    reported = [s for s in sections if "plans to" in s]
    assert reported and all(not line.startswith(">") for s in reported for line in s.splitlines())
    assert any(s.startswith("_Paraphrase") for s in reported)
    assert any(line.startswith("> ") and "never accept" in line for s in sections for line in s.splitlines())


def test_the_digest_renders_reported_speech_as_paraphrase(tmp_path: Path) -> None:
    db = open_db(build(tmp_path / "d.db", [Q("Ivan Petrov", REPORTED, "2023-05-02", kind="indirect"),
                                           Q("Jane Reporter", QUESTION, "2023-05-02", kind="question")]))
    channel = DigestChannel("telegram:1", "08:00", "UTC", (), True, None, 0)
    reply, _ = build_digest(db, channel, "2023-05-03")  # covers the articles published on 2023-05-02
    db.close()
    assert any(c.kind == "indirect" for c in reply.cards)
    html = "\n".join(m.html for m in telegram_render(reply))
    assert "plans to" not in " ".join(_blockquotes(html)) and "said that" in html
    assert "plans to" not in " ".join(_quoted_spans(render_text(reply)))


@pytest.fixture
async def telegram(corpus: Path) -> AsyncIterator[TelegramStandIn]:
    standin = await TelegramStandIn().start()
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url})
    core = Core(corpus, settings=settings)
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_telegram(core, settings, stop, poll_timeout=1, ready=ready))
    await asyncio.wait_for(ready.wait(), 10)
    yield standin
    standin.release()
    stop.set()
    await asyncio.wait_for(task, 15)
    core.close()
    await standin.stop()


async def test_telegram_inline_results_mark_paraphrase(telegram: TelegramStandIn) -> None:
    update = json.loads((Path(__file__).parent / "data" / "telegram_inline_query.json").read_text())
    update.pop("update_id")
    update["inline_query"]["query"] = "alliance"
    telegram.push(update)
    [answer] = await telegram.wait_for("answerInlineQuery")
    results = {r["description"].split(":")[0]: r for r in answer["results"]}
    paraphrase = results["Paraphrase"]
    assert paraphrase["description"].startswith(f"Paraphrase: Ivan Petrov said that {REPORTED[:20]}")
    assert paraphrase["title"].endswith("· paraphrase")
    assert "<blockquote>" not in paraphrase["input_message_content"]["message_text"]
    assert "Question" in results
