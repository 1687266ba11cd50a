"""/verify on reported speech: a paraphrase confirms what was reported, never that the words were
the speaker's own (through the front door: Request in, Reply out, on a real SQLite file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import Core
from bot.reply import PARAPHRASE_LABEL, Reply, Request, card_label, format_card_plain

from .corpus_builder import Q, build


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    path = build(tmp_path / "reported.db", [
        Q("Anna Berg", "the ferry would keep running through the whole winter", "2024-01-10", kind="indirect"),
        Q("Tom Ekberg", "The harbour wall will be rebuilt before the autumn storms.", "2024-02-01"),
        Q("Tom Ekberg", "the harbour wall will be rebuilt before the autumn storms", "2024-02-02", kind="indirect"),
        Q("Karin Lund", "the bridge tolls would be scrapped next spring", "2024-03-01", kind="indirect"),
    ])
    c = Core(path)
    yield c
    c.close()


def ask(core: Core, text: str) -> Reply:
    return core.handle(Request(text=text))


def test_an_exact_match_with_reported_speech_is_never_called_real(core: Core) -> None:
    reply = ask(core, '/verify "the ferry would keep running through the whole winter"')
    assert reply.title and not reply.title.startswith("Real")
    assert reply.title.startswith("Matches reported speech, not a verbatim quote: Anna Berg")
    card = reply.cards[0]
    assert card.kind == "indirect" and card_label(card) == PARAPHRASE_LABEL
    assert card.note and "not a verbatim quotation" in card.note
    shown = format_card_plain(card)
    assert "“the ferry" not in shown  # never in quote marks as if verbatim
    assert PARAPHRASE_LABEL in shown


def test_a_close_match_with_reported_speech_says_so_too(core: Core) -> None:
    reply = ask(core, '/verify "the ferry would keep running through the winter"')
    assert reply.title and reply.title.startswith("Matches reported speech, not a verbatim quote: Anna Berg")
    assert "% similar" in reply.title


def test_the_speakers_own_words_lead_over_a_report_of_them(core: Core) -> None:
    reply = ask(core, '/verify "The harbour wall will be rebuilt before the autumn storms."')
    assert reply.title == "Real: Tom Ekberg said this."
    assert reply.cards[0].kind == "direct"


def test_a_wrong_speaker_on_reported_speech_is_named_as_a_report(core: Core) -> None:
    reply = ask(core, '/verify Anna Berg said the bridge tolls would be scrapped next spring')
    assert reply.title and reply.title.startswith("Not Anna Berg: Karin Lund was reported as saying this.")
    assert "Real" not in reply.title


def test_a_claim_reversing_reported_speech_is_reported_as_the_opposite(core: Core) -> None:
    reply = ask(core, '/verify "the ferry would not keep running through the whole winter"')
    assert reply.title and reply.title.startswith("Not as worded")
    assert "Matches reported speech" not in reply.title
