"""The small interface scheduled work (digests, follow alerts) uses to post to a chat.

Each chat adapter implements :class:`Sender`; the scheduler never imports a chat SDK.
"""

from __future__ import annotations

from typing import Protocol

from ..reply import Platform, Reply


class Sender(Protocol):
    """Posts a :class:`Reply` to one chat of one platform.

    ``send`` returns the platform's message ids once the platform has *accepted* the
    message, and raises :class:`~bot.errors.Blocked`, :class:`~bot.errors.RateLimited` or
    :class:`~bot.errors.DeliveryError` otherwise. It splits to the platform's limits itself.
    """

    platform: Platform

    async def send(self, chat_id: str, reply: Reply) -> list[str]: ...
