""""As X put it" before a quotation names its speaker, with a colon as well as a comma and with an
apposition after the name: "As Maren Holt put it: “…”", "As Maren Holt, the harbour master, put it in a
memo, “…”". Our own sentences."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes


@pytest.mark.parametrize("lead", [
    "As Maren Holt put it: ",
    "As Maren Holt, the harbour master, put it in her memo to staff, ",
    "Or, as Maren Holt put it, ",
])
def test_as_x_put_it(lead: str) -> None:
    qs = extract_quotes(lead + "“The ferry is the lifeline of this island.”", None)
    assert [(q.kind, q.text, q.speaker) for q in qs] == [
        ("direct", "The ferry is the lifeline of this island.", "Maren Holt")]
