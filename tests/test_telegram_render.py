"""render() limits as pure tests: escaping, UTF-16 length, tags never cut, the keyboard."""

from __future__ import annotations

from adapters.telegram.render import MAX_UNITS, callback_data, render, utf16_len
from bot.reply import Action, QuoteCard, Reply

from .test_telegram import check_html


def card(i: int, text: str = "We <will> & \"shall\" respond 🙂", speaker: str | None = "A & B") -> QuoteCard:
    return QuoteCard(id=i, text=text, speaker=speaker, published="2021-11-19", source="TASS",
                     title="T <1>", url="https://example.org/?a=1&b=2", highlights=((3, 9),))


def test_everything_user_visible_is_escaped() -> None:
    [msg] = render(Reply(title="<script>", text="a < b & c", cards=(card(1),)))
    text = check_html(msg.html)
    assert "<script>" in text and "a < b & c" in text and "We <will>" in text
    assert "&lt;script&gt;" in msg.html and '<a href="https://example.org/?a=1&amp;b=2">' in msg.html
    assert "<b>&lt;will&gt;</b>" in msg.html  # the highlight is bold, its text escaped


def test_unattributed_quotes_say_so() -> None:
    [msg] = render(Reply(cards=(card(1, speaker=None),)))
    assert "<i>Unattributed</i>" in msg.html


def test_long_answers_split_below_4096_utf16_units_without_breaking_tags() -> None:
    emoji_card_text = "🙂" * 300 + " words " * 20  # each emoji is two UTF-16 units
    reply = Reply(title="Many", text="para " * 2000, cards=tuple(card(i, emoji_card_text) for i in range(30)),
                  actions=(Action("more", "More", "tok123"),))
    messages = render(reply)
    assert len(messages) > 3
    for m in messages:
        assert utf16_len(m.html) <= MAX_UNITS
        check_html(m.html)
    assert [m.markup is not None for m in messages] == [False] * (len(messages) - 1) + [True]


def test_an_entity_is_never_split() -> None:
    messages = render(Reply(text="&" * 9000), limit=100)
    for m in messages:
        assert utf16_len(m.html) <= 100
        check_html(m.html)
    assert "".join(check_html(m.html) for m in messages) == "&" * 9000


def test_callback_data_is_short_and_prefixed_by_kind() -> None:
    assert callback_data(Action("more", "More", "abcdefghijkl")) == "m:abcdefghijkl"
    assert callback_data(Action("choose", "X", "abc")) == "s:abc"


def test_a_card_longer_than_a_message_is_split_between_tags_not_inside_them() -> None:
    long_card = QuoteCard(id=7, text="word " * 3000, speaker="A", title="T", url="https://e.org/x",
                          highlights=((0, 4), (5000, 5004), (14000, 14004)))
    messages = render(Reply(cards=(long_card,)), limit=1000)
    assert len(messages) > 10
    for m in messages:
        assert utf16_len(m.html) <= 1000
        check_html(m.html)
    assert "".join(check_html(m.html) for m in messages).count("word") == 3000


def test_long_titles_and_urls_are_truncated_in_cards() -> None:
    title, url = "Title " * 500, "https://example.org/" + "x" * 5000
    [msg] = render(Reply(cards=(QuoteCard(id=1, text="q", speaker="A", title=title, url=url),)))
    text = check_html(msg.html)
    assert "Title Title" in text and len(text) < 600 and "…" in text
    assert "x" * 2100 not in msg.html
