"""A speaker named with an article ("The Kremlin said", "… the Kremlin said") answers the same either way.

The corpus is ingested from articles written for this test (real extraction, SQLite and the search
index); none of its quotes or titles holds the word "the", so only a speaker mention could match it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import Core
from bot.reply import Reply, Request
from corpus.ingest import ingest_paths
from corpus.store import open_db

ARTICLES = [
    ("k1", "Talks in Geneva", "The Kremlin said on Monday: “Progress was made in talks over grain exports.”\n\n"
                              "Moscow wants more progress on shipping routes."),
    ("k2", "Grain deal", "“Wheat shipments will resume within days,” the Kremlin said.\n\nOfficials gave no detail."),
    ("k3", "Budget", "Finance Minister Anton Siluanov said: “Revenue grew faster than spending this year.”\n\n"
                     "He spoke in Moscow."),
]
OPENING, INSIDE = "Progress was made in talks over grain exports.", "Wheat shipments will resume within days"


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps({"id": i, "title": t, "text": x, "source": "TASS",
                                          "published": f"2024-03-0{n}"}) + "\n"
                              for n, (i, t, x) in enumerate(ARTICLES, 1)), encoding="utf-8")
    db = open_db(tmp_path / "k.db")
    ingest_paths(db, [str(source)])
    mentions = dict(db.execute("SELECT q.text, q.mention FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
                               "WHERE s.name = 'Kremlin'").fetchall())
    db.close()
    # the premise: one speaker, named once opening a sentence and once inside one
    assert {t.rstrip(",."): m for t, m in mentions.items()} == {OPENING.rstrip("."): "The Kremlin",
                                                                 INSIDE: "the Kremlin"}
    c = Core(tmp_path / "k.db")
    yield c
    c.close()


def ask(core: Core, text: str) -> Reply:
    return core.handle(Request(text=text))


def texts(reply: Reply) -> set[str]:
    return {c.text.rstrip(",.") for c in reply.cards}


def test_the_article_of_a_speakers_mention_matches_no_topic(core: Core) -> None:
    assert texts(ask(core, "/quote the")) == set()
    assert ask(core, "/who the").cards == ()
    # a phrase with the article: both quotes answer it alike (neither holds the words)
    assert texts(ask(core, '/quote "the Kremlin"')) == set()


def test_a_speakers_name_finds_both_quotes_alike(core: Core) -> None:
    assert texts(ask(core, "/quote Kremlin")) == {OPENING.rstrip("."), INSIDE}
    who = ask(core, "/who Kremlin")
    assert [(c.speaker, c.count) for c in who.cards] == [("Kremlin", 2)]


def test_said_takes_the_speaker_with_or_without_its_article(core: Core) -> None:
    bare = ask(core, "/said Kremlin")
    assert texts(bare) == {OPENING.rstrip("."), INSIDE}
    for typed in ("/said the Kremlin", "/said The Kremlin"):
        assert texts(ask(core, typed)) == texts(bare), typed
    assert texts(ask(core, "/said the Kremlin grain")) == texts(ask(core, "/said Kremlin grain"))
    nobody = ask(core, "/said the")
    assert nobody.error and "I know no speaker called “the”" in nobody.text
