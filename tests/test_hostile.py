"""No input crashes the core: hostile and odd text is answered or refused politely."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.answering.parse import parse_plain, parse_query
from bot.core import Core
from bot.reply import Request
from corpus.search import match_expression

HOSTILE = [
    '"', '""', '"unbalanced', "NOT", "NOT NATO", "NATO NOT", "*", "**", "NATO*", "NEAR(", "NEAR(NATO Russia",
    "(((", ")))", "((NATO", "AND OR", "OR", "-NATO", "^NATO", "text:NATO", "speaker:NATO", "{NATO}", "[NATO]",
    "x" * 10_000, "NATO " * 3000, "\x00\x01\x02\x7f", "\u202e\u200b", "🙂🙂🙂", "Россия НАТО", "中国",
    "'; DROP TABLE quotes; --",
    "%", "_", "\\", "since:", "since:2021-99-99", "until:abc", "kind:weird", "from:", "from:\"", "source:", "   ", "",
    "\ud800", "NATO\nRussia\r\n", "\t", "NEAR(a b, 5)", "a:b:c", "/quote", "/who", "/said", "/verify", "/context",
    "/verify \"\"", "/context 99999999999999999999", "/said ???", "/quote \"", "/who NEAR(", "/help nosuch",
]


@pytest.fixture(scope="module")
def core(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Core]:
    from .corpus_builder import Q, build

    path = build(tmp_path_factory.mktemp("hostile") / "h.db", [
        Q("Sergey Lavrov", "NATO expansion is a threat to European security."),
        Q("Vladimir Putin", "Россия всегда готова к диалогу, сказал он."),
    ])
    c = Core(path)
    yield c
    c.close()


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("prefix", ["/quote ", "/who ", "/said ", "/verify ", ""])
def test_hostile_text_is_answered_or_refused_never_a_crash(core: Core, prefix: str, text: str) -> None:
    reply = core.handle(Request(text=prefix + text))
    assert reply.text or reply.title or reply.cards  # always says something
    assert len(reply.text) < 5000  # user text is echoed back bounded


@pytest.mark.parametrize("text", HOSTILE)
def test_fts_expression_is_always_quoted_words(text: str) -> None:
    topic = match_expression(text)
    if topic.expression is not None:
        stripped = topic.expression.replace(" AND ", " ").replace(" OR ", " ")
        # every token is a double-quoted string, optionally with a prefix star: no bare operators
        import re

        assert re.fullmatch(r'[\s()]*("[^"]*"\*?[\s()]*)+', stripped), topic.expression


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_and_buttons_survive_hostile_text(core: Core, text: str) -> None:
    assert len(core.inline(text)) <= 50  # Telegram's limit for inline results
    assert core.press(text[:100], Request(text="")).error


def test_cyrillic_and_quotes_in_a_topic_are_searched(core: Core) -> None:
    reply = core.handle(Request(text="/quote Россия"))
    assert [c.speaker for c in reply.cards] == ["Vladimir Putin"]
    assert parse_query('"climate change" since:2021-01-01').since == "2021-01-01"


def test_plain_parser_forms() -> None:
    cases = {
        "who said what about NATO?": ("who", "NATO"),
        "Who said what about climate change": ("who", "climate change"),
        "what did Putin say about Ukraine": ("said", '"Putin" Ukraine'),
        "quotes on climate change": ("quote", "climate change"),
        "did Lavrov say that NATO is a threat?": ("verify", 'NATO is a threat from:Lavrov'),
        "is this quote real: we will never give up": ("verify", "we will never give up"),
        "Lavrov on BRICS": ("said", '"Lavrov" BRICS'),
    }
    for text, (cmd, args) in cases.items():
        parsed = parse_plain(text)
        assert parsed is not None and (parsed.command, parsed.args) == (cmd, args), text
    assert parse_plain("tell me a joke") is None
