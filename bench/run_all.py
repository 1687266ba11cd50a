"""Run every benchmark in bench/ in turn (``make bench``). Run by hand on a quiet machine;
the figures go into the README. Each bench_*.py is also runnable on its own.

The order matters: ``bench_search.py`` builds the 1M-quote corpus (bench/out/search_1000000.db)
that ``bench_adapters.py`` measures, and the Kremlin corpus ``bench_speakers.py`` reads is ingested
here first (bench/out/kremlin_speakers.db), so a fresh machine measures what the README reports.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KREMLIN = ROOT.parent / "shared" / "corpora" / "kremlin_en.jsonl.gz"
SPEAKERS_DB = HERE / "out" / "kremlin_speakers.db"

# (script, arguments), in the order they must run.
PLAN: list[tuple[str, list[str]]] = [
    ("bench_extract.py", []),
    ("bench_quality.py", []),
    ("bench_search.py", []),  # builds bench/out/search_1000000.db ...
    ("bench_adapters.py", []),  # ... which this one measures (it refuses to run without it)
    ("bench_serve_memory.py", ["--quotes", "1000000"]),  # ... and this one serves
    ("bench_speakers.py", ["--db", str(SPEAKERS_DB)]),
]


def quotebot(*args: str) -> int:
    return subprocess.call([sys.executable, "-c", "from adapters.cli import main; main()", *args], cwd=ROOT)


def speakers_corpus() -> bool:
    """Ingest the Kremlin corpus for bench_speakers.py (once; the README's speaker table is measured on it)."""
    if SPEAKERS_DB.exists():
        return True
    building = SPEAKERS_DB.with_name(SPEAKERS_DB.stem + ".building.db")  # a corpus only once it is whole
    print(f"== building {SPEAKERS_DB.relative_to(ROOT)} from {KREMLIN.name}", flush=True)
    if quotebot("ingest", "--no-progress", str(KREMLIN), "--db", str(building)) not in (0, 1):
        return False
    if quotebot("speakers", "--rebuild", "--db", str(building)) != 0:
        return False
    building.rename(SPEAKERS_DB)
    index = Path(str(building) + ".index")
    if index.exists():
        index.rename(str(SPEAKERS_DB) + ".index")
    return True


def main() -> int:
    missing = sorted({p.name for p in HERE.glob("bench_*.py")} - {name for name, _ in PLAN})
    if missing:  # a new benchmark must be placed in the plan, not run in whatever order
        print(f"bench/run_all.py: not in PLAN: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not KREMLIN.exists():
        print(f"bench/run_all.py: the benchmarks need {KREMLIN} (see README, make bench)", file=sys.stderr)
        return 2
    failed = 0
    for name, args in PLAN:
        if name == "bench_speakers.py" and not speakers_corpus():
            print(f"bench/run_all.py: could not build {SPEAKERS_DB}", file=sys.stderr)
            failed += 1
            continue
        print(f"== {name} {' '.join(args)}".rstrip(), flush=True)
        failed += subprocess.call([sys.executable, str(HERE / name), *args]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
