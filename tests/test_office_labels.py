"""Turn labels that name an office, not a person ("Spokesperson:", "The DEPUTY MINISTER:", "THE CHAIR
(SEN. …):"): the office is never a speaker's name; its one holder speaks, or nobody.

Texts are written for these tests.
"""

from __future__ import annotations

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote


def _by_text(found: list[ExtractedQuote]) -> dict[str, ExtractedQuote]:
    return {q.text: q for q in found}


BRIEFING = ("Here is a transcript of today's press briefing by Marta Lindqvist, Spokesperson for the Harbour "
            "Authority.\n\n"
            "Spokesperson: Good morning. I will begin with the storm damage at the eastern pier.\n\n"
            "The repairs will take about three weeks, and we will keep the ferry running.\n\n"
            "Question: Marta, who pays for the repairs?\n\n"
            "Spokesperson: The insurers will cover most of it. We are still counting.\n")


def test_a_role_word_label_is_the_one_person_the_article_introduces_with_that_role() -> None:
    found = _by_text(extract_quotes(BRIEFING, "Harbour briefing"))
    first = found["Good morning. I will begin with the storm damage at the eastern pier."]
    assert (first.speaker, first.resolution) == ("Marta Lindqvist", "title")
    assert first.speaker_start is not None and BRIEFING[first.speaker_start:first.speaker_end] == "Marta Lindqvist"
    assert found["The insurers will cover most of it. We are still counting."].speaker == "Marta Lindqvist"
    assert found["Marta, who pays for the repairs?"].kind == "question"


def test_a_role_word_label_with_nobody_introduced_is_unattributed_never_named_after_the_role() -> None:
    text = BRIEFING.replace("by Marta Lindqvist, Spokesperson for the Harbour Authority", "at the harbour office")
    found = extract_quotes(text, "Harbour briefing")
    assert found and all(q.speaker != "Spokesperson" for q in found)
    assert _by_text(found)["The insurers will cover most of it. We are still counting."].speaker is None


def test_a_role_word_label_two_people_hold_is_unattributed() -> None:
    text = BRIEFING.replace("Harbour Authority.", "Harbour Authority, and Ivan Petrov, spokesperson for the "
                            "ferry company.")
    found = _by_text(extract_quotes(text, "Harbour briefing"))
    assert found["The insurers will cover most of it. We are still counting."].speaker is None


HEARING = ("Excerpts from the committee hearing on Thursday.\n\n"
           "Ms K L Dlamini (Green Party): Deputy Minister, the clinics have run out of insulin twice this year. "
           "Who is responsible?\n\n"
           "The DEPUTY MINISTER (Mr R T Okafor): Honourable Member, a new supplier was appointed in March.\n\n"
           "Ms K L Dlamini: That does not answer my question.\n\n"
           "The DEPUTY MINISTER: Honourable Member, the supplier delivered late, and we have fined it.\n")


def test_an_office_label_alone_is_the_person_an_earlier_label_gave_that_office() -> None:
    found = extract_quotes(HEARING, "Clinics hearing")
    texts = _by_text(found)
    assert texts["That does not answer my question."].speaker == "K L Dlamini"  # the label does not run on
    last = texts["Honourable Member, the supplier delivered late, and we have fined it."]
    assert last.speaker == "R T Okafor"
    assert not any("DEPUTY MINISTER" in q.text for q in found)


def test_an_office_label_alone_that_no_label_named_ends_the_turn_and_names_nobody() -> None:
    text = HEARING.replace("The DEPUTY MINISTER (Mr R T Okafor):", "Mr R T Okafor (Labour):")
    found = extract_quotes(text, "Clinics hearing")
    last = _by_text(found)["Honourable Member, the supplier delivered late, and we have fined it."]
    assert last.speaker is None
    assert _by_text(found)["That does not answer my question."].speaker == "K L Dlamini"


def test_a_capitals_office_with_a_bracketed_senator_names_the_senator() -> None:
    text = ("An edited transcript of the hearing.\n\n"
            "SEN. PAULO REYES: Commissioner, where did the rice go? I move that you submit the records.\n\n"
            "THE CHAIR (SEN. LORNA VILLANUEVA): So ordered. Commissioner, you have two days.\n\n"
            "SEN. PAULO REYES: Thank you, Madam Chair. Who signed the orders?\n")
    found = extract_quotes(text, "Rice hearing")
    texts = _by_text(found)
    assert texts["So ordered. Commissioner, you have two days."].speaker == "Lorna Villanueva"
    assert texts["Commissioner, where did the rice go? I move that you submit the records."].speaker == "Paulo Reyes"
    assert not any("THE CHAIR" in q.text for q in found)
