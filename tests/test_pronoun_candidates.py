"""Who a pronoun may stand for: every person the sentence before it makes its subject, however the
article names them there (texts written for these tests)."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text.rstrip(","), q.speaker) for q in extract_quotes(text, "Match report") if q.kind == "direct"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a bare surname opening the sentence is the one person the article named in full with it
    ("John Smith met Peter Brown.\n\n“We will win,” Smith said.\n\nBrown disagreed. “We will lose,” he said.",
     "Peter Brown"),
    ("Anna Berg met her colleague Maria Holm on Monday.\n\n“It was hard,” Berg said.\n\n"
     "Holm thanked her. “It was great,” she said.", "Maria Holm"),
    ("Tadej Pogacar won the stage ahead of Jonas Vingegaard.\n\n“I felt strong today,” Pogacar said.\n\n"
     "Vingegaard, the defending champion, finished second. “He is simply stronger right now,” he said.",
     "Jonas Vingegaard"),
])
def test_a_pronoun_after_a_new_subject_named_by_surname_is_that_subject(text: str, speaker: str) -> None:
    assert _speakers(text)[-1][1] == speaker


def test_a_full_name_ending_a_sentence_is_a_person_of_the_article() -> None:
    # "… met Peter Brown." — the full stop is the sentence's, so "Brown" later is Peter Brown.
    text = "The minister met Peter Brown.\n\n“We will lose,” Brown said."
    assert _speakers(text) == [("We will lose", "Peter Brown")]


def test_an_initial_is_no_sentence_end() -> None:
    # "George W. Bush": "Bush" after "W. " does not open a sentence, so he is no subject there.
    text = ("The Russian President briefed his counterpart on his meeting with US President George W. Bush. "
            "He stressed the importance of a dialogue with the United States.")
    assert all(q.speaker != "George W. Bush" for q in extract_quotes(text, "A telephone conversation"))


def test_a_surname_before_its_full_name_is_nobody_yet() -> None:
    text = "Brown disagreed. “We will lose,” he said.\n\nPeter Brown is the club's captain."
    assert _speakers(text) == [("We will lose", None)]


def test_paragraphs_one_newline_apart_are_sentences_of_their_own() -> None:
    # HTML text keeps one newline between paragraphs; a link line between them ends no sentence
    # of its own, so the pronoun read past the new speaker to the earlier one.
    text = ("ROTTERDAM — Lashers walked out on Tuesday.\n"
            "“The employers have left us no choice,” said Niek Stam, a negotiator for the union.\n"
            "Related: Antwerp braces for knock-on delays\n"
            "Port authority chief Boudewijn Siemons said the strike would cost millions. “Every day counts,” he said.")
    assert _speakers(text)[-1][1] in {"Boudewijn Siemons", None}
    assert _speakers(text)[-1][1] != "Niek Stam"


@pytest.mark.parametrize("intro", [
    "Our correspondent Clara Weiss reports from Kherson.",
    "Clara Weiss reports from Kherson.",
])
def test_the_outlets_own_reporter_is_nobodys_antecedent(intro: str) -> None:
    text = (f"{intro}\n\nThe shelling started at dawn. Residents ran to the basements.\n\n"
            "“We have been living like this for two years,” she said.")
    assert _speakers(text) == [("We have been living like this for two years", None)]


@pytest.mark.parametrize("text", [
    "Prime Minister Abiy Ahmed spoke first.\n\nFinance Minister Ahmed Shide presented the details. "
    "“Spending will rise by a third,” Ahmed said.",
    "President Lee Jae-myung met Samsung chairman Jay Y. Lee on Tuesday. “Chips are our future,” Lee said.",
])
def test_a_word_that_is_one_persons_surname_and_anothers_first_name_names_nobody(text: str) -> None:
    assert [s for _, s in _speakers(text)] == [None]


@pytest.mark.parametrize("text", [
    "“We need more teachers,” said Education Minister Ana Martinez.\n\n"
    "Union leader Carlos Martinez disagreed. “We need better pay,” Martinez said.",
    "“The school will stay open,” said headteacher Priya Patel.\n\nParents welcomed the decision. Rahul Patel, "
    "whose two children attend the school, said he was relieved. “It's the heart of the village,” Patel said.",
])
def test_a_shared_surname_after_another_bearer_is_named_is_nobodys(text: str) -> None:
    # The last speaker no longer decides once another person with the surname has been named since.
    assert _speakers(text)[-1][1] is None


def test_a_possessive_owner_is_no_subject_when_the_sentence_names_another_person() -> None:
    # The owner ("Novak's remarks") is no subject; Tomas Berg, named after it, may be the one speaking.
    text = ("Union leader Petr Novak criticised the plan on Monday.\n\n"
            "Novak's remarks drew a sharp response from Tomas Berg. “We will not be lectured,” he said.\n")
    assert [q.speaker for q in extract_quotes(text, "Union row") if q.kind == "direct"] == [None]


def test_a_possessive_owner_alone_in_its_sentence_still_resolves() -> None:
    text = ("Union leader Petr Novak criticised the plan on Monday.\n\n"
            "Novak's remarks drew a sharp response from the ministry. “We will not be silenced,” he said.\n")
    assert [q.speaker for q in extract_quotes(text, "Union row") if q.kind == "direct"] == ["Petr Novak"]


def test_a_pronoun_never_reaches_past_the_agent_of_a_passive() -> None:
    text = ("Finance Minister Tomas Berg defended the budget on Monday.\n\n"
            "The plan was sharply criticised by Oduya Kaltenborn of the central bank. "
            "“The numbers do not add up,” he said.\n")
    assert [q.speaker for q in extract_quotes(text, "Budget") if q.kind == "direct"] == [None]

