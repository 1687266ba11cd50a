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


# -- colon introductions: the quotation alone -----------------------------------------------------

@pytest.mark.parametrize("body, words", [
    ("A spokeswoman for the ferry company said: “We regret the delays and will refund every ticket.”",
     "We regret the delays and will refund every ticket."),
    ("The head of the water board wrote on the notice: “The reservoir will stay closed until spring.”",
     "The reservoir will stay closed until spring."),
    ("A lawyer for the family, speaking outside court, said: “They want the truth and nothing else.”",
     "They want the truth and nothing else."),
    ("The harbour master waved at the crowd before telling them, “Nobody sails until the storm has passed.”",
     "Nobody sails until the storm has passed."),
])
def test_colon_introduction_stores_only_the_quoted_words(body: str, words: str) -> None:
    found = extract_quotes(f"Ferry news\n\nThe ferry was late again.\n\n{body}\n", "Ferry news")
    direct = [q for q in found if q.kind == "direct"]
    assert [q.text for q in direct] == [words]  # no colon, comma, quotation mark or narration inside
    assert not [q for q in found if q.kind != "direct" and q.text.lstrip()[:1] in ",:;“\""]


def test_split_quote_with_an_aside_after_the_verb_keeps_only_the_quoted_words() -> None:
    body = ("“Every time you cut the budget,” Olga Petrova said, pointing at the chart, "
            "“the waiting lists grow longer.”")
    found = extract_quotes(f"Budget\n\n{body}\n", "Budget")
    assert [(q.speaker, q.text) for q in found] == [
        ("Olga Petrova", "Every time you cut the budget,"), ("Olga Petrova", "the waiting lists grow longer.")]
    assert found[0].utterance == found[1].utterance == found[0].start  # one utterance, two parts


# -- quoted words inside narration ----------------------------------------------------------------

def test_a_one_word_scare_quote_is_no_direct_quote_the_characterisation_is_reported_speech() -> None:
    body = "Chief executive Olga Petrova called the results “remarkable”."
    found = extract_quotes(f"Results\n\nProfits rose.\n\n{body}\n", "Results")
    assert [(q.speaker, q.kind, q.text) for q in found] == [("Olga Petrova", "indirect", "the results “remarkable”")]


@pytest.mark.parametrize("body, words", [
    ("The Harbour Gazette called it “a slow and patient triumph”.", "a slow and patient triumph"),
    ("Olga Petrova described the new budget as “a betrayal of every nurse”.", "a betrayal of every nurse"),
    ("Critic Olga Petrova called the film “a triumph of noise”.", "a triumph of noise"),  # no film title
])
def test_quoted_words_in_narration_are_stored_alone(body: str, words: str) -> None:
    found = extract_quotes(f"Reviews\n\nThe film opened on Friday.\n\n{body}\n", "Reviews")
    direct = [q for q in found if q.kind == "direct"]
    assert [q.text for q in direct] == [words]
    # Never the object of "called" / "described" inside a direct quote; a bare pronoun object adds nothing.
    assert all("“" not in q.text or q.kind == "indirect" for q in found)
    assert all(not q.text.startswith("it ") for q in found)


def test_a_title_in_quotation_marks_is_no_ones_quote() -> None:
    body = ("Olga Petrova told the radio show “Morning Harbour” on Friday that the bridge "
            "“will open before the summer”.")
    found = extract_quotes(f"Bridge\n\nThe bridge is late.\n\n{body}\n", "Bridge")
    assert "Morning Harbour" not in {q.text for q in found}
    assert ("Olga Petrova", "will open before the summer") in {(q.speaker, q.text) for q in found if q.kind == "direct"}


def test_a_verb_inside_another_quotation_is_not_the_narrators() -> None:
    body = ("Readers wrote in. “The minister said nurses earn enough. She is wrong about that.” ― a reader "
            "“I have worked nights for twenty years and I cannot pay my rent.” ― another reader")
    found = extract_quotes(f"Letters\n\nWe asked readers.\n\n{body}\n", "Letters")
    assert all(q.speaker is None for q in found)


# -- editorial openers are not turn labels --------------------------------------------------------

@pytest.mark.parametrize("opener", ["Watch", "Read more", "Earlier", "Update", "Listen"])
def test_an_editorial_opener_is_no_turn_label(opener: str) -> None:
    body = ("Festival jury president Anna Berg: “It moved me deeply.”\n\n"
            f"{opener}: “We never expected a prize like this one,” officials said.")
    found = extract_quotes(f"Film festival\n\n{body}\n", "Film festival")
    assert [(q.speaker, q.kind, q.text) for q in found] == [
        ("Anna Berg", "direct", "It moved me deeply."),
        (None, "direct", "We never expected a prize like this one,"),
    ]


def test_listen_followed_by_lower_case_is_speech_not_an_editorial_line() -> None:
    body = ("Anna Berg: We will open the harbour in May.\n\nListen: you and your readers should read the plan.\n\n"
            "Per Lind: The plan is not ready.")
    found = extract_quotes(f"Harbour debate\n\n{body}\n", "Harbour debate")
    # Kept as transcript words (a label-shaped word ends the turn before it: unattributed, never Anna Berg's).
    assert (None, "transcript", "you and your readers should read the plan.") in \
        [(q.speaker, q.kind, q.text) for q in found]


def test_in_a_transcript_a_turn_opening_with_a_quotation_stays_whole() -> None:
    body = ("Anna Berg: We will open the harbour in May.\n\n"
            "Per Lind: “When will the ferry run?” That is what people ask me every day.\n\n"
            "Anna Berg: In June, I promise.")
    found = extract_quotes(f"Harbour debate\n\n{body}\n", "Harbour debate")
    assert ("Per Lind", "transcript", "“When will the ferry run?” That is what people ask me every day.") in \
        [(q.speaker, q.kind, q.text) for q in found]


@pytest.mark.parametrize("body, words", [
    ("Olga Petrova said that in the nineties the old mayor had urged every district to “take as much money as "
     "you can carry”.", "take as much money as you can carry"),
    ("Governor Olga Petrova described the audit as unfair after the auditor blamed the delays on “a culture of "
     "silence” in her office.", "a culture of silence"),
])
def test_quoted_words_after_someone_elses_speech_act_are_not_the_reporters(body: str, words: str) -> None:
    found = extract_quotes(f"Audit\n\nThe audit was published.\n\n{body}\n", "Audit")
    direct = [q for q in found if q.kind == "direct" and q.text == words]
    assert len(direct) == 1 and direct[0].speaker is None  # the words may be the mayor's / auditor's


def test_a_characterisation_ends_where_the_narration_goes_on() -> None:
    body = ("Governor Olga Petrova described the auditor as “a partisan” after he criticised her budget and blamed "
            "the delays on “a culture of silence” in her office.")
    found = extract_quotes(f"Audit\n\nThe audit was published.\n\n{body}\n", "Audit")
    assert [(q.speaker, q.kind, q.text) for q in found] == [
        ("Olga Petrova", "indirect", "the auditor as “a partisan”"), ("Olga Petrova", "direct", "a partisan")]
    # "a culture of silence" may be the auditor's words: never hers.


def test_a_colon_introduction_by_an_unnamed_person_is_a_quote_of_nobody() -> None:
    body = "An engineer who inspected the bridge put it simply: “It could fall at any time.”"
    found = extract_quotes(f"Bridge\n\nThe bridge was closed.\n\n{body}\n", "Bridge")
    assert [(q.speaker, q.kind, q.text) for q in found] == [(None, "direct", "It could fall at any time.")]
    assert found[0].mention == "An engineer"  # the evidence: who said it, though the article names nobody


def test_an_adverb_between_subject_and_verb_keeps_the_speaker_of_a_characterisation() -> None:
    body = ("Mayor Olga Petrova closed the bridge on Monday.\n\n"
            "Petrova later called the closure “painful but unavoidable” and promised a new bridge.")
    found = extract_quotes(f"Bridge\n\n{body}\n", "Bridge")
    assert ("Olga Petrova", "direct", "painful but unavoidable") in [(q.speaker, q.kind, q.text) for q in found]
