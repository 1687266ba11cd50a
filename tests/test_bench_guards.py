"""`make bench` measures what the README reports, or refuses: bench/run_all.py runs the scripts in the
order their corpora need, and a benchmark given a missing or empty corpus says so in one line and exits
non-zero instead of printing zeros (no timing here: the scripts stop before measuring anything)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.store import open_db

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _run_all():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_run_all", BENCH / "run_all.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_all_runs_every_benchmark_once_and_builds_before_measuring() -> None:
    run_all = _run_all()
    names = [name for name, _ in run_all.PLAN]
    assert sorted(names) == sorted(p.name for p in BENCH.glob("bench_*.py"))
    assert names.index("bench_search.py") < names.index("bench_adapters.py")  # it builds the 1M corpus
    assert dict(run_all.PLAN)["bench_speakers.py"] == ["--db", str(run_all.SPEAKERS_DB)]


@pytest.mark.parametrize("script", ["bench_speakers.py", "bench_adapters.py"])
def test_a_benchmark_refuses_a_missing_or_empty_corpus_in_one_line(tmp_path: Path, script: str) -> None:
    missing = tmp_path / "missing.db"
    empty = tmp_path / "empty.db"
    open_db(empty).close()
    for db, says in ((missing, f"there is no corpus at {missing}"), (empty, f"the corpus at {empty} ")):
        done = subprocess.run([sys.executable, str(BENCH / script), "--db", str(db)], capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 1 and done.stdout == "", done.stdout
        assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith(f"{script}: {says}"), done.stderr
    assert not missing.exists()
