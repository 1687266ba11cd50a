"""Stances a report names with its own verb ("X called for …", "X endorsed …"): indirect speech whose
object is the reported content, shown after that verb, never as "X said that …" nor as a quotation.
Every sentence here was written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.console import render_text
from bot.answering.cards import to_card
from bot.core import Core
from bot.reply import Request, format_card_plain, is_quotation, reported
from corpus.extract import extract_quotes
from corpus.models import Document, ExtractedQuote
from corpus.search import Hit
from corpus.speakers import resolve_speaker
from corpus.store import open_db, save_document

TITLE = "Ministers argue over the grain tariff"


def quotes(body: str) -> list[ExtractedQuote]:
    return extract_quotes(f"{TITLE}\n\n{body}\n", TITLE)


def only(body: str) -> ExtractedQuote:
    found = quotes(body)
    assert len(found) == 1, found
    return found[0]


def test_called_for_reports_its_object() -> None:
    q = only("Olga Petrova called for new sanctions against the shipping companies.")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Olga Petrova", "called for")
    assert q.text == "new sanctions against the shipping companies"


@pytest.mark.parametrize("verb", ["endorsed", "criticized", "opposed", "rejected", "condemned", "praised"])
def test_each_stance_verb_reports_its_object(verb: str) -> None:
    q = only(f"Olga Petrova {verb} the new tariff on imported grain at the congress.")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Olga Petrova", verb)
    assert q.text == "the new tariff on imported grain at the congress"


def test_a_pronoun_subject_resolves_like_any_report() -> None:
    found = quotes("Olga Petrova opened the fair in Kazan.\n\nShe condemned the attack on the grain terminal.")
    assert [(q.speaker, q.mention, q.text) for q in found] == [
        ("Olga Petrova", "She", "the attack on the grain terminal")]


def test_accused_keeps_the_person_and_the_charge() -> None:
    q = only("Olga Petrova accused him of hiding the harvest figures from the auditors.")
    assert q.text == "him of hiding the harvest figures from the auditors" and q.cue == "accused"


def test_the_object_ends_where_a_participle_report_begins() -> None:
    found = quotes("Olga Petrova criticized the tariff on imported grain, saying it would ruin small bakeries.")
    assert [(q.cue, q.text, q.speaker) for q in found] == [
        ("criticized", "the tariff on imported grain", "Olga Petrova"),
        ("saying", "it would ruin small bakeries", "Olga Petrova")]


def test_a_coordinated_stance_has_the_first_verbs_subject() -> None:
    q = only("Olga Petrova opened the fair and praised the volunteers for their work in the fields.")
    assert (q.speaker, q.cue, q.text) == ("Olga Petrova", "praised", "the volunteers for their work in the fields")


@pytest.mark.parametrize("body", [
    "Pavel Orlov attacked the old tractor with a hammer on Monday.",  # an act, not a stance
    "Pavel Orlov was criticized by the opposition for the long delays.",  # passive: he took no stance
    "Pavel Orlov was also accused of hiding the harvest figures.",
    "Pavel Orlov would oppose the new tariff if grain prices fall again.",  # hypothetical
    "Pavel Orlov did not endorse the new tariff at the congress.",
    "The talks collapsed after Pavel Orlov rejected the compromise offered by the mayor.",  # background
    "Pavel Orlov, who endorsed the tariff last year, opened the fair in Kazan.",
    "The tariff that Pavel Orlov proposed under the old rules was dropped.",
    "The protesters backed off when the police arrived at the square.",  # no object
    "Pavel Orlov praised him warmly at the dinner in Kazan.",  # a bare pronoun object says nothing
])
def test_what_is_no_stance_reported(body: str) -> None:
    assert not [q for q in quotes(body) if q.kind == "indirect"]


def test_a_stance_inside_someone_elses_report_is_theirs() -> None:
    q = only("Olga Petrova said the minister criticized the farmers for the delays in the south.")
    assert (q.speaker, q.cue) == ("Olga Petrova", "said")
    assert q.text == "the minister criticized the farmers for the delays in the south"


def test_a_quoted_characterisation_is_not_read_as_a_plain_stance() -> None:
    found = quotes("Pavel Orlov criticized the tariff as “a tax on bread and on the poor”.")
    assert [q.text for q in found if q.kind == "direct"] == ["a tax on bread and on the poor"]
    assert all(q.cue != "criticized" or "“" in q.text for q in found if q.kind == "indirect")


def _hit(kind: str, cue: str | None, text: str = "new sanctions against the shipping companies") -> Hit:
    return Hit(1, text, 7, "Olga Petrova", None, kind, 0.95, "2024-03-01", "TASS", "Grain", None, 1, 0, 10, cue=cue)


def test_a_stance_card_reads_as_the_verb_not_as_said_that() -> None:
    card = to_card(_hit("indirect", "called for"))
    assert reported(card) == ("Olga Petrova called for", "new sanctions against the shipping companies")
    text = format_card_plain(card)
    assert "Olga Petrova called for new sanctions" in text and "said that" not in text
    assert not is_quotation(card) and "“" not in text


def test_a_speech_verb_card_still_reads_said_that() -> None:
    card = to_card(_hit("indirect", "said", "the harvest would be the largest in a decade"))
    assert reported(card)[0] == "Olga Petrova said that"


def test_a_direct_quote_keeps_its_quotation_whatever_its_cue() -> None:
    card = to_card(_hit("direct", "called for", "We need new sanctions now."))
    assert card.predicate is None and is_quotation(card)


def test_a_stored_stance_is_shown_with_its_verb_by_the_bot(tmp_path: Path) -> None:
    body = "Olga Petrova called for new sanctions against the shipping companies."
    text = f"{TITLE}\n\n{body}\n"
    db = open_db(tmp_path / "stance.db")
    with db.atomic():
        found = extract_quotes(text, TITLE)
        ids = {q.speaker: resolve_speaker(db, q.speaker, kind="person") for q in found if q.speaker}
        save_document(db, Document(text=text, title=TITLE, doc_id="s-1", url="https://example.org/s",
                                   source="TASS", published="2024-03-01"), found, ids)
    db.close()
    core = Core(tmp_path / "stance.db")
    try:
        reply = core.handle(Request("/quote sanctions", page_size=5))
    finally:
        core.close()
    out = render_text(reply)
    assert "Olga Petrova called for new sanctions against the shipping companies" in out
    assert "said that" not in out and "“new sanctions" not in out


def test_welcoming_a_person_is_a_greeting_not_a_stance() -> None:
    assert quotes("Olga Petrova welcomed President Karl Weiss in the foyer of the theatre.") == []
    q = only("Olga Petrova welcomed the decision to reopen the grain terminal in the port.")
    assert (q.cue, q.text) == ("welcomed", "the decision to reopen the grain terminal in the port")
