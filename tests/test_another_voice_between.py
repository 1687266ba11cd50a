"""A second quotation after a short clause of another subject is not carried on as the first speaker's:
"“A,” Ruiz said, and her husband cut in. “B.”", "… Dunn laughed. “B.”" — B may be theirs, so it is stored
unattributed rather than credited to Ruiz. A background clause ("as the crowd cheered"), a participle
("smiling"), a pronoun subject ("She smiled.") or an apposition keep the voice (issue 10: never credit
the wrong person).

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes

TITLE = "Harbour town debates the new ferry"
INTRO = "Tom Dunn and Ana Ruiz both want to run the harbour board.\n\n"
FIRST = "“Tell her I promised you a picture of the new boat,”"
SECOND = "“Don’t forget the harbour master, he was at school with us.”"


def _second_speaker(between: str) -> str | None:
    text = f"{TITLE}\n\n{INTRO}{FIRST} {between} {SECOND}\n"
    qs = [q for q in extract_quotes(text, TITLE) if q.kind == "direct"]
    first = [q for q in qs if q.text.startswith("Tell her")]
    assert first and first[0].speaker == "Ana Ruiz", qs
    second = [q for q in qs if q.text.startswith("Don’t forget")]
    assert len(second) == 1, qs
    return second[0].speaker


@pytest.mark.parametrize("between", [
    "Ruiz said, and her husband cut in.",
    "Ruiz said, before her husband cut in.",
    "Ruiz said. Dunn laughed.",
])
def test_another_subject_acting_between_leaves_the_second_part_unattributed(between: str) -> None:
    assert _second_speaker(between) is None


@pytest.mark.parametrize("between", [
    "Ruiz said, smiling.",
    "Ruiz said. She smiled.",
    "Ruiz said, as the crowd cheered.",
    "said Ruiz, who now runs the harbour.",
    "Ruiz said on Monday.",
])
def test_the_voice_carries_on_over_its_own_narration(between: str) -> None:
    assert _second_speaker(between) == "Ana Ruiz"


@pytest.mark.parametrize("sentence", [
    "“Who can count the boats we lost this winter?” Ruiz asks as a ferryman walks in front of her, saying he’s "
    "“here to fix the seven holes in your hull.”",
    "Ruiz spoke as a ferryman walked past, saying he was “here to fix the seven holes in your hull.”",
])
def test_a_participle_after_a_clause_of_another_subject_is_not_the_speakers(sentence: str) -> None:
    text = f"{TITLE}\n\n{INTRO}{sentence}\n"
    words = [q for q in extract_quotes(text, TITLE) if "seven holes" in q.text]
    assert words and all(q.speaker != "Ana Ruiz" for q in words)


def test_a_participle_after_a_clause_of_the_same_subject_is_the_speakers() -> None:
    text = (f"{TITLE}\n\n{INTRO}Ruiz waved at the crowd as she walked off the stage, saying she was “here to fix the "
            "seven holes in the hull.”\n")
    words = [q for q in extract_quotes(text, TITLE) if q.kind == "direct" and "seven holes" in q.text]
    assert [q.speaker for q in words] == ["Ana Ruiz"]
