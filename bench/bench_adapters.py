"""Chat latency through the real adapters and local stand-ins, on the 1M-quote corpus.

Telegram: update pushed to the stand-in Bot API → the bot's sendMessage arrives (long polling).
Slack: a signed /quote request → Bolt's HTTP 200 ack; and → the answer at the response_url.
Needs bench/out/search_1000000.db from `bench_search.py --quotes 1000000 --build-only` (refused,
one line, exit status 1, when it is missing or empty); ``--samples`` measures the bundled samples
instead, as a smoke run whose figures are not the README's.

    .venv/bin/python bench/bench_adapters.py [--n 200] [--db FILE | --samples]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from adapters.slack import run_slack  # noqa: E402
from adapters.telegram import run_telegram  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.core import Core  # noqa: E402
from corpus.ingest import ingest_paths  # noqa: E402
from corpus.store import open_db  # noqa: E402
from tests.slack_standin import BOT_TOKEN, SIGNING_SECRET, SlackStandIn, sign  # noqa: E402
from tests.standin_base import free_port  # noqa: E402
from tests.telegram_standin import TelegramStandIn, private_message  # noqa: E402

TOPICS = ["Russia", "NATO", "sanctions", "climate change", "Lukashenko", "the", "Ukraine", "oil prices"]


BIG = ROOT / "bench" / "out" / "search_1000000.db"  # the name bench_search.py builds it under


def corpus(db: Path, samples: bool) -> tuple[Path, str]:
    """The corpus to measure: the 1M-quote one the README's figures are for, or (``--samples``, a smoke
    run) the bundled samples; a missing or empty corpus is refused, never measured in its place."""
    if samples:
        path = Path(tempfile.mkdtemp()) / "samples.db"
        ingest_paths(open_db(path), [str(ROOT / "corpus" / "samples")])
        return path, "bundled samples (a smoke run: not the README's figures)"
    build = "run bench/bench_search.py --quotes 1000000 --build-only first (make bench does)"
    if not db.exists():  # checked before open_db, which would create an empty corpus
        sys.exit(f"bench_adapters.py: there is no corpus at {db} — {build}")
    con = open_db(db)
    try:
        n = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    finally:
        con.close()
    if not n:
        sys.exit(f"bench_adapters.py: the corpus at {db} is empty — {build}")
    return db, f"{n:,}-quote corpus {db.name}"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def telegram(db: Path, n: int) -> list[float]:
    standin = await TelegramStandIn().start()
    settings = load_settings({"TELEGRAM_BOT_TOKEN": standin.token, "TELEGRAM_API_BASE_URL": standin.base_url})
    core = Core(db, settings=settings)
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_telegram(core, settings, stop, poll_timeout=10, ready=ready))
    await ready.wait()
    out = []
    for i in range(n):
        before = len(standin.sent())
        t = time.perf_counter()
        standin.push(private_message(f"/quote {TOPICS[i % len(TOPICS)]}", message_id=i + 1))
        await standin.wait_for("sendMessage", before + 1, timeout=30)
        out.append((time.perf_counter() - t) * 1000)
    stop.set()
    await task
    core.close()
    await standin.stop()
    return out


async def slack(db: Path, n: int) -> tuple[list[float], list[float]]:
    api = await SlackStandIn().start()
    settings = load_settings({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                              "SLACK_API_BASE_URL": api.api_url})
    core = Core(db, settings=settings)
    port = free_port()
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(run_slack(core, settings, mode="http", port=port, host="127.0.0.1", stop=stop,
                                         ready=ready))
    await ready.wait()
    acks, answers = [], []
    async with aiohttp.ClientSession() as session:
        for i in range(n):
            body = urlencode({"command": "/quote", "text": TOPICS[i % len(TOPICS)], "channel_id": "C1",
                              "user_id": "U1", "team_id": "T0001", "response_url": api.response_url(str(i))})
            before = len(api.responses)
            t = time.perf_counter()
            resp = await session.post(f"http://127.0.0.1:{port}/slack/events", data=body,
                                      headers={**sign(body), "Content-Type": "application/x-www-form-urlencoded"})
            acks.append((time.perf_counter() - t) * 1000)
            assert resp.status == 200
            await api.wait_for("response_url", before + 1, timeout=30)
            answers.append((time.perf_counter() - t) * 1000)
    stop.set()
    await task
    core.close()
    await api.stop()
    return acks, answers


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--db", type=Path, default=BIG, help="the corpus to measure (default: the 1M-quote one)")
    ap.add_argument("--samples", action="store_true", help="measure the bundled samples instead (a smoke run)")
    args = ap.parse_args()
    db, label = corpus(args.db, args.samples)
    print(f"corpus: {label}; {args.n} requests each; milliseconds")
    tg = asyncio.run(telegram(db, args.n))
    print(f"telegram update -> sendMessage: p50 {statistics.median(tg):.1f}  p95 {pct(tg, 95):.1f}  "
          f"p99 {pct(tg, 99):.1f}")
    acks, answers = asyncio.run(slack(db, args.n))
    print(f"slack /quote -> ack (HTTP 200): p50 {statistics.median(acks):.1f}  p95 {pct(acks, 95):.1f}  "
          f"p99 {pct(acks, 99):.1f}")
    print(f"slack /quote -> response_url answer: p50 {statistics.median(answers):.1f}  "
          f"p95 {pct(answers, 95):.1f}  p99 {pct(answers, 99):.1f}")


if __name__ == "__main__":
    main()
