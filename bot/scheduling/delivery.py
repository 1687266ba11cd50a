"""The small interface scheduled work (digests, follow alerts) uses to post to a chat.

Each chat adapter implements :class:`Sender`; the scheduler never imports a chat SDK. A message
is posted as one or more :class:`Part` s (Telegram: the chart photo, then text messages of at
most 4,096 units; Slack: the blocks, then the chart file). The scheduler stores a digest's parts
before sending the first, and records each part's outcome, so delivery resumes after the last
accepted part — in this process or after a restart — and nothing accepted is sent twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..reply import Platform, Reply


@dataclass(frozen=True, slots=True)
class Part:
    """One platform call. ``kind`` and ``body`` (JSON) are the sender's own; ``data`` an attachment."""

    kind: str
    body: str
    data: bytes | None = None


class Sender(Protocol):
    """Posts to one chat of one platform.

    ``parts`` renders a reply (pure, no I/O). ``send_part`` returns the platform's message id
    once the platform has *accepted* the part, and raises :class:`~bot.errors.Blocked`,
    :class:`~bot.errors.RateLimited`, :class:`~bot.errors.OutcomeUnknown` (a timeout: it may
    have gone out) or :class:`~bot.errors.DeliveryError` (refused: it did not) otherwise.
    ``send`` posts all parts of a reply in order and returns their ids.
    """

    platform: Platform

    def parts(self, reply: Reply) -> list[Part]: ...

    async def send_part(self, chat_id: str, part: Part) -> str: ...

    async def send(self, chat_id: str, reply: Reply) -> list[str]: ...
