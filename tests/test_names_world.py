"""Given names from many countries (the world table beside the curated lexicon), and what they change.

Every name and sentence here is made up for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.extract.mentions import parse_mention
from corpus.name_match import same_given_name
from corpus.names import curated_given_name, given_name, name_shape


@pytest.mark.parametrize(
    ("word", "gender"),
    [("Pieter", "m"), ("Ludwig", "m"), ("Ellen", "f"), ("Carla", "f"), ("Sigrid", "f"), ("Joaquim", "m"),
     ("Oluwaseun", None)],
)
def test_given_names_beyond_the_curated_lexicon_are_known_with_their_gender(word: str, gender: str | None) -> None:
    hit = given_name(word)
    if gender is None:
        assert hit is None or hit[0] is None  # unknown, or known without a gender: never a guess
    else:
        assert hit is not None and hit[0] == gender


def test_the_curated_lexicon_wins_and_is_told_apart() -> None:
    assert curated_given_name("Sergei") and not curated_given_name("Pieter")
    assert given_name("Sergei") is not None and given_name("Sergei")[1]  # its variant groups are kept


@pytest.mark.parametrize("word", ["General", "Major", "Witness", "Judge", "Will", "Media", "Prince", "Court"])
def test_words_with_another_use_are_no_given_names_from_the_world_table(word: str) -> None:
    hit = given_name(word)
    assert hit is None or curated_given_name(word)


def test_a_role_word_before_a_known_given_name_is_the_role() -> None:
    shape = name_shape("Juror Carla Ruiz")
    assert shape is not None and (shape.name, shape.role, shape.gender) == ("Carla Ruiz", "Juror", "f")


def test_two_spellings_of_one_given_name_stay_one_person() -> None:
    assert same_given_name("Kristen", "Kristin")
    assert not same_given_name("Pieter", "Petra")  # a man's name and a woman's are never one


def _quotes(text: str) -> list:
    return extract_quotes(text, title="Harbour dredging plan approved")


def test_two_spellings_of_a_given_name_in_one_article_are_one_speaker() -> None:
    text = ("Kristen Wilkins, who runs the harbour museum, welcomed the plan.\n\n"
            "Kristin Wilkins said the dredging would start in May.\n\n"
            "“We waited eleven years for this,” Wilkins said.")
    quotes = [q for q in _quotes(text) if q.text.startswith("We waited")]
    assert quotes and quotes[0].speaker in {"Kristen Wilkins", "Kristin Wilkins"}


def test_a_colon_inside_a_quoted_title_makes_no_turn_label() -> None:
    text = ("Harbour exhibits\n\n"
            "Anna Olsen, curator of \"Harbour Light: Photographs from the Archive\" at the city museum, "
            "January 3 - March 9.\n\n"
            "The museum provides audio guides in four languages.\n\n"
            "“People come back three or four times,” Olsen said.")
    quotes = _quotes(text)
    assert not any(q.text.startswith("The museum provides") for q in quotes)
    assert [q.speaker for q in quotes if q.text.startswith("People come back")] == ["Anna Olsen"]


@pytest.mark.parametrize(
    ("surface", "name", "gender"),
    [("Ellen de Vries", "Ellen de Vries", "f"), ("Ursula von der Leyen", "Ursula von der Leyen", "f"),
     ("Marine Le Pen", "Marine Le Pen", "f"), ("Zorbek de Vries", "Zorbek de Vries", None),
     ("Zorbek van der Berg", "Zorbek van der Berg", None), ("Dutch lawmaker Ellen de Vries", "Ellen de Vries", "f"),
     ("Ben Carson", "Ben Carson", "m")],
)
def test_names_with_lower_case_particles_are_speakers(surface: str, name: str, gender: str | None) -> None:
    men = parse_mention(surface)
    assert men is not None and men.kind == "name" and (men.name, men.gender) == (name, gender)


def test_a_pronoun_after_a_name_with_a_particle_goes_to_that_person() -> None:
    text = ("The dyke at Kampen will be raised by a metre, the water board announced on Monday.\n\n"
            "“We cannot wait for the next flood,” said Ellen de Vries, who chairs the board.\n\n"
            "She said the work would take four years.")
    quotes = [q for q in _quotes(text) if "four years" in q.text]
    assert quotes and quotes[0].speaker == "Ellen de Vries"


@pytest.mark.parametrize(
    ("surface", "name", "role"),
    [("Witness Zorbek Ruiz", "Zorbek Ruiz", "Witness"), ("Survivor Zorbek Ruiz", "Zorbek Ruiz", "Survivor"),
     ("Neighbor Zorbek Hale", "Zorbek Hale", "Neighbor"), ("Organizer Zhenya Chen", "Zhenya Chen", "Organizer"),
     ("Witness Carla Ruiz", "Carla Ruiz", "Witness")],
)
def test_a_capitalised_person_noun_before_a_name_is_its_role(surface: str, name: str, role: str) -> None:
    shape = name_shape(surface)
    assert shape is not None and (shape.name, shape.role) == (name, role)
    men = parse_mention(surface)
    assert men is not None and men.name == name


@pytest.mark.parametrize("surface", ["Witness Ruiz", "Survivor Hale"])
def test_a_person_noun_and_a_bare_surname_name_nobody(surface: str) -> None:
    assert name_shape(surface) is None


@pytest.mark.parametrize(("surface", "name", "role"),
                         [("Boston’s Walsh", "Walsh", "Boston’s"),
                          ("Putin’s spokesman Dmitry Peskov", "Dmitry Peskov", "Putin’s spokesman")])
def test_an_owner_before_a_name_is_no_part_of_it(surface: str, name: str, role: str) -> None:
    men = parse_mention(surface)
    assert men is not None and (men.name, men.role) == (name, role)


def test_a_witness_title_is_not_stored_as_part_of_the_name() -> None:
    text = ("Two people were hurt when a crane fell on Dock Street on Tuesday.\n\n"
            "Witness Zorbek Ruiz said the crane swayed for a minute before it fell.")
    speakers = {q.speaker for q in _quotes(text)}
    assert "Witness Zorbek Ruiz" not in speakers
    assert speakers <= {"Zorbek Ruiz", None}


def test_a_pronoun_after_a_passive_with_an_agent_of_the_same_gender_names_nobody() -> None:
    # "Tom Hart was criticised by Sam Cole": either man may be the "he" that follows.
    text = ("Tom Hart was criticised by Sam Cole at the council meeting on Monday.\n\n"
            "“The harbour cannot wait another year,” he said.")
    quotes = [q for q in _quotes(text) if q.text.startswith("The harbour")]
    assert quotes and quotes[0].speaker is None


def test_a_pronoun_after_a_passive_with_an_agent_of_the_other_gender_is_the_subject() -> None:
    text = ("Tom Hart was criticised by Anna Berg at the council meeting on Monday.\n\n"
            "“The harbour cannot wait another year,” he said.")
    quotes = [q for q in _quotes(text) if q.text.startswith("The harbour")]
    assert quotes and quotes[0].speaker == "Tom Hart"


@pytest.mark.parametrize(("name", "pronoun"),
                         [("Pieter Janssen", "She"), ("Ellen Smit", "He"), ("Ludwig Brandt", "She")])
def test_a_pronoun_never_goes_to_a_person_whose_given_name_is_of_the_other_gender(name: str, pronoun: str) -> None:
    text = (f"“The locks will close for a month,” said {name}, who manages the canal.\n\n"
            f"{pronoun} said boats would be diverted through the harbour.")
    quotes = [q for q in _quotes(text) if "diverted" in q.text]
    assert quotes and quotes[0].speaker != name


@pytest.mark.parametrize(("surface", "name", "role"),
                         [("Forecaster Zorbek Ruiz", "Zorbek Ruiz", "Forecaster"),
                          ("Meteorologist Zorbek Ruiz", "Zorbek Ruiz", "Meteorologist")])
def test_an_agent_noun_no_list_knows_before_two_unknown_name_words_is_a_role(surface: str, name: str,
                                                                             role: str) -> None:
    shape = name_shape(surface)
    assert shape is not None and (shape.name, shape.role) == (name, role)


@pytest.mark.parametrize("surface", ["Oliver Zorbek Ruiz", "Ogbonna Ifeanyi Okafor"])
def test_three_name_words_stay_one_name_when_the_first_is_no_agent_noun_or_is_a_given_name(surface: str) -> None:
    shape = name_shape(surface)
    assert shape is not None and shape.name == surface and shape.role is None


@pytest.mark.parametrize(("name", "pronoun"), [("Zhaklin Orlova", "He"), ("Zorbek Dzhabrailov", "She"),
                                               ("Zhaklin Kovalevskaya", "He")])
def test_a_slavic_surname_tells_the_gender_an_unknown_given_name_does_not(name: str, pronoun: str) -> None:
    text = (f"“The locks will close for a month,” said {name}, who manages the canal.\n\n"
            f"{pronoun} said boats would be diverted through the harbour.")
    quotes = [q for q in _quotes(text) if "diverted" in q.text]
    assert quotes and quotes[0].speaker != name


@pytest.mark.parametrize("given", ["Andrea", "Joan", "Dominique"])
def test_a_given_name_borne_by_men_and_women_tells_no_gender(given: str) -> None:
    # Andrea Abodi and Joan Laporta are men; Andrea Nahles and Joan Baez women: "he" or "she" may follow.
    text = f"“We start again,” said Peter Novak.\n\n{given} Abodi disagreed. “It was not our day,” he said."
    assert [q.speaker for q in extract_quotes(text, "Match report")][-1] == f"{given} Abodi"
