"""Dates: validated on the way in, never guessed from the body, and filters in any digits (issue 11, item 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.answering.parse import parse_query
from bot.errors import UsageError
from corpus.meta import find_date, normalise_date
from corpus.readers import read_path


@pytest.mark.parametrize(("given", "stored"), [
    ("2021-11-19", "2021-11-19"),
    ("2021-11", "2021-11"),
    ("2021", "2021"),
    ("--11-09", "--11-09"),
    ("2022-11-09T10:00:00Z", "2022-11-09"),
    ("2022-11-09 10:00", "2022-11-09"),
    ("November 9, 2022", "2022-11-09"),
    ("9 November 2022", "2022-11-09"),
    ("garbage", None),
    ("9999-99-99", None),
    ("9999-01-01", None),
    ("2021-02-30", None),
    ("2021-13", None),
    ("--13-01", None),
    ("", None),
    ("２０２１-11-19", "2021-11-19"),  # full-width digits are digits
])
def test_published_values_are_validated(given: str, stored: str | None) -> None:
    assert normalise_date(given) == stored


def test_garbage_published_in_a_feed_is_stored_as_unknown(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(json.dumps({"id": str(i), "text": "Some article text here.", "published": p})
                           for i, p in enumerate(["garbage", "9999-99-99", "2020-05-01"])) + "\n")
    assert [d.published for d in read_path(f)] == [None, None, "2020-05-01"]  # type: ignore[union-attr]


def test_a_date_in_the_body_is_not_the_publication_date() -> None:
    text = ("Treaty anniversary marked\n\nOfficials gathered on Tuesday to mark the anniversary of the treaty, "
            "which was signed on March 5, 1992 in Minsk and ratified on 1992-04-10.\n")
    assert find_date(text) is None


def test_a_dateline_or_date_line_at_the_top_is_the_publication_date() -> None:
    assert find_date("Lavrov on talks\n\nMOSCOW, November 9. /TASS/. Lavrov said.\n") == "--11-09"
    assert find_date("Lavrov on talks\n\nNovember 9, 2022\n\nLavrov said the talks went well.\n") == "2022-11-09"
    assert find_date("Lavrov on talks\nSubmitted on Fri, 11/19/2021 - 11:47\nBody.\n") == "2021-11-19"


def test_a_dateline_far_down_the_body_is_not_used() -> None:
    body = "Lavrov on talks\n\n" + "A paragraph of the article with enough words.\n\n" * 12
    assert find_date(body + "KIEV, May 9, 1992. Another story quoted here.\n") is None


def test_filter_dates_in_non_ascii_digits_are_normalised() -> None:
    assert parse_query("NATO since:２０１５").since == "2015"
    assert parse_query("NATO until:٢٠١٥-٠٣").until == "2015-03"


def test_filter_dates_with_mixed_scripts_or_other_numerals_are_refused() -> None:
    with pytest.raises(UsageError):
        parse_query("NATO since:²⁰¹⁵")  # superscripts are not decimal digits
