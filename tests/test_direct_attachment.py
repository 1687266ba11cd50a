"""Which mention a direct quote is attached to (its ``speaker_span``), construction by construction.

The surface mention is the evidence a card shows and the one PolNeAR-style scoring checks: the words
next to the cue ("she", "the mayor", "Ms. Okafor"), kept even when they name nobody. Every text here is
written for the test.
"""

from __future__ import annotations

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Harbour town debates the new ferry"


def quotes(body: str, title: str | None = TITLE) -> list[ExtractedQuote]:
    text = f"{title}\n\n{body}\n" if title else f"{body}\n"
    return extract_quotes(text, title)


def by_text(found: list[ExtractedQuote], start: str) -> ExtractedQuote:
    hits = [q for q in found if q.text.startswith(start)]
    assert len(hits) == 1, (start, found)
    return hits[0]


def surface(body: str, start: str) -> str | None:
    """The words of the mention the quote starting with ``start`` is attached to."""
    text = f"{TITLE}\n\n{body}\n"
    q = by_text(extract_quotes(text, TITLE), start)
    if q.speaker_start is None or q.speaker_end is None:
        return None
    return text[q.speaker_start:q.speaker_end]


# A continuation has no mention of its own: its evidence is the mention of the quotation it continues,
# even when that mention named nobody.
def test_continuation_carries_the_mention_of_the_quotation_it_continues() -> None:
    body = ("“The ferry is late every single morning,” said Petra Holmgren, a nurse.\n\n"
            "“We deserve a timetable that somebody actually keeps.”")
    assert surface(body, "We deserve") == "Petra Holmgren"
    assert by_text(quotes(body), "We deserve").speaker == "Petra Holmgren"


def test_continuation_of_an_unnamed_speaker_keeps_the_mention_and_names_nobody() -> None:
    body = ("“The ferry is late every single morning,” a commuter said at the pier on a cold Monday.\n\n"
            "“We deserve a timetable that somebody actually keeps.”")
    q = by_text(quotes(body), "We deserve")
    assert q.speaker is None
    assert surface(body, "We deserve") == "a commuter"


def test_continuation_follows_the_quote_before_it_not_a_later_one_in_the_paragraph() -> None:
    # One paragraph (hard-wrapped lines): the quote after the cueless one has another speaker.
    body = ("“The ferry is late every single morning,” said Petra Holmgren.\n"
            "“We deserve a timetable that somebody actually keeps.” The captain disagreed.\n"
            "“The weather is the reason, not the crew or the engines,” said Jonas Ekberg.\n\n"
            "A second paragraph follows here.")
    q = by_text(quotes(body), "We deserve")
    assert q.speaker == "Petra Holmgren"
    assert surface(body, "We deserve") == "Petra Holmgren"


def test_a_quote_inside_narration_is_no_continuation() -> None:
    # "… because to her, “…”": narration before the quotation in its own sentence.
    body = ("“The ferry is late every single morning,” said Petra Holmgren. "
            "The mayor trusts the captain because to her, “there is no finer sailor on this whole coast.”")
    inner = [q for q in quotes(body) if "no finer sailor" in q.text]
    assert inner and all(q.speaker != "Petra Holmgren" for q in inner)


# A quoted fragment inside narration is spoken by the subject of the speech act before it.
def test_participle_after_a_clause_of_its_own_takes_the_sentence_subject() -> None:
    body = ("Mayor Anna Lindgren posted three messages early on Tuesday, saying the old ferry "
            "was “a danger to everyone who boards it every day.”")
    assert surface(body, "the old ferry") == "Mayor Anna Lindgren"
    assert by_text(quotes(body), "the old ferry").speaker == "Anna Lindgren"


def test_second_coordinated_verb_takes_the_sentence_subject() -> None:
    body = ("Councillor Jonas Ekberg presented the budget and vowed to punish “anyone who wastes the "
            "money meant for the ferry.”")
    assert surface(body, "to punish") == "Councillor Jonas Ekberg"


def test_subject_with_a_relative_clause_before_the_verb() -> None:
    body = ("Ekberg, who has sailed these waters for forty years, blasted the plan as “a waste of good "
            "money and time.” Councillor Jonas Ekberg later left.")
    found = [q for q in quotes(body) if "waste of good" in q.text]
    assert len(found) == 1
    q = found[0]
    text = f"{TITLE}\n\n{body}\n"
    assert q.speaker_start is not None and text[q.speaker_start:q.speaker_end] == "Ekberg"


def test_a_noun_phrase_subject_is_the_evidence_and_names_nobody() -> None:
    body = ("Jonas Ekberg spoke first. The retired shipbuilder says of the plan, “It will sink before "
            "the first winter is over.”")
    found = [q for q in quotes(body) if "sink before" in q.text]
    assert len(found) == 1
    assert found[0].speaker is None
    text = f"{TITLE}\n\n{body}\n"
    assert text[found[0].speaker_start:found[0].speaker_end] == "The retired shipbuilder"


def test_a_speech_verb_inside_someone_elses_quotation_is_no_narration() -> None:
    body = ("“The captain said it twice, and he is proud of it, the fool.” ― Maria Lund\n"
            "“The “new” ferry is twenty years old.” ― Petra Holmgren")
    for q in quotes(body):
        assert not q.text.startswith("it twice"), q


# “…” ― Name: a pull quote or a reader's comment signed with the name alone.
def test_a_dash_and_a_name_ending_the_paragraph_attribute_the_quote() -> None:
    body = ("Readers wrote to us about the ferry.\n\n"
            "“I have missed three job interviews because of it. Nobody at the council cares.” ― Maria Lund\n"
            "“Build a bridge and be done with it.” — Petra Holmgren.\n\n"
            "Getty Images.")
    found = quotes(body)
    assert by_text(found, "I have missed").speaker == "Maria Lund"
    assert by_text(found, "Build a bridge").speaker == "Petra Holmgren"
    assert surface(body, "Build a bridge") == "Petra Holmgren"


def test_a_dash_before_more_narration_is_no_signature() -> None:
    body = "“We will see,” — the mayor paused — “whether the ferry comes at all.”"
    for q in quotes(body):
        assert q.speaker is None or q.speaker != "the mayor paused"
