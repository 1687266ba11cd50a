"""Search latency on a 1M-quote corpus: /quote and /who through the core, beside a naive bm25 ordering.

Builds (once, cached under bench/out/) a corpus from ../shared/corpora/kremlin_en.jsonl.gz and
replicates its quotes with shifted ids and dates until it holds --quotes rows, then times a fixed
topic list that includes the commonest words. Run by hand:

    .venv/bin/python bench/bench_search.py [--quotes 1000000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core import Core  # noqa: E402
from bot.reply import Request  # noqa: E402
from corpus.ingest import ingest_paths  # noqa: E402
from corpus.search import match_expression  # noqa: E402
from corpus.store import open_db  # noqa: E402

KREMLIN = ROOT.parent / "shared" / "corpora" / "kremlin_en.jsonl.gz"
OUT = ROOT / "bench" / "out"
TOPICS = ["Russia", "the", "NATO", "Lukashenko", "climate change", "sanctions", "\"economic cooperation\"",
          "Ukraine", "Medvedev", "oil prices"]


def build(target: int) -> Path:
    path = OUT / f"corpus_{target}.db"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    db = open_db(tmp)
    t0 = time.perf_counter()
    ingest_paths(db, [str(KREMLIN)])
    base = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
    print(f"base corpus: {base:,} quotes from the Kremlin corpus in {time.perf_counter() - t0:.1f}s", flush=True)
    copy = 0
    while db.execute("SELECT max(id) FROM quotes").fetchone()[0] < target:
        copy += 1
        # Shift each copy's dates back `copy` years so recency ordering stays meaningful.
        with db.atomic():
            db.execute(
                """INSERT INTO quotes (article_id, speaker_id, text, start, "end", kind, cue, mention, role,
                                       confidence, published, ingested_at)
                   SELECT article_id, speaker_id, text, start, "end", kind, cue, mention, role, confidence,
                          CASE WHEN published GLOB '[12][0-9][0-9][0-9]*'
                               THEN printf('%04d', substr(published, 1, 4) - ?) || substr(published, 5)
                               ELSE published END,
                          ingested_at
                   FROM quotes WHERE id <= ? ORDER BY id LIMIT ?""",
                [copy, base, target - db.execute("SELECT max(id) FROM quotes").fetchone()[0]],
            )
        print(f"  copy {copy}: {db.execute('SELECT max(id) FROM quotes').fetchone()[0]:,} quotes", flush=True)
    with db.atomic():
        db.execute("DELETE FROM quotes_fts")
        db.execute(
            """INSERT INTO quotes_fts (rowid, text, speaker, title)
               SELECT q.id, q.text, coalesce(s.name, ''), coalesce(a.title, '')
               FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"""
        )
    db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')")
    db.close()
    tmp.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    print(f"built {path} in {time.perf_counter() - t0:.0f}s", flush=True)
    return path


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    fn()  # warm the page cache once
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    path = build(args.quotes)
    core = Core(path)
    db = open_db(path)
    n = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
    print(f"\ncorpus: {n:,} quotes; {args.repeat} runs per topic; milliseconds\n")
    print(f"{'topic':<26}{'matches':>9}  {'/quote p50':>10}{'p95':>7}{'p99':>7}  {'/who p50':>9}{'p95':>7}{'p99':>7}"
          f"  {'naive p50':>9}{'p95':>7}{'p99':>7}")
    all_q: list[float] = []
    all_w: list[float] = []
    all_n: list[float] = []
    for topic in TOPICS:
        expr = match_expression(topic).expression
        matches = db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", [expr]).fetchone()[0]
        q = timed(lambda t=topic: core.handle(Request(text=f"/quote {t}")), args.repeat)
        w = timed(lambda t=topic: core.handle(Request(text=f"/who {t}")), args.repeat)
        naive = timed(lambda e=expr: db.execute(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT 5", [e]
        ).fetchall(), max(5, args.repeat // 3))
        all_q += q
        all_w += w
        all_n += naive
        print(f"{topic:<26}{matches:>9,}  {pct(q, 50):>10.1f}{pct(q, 95):>7.1f}{pct(q, 99):>7.1f}  "
              f"{pct(w, 50):>9.1f}{pct(w, 95):>7.1f}{pct(w, 99):>7.1f}  {pct(naive, 50):>9.1f}{pct(naive, 95):>7.1f}"
              f"{pct(naive, 99):>7.1f}")
    print(f"\nall topics: /quote p50 {statistics.median(all_q):.1f} p99 {pct(all_q, 99):.1f} ms; "
          f"/who p50 {statistics.median(all_w):.1f} p99 {pct(all_w, 99):.1f} ms; "
          f"naive bm25 p50 {statistics.median(all_n):.1f} p99 {pct(all_n, 99):.1f} ms")
    core.close()


if __name__ == "__main__":
    main()
