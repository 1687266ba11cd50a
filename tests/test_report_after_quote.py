"""A reported clause stops where another report begins, also right after a quotation's closing mark:
"Holt admitted that the timetable was “a mistake,” he said the ferry would run." is two reports, the first
ending at the quotation — never one report swallowing ", he said …" (and with it another speaker's
words). Our own sentences."""

from __future__ import annotations

from corpus.extract import extract_quotes


def test_a_report_ends_before_a_report_after_a_closing_mark() -> None:
    text = ("Harbour master Maren Holt admitted that the winter timetable had been “a mistake from the start,” "
            "the council's spokesman Ola Dahl said the ferry would keep running.")
    reports = [(q.text, q.speaker) for q in extract_quotes(text, None) if q.kind == "indirect"]
    assert reports[0] == ("the winter timetable had been “a mistake from the start,”", "Maren Holt")
    assert all("Dahl" not in t for t, _ in reports)  # no report runs on over the second speaker
