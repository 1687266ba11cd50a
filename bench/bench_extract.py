"""Benchmark: quote extraction alone, and full ingest into a fresh SQLite file, over the Kremlin corpus.

    python bench/bench_extract.py [CORPUS] [--repeats N] [--jobs N]

CORPUS defaults to ../shared/corpora/kremlin_en.jsonl.gz (7,061 documents). For each run it prints
documents per second of wall time and of CPU time (this process: on a busy machine CPU time is the
fairer measure of what one core does), and the load average around it. Reported, as medians over the
repeats:

* extraction alone (``extract_quotes`` over documents already read);
* ingest with one process (read + extract + store + search index), and its overhead beyond
  extraction in milliseconds per document — the part ingest owns;
* ingest with ``--jobs`` worker processes (default 2) and its speed-up over one process;
* with ``--parts``: one more one-process ingest with each of its parts on the CPU clock of the
  thread that runs it, in milliseconds per document (what the ingest's own cost is made of).

Run by hand on a quiet machine; the figures go into the README. Targets (issue 14): >= 800 docs/s
for one process, >= 1.7x with two.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import corpus.ingest as ingest_module  # noqa: E402
from corpus.extract import extract_quotes  # noqa: E402
from corpus.ingest import ingest_paths, iter_documents  # noqa: E402
from corpus.models import Document  # noqa: E402
from corpus.store import open_db  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "kremlin_en.jsonl.gz"


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def bench_extract(docs: list[Document]) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    quotes = sum(len(extract_quotes(d.text, d.title, d.lead)) for d in docs)
    return time.perf_counter() - wall, time.process_time() - cpu, quotes


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_ingest(corpus: Path, jobs: int) -> tuple[float, float, float, int, int]:
    """Wall seconds, this process's CPU seconds, the worker processes' CPU seconds, documents, quotes."""
    # tantivy may still be merging segments in the folder when the ingest returns (its writer released):
    # a failed clean-up of the temporary folder is no failed run.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        db = open_db(Path(tmp) / "bench.db")
        wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        report = ingest_paths(db, [str(corpus)], jobs=jobs)
        elapsed, used = time.perf_counter() - wall, time.process_time() - cpu
        db.close()
    return elapsed, used, _children_cpu() - children, report.counts["added"], report.quotes


# The parts of a one-process ingest, as corpus.ingest calls them (module attribute → label).
PARTS = {
    "extract_quotes": "extraction",
    "quality_scores": "quality scores",
    "content_hash": "content hash",
    "attribute": "speakers (names to rows)",
    "save_document": "SQLite rows (articles, quotes, their indexes and counters)",
    "index_changes": "search index, Python side (documents built from SQLite rows, commits)",
}
TANTIVY = "search index, tantivy's own threads (tokenising, indexing, merging)"
REST = "reading the input, batching, transactions"


def bench_parts(corpus: Path) -> tuple[dict[str, float], float, int]:
    """CPU seconds per part of a one-process ingest, the total, and the documents.

    Each part's function is wrapped with the CPU clock of the thread that runs it (the ingesting
    thread; a process-wide clock would count other threads' work in its parts; a batch written on
    another thread, as an earlier design did, is still counted apart). What the Python threads spend
    outside every part is reading the input, batching and transactions; what the process spends beyond
    them is tantivy's own threads, and the search index's periodic commit, which runs on a thread of
    its own (corpus/index_commits.py) and is tantivy's work while it runs."""
    spent: dict[str, float] = dict.fromkeys([*PARTS.values(), TANTIVY, REST], 0.0)
    originals = {name: getattr(ingest_module, name) for name in (*PARTS, "write_batch")}
    main_thread = threading.get_ident()
    writer = [0.0]  # CPU of write_batch calls on the writer thread

    def clocked(name: str):  # type: ignore[no-untyped-def]
        fn = originals[name]

        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            t = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                used = time.thread_time() - t
                if name == "write_batch":
                    if threading.get_ident() != main_thread:
                        writer[0] += used
                else:
                    spent[PARTS[name]] += used
        return run

    try:
        for name in originals:
            setattr(ingest_module, name, clocked(name))
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
            db = open_db(Path(tmp) / "bench.db")
            cpu, main_cpu = time.process_time(), time.thread_time()
            report = ingest_paths(db, [str(corpus)])
            total, main_cpu = time.process_time() - cpu, time.thread_time() - main_cpu
            db.close()
    finally:
        for name, fn in originals.items():
            setattr(ingest_module, name, fn)
    python = main_cpu + writer[0]
    spent[REST] = python - sum(spent.values())
    spent[TANTIVY] = total - python
    return spent, total, report.counts["added"]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel ingest runs")
    parser.add_argument("--parts", action="store_true", help="also time each part of a one-process ingest")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    docs = [d for d in iter_documents([str(corpus)]) if isinstance(d, Document)]
    n = len(docs)
    print(f"corpus: {corpus.name}, {n} documents; {os.cpu_count()} CPUs; load average {_load()}")
    ex_wall, ex_cpu, one_wall, one_cpu, par_wall, bounds = [], [], [], [], [], []
    for i in range(args.repeats):
        secs, cpu, quotes = bench_extract(docs)
        ex_wall.append(n / secs)
        ex_cpu.append(n / cpu)
        print(f"  extract      run {i + 1}: {secs:.2f} s, {n / secs:,.0f} docs/s ({n / cpu:,.0f} per CPU-s), "
              f"{quotes / n:.2f} quotes/doc; load {_load()}")
    for i in range(args.repeats):
        secs, cpu, _, added, quotes = bench_ingest(corpus, 1)
        one_wall.append(added / secs)
        one_cpu.append(added / cpu)
        print(f"  ingest       run {i + 1}: {secs:.2f} s, {added / secs:,.0f} docs/s ({added / cpu:,.0f} per CPU-s), "
              f"{added} documents, {quotes} quotes; load {_load()}")
        secs, writer, workers, added, quotes = bench_ingest(corpus, args.jobs)
        par_wall.append(added / secs)
        # What the speed-up can be on free cores, from CPU time alone: one process's CPU time over the
        # busier of the writer and all the work shared evenly — a figure other load does not distort.
        bound = cpu / max(writer, (writer + workers) / args.jobs)
        bounds.append(bound)
        print(f"  ingest -j{args.jobs}   run {i + 1}: {secs:.2f} s, {added / secs:,.0f} docs/s, "
              f"{added} documents, {quotes} quotes; CPU: writer {1000 * writer / added:.2f} ms/doc, workers "
              f"{1000 * workers / added:.2f} ms/doc -> at most {bound:.2f}x on {args.jobs} free cores; load {_load()}")
    ex, one, par = statistics.median(ex_wall), statistics.median(one_wall), statistics.median(par_wall)
    ex_c, one_c = statistics.median(ex_cpu), statistics.median(one_cpu)
    print(f"median extraction alone: {ex:,.0f} docs/s ({ex_c:,.0f} per CPU-s) = {1000 / ex_c:.2f} ms CPU/doc")
    print(f"median ingest, 1 process: {one:,.0f} docs/s ({one_c:,.0f} per CPU-s; target >= 800); "
          f"ingest overhead beyond extraction {1000 / one_c - 1000 / ex_c:.2f} ms CPU/doc")
    print(f"median ingest, --jobs {args.jobs}: {par:,.0f} docs/s = {par / one:.2f}x one process (target >= 1.7x); "
          f"bound from CPU time on {args.jobs} free cores {statistics.median(bounds):.2f}x")
    if args.parts:
        spent, total, added = bench_parts(corpus)
        print(f"one-process ingest by part (ms CPU/doc; load {_load()}):")
        for label, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
            print(f"  {1000 * secs / added:6.3f}  {label}")
        print(f"  {1000 * total / added:6.3f}  in all")
    print(f"load average at the end: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
