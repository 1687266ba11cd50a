"""A first extractor: quoted spans with a speech cue and a named speaker next to them."""

from __future__ import annotations

import re

from ..clean import content_spans, fold_spaces
from ..models import ExtractedQuote

_CUES = r"(?:said|says|stated|added|noted|stressed|told|affirmed|emphasi[sz]ed|reiterated|warned)"
_NAME = r"(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})"
_QUOTE = re.compile(r"[\"“]([^\"“”]{20,}?)[\"”]")
_AFTER = re.compile(rf",?\s*(?P<name>{_NAME})\s+(?P<cue>{_CUES})\b|,?\s*(?P<cue2>{_CUES})\s+(?P<name2>{_NAME})")


def extract_quotes(text: str, title: str | None = None) -> list[ExtractedQuote]:
    folded = fold_spaces(text)
    out: list[ExtractedQuote] = []
    for start, end in content_spans(text):
        for m in _QUOTE.finditer(folded, start, end):
            cue = _AFTER.match(folded, m.end(), min(end, m.end() + 80))
            if not cue:
                continue
            name = cue["name"] or cue["name2"]
            if name.lower() in {"he", "she", "they"}:
                name = None
            s, e = m.start(1), m.end(1)
            out.append(ExtractedQuote(s, e, text[s:e], name, "direct", cue["cue"] or cue["cue2"],
                                      0.6 if name else 0.3))
    return out
