"""The real Bolt HTTP app on 127.0.0.1 receiving signed requests as Slack sends them; its Web client
points at a local stand-in Web API, and response_url at a local receiver."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import aiohttp
import pytest

from adapters.slack import SlackSender, run_slack, web_client
from adapters.slack.render import MAX_BLOCKS, MAX_SECTION, render
from bot.config import load_settings
from bot.core import Core
from bot.errors import Blocked, ConfigError
from bot.reply import Action, QuoteCard, Reply

from .slack_standin import BOT_TOKEN, SIGNING_SECRET, SlackStandIn, sign
from .standin_base import free_port

DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Running:
    api: SlackStandIn
    url: str
    session: aiohttp.ClientSession

    async def post(self, body: str, headers: dict[str, str], content_type: str) -> aiohttp.ClientResponse:
        return await self.session.post(f"{self.url}/slack/events", data=body.encode(),
                                       headers={**headers, "Content-Type": content_type})

    async def command(self, text: str, *, command: str = "/quote", response: str = "1",
                      headers: dict[str, str] | None = None) -> aiohttp.ClientResponse:
        form = dict(parse_qsl((DATA / "slack_command_quote_nato.txt").read_text().strip()))
        form.update(text=text, command=command, response_url=self.api.response_url(response))
        body = urlencode(form)
        return await self.post(body, sign(body) if headers is None else headers, "application/x-www-form-urlencoded")

    async def event(self, name: str, retry: int | None = None) -> aiohttp.ClientResponse:
        body = (DATA / name).read_text()
        headers = sign(body)
        if retry is not None:
            headers.update({"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"})
        return await self.post(body, headers, "application/json")


@pytest.fixture
async def running(seed_db_path: Path) -> AsyncIterator[Running]:
    api = await SlackStandIn().start()
    settings = load_settings({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                              "SLACK_API_BASE_URL": api.api_url})
    core = Core(seed_db_path, settings=settings)
    port = free_port()
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_slack(core, settings, mode="http", port=port, host="127.0.0.1",
                                         stop=stop, ready=ready))
    await asyncio.wait_for(ready.wait(), 10)
    async with aiohttp.ClientSession() as session:
        yield Running(api, f"http://127.0.0.1:{port}", session)
    stop.set()
    await asyncio.wait_for(task, 10)
    core.close()
    await api.stop()


def check_blocks(message: dict[str, Any]) -> str:
    blocks = message["blocks"]
    assert message["text"] and len(blocks) <= MAX_BLOCKS
    text = ""
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_SECTION
            text += block["text"]["text"] + "\n"
        elif block["type"] == "context":
            text += " ".join(e["text"] for e in block["elements"]) + "\n"
        elif block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
    return text


async def test_quote_nato_is_acked_then_answered_with_putins_quote(running: Running) -> None:
    resp = await running.command("NATO")
    assert resp.status == 200  # the ack; its latency is measured in bench/bench_adapters.py, not here
    [answer] = await running.api.wait_for("response_url")
    text = check_blocks(answer)
    assert "*Vladimir Putin*" in text and "NATO" in text
    assert answer["response_type"] == "ephemeral"


async def test_public_form_posts_to_the_channel(running: Running) -> None:
    await running.command("NATO public")
    [answer] = await running.api.wait_for("response_url")
    assert answer["response_type"] == "in_channel"


async def test_umbrella_command(running: Running) -> None:
    await running.command("who NATO", command="/quotebot")
    [answer] = await running.api.wait_for("response_url")
    assert "Who said what about NATO" in json.dumps(answer)


@pytest.mark.parametrize("headers", [
    {},  # unsigned
    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=" + "0" * 64},  # forged
])
async def test_unsigned_and_forged_requests_get_401(running: Running, headers: dict[str, str]) -> None:
    resp = await running.command("NATO", headers=headers)
    assert resp.status == 401
    await asyncio.sleep(0.2)
    assert running.api.responses == []


async def test_a_stale_timestamp_gets_401(running: Running) -> None:
    form = urlencode({"command": "/quote", "text": "NATO", "response_url": running.api.response_url()})
    resp = await running.post(form, sign(form, timestamp=int(time.time()) - 6 * 60),
                              "application/x-www-form-urlencoded")
    assert resp.status == 401


async def test_url_verification_and_healthz(running: Running) -> None:
    body = json.dumps({"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"})
    resp = await running.post(body, sign(body), "application/json")
    assert resp.status == 200 and "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in await resp.text()
    health = await running.session.get(f"{running.url}/healthz")
    assert health.status == 200


async def test_a_mention_is_answered_in_its_thread(running: Running) -> None:
    resp = await running.event("slack_event_app_mention.json")
    assert resp.status == 200
    [post] = await running.api.wait_for("chat.postMessage")
    assert post["channel"] == "C2147483705" and post["thread_ts"] == "1700000100.000200"
    assert "Vladimir Putin" in check_blocks(post)


async def test_a_direct_message_is_answered(running: Running) -> None:
    await running.event("slack_event_message_im.json")
    [post] = await running.api.wait_for("chat.postMessage")
    assert post["channel"] == "D0DIRECT" and "Sergey Lavrov" in check_blocks(post)


async def test_a_duplicate_event_delivered_twice_is_answered_once(running: Running) -> None:
    await running.event("slack_event_app_mention.json")
    await running.api.wait_for("chat.postMessage")
    resp = await running.event("slack_event_app_mention.json", retry=1)
    assert resp.status == 200
    await asyncio.sleep(0.5)
    assert len(running.api.sent("chat.postMessage")) == 1


async def test_a_button_pages_the_results(running: Running) -> None:
    await running.command("Putin", command="/said")
    [first] = await running.api.wait_for("response_url")
    actions = [e for b in first["blocks"] if b["type"] == "actions" for e in b["elements"]]
    more = next(e for e in actions if e["text"]["text"] == "More")  # the reply's button, after the cards' own
    payload = {"type": "block_actions", "user": {"id": "U2147483697"}, "team": {"id": "T0001"},
               "channel": {"id": "C2147483705"}, "response_url": running.api.response_url("2"),
               "trigger_id": "1.2.3", "api_app_id": "A0QUOTEBOT", "container": {"type": "message"},
               "actions": [{"action_id": more["action_id"], "block_id": "b", "value": more["value"],
                            "type": "button", "action_ts": "1700000300.1"}]}
    body = urlencode({"payload": json.dumps(payload)})
    resp = await running.post(body, sign(body), "application/x-www-form-urlencoded")
    assert resp.status == 200
    second = (await running.api.wait_for("response_url", 2))[1]
    assert second["replace_original"] is True and "6–10" in check_blocks(second)


async def test_a_429_with_retry_after_is_retried_by_the_web_client(running: Running) -> None:
    running.api.rate_limit_next["chat.postMessage"] = 1
    await running.event("slack_event_message_im.json")
    posts = await running.api.wait_for("chat.postMessage", 2, timeout=15)
    assert posts[0]["channel"] == posts[1]["channel"] == "D0DIRECT"


async def test_sender_posts_and_maps_a_missing_channel_to_blocked() -> None:
    api = await SlackStandIn().start()
    try:
        settings = load_settings({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_BASE_URL": api.api_url})
        sender = SlackSender(web_client(settings))
        assert await sender.send("C1", Reply(text="digest")) == ["1700000000.000001"]
        with pytest.raises(Blocked):
            await sender.send("C_GONE", Reply(text="digest"))
    finally:
        await api.stop()


def test_blocks_stay_within_slacks_limits() -> None:
    cards = tuple(QuoteCard(id=i, text="x <y> & z " * 500, speaker="A <b>", url="https://e.org/?a=1&b=2",
                            title="T") for i in range(40))
    message = render(Reply(title="T" * 300, text="p " * 3000, cards=cards, actions=(Action("more", "More", "tok"),)))
    check_blocks(message)
    assert message["blocks"][-1]["type"] == "actions"
    assert "&lt;y&gt; &amp; z" in json.dumps(message)


def test_missing_settings_are_clear_errors(seed_db_path: Path) -> None:
    from adapters.slack import build_app

    core = Core(seed_db_path)
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        build_app(core, load_settings({}))
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        build_app(core, load_settings({"SLACK_BOT_TOKEN": "xoxb-1"}))
    core.close()


def _attack_body(api: SlackStandIn) -> str:
    """A body that, if acted on, makes the bot call out: an attacker's response_url and a channel."""
    form = {"command": "/quote", "text": "NATO", "channel_id": "C_ATTACK", "user_id": "U1", "team_id": "T0001",
            "response_url": api.response_url("attacker"),
            "payload": json.dumps({"type": "block_actions", "response_url": api.response_url("attacker"),
                                   "event": {"channel": "C_ATTACK"}})}
    return urlencode(form)


@pytest.mark.parametrize("timestamp", ["abc", "1e9", "9" * 5000, "١٧٠٠٠٠٠٠٠٠", " 1700000000", ""])
async def test_a_non_numeric_timestamp_gets_401_and_no_outgoing_call(running: Running, timestamp: str) -> None:
    body = _attack_body(running.api)
    resp = await running.post(body, {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": "v0=" + "0" * 64},
                              "application/x-www-form-urlencoded")
    assert resp.status == 401
    await asyncio.sleep(0.3)
    assert running.api.responses == [] and running.api.sent("chat.postMessage") == []


async def test_the_error_handler_never_acts_on_an_unverified_request(seed_db_path: Path) -> None:
    """Bolt's own dispatch (no HTTP front) with a timestamp its verifier chokes on: nothing goes out."""
    from slack_bolt.request.async_request import AsyncBoltRequest

    from adapters.slack import build_app

    api = await SlackStandIn().start()
    core = Core(seed_db_path)
    try:
        app = build_app(core, load_settings({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                                             "SLACK_API_BASE_URL": api.api_url}))
        body = json.dumps({"type": "event_callback", "event_id": "Ev1", "response_url": api.response_url("x"),
                           "event": {"type": "app_mention", "channel": "C_ATTACK", "text": "NATO", "ts": "1.1"}})
        response = await app.async_dispatch(AsyncBoltRequest(body=body, headers={
            "content-type": "application/json", "x-slack-request-timestamp": "abc",
            "x-slack-signature": "v0=" + "0" * 64}))
        assert response.status in (401, 500)
        await asyncio.sleep(0.3)
        assert api.responses == [] and [m for m, _ in api.calls if m != "auth.test"] == []
    finally:
        core.close()
        await api.stop()


MALFORMED = [
    ("application/json", b"{not json"),
    ("application/json", b"[1, 2, 3]"),
    ("application/json", b'"a string"'),
    ("application/x-www-form-urlencoded", b"payload=%7Bnot+json"),
    ("application/x-www-form-urlencoded", b"payload=%5B1%5D"),
    ("application/json", b'{"type": "event_callback", "text": "\xff\xfe"}'),
    ("application/json", b"[" * 100_000 + b"]" * 100_000),
    ("application/json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
]


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
@pytest.mark.parametrize(("content_type", "body"), MALFORMED, ids=[f"body{i}" for i in range(len(MALFORMED))])
async def test_a_malformed_body_gets_400_or_401_and_one_log_line(
        running: Running, content_type: str, body: bytes, signed: bool, caplog: pytest.LogCaptureFixture) -> None:
    import hashlib
    import hmac
    import logging

    ts = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    headers = {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + (digest if signed else "0" * 64),
               "Content-Type": content_type}
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    resp = await running.session.post(f"{running.url}/slack/events", data=body, headers=headers)
    assert resp.status == (400 if signed else 401)
    await asyncio.sleep(0.2)
    # Start-up's own line (auth.test, in the background) may land in the window; it is not about this request.
    records = [r for r in caplog.records if r.name not in ("aiohttp.access", "adapters.slack.identity")
               and r.levelno >= logging.INFO]
    assert len(records) == 1, [r.getMessage()[:200] for r in records]
    assert not any(r.exc_info for r in caplog.records)
    assert running.api.responses == [] and running.api.sent("chat.postMessage") == []


async def test_the_http_server_binds_127_0_0_1_unless_told_otherwise(seed_db_path: Path) -> None:
    for host, reachable, unreachable in ((None, "127.0.0.1", "127.0.0.2"), ("127.0.0.2", "127.0.0.2", "127.0.0.1")):
        settings = load_settings({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                                  **({"QUOTEBOT_HOST": host} if host else {})})
        core = Core(seed_db_path, settings=settings)
        port = free_port()
        stop, ready = asyncio.Event(), asyncio.Event()
        task = asyncio.create_task(run_slack(core, settings, mode="http", port=port, stop=stop, ready=ready))
        await asyncio.wait_for(ready.wait(), 10)
        try:
            async with aiohttp.ClientSession() as session:
                assert (await session.get(f"http://{reachable}:{port}/healthz")).status == 200
                with pytest.raises(aiohttp.ClientConnectionError):
                    await session.get(f"http://{unreachable}:{port}/healthz")
        finally:
            stop.set()
            await asyncio.wait_for(task, 10)
            core.close()


async def test_sender_reports_a_timeout_as_unknown_and_a_closed_port_as_not_sent() -> None:
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.errors import DeliveryError, OutcomeUnknown
    from bot.scheduling.delivery import Part

    from .standin_base import free_port

    api = await SlackStandIn().start()
    try:
        sender = SlackSender(AsyncWebClient(token=BOT_TOKEN, base_url=api.api_url, timeout=1))
        [part] = sender.parts(Reply(text="digest"))
        api.delay_next["chat.postMessage"] = 2.0
        with pytest.raises(OutcomeUnknown):
            await sender.send_part("C1", part)
        assert len(api.sent()) == 1  # it reached Slack: resending could post it twice
        closed = SlackSender(AsyncWebClient(token=BOT_TOKEN, base_url=f"http://127.0.0.1:{free_port()}/api/"))
        with pytest.raises(DeliveryError) as info:
            await closed.send_part("C1", Part("message", part.body))
        assert not isinstance(info.value, OutcomeUnknown)
    finally:
        await api.stop()


async def test_each_card_has_its_speaker_first_a_divider_and_its_own_buttons(running: Running) -> None:
    await running.command("Putin", command="/said")
    [first] = await running.api.wait_for("response_url")
    blocks = first["blocks"]
    speaker_lines = [b["text"]["text"] for b in blocks if b["type"] == "section" and b["text"]["text"].startswith("*")]
    assert speaker_lines and all(line.startswith("*Vladimir Putin*") for line in speaker_lines)
    assert sum(b["type"] == "divider" for b in blocks) == len(speaker_lines)
    card_buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]
                    if e["action_id"].startswith("qb_card_")]
    assert {e["text"]["text"] for e in card_buttons} == {"Context", "Verify", "Share to channel"}
    share = next(e for e in card_buttons if e["text"]["text"] == "Share to channel")
    payload = {"type": "block_actions", "user": {"id": "U2147483697"}, "team": {"id": "T0001"},
               "channel": {"id": "C2147483705"}, "response_url": running.api.response_url("3"),
               "trigger_id": "1.2.3", "api_app_id": "A0QUOTEBOT", "container": {"type": "message"},
               "actions": [{"action_id": share["action_id"], "block_id": "b", "value": share["value"],
                            "type": "button", "action_ts": "1700000300.1"}]}
    body = urlencode({"payload": json.dumps(payload)})
    resp = await running.post(body, sign(body), "application/x-www-form-urlencoded")
    assert resp.status == 200
    shared = (await running.api.wait_for("response_url", 2))[1]
    assert shared["response_type"] == "in_channel" and "Vladimir Putin" in check_blocks(shared)


@pytest.fixture
async def api_down(seed_db_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[Running]:
    """The Bolt app whose Web API is closed (nothing listening) or refusing every call (HTTP 500); the
    response_url receiver, which is not the Web API, is up."""
    receiver = await SlackStandIn().start()
    web_api = await SlackStandIn().start()
    if request.param == "closed":
        await web_api.stop()
    else:
        for method in ("auth.test", "chat.postMessage"):
            web_api.refusals[method] = [(500, "fatal_error")] * 50
    settings = load_settings({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                              "SLACK_API_BASE_URL": web_api.api_url})
    core = Core(seed_db_path, settings=settings)
    port = free_port()
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_slack(core, settings, mode="http", port=port, host="127.0.0.1",
                                         stop=stop, ready=ready))
    await asyncio.wait_for(ready.wait(), 10)
    async with aiohttp.ClientSession() as session:
        yield Running(receiver, f"http://127.0.0.1:{port}", session)
    stop.set()
    await asyncio.wait_for(task, 10)
    core.close()
    await receiver.stop()
    await web_api.stop()


def no_secret_in(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    text = "\n".join(logging.Formatter().format(r) for r in caplog.records)
    assert BOT_TOKEN not in text and SIGNING_SECRET not in text


@pytest.mark.parametrize("api_down", ["closed", "refusing"], indirect=True)
async def test_a_signed_command_is_acked_and_answered_while_the_web_api_is_down(
        api_down: Running, caplog: pytest.LogCaptureFixture) -> None:
    resp = await api_down.command("NATO")
    assert resp.status == 200  # the ack: Bolt's authorization no longer waits on auth.test
    [answer] = await api_down.api.wait_for("response_url")  # the answer goes through the response_url
    assert "*Vladimir Putin*" in check_blocks(answer)
    no_secret_in(caplog)


@pytest.mark.parametrize("api_down", ["closed", "refusing"], indirect=True)
async def test_a_mention_that_cannot_be_answered_is_acked_and_logged_in_one_line(
        api_down: Running, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.INFO)
    resp = await api_down.event("slack_event_app_mention.json")
    assert resp.status == 200
    for _ in range(200):  # the answer is posted after the ack; wait for its failure to be logged
        lines = [r for r in caplog.records if r.name == "adapters.slack.app"]
        if any("apology" in r.getMessage() for r in lines):
            break
        await asyncio.sleep(0.05)
    assert [r.getMessage().split(" (")[0] for r in lines] == [
        "slack: could not post the answer to channel C2147483705",
        "slack: could not send the apology to channel C2147483705 either"]
    assert not any(r.exc_info for r in lines)  # an unreachable Slack is expected: no traceback
    no_secret_in(caplog)


async def test_a_refused_answer_gets_an_apology_and_a_log_line(running: Running,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    """chat.postMessage refuses the answer to a mention: the failure is logged (no secret) and the
    apology goes to the same channel once Slack takes it."""
    import logging

    caplog.set_level(logging.INFO)
    running.api.refusals["chat.postMessage"] = [(200, "msg_too_long")]
    await running.event("slack_event_app_mention.json")
    [_, apology] = await running.api.wait_for("chat.postMessage", 2)
    assert apology["channel"] == "C2147483705" and "something went wrong" in apology["text"]
    assert any("could not post the answer to channel C2147483705" in r.getMessage() and "msg_too_long"
               in r.getMessage() for r in caplog.records)
    no_secret_in(caplog)


async def test_a_response_url_that_refuses_the_answer_is_logged(running: Running,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.INFO)
    running.api.refusals["response_url"] = [(404, "expired_url")]
    resp = await running.command("NATO")
    assert resp.status == 200
    for _ in range(200):
        refused = [r.getMessage() for r in caplog.records if "refused the answer" in r.getMessage()]
        if refused:
            break
        await asyncio.sleep(0.05)
    assert refused == ["slack: the response_url of channel C2147483705 refused the answer (HTTP 404: expired_url)"]
    assert "/respond/" not in "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("adapters"))


async def test_any_channel_member_may_change_the_digest_settings(running: Running, seed_db_path: Path) -> None:
    """README: in Slack any member of the channel may change them (no admin check, unlike Telegram groups)."""
    from bot.scheduling.schedule_store import ensure, get_channel
    from corpus.store import open_db

    form = dict(parse_qsl((DATA / "slack_command_quote_nato.txt").read_text().strip()))
    member = {**form, "command": "/quotebot", "text": "digest on 07:30 Europe/Moscow", "user_id": "U0MEMBER",
              "response_url": running.api.response_url("m")}
    body = urlencode(member)
    resp = await running.post(body, sign(body), "application/x-www-form-urlencoded")
    assert resp.status == 200
    [answer] = await running.api.wait_for("response_url")
    assert "Daily digest on: every day at 07:30 Europe/Moscow" in json.dumps(answer)
    db = open_db(seed_db_path)
    ensure(db)
    channel = get_channel(db, f"slack:{form['channel_id']}")
    db.close()
    assert channel is not None and channel.slot == "07:30" and channel.tz == "Europe/Moscow"


async def test_socket_mode_connects_acks_and_answers(seed_db_path: Path) -> None:
    """Socket Mode against the stand-in: the app asks for its WebSocket URL (with the app token), connects,
    acks a slash command's envelope and answers through the response_url."""
    api = await SlackStandIn().start()
    app_token = "xapp-1-A0QUOTEBOT-1-socketsecret"
    settings = load_settings({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": app_token,
                              "SLACK_API_BASE_URL": api.api_url})
    core = Core(seed_db_path, settings=settings)
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_slack(core, settings, mode="socket", stop=stop, ready=ready))
    try:
        await asyncio.wait_for(ready.wait(), 15)
        [opened] = api.sent("apps.connections.open")
        form = dict(parse_qsl((DATA / "slack_command_quote_nato.txt").read_text().strip()))
        await api.send_envelope("slash_commands", {**form, "response_url": api.response_url("s")}, "env-42")
        [answer] = await api.wait_for("response_url")
        assert "*Vladimir Putin*" in check_blocks(answer)
        assert [a["envelope_id"] for a in api.acks] == ["env-42"]
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        core.close()
        await api.stop()
