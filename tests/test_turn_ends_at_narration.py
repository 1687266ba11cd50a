"""The last turn of a transcript, or of a Q&A inside a news story, ends where the article's narration
resumes: a paragraph that, outside its quotation marks, speaks in no first or second person and reports
what a named subject said — or the site's sign-off ("Listen to the full episode …").

Texts are written for these tests.
"""

from __future__ import annotations

from corpus.extract import extract_quotes

BRIEFING = ("The ministry's spokesperson Lena Varga took questions on Monday.\n\n"
            "Lena Varga: Good afternoon. The minister will visit the border crossing on Thursday.\n\n"
            "Question: Reporters were stopped at the crossing last week. Will they be allowed in?\n\n"
            "Lena Varga: We have asked the border police to look into it. I have nothing more to add.\n\n")


def test_a_sentence_reporting_a_named_person_after_the_last_turn_ends_it() -> None:
    text = BRIEFING + ("The border police later denied the account. Police spokesman Tomas Ilves said on "
                       "Tuesday that the reporters had \"no valid permits at the time.\"\n")
    found = extract_quotes(text, "Ministry briefing")
    assert not any(q.speaker == "Lena Varga" and "Ilves" in q.text for q in found)
    assert any(q.speaker == "Lena Varga" and q.text.startswith("We have asked the border police") for q in found)


def test_a_report_with_quoted_first_person_words_still_ends_the_turn() -> None:
    # The first person inside the quotation marks is the reported speaker's, not the previous turn's.
    text = BRIEFING + ("Goalkeeper Marek Dvorak, speaking separately to a radio station, said the squad was "
                       "\"tired.\" \"We let our fans down tonight,\" Dvorak said.\n")
    found = extract_quotes(text, "Ministry briefing")
    assert not any(q.speaker == "Lena Varga" and "Dvorak" in q.text for q in found)


def test_a_speaker_going_on_in_the_first_person_keeps_the_turn() -> None:
    text = BRIEFING + "As the minister said yesterday, we will not close the crossing. I can promise you that.\n"
    found = extract_quotes(text, "Ministry briefing")
    going_on = [q for q in found if q.text.startswith("As the minister said yesterday")]
    assert [q.speaker for q in going_on] == ["Lena Varga"]


def test_a_podcast_sign_off_is_nobodys_words() -> None:
    text = ("HOST ANNA MOLL: Welcome back. Today I am talking to the baker Ivo Rask.\n\n"
            "IVO RASK: Thank you, Anna. Bread is patience, nothing more.\n\n"
            "ANNA MOLL: Ivo Rask, thank you.\n\n"
            "Listen to the full episode wherever you get your podcasts.\n")
    found = extract_quotes(text, "The bread episode")
    assert not any("wherever you get your podcasts" in q.text for q in found)
