"""A quotation continued after the speaker's reported clause: “A,” X said, adding that CLAUSE. “B.” —
B is the second part of A's utterance (linked, with A's attribution), and the clause between them stays
a report of its own, never part of the quotation. Our own sentences."""

from __future__ import annotations

from corpus.extract import extract_quotes

TEXT = ("The ferry company will cut its winter timetable.\n\n"
        "“Nobody wants to sail an empty boat in January,” Maren Holt said, adding that the company had "
        "lost money on every winter crossing since 2019. “We will be back at full strength in May.”\n")


def _by_text(text: str) -> dict[str, object]:
    return {q.text: q for q in extract_quotes(text, "Ferry cuts")}


def test_the_continuation_is_linked_to_the_first_part() -> None:
    qs = _by_text(TEXT)
    first = qs["Nobody wants to sail an empty boat in January,"]
    second = qs["We will be back at full strength in May."]
    assert first.speaker == second.speaker == "Maren Holt"  # type: ignore[attr-defined]
    assert first.utterance is not None and first.utterance == second.utterance  # type: ignore[attr-defined]
    assert second.speaker_start == first.speaker_start  # type: ignore[attr-defined]


def test_the_reported_clause_between_stays_its_own_report() -> None:
    qs = _by_text(TEXT)
    clause = next(q for t, q in qs.items() if t.startswith("the company had lost money"))
    assert clause.kind == "indirect" and clause.utterance is None  # type: ignore[attr-defined]
    assert clause.speaker == "Maren Holt"  # type: ignore[attr-defined]


def test_a_new_paragraph_is_not_linked() -> None:
    text = TEXT.replace("2019. “We", "2019.\n\n“We")
    qs = _by_text(text)
    assert qs["Nobody wants to sail an empty boat in January,"].utterance is None  # type: ignore[attr-defined]


def test_another_speakers_quotation_is_not_linked() -> None:
    text = TEXT.replace("2019. “We will be back at full strength in May.”",
                        "2019. “We will be back at full strength in May,” said Ola Dahl, the harbour master.")
    qs = _by_text(text)
    second = qs["We will be back at full strength in May,"]
    assert second.speaker == "Ola Dahl"  # type: ignore[attr-defined]
    assert second.utterance is None or second.utterance != qs[  # type: ignore[attr-defined]
        "Nobody wants to sail an empty boat in January,"].utterance  # type: ignore[attr-defined]
