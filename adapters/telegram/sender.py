"""Post scheduled messages (digests, follow alerts) to a Telegram chat: bot.scheduling.delivery.Sender."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from telegram import Bot, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.errors import Blocked, DeliveryError, RateLimited
from bot.reply import Platform, Reply

from .render import render


class TelegramSender:
    """``send`` returns the message ids once Telegram accepted every part."""

    platform: Platform = "telegram"

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        ids: list[str] = []
        parts: list[Callable[[], Awaitable[Message]]] = []
        if reply.image:
            parts.append(partial(self.bot.send_photo, chat_id, reply.image, caption=(reply.title or "")[:1024]))
        for message in render(reply):
            parts.append(partial(self.bot.send_message, chat_id, message.html, parse_mode=ParseMode.HTML,
                                 reply_markup=message.markup,
                                 link_preview_options=LinkPreviewOptions(is_disabled=True)))
        for part in parts:
            try:
                sent = await part()
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
            except TelegramError as exc:
                raise DeliveryError(f"telegram:{chat_id}: {exc}") from exc
            ids.append(str(sent.message_id))
        return ids
