"""Search latency at 100k–10M quotes: /quote, /who, /said, /verify, /stats through the core, beside
the exact SQLite reference (full bm25 ORDER BY, full GROUP BY) for time and result overlap.

Builds (once, cached under bench/out/) a corpus from ../shared/corpora/kremlin_en.jsonl.gz: the
Kremlin texts are ingested through the front door once, then their quotes are replicated by
direct bulk insertion until the corpus holds --quotes rows. Every replica gets a random
publication date in 2000–2024, so ingestion order is not publication order, and a " #N" suffix,
so the replicas stay distinct wordings (a real corpus republishes a wording a few times, not a
hundred; collapsing copies is measured by the tests, not here). Then FTS5 (the reference) and
the tantivy index are built. Run by hand:

    .venv/bin/python bench/bench_search.py --quotes 1000000 [--repeat 30]
    .venv/bin/python bench/bench_search.py --quotes 1000000 --build-only
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.core import Core  # noqa: E402
from bot.reply import Request  # noqa: E402
from corpus import engine, query, ranking, resident, topk, who  # noqa: E402
from corpus.added_quotes import note_added_quotes  # noqa: E402
from corpus.index import forget, reindex, search_index  # noqa: E402
from corpus.ingest import ingest_paths  # noqa: E402
from corpus.search import NO_FILTERS, match_expression, search, who_said  # noqa: E402
from corpus.store import open_db  # noqa: E402

KREMLIN = ROOT.parent / "shared" / "corpora" / "kremlin_en.jsonl.gz"
OUT = ROOT / "bench" / "out"
TOPICS = ["Russia", "the", "NATO", "Lukashenko", "climate change", "sanctions", "\"economic cooperation\"",
          "Ukraine", "Medvedev", "oil prices"]
REFERENCE_TOPICS = ["Russia", "the", "NATO", "sanctions", "Medvedev"]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def base_corpus() -> Path:
    path = OUT / "base.db"
    if path.exists():
        return path
    if not KREMLIN.exists():  # an empty base corpus would be cached and replicated into nothing
        sys.exit(f"bench_search.py: the base corpus needs {KREMLIN}, which is missing")
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = OUT / "base.building.db"
    tmp.unlink(missing_ok=True)
    db = open_db(tmp)
    t0 = time.perf_counter()
    ingest_paths(db, [str(KREMLIN)])
    log(f"base corpus: {db.execute('SELECT count(*) FROM quotes').fetchone()[0]:,} quotes "
        f"in {time.perf_counter() - t0:.0f}s")
    forget(db)
    db.close()
    shutil.rmtree(str(tmp) + ".index", ignore_errors=True)
    tmp.rename(path)
    return path


def build(target: int, reference: bool = True) -> Path:
    path = OUT / f"search_{target}.db"
    if path.exists():
        return path
    base = base_corpus()
    tmp = OUT / f"search_{target}.building.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    shutil.rmtree(str(tmp) + ".index", ignore_errors=True)
    shutil.copy(base, tmp)
    db = open_db(tmp)
    db.execute("PRAGMA synchronous=OFF")
    t0 = time.perf_counter()
    n0 = db.execute("SELECT max(id) FROM quotes").fetchone()[0]
    copy = 0
    while (have := db.execute("SELECT max(id) FROM quotes").fetchone()[0]) < target:
        copy += 1
        with db.atomic():
            db.execute(
                """INSERT INTO quotes (article_id, speaker_id, text, start, "end", kind, cue, mention, role,
                                       quality, confidence, published, ingested_at)
                   SELECT article_id, speaker_id, text || ' #' || ?, start, "end", kind, cue, mention, role,
                          quality, confidence,
                          printf('%04d-%02d-%02d', 2000 + abs(random() % 25), 1 + abs(random() % 12),
                                 1 + abs(random() % 28)),
                          ingested_at
                   FROM quotes WHERE id <= ? ORDER BY id LIMIT ?""",
                [copy, n0, target - have],
            )
            note_added_quotes(db, have + 1, db.execute("SELECT max(id) FROM quotes").fetchone()[0])
        if copy % 10 == 0:
            log(f"  copy {copy}: {have:,} quotes")
    log(f"replicated to {target:,} quotes in {time.perf_counter() - t0:.0f}s")
    t1 = time.perf_counter()
    if reference:  # --no-reference: no FTS5 copy of the corpus (a third of the build time)
        reference_fts(db)
    log(f"FTS5 built in {time.perf_counter() - t1:.0f}s; building the tantivy index (quotebot reindex)")
    t2 = time.perf_counter()
    n = reindex(db, progress=lambda k: log(f"  indexed {k:,}") if k % 1_000_000 < 5_000 else None)
    log(f"tantivy index: {n:,} quotes in {time.perf_counter() - t2:.0f}s")
    forget(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    tmp.rename(path)
    Path(str(tmp) + ".index").rename(str(path) + ".index")
    log(f"built {path} in {time.perf_counter() - t0:.0f}s")
    return path


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm the page cache once
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def reference_fts(db) -> None:  # type: ignore[no-untyped-def]
    """The SQLite reference's own FTS5 copy of the corpus (quotebot itself keeps none since migration
    008): built here when missing, e.g. in a corpus built before that migration dropped it."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'quotes_fts'").fetchone():
        return
    t = time.perf_counter()
    with db.atomic():
        db.execute("CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, title, "
                   "tokenize = 'porter unicode61 remove_diacritics 2')")
        db.execute(
            """INSERT INTO quotes_fts (rowid, text, speaker, title)
               SELECT q.id, q.text, coalesce(s.name, ''), coalesce(a.title, '')
               FROM quotes q JOIN articles a ON a.id = q.article_id
               LEFT JOIN speakers s ON s.id = q.speaker_id"""
        )
    db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')")
    log(f"FTS5 reference copy built in {time.perf_counter() - t:.0f}s")


def reference_top(db, expr: str, k: int) -> list[int]:  # type: ignore[no-untyped-def]
    """The documented formula over every FTS5 match (FTS5's bm25 and stemmer): the exact SQLite ranking."""
    db.conn.create_function("boost", 3, lambda p, s, c: ranking.boost(p, s is not None, c), deterministic=True)
    rows = db.execute(
        "SELECT q.id FROM quotes_fts f JOIN quotes q ON q.id = f.rowid WHERE quotes_fts MATCH ? "
        "ORDER BY -bm25(quotes_fts, 1.0, 0.5, 0.2) * boost(q.published, q.speaker_id, q.confidence) DESC LIMIT ?",
        [expr, k]).fetchall()
    return [int(r[0]) for r in rows]


def exact_check(db, topic: str, k: int = 67) -> str:  # type: ignore[no-untyped-def]
    """The engine's top-k (k as /quote asks) against the formula applied to every match: tantivy's
    weighted collector over all of them, and for up to 1M matches Python over every (bm25, boost);
    /who's counts (kept or aggregated) against the aggregation over every match."""
    idx = search_index(db)
    searcher = idx.searcher()
    plan = topk.make_plan(idx, match_expression(topic), NO_FILTERS)
    assert plan is not None
    top = [s for s, _, _ in plan.top(searcher, k)[0]]
    scan = [s for s, _ in searcher.search(plan.query, k, count=False, weight_by_field="weight").hits]
    same = sum(abs(a - b) <= 1e-4 * max(1.0, abs(b)) for a, b in zip(top, scan, strict=False))
    out = f"top-{k} = full weighted scan: {same}/{len(scan)}"
    matches = searcher.search(plan.query, 1, count=True).count
    if matches <= 1_000_000:
        every = searcher.search(plan.query, matches, count=False).hits
        weights = searcher.fast_field_values("weight", [a for _, a in every])
        brute = sorted((bm25 * math.log2(2 + float(w or 0)) for (bm25, _), w in zip(every, weights, strict=True)),
                       reverse=True)[:k]
        same = sum(abs(a - b) <= 1e-4 * max(1.0, abs(b)) for a, b in zip(top, brute, strict=False))
        out += f"; = Python over all {matches:,} matches: {same}/{len(brute)}"
    n_speakers = int(db.execute("SELECT coalesce(max(id), 0) FROM speakers").fetchone()[0])
    every_count = who.speaker_counts(searcher, plan.scan, n_speakers + 2)
    res = who_said(db, match_expression(topic), limit=5)
    equal = sum(every_count.get(x.speaker_id) == x.count for x in res.top)
    term = query._single_term(idx, match_expression(topic)) or ""
    kept = "kept" if idx.hot.lookup(term) is not None else "aggregated"
    out += f"; /who counts ({kept}) = aggregation over every match: {equal}/{len(res.top)}"
    return out


@contextlib.contextmanager
def lists_off() -> Iterator[None]:
    """Search as if no champion lists were kept (every plan without them)."""
    real = topk.make_plan

    def plan_without(*args, **kwargs):  # type: ignore[no-untyped-def]
        plan = real(*args, **kwargs)
        return None if plan is None else dataclasses.replace(plan, champions=None)

    topk.make_plan = plan_without  # type: ignore[assignment]
    engine.make_plan = who.make_plan = plan_without  # type: ignore[attr-defined]
    try:
        yield
    finally:
        topk.make_plan = engine.make_plan = who.make_plan = real  # type: ignore[attr-defined]


def row(label: str, values: list[float], extra: str = "") -> None:
    print(f"{label:<40}{pct(values, 50):>9.1f}{pct(values, 99):>9.1f}{max(values):>9.1f}  {extra}", flush=True)


def verify_claims(db, n: int = 12) -> list[str]:  # type: ignore[no-untyped-def]
    """Real wordings, shortened and with one word changed: what a reader half remembers."""
    rnd = random.Random(5)
    rows = db.execute("SELECT text FROM quotes WHERE id <= 60000 AND length(text) BETWEEN 80 AND 300 "
                      "ORDER BY id LIMIT 4000").fetchall()
    claims = []
    for (text,) in rnd.sample(rows, n):
        words = text.split()[:14]
        if len(words) > 6:
            words[len(words) // 2] = "really"
        claims.append(" ".join(words))
    return claims


def memory_of_serve(path: Path, resident_mb: int) -> str:
    """RSS of a fresh process holding the core after answering every command once."""
    code = f"""
import resource, sys
sys.path.insert(0, {str(ROOT)!r})
from bot.core import Core
from bot.reply import Request
from bot.config import load_settings
core = Core({str(path)!r}, settings=load_settings({{}}, QUOTEBOT_FILE_RESIDENT_MB={resident_mb!r}))
for t in {TOPICS!r}:
    core.handle(Request(text='/quote ' + t)); core.handle(Request(text='/who ' + t))
core.handle(Request(text='/said Putin')); core.handle(Request(text='/stats'))
from corpus import resident
status = dict(l.split(':', 1) for l in open('/proc/self/status') if ':' in l)
by_kind, name = {{}}, ''
for line in open('/proc/self/smaps'):
    head = line.split()
    if '-' in head[0] and len(head) >= 5:
        name = head[5] if len(head) > 5 else ''
        name = name.rsplit('.', 1)[-1] if '/' in name and '.index/' in name else ('db' if '.db' in name else '')
    elif head[0] == 'Rss:' and name:
        by_kind[name] = by_kind.get(name, 0) + int(head[1])
print(status['VmRSS'].strip(), '|', status.get('RssAnon', '?').strip(), '|', status.get('RssFile', '?').strip(), '|',
      status['VmHWM'].strip(), f'; index pages released {{resident.releases}} times;',
      'index and database pages mapped, by file kind (MB):',
      ', '.join(f'{{k}} {{v // 1024}}' for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1])))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    return out.stdout.strip() or out.stderr.strip()[-300:]


def refault_cost(core: Core, texts: list[str], n: int = 10) -> None:
    """Each command's median time with its pages mapped, right after a release of the index pages,
    and the release itself (what QUOTEBOT_FILE_RESIDENT_MB costs when it triggers)."""
    from corpus.index import open_folders

    for text in texts:
        for _ in range(3):
            core.handle(Request(text=text))
        warm, cold, rel = [], [], []
        for _ in range(n):
            t = time.perf_counter()
            core.handle(Request(text=text))
            warm.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            resident.release(open_folders())
            rel.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            core.handle(Request(text=text))
            cold.append((time.perf_counter() - t) * 1000)
        print(f"{text:<40}mapped {statistics.median(warm):6.1f}  after a release {statistics.median(cold):6.1f}  "
              f"the release {statistics.median(rel):5.2f} ms (medians of {n}; {load()})", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--refault", action="store_true",
                    help="only time commands with their index pages mapped and right after a release")
    ap.add_argument("--file-resident-mb", type=int, default=None,
                    help="QUOTEBOT_FILE_RESIDENT_MB for the measured core (default: the setting's default)")
    ap.add_argument("--no-reference", action="store_true",
                    help="skip the slow SQLite reference (and, when building, its FTS5 copy)")
    args = ap.parse_args()
    path = build(args.quotes, reference=not args.no_reference)
    if args.build_only:
        return
    settings = load_settings({}, **({} if args.file_resident_mb is None
                                    else {"QUOTEBOT_FILE_RESIDENT_MB": str(args.file_resident_mb)}))
    resident_mb = int(settings["QUOTEBOT_FILE_RESIDENT_MB"])
    core = Core(path, settings=settings)
    if args.refault:
        refault_cost(Core(path, settings=load_settings({}, QUOTEBOT_FILE_RESIDENT_MB="0")),
                     [f"/quote {t}" for t in ("the", "Russia", "Lukashenko")] + [f"/who {t}" for t in ("the", "NATO")])
        return
    db = open_db(path)
    if not args.no_reference:
        reference_fts(db)
    n = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
    print(f"\ncorpus: {n:,} quotes; {args.repeat} runs per command; milliseconds; {load()}\n")
    print(f"{'command':<40}{'p50':>9}{'p99':>9}{'max':>9}  matches · SQLite reference (p50) · overlap")
    everything: dict[str, list[float]] = {"quote": [], "who": [], "said": [], "verify": [], "stats": []}
    engine_q: list[float] = []
    engine_w: list[float] = []
    off_q: list[float] = []
    off_w: list[float] = []
    for topic in TOPICS:
        expr = match_expression(topic).expression
        matches = who_said(db, match_expression(topic), limit=1).total  # the index's exact count
        q = timed(lambda t=topic: core.handle(Request(text=f"/quote {t}")), args.repeat)
        w = timed(lambda t=topic: core.handle(Request(text=f"/who {t}")), args.repeat)
        everything["quote"] += q
        everything["who"] += w
        # The engine alone (corpus.search: exact top-100 + hydration; exact counts + best quotes),
        # without the core's cards, speaker roles and button tokens.
        eq = timed(lambda t=topic: search(db, match_expression(t)), args.repeat)
        ew = timed(lambda t=topic: who_said(db, match_expression(t), limit=5), args.repeat)
        engine_q += eq
        engine_w += ew
        # The same two without the champion lists (corpus.champions), interleaved: the reference in this run.
        with lists_off():
            oq = timed(lambda t=topic: search(db, match_expression(t)), args.repeat)
            ow = timed(lambda t=topic: who_said(db, match_expression(t), limit=5), args.repeat)
        off_q += oq
        off_w += ow
        ref_q = ref_w = ""
        if not args.no_reference and topic in REFERENCE_TOPICS:
            ours = [h.id for h in search(db, match_expression(topic), candidates=10)[0]]
            t = time.perf_counter()
            ref = reference_top(db, expr, 10)
            ref_ms = (time.perf_counter() - t) * 1000
            ref_q = f"ref {ref_ms:.0f} ms · top-10 overlap {len(set(ours) & set(ref))}/10"
            t = time.perf_counter()
            groups = dict(db.execute(
                "SELECT coalesce(q.speaker_id, 0), count(*) FROM quotes_fts f JOIN quotes q ON q.id = f.rowid "
                "WHERE quotes_fts MATCH ? GROUP BY 1", [expr]).fetchall())
            ref_ms = (time.perf_counter() - t) * 1000
            res = who_said(db, match_expression(topic), limit=5)
            diffs = [abs(s.count - groups.get(s.speaker_id, 0)) / max(1, groups.get(s.speaker_id, 0)) for s in res.top]
            ref_top = sorted((k for k in groups if k), key=lambda k: -groups[k])[:5]
            same = len(set(ref_top) & {s.speaker_id for s in res.top})
            ref_w = (f"ref GROUP BY {ref_ms:.0f} ms · top-5 speakers {same}/5 · counts within "
                     f"{max(diffs, default=0) * 100:.1f} % (FTS5 porter vs snowball stems)")
        row(f"/quote {topic}", q, f"{matches:,} · {ref_q}")
        row("   engine alone", eq, exact_check(db, topic))
        row(f"/who {topic}", w, ref_w)
        row("   engine alone", ew)
        row("   lists off: /quote engine", oq, "(champion lists not read: the engine as before them)")
        row("   lists off: /who engine", ow)
    for text in ("/said Putin", "/said Putin Russia", "/said Lavrov NATO", "/stats"):
        values = timed(lambda t=text: core.handle(Request(text=t)), args.repeat)
        everything["stats" if text == "/stats" else "said"] += values
        row(text, values)
    if not args.no_reference:
        t = time.perf_counter()
        db.execute("SELECT q.id FROM quotes q WHERE q.speaker_id = (SELECT id FROM speakers WHERE name LIKE '%Putin' "
                   "ORDER BY id LIMIT 1) ORDER BY q.published DESC, q.id DESC LIMIT 100").fetchall()
        print(f"{'':<40}(/said Putin's SQL alone: {(time.perf_counter() - t) * 1000:.1f} ms)")
    claims = verify_claims(db)
    v: list[float] = []
    found = 0
    for claim in claims:
        v += timed(lambda c=claim: core.handle(Request(text=f'/verify "{c}"')), max(3, args.repeat // 5))
        found += not core.handle(Request(text=f'/verify "{claim}"')).title.startswith("Not in")  # type: ignore[union-attr]
    everything["verify"] = v
    row(f"/verify ({len(claims)} half-remembered claims)", v, f"{found}/{len(claims)} found")
    print("\nall topics: " + "; ".join(f"/{k} p50 {statistics.median(x):.1f} p99 {pct(x, 99):.1f} ms"
                                      for k, x in everything.items() if x))
    print(f"engine alone: /quote p50 {statistics.median(engine_q):.1f} p99 {pct(engine_q, 99):.1f} ms; "
          f"/who p50 {statistics.median(engine_w):.1f} p99 {pct(engine_w, 99):.1f} ms")
    print(f"lists off (same run): /quote p50 {statistics.median(off_q):.1f} p99 {pct(off_q, 99):.1f} ms; "
          f"/who p50 {statistics.median(off_w):.1f} p99 {pct(off_w, 99):.1f} ms")
    print(f"{load()}; index pages released {resident.releases} times in this run "
          f"(QUOTEBOT_FILE_RESIDENT_MB={resident_mb})")
    core.close()
    print(f"memory of the core after every command (VmRSS | RssAnon | RssFile (index pages and shared libraries) | "
          f"peak VmHWM): {memory_of_serve(path, resident_mb)}")
    print(f"this process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
