"""An interview titled with its interviewee, whose questions carry no label: the questions are questions
of nobody, the article's own paragraphs about the interviewee are no quotes, the answers are theirs.

Texts are written for these tests.
"""

from __future__ import annotations

from corpus.extract import extract_quotes

TITLE = "Interview: 'The river taught me patience' — potter Ingrid Solberg"
TEXT = ("Ingrid Solberg's new exhibition fills two floors of the old customs house. She spoke to us from her "
        "studio in Bergen.\n\n"
        "Your bowls are never quite round. Is that on purpose?\n\n"
        "It is. I grew up by a river, and nothing there is round. My teachers hated it, but I kept going.\n\n"
        "What would you tell a young potter?\n\n"
        "Buy a good wheel and break a lot of pots. I broke hundreds before one was any good.\n\n"
        "Solberg's exhibition runs until the end of March.\n")


def test_unlabelled_questions_are_questions_of_nobody_and_answers_are_the_interviewees() -> None:
    found = {q.text: q for q in extract_quotes(TEXT, TITLE)}
    q1 = found["Your bowls are never quite round. Is that on purpose?"]
    assert (q1.kind, q1.speaker) == ("question", None)
    assert (found["What would you tell a young potter?"].kind,
            found["What would you tell a young potter?"].speaker) == ("question", None)
    answer = found["It is. I grew up by a river, and nothing there is round. My teachers hated it, but I kept going."]
    assert (answer.kind, answer.speaker) == ("transcript", "Ingrid Solberg")


def test_the_articles_paragraphs_naming_the_interviewee_are_not_their_words() -> None:
    found = extract_quotes(TEXT, TITLE)
    assert not any("customs house" in q.text or "until the end of March" in q.text for q in found)
    assert sum(1 for q in found if q.speaker == "Ingrid Solberg") == 2


def test_a_speech_keeps_its_rhetorical_questions_as_the_speakers_words() -> None:
    # Only an interview has an interviewer: in a speech, a question to the audience is the speaker's.
    title = "Mayor Tomas Lindgren's address to the harbour workers"
    text = ("Friends,\n\nWe have rebuilt the pier in one year. I am proud of every one of you.\n\n"
            "Do you remember what the harbour looked like after the storm?\n\n"
            "We will open the new ferry line in May, and I hope you will all ride it.\n")
    found = {q.text: q for q in extract_quotes(text, title)}
    asked = found["Do you remember what the harbour looked like after the storm?"]
    assert (asked.kind, asked.speaker) == ("transcript", "Tomas Lindgren")
