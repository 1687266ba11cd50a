"""Single quotation marks as a document's own quotation marks (UK and Commonwealth house style):
read when the document quotes speech in them, never when it uses them only inside double marks or
as apostrophes.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.extract.layout import layout
from corpus.extract.single_marks import single_quotations


def _quotes(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(text, "Harbour news")]


def _direct(text: str) -> list[tuple[str | None, str]]:
    return [(sp, words) for kind, sp, words in _quotes(text) if kind == "direct"]


UK_STYLE = (
    "Ferry fares on the island will rise by a fifth from April, the operator confirmed yesterday.\n\n"
    "'This is the last straw for families like mine,' said shopkeeper Moira Dunlop, 63. "
    "'We can't keep paying more.'\n\n"
    "Harbour board chairman Callum Reid said: 'Fuel costs have doubled and we have no other choice.'\n\n"
    "Local MP Fiona Grant hit back. 'The board has known about this for years,' she said.\n"
)


def test_a_document_quoting_in_straight_single_marks_yields_its_quotes() -> None:
    assert _direct(UK_STYLE) == [
        ("Moira Dunlop", "This is the last straw for families like mine,"),
        ("Moira Dunlop", "We can't keep paying more."),
        ("Callum Reid", "Fuel costs have doubled and we have no other choice."),
        ("Fiona Grant", "The board has known about this for years,"),
    ]


def test_curly_single_marks_are_read_the_same_way() -> None:
    curly = UK_STYLE.replace("'This", "‘This").replace("mine,'", "mine,’").replace("'We", "‘We") \
        .replace("more.'", "more.’").replace("'Fuel", "‘Fuel").replace("choice.'", "choice.’") \
        .replace("'The", "‘The").replace("years,'", "years,’").replace("can't", "can’t")
    assert [sp for sp, _ in _direct(curly)] == ["Moira Dunlop", "Moira Dunlop", "Callum Reid", "Fiona Grant"]
    assert _direct(curly)[1][1] == "We can’t keep paying more."


def test_double_marks_nested_in_a_single_quotation_stay_inside_the_outer_speakers_words() -> None:
    text = ("Pensioner Doreen Platt, 79, described the night her shed was broken into.\n\n"
            "Her neighbour, Gary Platt, said: 'I heard her shout \"Leave it alone!\" and I ran outside.'\n")
    found = _quotes(text)
    assert found == [("direct", "Gary Platt", "I heard her shout \"Leave it alone!\" and I ran outside.")]


@pytest.mark.parametrize("narration", [
    "Rock 'n' roll fans who grew up in the '90s packed the Joneses' old barn on Saturday.",
    "Rock ’n’ roll fans who grew up in the ’90s packed the Joneses’ old barn on Saturday.",
])
def test_apostrophes_in_narration_open_no_quotation(narration: str) -> None:
    text = f"{narration}\n\n'It was the best night the village has had in years,' said organiser Dan Hewitt.\n"
    assert _direct(text) == [("Dan Hewitt", "It was the best night the village has had in years,")]


def test_apostrophes_inside_a_single_quotation_do_not_close_it() -> None:
    text = ("'We're goin' back to the farmers' market next week, and it's going to be busy,' "
            "said stallholder Nia Evans.\n")
    assert _direct(text) == [
        ("Nia Evans", "We're goin' back to the farmers' market next week, and it's going to be busy,")]


def test_a_single_quotation_running_into_the_next_paragraph_continues() -> None:
    text = ("Councillor Ruth Mason said: 'We will fight the closure all the way.\n\n"
            "'The library is the only warm place many people have in winter.'\n")
    found = _direct(text)
    assert len(found) == 1 and found[0][0] == "Ruth Mason"
    assert found[0][1].startswith("We will fight the closure all the way.")
    assert found[0][1].endswith("many people have in winter.")


def test_a_document_quoting_in_double_marks_keeps_single_marks_as_nested_or_scare_quotes() -> None:
    text = ("The so-called 'blue wall' seats are in play, analysts say.\n\n"
            "\"Voters told me 'enough is enough' on every doorstep,\" said Anna Berg, the Green candidate.\n\n"
            "\"We will win here,\" she added.\n")
    assert _direct(text) == [
        ("Anna Berg", "Voters told me 'enough is enough' on every doorstep,"),
        ("Anna Berg", "We will win here,"),
    ]


def test_single_marks_with_no_speech_in_them_leave_the_document_as_it_was() -> None:
    text = ("The 'smart meter' rollout has been delayed again.\n\n"
            "Engineers say the 'Mark II' units still fail in cold weather.\n")
    lay = layout(text, "Meters")
    assert lay.quotes == []  # scare quotes in a document that quotes nobody: marks left alone


def test_single_quotations_pairs_marks_around_possessives_and_elisions() -> None:
    text = "'The twins' bikes were stolen in the '80s, and they're still missing,' she said.\n"
    found = single_quotations(text, [(0, len(text) - 1)])
    assert found == [(0, text.index(",' she") + 1)]
    assert found[0][1] is not None and text[found[0][1] + 1:].startswith(" she said")
