"""Turn labels with an abbreviated or honorific title ("USEC. RAMOS:", "THE MINISTER OF PORTS (SHRI NAME):",
"Hon. NAME (Constituency, Party):", "NAME, CFO:"): read as the named person's turn, never run over by the
previous turn.

Texts are written for these tests.
"""

from __future__ import annotations

from corpus.extract import extract_quotes


def test_an_abbreviated_capitals_title_and_surname_is_the_person_the_article_names() -> None:
    text = ("Here is an edited transcript of the press briefing with Palace Press Officer Undersecretary "
            "Lorna Ramos.\n\n"
            "USEC. RAMOS: Good morning. The President flies to Cebu today.\n\n"
            "Q: Usec, will he visit the flooded towns?\n\n"
            "USEC. RAMOS: Yes. He will meet the mayors in the afternoon.\n")
    found = {q.text: q for q in extract_quotes(text, "Palace briefing")}
    assert found["Usec, will he visit the flooded towns?"].kind == "question"  # no answer inside the question
    assert found["Yes. He will meet the mayors in the afternoon."].speaker == "Lorna Ramos"
    assert found["Good morning. The President flies to Cebu today."].speaker == "Lorna Ramos"


def test_a_bracketed_name_with_an_indian_honorific_names_the_minister() -> None:
    text = ("The following exchange took place in the House.\n\n"
            "SHRI RAVI KUMAR VERMA (NORTH CONSTITUENCY): Sir, when will the bridge be finished?\n\n"
            "THE MINISTER OF PORTS (SHRI ANAND PRAKASH RAO): Sir, the bridge will open in June.\n")
    found = {q.text: q for q in extract_quotes(text, "House proceedings")}
    assert found["Sir, the bridge will open in June."].speaker == "Anand Prakash Rao"
    assert not any("MINISTER OF PORTS" in t for t in found)


def test_an_honourable_members_label_and_a_name_with_a_company_role_are_their_turns() -> None:
    text = ("Hon. Petra Wanjiku (Central Ward, Green): Thank you, Hon. Speaker. The levy hurts small farmers.\n\n"
            "Hon. Speaker: Order! Let the Member finish.\n\n"
            "Hon. Petra Wanjiku (Central Ward, Green): I am done, Hon. Speaker. I ask the Minister to reply.\n")
    found = {q.text: q for q in extract_quotes(text, "Levy debate")}
    assert found["Thank you, Hon. Speaker. The levy hurts small farmers."].speaker == "Petra Wanjiku"
    assert found["Order! Let the Member finish."].speaker is None
    call = ("Operator: The first question is from Ola Nord of Fjord Bank.\n\n"
            "Ola Nord (Fjord Bank): Thanks. When will the plant break even?\n\n"
            "Ravindra Kesh, CFO: Thanks, Ola. We expect break-even in the second half of next year.\n")
    found = {q.text: q for q in extract_quotes(call, "Results call")}
    assert found["Thanks, Ola. We expect break-even in the second half of next year."].speaker == "Ravindra Kesh"
