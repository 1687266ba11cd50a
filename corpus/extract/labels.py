"""Transcript turn labels: "Name:" at the start of a paragraph, read into role and name.

A label is a short phrase at a paragraph start, then a colon: an optional role of capitalised and
lower-case words ("Head of the Communist Party faction in the State Duma", "Central Bank
chairman", "NASA astronaut"), then a name shape — capitalised or ALL-CAPS words, initials, particles
("Marine Le Pen", "Alexander Van der Bellen", "Vladimir PUTIN", "M. Papchenkova") — and an optional
parenthetical ("(retranslated)"). The phrase may be hard-wrapped over two lines. A phrase with a
pronoun, a verb or a determiner in it is a sentence ending in a colon ("Let me repeat:",
"The message reads, in part:"), not a label.

:func:`read_label` tells what a paragraph opens with: a named person, an anonymous questioner or
answerer ("Question:", "Journalist:", "Remark:"), or a label-shaped phrase it cannot read (one
capitalised word: "Wikinews:", "Ed.:", "Knight:"), which the transcript pass resolves against the
whole document — and which, unresolved, still ends the turn before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..names import given_name, name_shape
from .lexicon import NATIONALITY_WORDS, ORG_HEADS, TITLE_WORDS

LabelKind = Literal["person", "questioner", "anonymous", "word", "unknown", "note"]

_PHRASE = re.compile(
    r"(?P<phrase>[A-Za-z\u00C0-\u024F][^:\n]{0,200}?(?:\n[^:\n]{1,160}?){0,2})\s*"
    r"(?P<paren>\(\s*[^()\n:]{1,40}\)\s*)?:(?=\s|$|[A-Z“\"«])")  # "(retranslated) :Mr President"
_TOKEN_OK = re.compile(r"^[\w.'’&-]+$")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.|[A-Z][a-z]{0,3}\.|(?:[A-Z]\.){2,})$")  # "A.", "Mr.", "Gen.", "U.S."
# Titles abbreviated in a briefing transcript's ALL-CAPS labels: "SEC. BLAKE:", "MS. ORTIZ:", "AMB. RICE:".
_CAPS_TITLES = frozenset(["mr", "mrs", "ms", "dr", "sec", "secy", "amb", "sen", "rep", "gov", "gen", "adm", "lt",
                          "col", "maj", "capt", "sgt", "prof", "pres", "rev", "hon", "cmdr", "supt", "insp", "det"])
_ROLE_TOKEN_OK = re.compile(r"^(?:\(?[\w.'’&-]+\)?,?|[–—-])$")  # "Aeroflot – Russian Airlines"  # "Minister of Civil Defence, Emergencies and …"
# Titles that are part of how the person is named: "Patriarch Kirill", "King Salman".
_STYLED = frozenset(["patriarch", "metropolitan", "king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope", "archbishop"])
_STYLED_OF = re.compile(r"^(?P<title>(?:Crown\s+)?(?:Patriarch|Metropolitan|King|Queen|Prince|Princess|Emir|Sheikh|"
                        r"Sultan|Pope|Archbishop))\s+(?P<name>[A-Z][\w'’-]+(?:\s+[IVX]+)?)\s+of\s")
# Lower-case words that make a phrase a clause rather than a role.
_CLAUSE_WORDS = frozenset(["i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "who", "whom", "which", "what", "whose", "there", "here", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes", "said", "says", "say", "told", "tells", "asked", "asks", "added", "reads", "read", "wrote", "writes", "noted", "stated", "replied", "answered", "want", "wants", "wanted", "like", "let", "repeat", "following", "follows", "also", "again", "just", "only", "very", "so", "then", "now", "thus", "however", "because", "if", "when", "while", "as", "than", "but", "or", "nor", "a", "an", "some", "any", "all", "every", "each", "many", "much", "more", "most", "such", "one", "two", "first", "second", "third", "last", "next"])
# Lower-case words that read as a clause at a phrase's start but occur inside roles ("World’s first woman
# cosmonaut", "Argumenty i Fakty Editor-in-Chief").
_IN_ROLES = frozenset(["i", "first", "second", "third", "last", "next"])
# Words that open a sentence, never a label.
_OPENERS = frozenset(["and", "but", "or", "so", "finally", "also", "now", "then", "as", "in", "on", "at", "for", "with", "about", "regarding", "concerning", "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "we", "i", "you", "my", "our", "one", "another", "next", "besides", "however"])
_PARTICLES = frozenset(["de", "da", "di", "du", "del", "della", "dos", "das", "van", "von", "der", "den", "ter", "ten", "le", "la", "bin", "ibn", "al", "el", "y"])
_CAP_PARTICLES = frozenset(["De", "Da", "Di", "Du", "Del", "Della", "Van", "Von", "Der", "Den", "Le", "La", "Al", "El", "Bin", "Ibn", "Abu"])
# One-word labels that are never people: editorial and structural words, questioner and answerer roles.
_QUESTIONER = frozenset(["question", "questions", "q", "interviewer", "journalist", "journalists", "correspondent", "reporter", "host", "moderator", "presenter", "anchor", "audience"])
_ANONYMOUS = frozenset(["answer", "answers", "a", "reply", "response", "remark", "remarks", "comment", "comments", "voice", "voices", "participant", "participants", "interpreter", "translator", "operator", "speaker"])
# Editorial labels: they end a turn and are nobody's words ("Ed.: See the catalogue.").
_NOTES = frozenset(["note", "notes", "image", "images", "photo", "photos", "picture", "video", "source", "sources", "update", "updated", "editor", "editors", "ed", "ed.", "caption", "credit", "credits", "correction", "clarification", "disclaimer", "transcript", "translation"])
_NOT_NAMES = _NOTES | frozenset(["example", "summary", "background", "context", "warning", "deadline", "agenda", "theme", "subject", "topic", "topics", "attention", "first", "second", "third", "fourth", "fifth", "finally", "next", "then", "also", "again", "today", "yesterday", "tomorrow", "now", "here", "there", "yes", "no", "okay", "ok", "well", "so", "but", "and", "or", "however", "meanwhile", "moreover", "therefore", "thus", "please", "thanks", "welcome", "hello", "goodbye", "conclusion", "introduction", "p.s", "ps", "nb", "important", "attachment", "address", "tags", "tag", "location", "date", "time", "place", "venue", "result", "results", "total", "score", "status"])
# Words that open an editorial line, never a speaker's label ("Watch:", "Read more:", "Earlier:").
_EDITORIAL = frozenset(["watch", "read", "listen", "see", "related", "earlier", "later", "previously", "update",
                        "updated", "updates", "breaking", "live", "more", "also", "recommended", "relevant", "follow",
                        "subscribe", "advertisement", "sponsored", "explainer", "opinion", "analysis", "correction",
                        "background", "context", "graphic", "map", "timeline", "factbox", "sidebar", "trending"])
# A capitalised word after these belongs to a role: "Minister of Sport", "Patriarch of Moscow and All Russia".
_ROLE_LINKS = frozenset(["of", "for", "on", "in", "at", "and", "all", "the"])
_PLACE_WORDS = frozenset(["region", "territory", "district", "oblast", "republic", "province", "state", "city", "area", "county", "krai", "okrug", "federation", "kingdom", "island", "islands"])
_PLACE_LIKE = re.compile(r"(?:ia|stan|land|ine)$")


@dataclass(frozen=True, slots=True)
class Label:
    kind: LabelKind
    start: int  # the label's first character
    end: int  # where the speech starts (after the colon and spaces)
    name: str | None  # the name as written, normalised ("Vladimir Putin" for "Vladimir PUTIN")
    role: str | None
    name_start: int | None  # the name's span in the text
    name_end: int | None
    phrase: str  # the whole label phrase, one line
    known: bool = True  # a person name the given-name lexicon recognises


def _is_name_word(t: str) -> bool:
    if re.fullmatch(r"[A-Z]\.?", t):
        return True  # an initial: "A. Vedyashchev", "R Saravanan"
    return t[:1].isupper() and not t.endswith(".") and bool(re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", t))


def _titlecase(t: str) -> str:
    """"PUTIN" -> "Putin" (an ALL-CAPS surname in a label); other words unchanged."""
    if len(t) > 2 and t.isupper():
        return "-".join(p[:1] + p[1:].lower() for p in t.split("-"))
    return t


def _is_role_end(t: str) -> bool:
    low = t.lower().rstrip(".")
    return (not t[:1].isupper() or low in TITLE_WORDS or low in ORG_HEADS or low in _PLACE_WORDS
            or t in NATIONALITY_WORDS or t.isupper() or bool(_PLACE_LIKE.search(low)))


def split_name(tokens: list[str]) -> tuple[int, int] | None:
    """``(i, j)``: tokens[i:j] is the trailing name of a label phrase (j = len(tokens)), or None."""
    j = len(tokens)
    if not j or not _is_name_word(tokens[-1]) or tokens[-1].lower() in TITLE_WORDS \
            or tokens[-1].lower() in ORG_HEADS or tokens[-1].lower() in _PLACE_WORDS:
        return None
    i, core = j - 1, 1
    while i > 0:
        t = tokens[i - 1]
        low = t.lower()
        if (low in _PARTICLES and t.islower()) or (t in _CAP_PARTICLES and i - 1 > 0):
            i -= 1  # "Marine Le Pen", "Alexander Van der Bellen", "Mohammed bin Salman"
            continue
        if re.fullmatch(r"[A-Z]\.?", t):
            i -= 1
            continue
        # A nationality word is a given name only where the lexicon says so ("German Gref").
        given = core == 1 and given_name(t) is not None
        if not _is_name_word(t) or low in TITLE_WORDS or low in ORG_HEADS or low in _PLACE_WORDS \
                or (t in NATIONALITY_WORDS and not given) \
                or (i - 1 > 0 and tokens[i - 2].lower() in _ROLE_LINKS):
            break
        if core >= 2 and (core >= 3 or not given_name(t)):
            break  # a third name word only if it is a given name: "Recep Tayyip Erdogan", not "Unions …"
        i -= 1
        core += 1
    while i < j and tokens[i].lower() in _PARTICLES and tokens[i].islower():
        i += 1
    return (i, j) if i < j else None


# A lower-case past form makes a phrase a sentence; these few are role words ("retired general").
_VERB_FORM = re.compile(r"^[a-z]+ed,?$")
_ROLE_PARTICIPLES = frozenset(["retired", "elected", "designated", "appointed", "acting", "united", "authorised",
                               "authorized", "honoured", "honored", "distinguished", "decorated", "qualified",
                               "certified", "licensed", "registered", "accredited", "seconded"])


def _name_then_role(text: str, m: re.Match[str], end: int) -> Label | None:
    """"Sergei Agafonov, Editor in Chief of Ogonyok magazine:" — a full name we know the given name
    of, a comma, then the role."""
    phrase = m.group("phrase")
    head, sep, rest = phrase.partition(",")
    words = head.split()
    if not sep or not 2 <= len(words) <= 4 or not rest.strip() or len(rest.split()) > 16 \
            or not given_name(words[0]) or "\n" in head:
        return None
    if len(re.findall(r'["“”«»]', rest)) % 2:
        return None  # the colon is inside a quoted title: "Anna Berg, curator of “Warhol: Prints” at …"
    shape = name_shape(head.strip())
    if shape is None or shape.kind != "person" or len(shape.name.split()) != len(words):
        return None
    speech = m.end()
    while speech < end and text[speech].isspace():
        speech += 1
    if any(w.lower() in _CLAUSE_WORDS and w.lower() not in _IN_ROLES | {"a", "an"} for w in rest.split()
           if w[:1].islower()):
        # "Anna Berg, who we met earlier, said:" may be a sentence: nobody's turn, but it still ends
        # the turn before it (were it a label, its words must not run on as the previous speaker's).
        return Label("unknown", m.start(), speech, None, " ".join(phrase.split()), None, None, " ".join(phrase.split()))
    pos = m.start("phrase")
    return Label("person", m.start(), speech, shape.name, " ".join(rest.split()), pos, pos + len(head.rstrip()),
                 " ".join(phrase.split()))


def read_label(text: str, start: int, end: int) -> Label | None:
    """The turn label ``text[start:end]`` (one paragraph, space-folded) opens with, if any."""
    if text.find(":", start, min(end, start + 420)) < 0:
        return None  # no colon near the start: no label (most paragraphs; the pattern is costly)
    m = _PHRASE.match(text, start, end)
    if not m:
        return None
    phrase = m.group("phrase")
    tokens = phrase.split()
    if any(_VERB_FORM.match(t) and t.lower() not in _ROLE_PARTICIPLES for t in tokens):
        return None  # "Little noticed in … Tuesday:", "X, an analyst, agreed:": a sentence, not a label
    named = _name_then_role(text, m, end)
    if named is not None:
        return named
    if not tokens or len(tokens) > 32 or any(not _ROLE_TOKEN_OK.match(t) for t in tokens) \
            or any(not _TOKEN_OK.match(t) for t in tokens[-2:]) or sum(t.endswith(",") for t in tokens) > 2:
        return None
    if any(t.endswith(".") and not _ABBREVIATION.match(t) and t[:-1].lower() not in _CAPS_TITLES for t in tokens):
        return None  # a sentence ends inside: "… in Bolivia. Image:" is a caption, not a label
    speech = m.end()
    while speech < end and text[speech].isspace():
        speech += 1
    flat = " ".join(tokens)
    words = [t.rstrip(",") for t in tokens]
    low = [t.lower() for t in words]
    if len(words) == 1 and words[0] in ("Q", "A", "Q.", "A."):
        # An interview's "Q:" / "A:" (the answer label is also the article "A"): a question, an answer.
        kind: LabelKind = "questioner" if words[0][0] == "Q" else "anonymous"
        return Label(kind, start, speech, None, "Answer" if kind == "anonymous" else "Question", None, None, flat)
    if low[0] in _EDITORIAL and len(tokens) <= 3 and not any(t.endswith(",") for t in tokens) \
            and not any(given_name(w) for w in words[1:]) and not (speech < end and text[speech].islower()):
        # "Watch:", "Read more:", "Earlier:", "Relevant Reading:": the site's furniture, nobody's label
        # ("Listen: you and your readers …" is a speaker's own words).
        return Label("note", start, speech, None, flat, None, None, flat)
    if low[0] in _OPENERS and low[0] != "the":
        return None  # "And the second proposal:", "Finally, the national initiative:"
    if words[0][:1].islower() and low[0] not in TITLE_WORDS:
        return None  # only a lower-case title may open a label ("chairman of the Board … Nikolai Tokarev")
    if low[-1] in _QUESTIONER and len(words) <= 5 or (low[0] in _QUESTIONER and len(words) > 1
                                                        and low[1] in ("from", "by", "to")):
        if speech < end and text[speech].islower():
            return None  # "Question: at what expense?" inside a speech is the speaker's own words
        return Label("questioner", start, speech, None, flat, None, None, flat)  # "Question from Tula Region"
    if low[0] in _ANONYMOUS and len(words) > 1 and low[1] in ("from", "by"):
        return Label("anonymous", start, speech, None, flat, None, None, flat)  # "Remark from the audience"
    if low[-1] in _ANONYMOUS and len(words) <= 4 and (len(words) == 1 or not words[-1][:1].isupper()):
        return Label("anonymous", start, speech, None, flat, None, None, flat)
    if any(w in _CLAUSE_WORDS and w not in _IN_ROLES for w, t in zip(low, words, strict=True) if t[:1].islower()) \
            or (low[0] in _CLAUSE_WORDS and low[0] not in TITLE_WORDS and not (len(words[0]) > 1 and words[0].isupper())):
        return None
    if sum(1 for t in words if t[:1].islower()) > 8:
        return None
    if low[-1].rstrip(".") in _NOTES or " ".join(low[-2:]) in ("editor's note", "editors' note"):
        return Label("note", start, speech, None, flat, None, None, flat)
    if len(words) == 1:
        if low[0].rstrip(".") in _NOT_NAMES or low[0] in _NOT_NAMES:
            return None
        if _is_name_word(words[0]) or words[0].isupper() or words[0].endswith("."):
            pos = m.start("phrase")
            return Label("word", start, speech, _titlecase(words[0]), None, pos, pos + len(words[0]), flat)
        return None
    styled = _STYLED_OF.match(flat + " ")
    if styled:  # "Patriarch Kirill of Moscow and All Russia"
        pos = text.index(styled.group("title").split()[-1], m.start("phrase"))
        name = " ".join(styled.group("title").split()[-1:] + styled.group("name").split())
        return Label("person", start, speech, name, None, pos, text.index(styled.group("name").split()[-1], pos)
                     + len(styled.group("name").split()[-1]), flat)
    # A phrase no name can be read from ends a turn only if it is a proper-noun phrase ("Head of the
    # Republic of Tatarstan", "Vladimir Putin and Xi Jinping"), not words like "the second proposal".
    proper = low[0] not in _OPENERS and all(t[:1].isupper() or t.lower() in _ROLE_LINKS or t in "–—-" for t in words)
    unknown = Label("unknown", start, speech, None, flat, None, None, flat) if proper else None
    span = split_name(words)
    if span is None or span == (0, 1):
        return unknown if words[0][:1].isupper() else None  # "Head of the Republic of Tatarstan:"
    i, j = span
    # The given-name lexicon (corpus.names) settles where a long name starts ("President of Turkey
    # Recep Tayyip Erdogan") and whether the words are a person's name at all ("Leningrad Front").
    shape = name_shape(" ".join(words[i:j]))
    if j - i >= 2 and shape is not None and shape.kind != "person":
        return unknown  # "Leningrad Front"
    if j - i == 1 and i > 0 and low[i - 1] not in _STYLED and low[0] not in _STYLED \
            and not _is_role_end(words[i - 1]):
        return unknown  # "Vladimir Putin and Xi Jinping": two people, or a name cut in two
    if shape is not None and shape.kind == "person":
        for k in (1, 2, 1, 2):  # one word, or a particle and a word, at a time
            added = words[i - k:i] if i - k >= 0 else []
            if not added or not all(given_name(w) or w.lower() in _PARTICLES for w in added):
                continue
            wider = name_shape(" ".join(words[i - k:j]))
            if wider and wider.kind == "person" and len(wider.name.split()) == j - i + k:
                i -= k
    name_tokens = [_titlecase(t) for t in words[i:j]]
    role = " ".join(tokens[:i]).rstrip(",") or None
    if role and role.split()[-1].lower() in {"of", "the", "and", "for", "in", "on", "at", "to"}:
        return unknown  # "Vladimir Putin and Xi Jinping:", or a split that went wrong
    if j - i == 1 and low[i - 1] in _STYLED:
        name_tokens = [words[i - 1].capitalize(), *name_tokens]  # "Patriarch Kirill:"
    elif j - i == 1 and low[0] in _STYLED:
        name_tokens = [words[0].capitalize(), *name_tokens]  # "Patriarch of Moscow and All Russia Kirill:"
    # Offsets of the name inside the text: the name's first token after the role.
    pos = m.start("phrase")
    for t in tokens[:i]:
        pos = text.index(t, pos) + len(t)
    name_start = text.index(words[i], pos)
    name_end = text.index(words[-1], name_start) + len(words[-1])
    if len(name_tokens) > j - i and low[i - 1] in _STYLED:
        name_start = text.rindex(words[i - 1], m.start("phrase"), name_start)
    known = shape is not None or len(name_tokens) > j - i  # the lexicon knows the name ("Lena Holm": not)
    return Label("person", start, speech, " ".join(name_tokens), role, name_start, name_end, flat, known)
