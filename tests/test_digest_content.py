"""The digest's content (issue 12): articles published in its days only, true counts, the key quote
chosen by substance and cut to three sentences, one Telegram message, a readable chart."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from adapters.cli import cli
from adapters.telegram.render import render as telegram_render
from bot.scheduling.chart import axis_limit
from bot.scheduling.digest import preview_days
from bot.scheduling.digest_build import Days, build_digest, key_text, scheduled_days
from bot.scheduling.schedule_store import DigestChannel
from corpus.store import open_db

from .corpus_builder import Q, build

CHANNEL = DigestChannel("telegram:1", "08:00", "UTC", (), True, None, 0)
LONG = ("The budget will grow by a fifth next year. Roads come first. Then schools and hospitals. "
        "After that, the regions decide for themselves what they need most.")


def _corpus(tmp_path: Path) -> Path:
    quotes = [Q("Ivan Petrov", f"Statement number {i} about the harvest, which was good this year in the south.",
                "2023-05-02") for i in range(7)]
    quotes += [Q("Ivan Petrov", "Thank you.", "2023-05-02", kind="transcript"),
               Q("Ivan Petrov", LONG, "2023-05-02"),
               Q("Olga Sidorova", "The harvest figures are wrong and the ministry knows it very well.", "2023-05-02"),
               Q("Anna Kuznetsova", "We will publish our own figures on the harvest next week in Moscow.",
                 "2023-05-02"),
               Q(None, "Nobody knows who said this about the harvest in the south of the country.", "2023-05-02"),
               # Other days: never in the 2023-05-02 digest, whenever they were ingested.
               Q("Olga Sidorova", "Last year the harvest was even better than this one in every region.", "2023-05-01"),
               Q("Boris Volkov", "Next year will be harder for farmers in the north, I am afraid.", "2023-05-03")]
    return build(tmp_path / "digest.db", quotes)


def test_a_chosen_day_lists_only_that_days_articles_with_true_counts(tmp_path: Path) -> None:
    db = open_db(_corpus(tmp_path))
    reply, _ = build_digest(db, CHANNEL, "preview", days=Days("2023-05-02", "2023-05-02"))
    assert "articles published 2023-05-02" in (reply.title or "")
    assert reply.text.startswith("12 quotes in 12 articles from 3 speakers (1 unattributed)")
    assert [(c.speaker, c.count) for c in reply.cards] == [("Ivan Petrov", 9), ("Olga Sidorova", 1),
                                                           ("Anna Kuznetsova", 1)]
    assert "Boris Volkov" not in reply.plain_text() and "Last year" not in reply.plain_text()
    db.close()


def test_the_scheduled_digest_covers_the_day_before_its_slot_and_catches_up() -> None:
    assert scheduled_days(CHANNEL, "2023-05-03") == Days("2023-05-02", "2023-05-02")
    late = DigestChannel("telegram:1", "08:00", "UTC", (), True, "2023-04-30", 0)
    assert scheduled_days(late, "2023-05-03") == Days("2023-04-30", "2023-05-02")
    ancient = DigestChannel("telegram:1", "08:00", "UTC", (), True, "2020-01-01", 0)
    assert scheduled_days(ancient, "2023-05-03") == Days("2023-04-26", "2023-05-02")


def test_the_key_quote_is_substantive_and_at_most_three_sentences(tmp_path: Path) -> None:
    db = open_db(_corpus(tmp_path))
    reply, _ = build_digest(db, CHANNEL, "2023-05-03")
    petrov = reply.cards[0]
    assert petrov.text != "Thank you."
    assert key_text(LONG) == ("The budget will grow by a fifth next year. Roads come first. "
                              "Then schools and hospitals. …")
    assert key_text("One. Two.") == "One. Two."
    db.close()


def test_a_digest_fits_one_telegram_message(tmp_path: Path) -> None:
    long_text = " ".join(f"Sentence {i} of a long speech on the harvest and the budget." for i in range(60))
    quotes = [Q(f"Speaker {chr(65 + i)} Smith", long_text + f" {i}", "2023-05-02") for i in range(8)]
    db = open_db(build(tmp_path / "big.db", quotes))
    reply, _ = build_digest(db, CHANNEL, "2023-05-03")
    assert len(telegram_render(reply)) == 1
    assert reply.footer and "other speaker" in reply.footer  # the rest are named as a count, not dropped silently
    db.close()


def test_the_chart_keeps_small_bars_readable_beside_one_dominant_speaker() -> None:
    assert axis_limit([37000, 40, 12]) == 64.0
    assert axis_limit([30, 20, 10]) == 30.0


def test_preview_of_a_day_and_the_dry_run_chart_file(tmp_path: Path) -> None:
    path = _corpus(tmp_path)
    db = open_db(path)
    assert preview_days(db, "2023-05-02") == Days("2023-05-02", "2023-05-02")
    db.close()
    chart = tmp_path / "chart.png"
    result = CliRunner().invoke(cli, ["digest", "--dry-run", "--day", "2023-05-02", "--chart", str(chart),
                                      "--channel", "telegram:1", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "12 quotes in 12 articles" in result.output and f"Chart written to {chart}" in result.output
    assert chart.read_bytes().startswith(b"\x89PNG")
    bad = CliRunner().invoke(cli, ["digest", "--dry-run", "--day", "May 2", "--channel", "telegram:1",
                                   "--db", str(path)])
    assert bad.exit_code != 0 and "not a date" in bad.output
