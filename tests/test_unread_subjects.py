"""A pronoun never reaches past a speaker it could not read, and the subject-reading rules that make fewer of
them unread: a person noun before a name, a colon before the subject, brackets, a capitalised "The" inside a
run, the pronoun's gender among people who share a surname."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Storm clean-up continues"


def quotes(body: str) -> list[ExtractedQuote]:
    return extract_quotes(f"{TITLE}\n\n{body}\n", TITLE)


def directs(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes(body) if q.kind == "direct"]


def test_a_pronoun_never_reaches_past_a_speaker_whose_name_is_a_title_word() -> None:
    # "Bishop, 29, said": a bare surname that is also a title word, read as no name: someone spoke there.
    body = ("Head coach Dara Quinlan named winger Tom Bishop in the squad.\n\n"
            "“He has earned this,” Quinlan said.\n\n"
            "Bishop, 29, said he had heard the news on the team bus.\n\n"
            "“I rang my father first and he went quiet for a minute,” he said.")
    assert directs(body) == [("He has earned this,", "Dara Quinlan"),
                             ("I rang my father first and he went quiet for a minute,", None)]


def test_a_subject_after_a_colon_is_read() -> None:
    body = ("Mayor Rina Sato says 30 people were hurt overnight. “Our crews worked all night,” Sato said.\n\n"
            "From our reporter in the harbour: Fisherman Tamati Rewi, 66, says the water reached his deck. "
            "“I have seen many storms. This one was furious,” he says.")
    got = directs(body)
    assert got[-1] == ("I have seen many storms. This one was furious,", "Tamati Rewi")
    (report,) = [q for q in quotes(body) if q.kind == "indirect" and "deck" in q.text]
    assert report.speaker == "Tamati Rewi"


@pytest.mark.parametrize(("noun", "name"), [("Fisherman", "Tamati Rewi"), ("Shopkeeper", "Abena Owusu")])
def test_a_capitalised_person_noun_before_a_full_name_is_a_role(noun: str, name: str) -> None:
    (q,) = [q for q in quotes(f"{noun} {name}, 58, said the shop had flooded twice this year.") if q.kind == "indirect"]
    assert (q.speaker, q.role) == (name, noun)


def test_an_organisation_name_never_runs_on_over_a_capitalised_the() -> None:
    body = "09:20 GMT\nThe Port Authority says ferries will resume from noon."
    (q,) = [q for q in quotes(body) if q.kind == "indirect"]
    assert q.speaker == "Port Authority"


def test_the_pronouns_gender_chooses_among_people_sharing_a_surname() -> None:
    body = ("Aiko Mori, the weaver who revived indigo dyeing in her valley, has died. She was 88.\n\n"
            "Her son, Kenji Mori, said she died at home.\n\n"
            "Ms. Mori began at a dye works at 15, where the owner, she later recalled, “never once praised a cloth.”")
    assert directs(body) == [("never once praised a cloth.", "Aiko Mori")]


def test_words_in_brackets_are_never_the_subject() -> None:
    body = ("The committee (like its former chair Osman Delic, who called the plan “reckless” last week) has "
            "repeatedly argued that the budget cannot carry a second stadium.")
    reports = [q for q in quotes(body) if q.kind == "indirect"]
    assert reports and all(q.speaker != "Osman Delic" for q in reports)


def test_a_report_is_not_stored_twice_from_one_start() -> None:
    body = "The council says the bridge will reopen on Monday, but warns of “serious delays” for a week."
    starts = [q.start for q in quotes(body) if q.kind == "indirect"]
    assert len(starts) == len(set(starts)) == 1


def test_a_short_quotation_with_its_own_unread_attribution_ends_the_previous_voice() -> None:
    body = ("The senator, Ruth Okafor, said the country had lost its way: “This is no longer our country,” she said.\n"
            "“It always will be,” a furious Mensah retorted. “It does not give up on its people, ever.”")
    got = dict(directs(body))
    assert got["This is no longer our country,"] == "Ruth Okafor"
    assert got["It does not give up on its people, ever."] is None


def test_a_given_name_opening_a_feature_sentence_is_that_person() -> None:
    body = ("Pita Rangi, 58, has fished the lagoon all his life. His father, Hemi Rangi, now 84, mends the nets.\n\n"
            "“We used to fill the boat in a night,” Pita Rangi said.\n\n"
            "Back on the wharf, Hemi finishes a knot and holds the net up. “Who will mend these when I am gone?” he asks.")
    assert directs(body)[-1] == ("Who will mend these when I am gone?", "Hemi Rangi")


def test_a_given_name_nobody_bears_in_full_stops_the_pronoun() -> None:
    body = ("Fire chief Ana Lopes said 40 homes were flooded. “Stay away from the water,” she said.\n\n"
            "Maria herself had only one worry. “My cat is still upstairs,” she said.")
    assert directs(body)[-1] == ("My cat is still upstairs,", None)
