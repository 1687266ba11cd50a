"""A local stand-in for the Telegram Bot API, over real HTTP on 127.0.0.1.

It implements the methods quotebot uses (getMe, deleteWebhook, getUpdates with long poll and
offset, sendMessage, editMessageText, answerCallbackQuery, answerInlineQuery, setMyCommands,
getChatMember), records every call, and can be told to fail the next call of a method with a
429 (retry_after) or a 403 (Forbidden), as Telegram does. HTML messages are parsed as Telegram
parses them: a tag cut open, or over 4,096 UTF-16 units of text, is a 400.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

from .standin_base import poll_until, serve_local

BOT_USERNAME = "quotebot_test_bot"
BOT_ID = 4242
HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote",
             "tg-spoiler", "span"}


class _EntityParser(HTMLParser):
    """Telegram's HTML parse mode, as strict as Telegram: known tags, properly nested and closed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text = ""
        self.error = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.error = self.error or f"Unsupported start tag \"{tag}\""
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.error = self.error or f"Unmatched end tag \"{tag}\""

    def handle_data(self, data: str) -> None:
        self.text += data


def html_refusal(text: str) -> str | None:
    """Telegram's refusal of an HTML message (unparseable, or over 4,096 UTF-16 units once parsed)."""
    parser = _EntityParser()
    parser.feed(text)
    parser.close()
    if parser.error or parser.stack or parser.rawdata:
        return f"Bad Request: can't parse entities: {parser.error or 'unclosed tag'}"
    if len(parser.text.encode("utf-16-le")) // 2 > 4096:
        return "Bad Request: message is too long"
    return None


@dataclass
class Call:
    method: str
    params: dict[str, Any]


@dataclass
class TelegramStandIn:
    token: str = "4242:TEST-TOKEN"
    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[str, list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)
    passes: dict[str, int] = field(default_factory=dict)  # calls of a method let through before its failures
    delays: dict[str, list[tuple[int, float]]] = field(default_factory=dict)  # (calls to let by, seconds)
    holds: dict[int, asyncio.Event] = field(default_factory=dict)  # chat id -> sends wait for this event
    admins: set[int] = field(default_factory=set)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1000))
    _update_ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _new_update: asyncio.Event = field(default_factory=asyncio.Event)
    _released: bool = False
    _runner: web.AppRunner | None = None
    port: int = 0

    # -- control -----------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def push(self, update: dict[str, Any]) -> int:
        """Queue an update (its update_id is assigned here) for the bot's next getUpdates."""
        update = {**update, "update_id": next(self._update_ids)}
        self.updates.append(update)
        self._new_update.set()
        return int(update["update_id"])

    def release(self) -> None:
        """Answer the pending long poll now and every later one at once: the bot is about to stop, and
        its updater waits for the getUpdates in flight (a second per test otherwise)."""
        self._released = True
        self._new_update.set()

    def fail_next(self, method: str, status: int, *, retry_after: int | None = None,
                  description: str | None = None, after: int = 0) -> None:
        """Fail a coming call of ``method`` (after letting ``after`` calls through) as Telegram would."""
        if after:
            self.passes[method] = after
        body: dict[str, Any] = {"ok": False, "error_code": status,
                                "description": description or {429: f"Too Many Requests: retry after {retry_after}",
                                                               403: "Forbidden: bot was blocked by the user"}.get(
                                    status, "Bad Request")}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        self.failures.setdefault(method, []).append((status, body))

    def delay_next(self, method: str, seconds: float, *, after: int = 0) -> None:
        """Accept a coming call of ``method`` but answer it only after ``seconds`` (a slow Bot API)."""
        self.delays.setdefault(method, []).append((after, seconds))

    def hold(self, chat_id: int) -> asyncio.Event:
        """Sends to ``chat_id`` wait (accepted, unanswered) until the returned event is set."""
        self.holds[chat_id] = asyncio.Event()
        return self.holds[chat_id]

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """The calls of ``method`` once ``count`` have arrived."""
        return await poll_until(lambda: self.sent(method), count, timeout,
                                lambda: f"{method}; calls so far: {[c.method for c in self.calls]}")

    # -- server ------------------------------------------------------------------------------
    async def start(self) -> TelegramStandIn:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        self._runner, self.port = await serve_local(app)
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        form = await request.post()
        out: dict[str, Any] = {}
        for key, value in form.items():
            try:
                out[key] = json.loads(str(value))
            except json.JSONDecodeError:
                out[key] = str(value)
        return out

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls.append(Call(method, params))
        if self.passes.get(method):
            self.passes[method] -= 1
        elif self.failures.get(method):
            status, body = self.failures[method].pop(0)
            return web.json_response(body, status=status)
        if self.delays.get(method):
            after, seconds = self.delays[method][0]
            if after:
                self.delays[method][0] = (after - 1, seconds)
            else:
                self.delays[method].pop(0)
                await asyncio.sleep(seconds)
        chat = str(params.get("chat_id", ""))
        if method.startswith("send") and chat.lstrip("-").isdigit() and int(chat) in self.holds:
            await self.holds[int(chat)].wait()
        if method in ("sendMessage", "editMessageText") and params.get("parse_mode") == "HTML":
            refusal = html_refusal(str(params.get("text", "")))
            if refusal:
                return web.json_response({"ok": False, "error_code": 400, "description": refusal}, status=400)
        handler = getattr(self, f"_m_{method}", None)
        result = await handler(params) if handler else True
        return web.json_response({"ok": True, "result": result})

    async def _m_getMe(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Quotebot", "username": BOT_USERNAME,
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}

    async def _m_getUpdates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(p.get("offset") or 0)
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if not self.updates and not self._released:
            self._new_update.clear()
            timeout = min(float(p.get("timeout") or 0), 2.0)  # long poll, bounded for tests
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout)
            except TimeoutError:
                return []
        return [u for u in self.updates if u["update_id"] >= offset][: int(p.get("limit") or 100)]

    def _message(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = p.get("chat_id")
        return {"message_id": int(p.get("message_id") or next(self._ids)), "date": int(time.time()),
                "chat": {"id": int(chat_id) if str(chat_id).lstrip("-").isdigit() else 1,
                         "type": "private" if str(chat_id).lstrip("-") == str(chat_id) else "group"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Quotebot", "username": BOT_USERNAME},
                "text": p.get("text", "")}

    async def _m_sendMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._message(p)

    async def _m_editMessageText(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._message(p)

    async def _m_sendPhoto(self, p: dict[str, Any]) -> dict[str, Any]:
        message = self._message(p)
        message["photo"] = [{"file_id": "AgAD-photo", "file_unique_id": "photo1", "width": 600, "height": 300}]
        return message

    async def _m_getChatMember(self, p: dict[str, Any]) -> dict[str, Any]:
        uid = int(p["user_id"])
        status = "administrator" if uid in self.admins else "member"
        member: dict[str, Any] = {"status": status, "user": {"id": uid, "is_bot": False, "first_name": "U"}}
        if status == "administrator":
            member.update({k: True for k in (
                "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
                "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users",
                "can_post_stories", "can_edit_stories", "can_delete_stories")})
        return member


def private_message(text: str, *, user_id: int = 111, message_id: int = 1) -> dict[str, Any]:
    user = {"id": user_id, "is_bot": False, "first_name": "Anna", "username": "anna_reporter", "language_code": "en"}
    msg: dict[str, Any] = {"message_id": message_id, "from": user, "date": int(time.time()),
                           "chat": {"id": user_id, "first_name": "Anna", "username": "anna_reporter",
                                    "type": "private"}, "text": text}
    if text.startswith("/"):
        msg["entities"] = [{"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}]
    return {"message": msg}


def group_message(text: str, *, chat_id: int = -100555, user_id: int = 222, message_id: int = 1) -> dict[str, Any]:
    user = {"id": user_id, "is_bot": False, "first_name": "Boris", "username": "boris_desk"}
    msg: dict[str, Any] = {"message_id": message_id, "from": user, "date": int(time.time()),
                           "chat": {"id": chat_id, "title": "Newsdesk", "type": "supergroup"}, "text": text}
    entities = []
    if text.startswith("/"):
        entities.append({"offset": 0, "length": len(text.split()[0]), "type": "bot_command"})
    at = text.find("@" + BOT_USERNAME)
    if at >= 0 and not text.startswith("/"):
        entities.append({"offset": at, "length": len(BOT_USERNAME) + 1, "type": "mention"})
    if entities:
        msg["entities"] = entities
    return {"message": msg}
