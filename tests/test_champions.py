"""Champion lists (corpus.champions) give the exact top-k of the formula and each speaker's exact best
quote for the commonest words, through ingest, delete, speaker renames, a quote changed twice in
one sync, a kill between the index commit and the lists file, and reindex; and one (tf, norm)
class is one BM25 in the index."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from corpus import champion_search, champions, hot_counts, ranking, topk
from corpus.index import index_path, reconcile, reindex, search_index
from corpus.search import NO_FILTERS, match_expression, search, who_said
from corpus.store import open_db
from tests.corpus_builder import Q, build

SPEAKERS = ["Vladimir Putin", "Sergei Lavrov", "Maria Zakharova", "Dmitry Peskov", None]
WORDS = ["Russia", "sanctions", "talks", "energy", "grain"]


@pytest.fixture(autouse=True)
def small_corpus_has_champions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hot_counts, "MIN_DOCS", 0)
    monkeypatch.setattr(hot_counts, "HOT_SHARE", 0.3)
    monkeypatch.setattr(champions, "SHARE", 0.3)
    monkeypatch.setattr(champions, "DEPTH", 4)  # short lists: trimming, theta and the fallback all happen


def _quotes(n: int, seed: int) -> list[Q]:
    """'the' in most quotes, zero to four times, in quotes of 3 to 60 words: many (tf, norm) classes."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        words = rnd.sample(WORDS, rnd.randint(1, 3))
        filler = " ".join(rnd.choice(["we", "will", "see", "a", "new", "road", "the"])
                          for _ in range(rnd.randint(0, 50)))
        glue = rnd.choice([" and ", " and the ", ", the "])
        text = f"{glue.join(words)} {filler} item {seed}-{i}"
        out.append(Q(rnd.choice(SPEAKERS), text, f"{rnd.randint(1995, 2026)}-{rnd.randint(1, 12):02d}-01"))
    return out


def _every_match(db, word: str) -> list[tuple[float, int, int]]:  # type: ignore[no-untyped-def]
    """(bm25 × boost from the SQLite row, quote id, speaker id) for every match, best first."""
    idx = search_index(db, sync=False)
    searcher = idx.searcher()
    plan = topk.make_plan(idx, match_expression(word), NO_FILTERS)
    assert plan is not None
    hits = searcher.search(plan.query, searcher.num_docs + 1, count=False).hits
    out = []
    for (bm25, _), qid in zip(hits, searcher.fast_field_values("id", [a for _, a in hits]), strict=True):
        published, speaker_id, confidence, quality = db.execute(
            "SELECT published, speaker_id, confidence, quality FROM quotes WHERE id = ?", [qid]).fetchone()
        score = bm25 * ranking.boost(published, speaker_id is not None, confidence, quality)
        out.append((score, int(qid or 0), int(speaker_id or 0)))
    return sorted(out, reverse=True)


def _check(db, word: str = "the") -> int:  # type: ignore[no-untyped-def]
    """The lists' answers equal brute force; returns how many answers the lists proved."""
    idx = search_index(db, sync=False)
    searcher = idx.searcher()
    plan = topk.make_plan(idx, match_expression(word), NO_FILTERS)
    assert plan is not None and plan.term is not None
    assert plan.champions is not None  # current: the lists describe the index's last commit
    every = _every_match(db, word)
    proven = 0
    for k in (1, 2, 4, 5):
        got = champion_search.champion_top(searcher, idx.schema, plan.term, plan.champions, k)
        if got is not None:
            proven += 1
            assert [round(s, 5) for s, _, _ in got[0]] == [round(s, 5) for s, _, _ in every[:k]]
            assert got[1] == (len(every) > k)
        top, _ = plan.top(searcher, k)  # whichever path answers
        assert [round(s, 5) for s, _, _ in top] == [round(s, 5) for s, _, _ in every[:k]]
    best: dict[int, float] = {}
    for score, _, sid in every:
        best.setdefault(sid, score)
    found = champion_search.champion_best(searcher, idx.schema, plan.term, plan.champions, set(best))
    for sid, (score, qid) in found.items():
        assert round(score, 5) == round(best[sid], 5)
        assert qid in {q for s, q, p in every if p == sid and round(s, 5) == round(best[sid], 5)}
    proven += len(found)
    return proven


def _classes_are_one_bm25_each(db, word: str = "the") -> None:  # type: ignore[no-untyped-def]
    idx = search_index(db, sync=False)
    searcher = idx.searcher()
    lists = idx.champions.lookup(word)
    assert lists
    plan = topk.make_plan(idx, match_expression(word), NO_FILTERS)
    assert plan is not None
    hits = searcher.search(plan.query, searcher.num_docs + 1, count=False).hits
    bm25 = dict(zip(searcher.fast_field_values("id", [a for _, a in hits]), (s for s, _ in hits), strict=True))
    for cls, cl in lists.items():
        assert len({bm25[q] for q in cl.ids}) <= 1, cls


def test_lists_stay_exact_through_ingest_delete_rename_and_reindex(tmp_path: Path) -> None:
    path = build(tmp_path / "c.db", _quotes(150, 1))
    db = open_db(path)
    search_index(db)
    assert _check(db) > 0
    _classes_are_one_bm25_each(db)
    db.close()
    build(path, _quotes(60, 2))  # another connection ingests (a sync notes each new document)
    db = open_db(path)
    search_index(db)
    assert _check(db) > 0
    with db.atomic():
        db.execute("DELETE FROM quotes WHERE id % 4 = 0")
        db.execute("UPDATE speakers SET name = 'Sergei V. Lavrov the Minister' WHERE name = 'Sergei Lavrov'")
        db.execute("UPDATE quotes SET published = '2030-01-01' WHERE id % 9 = 1")  # heavier: new order
    search_index(db)
    _check(db)
    _classes_are_one_bm25_each(db)
    reindex(db)
    assert _check(db) > 0
    _classes_are_one_bm25_each(db)


def test_a_quote_changed_twice_in_one_sync_is_in_its_last_class_only(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from corpus import index_sync

    db = open_db(build(tmp_path / "c.db", _quotes(80, 3)))
    search_index(db)
    monkeypatch.setattr(index_sync, "CHUNK", 3)
    lists = search_index(db, sync=False).champions.lookup("the")
    assert lists
    top_id = max((cl.weights[0], cl.ids[0]) for cl in lists.values() if cl.ids)[1]
    with db.atomic():
        db.execute("UPDATE quotes SET text = 'the the the road, changed once' WHERE id = ?", [top_id])
        db.execute("UPDATE quotes SET text = text || ' and the energy' WHERE id BETWEEN ? AND ?",
                   [top_id + 1, top_id + 5])
        db.execute("UPDATE quotes SET text = 'Russia without the article twice, changed twice' WHERE id = ?", [top_id])
    search_index(db)
    lists = search_index(db, sync=False).champions.lookup("the")
    assert lists
    holders = [c for c, cl in lists.items() if top_id in cl.ids]
    assert len(holders) <= 1 and all(c[0] == 1 for c in holders)  # one "the" now, and in one class at most
    _check(db)


def test_a_kill_before_the_lists_are_written_is_never_read_and_start_up_recomputes(tmp_path: Path) -> None:
    path = build(tmp_path / "c.db", _quotes(120, 4))
    db = open_db(path)
    search_index(db)
    folder = index_path(db)
    assert folder is not None
    saved = tmp_path / "lists-before.bin"
    shutil.copy(folder / champions.FILE, saved)
    db.close()
    build(path, _quotes(40, 5))
    db = open_db(path)
    search_index(db)
    shutil.copy(saved, folder / champions.FILE)  # as if killed between the index commit and the file
    idx = search_index(db, sync=False)
    assert idx.champions.lookup("the") is None
    plan = topk.make_plan(idx, match_expression("the"), NO_FILTERS)
    assert plan is not None and plan.champions is None  # the engine answers meanwhile
    hits, _ = search(db, match_expression("the"))
    assert hits
    reconcile(db)
    assert idx.champions.lookup("the") is not None
    assert _check(db) > 0


def test_who_and_quote_answers_use_the_lists_and_equal_the_engine(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_db(build(tmp_path / "c.db", _quotes(150, 6)))
    search_index(db)
    with_lists = search(db, match_expression("the"))[0], who_said(db, match_expression("the"), limit=3)
    called: list[int] = []
    real = champion_search.champion_top

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        called.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(topk, "champion_top", counting)
    search(db, match_expression("the"))
    assert called  # /quote the asked the lists
    monkeypatch.setattr(champions, "SHARE", 1.1)  # no word qualifies: the engine alone
    reindex(db)
    assert search_index(db, sync=False).champions.lookup("the") is None
    without = search(db, match_expression("the"))[0], who_said(db, match_expression("the"), limit=3)
    assert [round(h.score, 5) for h in with_lists[0]] == [round(h.score, 5) for h in without[0]]
    assert [(s.speaker_id, s.count, round(s.best.score, 5)) for s in with_lists[1].top] == \
        [(s.speaker_id, s.count, round(s.best.score, 5)) for s in without[1].top]


def test_norm_id_is_tantivys_length_code() -> None:
    assert [champions.norm_id(n) for n in (0, 1, 23, 24, 40, 41, 42, 43, 44, 60, 63, 64)] == \
        [0, 1, 23, 24, 40, 40, 41, 41, 42, 49, 49, 50]
    assert champions.norm_id(2**31) == 255


def test_a_version_1_lists_file_reads_as_the_same_lists(tmp_path: Path) -> None:
    # Version 1 stored ids, weights and speaker ids in 8 bytes each; version 2 (half the memory)
    # reads such a file as the same lists, so its answers stay exact.
    import json
    import struct

    path = build(tmp_path / "c.db", _quotes(150, 3))
    db = open_db(path)
    idx = search_index(db)
    folder = index_path(db)
    assert folder is not None and idx.champions.current()
    new = {w: {c: (cl.theta, list(cl.ids), list(cl.weights), list(cl.speakers)) for c, cl in by.items()}
           for w, by in idx.champions.lists.items()}
    assert new and all(cl.ids.itemsize == 4 for by in idx.champions.lists.values() for cl in by.values())
    raw = (folder / champions.FILE).read_bytes()
    (n,) = struct.unpack_from("<I", raw)
    head = json.loads(raw[4:4 + n])
    assert head.pop("version") == 2
    payload = bytearray()
    for word, classes in head["words"].items():
        for tf, norm, _, _ in classes:
            _, ids, weights, speakers = new[word][(tf, norm)]
            payload += struct.pack(f"<{len(ids)}q{len(ids)}d{len(ids)}q", *ids, *weights, *speakers)
    old = json.dumps(head).encode()
    (folder / champions.FILE).write_bytes(struct.pack("<I", len(old)) + old + bytes(payload))
    again = champions.Champions(folder)
    assert again.current()
    assert {w: {c: (cl.theta, list(cl.ids), list(cl.weights), list(cl.speakers)) for c, cl in by.items()}
            for w, by in again.lists.items()} == new


def test_loaded_lists_are_views_into_the_file_and_stay_exact_through_a_sync(tmp_path: Path) -> None:
    # A serving process maps champions.bin instead of copying it (11 MB of lists at 10M quotes, issue
    # 14's memory): the lists are read-only views into it, before and after a sync rewrites it, and the
    # answers stay the exact ones.
    path = build(tmp_path / "c.db", _quotes(150, 5))
    db = open_db(path)
    idx = search_index(db)
    folder = index_path(db)
    assert folder is not None and idx.champions.current()
    loaded = champions.Champions(folder)
    classes = [cl for by in loaded.lists.values() for cl in by.values()]
    assert classes and all(isinstance(a, memoryview) for cl in classes for a in (cl.ids, cl.weights, cl.speakers))
    assert {w: {c: (list(cl.ids), list(cl.weights)) for c, cl in by.items()} for w, by in loaded.lists.items()} == \
        {w: {c: (list(cl.ids), list(cl.weights)) for c, cl in by.items()} for w, by in idx.champions.lists.items()}
    assert _check(db) > 0
    db.close()
    build(path, _quotes(40, 6))  # another connection ingests; this process's lists are kept in step
    db = open_db(path)
    idx = search_index(db)
    assert idx.champions.current()
    assert all(isinstance(cl.ids, memoryview) for by in idx.champions.lists.values() for cl in by.values())
    assert _check(db) > 0
