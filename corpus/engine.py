"""``/quote`` answered by the index (corpus/index.py): the exact top-k in distinct wordings.

Ranking is the exact top-k of :mod:`corpus.ranking`'s formula over every match (:mod:`corpus.topk`,
over the queries of :mod:`corpus.query`). Identical wording (a wire story republished) is one
result listing its sources: groups are ordered by their best copy, and the window grows until
it holds ``limit`` groups, so grouping never changes which wordings come first.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace

import tantivy
from sqlite_utils import Database

from . import deadline
from .errors import SearchError
from .filters import Filters
from .hits import Hit, load_hits
from .index import search_index
from .topic import Topic
from .topk import Plan, make_plan


@dataclass(frozen=True, slots=True)
class Ranked:
    groups: list[tuple[float, list[int]]]  # (score of the best copy, quote ids best first)
    more: bool  # matches beyond the returned groups exist


def top_groups(searcher: tantivy.Searcher, plan: Plan, limit: int) -> Ranked:
    """The ``limit`` best distinct wordings: groups ordered by their best copy (exact, see :func:`exact_top`)."""
    window = limit + limit // 4 + 5  # a few copies of one wording fit without a second round
    while True:
        top, more = plan.top(searcher, window)
        hashes = searcher.fast_field_values("text_hash", [a for _, _, a in top])
        groups: OrderedDict[int, tuple[float, list[int]]] = OrderedDict()
        for (score, qid, _), h in zip(top, hashes, strict=True):
            groups.setdefault(int(h or 0), (score, []))[1].append(qid)
        if len(groups) >= limit or not more:
            return Ranked(list(groups.values())[:limit], more or len(groups) > limit)
        window *= 4


def _sources(db: Database, ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out.update(db.execute(
            f"SELECT q.id, a.source FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE q.id IN ({','.join('?' * len(part))}) AND a.source IS NOT NULL", part).fetchall())
    return out


def hydrate(db: Database, groups: list[tuple[float, list[int]]]) -> list[Hit]:
    """Hits in rank order; a group's hit is its best copy, ``sources`` lists every copy's source."""
    best = load_hits(db, [(ids[0], score) for score, ids in groups])
    by_id = {h.id: h for h in best}
    copies = [i for _, ids in groups if len(ids) > 1 for i in ids]
    source_of = _sources(db, copies) if copies else {}
    out: list[Hit] = []
    for _, ids in groups:
        hit = by_id.get(ids[0])
        if hit is None:  # deleted since the index saw it (the next sync removes it)
            continue
        if len(ids) > 1:
            names = list(dict.fromkeys(s for s in (source_of.get(i) for i in ids) if s))
            hit = replace(hit, sources=tuple(names))
        out.append(hit)
    return out


def ranked_search(db: Database, topic: Topic, filters: Filters, limit: int) -> tuple[list[Hit], bool]:
    """The ``limit`` best distinct wordings for ``topic`` and whether more matches exist."""
    idx = search_index(db)
    searcher = idx.searcher()
    plan = make_plan(idx, topic, filters)
    if plan is None:
        return [], False
    try:
        r = top_groups(searcher, plan, limit)
    except ValueError as exc:
        raise SearchError(f"cannot search for that: {exc}") from exc
    deadline.check()
    return hydrate(db, r.groups), r.more
