"""The front door of Slack's HTTP mode: verify, then parse, then hand to Bolt.

Bolt parses a body before it checks the signature, and its verifier raises (instead of saying
"invalid") on a timestamp that is not an integer; the exception then reaches the app's error
handler with an unverified body. So every request is checked here first, on the raw bytes:

1. ``X-Slack-Request-Timestamp`` is 1–12 ASCII digits within five minutes of now, and
   ``X-Slack-Signature`` is ``v0=`` + HMAC-SHA256 of ``v0:{timestamp}:{body}`` — else 401;
2. the body is UTF-8, and a JSON body (or a form's ``payload=``) is one JSON object — else 400.

Each refusal is one log line, no traceback. Only then does Bolt see the request, marked as
verified in its context, which the error handler checks before it answers anyone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time
from urllib.parse import parse_qs

from aiohttp import web
from slack_bolt.request.async_request import AsyncBoltRequest

log = logging.getLogger(__name__)
VERIFIED = "quotebot_verified"  # key in the Bolt request context
MAX_SKEW_SECONDS = 5 * 60  # Slack: reject requests older than five minutes (replay protection)
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class Refused(Exception):
    """The request is answered with ``status`` and ``reason`` and goes no further."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def check_signature(secret: str, body: bytes, timestamp: str, signature: str, now: float | None = None) -> None:
    """Raise :class:`Refused` (401) unless Slack signed ``body`` at ``timestamp`` within five minutes."""
    if not _TIMESTAMP.fullmatch(timestamp):
        raise Refused(401, "timestamp missing or not a number")
    if abs((time.time() if now is None else now) - int(timestamp)) > MAX_SKEW_SECONDS:
        raise Refused(401, "timestamp more than five minutes off")
    if not _SIGNATURE.fullmatch(signature):
        raise Refused(401, "signature missing or malformed")
    expected = "v0=" + hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        raise Refused(401, "signature does not match")


def _one_object(text: str, what: str) -> None:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: JSON nested thousands deep
        raise Refused(400, f"{what} is not JSON") from exc
    if not isinstance(value, dict):
        raise Refused(400, f"{what} is not a JSON object")


def check_body(body: bytes, content_type: str) -> str:
    """The body as text, once it is UTF-8 and shaped as Bolt expects; else :class:`Refused` (400)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(400, "body is not UTF-8") from exc
    # Bolt reads a body as JSON when it is declared so or starts with "{", otherwise as a form.
    if content_type == "application/json" or text.startswith("{"):
        _one_object(text, "JSON body")
    else:
        payload = parse_qs(text).get("payload")
        if payload:
            _one_object(payload[0], "payload")
    return text


async def to_verified_bolt_request(request: web.Request, secret: str) -> AsyncBoltRequest:
    """The Bolt request for a verified, well-formed HTTP request; :class:`Refused` otherwise."""
    body = await request.read()
    check_signature(secret, body, request.headers.get("X-Slack-Request-Timestamp", ""),
                    request.headers.get("X-Slack-Signature", ""))
    text = check_body(body, request.content_type)
    bolt = AsyncBoltRequest(body=text, query=request.query_string, headers=request.headers)  # type: ignore[arg-type]
    bolt.context[VERIFIED] = True
    return bolt


def refusal(exc: Refused, request: web.Request) -> web.Response:
    log.warning("slack: refused a request from %s: %s (%d)", request.remote, exc.reason, exc.status)
    return web.json_response({"error": "invalid request"}, status=exc.status)
