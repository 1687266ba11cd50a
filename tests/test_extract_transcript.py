"""Transcripts: speech titles, turn labels, questions, what is nobody's words, lead-attributed messages.

Texts are written for these tests; the few Kremlin-style lines are short paraphrases of the site's
layout, with text from en.kremlin.ru used in small part (CC BY 4.0, en.kremlin.ru).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.evaluate import evaluate, load_gold
from corpus.extract import extract_quotes
from corpus.ingest import ingest_paths
from corpus.models import ExtractedQuote
from corpus.store import open_db


def _turns(found: list[ExtractedQuote]) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in found]


def test_a_speech_title_makes_each_body_paragraph_a_quote_of_that_person() -> None:
    title = "Governor Anna Berg’s address at the opening of the harvest fair"
    body = ("Friends, colleagues,\n\nI am glad to welcome you to our fair. We have worked hard this year.\n\n"
            "Our farmers deserve our thanks, and I will ask the assembly to support them.")
    found = extract_quotes(body, title)
    assert [q.kind for q in found] == ["transcript"] * 2  # the salutation alone is no quote
    assert {q.speaker for q in found} == {"Anna Berg"}
    assert {q.resolution for q in found} == {"headline"}
    assert found[0].text == "I am glad to welcome you to our fair. We have worked hard this year."


def test_turn_labels_give_each_turn_to_its_speaker_until_the_next_label() -> None:
    text = ("Meeting with farmers\n\nThe meeting took place in the town hall.\n\n"
            "Governor of the Region Anna Berg: Good afternoon, friends. We will talk about loans.\n\n"
            "The new loans start in May.\n\n"
            "Question: When will the money arrive?\n\n"
            "Pavel Orlov: The money will arrive in May, I promise you.\n\n"
            "Berg: Thank you, Mr Orlov. That is good news.\n")
    found = extract_quotes(text, "Meeting with farmers")
    assert _turns(found) == [
        ("Anna Berg", "transcript", "Good afternoon, friends. We will talk about loans."),
        ("Anna Berg", "transcript", "The new loans start in May."),
        (None, "question", "When will the money arrive?"),
        ("Pavel Orlov", "transcript", "The money will arrive in May, I promise you."),
        ("Anna Berg", "transcript", "Thank you, Mr Orlov. That is good news."),
    ]
    assert found[0].role == "Governor of the Region"
    # Evidence: the label's name in the text, resolved as a turn label.
    assert text[found[0].speaker_start:found[0].speaker_end] == "Anna Berg"  # type: ignore[misc]
    assert text[found[4].speaker_start:found[4].speaker_end] == "Berg"  # type: ignore[misc]
    assert {q.resolution for q in found if q.speaker} == {"turn"}
    assert found[2].resolution is None and found[2].speaker_start is None


@pytest.mark.parametrize("label, name", [
    ("German Gref:", "German Gref"),
    ("Central Bank chairman Sergei Ignatyev :", "Sergei Ignatyev"),
    ("Head of the Communist Party faction in the State Duma Gennady Zyuganov :", "Gennady Zyuganov"),
    ("NASA astronaut Timothy Kopra:", "Timothy Kopra"),
    ("Minister of Sport Pavel Kolobkov:", "Pavel Kolobkov"),
    ("Marine Le Pen:", "Marine Le Pen"),
    ("President of Turkey Recep Tayyip Erdogan (retranslated):", "Recep Tayyip Erdogan"),
    ("Environment\nand Natural Resources Minister Sergei Donskoy :", "Sergei Donskoy"),
    ("Chairman of the Federation of Trade Unions Mikhail\nShmakov :", "Mikhail Shmakov"),
    ("The athlete’s father and coach Abdulmanap Nurmagomedov:", "Abdulmanap Nurmagomedov"),
    ("Federal Chancellor of Austria Sebastian Kurz (retranslated) :", "Sebastian Kurz"),
    ("General Director of Aeroflot – Russian Airlines Vitaly Savelyev:", "Vitaly Savelyev"),
    ("Co-chair of the campaign and General Director of the National Medical Research Centre for Pediatric "
     "Hematology,\nOncology and Immunology Galina Novichkova :", "Galina Novichkova"),
])
def test_every_label_shape_starts_the_labelled_speakers_turn(label: str, name: str) -> None:
    text = ("Vladimir Putin: Good afternoon. Let us begin with the results of the year, they\n"
            "are better than we expected.\n\n"
            f"{label} Every second young person is our client, and we\nserve them online.\n\n"
            "We have opened four new offices.\n\n"
            "Vladimir PUTIN: And what about the regions?\n")
    found = extract_quotes(text, "Meeting on the results of the year")
    assert [q.speaker for q in found] == ["Vladimir Putin", name, name, "Vladimir Putin"]
    second = found[1]
    assert second.text == "Every second young person is our client, and we\nserve them online."
    shown = " ".join(text[second.speaker_start:second.speaker_end].split())  # type: ignore[misc]
    assert shown == name
    assert found[0].text.endswith("they\nare better than we expected.")


def test_a_label_the_document_uses_that_lost_its_paragraph_break_still_starts_a_turn() -> None:
    text = ("Vladimir Putin: Can you hear us?\n\n"
            "Anna Berg: Yes, the line could not cope\nwith the rain but we can see the square. Vladimir\n"
            "Putin: Wait, maybe we can get connected again. No?\n\nAnna Berg: No.\n")
    found = extract_quotes(text, "Video link")
    assert [(q.speaker, q.text) for q in found] == [
        ("Vladimir Putin", "Can you hear us?"),
        ("Anna Berg", "Yes, the line could not cope\nwith the rain but we can see the square."),
        ("Vladimir Putin", "Wait, maybe we can get connected again. No?"),
        ("Anna Berg", "No."),
    ]


def test_a_name_then_role_label_with_articles_starts_its_speakers_turn() -> None:
    text = ("Vladimir Putin:\nDid you like the atmosphere?\n\n"
            "Alexander Holm, welding engineer at a branch of the Atommash\nplant : You know\nwhat I liked, "
            "Mr President? The mentors.\n")
    found = extract_quotes(text, "Meeting with young engineers")
    assert [(q.speaker, q.text) for q in found] == [
        ("Vladimir Putin", "Did you like the atmosphere?"),
        ("Alexander Holm", "You know\nwhat I liked, Mr President? The mentors."),
    ]


def test_an_unreadable_label_ends_the_turn_before_it_and_its_words_are_nobodys() -> None:
    text = ("Vladimir Putin: We will discuss the budget today.\n\n"
            "Anna Berg and Karl Weiss: We both support the budget.\n\n"
            "Leningrad Front: a caption nobody said.\n\n"
            "Ed.: The figures were corrected after the meeting.\n\n"
            "Vladimir Putin: Good. Then we are agreed.\n")
    found = extract_quotes(text, "Budget meeting")
    assert _turns(found) == [
        ("Vladimir Putin", "transcript", "We will discuss the budget today."),
        (None, "transcript", "We both support the budget."),
        (None, "transcript", "a caption nobody said."),
        ("Vladimir Putin", "transcript", "Good. Then we are agreed."),
    ]


def test_a_one_word_label_is_the_full_name_the_document_gives_else_the_word_if_it_recurs() -> None:
    text = ("Experts on the storm\n\nWe asked Dr Ravi Saravanan and two other forecasters.\n\n"
            "Interviewer: Will the storm weaken over land?\n\n"
            "Saravanan: Yes, it will weaken quickly.\n\n"
            "Knight: The winds will drop within a day.\n\n"
            "Morrow: I cannot say.\n\n"
            "Interviewer: What about the rain?\n\n"
            "Knight: The rain will go on for days.\n")
    found = extract_quotes(text, "Experts on the storm")
    assert _turns(found) == [
        (None, "question", "Will the storm weaken over land?"),
        ("Ravi Saravanan", "transcript", "Yes, it will weaken quickly."),
        ("Knight", "transcript", "The winds will drop within a day."),
        (None, "transcript", "I cannot say."),  # one turn, named nowhere: nobody
        (None, "question", "What about the rain?"),
        ("Knight", "transcript", "The rain will go on for days."),
    ]


def test_an_interviewer_asks_questions_named_or_not() -> None:
    text = ("Interview with a composer\n\n"
            "Gazette: Why did you start writing music?\n\nLena Holm: My mother played the piano.\n\n"
            "Gazette: Which piece do you like best?\n\nLena Holm: The first one I wrote.\n\n"
            "Gazette: Will you tour next year?\n\nLena Holm: Yes, in the spring.\n")
    found = extract_quotes(text, "Interview with a composer")
    assert [(q.speaker, q.kind) for q in found] == [(None, "question"), ("Lena Holm", "transcript")] * 3
    named = text.replace("Gazette:", "Tom Reed:")
    found = extract_quotes(named, "Interview with a composer")
    assert [(q.speaker, q.kind) for q in found] == [("Tom Reed", "question"), ("Lena Holm", "transcript")] * 3
    # A governor questioning a minister at a meeting is no interviewer: his turns are his words.
    found = extract_quotes(named, "Meeting with the culture minister")
    assert [(q.speaker, q.kind) for q in found] == [("Tom Reed", "transcript"), ("Lena Holm", "transcript")] * 3
    found = extract_quotes("Question from Tula Region: When will the road open?\n\nAnna Berg: In May.\n", "Q&A")
    assert [(q.speaker, q.kind) for q in found] == [(None, "question"), ("Anna Berg", "transcript")]


def test_elisions_courtesies_stage_directions_captions_and_headings_are_not_quotes() -> None:
    text = ("Vladimir Putin: Good afternoon, colleagues.\n\n"
            "Today we will talk about roads.\n\n<…>\n\n(Applause.)\n\n"
            "File photo of the new bridge. Image: Press Service.\n\n"
            "Anna Berg: Thank you.\n\nThank you very much, Mr President.\n\n"
            "Roads in the north\n\n"
            "The northern roads were finished in May.\n\n"
            "Karl Weiss: The bridge is ready.\n")
    found = extract_quotes(text, "Meeting on roads")
    transcript = [(q.speaker, q.text) for q in found if q.kind == "transcript"]
    assert transcript == [("Vladimir Putin", "Today we will talk about roads."),
                          ("Karl Weiss", "The bridge is ready.")]
    # After the heading the text is narration, not Anna Berg's turn.
    assert all(q.speaker != "Anna Berg" for q in found)


def test_narration_naming_a_speaker_in_full_ends_the_turn() -> None:
    text = ("Vladimir Putin: Thank you. Let us hear from the plant.\n\n"
            "Construction manager Nikolai Denisov joins the videoconference.\n\n"
            "Nikolai Denisov: Mr President, the turbines are ready.\n\n"
            "Vladimir Putin: I am glad Nikolai Denisov and his team finished early.\n")
    found = extract_quotes(text, "Launch of the power plant")
    assert [(q.speaker, q.text) for q in found if q.kind == "transcript"] == [
        ("Vladimir Putin", "Thank you. Let us hear from the plant."),
        ("Nikolai Denisov", "Mr President, the turbines are ready."),
        ("Vladimir Putin", "I am glad Nikolai Denisov and his team finished early."),
    ]


@pytest.mark.parametrize("formula", [
    "Thank you.", "Good afternoon, colleagues,", "Colleagues, good afternoon.",
    "Good afternoon friends and colleagues.", "Mr President, colleagues, good afternoon.",
    "Ok, thank you. Thank you very much.",
    "Thank you very much for your attention.", "Mr Petrov, please.", "(In Russian) Thank you.", "My congratulations!",
    "Comrades,", "President Weiss, dear friend, Ladies and Gentlemen,",
])
def test_a_bare_courtesy_formula_is_no_quote_but_a_sentence_after_it_is(formula: str) -> None:
    text = f"Anna Berg: {formula}\n\nPavel Orlov: {formula} The harvest was good.\n"
    found = extract_quotes(text, "Meeting with farmers")
    assert [(q.speaker, q.text) for q in found] == [("Pavel Orlov", f"{formula} The harvest was good.")]


def test_after_an_excerpt_of_a_panel_the_article_is_nobodys_turn() -> None:
    text = ("A cable panel on the transaction tax\n\n"
            "Tom Reed: Well, speculation is bad.\n\nLena Holm: Nobody thinks their pension is speculation.\n\n"
            "Tom Reed: Here is the irony of our time.\n\n"
            "First, the picture that Reed paints of the public is wrong.\n\n"
            "The panel is right to note that the tax would raise money, the report said.\n")
    found = extract_quotes(text, "A cable panel on the transaction tax")
    assert [(q.speaker, q.text) for q in found if q.kind == "transcript"] == [
        ("Tom Reed", "Well, speculation is bad."), ("Lena Holm", "Nobody thinks their pension is speculation."),
        ("Tom Reed", "Here is the irony of our time."),
    ]
    assert all(q.speaker != "Tom Reed" for q in found if "picture" in q.text or "panel" in q.text)


def test_a_label_heading_an_articles_section_is_no_turn() -> None:
    text = ("Ideas from the campaign\n\nTom Reed: Pension accounts Two years ago, Senator Tom Reed proposed "
            "opening the federal savings plan to everyone.\n\nIt would cost little, experts say.\n\n"
            "Lena Holm: My name is Lena Holm, and I grow apples.\n")
    found = extract_quotes(text, "Ideas from the campaign")
    # The heading gives Tom Reed no turn; the stance the section reports ("Senator Tom Reed proposed …") is his.
    assert [(q.kind, q.cue, q.text) for q in found if q.speaker == "Tom Reed"] == [
        ("indirect", "proposed", "opening the federal savings plan to everyone")]
    assert [(q.speaker, q.text) for q in found if q.kind == "transcript"][-1] == (
        "Lena Holm", "My name is Lena Holm, and I grow apples.")


def test_a_message_the_lead_says_someone_sent_is_theirs() -> None:
    text = ("The message reads, in part:\n\n“Your theatre has been a point of pride for the city for\n"
            "sixty years.\n\n“I wish the company new premieres and full houses.”\n\n"
            "The theatre opened in 1956.\n")
    lead = "Karl Weiss\ncongratulated the company of the City Theatre on its 60th anniversary."
    found = extract_quotes(text, "Congratulations to the City Theatre", lead)
    assert [(q.speaker, q.resolution, q.text) for q in found] == [
        ("Karl Weiss", "lead", "Your theatre has been a point of pride for the city for\nsixty years."),
        ("Karl Weiss", "lead", "I wish the company new premieres and full houses."),
    ]
    assert all(q.speaker_start is None for q in found)  # the lead is not in the text
    two = "Karl Weiss and Anna Berg congratulated the company of the City Theatre."
    assert all(q.speaker is None for q in extract_quotes(text, "Congratulations to the City Theatre", two))
    call = "Karl Weiss had a telephone conversation with the theatre's director."
    assert all(q.resolution != "lead" for q in extract_quotes(text, "Telephone call", call))


def test_ingest_reads_the_lead(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({
        "id": "k-1", "title": "Greetings to the City Theatre",
        "lead": "Karl Weiss sent a message of greetings to the City Theatre.",
        "text": "The telegram reads:\n\n“I am sure the theatre will keep its traditions.”\n"}) + "\n")
    db = open_db(tmp_path / "q.db")
    ingest_paths(db, [str(feed)])
    rows = db.execute("SELECT s.name, q.text FROM quotes q JOIN speakers s ON s.id = q.speaker_id").fetchall()
    assert rows == [("Karl Weiss", "I am sure the theatre will keep its traditions.")]


def test_quotebot_extract_reads_the_lead() -> None:
    from click.testing import CliRunner

    from adapters.cli import cli

    line = json.dumps({"id": 1, "title": "Greetings to the City Theatre",
                       "lead": "Karl Weiss sent a message of greetings to the City Theatre.",
                       "text": "The telegram reads:\n\n“I am sure the theatre will keep its traditions.”\n"})
    result = CliRunner().invoke(cli, ["extract", "-"], input=line + "\n")
    quote = json.loads(result.output)["quotes"][0]
    assert (quote["speaker"], quote["resolution"], quote["speaker_span"]) == ("Karl Weiss", "lead", None)


def test_a_report_about_a_speech_is_not_a_transcript() -> None:
    title = "Governor Anna Berg’s speech at the harvest fair"
    body = ("The governor spoke for an hour about loans and the weather in the north of the region.\n\n"
            "She said that the farmers would receive the new loans in May.")
    found = extract_quotes(body, title)
    assert all(q.kind != "transcript" for q in found)


def test_one_label_line_in_a_news_story_is_not_a_transcript() -> None:
    text = ("Orlov: the polls are close\n\nOrlov: the polls are close.\n\nThe host asked about the polls.\n\n"
            "The guest was in a good mood.\n\nThe studio was full.\n\nPavel Orlov: The polls are close.\n\n"
            "The show airs on weekdays from six to nine in the morning.\n")
    assert all(q.kind != "transcript" for q in extract_quotes(text, "Orlov: the polls are close"))


def test_one_label_opening_the_body_starts_a_speech() -> None:
    text = ("Address to the nation\n\nPresident of Ruritania Karl Weiss: Citizens, this was a hard year.\n\n"
            "This year we rebuilt the dams and the roads.\n")
    found = extract_quotes(text, "Address to the nation")
    assert [(q.kind, q.speaker) for q in found] == [("transcript", "Karl Weiss")] * 2


@pytest.mark.shared
def test_the_seed_gold_meets_the_issue_targets(shared_dir: Path) -> None:
    report = evaluate(load_gold(shared_dir / "gold" / "seeds.jsonl"), extract_quotes)
    at30 = report.overall[0.3]
    assert at30.f1 >= 0.97
    # The seed gold does not list words quoted inside a reported clause, which we also store as
    # the speaker's direct quote (the gold README's convention): a few such extras, no more.
    assert at30.precision >= 0.95
    assert report.speaker_accuracy == 1.0
    assert report.overall[0.8].f1 >= 0.97


@pytest.mark.shared
def test_wikinews_transcripts_every_matched_speaker_right(shared_dir: Path) -> None:
    report = evaluate(load_gold(shared_dir / "gold" / "wikinews_dev.jsonl"), extract_quotes, kinds=["transcript"])
    assert report.by_kind[(0.3, "transcript")].f1 >= 0.95
    assert report.speaker_accuracy == 1.0


def test_a_label_wrapped_over_three_lines_starts_its_speakers_turn() -> None:
    # Shape of en.kremlin.ru transcripts (CC BY 4.0): a long role hard-wrapped before the name.
    text = ("Meeting on healthcare\n\nVladimir Putin: Thank you.\n\nMr Berg, please.\n\n"
            "Director of the Regional\nInstitute for Emergency Surgery and\nTraumatology Anna Berg: Mr President, the "
            "hospitals are ready for the winter.\n")
    last = extract_quotes(text, "Meeting on healthcare")[-1]
    assert last.text.startswith("Mr President, the hospitals") and last.speaker == "Anna Berg"


def test_a_name_then_role_label_starts_its_speakers_turn() -> None:
    text = ("Press conference\n\nVladimir Putin: We will see.\n\n"
            "Anna Berg, Editor in Chief of the Evening Post: Mr President, what about the roads?\n")
    last = extract_quotes(text, "Press conference")[-1]
    assert last.text.startswith("Mr President, what about") and last.speaker == "Anna Berg"


def test_a_news_round_up_of_name_colon_quote_is_not_a_transcript_turn() -> None:
    # "Name: “…”" introduces one quotation; the paragraphs after it are the reporter's, not hers.
    text = ("Analysts weigh in\n\nMarket notes\n\nBANKS RALLY - Anna Berg: “The rally has legs, I think.”\n\n"
            "Other analysts were less sure, and several pointed to the weak housing data from last week.\n\n"
            "Lena Holm: “It will not last beyond the spring, in my view.”\n")
    found = extract_quotes(text, "Analysts weigh in")
    assert all(q.speaker != "Anna Berg" for q in found if q.text.startswith("Other analysts"))


def test_tallies_and_headline_lists_after_names_are_not_speech() -> None:
    text = ("Delegate count\n\nThe totals so far.\n\nAnna Berg: 1,769.\n\nLena Holm: 1,501.\n\n"
            "Anna Berg: Why The Race Is Not Over Yet In The North.\n\nLena Holm: We will win in the north.\n")
    found = extract_quotes(text, "Delegate count")
    assert [q.text for q in found if q.speaker] == ["We will win in the north."]


def test_a_sentence_with_a_verb_before_a_colon_is_not_a_label() -> None:
    text = ("Tech shares\n\nThe shares rose.\n\n"
            "Anna Berg, an analyst at the bank, agreed: “They have a great brand.”\n\n"
            "Little noticed in the victories in the north Tuesday: the turnout fell.\n")
    found = extract_quotes(text, "Tech shares")
    assert all(q.kind != "transcript" for q in found)


def test_a_rhetorical_question_label_inside_a_speech_does_not_end_the_speakers_turn() -> None:
    text = ("Address to the council\n\nAnna Berg: We will need more money for the roads.\n\n"
            "Question: at what expense? Where do we get these funds? From growth.\n\n"
            "We will build the roads and the bridges all the same.\n")
    found = extract_quotes(text, "Address to the council")
    assert {q.speaker for q in found} == {"Anna Berg"} and all(q.kind == "transcript" for q in found)


def test_a_narrator_reporting_the_speaker_in_the_third_person_ends_the_turn() -> None:
    body = ("Governor Anna Berg met Mayor Tomas Lind in the town hall.\n\n"
            "Anna Berg: Mr Lind, welcome. Our region is proud of your town.\n\n"
            "Tomas Lind: Thank you. We have built two new schools this year.\n\n"
            "The Mayor added that the third school would open in the spring.\n\n"
            "Anna Berg: That is good news for all of us.")
    found = extract_quotes(body, "Governor meets mayor")
    lind = [q.text for q in found if q.speaker == "Tomas Lind"]
    assert lind == ["Thank you. We have built two new schools this year."]
    assert not any("added that" in q.text for q in found if q.kind == "transcript")


def test_a_speaker_quoting_someone_else_keeps_the_turn() -> None:
    body = ("Anna Berg: Colleagues, let us begin.\n\n"
            "Tomas Lind: Thank you. We have built two new schools.\n\n"
            "Mr Holm said that the budget is ready, and I agree with him.\n\n"
            "Anna Berg: Thank you.")
    found = extract_quotes(body, "Meeting on schools")
    assert any(q.speaker == "Tomas Lind" and q.text.startswith("Mr Holm said that") for q in found)


def test_the_editors_framing_of_a_message_is_nobodys_words() -> None:
    title = "Governor Anna Berg sent a message to the participants of the harvest fair"
    body = ("The message said, in part:\n\n“Our farmers have had a hard year, and I thank every one of them.\n\n"
            "“I wish the fair every success.”\n\nTo be continued.")
    found = extract_quotes(body, title)
    assert [q.speaker for q in found] == ["Anna Berg", "Anna Berg"]
    assert not any("message said" in q.text or "continued" in q.text for q in found)


def test_all_caps_surnames_taking_turns_are_a_transcript_named_only_by_the_articles_full_names() -> None:
    turns = ("BERG: Look, the plan works.\n\nLIND: It does not work. It is a disaster.\n\n"
             "HOLM: Let her finish, please.\n\nBERG: Thank you. The plan covers every farm.")
    named = extract_quotes("Anna Berg and Tomas Lind clashed over farm aid, with Erik Holm moderating.\n\n" + turns,
                           "Debate transcript")
    assert [(q.speaker, q.text) for q in named] == [
        ("Anna Berg", "Look, the plan works."), ("Tomas Lind", "It does not work. It is a disaster."),
        ("Erik Holm", "Let her finish, please."), ("Anna Berg", "Thank you. The plan covers every farm.")]
    unnamed = extract_quotes("The two candidates clashed over farm aid.\n\n" + turns, "Debate transcript")
    assert [q.speaker for q in unnamed] == [None] * 4 and len(unnamed) == 4


def test_one_off_section_headings_with_a_colon_are_no_transcript() -> None:
    body = ("An explainer on the council's record, section by section.\n\n"
            "Farm Credit Falls Short: The council promised cheap loans to every farm in the valley.\n\n"
            "Few of them arrived, and most went to the largest holdings.\n\n"
            "Rail Plans Stall Again: The new line was due to open in the spring.\n\n"
            "Nobody now expects it before the end of the decade.")
    assert [q for q in extract_quotes(body, "The council's record") if q.kind == "transcript"] == []


def test_turns_one_newline_apart_from_the_first_are_turns_of_their_own() -> None:
    # Text that opens with the first turn (the title given apart), one newline between turns:
    # the second label was glued onto the first turn as if the first line were a wrapped headline.
    from corpus.extract import extract_quotes
    text = ("ANNA BERG: Minister, thank you for joining us.\nTOMAS HOLM: Glad to be here.\n"
            "BERG: Will you run again?\n")
    quotes = extract_quotes(text, "Interview with the minister")
    assert [(q.text, q.speaker) for q in quotes][:2] == [
        ("Minister, thank you for joining us.", "Anna Berg"), ("Glad to be here.", "Tomas Holm")]
