"""The serving process lets go of the index pages it mapped past its budget (corpus/resident.py),
and answers the same afterwards. Reads this process's own /proc/self/smaps (Linux)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.core import Core
from bot.reply import Reply, Request
from corpus import resident, topk
from corpus.index import forget, index_path, open_folders, search_index
from corpus.ingest import ingest_paths
from corpus.store import open_db

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/smaps")


def _index_rss_kb(folder: Path) -> tuple[int, int]:
    """(mappings of files in ``folder``, their resident kB) from this process's smaps."""
    prefix = str(folder.resolve()) + "/"
    maps = rss = 0
    inside = False
    with open("/proc/self/smaps") as f:
        lines = f.readlines()
    for line in lines:
        head = line.split()
        if "-" in head[0] and len(head) >= 5:
            inside = len(head) > 5 and head[5].startswith(prefix)
            maps += inside
        elif head[0] == "Rss:" and inside:
            rss += int(head[1])
    return maps, rss


def _shown(reply: Reply) -> tuple[object, ...]:
    return reply.title, [(c.id, c.text, c.count) for c in reply.cards], reply.footer


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "q.db"
    db = open_db(path)
    ingest_paths(db, [str(SAMPLES)])
    idx = search_index(db, sync=False)
    writer = idx._get_writer(wait=True)
    assert writer is not None
    writer.wait_merging_threads()  # no merge left reading the index files in the background
    idx.release()
    forget(db)
    db.close()
    return path


def _quiet() -> None:
    """No tier scan of an earlier question still running on the search pool's thread."""
    topk._POOL.submit(lambda: None).result()


def test_index_pages_are_released_past_the_budget_and_answers_stay_the_same(corpus: Path) -> None:
    core = Core(corpus, settings=load_settings({}, QUOTEBOT_FILE_RESIDENT_MB="0"))  # never released
    folder = index_path(open_db(corpus))
    assert folder is not None
    first = core.handle(Request(text="/quote Putin"))
    who = core.handle(Request(text="/who Russia"))
    assert first.cards and who.cards
    _quiet()
    maps, rss = _index_rss_kb(folder)
    assert maps > 0 and rss > 0  # the query mapped index pages, and they stay mapped
    assert folder.resolve() in [f.resolve() for f in open_folders()]
    released = resident.release(open_folders())
    assert released > 0
    assert _index_rss_kb(folder) == (maps, 0)  # still mapped, none resident in this process
    assert _shown(core.handle(Request(text="/quote Putin"))) == _shown(first)
    assert _shown(core.handle(Request(text="/who Russia"))) == _shown(who)
    core.close()


def test_the_core_releases_after_a_command_only_past_its_budget(corpus: Path) -> None:
    folder = index_path(open_db(corpus))
    assert folder is not None
    _quiet()
    assert not resident.release_if_over(0, open_folders())  # 0: never
    assert not resident.release_if_over(10**6, open_folders())  # far under the budget
    kb = resident.file_resident_kb()
    assert kb is not None and kb > 1024  # shared libraries alone are more than a megabyte
    tight = Core(corpus, settings=load_settings({}, QUOTEBOT_FILE_RESIDENT_MB="1"))
    before = resident.releases
    # A rare word: no tier scan of a common one runs on in the background after the answer.
    reply = tight.handle(Request(text="/quote diplomacy"))
    assert reply.cards and resident.releases == before + 1
    assert _index_rss_kb(folder)[1] == 0  # what the command mapped was let go after it
    tight.close()


def test_before_a_command_the_pages_are_released_when_it_could_pass_the_budget(
        corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The budget holds while a command runs: a command maps its pages on top of what the last ones
    left, so when what is mapped plus the most one command has added would pass the budget, the pages
    are released first; otherwise they stay (no release, no cost)."""
    core = Core(corpus, settings=load_settings({}, QUOTEBOT_FILE_RESIDENT_MB="0"))  # never released
    folder = index_path(open_db(corpus))
    assert folder is not None
    first = core.handle(Request(text="/quote Putin"))
    _quiet()
    assert _index_rss_kb(folder)[1] > 0
    kb = resident.file_resident_kb()
    assert kb is not None
    budget = kb // 1024 + 4  # 3-4 MB over what is mapped now
    monkeypatch.setattr(resident, "SLACK_KB", 0)  # the sample corpus maps less than the default slack
    monkeypatch.setattr(resident, "_most_kb", 1024)  # the largest command so far added 1 MB: it fits
    before = resident.releases
    start = resident.before_command(budget, open_folders())
    assert resident.releases == before and _index_rss_kb(folder)[1] > 0
    assert start is not None and not resident.after_command(budget, open_folders(), start)
    monkeypatch.setattr(resident, "_most_kb", 8 * 1024)  # one added 8 MB: it would not fit
    start = resident.before_command(budget, open_folders())
    assert resident.releases == before + 1 and _index_rss_kb(folder)[1] == 0
    tight = Core(corpus, settings=load_settings({}, QUOTEBOT_FILE_RESIDENT_MB=str(budget)))
    assert _shown(tight.handle(Request(text="/quote Putin"))) == _shown(first)  # the same answer from released pages
    assert resident._most_kb >= 8 * 1024  # the largest is kept
    assert resident.before_command(0, open_folders()) is None  # 0: never
    core.close()
    tight.close()
