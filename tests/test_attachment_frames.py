"""More frames that attach a direct quote to its mention (``speaker_span``), from the PolNeAR train
error buckets: a colon after any verb, a sentence subject with no speech verb, a pronoun and any verb
after the quotation, and a cue before its speaker that is no passive. Every text here is written for
the test.
"""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Harbour council argues over the ferry"


def found(body: str) -> tuple[str, list[ExtractedQuote]]:
    text = f"{TITLE}\n\n{body}\n"
    return text, extract_quotes(text, TITLE)


def quote(body: str, start: str) -> tuple[ExtractedQuote, str | None]:
    """The quote starting with ``start`` and the words of the mention it is attached to."""
    text, qs = found(body)
    hits = [q for q in qs if q.text.startswith(start)]
    assert len(hits) == 1, (start, qs)
    q = hits[0]
    mention = None if q.speaker_start is None or q.speaker_end is None else text[q.speaker_start:q.speaker_end]
    return q, mention


# -- a cue before its speaker is never read as a passive of a later verb ----------------------------------
def test_said_before_the_name_is_active_even_when_the_next_quotation_says_to_be_said() -> None:
    body = ("“The ferry has never once left on time this winter,” said Petra Holmgren, a nurse. "
            "“Somebody has to say what needs to be said.”")
    q, mention = quote(body, "The ferry has never")
    assert (q.speaker, mention) == ("Petra Holmgren", "Petra Holmgren")


def test_a_real_passive_still_names_the_listener_nobody() -> None:
    body = "Councillor Jonas Ekberg spoke at length.\n\n“You will have to wait for the spring,” Tom Bell was told."
    q, _ = quote(body, "You will have")
    assert q.speaker is None


# -- a colon after any verb introduces the subject's words ------------------------------------------------
def test_colon_after_any_verb_introduces_the_sentence_subject() -> None:
    body = ("Councillor Jonas Ekberg took the microphone.\n\n"
            "Jonas Ekberg delivered a short retort: “Nobody is cancelling the ferry. We are fixing it.”")
    q, mention = quote(body, "Nobody is cancelling")
    assert (q.speaker, mention) == ("Jonas Ekberg", "Jonas Ekberg")


def test_colon_sentence_opened_by_a_connective_and_a_pronoun() -> None:
    body = ("Petra Holmgren waited for the vote.\n\n"
            "And she went further: “If the ferry stops, half this town stops with it.”")
    q, mention = quote(body, "If the ferry stops")
    assert mention == "she"
    assert q.speaker == "Petra Holmgren"


def test_colon_rule_leaves_a_quotation_with_its_own_attribution_alone() -> None:
    # The subject of the colon sentence is a place inside a noun phrase; the quotation names its
    # own speaker after it, with a verb the cue list lacks.
    body = ("One man in Harbourside, listening to the speech, interrupted the councillor:\n\n"
            "“They sold the ferry to the mainland for nothing,” the man shouted, waving a timetable.")
    _, mention = quote(body, "They sold the ferry")
    assert mention != "Harbourside"


def test_colon_rule_does_not_take_a_name_inside_the_subject_phrase() -> None:
    body = "Giant screens over the harbour showed a slogan in gold letters:\n\n“Ferries For Everyone.”"
    text, qs = found(body)
    for q in qs:
        assert q.speaker is None
        assert q.speaker_start is None or text[q.speaker_start:q.speaker_end] != "Giant"


# -- a quotation in a sentence with no speech verb: the subject is the evidence, naming nobody ---------
def test_subject_of_a_sentence_with_no_speech_verb_is_the_evidence_only() -> None:
    body = ("Petra Holmgren has run the clinic for years.\n\n"
            "Petra Holmgren worried that the timetable was becoming “a fiction that nobody on this island "
            "believes any more.”")
    q, mention = quote(body, "a fiction")
    assert mention == "Petra Holmgren"
    assert q.speaker is None  # no speech verb: kept unattributed, the subject only as evidence


def test_sentence_subject_evidence_needs_the_subject_to_open_the_sentence() -> None:
    body = ("On the pier, a crowd watched as the boat sailed away with “every last one of our hopes on board, "
            "and nobody left to steer it.”")
    q, mention = quote(body, "every last one")
    assert q.speaker is None
    assert mention is None


# -- after the quotation, a pronoun and a verb the cue list lacks ------------------------------------------
def test_pronoun_and_went_on_after_the_quotation() -> None:
    body = ("Petra Holmgren spoke first.\n\n"
            "“The boat sits idle while the island waits for spare parts,” she went on.")
    q, mention = quote(body, "The boat sits idle")
    assert mention == "she"
    assert q.speaker == "Petra Holmgren"


def test_they_and_a_bare_verb_after_the_quotation_name_nobody() -> None:
    body = ("Two economists wrote to the council.\n\n"
            "“The fare rise shows how little the board understands the island,” they conclude.")
    q, mention = quote(body, "The fare rise")
    assert mention == "they"
    assert q.speaker is None


def test_it_and_any_verb_after_the_quotation_is_the_organisation_word() -> None:
    body = ("The Harbour Business Council opposed the plan.\n\n"
            "“Fund two crossings a day and publish the timetable every March,” it recommended.")
    q, mention = quote(body, "Fund two crossings")
    assert mention == "it"
    assert q.speaker is None


def test_first_person_after_the_quotation_is_the_writer_named_nobody() -> None:
    body = ("I rowed across the sound myself that winter.\n\n"
            "“Rowing is slower than waiting, but at least it moves,” I confessed to a friend.")
    q, mention = quote(body, "Rowing is slower")
    assert mention == "I"
    assert q.speaker is None


def test_colon_before_an_inscription_names_nobody() -> None:
    body = ("Jonas Ekberg laid a wreath at the memorial, bearing the inscription in silver letters: "
            "“To the Sailors of Harbourside from the Town Council.”")
    _, qs = found(body)
    assert all(q.speaker is None for q in qs)


def test_colon_before_capitalised_words_is_a_title_not_speech() -> None:
    body = "Petra Holmgren unveiled the new timetable:\n\n“The Island Ferry Winter Schedule For All Passengers.”"
    _, qs = found(body)
    assert all(q.speaker is None for q in qs)


# -- a question or exclamation mark, then the name, the verb and only the verb's adjuncts ----------------
def test_question_then_name_verb_and_participle_is_an_attribution() -> None:
    body = "“Why should the harbour wait another winter for a boat?” Petra Holmgren asked, pointing at the pier."
    q, mention = quote(body, "Why should the harbour")
    assert (q.speaker, mention) == ("Petra Holmgren", "Petra Holmgren")


def test_exclamation_then_name_said_on_the_radio_is_an_attribution() -> None:
    body = "“We will not give up the ferry without a fight!” Jonas Ekberg said on the radio."
    q, mention = quote(body, "We will not give up")
    assert (q.speaker, mention) == ("Jonas Ekberg", "Jonas Ekberg")


def test_a_full_stop_then_a_name_reporting_a_clause_is_a_new_sentence() -> None:
    body = ("Jonas Ekberg spoke first and called the plan “a waste of the island’s money and time.” "
            "Petra Holmgren said, without evidence, that the board had lied.")
    q, _ = quote(body, "a waste of the island")
    assert q.speaker != "Petra Holmgren"


# -- after the quotation, a role and then the name in commas ------------------------------------------------
def test_role_then_name_in_commas_after_the_quotation() -> None:
    body = "“Every trawler in the bay depends on that crossing,” the harbour master, Jonas Ekberg, said."
    q, mention = quote(body, "Every trawler")
    assert (q.speaker, mention) == ("Jonas Ekberg", "Jonas Ekberg")


def test_possessive_role_then_name_after_the_quotation() -> None:
    body = "“The timetable is a fiction,” the council's chief engineer, Petra Holmgren, wrote in a letter."
    q, mention = quote(body, "The timetable is")
    assert (q.speaker, mention) == ("Petra Holmgren", "Petra Holmgren")


def test_a_full_stop_after_the_closing_mark_ends_the_sentence() -> None:
    body = ("The visitors saw the old lighthouse, long called the “old keeper of the sound”. "
            "Petra Holmgren also wrote in the visitors’ book.")
    _, qs = found(body)
    assert all(q.speaker != "Petra Holmgren" for q in qs)


@pytest.mark.parametrize(("attribution", "speaker"), [
    ("said her daughter, Karin Moore.", "Karin Moore"),
    ("said her daughter, Karin Lindqvist-Moore.", "Karin Lindqvist-Moore"),
    ("said the harbour master, Jonas Ekberg, on Monday.", "Jonas Ekberg"),
])
def test_the_verb_then_a_role_then_the_name_in_apposition_is_that_person(attribution: str, speaker: str) -> None:
    text = f"Ingrid Lindqvist died on Friday at 91.\n\n“She never stopped teaching,” {attribution}\n"
    assert [(q.kind, q.speaker) for q in extract_quotes(text, "Obituary")] == [("direct", speaker)]


def test_the_verb_then_a_listener_and_a_name_is_still_the_listener() -> None:
    text = "The minister spoke on Monday.\n\n“The port will reopen,” told the paper's editor, Jonas Ekberg.\n"
    assert all(q.speaker != "Jonas Ekberg" for q in extract_quotes(text, "Port"))
