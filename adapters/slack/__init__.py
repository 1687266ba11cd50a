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
from bot.errors import ConfigError, DeliveryError

from .app import build_app, check_settings, web_client
from .calls import failure
from .identity import SlackIdentity
from .sender import SlackSender
from .verify import Refused, refusal, to_verified_bolt_request

log = logging.getLogger(__name__)

__all__ = ["SlackIdentity", "SlackSender", "build_app", "check_settings", "http_app", "run_slack", "web_client"]


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
    """Serve Slack until ``stop`` is set. Every setting is checked before anything calls out; the Web
    API need not answer for signed requests to be acked and answered (see identity.py)."""
    check_settings(settings, mode)
    identity = SlackIdentity(str(settings["SLACK_BOT_TOKEN"]))
    app = build_app(core, settings, identity)
    learning = asyncio.create_task(identity.keep_learning(web_client(settings), stop), name="slack-auth-test")
    try:
        if mode == "socket":
            await _serve_socket_mode(app, str(settings["SLACK_APP_TOKEN"]), stop, ready)
        else:
            await _serve_http(app, str(settings["SLACK_SIGNING_SECRET"]), host or str(settings["QUOTEBOT_HOST"]),
                              port, stop, ready)
    finally:
        learning.cancel()
        await asyncio.gather(learning, return_exceptions=True)


async def _serve_socket_mode(app: AsyncApp, app_token: str, stop: asyncio.Event, ready: asyncio.Event | None) -> None:
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    handler = AsyncSocketModeHandler(app, app_token)
    try:
        # The SDK's connect() retries for ever, a traceback each time; the first WebSocket URL is asked
        # here instead, so an unreachable Slack or a refused app token at start-up is one line.
        handler.client.wss_uri = await handler.client.issue_new_wss_url()
    except Exception as exc:  # noqa: BLE001 - any failure to start is told, never raised as a traceback
        await handler.close_async()
        raise DeliveryError(f"could not start Slack Socket Mode ({failure(exc)}): "
                            "check the network and SLACK_APP_TOKEN") from exc
    await handler.connect_async()
    log.info("slack: connected in Socket Mode")
    if ready:
        ready.set()
    try:
        await stop.wait()
    finally:
        await handler.close_async()


async def _serve_http(app: AsyncApp, secret: str, host: str, port: int, stop: asyncio.Event,
                      ready: asyncio.Event | None) -> None:
    runner = web.AppRunner(http_app(app, secret))
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise ConfigError(f"cannot listen on {host}:{port} for Slack: {exc.strerror or exc} (--port, QUOTEBOT_HOST)"
                          ) from exc
    log.info("slack: listening on http://%s:%s/slack/events", host, port)
    if ready:
        ready.set()
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
