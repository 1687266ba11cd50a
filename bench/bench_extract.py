"""Benchmark: quote extraction alone, and full ingest into a fresh SQLite file, over the Kremlin corpus.

    python bench/bench_extract.py [CORPUS] [--repeats N]

CORPUS defaults to ../shared/corpora/kremlin_en.jsonl.gz (7,061 documents). Prints documents per
second and quotes per document for each run and the median over the repeats. Run by hand on a
quiet machine (one core); the figures go into the README. The issue's target: >= 500 documents/s
for ingest plus extraction.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.extract import extract_quotes  # noqa: E402
from corpus.ingest import ingest_paths, iter_documents  # noqa: E402
from corpus.models import Document  # noqa: E402
from corpus.store import open_db  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "kremlin_en.jsonl.gz"


def bench_extract(docs: list[Document]) -> tuple[float, int]:
    start = time.perf_counter()
    quotes = sum(len(extract_quotes(d.text, d.title)) for d in docs)
    return time.perf_counter() - start, quotes


def bench_ingest(corpus: Path) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        start = time.perf_counter()
        report = ingest_paths(db, [str(corpus)])
        elapsed = time.perf_counter() - start
        db.close()
    return elapsed, report.counts["added"], report.quotes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    docs = [d for d in iter_documents([str(corpus)]) if isinstance(d, Document)]
    n = len(docs)
    print(f"corpus: {corpus.name}, {n} documents")
    extract_rates, ingest_rates = [], []
    for i in range(args.repeats):
        secs, quotes = bench_extract(docs)
        extract_rates.append(n / secs)
        print(f"  extract run {i + 1}: {secs:.2f} s, {n / secs:,.0f} docs/s, {quotes / n:.2f} quotes/doc")
    for i in range(args.repeats):
        secs, added, quotes = bench_ingest(corpus)
        ingest_rates.append(added / secs)
        print(f"  ingest  run {i + 1}: {secs:.2f} s, {added / secs:,.0f} docs/s, {quotes / max(1, added):.2f} "
              f"quotes/doc ({added} documents, {quotes} quotes)")
    print(f"median extract: {statistics.median(extract_rates):,.0f} docs/s")
    print(f"median ingest + extract: {statistics.median(ingest_rates):,.0f} docs/s (target >= 500)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
