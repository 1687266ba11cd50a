"""Slack transport on slack-bolt: HTTP (signed requests at /slack/events, /healthz for probes)
or Socket Mode (``SLACK_APP_TOKEN``)."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp

from bot.config import Settings
from bot.core import Core
from bot.errors import ConfigError

from .app import build_app, web_client
from .sender import SlackSender
from .verify import Refused, refusal, to_verified_bolt_request

log = logging.getLogger(__name__)

__all__ = ["SlackSender", "build_app", "http_app", "run_slack", "web_client"]


def http_app(app: AsyncApp, secret: str) -> web.Application:
    """aiohttp application: Bolt at POST /slack/events (verified and parsed first), GET /healthz for probes."""

    async def events(request: web.Request) -> web.Response:
        try:
            bolt_request = await to_verified_bolt_request(request, secret)
        except Refused as exc:
            return refusal(exc, request)
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    web_app = web.Application()
    web_app.router.add_post("/slack/events", events)
    web_app.router.add_get("/healthz", healthz)
    return web_app


async def run_slack(core: Core, settings: Settings, *, mode: str = "http", port: int = 3000,
                    stop: asyncio.Event, host: str | None = None, ready: asyncio.Event | None = None) -> None:
    """Serve Slack until ``stop`` is set."""
    app = build_app(core, settings)
    if mode == "socket":
        from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

        app_token = settings["SLACK_APP_TOKEN"]
        if not app_token:
            raise ConfigError("SLACK_APP_TOKEN is not set (an app-level token, xapp-…, for Socket Mode)")
        handler = AsyncSocketModeHandler(app, app_token)
        await handler.connect_async()
        log.info("slack: connected in Socket Mode")
        if ready:
            ready.set()
        try:
            await stop.wait()
        finally:
            await handler.close_async()
        return
    if mode != "http":
        raise ConfigError(f"unknown Slack mode {mode!r}: http or socket")
    host = host or str(settings["QUOTEBOT_HOST"])
    runner = web.AppRunner(http_app(app, str(settings.require("SLACK_SIGNING_SECRET"))))
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    log.info("slack: listening on http://%s:%s/slack/events", host, port)
    if ready:
        ready.set()
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
