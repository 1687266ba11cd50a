"""PolNeAR is for evaluation only: no sentence of it may be copied into the project.

Every tracked text file is searched for any run of seven words (40 characters or more) from the
PolNeAR dev and train articles. Tests and comments use sentences written for the project.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = 7
SUFFIXES = (".py", ".md", ".txt", ".toml", ".json", ".jsonl", ".tsv", ".yaml", ".yml", ".cfg", ".ini")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


@pytest.mark.shared
def test_no_run_of_polnear_words_is_in_the_project(shared_dir: Path) -> None:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    project: dict[str, str] = {}  # every run of RUN words in the project -> a file holding it
    for f in files:
        if f.endswith(SUFFIXES) and (ROOT / f).is_file():
            words = _flat((ROOT / f).read_text(encoding="utf-8", errors="replace")).split(" ")
            for i in range(len(words) - RUN + 1):
                project.setdefault(" ".join(words[i:i + RUN]), f)
    found: set[tuple[str, str]] = set()
    for name in ("polnear_dev.jsonl", "polnear_train.jsonl"):
        path = shared_dir / "gold" / name
        if not path.exists():
            pytest.skip(f"{name} is not in ../shared/gold")
        for line in path.read_text(encoding="utf-8").splitlines():
            words = _flat(json.loads(line)["text"]).split(" ")
            for i in range(len(words) - RUN + 1):
                run = " ".join(words[i:i + RUN])
                if len(run) >= 40 and run in project:
                    found.add((project[run], run))
    assert not found, "\n".join(f"{f}: {run}" for f, run in sorted(found))
