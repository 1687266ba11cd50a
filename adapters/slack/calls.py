"""How a failed call to Slack (the Web API or a response_url) is recognised and told in one line."""

from __future__ import annotations

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError

# Failures to reach Slack: the Web API or a response_url refused, timed out or could not be connected to.
UNREACHABLE = (SlackApiError, SlackClientError, aiohttp.ClientError, TimeoutError)


def failure(exc: BaseException) -> str:
    """A failed call to Slack in one short line: Slack's error code, or the exception's first words."""
    if isinstance(exc, SlackApiError):
        return f"{type(exc).__name__}: {exc.response.get('error') or exc.response.status_code}"
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
