"""/stats and /help, and the reply to a message the bot did not understand."""

from __future__ import annotations

import re

from corpus.stats import corpus_stats

from ..errors import UsageError
from ..reply import Reply
from .commands import Context, command, lookup, visible

EXAMPLES = (
    "/quote NATO",
    "/who sanctions",
    "/said Lavrov BRICS",
    '/verify "we cannot just passively observe events"',
    "who said what about NATO?",
    "what did Putin say about Ukraine?",
)


@command("stats")
def stats(ctx: Context, args: str) -> Reply:
    """What the corpus holds: articles, quotes, speakers, sources and dates.

    /stats"""
    s = corpus_stats(ctx.db)
    sources = ", ".join(f"{k} ({v})" for k, v in list(s["sources"].items())[:8]) or "none"
    text = (f"{s['articles']:,} articles, {s['quotes']:,} quotes ({s['unattributed']:,} unattributed), "
            f"{s['speakers']:,} speakers.\nDates: {s['first_published'] or '?'} to {s['last_published'] or '?'}.\n"
            f"Sources: {sources}.")
    return Reply(title="The corpus", text=text)


@command("help", aliases=("start",))
def help_(ctx: Context, args: str) -> Reply:
    """The commands and how to ask. /help quote tells more about one command.

    /help — /help verify"""
    name = args.strip().lstrip("/").split(" ")[0] if args.strip() else ""
    if name:
        cmd = lookup(name)
        if cmd is None:
            raise UsageError(f"There is no /{name[:30]} command. /help lists them.")
        return Reply(title=f"/{cmd.name}", text=cmd.help)
    lines = [f"/{c.name} — {c.summary}" + (f"\n    e.g. {ex}" if (ex := example(c.help)) else "") for c in visible()]
    text = "\n".join(lines) + "\n\nIn a direct message you can also ask in plain words:\n" + "\n".join(
        f"• {e}" for e in EXAMPLES[4:])
    return Reply(title="What I can do", text=text)


def example(help_text: str) -> str | None:
    """A command's first example: the first "/…" of its help after the summary line."""
    for line in help_text.splitlines()[1:]:
        m = re.match(r"\s*(/\S.*?)(?:\s+—\s+|$)", line)
        if m:
            return m.group(1).strip()
    return None


def not_understood() -> Reply:
    return Reply(title="I did not catch that",
                 text="Try one of these:\n" + "\n".join(f"• {e}" for e in EXAMPLES) + "\n\n/help lists everything.")
