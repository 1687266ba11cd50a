"""A quote is the speaker's words only: no narration, label, colon or quotation mark inside its text,
no one-word fragment, and an interview's turns told apart (issue 10: constructions 6, 8, 9, transcripts).

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


def _found(text: str, title: str | None, lead: str | None = None) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in extract_quotes(text, title, lead)]


# -- an interview in Q:/A: form -------------------------------------------------------------------

INTERVIEW = ("Maria Dahl has sailed alone around the world twice. We met her in Bergen.\n\n"
             "Q: Were you ever afraid?\n\n"
             "A: Once, off Cape Horn. The waves were higher than the mast.\n\n"
             "Q: Would you sail it again?\n\n"
             "A: Next spring, if the boat is ready.\n\n"
             "This interview has been condensed and edited for clarity.")


def test_interview_answers_are_the_interviewee_named_by_the_headline() -> None:
    text = "Interview: the sailor Maria Dahl\n\n" + INTERVIEW
    found = extract_quotes(text, "Interview: the sailor Maria Dahl")
    assert [(q.speaker, q.kind, q.text) for q in found] == [
        (None, "question", "Were you ever afraid?"),
        ("Maria Dahl", "transcript", "Once, off Cape Horn. The waves were higher than the mast."),
        (None, "question", "Would you sail it again?"),
        ("Maria Dahl", "transcript", "Next spring, if the boat is ready."),
    ]  # no "A:" inside any text, and the editor's note is nobody's words
    answer = found[1]
    assert answer.resolution == "headline"
    # The evidence points at where the body names her.
    assert text[answer.speaker_start:answer.speaker_end] == "Maria Dahl"  # type: ignore[misc]


def test_interview_answers_are_the_one_person_the_introduction_names() -> None:
    found = extract_quotes(INTERVIEW, "Round the world, twice")
    answers = [q for q in found if q.kind == "transcript"]
    assert [q.speaker for q in answers] == ["Maria Dahl", "Maria Dahl"]
    assert {q.resolution for q in answers} == {"lead"}


def test_interview_answers_are_the_one_person_the_lead_field_names() -> None:
    body = INTERVIEW.replace("Maria Dahl has sailed alone around the world twice. We met her in Bergen.",
                             "She has sailed alone around the world twice.")
    found = extract_quotes(body, "Round the world, twice", "The sailor Maria Dahl talks about fear and waves.")
    assert {q.speaker for q in found if q.kind == "transcript"} == {"Maria Dahl"}
    assert {q.resolution for q in found if q.kind == "transcript"} == {"lead"}


@pytest.mark.parametrize("intro, title", [
    ("We met two sailors after the race.", "Round the world, twice"),  # nobody named
    ("Maria Dahl and her brother Jonas Dahl sailed together.", "Round the world, twice"),  # two people
    ("Lena Dahl and her brother Jonas Dahl sailed together.", "Round the world, twice"),  # not in the lexicon
    ("Maria Dahl has sailed alone around the world twice.", "Q&A: Maria Dahl's coach on the race"),  # owner
])
def test_interview_answers_with_no_single_interviewee_are_unattributed(intro: str, title: str) -> None:
    body = intro + "\n\nQ: Were you ever afraid?\n\nA: Once, off Cape Horn, when the waves were high."
    found = extract_quotes(body, title)
    assert [(q.speaker, q.kind, q.text) for q in found] == [
        (None, "question", "Were you ever afraid?"),
        (None, "transcript", "Once, off Cape Horn, when the waves were high."),
    ]


# -- a press briefing with ALL-CAPS labels ----------------------------------------------------------

BRIEFING = ("MODERATOR: Good morning. We will start with a statement.\n\n"
            "AMB. KOVACS: Thank you. The talks in Geneva will resume on Monday.\n\n"
            "QUESTION: Will both delegations attend?\n\n"
            "AMB. KOVACS: Both have confirmed, and the agenda is agreed.\n\n"
            "MR. HALE: We have time for one more question.")


def test_briefing_labels_are_read_and_stripped_and_a_bare_title_and_surname_names_nobody() -> None:
    found = _found(BRIEFING, "Transcript: briefing on the Geneva talks")
    assert found == [
        (None, "question", "Good morning. We will start with a statement."),
        (None, "transcript", "Thank you. The talks in Geneva will resume on Monday."),
        (None, "question", "Will both delegations attend?"),
        (None, "transcript", "Both have confirmed, and the agenda is agreed."),
        (None, "transcript", "We have time for one more question."),
    ]
    # Never the previous speaker's: Mr. Hale's turn is not given to Amb. Kovacs.


def test_briefing_label_names_the_speaker_when_the_article_gives_the_full_name() -> None:
    body = "Ambassador Maria Kovacs briefed reporters in Vienna.\n\n" + BRIEFING
    found = _found(body, "Transcript: briefing on the Geneva talks")
    assert ("Maria Kovacs", "transcript", "Both have confirmed, and the agenda is agreed.") in found
    assert (None, "transcript", "We have time for one more question.") in found  # Hale: no full name


def test_editors_note_after_a_turn_is_not_a_quote() -> None:
    body = ("Anna Holm: We will reopen the mine in May.\n\nPer Lind: Not before the inspection is done.\n\n"
            "The transcript has been lightly edited for length.")
    found = _found(body, "Debate on the mine")
    assert found == [("Anna Holm", "transcript", "We will reopen the mine in May."),
                     ("Per Lind", "transcript", "Not before the inspection is done.")]
