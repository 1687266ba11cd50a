"""", telling reporters that CLAUSE" after a clause is a report of the clause's subject, like ", adding that
CLAUSE"; and a stance ("X defended the timetable") ends where such a participle begins, never running on over
it. Our own sentences."""

from __future__ import annotations

from corpus.extract import extract_quotes


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text, None)]


def test_telling_a_listener_that() -> None:
    assert _quotes("Maren Holt spoke on Monday, telling the island council that the ferry would keep running.") == [
        ("indirect", "the ferry would keep running", "Maren Holt")]


def test_after_a_quotation() -> None:
    assert _quotes("“We will not stop,” Maren Holt said, telling the island council that the ferry would keep "
                   "running.") == [("direct", "We will not stop,", "Maren Holt"),
                                   ("indirect", "the ferry would keep running", "Maren Holt")]


def test_a_stance_stops_before_the_participle() -> None:
    qs = _quotes("Maren Holt defended the new winter timetable, stressing that the ferry would keep running.")
    assert all("stressing" not in text for _, text, _ in qs)
    assert ("indirect", "the ferry would keep running", "Maren Holt") in qs
