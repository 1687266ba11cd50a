"""The ranking formula of every full-text answer, in one place.

    score(q, d) = bm25(q, d) × boost(d)
    boost(d)    = (1 + 0.5·recency(d) + 0.25·attributed(d)·confidence(d)) × (1 + 2.33·quality(d))

- ``bm25``: tantivy's BM25 (k1 = 1.2, b = 0.75) summed over the query's words, over one field
  that holds the quote text, the speaker's name and mention and the article title together
  (``all`` in :mod:`corpus.index_schema`; a phrase never runs from one part into the next). A word
  with a prefix mark (``negotiat*``) scores 1 where it matches. One field, not three weighted
  ones (text 1, speaker 0.5, title 0.2 until issue 14's measurements): tantivy's block-max WAND
  prunes only plain term scorers, and a weighted field wraps its scorer, so with three fields
  every match of a common word had to be scored (see :func:`corpus.topk.exact_top`).
- ``recency`` = 1 / (1 + e^(−(t − 2015) / 4)) with ``t`` the publication date in years (day
  precision); an unknown or year-less date counts as 0. Strictly increasing, so when relevance
  ties the newer quote ranks first, whatever the order of ingestion.
- ``attributed`` is 1 for a quote with a speaker, 0 for an unattributed one; ``confidence`` is
  the extractor's attribution confidence (0..1).
- ``quality`` (0..1) is how substantive a quote is (``quotes.quality``, :mod:`corpus.quality`;
  1.0 when the column does not exist). It multiplies: a question, a courtesy formula, an elision
  mark or a fragment (quality ≤ 0.3) keeps at most 0.51 of a substantive quote's boost, so it
  leads only when its text matches far better (issue 12: such lines must not lead). The factor
  is at least 1, so ``boost`` ≥ 1 and tantivy's weight stays ≥ 0.

``boost`` depends on the quote only, so it is computed at indexing time and stored as a fast
field; tantivy multiplies each match's BM25 by ``log2(2 + weight)`` inside its top-k collector
(``weight_by_field``), and :func:`weight` stores the value for which that factor is ``boost``.
The top-k is therefore the exact top-k of the formula over every match, never a window.
"""

from __future__ import annotations

import math
import struct
from datetime import date

RECENCY_PIVOT = 2015.0
RECENCY_SCALE = 4.0
W_RECENCY, W_ATTRIBUTED = 0.5, 0.25
QUALITY_GAIN = 2.33  # a quality-1 quote's factor is 3.33 times a quality-0 one's
PREFIX_SCORE = 1.0  # what a prefix word (a regex over the terms) adds where it matches


def day_key(published: str | None) -> int:
    """``published`` as YYYYMMDD (missing month/day as 00); 0 for a year-less date, -1 for none.

    Comparing these integers orders dates as the ISO strings do, so date filters mean the same
    in SQLite and in the index (see :func:`since_key` and :func:`until_key`).
    """
    if not published:
        return -1
    if not published[:4].isdigit():
        return 0
    month = int(published[5:7]) if published[5:7].isdigit() else 0
    day = int(published[8:10]) if month and published[8:10].isdigit() else 0
    return int(published[:4]) * 10000 + month * 100 + day


def since_key(since: str) -> int:
    """The lowest key a ``since:`` prefix admits (``2021-11`` → 20211100)."""
    return max(1, day_key(since))


def until_key(until: str) -> int:
    """The highest key an ``until:`` prefix admits (``2021-11`` → 20211199): the prefix is inclusive."""
    key = day_key(until)
    if key <= 0:
        return key
    if key % 10000 == 0:
        return key + 9999
    if key % 100 == 0:
        return key + 99
    return key


def recency(published: str | None) -> float:
    key = day_key(published)
    if key <= 0:
        return 0.0
    year, month, day = key // 10000, (key // 100) % 100, key % 100
    try:
        fraction = (date(year, month or 1, day or 1).timetuple().tm_yday - 1) / 365.25
    except ValueError:
        fraction = 0.0
    return 1 / (1 + math.exp(-(year + fraction - RECENCY_PIVOT) / RECENCY_SCALE))


def boost(published: str | None, attributed: bool, confidence: float, quality: float = 1.0) -> float:
    return boost_at(recency(published), attributed, confidence, quality)


def boost_at(rec: float, attributed: bool, confidence: float, quality: float = 1.0) -> float:
    """:func:`boost` for a quote whose ``recency(published)`` is ``rec`` (known to the caller)."""
    conf = min(1.0, max(0.0, confidence))
    qual = min(1.0, max(0.0, quality))
    base = 1 + W_RECENCY * rec + W_ATTRIBUTED * (1.0 if attributed else 0.0) * conf
    return base * (1 + QUALITY_GAIN * qual)


MAX_BOOST = (1 + W_RECENCY + W_ATTRIBUTED) * (1 + QUALITY_GAIN)  # recency, confidence, quality ≤ 1


def weight(boost_value: float) -> float:
    """The fast-field value ``w`` with ``log2(2 + w) == boost_value`` (tantivy's ``weight_by_field``),
    rounded to single precision: a relative change below 6e-8, finer than tantivy's own f32 BM25
    scores, and it lets the engine store the column in about a third of the bits (with the index
    sorted by weight, a tenth: the low 29 bits of every value are zero, see corpus.index_schema).
    Two publication days a day apart still get different weights (the smallest step, for a
    quality-0 quote of 2000, is about 1e-5, far above the rounding)."""
    return float(_F32.unpack(_F32.pack(2.0**boost_value - 2.0))[0])


_F32 = struct.Struct("<f")


# Impact tiers: a quote's tier is the number of these cuts above its boost (tier 0: boost ≥ 5.6).
# Fixed by the formula, not by a corpus: a quote's tier never changes unless its boost does, and
# every quote in tier t > 0 has boost < TIER_CUTS[t - 1] (corpus.topk's stopping rule).
TIER_CUTS = (5.6, 5.5, 5.4, 5.25, 5.0, 4.5, 4.0, 3.0)


def tier(boost_value: float) -> int:
    return sum(1 for cut in TIER_CUTS if boost_value < cut)

