"""The real PTB Application against a local stand-in Bot API over HTTP (127.0.0.1)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from adapters.telegram import TelegramSender, build_application, run_telegram
from bot.config import load_settings
from bot.core import Core
from bot.errors import Blocked, ConfigError, RateLimited
from bot.reply import Reply

from .telegram_standin import TelegramStandIn, group_message, private_message

DATA = Path(__file__).resolve().parent / "data"
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote",
                "tg-spoiler", "span"}


class TagChecker(HTMLParser):
    """Telegram's HTML subset: only its tags, every one closed, properly nested."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED_TAGS, tag
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, tag

    def handle_data(self, data: str) -> None:
        self.text += data


def check_html(html: str) -> str:
    parser = TagChecker()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    return parser.text


def recorded(name: str) -> dict[str, Any]:
    update = json.loads((DATA / name).read_text())
    update.pop("update_id")
    return update


@pytest.fixture
async def standin() -> AsyncIterator[TelegramStandIn]:
    server = await TelegramStandIn().start()
    yield server
    await server.stop()


@pytest.fixture
async def running(standin: TelegramStandIn, seed_db_path: Path) -> AsyncIterator[TelegramStandIn]:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url})
    core = Core(seed_db_path, settings=settings)
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_telegram(core, settings, stop, poll_timeout=1, ready=ready))
    await asyncio.wait_for(ready.wait(), 10)
    yield standin
    standin.release()
    stop.set()
    await asyncio.wait_for(task, 15)
    core.close()


async def test_a_private_question_is_answered_with_putins_quote_in_valid_html(running: TelegramStandIn) -> None:
    running.push(recorded("telegram_private_who_nato.json"))
    [sent] = await running.wait_for("sendMessage")
    assert sent["parse_mode"] == "HTML" and sent["chat_id"] == 111
    text = check_html(sent["text"])
    assert "Vladimir Putin" in text and "NATO" in text and "<blockquote>" in sent["text"]
    assert "<b>Vladimir Putin</b>" in sent["text"]


async def test_commands_are_registered_in_the_menu(running: TelegramStandIn) -> None:
    [call] = running.sent("setMyCommands")
    names = {c["command"] for c in call["commands"]}
    assert {"quote", "who", "said", "verify", "context", "stats", "help"} <= names


async def test_a_group_command_addressed_to_this_bot_is_answered(running: TelegramStandIn) -> None:
    running.push(recorded("telegram_group_quote_nato.json"))
    [sent] = await running.wait_for("sendMessage")
    assert sent["chat_id"] == -1001234567890 and "NATO" in check_html(sent["text"])


async def test_a_command_for_another_bot_and_plain_group_chatter_are_ignored(running: TelegramStandIn) -> None:
    running.push(recorded("telegram_group_quote_otherbot.json"))
    running.push(group_message("what a day, NATO again"))
    running.push(group_message("/help"))  # a marker: answered, so everything before it was processed
    await running.wait_for("sendMessage")
    await asyncio.sleep(0.3)
    assert len(running.sent()) == 1 and "What I can do" in running.sent()[0]["text"]


async def test_a_mention_in_a_group_is_answered(running: TelegramStandIn) -> None:
    running.push(group_message("@quotebot_test_bot who said what about NATO?"))
    [sent] = await running.wait_for("sendMessage")
    assert "Vladimir Putin" in check_html(sent["text"])


async def test_an_edited_message_is_not_answered_twice(running: TelegramStandIn) -> None:
    running.push(recorded("telegram_private_who_nato.json"))
    running.push(recorded("telegram_edited_message.json"))
    running.push(private_message("/stats"))
    await running.wait_for("sendMessage", 2)
    await asyncio.sleep(0.3)
    assert len(running.sent()) == 2


async def test_more_pages_through_a_callback(running: TelegramStandIn) -> None:
    running.push(private_message("/said Putin"))
    [sent] = await running.wait_for("sendMessage")
    button = sent["reply_markup"]["inline_keyboard"][0][0]
    assert button["text"] == "More" and len(button["callback_data"].encode()) <= 64
    running.push({"callback_query": {"id": "cb1", "from": {"id": 111, "is_bot": False, "first_name": "Anna"},
                                     "chat_instance": "1", "data": button["callback_data"],
                                     "message": {"message_id": 1000, "date": 0, "text": "x",
                                                 "chat": {"id": 111, "type": "private"}}}})
    [edited] = await running.wait_for("editMessageText")
    await running.wait_for("answerCallbackQuery")
    assert edited["message_id"] == 1000 and "6–10" in check_html(edited["text"])


async def test_inline_query_offers_quote_results(running: TelegramStandIn) -> None:
    running.push(recorded("telegram_inline_query.json"))
    [answer] = await running.wait_for("answerInlineQuery")
    results = answer["results"]
    assert 0 < len(results) <= 50
    assert all(r["type"] == "article" for r in results)
    assert "NATO" in check_html(results[0]["input_message_content"]["message_text"])


async def test_a_429_with_retry_after_is_retried(running: TelegramStandIn) -> None:
    running.fail_next("sendMessage", 429, retry_after=1)
    running.push(private_message("/stats"))
    calls = await running.wait_for("sendMessage", 2, timeout=15)
    assert calls[0] == calls[1]  # the same message, sent again after the wait


async def test_a_forbidden_send_does_not_stop_the_bot(running: TelegramStandIn) -> None:
    running.fail_next("sendMessage", 403)
    running.push(private_message("/stats", user_id=333))
    await running.wait_for("sendMessage", 1)
    running.push(private_message("/stats"))
    calls = await running.wait_for("sendMessage", 2)
    assert calls[-1]["chat_id"] == 111


async def test_allowlist_refuses_other_chats_politely(standin: TelegramStandIn, seed_db_path: Path) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url,
                              "TELEGRAM_ALLOWED_CHATS": "111, @newsdesk"})
    core = Core(seed_db_path, settings=settings)
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_telegram(core, settings, stop, poll_timeout=1, ready=ready))
    await asyncio.wait_for(ready.wait(), 10)
    standin.push(private_message("/stats", user_id=999))
    standin.push(private_message("/stats", user_id=111))
    calls = await standin.wait_for("sendMessage", 2)
    standin.release()
    stop.set()
    await asyncio.wait_for(task, 15)
    core.close()
    by_chat = {c["chat_id"]: c["text"] for c in calls}
    assert "only available" in by_chat[999] and "articles" in by_chat[111]


async def test_sender_maps_platform_refusals(standin: TelegramStandIn, seed_db_path: Path) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url})
    core = Core(seed_db_path, settings=settings)
    app = build_application(core, settings)
    app.bot._rate_limiter = None  # the sender must see the raw refusal to report it
    async with app:
        sender = TelegramSender(app.bot)
        assert await sender.send("111", Reply(text="hello"))
        standin.fail_next("sendMessage", 403)
        with pytest.raises(Blocked):
            await sender.send("111", Reply(text="hello"))
        standin.fail_next("sendMessage", 429, retry_after=7)
        with pytest.raises(RateLimited) as info:
            await sender.send("111", Reply(text="hello"))
        assert info.value.retry_after == 7
    core.close()


def test_a_missing_token_is_a_clear_error(seed_db_path: Path) -> None:
    core = Core(seed_db_path)
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        build_application(core, load_settings({}))
    core.close()


async def test_group_settings_commands_answer_only_administrators(running: TelegramStandIn) -> None:
    running.admins.add(222)
    running.push(group_message("/digest on 08:00 Europe/Moscow", user_id=333))  # a member
    running.push(group_message("@quotebot_test_bot /digest off", user_id=333))  # a member, via a mention
    running.push(group_message("/digest on 08:00 Europe/Moscow", user_id=222))  # an administrator
    sent = await running.wait_for("sendMessage", 3)
    texts = [check_html(m["text"]) for m in sent]
    assert "Only this chat's administrators" in texts[0] and "Only this chat's administrators" in texts[1]
    assert "Daily digest on: every day at 08:00 Europe/Moscow" in texts[2]


async def test_webhook_mode_checks_the_secret_token(standin: TelegramStandIn, seed_db_path: Path) -> None:
    import aiohttp

    from .standin_base import free_port

    port = free_port()
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url,
                              "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}", "TELEGRAM_WEBHOOK_PORT": str(port),
                              "TELEGRAM_WEBHOOK_SECRET": "s3cret-token"})
    core = Core(seed_db_path, settings=settings)
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_telegram(core, settings, stop, ready=ready))
    await asyncio.wait_for(ready.wait(), 10)
    try:
        [hook] = standin.sent("setWebhook")
        assert hook["url"] == f"http://127.0.0.1:{port}/telegram" and hook["secret_token"] == "s3cret-token"
        update = {"update_id": 99, **private_message("/stats")}
        async with aiohttp.ClientSession() as session:
            forged = await session.post(f"http://127.0.0.1:{port}/telegram", json=update,
                                        headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"})
            assert forged.status == 403
            ok = await session.post(f"http://127.0.0.1:{port}/telegram", json=update,
                                    headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"})
            assert ok.status == 200
        [sent] = await standin.wait_for("sendMessage")
        assert "articles" in check_html(sent["text"])
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        core.close()


@pytest.fixture
async def allowlisted(standin: TelegramStandIn, seed_db_path: Path) -> AsyncIterator[TelegramStandIn]:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url,
                              "TELEGRAM_ALLOWED_CHATS": "111"})
    core = Core(seed_db_path, settings=settings)
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_telegram(core, settings, stop, poll_timeout=1, ready=ready))
    await asyncio.wait_for(ready.wait(), 10)
    yield standin
    standin.release()
    stop.set()
    await asyncio.wait_for(task, 15)
    core.close()


def inline_query(user_id: int, query: str = "NATO") -> dict[str, Any]:
    update = recorded("telegram_inline_query.json")
    update["inline_query"] = {**update["inline_query"], "id": f"iq{user_id}",
                              "from": {**update["inline_query"]["from"], "id": user_id}, "query": query}
    return update


async def test_the_allowlist_covers_inline_queries_by_user(allowlisted: TelegramStandIn) -> None:
    allowlisted.push(inline_query(999))
    allowlisted.push(inline_query(111))
    answers = await allowlisted.wait_for("answerInlineQuery", 2)
    by_id = {a["inline_query_id"]: a["results"] for a in answers}
    assert by_id["iq999"] == [] and len(by_id["iq111"]) > 0


async def test_the_allowlist_covers_callbacks_on_inline_messages(allowlisted: TelegramStandIn) -> None:
    # A real "More" token, from an allowed user's answer, pressed by a stranger on an inline message.
    allowlisted.push(private_message("/said Putin"))
    [sent] = await allowlisted.wait_for("sendMessage")
    data = sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    allowlisted.push({"callback_query": {"id": "cb9", "from": {"id": 999, "is_bot": False, "first_name": "Eve"},
                                         "chat_instance": "9", "inline_message_id": "AAAA-inline", "data": data}})
    [answer] = await allowlisted.wait_for("answerCallbackQuery")
    await asyncio.sleep(0.3)
    assert "not enabled" in answer.get("text", "")
    assert allowlisted.sent("editMessageText") == [] and len(allowlisted.sent()) == 1


async def test_webhook_mode_refuses_to_start_without_a_secret(standin: TelegramStandIn, seed_db_path: Path) -> None:
    from .standin_base import free_port

    port = free_port()
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url,
                              "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}", "TELEGRAM_WEBHOOK_PORT": str(port)})
    core = Core(seed_db_path, settings=settings)
    try:
        with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
            await asyncio.wait_for(run_telegram(core, settings, asyncio.Event()), 10)
        assert standin.sent("setWebhook") == [] and standin.sent("getUpdates") == []
    finally:
        core.close()


async def test_the_webhook_server_binds_127_0_0_1_unless_told_otherwise(standin: TelegramStandIn,
                                                                      seed_db_path: Path) -> None:
    import aiohttp

    from .standin_base import free_port

    for host, reachable, unreachable in ((None, "127.0.0.1", "127.0.0.2"), ("127.0.0.2", "127.0.0.2", "127.0.0.1")):
        port = free_port()
        env = {"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url,
               "TELEGRAM_WEBHOOK_URL": f"http://{reachable}:{port}", "TELEGRAM_WEBHOOK_PORT": str(port),
               "TELEGRAM_WEBHOOK_SECRET": "s3cret-token", **({"QUOTEBOT_HOST": host} if host else {})}
        settings = load_settings(env)
        core = Core(seed_db_path, settings=settings)
        stop, ready = asyncio.Event(), asyncio.Event()
        task = asyncio.create_task(run_telegram(core, settings, stop, ready=ready))
        await asyncio.wait_for(ready.wait(), 10)
        try:
            async with aiohttp.ClientSession() as session:
                answered = await session.post(f"http://{reachable}:{port}/telegram", json={"update_id": 1},
                                              headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"})
                assert answered.status == 403
                with pytest.raises(aiohttp.ClientConnectionError):
                    await session.post(f"http://{unreachable}:{port}/telegram", json={"update_id": 1})
        finally:
            stop.set()
            await asyncio.wait_for(task, 15)
            core.close()


def press(data: str, *, chat_id: int, user_id: int, message_id: int = 1000, cb: str = "cb") -> dict[str, Any]:
    chat = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}
    return {"callback_query": {"id": cb, "from": {"id": user_id, "is_bot": False, "first_name": "U"},
                               "chat_instance": str(chat_id), "data": data,
                               "message": {"message_id": message_id, "date": 0, "text": "x", "chat": chat}}}


async def test_a_button_answers_only_in_the_chat_it_was_issued_to(running: TelegramStandIn) -> None:
    running.push(private_message("/said Putin"))
    [sent] = await running.wait_for("sendMessage")
    data = sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    running.push(press(data, chat_id=333, user_id=333, cb="elsewhere"))  # the same token, another chat
    [_, other] = await running.wait_for("sendMessage", 2)
    assert other["chat_id"] == 333 and "Vladimir Putin" not in other["text"]
    assert "another chat" in check_html(other["text"])
    running.push(press(data, chat_id=111, user_id=111, cb="home"))
    [edited] = await running.wait_for("editMessageText")
    assert "6–10" in check_html(edited["text"])


async def test_a_button_older_than_its_ttl_has_expired(running: TelegramStandIn, seed_db_path: Path) -> None:
    import sqlite3
    from datetime import UTC, datetime, timedelta

    running.push(private_message("/said Putin"))
    [sent] = await running.wait_for("sendMessage")
    data = sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    token = data.split(":", 1)[1]
    db = sqlite3.connect(seed_db_path)
    aged = (datetime.now(UTC) - timedelta(days=7, minutes=1)).isoformat()
    assert db.execute("UPDATE bot_actions SET created_at = ? WHERE token = ?", [aged, token]).rowcount == 1
    db.commit()
    db.close()
    running.push(press(data, chat_id=111, user_id=111))
    [_, expired] = await running.wait_for("sendMessage", 2)
    assert "expired" in check_html(expired["text"]) and running.sent("editMessageText") == []


async def test_long_titles_and_urls_never_break_a_sent_message(standin: TelegramStandIn) -> None:
    """Every message the sender posts parses as Telegram HTML within 4,096 UTF-16 units (the stand-in
    refuses, as Telegram does, anything that does not)."""
    from telegram import Bot

    from adapters.telegram.render import MAX_UNITS, utf16_len
    from bot.reply import QuoteCard

    cards = tuple(QuoteCard(id=i, text="We will respond & act 🙂 " * 20, speaker="Sergey Lavrov",
                            published="2021-11-19", source="TASS", title="Very long <title> 🙂 " * (200 * i + 1),
                            url="https://example.org/" + "a&b=c/" * (1000 * i + 1)) for i in range(4))
    bot = Bot(standin.token, base_url=f"{standin.base_url}/bot")
    async with bot:
        ids = await TelegramSender(bot).send("111", Reply(title="Digest", text="para " * 1500, cards=cards))
    sent = standin.sent()
    assert len(ids) == len(sent) >= 2
    for message in sent:
        assert utf16_len(message["text"]) <= MAX_UNITS
        check_html(message["text"])
    shown = "".join(check_html(m["text"]) for m in sent)
    assert shown.count("Sergey Lavrov") == 4 and shown.count("We will respond") == 80


async def test_a_cards_context_is_an_inline_button(running: TelegramStandIn) -> None:
    running.push(private_message("/said Putin"))
    [sent] = await running.wait_for("sendMessage")
    buttons = [b for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    context = [b for b in buttons if b["text"].startswith("Context #")]
    assert len(context) == 5 and "/context" not in check_html(sent["text"])
    running.push({"callback_query": {"id": "cb2", "from": {"id": 111, "is_bot": False, "first_name": "Anna"},
                                     "chat_instance": "1", "data": context[0]["callback_data"],
                                     "message": {"message_id": 1000, "date": 0, "text": "x",
                                                 "chat": {"id": 111, "type": "private"}}}})
    answers = await running.wait_for("sendMessage", 2)
    assert "Context of #" + context[0]["text"].split("#")[1] in check_html(answers[1]["text"])


def chat_message(text: str, *, chat: dict[str, Any], user_id: int, username: str) -> dict[str, Any]:
    """A message in ``chat`` from a user with ``username``."""
    update = private_message(text, user_id=user_id)
    update["message"]["chat"] = chat
    update["message"]["from"] = {**update["message"]["from"], "username": username}
    return update


async def test_the_allowlist_takes_at_usernames_of_chats_and_users(standin: TelegramStandIn,
                                                                   seed_db_path: Path) -> None:
    """README: TELEGRAM_ALLOWED_CHATS takes "@usernames" (any case): a public group or channel by its
    username, a private chat by the user's; a chat is judged by the chat, not by who writes in it."""
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url,
                              "TELEGRAM_ALLOWED_CHATS": "@NewsDesk, @anna_reporter"})
    core = Core(seed_db_path, settings=settings)
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_telegram(core, settings, stop, poll_timeout=1, ready=ready))
    await asyncio.wait_for(ready.wait(), 10)
    try:
        group = {"type": "supergroup", "title": "Desk"}
        standin.push(chat_message("/stats", chat={**group, "id": -1001, "username": "newsdesk"},
                                  user_id=501, username="eve"))
        standin.push(chat_message("/stats", chat={**group, "id": -1002, "username": "otherdesk"},
                                  user_id=502, username="anna_reporter"))
        standin.push(chat_message("/stats", chat={**group, "id": -1003}, user_id=503, username="anna_reporter"))
        standin.push(chat_message("/stats", chat={"id": 504, "type": "private", "username": "anna_reporter"},
                                  user_id=504, username="anna_reporter"))
        standin.push(chat_message("/stats", chat={"id": 505, "type": "private", "username": "eve"},
                                  user_id=505, username="eve"))
        standin.push(inline_query(506))  # the recorded inline query's user is @anna_reporter
        eve = inline_query(507)
        eve["inline_query"]["from"]["username"] = "eve"
        standin.push(eve)
        answered = await standin.wait_for("sendMessage", 5)
        inline = {a["inline_query_id"]: a["results"] for a in await standin.wait_for("answerInlineQuery", 2)}
    finally:
        standin.release()
        stop.set()
        await asyncio.wait_for(task, 15)
        core.close()
    by_chat = {m["chat_id"]: check_html(m["text"]) for m in answered}
    assert "articles" in by_chat[-1001] and "articles" in by_chat[504]
    for refused in (-1002, -1003, 505):
        assert by_chat[refused] == "Sorry — this bot is only available to its newsroom's chats."
    assert len(inline["iq506"]) > 0 and inline["iq507"] == []


async def test_an_unexpected_error_is_logged_with_its_traceback_and_the_user_gets_one_apology(
        running: TelegramStandIn, caplog: pytest.LogCaptureFixture) -> None:
    """README: any error other than a block or a rate limit is logged with its traceback and the user
    gets one short apology. Here Telegram refuses the answer itself (a 400 the bot did not expect)."""
    import logging

    caplog.set_level(logging.INFO)
    running.fail_next("sendMessage", 400, description="Bad Request: something unexpected")
    running.push(private_message("/stats"))
    [refused, apology] = await running.wait_for("sendMessage", 2)
    assert "articles" in refused["text"] and apology["chat_id"] == 111
    assert apology["text"] == "Sorry — something went wrong on my side. Please try again."
    await asyncio.sleep(0.3)
    assert len(running.sent()) == 2  # one apology, not a loop of them
    [logged] = [r for r in caplog.records if r.getMessage() == "error while handling an update"]
    assert logged.exc_info is not None and "something unexpected" in str(logged.exc_info[1]).lower()
