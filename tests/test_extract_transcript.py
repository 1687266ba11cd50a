"""Transcripts: speech titles and turn labels."""

from __future__ import annotations

from pathlib import Path

from corpus.evaluate import evaluate, load_gold
from corpus.extract import extract_quotes


def test_a_speech_title_makes_each_body_paragraph_a_quote_of_that_person() -> None:
    title = "Governor Anna Berg’s address at the opening of the harvest fair"
    body = ("Friends, colleagues,\n\nI am glad to welcome you to our fair. We have worked hard this year.\n\n"
            "Our farmers deserve our thanks, and I will ask the assembly to support them.")
    found = extract_quotes(body, title)
    assert [q.kind for q in found] == ["transcript"] * 3
    assert {q.speaker for q in found} == {"Anna Berg"}
    assert found[1].text == "I am glad to welcome you to our fair. We have worked hard this year."


def test_turn_labels_give_each_turn_to_its_speaker_until_the_next_label() -> None:
    text = ("Meeting with farmers\n\nThe meeting took place in the town hall.\n\n"
            "Governor of the Region Anna Berg: Good afternoon, friends.\n\n"
            "We will talk about the new loans.\n\n"
            "Question: When will the money arrive?\n\n"
            "Pavel Orlov: The money will arrive in May, I promise you.\n\n"
            "Berg: Thank you, Mr Orlov.\n")
    found = extract_quotes(text, "Meeting with farmers")
    assert [(q.speaker, q.text) for q in found] == [
        ("Anna Berg", "Good afternoon, friends."),
        ("Anna Berg", "We will talk about the new loans."),
        ("Pavel Orlov", "The money will arrive in May, I promise you."),
        ("Anna Berg", "Thank you, Mr Orlov."),
    ]
    assert all(q.kind == "transcript" for q in found)
    assert found[0].role == "Governor of the Region"


def test_a_report_about_a_speech_is_not_a_transcript() -> None:
    title = "Governor Anna Berg’s speech at the harvest fair"
    body = ("The governor spoke for an hour about loans and the weather in the north of the region.\n\n"
            "She said that the farmers would receive the new loans in May.")
    found = extract_quotes(body, title)
    assert all(q.kind != "transcript" for q in found)


def test_the_seed_gold_meets_the_issue_targets(shared_dir: Path) -> None:
    report = evaluate(load_gold(shared_dir / "gold" / "seeds.jsonl"), extract_quotes)
    at30 = report.overall[0.3]
    assert at30.f1 >= 0.97
    # The seed gold does not list words quoted inside a reported clause, which we also store as
    # the speaker's direct quote (the gold README's convention): a few such extras, no more.
    assert at30.precision >= 0.95
    assert report.speaker_accuracy == 1.0
    assert report.overall[0.8].f1 >= 0.97


def test_one_label_line_in_a_news_story_is_not_a_transcript() -> None:
    text = ("Orlov: the polls are close\n\nOrlov: the polls are close.\n\nThe host asked about the polls.\n\n"
            "The guest was in a good mood.\n\nThe studio was full.\n\nPavel Orlov: The polls are close.\n\n"
            "The show airs on weekdays from six to nine in the morning.\n")
    assert all(q.kind != "transcript" for q in extract_quotes(text, "Orlov: the polls are close"))


def test_one_label_opening_the_body_starts_a_speech() -> None:
    text = ("Address to the nation\n\nPresident of Ruritania Karl Weiss: Citizens,\n\n"
            "This year we rebuilt the dams and the roads.\n")
    found = extract_quotes(text, "Address to the nation")
    assert [(q.kind, q.speaker) for q in found] == [("transcript", "Karl Weiss")] * 2
