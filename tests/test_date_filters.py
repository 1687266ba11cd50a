"""Date filters through the answering core on a real SQLite file: a quote whose publication year is
unknown (a dateline such as "MOSCOW, November 9. /TASS/" is stored as ``--11-09``) passes no
``since:`` or ``until:`` filter — nobody can say it falls inside the range (README, /quote filters)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import Core
from bot.reply import Reply, Request
from corpus.ingest import ingest_paths
from corpus.store import open_db

from .corpus_builder import Q, build


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    path = build(tmp_path / "dates.db", [
        Q("Sergey Lavrov", "Collective efforts are needed to settle the crisis in the region.", "--11-09"),
        Q("Sergey Lavrov", "Collective efforts of the region's states will bring peace.", "1999-05-01"),
        Q("Sergey Lavrov", "Collective efforts against terrorism must go on without double standards.", "2021-11-09"),
        Q("Sergey Lavrov", "Collective efforts cannot replace national responsibility.", None),  # type: ignore[arg-type]
    ])
    core = Core(path)
    yield core
    core.close()


def ask(core: Core, text: str) -> Reply:
    return core.handle(Request(text=text))


def dates(reply: Reply) -> list[str | None]:
    assert not reply.error, reply.text
    return sorted((c.published for c in reply.cards), key=str)


@pytest.mark.parametrize("command", ["/quote collective efforts", "/said Lavrov", "/said Lavrov collective"])
def test_until_and_since_leave_out_quotes_of_unknown_year(core: Core, command: str) -> None:
    assert len(dates(ask(core, command))) == 4  # unfiltered, every quote is found
    assert dates(ask(core, f"{command} until:2000")) == ["1999-05-01"]
    assert dates(ask(core, f"{command} until:1900-01-01")) == []
    assert dates(ask(core, f"{command} since:1990")) == ["1999-05-01", "2021-11-09"]
    assert dates(ask(core, f"{command} since:1990 until:2030")) == ["1999-05-01", "2021-11-09"]


def test_who_counts_only_dated_quotes_inside_the_range(core: Core) -> None:
    reply = ask(core, "/who collective efforts until:2000")
    assert [(c.speaker, c.count) for c in reply.cards] == [("Sergey Lavrov", 1)]
    assert ask(core, "/who collective efforts until:1900").cards == ()


def test_verify_with_until_does_not_offer_a_quote_of_unknown_year(core: Core) -> None:
    reply = ask(core, '/verify "collective efforts are needed to settle the crisis in the region" until:2000')
    assert all(c.published == "1999-05-01" for c in reply.cards), [c.published for c in reply.cards]


def test_a_tass_dateline_without_a_year_is_stored_year_unknown_and_filtered_out(tmp_path: Path) -> None:
    article = tmp_path / "tass.txt"
    article.write_text("Russia urges collective efforts on the crisis\n\nMOSCOW, November 9. /TASS/. "
                       "“Collective efforts are needed to settle the crisis,” Sergey Lavrov said on Tuesday.\n",
                       encoding="utf-8")
    path = tmp_path / "tass.db"
    ingest_paths(open_db(path), [str(article)])
    core = Core(path)
    try:
        found = ask(core, "/quote collective efforts")
        assert [c.published for c in found.cards] == ["11-09 (year unknown)"]  # stored --11-09
        assert ask(core, "/quote collective efforts until:2030").cards == ()
        assert ask(core, "/quote collective efforts since:1900").cards == ()
    finally:
        core.close()
