"""Post scheduled messages (digests, follow alerts) to a Slack channel: bot.scheduling.delivery.Sender."""

from __future__ import annotations

import json
import logging

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import Blocked, DeliveryError, OutcomeUnknown, RateLimited
from bot.reply import Platform, Reply
from bot.scheduling.delivery import Part

from .render import render

log = logging.getLogger(__name__)
PERMANENT = {"not_in_channel", "channel_not_found", "is_archived", "account_inactive", "invalid_auth",
             "token_revoked", "missing_scope"}


class SlackSender:
    """A reply is one Block Kit message, then the chart as a file (if any); each part is one call.

    The client's own retry handlers are removed: the scheduler decides about retries, and a
    connection-error retry inside the SDK could post a message twice."""

    platform: Platform = "slack"

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        self.client.retry_handlers = []

    def parts(self, reply: Reply) -> list[Part]:
        parts = [Part("message", json.dumps(render(reply)))]
        if reply.image:
            parts.append(Part("file", json.dumps({"title": reply.title or "chart"}), reply.image))
        return parts

    async def send_part(self, chat_id: str, part: Part) -> str:
        body = json.loads(part.body)
        try:
            if part.kind == "message":
                response = await self.client.chat_postMessage(channel=chat_id, **body)
                return str(response.get("ts", ""))
            if part.kind == "file":
                response = await self.client.files_upload_v2(channel=chat_id, file=part.data, filename="digest.png",
                                                             title=body.get("title", "chart"))
                return str((response.get("file") or {}).get("id", ""))
        except SlackApiError as exc:
            error = str(exc.response.get("error", ""))
            if error in PERMANENT:
                raise Blocked(f"slack:{chat_id}: {error}") from exc
            if error == "ratelimited" or exc.response.status_code == 429:
                retry = float(exc.response.headers.get("Retry-After", exc.response.headers.get("retry-after", 30)))
                raise RateLimited(f"slack:{chat_id}: rate limited", retry) from exc
            raise DeliveryError(f"slack:{chat_id}: {error or exc}") from exc
        except (aiohttp.ClientConnectorError, aiohttp.InvalidURL) as exc:  # never reached Slack
            raise DeliveryError(f"slack:{chat_id}: not sent: {exc}") from exc
        except Exception as exc:  # noqa: BLE001 - a timeout or a dropped connection: it may have been posted
            raise OutcomeUnknown(f"slack:{chat_id}: no answer ({type(exc).__name__}: {exc})") from exc
        raise DeliveryError(f"slack: unknown part kind {part.kind!r}")

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        """Every part in order; a chart that does not upload is logged, the text is out."""
        parts = self.parts(reply)
        ids = [await self.send_part(chat_id, parts[0])]
        for part in parts[1:]:
            try:
                ids.append(await self.send_part(chat_id, part))
            except DeliveryError as exc:
                log.warning("slack:%s: chart not uploaded: %s", chat_id, exc)
        return ids
