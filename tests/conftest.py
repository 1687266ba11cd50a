"""Shared fixtures: the bundled sample corpus built once into a real SQLite file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.ingest import ingest_paths
from corpus.store import open_db

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def _seed_db_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    db = open_db(path)
    ingest_paths(db, [str(SAMPLES)])
    db.close()
    return path


@pytest.fixture
def seed_db_path(_seed_db_master: Path, tmp_path: Path) -> Path:
    """A private copy of the sample corpus (the five seed articles) as a real SQLite file."""
    path = tmp_path / "quotebot.db"
    shutil.copy(_seed_db_master, path)
    return path


@pytest.fixture
def shared_dir() -> Path:
    """../shared (gold sets, Kremlin corpus); tests that need it are skipped when it is absent."""
    if not SHARED.exists():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(autouse=True)
def _no_platform_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """SDKs read SLACK_* / TELEGRAM_* / QUOTEBOT_* from the environment: tests start clean."""
    import os

    for key in list(os.environ):
        if key.startswith(("SLACK_", "TELEGRAM_", "QUOTEBOT_")):
            monkeypatch.delenv(key, raising=False)
