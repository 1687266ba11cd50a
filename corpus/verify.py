"""Is this quote real? Find the closest real quotes to a remembered wording.

Candidates come from the search index (corpus/verify_candidates.py: an OR over the claim's
rarest stemmed terms, at most a few hundred quotes), then rapidfuzz aligns the claim inside each
candidate and scores it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz
from sqlite_utils import Database

from .clean import fold_spaces
from .search import NO_FILTERS, Filters, Hit
from .verify_candidates import candidates as _candidates

EXACT, CLOSE = 97.0, 75.0  # rapidfuzz scores (0-100) over normalised text
MAX_CLAIM = 1000
RARE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Match:
    hit: Hit
    score: float
    verdict: Literal["exact", "close"]
    matched: str  # the corpus wording aligned with the claim
    removed: tuple[str, ...]  # words of the corpus wording the claim changed or left out
    added: tuple[str, ...]  # words of the claim the corpus wording does not have


def normalise(text: str) -> str:
    text = fold_spaces(text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w' ]+", " ", text.lower()).split())


def _diff(claim: str, matched: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Word-level differences; corpus words hanging off either end of the alignment are slack, not changes."""
    a, b = matched.split(), claim.split()
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    # The character alignment is widened to whole words, so it may take in a neighbouring word
    # the claim never quoted; reporting it as "removed" would blame the reader for our slack.
    while ops and ops[0][0] == "delete":
        ops = ops[1:]
    while ops and ops[-1][0] == "delete":
        ops = ops[:-1]
    if not ops:
        return "", (), tuple(b)
    removed: list[str] = []
    added: list[str] = []
    for op, i1, i2, j1, j2 in ops:
        if op in ("replace", "delete"):
            removed.extend(a[i1:i2])
        if op in ("replace", "insert"):
            added.extend(b[j1:j2])
    return " ".join(a[ops[0][1]:ops[-1][2]]), tuple(removed), tuple(added)


def verify_quote(db: Database, claim: str, filters: Filters = NO_FILTERS, *, timeout_ms: int = 2000,
                 limit: int = 3) -> list[Match]:
    """The real quotes closest to ``claim``, best first; empty when nothing is close."""
    claim_n = normalise(claim[:MAX_CLAIM])
    if len(claim_n.split()) < 2:
        return []
    out: list[Match] = []
    for hit in _candidates(db, claim[:MAX_CLAIM], filters, timeout_ms):
        text_n = normalise(hit.text)
        if claim_n in text_n:
            out.append(Match(hit, 100.0, "exact", claim_n, (), ()))
            continue
        alignment = fuzz.partial_ratio_alignment(claim_n, text_n)
        if alignment is None or alignment.score < CLOSE:
            continue
        # Widen the aligned stretch to whole words before diffing.
        start, end = alignment.dest_start, alignment.dest_end
        while start > 0 and text_n[start - 1] != " ":
            start -= 1
        while end < len(text_n) and text_n[end] != " ":
            end += 1
        matched, removed, added = _diff(claim_n, text_n[start:end])
        score = fuzz.ratio(claim_n, matched)
        if score < CLOSE:
            continue
        verdict: Literal["exact", "close"] = "exact" if score >= EXACT and not removed and not added else "close"
        out.append(Match(hit, score, verdict, matched, removed, added))
    out.sort(key=lambda m: (-m.score, m.hit.speaker_id is None))
    return out[:limit]
