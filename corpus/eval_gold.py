"""Gold files for ``quotebot eval`` and how a prediction's speaker is judged against a gold quote.

Formats: ../shared/gold/README.md. Seeds and Wikinews give resolved names with ``speaker_aliases``
(``""``: the article names nobody); PolNeAR gives surface mentions (``speaker_resolved: false``,
``speaker_spans``, ``parts`` of a split quote).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GoldError
from .eval_tables import Outcome
from .models import ExtractedQuote
from .store import fold

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    speaker: str | None  # None: the gold gives no speaker to check; "": the article names nobody
    kind: str
    optional: bool
    aliases: tuple[str, ...]
    resolved: bool
    parts: tuple[Span, ...] = ()  # the content's own spans (PolNeAR); empty: the whole span
    speaker_spans: tuple[Span, ...] = ()

    @property
    def spans(self) -> tuple[Span, ...]:
        return self.parts or ((self.start, self.end),)


def _bool(v: Any) -> bool:
    return v is True or str(v).lower() == "true"


def _aliases(v: Any) -> tuple[str, ...]:
    if isinstance(v, list):
        return tuple(str(x) for x in v)
    if isinstance(v, str) and v.strip().startswith("["):
        try:
            return tuple(str(x) for x in json.loads(v.replace("'", '"')))
        except json.JSONDecodeError:
            return ()
    return ()


def _spans(v: Any) -> tuple[Span, ...]:
    if not isinstance(v, list):
        return ()
    out = []
    for item in v:
        if isinstance(item, list | tuple) and len(item) == 2 and int(item[1]) > int(item[0]):
            out.append((int(item[0]), int(item[1])))
    return tuple(sorted(out))


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The articles of a gold file; :class:`GoldError` names the first line that is not one."""
    docs = []
    try:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    docs.append(_gold_doc(line, f"{path}:{lineno}"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from exc
    return docs


def _gold_doc(line: str, where: str) -> dict[str, Any]:
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{where}: not JSON ({exc.msg})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        raise GoldError(f"{where}: an article needs a 'text' string")
    quotes = doc.get("quotes", [])
    if not isinstance(quotes, list):
        raise GoldError(f"{where}: 'quotes' is not a list")
    for q in quotes:
        if not isinstance(q, dict) or not all(isinstance(q.get(k), int) for k in ("start", "end")):
            raise GoldError(f"{where}: every quote needs integer 'start' and 'end'")
    return doc


def gold_quotes(doc: dict[str, Any], kinds: Iterable[str] | None = None) -> list[GoldQuote]:
    wanted = set(kinds) if kinds else None
    out = []
    for q in doc.get("quotes", []):
        if int(q["end"]) <= int(q["start"]):
            continue  # a malformed span (PolNeAR dev has nine with end < start): nothing could match it
        kind = _kind(doc, q)
        if wanted and kind not in wanted:
            continue
        speaker = q.get("speaker")
        out.append(GoldQuote(int(q["start"]), int(q["end"]), None if speaker is None else str(speaker),
                             kind, _bool(q.get("optional")), _aliases(q.get("speaker_aliases")),
                             _bool(q.get("speaker_resolved", True)), _spans(q.get("parts")),
                             _spans(q.get("speaker_spans"))))
    return out


def _kind(doc: dict[str, Any], q: dict[str, Any]) -> str:
    """The gold kind; on PolNeAR, content with quotation marks written as two characters ('' … '',
    `` … '') is direct. PolNeAR's kind is "direct" exactly when the content holds a quotation mark,
    and its conversion read only one-character marks: 1,199 train and 86 dev attributions whose
    content is in doubled apostrophes came out "indirect"."""
    kind = str(q.get("kind", "direct"))
    if kind != "indirect" or _bool(q.get("speaker_resolved", True)):
        return kind
    text = doc["text"]
    parts = _spans(q.get("parts")) or ((int(q["start"]), int(q["end"])),)
    return "direct" if any("''" in text[s:e] or "``" in text[s:e] for s, e in parts) else kind


def intersection(a: Span, b: Span) -> int:
    """How many characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _name(name: str) -> tuple[str, ...]:
    """A name's words for comparison: case and spaces folded, a possessive and a leading 'the' dropped."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in fold(name).split()]
    return tuple(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def speaker_matches(gold: GoldQuote, predicted: str | None) -> bool:
    """The predicted name is the gold speaker or one of its aliases (case, spaces, a possessive and a
    leading 'the' aside: "Saudi Arabia Civil Defense Authority" is "Saudi Arabia's Civil Defense Authority")."""
    if not predicted or not gold.speaker:
        return False
    return _name(predicted) in {_name(gold.speaker), *(_name(a) for a in gold.aliases)}


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n < len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def name_form_differs(gold: GoldQuote, predicted: str) -> bool:
    """The predicted name is a run of words of the gold name or an alias, or contains one whole."""
    mine = _name(predicted)
    return any(_within(mine, n) or _within(n, mine) for n in (_name(gold.speaker or ""),
                                                              *(_name(a) for a in gold.aliases)))


def outcome(gold: GoldQuote, pred: ExtractedQuote) -> Outcome | None:
    """How ``pred`` attributes the quote ``gold``; None when the gold gives nothing to check.

    On surface gold a name counts as right when it was read from the gold source mention; whether
    the mention is right regardless of naming is :func:`attached`.
    """
    if not gold.resolved:
        if not gold.speaker_spans:  # PolNeAR marks no source mention: nobody in the text said it
            return "abstained" if pred.speaker is None else "misattributed"
        if pred.speaker is None:
            return "unattributed"
        if pred.speaker_start is None or pred.speaker_end is None:
            return "unplaced"
        return "right" if attached(gold, pred) else "misattributed"
    if gold.speaker is None:
        return None
    if not gold.speaker:
        return "abstained" if pred.speaker is None else "misattributed"
    if pred.speaker is None:
        return "unattributed"
    if speaker_matches(gold, pred.speaker):
        return "right"
    return "partial" if name_form_differs(gold, pred.speaker) else "misattributed"


def attached(gold: GoldQuote, pred: ExtractedQuote) -> bool | None:
    """Surface gold: is the quote attached to the gold source mention? Scored apart from naming — a
    quote attached to the right "he" is attached right even when we declined to say who "he" is; a
    quote PolNeAR gives no source mention is attached right when we point at none. None on resolved gold.
    """
    if gold.resolved:
        return None
    if pred.speaker_start is None or pred.speaker_end is None:
        return not gold.speaker_spans
    mine = (pred.speaker_start, pred.speaker_end)
    return any(intersection(mine, s) for s in gold.speaker_spans)
