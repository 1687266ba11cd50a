"""Post scheduled messages (digests, follow alerts) to a Slack channel: bot.scheduling.delivery.Sender."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import Blocked, DeliveryError, RateLimited
from bot.reply import Platform, Reply

from .render import render

log = logging.getLogger(__name__)
PERMANENT = {"not_in_channel", "channel_not_found", "is_archived", "account_inactive", "invalid_auth",
             "token_revoked", "missing_scope"}


class SlackSender:
    """``send`` returns the message ts once Slack accepted it."""

    platform: Platform = "slack"

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        try:
            response = await self.client.chat_postMessage(channel=chat_id, **render(reply))
        except SlackApiError as exc:
            error = str(exc.response.get("error", ""))
            if error in PERMANENT:
                raise Blocked(f"slack:{chat_id}: {error}") from exc
            if error == "ratelimited" or exc.response.status_code == 429:
                retry = float(exc.response.headers.get("Retry-After", exc.response.headers.get("retry-after", 30)))
                raise RateLimited(f"slack:{chat_id}: rate limited", retry) from exc
            raise DeliveryError(f"slack:{chat_id}: {error or exc}") from exc
        except Exception as exc:  # aiohttp/network errors surface as various types
            raise DeliveryError(f"slack:{chat_id}: {exc}") from exc
        ts = [str(response.get("ts", ""))]
        if reply.image:
            try:
                await self.client.files_upload_v2(channel=chat_id, file=reply.image, filename="digest.png",
                                                  title=reply.title or "chart")
            except Exception as exc:  # noqa: BLE001 - the digest text is out; a missing chart is not fatal
                log.warning("slack:%s: chart not uploaded: %s", chat_id, exc)
        return ts
