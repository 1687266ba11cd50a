"""Sources before a quotation that were left unread: "As Ana Ruiz noted, “…”" and "As the columnist Ana Ruiz
had written years earlier, ''…''" (the verb without "put it"; titles and modifiers before the name), and
"According to the newspaper, “…”" — a paper, a magazine, a network or an editorial is the source the
report gives: kept as the evidence, naming nobody; a sentence ended by a colon after an opening phrase
("At the town hall on Monday, the Dunn supporter retorted: “…”") (issue 10, constructions 7 and 9).

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Harbour town debates the new ferry"
INTRO = "Tom Dunn and Ana Ruiz both want to run the harbour board.\n\n"


def _quote(body: str) -> tuple[ExtractedQuote, str | None]:
    text = f"{TITLE}\n\n{INTRO}{body}\n"
    hits = [q for q in extract_quotes(text, TITLE) if q.kind == "direct" and q.start > len(TITLE) + len(INTRO)]
    assert len(hits) == 1, hits
    q = hits[0]
    return q, None if q.speaker_start is None else text[q.speaker_start:q.speaker_end]


@pytest.mark.parametrize("lead", [
    "As Ruiz noted, ",
    "As Ruiz told reporters on Monday, ",
    "As the harbour columnist Ana Ruiz had written just a few years earlier, ",
])
def test_as_a_speaker_put_it_without_it(lead: str) -> None:
    q, mention = _quote(lead + "“We could not have a harbour without the ferry and the crews who run it.”")
    assert q.speaker == "Ana Ruiz" and mention is not None and mention.endswith("Ruiz")


def test_as_someone_elses_friend_wrote_names_nobody() -> None:
    q, _ = _quote("As a friend of Ana Ruiz wrote, “We could not have a harbour without the ferry and its crews.”")
    assert q.speaker is None


@pytest.mark.parametrize("source", ["the newspaper", "the magazine", "the paper's editorial"])
def test_according_to_the_press_is_kept_as_the_evidence(source: str) -> None:
    q, mention = _quote(f"According to {source}, “the ferry is late again and nobody at the council seems to care.”")
    assert (q.speaker, mention) == (None, source)


@pytest.mark.parametrize("lead", ["", "At the town hall meeting in Hudson on Monday, "])
def test_a_colon_after_any_verb_of_a_named_subject_after_an_opening_phrase(lead: str) -> None:
    q, mention = _quote(f"{lead}Ruiz retorted: “There is a special place in the harbour for people who never sail.”")
    assert (q.speaker, mention) == ("Ana Ruiz", "Ruiz")


def test_a_colon_after_a_noun_phrase_subject_keeps_the_evidence_and_names_nobody() -> None:
    body = ("At the town hall meeting in Hudson on Monday, the Dunn supporter retorted: "
            "“There is a special place in the harbour for people who never sail.”")
    q, mention = _quote(body)
    assert (q.speaker, mention) == (None, "the Dunn supporter")


@pytest.mark.parametrize(("line", "evidence"), [
    ("More from Karl Berg and Ana Ruiz: ", "Karl Berg and Ana Ruiz"),
    ("What the report means - From the report: ", "the report"),
])
def test_a_digest_credit_line_is_kept_as_the_evidence(line: str, evidence: str) -> None:
    q, mention = _quote(line + "“The polls were not wrong, just too early to see the late voters at all.”")
    assert (q.speaker, mention) == (None, evidence)


def test_a_place_after_from_is_no_credit_line() -> None:
    q, mention = _quote("Dunn wrongly suggested the judge was from Mexico: “The judge, we believe, is Mexican, "
                        "which is fine with me.”")
    assert mention != "Mexico"
