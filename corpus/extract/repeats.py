"""Words printed twice under two names: a pull quote, or a quotation one speaker repeats of another.

News pages repeat a later quotation as a stand-alone paragraph (a ``<blockquote class="pullquote">``
becomes one). Standing alone, it reads as the previous speaker's continuation, yet the article
names its real speaker where the words appear again. When one wording carries two different names
in one article, a copy named only by continuation (no mention of its own) loses its name: the
evidence for it was position, and the article itself contradicts it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import ExtractedQuote

_WORD = re.compile(r"\w+")
_MIN_WORDS = 4  # shorter wordings ("Thank you.", "No.") repeat by chance


def _key(text: str) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(text))


def unname_contradicted_continuations(quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    """The quotes, with every continuation whose wording the article also gives another speaker
    made unattributed (kept, so the words can still be found)."""
    if not any(q.resolution == "continuation" and q.speaker for q in quotes):
        return quotes
    keys = [_key(q.text) for q in quotes]
    out = []
    for q, k in zip(quotes, keys, strict=True):
        if q.resolution == "continuation" and q.speaker and k.count(" ") + 1 >= _MIN_WORDS and any(
                o is not q and o.speaker and o.speaker != q.speaker and (k in ko or ko in k) and
                ko.count(" ") + 1 >= _MIN_WORDS for o, ko in zip(quotes, keys, strict=True)):
            q = replace(q, speaker=None, speaker_type=None, role=None, mention=None, speaker_start=None,
                        speaker_end=None, resolution=None, confidence=min(q.confidence, 0.3))
        out.append(q)
    return out
