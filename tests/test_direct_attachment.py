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
    found = [q for q in quotes(body) if "waste of good" in q.text and q.kind == "direct"]
    assert len(found) == 1  # the quoted words (the reported part "the plan as “…”" is also stored, as indirect)
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


# After the closing mark: the mention after the cue, with what may stand before or after a name.
QUOTE = "“The ferry is a disgrace and everybody on this island knows it,”"


def test_name_after_an_article_and_a_title() -> None:
    body = f"{QUOTE} said the Rev. Ola Bergström, of the harbour church."
    q = by_text(quotes(body), "The ferry")
    assert q.speaker == "Ola Bergström"
    assert "Ola Bergström" in (surface(body, "The ferry") or "")


def test_name_after_lower_case_and_numeric_modifiers() -> None:
    for lead in ("flood widow", "panel Chairman", "2019 winner"):
        body = f"{QUOTE} said {lead} Karin Sundqvist."
        assert by_text(quotes(body), "The ferry").speaker == "Karin Sundqvist", lead


def test_an_unnamed_noun_phrase_after_the_cue_is_the_evidence_and_names_nobody() -> None:
    body = f"Karin Sundqvist chaired the meeting. {QUOTE} said one retired captain on the pier."
    q = by_text(quotes(body), "The ferry")
    assert q.speaker is None
    assert surface(body, "The ferry") == "one retired captain"


def test_appositions_of_age_and_party_before_the_cue() -> None:
    for app in ("25", "R-Ky."):
        body = f"{QUOTE} Maja Holmberg, {app}, said on Tuesday."
        assert by_text(quotes(body), "The ferry").speaker == "Maja Holmberg", app


def test_a_cue_with_a_for_phrase_after_the_name() -> None:
    body = f"{QUOTE} wrote Nils Dahlgren for the Harbour Gazette."
    assert by_text(quotes(body), "The ferry").speaker == "Nils Dahlgren"


def test_a_comma_closing_the_quote_means_an_attribution_follows_never_a_continuation() -> None:
    # The attribution after it is unreadable here ("shot back", a listener after "told"), so the
    # quote is unattributed rather than given to the speaker of the paragraph before.
    for tail in ("Jonas Ekberg shot back with a laugh.",
                 "a source on the ferry board, who asked not to be named, told the Gazette."):
        body = ("“The ferry is late every single morning,” said Petra Holmgren.\n\n"
                f"“They are all here because somebody promised them a bridge,” {tail}")
        q = by_text(quotes(body), "They are all here")
        assert q.speaker != "Petra Holmgren", tail


def test_a_speech_noun_after_a_possessive_is_no_speech_act() -> None:
    body = ("Harbour board chair Petra Holmgren spoke on Monday. One operative inside the union tried to "
            "downplay Holmgren’s comments, calling them “the words of somebody who has never set foot on the ferry.”")
    found = [q for q in quotes(body) if "never set foot" in q.text]
    assert found and all(q.speaker is None for q in found)  # not Holmgren, nor "the union"


# A name and a verb the cue list lacks, completing the sentence the quotation opened.
def test_a_name_and_any_verb_after_a_question_or_comma_attribute_the_quote() -> None:
    body = ("Petra Holmgren opened the hearing.\n\n"
            "“Why is the ferry late every single morning?” Jonas Ekberg demanded.\n\n"
            "“Nobody on this island trusts the timetable,” she shot back.")
    found = quotes(body)
    assert by_text(found, "Why is the ferry").speaker == "Jonas Ekberg"
    assert surface(body, "Why is the ferry") == "Jonas Ekberg"
    assert surface(body, "Nobody on this island") == "she"


def test_a_full_stop_inside_the_quote_leaves_the_next_sentence_alone() -> None:
    body = ("Petra Holmgren opened the hearing.\n\n"
            "“The ferry was late again this morning and nobody told us why.” Jonas Ekberg arrived an hour later.")
    q = by_text(quotes(body), "The ferry was late")
    assert q.speaker != "Jonas Ekberg"


# "X made the following comment:" — a colon sentence that introduces someone's words.
def test_a_colon_sentence_without_a_cue_verb_introduces_its_subjects_words() -> None:
    body = ("Councillor Jonas Ekberg made the following comment:\n\n"
            "“The ferry will run on time from the first of May, or I will resign my seat.”")
    q = by_text(quotes(body), "The ferry will run")
    assert q.speaker == "Jonas Ekberg"
    assert surface(body, "The ferry will run") == "Councillor Jonas Ekberg"


def test_a_colon_heading_is_no_introduction() -> None:
    body = ("Among the papers released on Monday:\n\n"
            "“The ferry will run on time from the first of May, or the board will resign.”")
    assert by_text(quotes(body), "The ferry will run").speaker is None


def test_a_continuation_of_an_unnamed_speaker_is_one_utterance_with_the_quote_it_continues() -> None:
    # "Mr. Okafor" is never given in full: nobody is named, but the two parts are one utterance.
    body = ("“My name is not on the ballot, but our harbour is on the ballot,” Mr. Okafor said at the dinner "
            "in the harbour hall, where the mayor also spoke. “The ferry is on the ballot.”")
    found = quotes(body)
    a, b = by_text(found, "My name is not"), by_text(found, "The ferry is on")
    assert a.speaker is None and b.speaker is None
    assert a.utterance == b.utterance == a.start
    assert surface(body, "The ferry is on") == "Mr. Okafor"


def test_a_shows_title_in_quotation_marks_is_no_quote() -> None:
    body = ("Petra Holmgren said on “Harbour Morning Live,” that the ferry would run again in May. "
            "Jonas Ekberg told “Island Radio Today” he doubted it.")
    texts = [q.text for q in quotes(body)]
    assert not any(t.startswith(("Harbour Morning Live", "Island Radio Today")) for t in texts), texts


# "it" is an organisation or a document speaking: the word is the evidence, no body is guessed.
def test_it_as_the_speaker_is_the_evidence_and_names_nobody() -> None:
    body = ("The Harbour Gazette praised the ferry in 1998. “The crossing has never been faster or "
            "cleaner than it is this summer,” it wrote.\n\n"
            "The Harbour Board met on Monday. In its report, it referenced “decades of neglect on every pier.”")
    for start in ("The crossing has never", "decades of neglect"):
        found = [q for q in quotes(body) if start in q.text]
        assert len(found) == 1, start
        assert found[0].speaker is None, start
        text = f"{TITLE}\n\n{body}\n"
        assert text[found[0].speaker_start:found[0].speaker_end] == "it", start


def test_it_as_a_speaker_does_not_block_a_later_pronoun() -> None:
    body = ("Captain Jonas Ekberg read the report. “The crossing has never been faster,” it said.\n\n"
            "“I sailed it myself this morning and I agree with every word,” he said.")
    assert by_text(quotes(body), "I sailed it").speaker == "Jonas Ekberg"


def test_a_participle_continuing_an_attribution_carries_its_mention() -> None:
    body = ("“We cannot afford the old ferry any more,” Councillor Jonas Ekberg said, adding that the new one "
            "was “twice as fast and half as loud.”")
    found = [q for q in quotes(body) if "twice as fast" in q.text]
    assert found and all(q.speaker == "Jonas Ekberg" for q in found)
    text = f"{TITLE}\n\n{body}\n"
    assert all(q.speaker_start is not None and "Jonas Ekberg" in text[q.speaker_start:q.speaker_end] for q in found)
