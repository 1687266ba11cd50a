"""Indirect speech frames and the speakers they resolve to."""

from __future__ import annotations

import pytest

from corpus.extract import extract_quotes
from corpus.models import ExtractedQuote

TITLE = "Officials discuss the harvest"


def quotes(body: str) -> list[ExtractedQuote]:
    return extract_quotes(f"{TITLE}\n\n{body}\n", TITLE)


def only(body: str) -> ExtractedQuote:
    found = quotes(body)
    assert len(found) == 1, found
    return found[0]


def test_name_said_that_clause() -> None:
    q = only("Agriculture Minister Pavel Orlov said that the harvest would be the largest in a decade.")
    assert q.text == "the harvest would be the largest in a decade"
    assert (q.kind, q.speaker, q.role, q.cue) == ("indirect", "Pavel Orlov", "Agriculture Minister", "said")


def test_said_without_that_and_with_adverbials() -> None:
    q = only("Pavel Orlov told reporters on Monday that farmers will receive new loans in May.")
    assert q.text == "farmers will receive new loans in May" and q.speaker == "Pavel Orlov"


def test_clause_then_name_said() -> None:
    q = only("The grain reserves are sufficient for two years, Pavel Orlov said on Tuesday.")
    assert q.text == "The grain reserves are sufficient for two years" and q.speaker == "Pavel Orlov"


def test_according_to() -> None:
    q = only("According to Pavel Orlov, the grain reserves are sufficient for two years.")
    assert q.text == "the grain reserves are sufficient for two years" and q.speaker == "Pavel Orlov"


def test_parenthetical_cue_keeps_the_reported_part() -> None:
    body = ("Pavel Orlov visited the farm.\n\n"
            "Meanwhile, he said, most regions have already finished sowing their winter wheat.")
    q = only(body)
    assert q.text == "most regions have already finished sowing their winter wheat"
    assert (q.speaker, q.mention) == ("Pavel Orlov", "he")


def test_called_on_to() -> None:
    q = only("Pavel Orlov called on the regional governors to speed up the payments to farmers.")
    # whom he called on is part of the report, shown "Pavel Orlov called on the regional governors to …"
    assert q.text.startswith("the regional governors to speed up the payments") and q.speaker == "Pavel Orlov"


def test_a_role_noun_resolves_to_the_person_introduced_with_that_role() -> None:
    body = ("Agriculture Minister Pavel Orlov opened the fair.\n\n"
            "The minister stressed that exports of wheat had doubled since last year.")
    q = only(body)
    assert (q.speaker, q.mention) == ("Pavel Orlov", "The minister")


def test_a_role_noun_with_two_candidates_stays_unattributed() -> None:
    body = ("Agriculture Minister Pavel Orlov met Finance Minister Irina Sokol at the fair.\n\n"
            "The minister stressed that exports of wheat had doubled since last year.")
    assert only(body).speaker is None


def test_an_organisation_and_its_release() -> None:
    body = ("The Agriculture Ministry published a news release on Monday.\n\n"
            "\"Exports of wheat have doubled since last year,\" the news release reads.\n\n"
            "The Agriculture Ministry added that prices for bread would stay stable until spring.")
    first, second = quotes(body)
    assert (first.speaker, first.speaker_type) == ("Agriculture Ministry", "organisation")
    assert (second.speaker, second.kind) == ("Agriculture Ministry", "indirect")


def test_a_greeting_is_not_attributed_to_its_addressee() -> None:
    body = ("The governor sent greetings to the Congress of Farmers.\n\n"
            "The message reads, in part: “Your work feeds the whole country and we thank you for it.”")
    (q,) = quotes(body)
    assert q.speaker is None and q.text.startswith("Your work")


def test_a_headline_attribution_names_the_organisation_behind_a_release() -> None:
    text = ("Wheat exports doubled this year — MFA\n\n"
            "“Our grain reaches forty countries now,” the statement says.\n")
    (q,) = extract_quotes(text, None)
    assert q.speaker == "MFA" and q.speaker_type == "organisation"


def test_a_participle_continues_the_speaker_of_the_sentence() -> None:
    q = quotes("“We are ready for the winter,” Pavel Orlov said, adding that the storage sites were full.")
    assert [x.speaker for x in q] == ["Pavel Orlov", "Pavel Orlov"]
    assert q[1].kind == "indirect" and q[1].text == "the storage sites were full"


def test_a_that_clause_with_a_quoted_part_is_paraphrase_and_its_quoted_words_a_direct_quote() -> None:
    # The clause is the reporter's wording: never shown as verbatim. Only the marked words are.
    clause, words = quotes("Pavel Orlov stated that the new rules would be applied "
                           "\"from the first day of the next season.\"")
    assert (clause.kind, words.kind) == ("indirect", "direct")
    assert clause.text.startswith("the new rules") and "first day" in clause.text
    assert words.text == "from the first day of the next season."
    assert clause.speaker == words.speaker == "Pavel Orlov"


def test_a_sentence_without_a_speech_verb_is_not_a_quote() -> None:
    assert quotes("The harvest began in July and ended in the middle of October this year.") == []


def test_an_unresolvable_speaker_leaves_the_quote_unattributed() -> None:
    q = only("“The storage sites in the north are full and the trains are late,” a source said.")
    assert q.speaker is None and q.speaker_type is None


def test_a_role_noun_with_a_nationality_never_lands_on_another_country_s_leader() -> None:
    body = ("President of France Claire Dubois arrived in Lyon for the summit on Monday.\n\n"
            "The Russian President stressed that the talks had been useful for both countries.")
    assert only(body).speaker is None


def test_he_does_not_resolve_to_a_woman_named_just_before() -> None:
    body = ("Governor Pavel Orlov met the press on Monday.\n\n"
            "Tatyana Sokolova opened the new school in the village on Tuesday.\n\n"
            "He said that the school would take two hundred pupils from September.")
    assert only(body).speaker == "Pavel Orlov"


def test_a_bare_role_noun_stays_unattributed_when_someone_of_unknown_role_could_hold_it() -> None:
    body = ("Pavel Orlov sent a message to President of Ruritania Karl Weiss on Monday.\n\n"
            "The President said that the floods had caused great damage in the south.")
    assert only(body).speaker is None


def test_mr_with_a_surname_never_becomes_a_woman_of_that_surname() -> None:
    body = ("Irina Orlova and Anna Orlov opened the school.\n\n"
            "Mr Orlov said that the school was one of the best in the whole region.")
    # Never the woman; and a bare surname the article never gives in full names nobody with confidence.
    assert only(body).speaker is None


def test_two_people_speaking_together_are_no_single_speaker() -> None:
    found = quotes("Mr Orlov and Governor Anna Berg said that the new bridge would open in the autumn.")
    assert [q.speaker for q in found if q.speaker] == []


def test_a_relative_that_clause_is_not_reported_speech() -> None:
    found = quotes("Pavel Orlov told reporters after the fair that was held in the old market square.")
    assert found == []


def test_the_cue_of_a_direct_quote_does_not_start_an_indirect_one() -> None:
    q = only("“Europe must defend itself,” Pavel Orlov said on Friday as he entered the hall for the talks.")
    assert q.kind == "direct" and q.text == "Europe must defend itself,"


def test_a_name_followed_by_appositives_is_the_speaker() -> None:
    q = only("Pavel Orlov, 59, of Ashton, who watched the parade, said the event brought back memories.")
    assert q.speaker == "Pavel Orlov" and q.text == "the event brought back memories"


def test_unnamed_officials_keep_their_reported_speech_unattributed() -> None:
    q = only("Police officials said a second device was also found near the station on Sunday.")
    assert q.speaker is None and q.text.startswith("a second device")


def test_a_clause_stops_where_the_next_report_begins() -> None:
    found = quotes("Pavel Orlov noted that the dams were ready, adding that the canal would open in May.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Pavel Orlov", "the dams were ready"), ("Pavel Orlov", "the canal would open in May")]


def test_time_and_occasion_between_cue_and_clause() -> None:
    q = only("The Agriculture Ministry said on Monday it had no plans to raise the grain tariffs.")
    assert (q.speaker, q.text) == ("Agriculture Ministry", "it had no plans to raise the grain tariffs")


def test_clause_then_name_told_reporters() -> None:
    q = only("The harvest is safe, Pavel Orlov told reporters in Kursk on Tuesday.")
    assert (q.speaker, q.text) == ("Pavel Orlov", "The harvest is safe")


# -- constructions added for issue 10 (reported speech), each sentence written for the test ---------

def test_a_group_subject_reports_unattributed() -> None:
    q = only("Many lawmakers say the program needs new rules before the winter.")
    assert (q.kind, q.text, q.speaker, q.mention) == (
        "indirect", "the program needs new rules before the winter", None, "lawmakers")


def test_who_after_a_name_is_that_person_with_who_as_evidence() -> None:
    q = only("The plan was praised by Pavel Orlov, who said that the reserves would last for two years.")
    assert (q.text, q.speaker, q.mention) == ("the reserves would last for two years", "Pavel Orlov", "who")
    assert (q.resolution, q.confidence) == ("pronoun", 0.9)  # explained as a pronoun for the name before it


def test_who_after_an_unnamed_person_or_one_of_two_names_nobody() -> None:
    q = only("The report was written by a local engineer who said the bridge had been unsafe for years.")
    assert (q.text, q.speaker) == ("the bridge had been unsafe for years", None)
    q = only("The fair was opened by the wife of Pavel Orlov, who said that the harvest had been good.")
    assert (q.text, q.speaker) == ("the harvest had been good", None)


def test_a_possessive_before_a_cue_noun_is_no_report() -> None:
    assert quotes("Orlov's comments came as the harvest began in the south of the country.") == []


def test_time_between_subject_and_verb() -> None:
    q = only("The Herald on Saturday wrote that the minister had lost the vote in the regional council.")
    assert (q.text, q.speaker, q.speaker_type) == (
        "the minister had lost the vote in the regional council", "Herald", "organisation")


def test_a_gapped_clause_after_what_is_no_report() -> None:
    assert quotes("That is what Pavel Orlov says the reform will bring to the farmers of the region.") == []
    assert quotes("These are the loans that Pavel Orlov argues helped the farms survive the winter.") == []


def test_a_report_around_its_attribution_is_one_utterance_of_two_parts() -> None:
    body = "Pavel Orlov visited the farm.\n\nThe harvest, Orlov said, will be the largest in a decade."
    first, second = quotes(body)
    assert (first.text, second.text) == ("The harvest", "will be the largest in a decade")
    assert first.kind == second.kind == "indirect"
    assert first.utterance == second.utterance == first.start
    assert first.speaker == second.speaker == "Pavel Orlov"


def test_according_to_a_source_that_names_nobody() -> None:
    q = only("About nine million farmers live in the region, according to federal statistics.")
    assert (q.kind, q.text, q.speaker, q.cue) == (
        "indirect", "About nine million farmers live in the region", None, "according to")


def test_according_to_inside_the_sentence_covers_the_clause_before_it() -> None:
    q = only("The economy will grow by two percent, according to the Agriculture Ministry, and prices will stay "
             "stable.")
    assert (q.text, q.speaker) == ("The economy will grow by two percent", "Agriculture Ministry")


def test_according_to_plan_is_no_source() -> None:
    assert quotes("The harvest went according to plan, and the farmers were paid on time in the autumn.") == []


def test_a_participle_reports_for_the_sentence_subject() -> None:
    found = quotes("Pavel Orlov defended the new loans on Monday, saying they would help small farms survive "
                   "the winter.")
    assert [q.text for q in found if q.cue == "defended"] == ["the new loans"]  # a stance (test_extract_stance.py)
    q = next(q for q in found if q.cue != "defended")
    assert (q.text, q.speaker, q.cue, q.mention) == (
        "they would help small farms survive the winter", "Pavel Orlov", "saying", "Pavel Orlov")


def test_a_participle_after_a_passive_clause_names_nobody() -> None:
    assert quotes("The new loans were criticised by Pavel Orlov, saying that they came too late.") == []


def test_a_name_with_a_party_apposition_before_said() -> None:
    q = only("Senator Anna Holm, Democrat of Ohio, said the loan program has sent a terrible message to farmers.")
    assert (q.text, q.speaker) == ("the loan program has sent a terrible message to farmers", "Anna Holm")


def test_said_then_a_clause_that_is_no_report() -> None:
    assert quotes("Speaking to students at the farm school this week, Pavel Orlov responded to the criticism.") == []
    assert quotes("It was the same thing Anna Holm said when she left the ministry in 2014.") == []


def test_unnamed_subjects_report_unattributed() -> None:
    for body, text, mention in [
        ("A spokeswoman for the Agriculture Ministry says the loans will be paid in May.",
         "the loans will be paid in May", "spokeswoman"),
        ("Political observers in the region say the governor deserves a second term.",
         "the governor deserves a second term", "observers"),
        ("His lawyer said the farmer would not answer any questions.",
         "the farmer would not answer any questions", "lawyer"),
        ("The cooperative sent a letter on Friday. It says the dairy broke the contract twice.",
         "the dairy broke the contract twice", "It"),
    ]:
        q = only(body)
        assert (q.kind, q.text, q.speaker) == ("indirect", text, None), body
        assert q.mention and mention in q.mention.split(), body  # the evidence: the subject's head noun


def test_the_object_of_a_phrase_is_no_unnamed_subject_either() -> None:
    q = only("The wife of a local lawyer said that the farm had been sold in the spring.")
    assert (q.text, q.speaker) == ("the farm had been sold in the spring", None)


def test_a_base_form_cue_after_a_plural_subject() -> None:
    body = "Pavel Orlov and Anna Holm met the farmers.\n\nThey argue that the loans came too late for the harvest."
    q = only(body)
    assert (q.text, q.cue, q.mention) == ("the loans came too late for the harvest", "argue", "They")


def test_a_verb_without_a_clause_lets_a_later_verb_report() -> None:
    q = only("The farmers asked the ministry to delay the payments, though Pavel Orlov acknowledged it was "
             "unlikely to work.")
    assert (q.text, q.speaker, q.cue) == ("it was unlikely to work", "Pavel Orlov", "acknowledged")
    q = only("When he wrote his first book, Pavel Orlov said that he considered debt a last resort.")
    assert (q.text, q.speaker) == ("he considered debt a last resort", "Pavel Orlov")


def test_an_object_then_and_said_reports_with_the_second_verb() -> None:
    q = only("Pavel Orlov claimed great savings and said they ensured the farms would survive.")
    assert (q.text, q.speaker, q.cue) == ("they ensured the farms would survive", "Pavel Orlov", "said")


def test_clause_then_unnamed_speaker() -> None:
    q = only("The reclamation work has been meeting every standard so far, one regional official said.")
    assert (q.text, q.speaker, q.mention) == ("The reclamation work has been meeting every standard so far",
                                              None, "official")


def test_a_long_description_then_the_name_in_apposition() -> None:
    q = only("A lawyer for the two dairy farms, Anna Holm, said no decision had been made about an appeal.")
    assert (q.text, q.speaker) == ("no decision had been made about an appeal", "Anna Holm")


def test_a_second_verb_after_and_or_but() -> None:
    q = only("Anna Holm agreed, but also contended that the farm should not have to pay the fine.")
    assert (q.text, q.speaker, q.cue) == ("the farm should not have to pay the fine", "Anna Holm", "contended")
    q = only("Pavel Orlov thanked the farmers for their patience and then said the payments would arrive soon.")
    assert (q.text, q.speaker, q.cue) == ("the payments would arrive soon", "Pavel Orlov", "said")


def test_a_group_announces_then_says() -> None:
    q = only("Authorities announced on Friday the closure of the market and said a curfew would continue "
             "through the weekend.")
    assert (q.text, q.speaker, q.mention) == ("a curfew would continue through the weekend", None, "Authorities")


def test_an_occasion_between_verb_and_clause() -> None:
    q = only("Pavel Orlov said after the meeting he would not accept the new quotas.")
    assert (q.text, q.speaker) == ("he would not accept the new quotas", "Pavel Orlov")


def test_a_long_relative_clause_between_name_and_verb() -> None:
    q = only("Anna Holm, who as a young engineer built the first dam in the valley and later ran the regional "
             "water board for eleven years before retiring to her farm, said that the river had never been so low.")
    assert (q.text, q.speaker) == ("the river had never been so low", "Anna Holm")


def test_one_of_a_group_then_the_name_in_apposition() -> None:
    q = only("One of the cooperative's lawyers, Anna Holm, said the contract had been broken twice.")
    assert (q.text, q.speaker) == ("the contract had been broken twice", "Anna Holm")


def test_poll_respondents_and_whom_report_unattributed() -> None:
    q = only("Another 19 percent said they would not vote for either candidate.")
    assert (q.text, q.speaker, q.mention) == ("they would not vote for either candidate", None, "percent")
    q = only("The decision angered the farmers, many of whom say the quotas are unfair.")
    assert (q.text, q.speaker, q.mention) == ("the quotas are unfair", None, "whom")


def test_told_a_listener_then_a_clause_without_that() -> None:
    q = only("Pavel Orlov told reporters he would not resign before the harvest.")
    assert (q.text, q.speaker, q.cue) == ("he would not resign before the harvest", "Pavel Orlov", "told")
    q = only("Anna Holm told a meeting of regional farm leaders that few people understood the stakes.")
    assert (q.text, q.speaker) == ("few people understood the stakes", "Anna Holm")


def test_told_someone_to_do_something_is_no_report() -> None:
    assert quotes("Anna Holm told her husband to come out of the car at once.") == []


def test_more_unnamed_subjects() -> None:
    for body, text, head in [
        ("Orlov's associates said he is not planning to run for governor.",
         "he is not planning to run for governor", "associates"),
        ("Some families said they had to wait two years for the permits.",
         "they had to wait two years for the permits", "families"),
        ("But 58 percent of the farmers surveyed said they would sell the land.",
         "they would sell the land", "percent"),
        ("A ministry official, who asked not to be named, said the quotas would be cut.",
         "the quotas would be cut", "official"),
    ]:
        q = only(body)
        assert (q.text, q.speaker) == (text, None), body
        assert q.mention and head in q.mention.split(), body


def test_participles_after_any_main_clause() -> None:
    q = only("In a speech on Tuesday night, Pavel Orlov struck a calm tone, saying he understood the farmers' anger.")
    assert (q.text, q.speaker, q.cue) == ("he understood the farmers' anger", "Pavel Orlov", "saying")
    q = only("A spokeswoman for the cooperative declined to comment, saying that the old board had long since left.")
    assert (q.text, q.speaker) == ("the old board had long since left", None)
    q = only("Pavel Orlov is warning voters that a new tax would close half of the farms.")
    assert (q.text, q.speaker) == ("a new tax would close half of the farms", "Pavel Orlov")


def test_it_goes_without_saying_is_no_report() -> None:
    assert quotes("It goes without saying that the harvest matters more than anything else this year.") == []


def test_shares_of_respondents_report_unattributed() -> None:
    for body, text in [("A mere 9 percent say they only buy local.", "they only buy local"),
                       ("About 4 in 10 say they want the next governor to cut taxes.",
                        "they want the next governor to cut taxes")]:
        q = only(body)
        assert (q.text, q.speaker) == (text, None), body


def test_a_speaker_after_the_verb_is_not_the_reported_clause() -> None:
    body = ("Exports fell sharply after the stations closed in the spring of 2005, said Pavel Orlov, a senior "
            "official with the farm board.")
    assert all("official" not in q.text for q in quotes(body))


def test_according_to_after_a_fronted_adverbial() -> None:
    q = only("But the next day, according to Anna Holm, the buyers made further demands.")
    assert (q.text, q.cue, q.mention) == ("the buyers made further demands", "according to", "Anna Holm")


def test_according_to_results_after_a_clause_naming_states() -> None:
    q = only("The cooperative has reserved stands at fairs in four northern states, according to early results.")
    assert (q.text, q.speaker) == ("The cooperative has reserved stands at fairs in four northern states", None)


def test_according_to_inside_a_relative_clause_is_left_alone() -> None:
    assert quotes("The two regions kept a policy of turning away trucks which, according to the agency, "
                  "carried grain.") == []


def test_a_possessive_object_after_the_verb_is_no_reported_clause() -> None:
    # "emphasised Moscow's efforts to …" names what was emphasised; it reports no statement.
    assert not [q for q in extract_quotes("T\n\nThe ministry's leaders emphasised Moscow's efforts to promote trade "
                                          "with its eastern neighbours and the region's farms.\n", "T")
                if q.kind == "indirect"]
    assert not [q for q in extract_quotes("T\n\nOlga Petrova once again affirmed the initial successes in the process "
                                          "of integration with the valley's farms.\n", "T") if q.kind == "indirect"]
    q = only("Olga Petrova said the committee appears to skirt the limits on donations to the farms.")
    assert q.speaker == "Olga Petrova"
    q = only("Olga Petrova said Russia's economy would grow by two percent next year.")
    assert (q.text, q.speaker) == ("Russia's economy would grow by two percent next year", "Olga Petrova")
    q = only("Olga Petrova said the plan's critics have misread the figures for the farms.")
    assert q.speaker == "Olga Petrova"


def test_a_participle_after_a_possessed_subject_names_nobody() -> None:
    # "Olga Petrova's comments … saying": her comments are the subject, and comments say nothing.
    q = only("Olga Petrova's comments drew a sharp reply from the mayor, saying the plan would ruin the farms.")
    assert (q.text, q.speaker) == ("the plan would ruin the farms", None)
    q = only("Olga Petrova spoke on Monday, saying the plan would ruin the farms.")
    assert q.speaker == "Olga Petrova"


@pytest.mark.parametrize(("body", "text"), [
    ("Social conservatives say the new tariff will raise the price of bread.",
     "the new tariff will raise the price of bread"),
    ("In the survey, 62% of farmers said the loans had come too late for the spring sowing.",
     "the loans had come too late for the spring sowing"),
    ("Two-thirds of bakers said prices would rise again in the autumn.", "prices would rise again in the autumn"),
])
def test_a_plural_subject_that_names_nobody_reports_unattributed(body: str, text: str) -> None:
    q = only(body)
    assert (q.kind, q.text, q.speaker) == ("indirect", text, None)


def test_a_plural_subject_never_takes_a_report_from_a_named_speaker() -> None:
    q = only("Olga Petrova, who met grain traders on Monday, said the new tariff would be lifted in May.")
    assert (q.speaker, q.text) == ("Olga Petrova", "the new tariff would be lifted in May")


def test_two_reports_in_one_sentence_are_both_read() -> None:
    found = quotes("Olga Petrova said the harvest was the best in a decade, while Pavel Orlov said the prices "
                   "were too low for the farmers.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Olga Petrova", "the harvest was the best in a decade"),
        ("Pavel Orlov", "the prices were too low for the farmers")]


def test_a_second_report_by_an_unnamed_share_of_a_poll() -> None:
    found = quotes("Most farmers said the harvest was good, and three-quarters said the grain prices were too low.")
    assert [(q.speaker, q.text) for q in found] == [
        (None, "the harvest was good"), (None, "the grain prices were too low")]


def test_a_pronoun_after_a_comma_and_opens_a_report_of_its_own() -> None:
    found = quotes("Pavel Orlov opened the fair.\n\nThe visitors were few, and he added that the rain had kept "
                   "the farmers at home.")
    assert [(q.speaker, q.mention, q.text) for q in found] == [
        ("Pavel Orlov", "he", "the rain had kept the farmers at home")]


def test_the_object_of_and_without_a_comma_is_still_no_speaker() -> None:
    # "drafted by Olga Petrova and Pavel Orlov": he may be one of the drafters, not a new subject
    found = quotes("The plan was drafted by Olga Petrova and Pavel Orlov said that it would fail within a year.")
    assert all(q.speaker != "Pavel Orlov" for q in found)


def test_a_newspaper_reports_unattributed() -> None:
    q = only("The newspaper reported that the minister met the grain traders in private last week.")
    assert (q.speaker, q.text) == (None, "the minister met the grain traders in private last week")


def test_a_short_clause_with_a_pronoun_subject_is_a_report() -> None:
    q = only("Pavel Orlov said it would fail.")
    assert (q.speaker, q.text) == ("Pavel Orlov", "it would fail")
    assert quotes("Pavel Orlov said hello.") == []


def test_called_on_names_the_mention_before_it_not_the_sentence_start() -> None:
    found = quotes("Olga Petrova opened the fair.\n\nAfter the speeches, she called on the governors to pay the "
                   "farmers before the winter.")
    assert [(q.speaker, q.mention) for q in found] == [("Olga Petrova", "she")]
    q = found[0]
    text = f"{TITLE}\n\nOlga Petrova opened the fair.\n\nAfter the speeches, she called on the governors to pay the " \
           "farmers before the winter.\n"
    assert q.speaker_start is not None and text[q.speaker_start:q.speaker_end] == "she"


def test_as_x_reported_names_the_source_of_what_follows() -> None:
    q = only("As Olga Petrova noted, the harvest was the largest in a decade.")
    assert (q.speaker, q.cue, q.text) == ("Olga Petrova", "noted", "the harvest was the largest in a decade")
    q = only("As The Grain Gazette reported, the minister was accused of hiding the figures.")
    assert (q.speaker, q.cue, q.text) == (None, "reported", "the minister was accused of hiding the figures")


def test_as_with_a_clause_ending_in_a_name_is_no_source() -> None:
    found = quotes("As her office sent out letters quoting Mr. Orlov's remarks, Olga Petrova tried to calm "
                   "the farmers.")
    assert all(q.speaker != "Pavel Orlov" and q.cue != "remarks" for q in found)
