"""The Slack transport: a Bolt AsyncApp that only translates between Slack and the core.

Slack wants every slash command and button acknowledged within 3 seconds, so each listener
calls ``ack()`` first and answers afterwards through ``respond()`` (the response_url) or
``chat.postMessage``. Bolt verifies every request's signature (forged, unsigned or over five
minutes old: 401).
"""

from __future__ import annotations

import logging
import re
import time
from collections import OrderedDict
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.core import Core
from bot.errors import ConfigError
from bot.reply import Reply, Request

from .calls import UNREACHABLE, failure
from .identity import SlackIdentity
from .render import render
from .verify import VERIFIED

log = logging.getLogger(__name__)
SLASH = ("/quote", "/who", "/said", "/verify")
MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
DEDUP_SECONDS = 3600  # Slack retries an event for up to about an hour


class EventDeduplicator:
    """Event ids seen recently (in memory; one process per workspace is our deployment)."""

    def __init__(self, ttl: float = DEDUP_SECONDS, size: int = 10_000) -> None:
        self.ttl, self.size = ttl, size
        self._seen: OrderedDict[str, float] = OrderedDict()

    def seen(self, event_id: str) -> bool:
        now = time.monotonic()
        while self._seen and (len(self._seen) > self.size or next(iter(self._seen.values())) < now - self.ttl):
            self._seen.popitem(last=False)
        if event_id in self._seen:
            return True
        self._seen[event_id] = now
        return False


def web_client(settings: Settings, *, with_token: bool = True) -> AsyncWebClient:
    """The Web API client (``SLACK_API_BASE_URL`` if set); Bolt's own goes without the token, which
    reaches each request through :class:`SlackIdentity`."""
    kwargs: dict[str, Any] = {"token": settings["SLACK_BOT_TOKEN"] if with_token else None}
    if settings["SLACK_API_BASE_URL"]:
        kwargs["base_url"] = str(settings["SLACK_API_BASE_URL"]).rstrip("/") + "/"
    client = AsyncWebClient(**kwargs)
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=2))
    return client


def _split_public(text: str) -> tuple[str, bool]:
    """``NATO public`` → ("NATO", True): a trailing "public" posts to the channel for everyone."""
    words = text.split()
    if words and words[-1].lower() == "public":
        return " ".join(words[:-1]), True
    return text, False


def _where(body: dict[str, Any]) -> str:
    """The channel a request came from, for log lines (never a token or a URL)."""
    event = body.get("event") or {}
    channel = body.get("channel_id") or (body.get("channel") or {}).get("id") or event.get("channel")
    return f"channel {channel}" if channel else "an unknown channel"


async def answer(respond: AsyncRespond, body: dict[str, Any], **message: Any) -> None:
    """Post through the request's response_url; a refusal there is logged with its channel (the URL itself
    is a credential for that channel, so it is never logged)."""
    response = await respond(**message)
    if response.status_code != 200:
        log.warning("slack: the response_url of %s refused the answer (HTTP %s: %s)", _where(body),
                    response.status_code, str(response.body)[:200])


# A card's buttons (adapters/slack/render.py) and the command each one asks the core.
CARD_COMMANDS = {"context": "/context {}", "verify": "/verify #{}", "share": "/card {}"}


def check_settings(settings: Settings, mode: str = "http") -> None:
    """Every Slack setting ``mode`` needs, checked before any call out; :class:`ConfigError` if one is missing."""
    if not settings["SLACK_BOT_TOKEN"]:
        raise ConfigError("SLACK_BOT_TOKEN is not set (the app's Bot User OAuth Token, xoxb-…)")
    if mode == "socket":
        if not settings["SLACK_APP_TOKEN"]:
            raise ConfigError("SLACK_APP_TOKEN is not set (an app-level token, xapp-…, for Socket Mode)")
    elif mode == "http":
        if not settings["SLACK_SIGNING_SECRET"]:
            raise ConfigError("SLACK_SIGNING_SECRET is not set (Basic Information → Signing Secret)")
    else:
        raise ConfigError(f"unknown Slack mode {mode!r}: http or socket")


def build_app(core: Core, settings: Settings, identity: SlackIdentity | None = None) -> AsyncApp:
    check_settings(settings, "http" if settings["SLACK_SIGNING_SECRET"] or not settings["SLACK_APP_TOKEN"]
                   else "socket")
    identity = identity or SlackIdentity(str(settings["SLACK_BOT_TOKEN"]))
    # authorize, not token: Bolt's token mode calls auth.test before the listener can ack (see identity.py).
    app = AsyncApp(client=web_client(settings, with_token=False), authorize=identity.authorize(),
                   signing_secret=settings["SLACK_SIGNING_SECRET"] or "socket-mode", process_before_response=False)
    dedup = EventDeduplicator()

    def request(text: str, body: dict[str, Any], *, private: bool) -> Request:
        event = body.get("event", {})
        channel = body.get("channel_id") or (body.get("channel") or {}).get("id") or event.get("channel")
        user = body.get("user_id") or (body.get("user") or {}).get("id") or event.get("user")
        return Request(text=text, platform="slack", chat_id=str(channel or ""), user_id=str(user or ""),
                       private=private, admin=True)

    @app.middleware
    async def drop_duplicate_events(body: dict[str, Any], next: Any) -> BoltResponse | None:  # noqa: A002
        event_id = body.get("event_id")
        if body.get("type") == "event_callback" and event_id and dedup.seen(str(event_id)):
            log.info("slack: event %s delivered again; already answered", event_id)
            return BoltResponse(status=200, body="")
        return await next()

    async def slash(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, name: str) -> None:
        await ack()  # within Slack's 3 seconds, before any work
        text, public = _split_public(command.get("text", ""))
        if name == "/quotebot":
            sub = text.strip().lstrip("/")
            text = "/" + (sub or "help")
        else:
            text = f"{name} {text}".strip()
        reply = await core.ahandle(request(text, command, private=False))
        await answer(respond, command, **render(reply),
                     response_type="in_channel" if public and not reply.error else "ephemeral")

    def slash_listener(name: str) -> Any:
        # Bolt passes arguments by parameter name, so each command gets its own closure.
        async def listener(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
            await slash(ack, command, respond, name)
        return listener

    for name in (*SLASH, "/quotebot"):
        app.command(name)(slash_listener(name))

    @app.event("app_mention")
    async def on_mention(event: dict[str, Any], client: AsyncWebClient, body: dict[str, Any]) -> None:
        text = MENTION.sub("", event.get("text", "")).strip()
        reply = await core.ahandle(request(text, body, private=False))
        await client.chat_postMessage(channel=event["channel"], thread_ts=event.get("thread_ts") or event["ts"],
                                      **render(reply))

    @app.event("message")
    async def on_message(event: dict[str, Any], client: AsyncWebClient, body: dict[str, Any]) -> None:
        # Direct messages only; never our own or another bot's, never edits or joins (subtypes).
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        reply = await core.ahandle(request(event.get("text", ""), body, private=True))
        await client.chat_postMessage(channel=event["channel"], **render(reply))

    @app.action(re.compile(r"^qb_card_"))
    async def on_card_button(ack: AsyncAck, action: dict[str, Any], body: dict[str, Any],
                             respond: AsyncRespond) -> None:
        """A card's own button: Context and Verify answer the presser; Share posts the card to the channel."""
        await ack()
        op, _, quote_id = str(action.get("value", "")).partition(":")
        if op not in CARD_COMMANDS or not quote_id.isdigit() or len(quote_id) > 12:
            return
        reply = await core.ahandle(request(CARD_COMMANDS[op].format(quote_id), body, private=True))
        share = op == "share" and not reply.error
        await answer(respond, body, **render(reply), replace_original=False,
                      response_type="in_channel" if share else "ephemeral")

    @app.action(re.compile(r"^qb_(?!card_)"))
    async def on_button(ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        reply = await core.apress(str(action.get("value", "")), request("", body, private=True))
        kind = str(action.get("action_id", "")).split("_")[1] if "_" in str(action.get("action_id", "")) else ""
        # "More" and a speaker choice replace the message; "Context" adds a new one.
        await answer(respond, body, **render(reply), replace_original=kind in ("more", "choose") and not reply.error,
                      response_type="ephemeral")

    @app.error
    async def on_error(error: Exception, body: dict[str, Any], request: AsyncBoltRequest, client: AsyncWebClient,
                       respond: AsyncRespond | None = None) -> None:
        # Bolt calls this for errors raised before its signature check too. Socket Mode requests come
        # over our own authenticated connection; an HTTP request counts only if verify.py passed it.
        if request.mode != "socket_mode" and not request.context.get(VERIFIED):
            log.warning("slack: an unverified request failed (%s: %s); not answered",
                        type(error).__name__, str(error)[:200])
            return
        where = _where(body)
        if isinstance(error, UNREACHABLE):
            # Slack (the Web API or the response_url) did not take the answer: expected while it is down.
            log.warning("slack: could not post the answer to %s (%s)", where, failure(error))
        else:
            log.error("slack: error while handling a request from %s", where, exc_info=error)
        apology = Reply(text="Sorry — something went wrong on my side. Please try again.", error=True)
        try:
            if respond is not None and body.get("response_url"):
                await answer(respond, body, **render(apology), response_type="ephemeral")
            elif body.get("event", {}).get("channel"):
                await client.chat_postMessage(channel=body["event"]["channel"], **render(apology))
        except Exception as exc:  # noqa: BLE001 - the apology is best effort; the app keeps running
            log.warning("slack: could not send the apology to %s either (%s)", where, failure(exc))

    return app
