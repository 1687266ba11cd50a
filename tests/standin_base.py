"""What the local platform stand-ins share: serving on 127.0.0.1 and waiting for a call."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable
from typing import TypeVar

from aiohttp import web

T = TypeVar("T")


async def serve_local(app: web.Application) -> tuple[web.AppRunner, int]:
    """Serve ``app`` on 127.0.0.1 on a free port; returns the runner and the port."""
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, int(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]


async def poll_until(fetch: Callable[[], list[T]], count: int, timeout: float, describe: Callable[[], str]) -> list[T]:
    """``fetch()`` once it holds ``count`` items; an AssertionError saying what arrived after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = fetch()
        if len(found) >= count:
            return found
        await asyncio.sleep(0.02)
    raise AssertionError(f"{len(fetch())} arrived, wanted {count}: {describe()}")


def free_port() -> int:
    """A port free on 127.0.0.1 now (for servers that take a port number rather than 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
