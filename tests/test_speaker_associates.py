"""Someone speaking for, or belonging to, a named person is not that person (texts written for
these tests): "“…,” a spokesman for President X said" is the spokesman's, whom the article does not
name, so the quote is kept unattributed."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


@pytest.mark.parametrize("subject", [
    "a spokesman for President Emmerson Mnangagwa",
    "the family of Hind Rajab",
    "a lawyer for Sean Combs",
    "an aide to Chancellor Karl Nehammer",
    "the office of President Gustavo Petro",
    "supporters of Imran Khan",
    "relatives of Mahsa Amini",
])
def test_a_quote_after_its_speakers_associate_names_nobody(subject: str) -> None:
    quotes = extract_quotes(f"“We will appeal against this ruling,” {subject} said.", "Court ruling")
    assert [(q.text, q.speaker) for q in quotes] == [("We will appeal against this ruling,", None)]
    assert quotes[0].mention == subject  # the evidence shown: who spoke, as the article puts it


@pytest.mark.parametrize(("subject", "name"), [
    ("board chairman Jo Lind", "Jo Lind"),
    ("the Rev. Ola Berg", "Ola Berg"),
    ("2019 winner Karin Sund", "Karin Sund"),
])
def test_a_name_after_its_own_modifiers_is_still_the_speaker(subject: str, name: str) -> None:
    quotes = extract_quotes(f"“We will appeal against this ruling,” {subject} said.", "Court ruling")
    assert [(q.text, q.speaker) for q in quotes] == [("We will appeal against this ruling,", name)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("TASS quoted Kremlin spokesman Dmitry Peskov as saying that the Kremlin saw no basis for talks.", "Dmitry Peskov"),
    ("Interfax quoted Foreign Minister Sergei Lavrov as saying the talks had stalled.", "Sergei Lavrov"),
    # a surname the text never gives in full names nobody
    ("TASS quoted Peskov as saying that the Kremlin saw no basis for talks.", None),
    ("RIA also quoted him as saying Moscow would respond to the move.", None),
])
def test_the_outlet_that_quotes_someone_is_not_the_speaker(text: str, speaker: str | None) -> None:
    assert [(q.kind, q.speaker) for q in extract_quotes(text, "Talks")] == [("indirect", speaker)]


@pytest.mark.parametrize(("subject", "speaker"), [
    ("Brant Robertson of the University of California, Santa Cruz, a co-author,", "Brant Robertson"),
    ("Anna Berg of Uppsala University, Sweden, a co-author,", "Anna Berg"),
    ("Former minister, Olga Petrova, a lawyer,", "Olga Petrova"),
])
def test_a_place_describing_an_affiliation_is_not_a_second_person(subject: str, speaker: str) -> None:
    quotes = extract_quotes(f"{subject} said the galaxy was surprisingly bright.", "Galaxy")
    assert [(q.text, q.speaker) for q in quotes] == [("the galaxy was surprisingly bright", speaker)]


@pytest.mark.parametrize(("subject", "company"), [
    ("Volvo Cars AB", "Volvo Cars AB"), ("Siemens AG", "Siemens AG"), ("TotalEnergies SE", "TotalEnergies SE"),
    ("Shell plc", "Shell plc"), ("General Electric Co", "General Electric Co"),
])
def test_a_company_is_named_by_its_whole_name_never_by_its_legal_form(subject: str, company: str) -> None:
    quotes = extract_quotes(f"{subject} said on Tuesday that tariffs would hit profits.", "Business")
    assert [(q.speaker, q.speaker_type) for q in quotes] == [(company, "organisation")]


@pytest.mark.parametrize("subject", ["Supporters of President Ana Costa", "Allies of President Ana Costa",
                                     "Friends of Ana Costa", "Allies close to Ana Costa"])
def test_a_group_named_by_whom_it_belongs_to_is_not_that_person(subject: str) -> None:
    found = extract_quotes(f"{subject} said the election had been stolen.\n", "Rally")
    assert [(q.text, q.speaker) for q in found] == [("the election had been stolen", None)]
