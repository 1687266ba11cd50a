"""Post scheduled messages (digests, follow alerts) to a Telegram chat: bot.scheduling.delivery.Sender."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from functools import partial

import httpx
from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.errors import Blocked, DeliveryError, OutcomeUnknown, RateLimited
from bot.reply import Platform, Reply
from bot.scheduling.delivery import Part

from .render import render

# The request never reached Telegram: safe to send again.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class TelegramSender:
    """A reply is a chart photo (if any) and one message per 4,096 units; each part is one call."""

    platform: Platform = "telegram"

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    def parts(self, reply: Reply) -> list[Part]:
        parts: list[Part] = []
        if reply.image:  # captions: 1,024 characters
            parts.append(Part("photo", json.dumps({"caption": (reply.title or "")[:1024]}), reply.image))
        for message in render(reply):
            markup = message.markup.to_dict() if message.markup else None
            parts.append(Part("message", json.dumps({"html": message.html, "markup": markup})))
        return parts

    def _call(self, chat_id: str, part: Part) -> Callable[[], Awaitable[Message]]:
        body = json.loads(part.body)
        if part.kind == "photo" and part.data:
            return partial(self.bot.send_photo, chat_id, part.data, caption=body.get("caption"))
        if part.kind == "message":
            markup = InlineKeyboardMarkup.de_json(body["markup"], self.bot) if body.get("markup") else None
            return partial(self.bot.send_message, chat_id, body["html"], parse_mode=ParseMode.HTML,
                           reply_markup=markup, link_preview_options=LinkPreviewOptions(is_disabled=True))
        raise DeliveryError(f"telegram: unknown part kind {part.kind!r}")

    async def send_part(self, chat_id: str, part: Part) -> str:
        call = self._call(chat_id, part)
        try:
            sent = await call()
        except Forbidden as exc:
            raise Blocked(f"telegram:{chat_id}: {exc.message}") from exc
        except RetryAfter as exc:
            wait = exc.retry_after
            seconds = wait if isinstance(wait, int | float) else wait.total_seconds()
            raise RateLimited(f"telegram:{chat_id}: rate limited", float(seconds)) from exc
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                raise Blocked(f"telegram:{chat_id}: {exc.message}") from exc
            raise DeliveryError(f"telegram:{chat_id}: {exc.message}") from exc
        except NetworkError as exc:  # TimedOut included
            # No answer: unless the request never left (connect, pool), Telegram may have posted it.
            cause = exc.__cause__
            if isinstance(cause, NOT_SENT):
                raise DeliveryError(f"telegram:{chat_id}: not sent: {exc.message}") from exc
            if isinstance(exc, TimedOut) or isinstance(cause, httpx.HTTPError):
                raise OutcomeUnknown(f"telegram:{chat_id}: no answer ({exc.message})") from exc
            raise DeliveryError(f"telegram:{chat_id}: {exc.message}") from exc  # an HTTP error status
        except TelegramError as exc:
            raise DeliveryError(f"telegram:{chat_id}: {exc}") from exc
        return str(sent.message_id)

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        """Every part in order; the message ids once Telegram accepted each."""
        return [await self.send_part(chat_id, part) for part in self.parts(reply)]
