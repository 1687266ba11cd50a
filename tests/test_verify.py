"""/verify as fact-checkers use it (issue 12): framing taken off, reordered and lightly reworded claims
found at sentence level, the matching sentence shown with a word diff, the real speaker named, a
question quoting the words recognised, the nearest wordings listed when nothing is close."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.slack.render import render as slack_render
from adapters.telegram.render import render as telegram_render
from bot.core import Core
from bot.reply import Reply, Request
from corpus.verify import strip_framing

from .corpus_builder import Q, build

DATA = Path(__file__).resolve().parent / "data"
PETROV = ("We remember well the bloc's eastward expansion. Our concerns about it were ignored, totally ignored, "
          "year after year. Then we were told that nobody had promised us anything. That is the truth of it.")
BARBER = ("Mr Petrov, you once said that “our concerns were totally ignored, year after year.” "
          "Do you still believe that today, after everything that has happened since?")
SIDOROVA = ("This year the harvest in the south was the best in a decade. Farmers must get cheaper credit, "
            "and they must get it quickly. Otherwise the gains will be lost by next spring.")
KUZNETSOVA = ("The ministry will publish its own figures on the harvest next week. We do not trust the "
              "regional statistics any more, and neither should you.")


@pytest.fixture(scope="module")
def core(tmp_path_factory: pytest.TempPathFactory) -> Core:
    db = build(tmp_path_factory.mktemp("verify") / "v.db", [
        Q("Ivan Petrov", PETROV, "2019-06-27", kind="transcript"),
        Q("Jane Barber", BARBER, "2019-06-27", kind="question"),
        Q("Olga Sidorova", SIDOROVA, "2021-09-01"),
        Q("Anna Kuznetsova", KUZNETSOVA, "2021-09-02"),
        Q("Boris Volkov", "The bloc keeps moving east and we will answer that, calmly and firmly.", "2020-01-01"),
    ])
    return Core(db)


def ask(core: Core, text: str) -> Reply:
    return core.handle(Request(text))


def _pairs() -> list[tuple[str, str, str]]:
    rows = [ln.split("\t") for ln in (DATA / "verify_pairs.tsv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    return [(r[0], r[1], r[2]) for r in rows]


@pytest.mark.parametrize(("claim", "speaker", "sentence"), _pairs())
def test_each_claim_finds_its_sentence_and_speaker(core: Core, claim: str, speaker: str, sentence: str) -> None:
    reply = ask(core, f"/verify {claim}")
    assert reply.cards, reply.title
    assert reply.cards[0].speaker == speaker, reply.title
    assert sentence in reply.cards[0].text  # the matching sentence, not the whole paragraph
    assert reply.title and not reply.title.startswith(("Not in", "Not "))


def test_framing_is_taken_off_and_the_speaker_kept() -> None:
    assert strip_framing('Putin said that "we will answer"  calmly').speaker == "Putin"
    assert strip_framing('Vladimir Putin: “We will answer calmly.”').text == "We will answer calmly."
    assert strip_framing('"We will answer calmly," said Lavrov.').speaker == "Lavrov"
    assert strip_framing("We will answer calmly and firmly").speaker is None
    assert strip_framing("He said we will answer calmly").speaker is None


def test_the_card_shows_the_sentence_and_a_readable_word_diff(core: Core) -> None:
    reply = ask(core, "/verify We remember very well the eastward expansion of the bloc")
    card = reply.cards[0]
    assert card.text == "We remember well the bloc's eastward expansion."
    assert ("claim", "very") in card.diff
    html = "\n".join(m.html for m in telegram_render(reply))
    assert "<s>very</s>" in html
    slack = str(slack_render(reply))
    assert "~very~" in slack


def test_a_claim_naming_the_wrong_speaker_names_the_real_one(core: Core) -> None:
    reply = ask(core, "/verify Boris Volkov said we remember well the bloc's eastward expansion")
    assert (reply.title or "").startswith("Not Boris Volkov: Ivan Petrov said this.")


def test_an_interviewer_quoting_the_words_back_is_not_their_source(core: Core) -> None:
    reply = ask(core, '/verify "our concerns were totally ignored, year after year"')
    assert reply.cards[0].speaker == "Ivan Petrov", reply.title
    assert "Jane Barber quoted it back" in reply.text
    barber = [c for c in reply.cards if c.speaker == "Jane Barber"]
    assert barber and "repeats these words" in (barber[0].note or "")


def test_nothing_close_lists_the_nearest_and_says_what_was_searched(core: Core) -> None:
    reply = ask(core, "/verify the harvest in the north was a disaster for every farmer")
    assert reply.title == "Not in the corpus"
    assert "Searched for “the harvest in the north was a disaster for every farmer”" in reply.text
    assert "harvest" in reply.text  # the indexed words it looked for
    assert reply.cards and "similar" in (reply.cards[0].note or "")


def test_a_claim_found_only_in_a_question_is_no_verdict_on_the_named_speaker(core: Core) -> None:
    reply = ask(core, "/verify Boris Volkov said do you still believe that today, after everything that has happened")
    title = reply.title or ""
    assert title.startswith("Found only as a repetition: Jane Barber repeats these words")
    assert "neither confirm nor rule out Boris Volkov" in title and "Not Boris Volkov" not in title


def test_verify_a_cards_own_quote_by_its_number(core: Core) -> None:
    quote_id = ask(core, "/said Sidorova").cards[0].id
    reply = ask(core, f"/verify #{quote_id}")
    assert (reply.title or "").startswith("Real: Olga Sidorova said this.")
    assert "There is no quote #999999" in ask(core, "/verify #999999").text


@pytest.mark.parametrize(("claim", "original", "yours"), [
    ("Anna Kuznetsova said we trust the regional statistics any more", "do not", ""),
    ("the ministry will not publish its own figures on the harvest next week", "", "not"),
    ("Farmers must never get cheaper credit, and they must get it quickly", "", "never"),
    ("Then we were told that somebody had promised us anything", "nobody", "somebody"),
])
def test_a_claim_that_turns_a_negation_around_is_not_confirmed(core: Core, claim: str, original: str,
                                                                yours: str) -> None:
    reply = ask(core, f"/verify {claim}")
    title = reply.title or ""
    assert title.startswith("Not as worded: the nearest sentence"), title
    assert "says the opposite" in title and "said this" not in title and "something like this" not in title
    assert f"“{original or '—'}” where yours has “{yours or '—'}”" in title
    assert "opposite in meaning" in (reply.cards[0].note or "")


def test_a_contraction_or_split_negation_keeps_the_meaning(core: Core) -> None:
    title = ask(core, "/verify we don't trust the regional statistics any more, and neither should you").title or ""
    assert title.startswith("Close, but not exact: Anna Kuznetsova said something like this"), title


def test_a_short_claim_sharing_only_some_of_its_words_is_not_close(core: Core) -> None:
    # Two of three content words in common ("regional statistics") is another statement, not a rewording.
    reply = ask(core, "/verify Olga Sidorova said regional statistics matter")
    assert reply.title == "Not in the corpus", reply.title
