"""Direct quotes: marks, nesting, split and multi-paragraph quotes, cues, and what is not a quote."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Officials discuss the weather"


def quotes(body: str, title: str = TITLE) -> list[ExtractedQuote]:
    return extract_quotes(f"{title}\n\n{body}\n", title)


def only(body: str) -> ExtractedQuote:
    found = quotes(body)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("body", [
    '"The river will rise again next spring," Anna Berg said.',
    "“The river will rise again next spring,” Anna Berg said.",
    "«The river will rise again next spring», Anna Berg said.",
    "“The river will rise again next spring,” said Anna Berg.",
    "Anna Berg said: “The river will rise again next spring.”",
])
def test_every_mark_style_gives_the_quote_and_its_speaker(body: str) -> None:
    q = only(body)
    assert q.text.startswith("The river will rise again next spring")
    assert (q.speaker, q.kind, q.speaker_type) == ("Anna Berg", "direct", "person")


def test_offsets_point_into_the_original_text() -> None:
    text = f"{TITLE}\n\n“We built\u00a0three bridges this year,” Anna Berg said.\n"
    (q,) = extract_quotes(text, TITLE)
    assert text[q.start:q.end] == q.text == "We built\u00a0three bridges this year,"


def test_a_quote_nested_with_the_same_marks_stays_one_quote() -> None:
    q = only("“We cannot just sit and “wait and see” what the river does next,” Anna Berg said.")
    assert "“wait and see”" in q.text and q.text.endswith("does next,")
    assert q.speaker == "Anna Berg"


def test_straight_quotes_nest_too() -> None:
    q = only('"We cannot just sit and "wait and see" what the river does next," Anna Berg said.')
    assert '"wait and see"' in q.text and q.speaker == "Anna Berg"


def test_a_split_quote_is_stored_as_its_parts_linked_as_one_utterance() -> None:
    # The narration between the parts ("Anna Berg said") is nobody's words: never inside a quote.
    a, b = quotes("“The dams are old,” Anna Berg said, “and nobody has repaired them since the war.”")
    assert (a.text, b.text) == ("The dams are old,", "and nobody has repaired them since the war.")
    assert a.speaker == b.speaker == "Anna Berg"
    assert a.utterance == b.utterance == a.start
    assert "said" not in a.text + b.text


def test_a_split_quote_with_a_sentence_after_the_cue_keeps_both_parts_attributed() -> None:
    a, b = quotes("“A,” Coach Dana Reyes said of the captain. “He is the best player we have had in years.”")
    assert b.text == "He is the best player we have had in years."
    assert a.speaker == b.speaker == "Dana Reyes" and b.utterance == a.start


def test_a_multi_paragraph_quote_reopened_in_the_next_paragraph() -> None:
    body = ("Anna Berg, the regional engineer, described the plan.\n\n"
            "“The first stage repairs the northern dams and the sluices.\n\n"
            "“The second stage builds a new canal to the lake,” she said.")
    q = only(body)
    assert q.text.startswith("The first stage") and q.text.endswith("to the lake,")
    assert q.speaker == "Anna Berg"


def test_a_quote_continued_over_paragraphs_without_reopening() -> None:
    body = ("The message reads, in part:\n\n“We thank every volunteer for the work on the dams.\n\n"
            "Your effort saved the town and we will not forget it.”\n\nThe festival ends on Sunday.")
    q = only(body)
    assert q.text.startswith("We thank every volunteer") and q.text.endswith("not forget it.")


def test_a_pronoun_cue_resolves_to_the_person_just_named() -> None:
    body = ("Regional engineer Anna Berg visited the dam on Monday.\n\n"
            "“The water is higher than in any year since records began,” she said.")
    q = only(body)
    assert (q.speaker, q.mention) == ("Anna Berg", "she")


def test_a_cueless_quote_continues_the_previous_speaker() -> None:
    body = ("“The water is higher than in any year since records began,” Anna Berg said.\n\n"
            "“We have asked the army for sandbags and pumps.”")
    first, second = quotes(body)
    assert second.text.startswith("We have asked") and second.speaker == first.speaker == "Anna Berg"
    assert second.confidence < first.confidence


@pytest.mark.parametrize("body", [
    "Issues of improving “water diplomacy” are on the agenda of the meeting.",
    "The festival is held under the motto “Rivers of Our Land: Past and Future Together”.",
    "Farmers call it the “wet year” and wait.",
    "The report “Water Security in the North” was published on Monday by the ministry.",
])
def test_scare_quotes_titles_and_mottos_are_not_quotes(body: str) -> None:
    assert quotes(body) == []


@pytest.mark.parametrize("body", [
    "“The river will rise, Anna Berg said.",
    "The river will rise,” Anna Berg said. “And then?",
    '"" "" " "',
    "““““ ””",
    "»«",
])
def test_unbalanced_marks_never_crash(body: str) -> None:
    for q in quotes(body):
        assert q.text and q.start < q.end


def test_a_long_quote_without_a_cue_is_kept_unattributed() -> None:
    q = only("The meeting went on late into the night.\n\n"
             "“Nobody in this valley remembers a flood like the one we had in April this year.”")
    assert q.speaker is None and q.confidence <= 0.3


def test_a_surname_cue_takes_the_full_name_introduced_earlier() -> None:
    body = ("Energy Minister Pavel Orlov opened the plant on Friday.\n\n"
            "“This plant will light half of the region by winter,” Orlov said.")
    q = only(body)
    assert (q.speaker, q.mention, q.role) == ("Pavel Orlov", "Orlov", "Energy Minister")


def test_an_honorific_and_a_surname_resolve_too() -> None:
    body = ("Energy Minister Pavel Orlov opened the plant on Friday.\n\n"
            "“This plant will light half of the region by winter,” Mr. Orlov told reporters.")
    assert only(body).speaker == "Pavel Orlov"


def test_two_people_sharing_a_surname_leave_a_bare_surname_unattributed() -> None:
    body = ("Pavel Orlov and Irina Orlov met the press together on Friday morning.\n\n"
            "“This plant will light half of the region by winter,” Orlov said.")
    q = only(body)
    assert q.speaker is None


def test_a_quoted_fragment_after_a_speech_act_is_its_speakers_mixed_quote() -> None:
    found = quotes("Governor Anna Berg called the new canal “a gift to the next generation” at the opening.")
    # The quoted words alone are her direct quote; the characterisation around them is reported speech.
    assert [(q.speaker, q.kind, q.text) for q in found] == [
        ("Anna Berg", "indirect", "the new canal “a gift to the next generation” at the opening"),
        ("Anna Berg", "direct", "a gift to the next generation")]
