"""Read what a user typed: a /command with filters, or a plain-language question.

Plain language (direct messages) covers the questions reporters ask::

    who said what about NATO?          → /who NATO
    what did Putin say about Ukraine   → /said Putin Ukraine
    quotes on climate change           → /quote climate change
    did Lavrov say that "…"?           → /verify …  (from: Lavrov)
    Lavrov on BRICS                    → /said Lavrov BRICS
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from corpus.meta import ascii_digits

from ..errors import UsageError

MAX_INPUT = 2000  # characters of a message we read; the rest is ignored (Telegram allows 4096)
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))


@dataclass(frozen=True, slots=True)
class Parsed:
    command: str  # without the slash
    args: str


@dataclass(frozen=True, slots=True)
class Query:
    """A topic with its filters, as typed after a command."""

    topic: str = ""
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    kind: str | None = None


def clean_input(text: str) -> str:
    """Drop control characters and unpaired surrogates, normalise, bound the length."""
    text = (text or "")[:MAX_INPUT].translate(_CONTROL)
    text = text.encode("utf-8", "replace").decode("utf-8")
    return unicodedata.normalize("NFC", text).strip()


def parse_command(text: str) -> Parsed | None:
    """``/quote NATO`` → Parsed("quote", "NATO"); ``/quote@bot x`` drops the bot name."""
    m = re.match(r"^/([A-Za-z_]{1,32})(?:@\w+)?(?:\s+(.*))?$", text, re.DOTALL)
    if not m:
        return None
    return Parsed(m.group(1).lower(), (m.group(2) or "").strip())


_FILTER = re.compile(r"(?<!\S)(since|until|from|source|kind|speaker|by):(\"[^\"]*\"|\S+)", re.IGNORECASE)
KINDS = ("direct", "indirect", "transcript")


def _date(value: str, name: str) -> str:
    value = ascii_digits(value)  # "since:２０１５" (full-width, Arabic-Indic…) means since:2015
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value):
        raise UsageError(f"{name}: wants a date like 2021-01-31, 2021-01 or 2021 (got {value[:20]!r})")
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        elif len(value) == 7 and not 1 <= int(value[5:]) <= 12:
            raise ValueError
    except ValueError as exc:
        raise UsageError(f"{name}: {value} is not a real date") from exc
    return value


def parse_query(args: str) -> Query:
    """Split filters (``since:``, ``until:``, ``source:``, ``kind:``, ``from:``) from the topic."""
    q = Query()
    for m in _FILTER.finditer(args):
        key, value = m.group(1).lower(), m.group(2).strip('"')
        if key == "since":
            q = replace(q, since=_date(value, "since"))
        elif key == "until":
            q = replace(q, until=_date(value, "until"))
        elif key in ("from", "speaker", "by"):
            q = replace(q, speaker=value.replace("_", " "))
        elif key == "source":
            q = replace(q, source=value.replace("_", " "))
        elif key == "kind":
            if value.lower() not in KINDS:
                raise UsageError(f"kind: is one of {', '.join(KINDS)}")
            q = replace(q, kind=value.lower())
    topic = _FILTER.sub(" ", args)
    return replace(q, topic=" ".join(topic.split()))


_Q = r"[?.!\s]*$"
_PLAIN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:so\s+)?who\s+(?:has\s+)?(?:said|says|talked|spoke)\s+(?:what\s+)?(?:about|on|of|regarding)\s+(?P<t>.+?)" + _Q, re.I), "who"),
    (re.compile(r"^who\s+is\s+(?:talking|speaking)\s+about\s+(?P<t>.+?)" + _Q, re.I), "who"),
    (re.compile(r"^(?:did|has|have)\s+(?P<s>.+?)\s+(?:really\s+)?(?:say|said|claim|claimed|state|stated)\s*(?:that)?\s*[:,]?\s*(?P<t>.+?)" + _Q, re.I), "verify"),
    (re.compile(r"^(?:is\s+(?:this|it|the\s+quote)\s+(?:quote\s+)?(?:real|true|genuine|accurate)\s*[:?,]?\s*)(?P<t>.+?)" + _Q, re.I), "verify"),
    (re.compile(r"^(?:verify|check|fact[- ]check)\s*[:,]?\s*(?P<t>.+?)" + _Q, re.I), "verify"),
    (re.compile(r"^what\s+(?:did|does|has)\s+(?P<s>.+?)\s+(?:say|said|think|thinks)\s+(?:about|on|of|regarding)\s+(?P<t>.+?)" + _Q, re.I), "said"),
    (re.compile(r"^what\s+(?:did|does|has)\s+(?P<s>.+?)\s+(?:say|said)" + _Q, re.I), "said"),
    (re.compile(r"^(?:show\s+me\s+|find\s+|give\s+me\s+|any\s+)?(?:quotes?|statements?|what\s+was\s+said)\s+(?:on|about|regarding|of)\s+(?P<t>.+?)" + _Q, re.I), "quote"),
    (re.compile(r"^(?:quotes?|statements?)\s+(?:by|from)\s+(?P<s>.+?)(?:\s+(?:on|about)\s+(?P<t>.+?))?" + _Q, re.I), "said"),
    (re.compile(r"^(?P<s>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?:on|about)\s+(?P<t>.+?)" + _Q), "said"),
]


def parse_plain(text: str) -> Parsed | None:
    """Map a plain-language question to a command, or ``None`` when it is not understood."""
    text = " ".join(text.split())
    for pattern, cmd in _PLAIN:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        topic = (groups.get("t") or "").strip()
        speaker = (groups.get("s") or "").strip()
        if cmd == "said":
            if speaker.lower() in {"people", "everyone", "they", "anyone", "somebody", "someone"}:
                return Parsed("who", topic) if topic else None
            return Parsed("said", f'"{speaker}" {topic}'.strip())
        if cmd == "verify":
            args = topic.strip()
            return Parsed("verify", f"{args} from:{_quote_arg(speaker)}" if speaker else args)
        return Parsed(cmd, topic)
    return None


def _quote_arg(value: str) -> str:
    return f'"{value}"' if " " in value else value
