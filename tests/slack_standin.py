"""A local stand-in for Slack's Web API and response_url receiver, over real HTTP on 127.0.0.1.

Implements auth.test, chat.postMessage, chat.update, chat.postEphemeral; records each call and
each response_url post; can be told to answer the next call of a method with 429 + Retry-After, or
to refuse coming calls of a method (or response_url posts) with a status and a Slack error code.
Socket Mode: apps.connections.open hands out a WebSocket on the same port, which says hello and
delivers envelopes (:meth:`SlackStandIn.send_envelope`); the app's acks are recorded.
Also signs request bodies as Slack does (v0 HMAC-SHA256 of ``v0:{timestamp}:{body}``).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

from .standin_base import poll_until, serve_local

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-test-token"


def sign(body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class SlackStandIn:
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)
    rate_limit_next: dict[str, int] = field(default_factory=dict)
    delay_next: dict[str, float] = field(default_factory=dict)  # method -> seconds before its next answer
    # method (or "response_url") -> answers to give its coming calls instead: (HTTP status, Slack error code)
    refusals: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    uploads: list[bytes] = field(default_factory=list)
    sockets: list[web.WebSocketResponse] = field(default_factory=list)  # Socket Mode connections
    acks: list[dict[str, Any]] = field(default_factory=list)  # what the app sent back over them
    port: int = 0
    _runner: web.AppRunner | None = None
    _ts: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "1") -> str:
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    def sent(self, method: str = "chat.postMessage") -> list[dict[str, Any]]:
        return [p for m, p in self.calls if m == method]

    async def wait_for(self, what: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """The calls of a Web API method (or the response_url posts) once ``count`` have arrived."""
        return await poll_until(lambda: self.responses if what == "response_url" else self.sent(what), count,
                                timeout, lambda: f"{what}; calls so far: {[m for m, _ in self.calls]}")

    async def start(self) -> SlackStandIn:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/socket", self._socket)
        self._runner, self.port = await serve_local(app)
        return self

    async def stop(self) -> None:
        for ws in list(self.sockets):
            await ws.close()
        if self._runner:
            await self._runner.cleanup()

    async def send_envelope(self, kind: str, payload: dict[str, Any], envelope_id: str = "env-1") -> None:
        """Socket Mode: deliver ``payload`` as Slack does, over the app's open WebSocket."""
        await poll_until(lambda: self.sockets, 1, 10.0, lambda: "no Socket Mode connection")
        await self.sockets[-1].send_json({"envelope_id": envelope_id, "type": kind, "payload": payload,
                                          "accepts_response_payload": kind != "events_api"})

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0QUOTEBOT"},
                            "debug_info": {"host": "standin"}})
        async for message in ws:
            if message.type == web.WSMsgType.TEXT:
                self.acks.append(json.loads(message.data))
        self.sockets.remove(ws)
        return ws

    async def _params(self, request: web.Request) -> dict[str, Any]:
        raw = await request.text()
        if request.content_type == "application/json":
            return dict(json.loads(raw or "{}"))
        params: dict[str, Any] = dict(parse_qsl(raw))
        for key in ("blocks", "attachments"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        return params

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls.append((method, params))
        if method in self.delay_next:  # accepted now, answered late (after the client gave up)
            await asyncio.sleep(self.delay_next.pop(method))
        if self.refusals.get(method):
            status, error = self.refusals[method].pop(0)
            return web.json_response({"ok": False, "error": error}, status=status)
        if self.rate_limit_next.get(method):
            self.rate_limit_next[method] -= 1
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"})
        if method == "auth.test":
            return web.json_response({"ok": True, "url": "https://newsroom.slack.com/", "team": "Newsroom",
                                      "user": "quotebot", "team_id": "T0001", "user_id": "U0BOT",
                                      "bot_id": "B0BOT", "is_enterprise_install": False})
        if method == "apps.connections.open":
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"})
        if method == "files.getUploadURLExternal":
            return web.json_response({"ok": True, "upload_url": f"http://127.0.0.1:{self.port}/upload/F1",
                                      "file_id": "F1"})
        if method == "files.completeUploadExternal":
            return web.json_response({"ok": True, "files": [{"id": "F1", "title": "chart"}]})
        if params.get("channel") == "C_GONE":
            return web.json_response({"ok": False, "error": "channel_not_found"})
        ts = f"1700000000.{next(self._ts):06d}"
        return web.json_response({"ok": True, "channel": params.get("channel"), "ts": ts,
                                  "message": {"text": params.get("text"), "ts": ts}})

    async def _upload(self, request: web.Request) -> web.Response:
        self.uploads.append(await request.read())
        return web.Response(text="OK - 1")

    async def _respond(self, request: web.Request) -> web.Response:
        body = json.loads(await request.text())
        if self.refusals.get("response_url"):
            status, error = self.refusals["response_url"].pop(0)
            return web.Response(status=status, text=error)
        self.responses.append(body)
        return web.Response(text="ok")
