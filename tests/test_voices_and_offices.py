"""Whose words when the article names two people one word could mean: a role noun two people hold, a word
that is one person's surname and another's given name, a new voice that interrupts, and an office with its
holder in brackets (texts written for these tests)."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


def _direct(text: str, title: str = "Local news") -> list[tuple[str, str | None]]:
    return [(q.text.rstrip(","), q.speaker) for q in extract_quotes(text, title) if q.kind in {"direct", "transcript"}]


def test_the_premier_is_nobody_when_a_premier_and_a_prime_minister_are_named() -> None:
    text = ("Prime Minister Daniel Okoro toured the flooded valley with Eastland Premier Ruth Carver on Friday.\n\n"
            "“We will pay for the repairs,” Mr Okoro said.\n\n"
            "“Every bridge will be rebuilt,” the premier said.")
    assert _direct(text)[-1] == ("Every bridge will be rebuilt", None)


def test_the_premier_is_the_last_speaker_when_only_he_holds_the_title() -> None:
    text = ("Eastland Premier Ruth Carver toured the flooded valley on Friday.\n\n"
            "“We will pay for the repairs,” Ms Carver said.\n\n"
            "“Every bridge will be rebuilt,” the premier said.")
    assert _direct(text)[-1] == ("Every bridge will be rebuilt", "Ruth Carver")


def test_a_vice_chairman_is_not_the_chairman() -> None:
    text = "Vice-chairman Olaf Brenner spoke first.\n\n“We are ready,” the chairman said."
    assert _direct(text) == [("We are ready", None)]
    # the chairman the article names, with his role in a sentence he does not speak in, is the chairman
    text = "Vice-chairman Olaf Brenner spoke before chairman Karl Weiss.\n\n“We are ready,” the chairman said."
    assert _direct(text) == [("We are ready", "Karl Weiss")]


@pytest.mark.parametrize(("noun", "speaker"), [("the visiting coach", None), ("the home coach", "Tomas Rieder")])
def test_a_side_in_the_role_noun_must_match(noun: str, speaker: str | None) -> None:
    text = f"“We deserved more,” said home coach Tomas Rieder.\n\n“The draw was fair,” {noun} said."
    assert _direct(text)[-1] == ("The draw was fair", speaker)


def test_a_word_that_is_one_surname_and_a_later_given_name_is_nobody() -> None:
    text = ("Prime Minister Karim Yusuf met union leader Yusuf Demir on Tuesday.\n\n"
            "“We discussed wages,” Yusuf said after the meeting.")
    assert _direct(text) == [("We discussed wages", None)]


def test_a_surname_named_after_the_given_name_bearer_is_still_that_person() -> None:
    # Western copy calls people by surname: "John" here is Tom John, named after the donor John Webb.
    text = ("The donor John Webb has endorsed the governor.\n\n"
            "“He does not speak for me,” said Tom John, a county chairman.\n\n"
            "“We will vote our conscience,” John said.")
    assert _direct(text)[-1] == ("We will vote our conscience", "Tom John")


def test_a_new_voice_before_a_colon_takes_the_quotation() -> None:
    text = ("Marco Ruiz scored twice on Sunday.\n\n"
            "“We won,” Ruiz said, before his manager Ana Costa interrupted: “He was outstanding.”")
    assert _direct(text) == [("We won", "Marco Ruiz"), ("He was outstanding.", "Ana Costa")]


def test_a_new_voice_the_article_cannot_name_leaves_the_quotation_unattributed() -> None:
    text = ("Marco Ruiz scored twice on Sunday.\n\n"
            "“We won,” Ruiz said, before Costa cut in: “He was outstanding.”")
    assert _direct(text)[-1] == ("He was outstanding.", None)


def test_the_speaker_s_own_second_clause_keeps_the_quotation() -> None:
    text = "Marco Ruiz scored twice on Sunday.\n\n“We won,” Ruiz said, before adding: “The fans carried us.”"
    assert _direct(text)[-1] == ("The fans carried us.", "Marco Ruiz")


def test_an_office_with_its_holder_in_brackets_is_the_holder_s_turn() -> None:
    text = ("Mr Speaker: Order. I call Tom Hale.\n\n"
            "Tom Hale (Northfield) (Lab): Will the minister fund the clinics?\n\n"
            "The Secretary of State for Health (Rhea Lindqvist): We are funding every one of them.\n\n"
            "Tom Hale (Northfield) (Lab): I thank her.")
    turns = _direct(text, "Health questions")
    assert ("We are funding every one of them.", "Rhea Lindqvist") in turns
    assert ("Will the minister fund the clinics?", "Tom Hale") in turns
    assert all("Secretary of State" not in words for words, _ in turns)


def test_an_honorific_inside_the_office_s_brackets_still_names_the_holder() -> None:
    text = ("Mr Colm Reddy (Westport) (Con): Will the minister confirm the grounds for possession?\n\n"
            "The Minister for Housing (Ms Ilse Brandt): I am happy to give that assurance.\n\n"
            "Mr Reddy: I am grateful.")
    turns = _direct(text, "Housing questions")
    assert ("I am happy to give that assurance.", "Ilse Brandt") in turns
    assert all("Minister for Housing" not in words for words, _ in turns)


def test_an_office_alone_as_a_label_ends_the_turn_before_it_and_names_nobody() -> None:
    text = ("Anas Sorley (Glasgow) (Lab): Waiting times have risen again. When does the fixing start?\n\n"
            "The First Minister: Mr Sorley will know that delayed discharge is the biggest factor.\n\n"
            "Douglas Rae (Highlands and Islands) (Con): The First Minister blames councils.")
    turns = _direct(text, "First Minister's Questions")
    assert ("Mr Sorley will know that delayed discharge is the biggest factor.", None) in turns
    assert all("delayed discharge" not in words or who is None for words, who in turns)


def test_a_named_person_cited_in_a_speech_is_that_person_s_quote_not_the_speaker_s() -> None:
    text = ("Friends and neighbours,\n\n"
            "Fifty years ago, we built this bridge with our own hands. Many of us still remember it.\n\n"
            "As Mayor Greta Lind said at the opening, \"A bridge joins more than two banks.\"\n\n"
            "Today, we open it again.\n\n"
            "We owe it to our children to keep it strong.\n\n"
            "I thank you all.\n")
    title = "Speech: Mayor Tom Berg at the bridge reopening"
    quotes = [(q.text, q.speaker, q.kind) for q in extract_quotes(text, title)]
    assert ("A bridge joins more than two banks.", "Greta Lind", "direct") in quotes
    assert all("A bridge joins" not in words for words, who, _ in quotes if who == "Tom Berg")
    assert any(who == "Tom Berg" and words.startswith("Fifty years ago") for words, who, _ in quotes)
