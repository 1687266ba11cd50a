"""The answering core through the front door: Request in, Reply out, on real SQLite files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import Core
from bot.reply import Reply, Request

from .corpus_builder import Q, build


@pytest.fixture
def seed_core(seed_db_path: Path) -> Iterator[Core]:
    core = Core(seed_db_path)
    yield core
    core.close()


@pytest.fixture
def small_core(tmp_path: Path) -> Iterator[Core]:
    path = build(tmp_path / "small.db", [
        Q("Igor Ivanov", "The START Treaty remains the basis of strategic stability.", "2001-05-01"),
        Q("Sergei Ivanov", "Our defence budget will grow next year, the army needs it.", "2006-03-02"),
        Q("Sergey Lavrov", "BRICS is becoming an important centre of a multipolar world.", "2022-06-01"),
        Q("Sergey Lavrov", "NATO expansion is a threat to European security.", "2021-12-01"),
        Q("Jens Stoltenberg", "NATO is a defensive alliance and threatens no one.", "2021-12-02", "Reuters"),
        Q("Vladimir Putin", "The North Atlantic Alliance keeps moving its infrastructure to our borders.", "2021-11-19",
          "Kremlin", "transcript"),
        Q(None, "NATO officials declined to comment on the report.", "2023-01-01"),
        *[Q("Vladimir Putin", f"Sanctions number {i} against Russia have failed, our economy adapted.",
            f"2022-0{1 + i % 9}-1{i % 9}") for i in range(12)],
    ])
    core = Core(path)
    yield core
    core.close()


def ask(core: Core, text: str, **kw: object) -> Reply:
    return core.handle(Request(text=text, **kw))  # type: ignore[arg-type]


def test_quote_nato_on_the_seed_corpus_gives_putins_transcript_with_its_date(seed_core: Core) -> None:
    reply = ask(seed_core, "/quote NATO")
    assert not reply.error and reply.cards
    assert {c.speaker for c in reply.cards} == {"Vladimir Putin"}
    assert all(c.published == "2021-11-19" and "NATO" in c.text for c in reply.cards)
    first = reply.cards[0]
    assert first.highlights and first.text[first.highlights[0][0]:first.highlights[0][1]] == "NATO"


def test_plain_who_said_what_about_nato_lists_putin(seed_core: Core) -> None:
    reply = ask(seed_core, "who said what about NATO?")
    assert reply.cards and reply.cards[0].speaker == "Vladimir Putin"
    assert reply.cards[0].count and reply.cards[0].count >= 1


def test_said_with_a_misspelt_surname_finds_lavrov(seed_core: Core) -> None:
    reply = ask(seed_core, "/said lavrof")
    assert reply.cards and {c.speaker for c in reply.cards} == {"Sergey Lavrov"}
    assert all("Outstanding foreign policy" in (c.title or "") for c in reply.cards)


def test_verify_reports_a_close_match_and_the_changed_words(seed_core: Core) -> None:
    reply = ask(seed_core, '/verify "We can not simply passively watch events and keep a close watch on them"')
    assert reply.title and reply.title.startswith("Close")
    card = reply.cards[0]
    assert card.speaker == "Vladimir Putin" and card.note
    original = " ".join(w for op, w in card.diff if op == "original")
    claim = " ".join(w for op, w in card.diff if op == "claim")
    assert "just" in original and "simply" in claim


def test_verify_names_only_the_inserted_word_not_the_neighbours_of_the_alignment(seed_core: Core) -> None:
    reply = ask(seed_core, '/verify "Moreover, NATO was the one that broke all our dialogue mechanisms."')
    assert reply.title and reply.title.startswith("Close")
    assert reply.cards[0].speaker == "Vladimir Putin"
    diff = reply.cards[0].diff
    assert [w for op, w in diff if op == "claim"] == ["all"] and not [w for op, w in diff if op == "original"]


def test_verify_exact_and_not_in_corpus(small_core: Core) -> None:
    exact = ask(small_core, '/verify "NATO is a defensive alliance and threatens no one"')
    assert exact.title == "Real: Jens Stoltenberg said this."
    missing = ask(small_core, '/verify "the moon is made of green cheese and always was"')
    assert missing.title == "Not in the corpus" and not missing.error
    assert "Searched for “the moon is made of green cheese and always was”" in missing.text


def test_verify_flags_a_wrong_speaker(small_core: Core) -> None:
    reply = ask(small_core, '/verify "NATO is a defensive alliance and threatens no one" from:Lavrov')
    assert (reply.title or "").startswith("Not Sergey Lavrov: Jens Stoltenberg said this.")


def test_alias_table_finds_the_north_atlantic_alliance_for_nato(small_core: Core) -> None:
    speakers = {c.speaker for c in ask(small_core, "/quote NATO", page_size=10).cards}
    assert "Vladimir Putin" in speakers  # said "North Atlantic Alliance", not "NATO"


def test_unattributed_quotes_are_shown_as_such_never_given_a_name(small_core: Core) -> None:
    cards = ask(small_core, "/quote NATO officials declined", page_size=10).cards
    assert [c.speaker for c in cards if "declined" in c.text] == [None]


def test_who_groups_by_speaker_with_counts(small_core: Core) -> None:
    reply = ask(small_core, "/who NATO")
    by = {c.speaker: c.count for c in reply.cards}
    assert by == {"Sergey Lavrov": 1, "Jens Stoltenberg": 1, "Vladimir Putin": 1}
    assert reply.footer == "1 unattributed quote"


def test_an_ambiguous_surname_gets_a_choice_never_a_guess(small_core: Core) -> None:
    reply = ask(small_core, "/said Ivanov")
    assert not reply.cards
    assert sorted(a.label.split(" (")[0] for a in reply.actions) == ["Igor Ivanov", "Sergei Ivanov"]
    chosen = next(a for a in reply.actions if a.label.startswith("Sergei"))
    answer = small_core.press(chosen.token, Request(text=""))
    assert [c.speaker for c in answer.cards] == ["Sergei Ivanov"]


def test_more_pages_through_results_with_an_opaque_token(small_core: Core) -> None:
    first = ask(small_core, "/quote sanctions")
    assert len(first.cards) == 5 and first.actions[0].kind == "more"
    token = first.actions[0].token
    assert len(token.encode()) <= 64  # Telegram's callback_data limit
    second = small_core.press(token, Request(text=""))
    assert len(second.cards) == 5
    assert not {c.id for c in first.cards} & {c.id for c in second.cards}
    assert small_core.press("no-such-token", Request(text="")).error


def test_filters_since_source_kind_and_from(small_core: Core) -> None:
    assert {c.speaker for c in ask(small_core, "/quote NATO source:Reuters").cards} == {"Jens Stoltenberg"}
    assert {c.kind for c in ask(small_core, "/quote NATO kind:transcript").cards} == {"transcript"}
    assert all(c.published >= "2022-05" for c in ask(small_core, "/quote sanctions since:2022-05-01").cards
               if c.published)
    assert {c.speaker for c in ask(small_core, "/quote NATO from:lavrov").cards} == {"Sergey Lavrov"}
    assert ask(small_core, "/quote NATO since:yesterday").error


def test_a_typo_is_corrected_through_the_index_vocabulary(small_core: Core) -> None:
    reply = ask(small_core, "/quote sanctoins")
    assert reply.cards and "you typed “sanctoins”" in reply.text


def test_said_with_a_topic_and_plain_language_forms(small_core: Core) -> None:
    for text in ("/said Sergei Lavrov BRICS", "what did Lavrov say about BRICS?", "Lavrov on BRICS"):
        reply = ask(small_core, text)
        assert [c.speaker for c in reply.cards] == ["Sergey Lavrov"], text
        assert "BRICS" in reply.cards[0].text


def test_context_shows_the_paragraph_and_article(small_core: Core) -> None:
    quote_id = ask(small_core, "/quote BRICS").cards[0].id
    reply = ask(small_core, f"/context {quote_id}")
    assert "multipolar" in reply.text and reply.cards[0].url
    assert ask(small_core, "/context 999999").error
    assert ask(small_core, "/context abc").error


def test_help_lists_every_command_from_its_docstring(small_core: Core) -> None:
    reply = ask(small_core, "/help")
    for name, summary in small_core.command_help():
        assert f"/{name} — {summary}" in reply.text
    assert "/quote" in ask(small_core, "/help quote").title  # type: ignore[operator]


def test_unknown_input_gets_examples_not_silence(small_core: Core) -> None:
    reply = ask(small_core, "tell me a joke")
    assert "/quote NATO" in reply.text
    assert ask(small_core, "/nosuchcommand").error


def test_inline_mode_returns_at_most_fifty_cards(small_core: Core) -> None:
    cards = small_core.inline("sanctions", limit=50)
    assert 0 < len(cards) <= 50 and all("anctions" in c.text for c in cards)
    assert small_core.inline("") == []


async def test_async_twins_answer_the_same_off_the_event_loop(small_core: Core) -> None:
    sync = ask(small_core, "/quote BRICS")
    async_reply = await small_core.ahandle(Request(text="/quote BRICS"))
    assert [c.id for c in async_reply.cards] == [c.id for c in sync.cards]
    assert await small_core.ainline("BRICS")


def test_every_chat_command_has_help_and_is_in_the_readme() -> None:
    from bot.answering.commands import REGISTRY

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, cmd in REGISTRY.items():
        assert cmd.summary, name
        assert f"/{name}" in readme, name


def test_help_lists_the_commands_in_their_fixed_order(small_core: Core) -> None:
    """The order /help and the Telegram menu show comes from the order the command modules load."""
    listed = [line.split(" — ")[0] for line in ask(small_core, "/help").text.splitlines() if line.startswith("/")]
    assert listed == ["/context", "/quote", "/who", "/said", "/stats", "/help", "/verify",
                      "/digest", "/follow", "/unfollow", "/following"]


def test_the_slack_manifest_declares_every_slash_command_and_scope() -> None:
    manifest = (Path(__file__).resolve().parent.parent / "adapters" / "slack_manifest.yaml").read_text()
    for needed in ("command: /quote", "command: /who", "command: /said", "command: /verify", "command: /quotebot",
                   "- commands", "- chat:write", "- app_mentions:read", "- im:history", "- files:write",
                   "- app_mention", "- message.im", "interactivity:"):
        assert needed in manifest, needed


def test_who_has_a_button_for_the_other_speakers(tmp_path: Path) -> None:

    names = ["Anna Petrova", "Boris Ivanov", "Clara Smirnova", "Denis Volkov", "Elena Sokolova", "Fyodor Popov",
             "Galina Kuznetsova"]
    quotes = [Q(name, f"The bridge over the river will be finished soon, says number {i} of {n}.")
              for i, name in enumerate(names) for n in range(len(names) - i)]
    core = Core(build(tmp_path / "who.db", quotes))
    try:
        first = core.handle(Request("/who bridge"))
        assert [c.speaker for c in first.cards] == names[:5]
        assert first.footer == "and 2 other speakers" and first.actions[0].label == "2 more of the 2 other speakers"
        second = core.press(first.actions[0].token, Request(""))
        assert [c.speaker for c in second.cards] == names[5:] and not second.actions
    finally:
        core.close()


def test_a_filter_that_empties_the_result_is_named(tmp_path: Path) -> None:
    core = Core(build(tmp_path / "f.db", [Q("Anna Petrova", "The bridge over the river will be finished soon.",
                                            "2019-05-01")]))
    try:
        reply = core.handle(Request("/quote bridge since:2021-01-01"))
        assert "none with since:2021-01-01" in reply.text and "Try fewer" not in reply.text
        assert "Try fewer or other words" in core.handle(Request("/quote moonbase")).text
    finally:
        core.close()
