"""A title noun ("the Bulgarian President", "the head of state") names only someone who holds that office.

Texts are made up for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.extract.mentions import parse_mention
from corpus.extract.resolve import Tracker


def _speaker(text: str, title: str, starts: str) -> str | None:
    found = [q for q in extract_quotes(text, title) if q.text.startswith(starts)]
    assert len(found) == 1, [q.text for q in extract_quotes(text, title)]
    return found[0].speaker


def test_a_nationality_names_the_president_of_that_country_not_another() -> None:
    title = "President Anna Berg met with Moldovan President Karl Weiss"
    text = ("President Anna Berg said the two countries were close partners.\n\n"
            "The Moldovan President said that his people would never forget the help.\n")
    assert _speaker(text, title, "his people would never") == "Karl Weiss"


def test_a_nationality_no_candidate_holds_names_nobody() -> None:
    # Karl Weiss is the Moldovan President, but the name-shape reading may not see him as one: the
    # only president it sees, Anna Berg, is not called Moldovan anywhere, and Moldova is tied to him.
    title = "President Anna Berg had a meeting with President Karl Weiss of Moldova"
    text = ("The meeting was held in the capital.\n\n"
            "The Moldovan President also told Anna Berg that the new port would open in May.\n")
    assert _speaker(text, title, "the new port would open") in (None, "Karl Weiss")


def test_a_country_in_capitals_counts_as_a_country() -> None:
    title = "Condolences to US President Karl Weiss"
    text = ("Anna Berg sent a message of condolences to the President of the United States.\n\n"
            "“The crime is shocking in its cruelty,” the Moldovan head of state wrote in the message.\n")
    assert _speaker(text, title, "The crime is shocking") != "Karl Weiss"


def test_the_addressee_of_condolences_is_not_the_president_who_speaks() -> None:
    title = "Condolences to President of Moldova Karl Weiss"
    text = "The head of state emphasised that the country grieves together with those who have lost families.\n"
    assert _speaker(text, title, "the country grieves") is None


def test_a_job_title_that_merely_contains_president_is_no_president() -> None:
    text = ("The meeting was attended by Presidential Aide Anna Berg and Karl Weiss, Head of the Administrative "
            "Board of the President.\n\nThe President said that the plan would be ready by May.\n")
    assert _speaker(text, "Meeting on housing", "the plan would be ready") is None


def test_a_vice_president_is_not_the_president() -> None:
    text = ("Vice President Anna Berg opened the session.\n\n"
            "The President said that the plan would be ready by May.\n")
    assert _speaker(text, "Session of the council", "the plan would be ready") is None


def test_a_person_named_only_by_title_and_surname_makes_the_president_ambiguous() -> None:
    title = "Telephone conversation with President of Moldova Karl Weiss"
    text = ("Mr Berg congratulated Mr Weiss on his birthday.\n\n"
            "The President noted that the relations between the two countries were developing.\n")
    assert _speaker(text, title, "the relations between") is None


def test_two_coordinated_title_nouns_are_two_speakers_and_name_nobody() -> None:
    title = "President Anna Berg met with Polish Prime Minister Karl Weiss"
    text = ("President Anna Berg welcomed the guest.\n\n"
            "The Russian President and the Polish Prime Minister agreed that trade should grow.\n")
    tracker = Tracker(text, title)
    subject = "The Russian President and the Polish Prime Minister"
    mention = parse_mention(subject)
    assert mention is not None and mention.kind == "role"
    assert tracker.resolve(mention, text.index(subject)) is None
    # … while each alone is someone: the Polish Prime Minister is Karl Weiss.
    alone = parse_mention("the Polish Prime Minister")
    assert alone is not None
    found = tracker.resolve(alone, text.index(subject))
    assert found is not None and found.name == "Karl Weiss"


def test_a_pronoun_after_a_title_subject_is_that_title_holder_not_an_earlier_name() -> None:
    title = "President Anna Berg and Bulgarian President Karl Weiss attended the celebrations"
    text = ("Anna Berg said the day was a bright page in the history of both nations.\n\n"
            "The Bulgarian President thanked the army for helping liberate his country. He said the victory "
            "had made it possible to end the war.\n")
    assert _speaker(text, title, "the victory had made") == "Karl Weiss"


def test_a_pronoun_after_a_title_subject_nobody_holds_names_nobody() -> None:
    title = "President Anna Berg met with Polish President Karl Weiss"
    text = ("Anna Berg said the two countries were close partners.\n\n"
            "The Moldovan President also urged businessmen to invest. He indicated that the new port would open.\n")
    assert _speaker(text, title, "the new port would open") is None


@pytest.mark.parametrize(("subject", "name", "role"), [
    ("Kremlin Spokesman Dmitry Peskov", "Dmitry Peskov", "Kremlin Spokesman"),
    ("Kremlin Press Secretary Dmitry Peskov", "Dmitry Peskov", "Kremlin Press Secretary"),
    ("White House Press Secretary Karine Jean-Pierre", "Karine Jean-Pierre", "White House Press Secretary"),
])
def test_an_organisation_then_a_capitalised_title_then_a_name_is_that_person(subject: str, name: str,
                                                                             role: str) -> None:
    # The organisation word made the whole run an organisation named after the person.
    text = (f"{subject} told reporters that the talks had been useful.\n\n"
            f"“We have nothing to add,” {name.split()[-1]} said.\n")
    found = extract_quotes(text, "Talks")
    assert [(q.kind, q.speaker) for q in found] == [("indirect", name), ("direct", name)], found
    assert (found[0].role, found[0].speaker_type) == (role, "person")


def test_an_organisations_own_office_is_still_the_organisation() -> None:
    found = extract_quotes("The Kremlin Press Service said that the talks had been useful.\n", "Talks")
    assert [(q.speaker, q.speaker_type) for q in found] == [("Kremlin Press Service", "organisation")]


@pytest.mark.parametrize("attribution", [
    "Her husband, Dean Walsh, 36, added: “We have nothing left.”",
    "Dean Walsh said: “We have nothing left.”",
    "“We have nothing left,” Dean Walsh said.",
])
def test_an_occupation_that_is_also_a_given_name_never_hands_the_quote_to_another_bearer_of_the_surname(
        attribution: str) -> None:
    # "Dean" is a dean's title or a given name; read as a title, the bare "Walsh" went to Kerry Walsh.
    found = extract_quotes(f"Kerry Walsh, 34, lost her home in the flood.\n\n{attribution}\n", "Flood")
    direct = [q for q in found if q.kind == "direct"]
    assert [q.text.rstrip(".,") for q in direct] == ["We have nothing left"]
    assert [q.speaker for q in direct] == [None]


def test_a_personal_title_before_a_surname_still_names_the_person() -> None:
    found = extract_quotes("Kerry Walsh, 34, chairs the flood committee.\n\nChairwoman Walsh said: “We have nothing "
                           "left.”\n", "Flood")
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Kerry Walsh")]


@pytest.mark.parametrize("later", ["the spokesman said", "the Kremlin spokesman replied", "the spokeswoman said"])
def test_a_spokesman_named_with_the_role_in_any_sentence_is_the_spokesman(later: str) -> None:
    # The role was read only from speakers' own sentences ("was asked" is none), and "spokes" (the
    # lexicon's stem for spokesman/-woman/-person) never matched a whole word.
    text = f"Kremlin spokesman Dmitry Peskov was asked about the talks.\n\n“There is nothing to add,” {later}.\n"
    assert [q.speaker for q in extract_quotes(text, "Talks")] == ["Dmitry Peskov"]


def test_a_spokesman_of_another_body_is_still_nobody() -> None:
    text = ("Foreign Minister Sergei Lavrov was asked about the talks.\n\n"
            "“There is nothing to add,” the spokesman said.\n")
    assert [q.speaker for q in extract_quotes(text, "Talks")] == [None]
