"""Memory of a real ``quotebot serve`` process (issue 14: "memory of `quotebot serve` at 10M ≤ 200 MB").

Starts ``python -m adapters serve`` as its own process, with both chat adapters (Telegram by long
polling against tests/telegram_standin.py, Slack over signed HTTP against tests/slack_standin.py) and
the scheduler, on a corpus built by ``bench_search.py --quotes N --build-only``; sends every command
of bench_search.py's memory probe through Telegram and then through Slack (/quote and /who on its 10
topics, /said Putin, /stats, a /verify), waits for each answer, and reads the serving process's
``/proc/PID/status`` after each: its resident memory (VmRSS, anonymous and file-backed) and its peak
(VmHWM, which also catches what a command maps while it runs). Run by hand, under the bench lock:

    .venv/bin/python bench/bench_serve_memory.py --quotes 10000000 [--file-resident-mb N] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from tests.slack_standin import BOT_TOKEN, SIGNING_SECRET, SlackStandIn, sign  # noqa: E402
from tests.standin_base import free_port  # noqa: E402
from tests.telegram_standin import TelegramStandIn, private_message  # noqa: E402

TOPICS = ["Russia", "the", "NATO", "Lukashenko", "climate change", "sanctions", "\"economic cooperation\"",
          "Ukraine", "Medvedev", "oil prices"]  # bench_search.py's
CLAIM = "Russia is really ready to continue cooperation with NATO"
KEYS = ("VmRSS", "RssAnon", "RssFile", "VmHWM")


def commands() -> list[str]:
    out = [f"/{c} {t}" for t in TOPICS for c in ("quote", "who")]
    return [*out, "/said Putin", "/stats", f'/verify "{CLAIM}"']


def status(pid: int) -> dict[str, int]:
    """VmRSS, RssAnon, RssFile and VmHWM of ``pid`` in kB."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in KEYS:
                out[key] = int(value.split()[0])
    return out


def mb(kb: int) -> str:
    return f"{kb / 1024:.0f}"


async def run(db: Path, resident_mb: int | None, rounds: int, adapters: list[str]) -> None:
    tg = await TelegramStandIn().start()
    sl = await SlackStandIn().start()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "QUOTEBOT_"))}
    env["QUOTEBOT_DB"] = str(db)
    if "telegram" in adapters:
        env.update({"TELEGRAM_BOT_TOKEN": tg.token, "TELEGRAM_API_BASE_URL": tg.base_url})
    if "slack" in adapters:
        env.update({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                    "SLACK_API_BASE_URL": sl.api_url})
    if resident_mb is not None:
        env["QUOTEBOT_FILE_RESIDENT_MB"] = str(resident_mb)
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "adapters", "serve", "--port", str(port),
                                                env=env, stdout=asyncio.subprocess.DEVNULL,
                                                stderr=asyncio.subprocess.DEVNULL)
    worst: dict[str, tuple[int, str]] = {}
    times: dict[str, list[float]] = {}
    try:
        if "telegram" in adapters:
            await tg.wait_for("getUpdates", timeout=60)  # polling: the core is open, the adapters are up
        async with aiohttp.ClientSession() as session:
            for _ in range(600 if "slack" in adapters else 0):  # the Slack listener starts alongside
                try:
                    await session.get(f"http://127.0.0.1:{port}/")
                    break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.1)
            started = status(proc.pid)
            print(f"started: {', '.join(f'{k} {mb(v)}' for k, v in started.items())} MB", flush=True)
            n = 0
            for round_ in range(rounds):
                for via in adapters:
                    for text in commands():
                        n += 1
                        t = time.perf_counter()
                        if via == "telegram":
                            before = len(tg.sent())
                            tg.push(private_message(text, message_id=n))
                            await tg.wait_for("sendMessage", before + 1, timeout=60)
                        else:
                            name, _, arg = text.partition(" ")
                            if name not in ("/quote", "/who", "/said", "/verify"):  # the others: /quotebot stats
                                name, arg = "/quotebot", text.lstrip("/")
                            body = urlencode({"command": name, "text": arg, "channel_id": "C1", "user_id": "U1",
                                              "team_id": "T0001", "response_url": sl.response_url(str(n))})
                            before = len(sl.responses)
                            resp = await session.post(
                                f"http://127.0.0.1:{port}/slack/events", data=body,
                                headers={**sign(body), "Content-Type": "application/x-www-form-urlencoded"})
                            assert resp.status == 200, resp.status
                            await sl.wait_for("response_url", before + 1, timeout=60)
                        ms = (time.perf_counter() - t) * 1000
                        times.setdefault(text, []).append(ms)
                        now = status(proc.pid)
                        for k, v in now.items():
                            if k not in worst or v > worst[k][0]:
                                worst[k] = (v, f"{via} {text}")
                        print(f"  round {round_ + 1} {via:<8} {text:<36} {ms:7.1f} ms  "
                              + "  ".join(f"{k} {mb(v):>4}" for k, v in now.items()), flush=True)
        end = status(proc.pid)
    finally:
        proc.terminate()
        await proc.wait()
        await tg.stop()
        await sl.stop()
    print(f"\nquotebot serve ({' + '.join(adapters)} + scheduler), {n} commands, {load()}:")
    print("  highest after a command: " + "; ".join(f"{k} {mb(v)} MB ({what})" for k, (v, what) in worst.items()
                                                   if k != "VmHWM"))
    print(f"  PEAK (VmHWM) {mb(end['VmHWM'])} MB; at the end VmRSS {mb(end['VmRSS'])} MB "
          f"(anonymous {mb(end['RssAnon'])}, file-backed {mb(end['RssFile'])})")
    every = [ms for values in times.values() for ms in values]
    print(f"  request -> answer through the adapter and its stand-in (ms, median of {len(every) // len(times)}): "
          + "; ".join(f"{text} {statistics.median(v):.1f}" for text, v in times.items()
                      if text.split(" ", 1)[-1] in ("the", "Russia", "NATO") or text == "/said Putin")
          + f"; every command {statistics.median(every):.1f}")


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotes", type=int, default=10_000_000)
    ap.add_argument("--db", type=Path, default=None, help="the corpus (default: bench/out/search_N.db)")
    ap.add_argument("--file-resident-mb", type=int, default=None,
                    help="QUOTEBOT_FILE_RESIDENT_MB for the served process (default: the setting's default)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--adapters", default="telegram,slack", help="which adapters serve (comma-separated)")
    args = ap.parse_args()
    db = args.db or ROOT / "bench" / "out" / f"search_{args.quotes}.db"
    if not db.exists():
        sys.exit(f"bench_serve_memory.py: no corpus at {db}: run bench_search.py --quotes {args.quotes} --build-only")
    print(f"corpus {db.name}; {load()}", flush=True)
    adapters = [a for a in args.adapters.split(",") if a]
    if not adapters or set(adapters) - {"telegram", "slack"}:
        sys.exit("bench_serve_memory.py: --adapters takes telegram, slack or both")
    asyncio.run(run(db, args.file_resident_mb, args.rounds, adapters))


if __name__ == "__main__":
    main()
