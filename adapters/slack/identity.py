"""Who the bot is in Slack, without ever making a request wait for the Web API.

Bolt's single-workspace mode calls ``auth.test`` on the first request and answers HTTP 500 when the
Web API cannot be reached — before any listener has acked, so Slack's 3-second deadline is missed
and the user sees an error. Here the bot token goes to Bolt through ``authorize``, which never calls
out: a request signed with our secret is acked and answered (through its response_url, which is not
the Web API) whether or not ``auth.test`` works. ``auth.test`` is asked in the background; once it
answers, Bolt also learns the bot's own ids and ignores the bot's own events.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.authorization import AuthorizeResult
from slack_sdk.web.async_client import AsyncWebClient

from .calls import failure

log = logging.getLogger(__name__)
RETRY_SECONDS = 60.0


class SlackIdentity:
    def __init__(self, token: str) -> None:
        self.token = token
        self.auth: dict[str, Any] = {}  # auth.test's answer, once it came

    def authorize(self) -> Callable[..., Awaitable[AuthorizeResult]]:
        """Bolt's ``authorize`` (a plain function: Bolt passes arguments by parameter name, so no ``self``)."""

        async def authorize(enterprise_id: str | None, team_id: str | None, user_id: str | None) -> AuthorizeResult:
            # Our own token and, when known, our own ids. No network call.
            return AuthorizeResult(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id,
                                   bot_token=self.token, bot_user_id=self.auth.get("user_id"),
                                   bot_id=self.auth.get("bot_id"), team=self.auth.get("team"),
                                   url=self.auth.get("url"))
        return authorize

    async def learn(self, client: AsyncWebClient) -> bool:
        """One ``auth.test``; False (and one log line, no secret) when the Web API does not answer or refuses."""
        try:
            response = await client.auth_test(token=self.token)
        except Exception as exc:  # noqa: BLE001 - any failure here only delays knowing our own ids
            log.warning("slack: auth.test failed (%s); requests are still answered, trying again in %.0f s",
                        failure(exc), RETRY_SECONDS)
            return False
        self.auth = dict(response.data) if isinstance(response.data, dict) else {}
        log.info("slack: signed in to %s as %s", self.auth.get("team"), self.auth.get("user"))
        return True

    async def keep_learning(self, client: AsyncWebClient, stop: asyncio.Event,
                            retry: float = RETRY_SECONDS) -> None:
        """``auth.test`` until it answers or ``stop`` is set."""
        while not stop.is_set() and not await self.learn(client):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), retry)
