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


def test_hard_wrapped_lines_join_back_into_their_paragraph() -> None:
    from corpus.clean import paragraph_spans

    text = ("Meeting with the Governor of the region\n\n"
            "Vladimir Putin: Okay then. You know, sometimes I think that it would be good for us if\n"
            "those who want to impose sanctions would go ahead and impose all of them.\n"
            "This would free our hands to defend our national interests however we deem most\n"
            "effective for us.\n\n"
            "Vladimir Putin:\nThank you.\n\n"
            "Short heading\nNext line of text here.\n"
            "\u201cA new quote starts its own paragraph,\u201d he said, and the line goes on a bit more\n"
            "\u201cand so does this one.\u201d\n")
    paragraphs = [text[s:e] for s, e in paragraph_spans(text)]
    assert paragraphs[1] == ("Vladimir Putin: Okay then. You know, sometimes I think that it would be good for us if\n"
                             "those who want to impose sanctions would go ahead and impose all of them.")
    assert paragraphs[2].startswith("This would free") and paragraphs[2].endswith("effective for us.")
    assert paragraphs[3:5] == ["Vladimir Putin:", "Thank you."]  # a label stays on its own
    assert "Short heading" in paragraphs and "Next line of text here." in paragraphs
    assert paragraphs[-1] == "\u201cand so does this one.\u201d"
