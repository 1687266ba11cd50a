"""Cleaning classifies lines and never moves offsets; metadata is read, never guessed."""

from __future__ import annotations

from corpus.clean import boilerplate_spans, content_spans, fold_spaces, guess_title, is_boilerplate
from corpus.meta import find_date, find_place, find_source


def test_fold_spaces_keeps_length_and_removes_no_break_spaces() -> None:
    text = "I\u00a0would like to\u00a0welcome\u202feveryone"
    folded = fold_spaces(text)
    assert len(folded) == len(text)
    assert folded == "I would like to welcome everyone"


def test_site_furniture_lines_are_boilerplate() -> None:
    for line in ("Subscribe", "Newsfeed", "To participate in the discussion", "log in or register",
                 "Related Posts", "Leave a Reply", "Your email address will not be published. Required fields "
                 "are marked *", "\u00a9 RIA Novosti . Mikhail Klementiev / Go to the mediabank",
                 "Photo caption", "- Sputnik International", "\u0417\u0430\u0433\u043e\u043b\u043e\u0432\u043e\u043a "
                 "\u043e\u0442\u043a\u0440\u044b\u0432\u0430\u0435\u043c\u043e\u0433\u043e", "0",
                 "Submitted on Fri, 11/19/2021 - 11:47"):
        assert is_boilerplate(line), line
    for line in ("\u201cWe will continue,\u201d he said.", "Russia", "MOSCOW, November 9. /TASS/. Lavrov said."):
        assert not is_boilerplate(line), line


def test_spans_point_into_the_verbatim_text() -> None:
    text = "Title of the piece here\n\nSubscribe\n\n  Body line one.\nNewsfeed\n"
    spans = content_spans(text)
    assert [text[s:e] for s, e in spans] == ["Title of the piece here", "Body line one."]
    assert [text[s:e] for s, e in boilerplate_spans(text)] == ["Subscribe", "Newsfeed"]


def test_title_passes_over_furniture_and_one_word_sections() -> None:
    text = "- Sputnik International\nRussia\nProactive Diplomacy Defends State Interests \u2013 Putin\n\nBody."
    assert guess_title(text)[0] == "Proactive Diplomacy Defends State Interests \u2013 Putin"  # type: ignore[index]


def test_dates_are_iso_and_an_unknown_year_stays_unknown() -> None:
    assert find_date("x\n\nSubmitted on Fri, 11/19/2021 - 11:47\n") == "2021-11-19"
    assert find_date("MOSCOW, November 9. /TASS/. Text") == "--11-09"
    assert find_date("KIEV, Nov 9, 2014 (RIA Novosti) - Text") == "2014-11-09"
    assert find_date("Published 9 March 2023 by staff") == "2023-03-09"
    assert find_date("No date in here at all.") is None
    assert find_place("MOSCOW, November 9. /TASS/.") == "Moscow"


def test_source_from_dateline_or_url_not_from_a_photo_credit() -> None:
    assert find_source("MOSCOW, November 9. /TASS/. Text") == "TASS"
    assert find_source("\u00a9 RIA Novosti . Photographer\n- Sputnik International\n") == "Sputnik International"
    assert find_source("\u00a9 RIA Novosti . Photographer / Go to the mediabank") is None
    assert find_source("text", url="http://en.kremlin.ru/events/president/news/1") == "Kremlin"


def _paragraphs(text: str) -> list[str]:
    from corpus.clean import paragraph_spans

    return [text[s:e] for s, e in paragraph_spans(text)]


def test_where_blank_lines_separate_paragraphs_a_single_newline_is_a_wrap_wherever_it_falls() -> None:
    # Wrapped at 30 to 90 characters, before capitals and after full stops alike (the Kremlin's layout).
    text = ("Meeting with the Governor of the region\n\n"
            "Vladimir Putin: We cannot decide for the American people. After all, despite\n"
            "the behaviour of both candidates, they are smart.\n\n"
            "Donald Trump is targeting the traditional\n"
            "Republican voters, the average person with an average income.\n"
            "Mrs Clinton is focusing on a different part of the voters.\n\n"
            "Vladimir Putin:\nThank you.\n\n* * *\n\n"
            "President of Russia\nVladimir Putin : Good afternoon, colleagues.\n\n"
            "Environment\nand Natural Resources Minister Sergei Donskoy : We have three questions.\n")
    paragraphs = _paragraphs(text)
    assert paragraphs == [
        "Meeting with the Governor of the region",
        "Vladimir Putin: We cannot decide for the American people. After all, despite\n"
        "the behaviour of both candidates, they are smart.",
        "Donald Trump is targeting the traditional\nRepublican voters, the average person with an average "
        "income.\nMrs Clinton is focusing on a different part of the voters.",
        "Vladimir Putin:\nThank you.",  # a label on its own line is wrapped like any other
        "* * *",
        "President of Russia\nVladimir Putin : Good afternoon, colleagues.",  # a label wrapped in two
        "Environment\nand Natural Resources Minister Sergei Donskoy : We have three questions.",
    ]


def test_a_turn_that_lost_its_blank_line_still_starts_a_paragraph() -> None:
    text = ("Title of the meeting\n\nVladimir Putin: How much is it?\nAnna Berg: Two billion.\n\n"
            "Vladimir Putin: Good.\n")
    assert _paragraphs(text)[1:] == ["Vladimir Putin: How much is it?", "Anna Berg: Two billion.",
                                     "Vladimir Putin: Good."]


def test_one_paragraph_per_line_stays_one_paragraph_per_line() -> None:
    text = ("A headline about the harbour\n"
            "The harbour reopened on Monday after three weeks of repairs to the northern pier and the cranes.\n"
            "Ships queued outside the breakwater for most of the morning.\n"
            "Short line.\n"
            "The port authority said the work had cost less than planned and finished a week early.\n")
    assert len(_paragraphs(text)) == 5


def test_a_fixed_width_wrap_without_blank_lines_joins_full_lines_and_ends_at_a_short_one() -> None:
    text = ("A headline about the harbour\n"
            "The harbour reopened on Monday after three weeks of repairs to the northern\n"
            "pier. Ships queued outside the breakwater for most of the morning and the\n"
            "early afternoon.\n"
            "The port authority said the work had cost less than planned and finished a\n"
            "week early. Nobody was hurt.\n"
            "A third paragraph that is long enough to reach the wrap width of this text\n"
            "ends here.\n")
    assert _paragraphs(text)[1:] == [
        "The harbour reopened on Monday after three weeks of repairs to the northern\n"
        "pier. Ships queued outside the breakwater for most of the morning and the\nearly afternoon.",
        "The port authority said the work had cost less than planned and finished a\nweek early. Nobody was hurt.",
        "A third paragraph that is long enough to reach the wrap width of this text\nends here.",
    ]


def test_the_boilerplate_pattern_dispatch_finds_what_trying_every_pattern_finds() -> None:
    """is_boilerplate tries only the patterns a line's first character, words or ending allow (a speed-up);
    it must agree with trying every one of the sixteen patterns on every line."""
    from corpus.clean import _BOILER_PATTERNS, _pattern_matches

    lines = ["© RIA Novosti . Mikhail Klementiev / Go to the mediabank", "Go to the mediabank of the event",
             "Required fields are marked *", "Leave a reply", "Stay tuned for updates", "- Sputnik International",
             "| Home", "— Moscow", "Putin meets Xi — TASS", "Photo caption - RIA Novosti", "Submitted on 12 May",
             "Photo: Reuters", "Source : TASS", "All rights reserved.", "Copyright 2020", "Subscribe to our newsletter",
             "Sign up for the daily", "Click here to read", "Tap here", "12:30", "2019-01-01", "1968.", "٣ ٤",
             "½ of it", "Tags: Russia, NATO", "Cookie settings", "cookies policy applies", "The President said so.",
             "Subscribers grew", "Photography is art", "Tagging along", "Clicking here", "Sources said",
             "- and then he left the room, saying nothing", "Leave a reply to this letter, he wrote.",
             "Ukraine – TASS reports", "1. The first point is this", "Vladimir Putin: Good afternoon."]
    for line in lines:
        folded = line.casefold()
        expected = any(p.search(line) for _, _, p in _BOILER_PATTERNS)
        assert _pattern_matches(line, folded) == expected, line
    assert sum(_pattern_matches(line, line.casefold()) for line in lines) >= 20  # the list exercises both answers


def test_lines_are_the_stripped_non_empty_lines_of_str_splitlines_whatever_the_breaks_and_spaces() -> None:
    """lines() finds lines with one regex over the folded text (a speed-up): the same lines, offsets and
    verbatim texts as splitting with str.splitlines and stripping each, for every break and exotic space."""
    from corpus.clean import _is_latin_document, lines

    breaks = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
    pieces = ["Subscribe", "Putin said it.", "\u00a0", "\u2009", "\u3000", " ", "\t", "\x1f", "\u200b", "\u00a9 TASS",
              "12:30", "\u0417\u0430\u0433\u043e\u043b\u043e\u0432\u043e\u043a", *breaks]
    for n in range(400):
        text = "".join(pieces[(n * 7 + k * k * 3) % len(pieces)] for k in range(n % 23))
        expected = []
        pos = 0
        for raw in text.splitlines(keepends=True):
            body = raw.rstrip("".join(breaks))
            stripped = body.strip()
            if stripped:
                start = pos + len(body) - len(body.lstrip())
                expected.append((start, start + len(stripped), stripped))
            pos += len(raw)
        assert [(ln.start, ln.end, ln.text) for ln in lines(text)] == expected, repr(text)
        latin = _is_latin_document(text)
        assert [ln.boilerplate for ln in lines(text)] == [is_boilerplate(t, latin_document=latin)
                                                          for _, _, t in expected], repr(text)
