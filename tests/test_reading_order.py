"""A paragraph is read in order: "X said CLAUSE. “…,” he said." — the reported speech before the quotation
is known when its pronoun is resolved, however the subject is introduced (ranks, "(retd)", a company's
name before the job title, a name no lexicon knows)."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Rescue work goes on"


def quotes(body: str) -> list[ExtractedQuote]:
    return extract_quotes(f"{TITLE}\n\n{body}\n", TITLE)


def direct(body: str) -> ExtractedQuote:
    (q,) = [q for q in quotes(body) if q.kind == "direct"]
    return q


@pytest.mark.parametrize(("subject", "speaker"), [
    ("Home affairs adviser Lt Gen (retd) Jahangir Kabir", "Jahangir Kabir"),
    ("Rescue Services general manager Pieter Botha", "Pieter Botha"),
    ("Harbour Authority operations chief Tane Ngata", "Tane Ngata"),
])
def test_a_pronoun_after_a_report_in_its_own_paragraph_is_that_reporter(subject: str, speaker: str) -> None:
    body = (f"Union leader Karim Haque said workers would stay out.\n\n{subject} said crews were drilling a shaft. "
            "“We are working day and night,” he said.")
    q = direct(body)
    assert (q.speaker, q.resolution) == (speaker, "pronoun")


def test_the_earlier_speaker_is_never_reached_past_a_report_in_between() -> None:
    body = ("Union leader Karim Haque said workers would stay out.\n\nA spokesman for the rescue service said crews "
            "were drilling a shaft. “We are working day and night,” he said.")
    assert direct(body).speaker is None


# -- names with letters after them, a councillor's title, a person "of" a place of work -------------------

@pytest.mark.parametrize(("intro", "speaker"), [
    ("Sentencing, Judge Alan Moore KC told the defendant:", "Alan Moore"),
    ("Closing for the Crown, Ruth Kessel QC told the jury:", "Ruth Kessel"),
    ("Opening the debate, Sir Tom Reid OBE said:", "Tom Reid"),
])
def test_post_nominal_letters_are_no_organisation(intro: str, speaker: str) -> None:
    q = direct(f"The hearing ended on Friday.\n\n{intro} “You betrayed everyone who trusted you.”")
    assert q.speaker == speaker and q.speaker_type == "person"


def test_a_councillors_abbreviated_title_names_the_councillor() -> None:
    q = direct("Mayor Darcy Lane said the council would fight the plan.\n\n‘Twenty storeys is too tall,’ Cr Lane said.")
    assert q.speaker == "Darcy Lane"


@pytest.mark.parametrize(("subject", "speaker", "pronoun"), [
    ("Economist Yeah Boon Kit of Monash University", "Yeah Boon Kit", "he"),
    ("Analyst Priya Raman of the Institute for Fiscal Studies", "Priya Raman", "she"),
])
def test_a_person_of_an_institution_is_the_person(subject: str, speaker: str, pronoun: str) -> None:
    body = (f"Finance Minister Ahmad Tan defended the plan.\n\n{subject} said the budget was sound. "
            f"“The target is credible,” {pronoun} told reporters.")
    got = [(q.kind, q.speaker) for q in quotes(body)]
    assert ("indirect", speaker) in got and ("direct", speaker) in got


def test_an_institution_with_of_stays_an_organisation() -> None:
    (q,) = quotes("Shares rose sharply on Monday after the results. The Royal Bank of Scotland said that its profits "
                  "had doubled.")
    assert q.speaker_type != "person"


# -- the quotation's own words tell who is not speaking ----------------------------------------------------

def test_a_quotation_about_ms_x_is_not_ms_xs_by_a_role_noun() -> None:
    body = ("Spokeswoman Irina Volkova answered remarks by EU foreign policy chief Anna Berg.\n\n"
            "“Ms Berg should read some history,” the diplomat said.")
    assert direct(body).speaker is None


def test_a_name_inside_the_quotation_is_never_its_pronouns_antecedent() -> None:
    body = ("Ambassador Peter Westmacott spoke before leaving his post.\n\n"
            "“President Obama seems to me fond of this country,” he said.")
    q = direct(body)
    assert (q.speaker, q.resolution) == ("Peter Westmacott", "pronoun")


def test_the_one_asked_stands_between_a_pronoun_and_an_earlier_speaker() -> None:
    body = ("Margaret Shaw opposed the plan. Councillor Tom Reyes asked Linda Shaw how many units the plan had. "
            "She said there would be six.")
    (q,) = quotes(body)
    assert q.speaker is None


@pytest.mark.parametrize("where", ["Buenos Aires", "Addis Ababa", "Kuala Lumpur"])
def test_a_place_after_in_is_no_speaker(where: str) -> None:
    for q in quotes(f"Talks stalled again. An official in {where} said the deal was off."):
        assert q.speaker is None


def test_a_person_of_a_body_no_lexicon_knows_stands_between_a_pronoun_and_an_earlier_speaker() -> None:
    body = ("Mines Minister Gwede Mantashe said illegal mining was a crime.\n\nLwazi Dumo of the Society for the "
            "Protection of Our Constitution accused the government of acting too slowly. “If these were office "
            "workers, the response would be different,” he said.")
    assert direct(body).speaker != "Gwede Mantashe"


@pytest.mark.parametrize(("relay", "speaker"), [
    ("her landlord, Rashid Qureshi, had texted her:", "Rashid Qureshi"),
    ("her landlord had texted her:", None),
    ("her landlord had sent a message:", None),
])
def test_words_a_report_relays_are_the_inner_speakers(relay: str, speaker: str | None) -> None:
    q = direct(f"Tenant Morag Cathie said {relay} “Your things are in the garden. Don't come back.”")
    assert q.speaker == speaker


# -- a given name alone ----------------------------------------------------------------------------------

def test_a_given_name_alone_is_the_one_person_named_with_it() -> None:
    q = direct("Her great-granddaughter, Kaylee Stroud, 15, now helps on busy days.\n\n"
               "“She knows every hive by sound,” Kaylee said.")
    assert (q.speaker, q.resolution) == ("Kaylee Stroud", "given_name")


def test_a_given_name_two_people_share_names_nobody() -> None:
    q = direct("Kaylee Stroud and Kaylee Marsh help on busy days.\n\n“She knows every hive by sound,” Kaylee said.")
    assert q.speaker is None


def test_a_given_name_before_anyone_is_named_with_it_names_nobody() -> None:
    q = direct("“She knows every hive by sound,” Kaylee said.\n\nKaylee Stroud, 15, helps on busy days.")
    assert q.speaker is None


@pytest.mark.parametrize(("name", "surname"), [("JP Smith", "Smith"), ("KL Rahul", "Rahul")])
def test_initials_without_full_stops_are_part_of_the_name(name: str, surname: str) -> None:
    q = direct(f"Mayoral committee member {name} said the city would not back down. “The law applies to "
               f"everyone,” {surname} said.")
    assert q.speaker == name


def test_a_bodys_letters_before_a_surname_are_no_initials() -> None:
    q = direct("“The law applies to everyone,” BBC Smith said.")
    assert q.speaker != "BBC Smith"


def test_a_judge_opening_a_sentence_stands_between_a_pronoun_and_an_earlier_speaker() -> None:
    body = ("Defence barrister Frank Dunne said the trial had been damaged.\n\nMr Justice Reilly refused the "
            "application. “I am satisfied the juror acted alone,” he said.")
    assert direct(body).speaker is None


def test_mr_and_a_surname_opening_a_sentence_is_the_one_person_with_that_surname() -> None:
    body = ("Prime Minister John Key said the flag needed a change.\n\nMr Key promoted the campaign this year.\n\n"
            "Of the public process, he said, “I will have one vote in each referendum.”")
    assert direct(body).speaker == "John Key"


def test_an_organisation_opening_the_body_takes_no_word_from_the_title_line() -> None:
    text = "Talks in Geneva\n\nThe Kremlin said: “We will respond to any provocation.”\n"
    (q,) = extract_quotes(text, None)
    assert q.speaker == "Kremlin"


# -- subjects the name parser used to reject ---------------------------------------------------------------

@pytest.mark.parametrize(("subject", "speaker"), [
    ("Harbour master Maren Holt", "Maren Holt"),
    ("Mark Cuban", "Mark Cuban"),
    ("Jane English", "Jane English"),
])
def test_a_role_the_lists_lack_or_a_nationality_surname_still_names_the_person(subject: str, speaker: str) -> None:
    (q,) = quotes(f"{subject} said the harbour would close for the winter.")
    assert q.speaker == speaker


@pytest.mark.parametrize("subject", ["The wife of Tom Hart", "Fans of Tom Hart"])
def test_a_noun_linked_to_a_name_is_not_that_name(subject: str) -> None:
    for q in quotes(f"{subject} said the harbour would close for the winter."):
        assert q.speaker != "Tom Hart"
