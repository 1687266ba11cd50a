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
from .label_names import _PARTICLE_SURNAME, _is_name_word, _is_role_end, _titlecase, split_name
from .label_words import (
    ANONYMOUS,
    CAPS_TITLES,
    CLAUSE_WORDS,
    EDITORIAL,
    IN_ROLES,
    LABEL_LOWER,
    NOT_NAMES,
    NOTES,
    OPENERS,
    PARTICLES,
    QUESTIONER,
    ROLE_LINKS,
    ROLE_PARTICIPLES,
    STYLED,
    VERB_FIRST,
)
from .lexicon import TITLE_WORDS

LabelKind = Literal["person", "questioner", "anonymous", "word", "unknown", "note"]

_PHRASE = re.compile(
    r"(?P<phrase>[A-Za-z\u00C0-\u024F][^:\n]{0,200}?(?:\n[^:\n]{1,160}?){0,2})\s*"
    r"(?P<paren>\(\s*[^()\n:]{1,40}\)\s*)?:(?=\s|$|[A-Z“\"«])")  # "(retranslated) :Mr President"
_TOKEN_OK = re.compile(r"^[\w.'’&-]+$")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.|[A-Z][a-z]{0,3}\.|(?:[A-Z]\.){2,})$")  # "A.", "Mr.", "Gen.", "U.S."
_ROLE_TOKEN_OK = re.compile(r"^(?:\(?[\w.'’&-]+\)?,?|[–—-])$")  # "Aeroflot – Russian Airlines"  # "Minister of Civil Defence, Emergencies and …"
_STYLED_OF = re.compile(r"^(?P<title>(?:Crown\s+)?(?:Patriarch|Metropolitan|King|Queen|Prince|Princess|Emir|Sheikh|"
                        r"Sultan|Pope|Archbishop))\s+(?P<name>[A-Z][\w'’-]+(?:\s+[IVX]+)?)\s+of\s")


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


_BRACKETED = re.compile(r"\[[^\[\]:]*\]|\([^():]*\)|\([^():]*$")
# Longest label read (tokens, lower-case words); past 32 and 8 only a titled role before a known name.
_LONG_TOKENS = 48
_LONG_LOWER = 16

# A lower-case past form makes a phrase a sentence; these few are role words ("retired general").
_VERB_FORM = re.compile(r"^[a-z]+ed,?$")


def _name_then_role(text: str, m: re.Match[str], end: int, phrase: str) -> Label | None:
    """"Sergei Agafonov, Editor in Chief of Ogonyok magazine:" — a full name we know the given name
    of, a comma, then the role; or any full name, a comma and a short affiliation in capitals
    ("Nailya Asker-zade, VGTRK:", "Lena Dahl, Reuters:")."""
    head, sep, rest = phrase.partition(",")
    words = head.split()
    if not sep or not 2 <= len(words) <= 4 or not rest.strip() or len(rest.split()) > 16 or "\n" in head:
        return None
    if not given_name(words[0]) and not (len(rest.split()) <= 3 and all(
            _is_name_word(w) or w.isupper() for w in rest.split())):
        return None
    if len(re.findall(r'["“”«»]', rest)) % 2:
        return None  # the colon is inside a quoted title: "Anna Berg, curator of “Warhol: Prints” at …"
    shape = name_shape(head.strip())
    if shape is None or shape.kind != "person" or len(shape.name.split()) != len(words):
        return None
    speech = m.end()
    while speech < end and text[speech].isspace():
        speech += 1
    if any(w.lower() in CLAUSE_WORDS and w.lower() not in IN_ROLES | {"a", "an"} for w in rest.split()
           if w[:1].islower()):
        # "Anna Berg, who we met earlier, said:" may be a sentence: nobody's turn, but it still ends
        # the turn before it (were it a label, its words must not run on as the previous speaker's).
        return Label("unknown", m.start(), speech, None, " ".join(phrase.split()), None, None, " ".join(phrase.split()))
    pos = m.start("phrase")
    return Label("person", m.start(), speech, shape.name, " ".join(rest.split()), pos, pos + len(head.rstrip()),
                 " ".join(phrase.split()), given_name(words[0]) is not None)


# Parliamentary style: the office, then the holder's name in brackets ("The Minister for Housing (Angela Rayner):").
_OFFICE_ALONE = re.compile(r"(?:The|THE)\s+(?P<office>(?:(?:[A-Z][a-z]+|[A-Z]{2,})\s+){0,3}(?:[A-Z][a-z]+|[A-Z]{2,}))\s*:\s+")
_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "rt hon", "the rt hon",
                         "hon", "sen", "senator", "rep", "cong", "gov", "shri", "sri", "smt", "shrimati"])
_OFFICE_THEN_NAME = re.compile(r"(?P<role>(?:(?:The|THE)\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,10}?)\s*\((?P<name>[^()\n:]{3,60})\)\s*:\s*")


def _office_then_name(text: str, start: int, end: int) -> Label | None:
    """"The Minister for Housing (Angela Rayner):", "The Prime Minister (Keir Starmer):": a title-word office,
    then a full person name in brackets — the name's turn (a constituency in brackets after a name is a note)."""
    m = _OFFICE_THEN_NAME.match(text, start, end)
    if not m or not any(w.lower() in TITLE_WORDS for w in m.group("role").split()):
        return None
    shape = name_shape(m.group("name").strip())
    if shape is None or shape.kind != "person" or len(shape.name.split()) < 2 \
            or (shape.role and shape.role.rstrip(".").lower() not in _HONORIFICS):
        return None  # "(Ms Ruth Abiodun)": an honorific may stand before the name, no other role
    role = re.sub(r"^(?:The|THE)\s+", "", m.group("role"))
    ns = m.start("name") + len(m.group("name")) - len(m.group("name").lstrip())
    return Label("person", start, m.end(), shape.name, role, ns, ns + len(m.group("name").strip()),
                 " ".join(m.group(0).split()).rstrip(": "), given_name(shape.name.split()[0]) is not None)


def read_label(text: str, start: int, end: int) -> Label | None:
    """The turn label ``text[start:end]`` (one paragraph, space-folded) opens with, if any."""
    if text.find(":", start, min(end, start + 420)) < 0:
        return None  # no colon near the start: no label (most paragraphs; the pattern is costly)
    office = _office_then_name(text, start, end)
    if office is not None:
        return office
    title = _OFFICE_ALONE.match(text, start, end)
    if title and all(w.lower() in TITLE_WORDS for w in title.group("office").split()):
        # "The First Minister:", "The Presiding Officer:": a parliament's record names the office alone. Whose turn
        # it is the label does not say; it ends the turn before it, and names nobody.
        flat = " ".join(title.group(0).split()).rstrip(": ")
        return Label("unknown", start, title.end(), None, flat, None, None, flat)
    m = _PHRASE.match(text, start, end)
    if not m:
        return None
    # Brackets are notes, not words of the label: a gloss ("Delovaya Rossiya [Business Russia]"), a
    # term of office ("President of Serbia (2012–2017)"), a translator's note left open ("(retranslated").
    phrase = _BRACKETED.sub(" ", m.group("phrase"))
    tokens = phrase.split()
    # A bracket inside the phrase closes a role: the name comes after it ("Delovaya Rossiya [Business
    # Russia] Alexei Repik", "President of Serbia (2012–2017) Tomislav Nikolic").
    inner = [b.start() for b in _BRACKETED.finditer(m.group("phrase"))]
    barrier = len(m.group("phrase")[:inner[-1]].split()) if inner else 0
    if any(_VERB_FORM.match(t) and t.lower() not in ROLE_PARTICIPLES for t in tokens):
        return None  # "Little noticed in … Tuesday:", "X, an analyst, agreed:": a sentence, not a label
    named = _name_then_role(text, m, end, phrase)
    if named is not None:
        return named
    if not tokens or len(tokens) > _LONG_TOKENS or any(not _ROLE_TOKEN_OK.match(t) for t in tokens) \
            or any(not _TOKEN_OK.match(t) for t in tokens[-2:]) or sum(t.endswith(",") for t in tokens) > 2:
        return None
    if any(t.endswith(".") and not _ABBREVIATION.match(t) and t[:-1].lower() not in CAPS_TITLES for t in tokens):
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
    if low[0] in EDITORIAL and len(tokens) <= 3 and not any(t.endswith(",") for t in tokens) \
            and not any(given_name(w) for w in words[1:]) and not (speech < end and text[speech].islower()):
        # "Watch:", "Read more:", "Earlier:", "Relevant Reading:": the site's furniture, nobody's label
        # ("Listen: you and your readers …" is a speaker's own words).
        return Label("note", start, speech, None, flat, None, None, flat)
    if low[0] in VERB_FIRST and len(words) >= 2:
        return None  # "Continued Ruiz:", "Said Ellis:": the verb first, then its speaker — no label
    if low[0] in OPENERS and low[0] != "the":
        return None  # "And the second proposal:", "Finally, the national initiative:"
    if words[0][:1].islower() and low[0] not in TITLE_WORDS:
        return None  # only a lower-case title may open a label ("chairman of the Board … Nikolai Tokarev")
    if low[-1] in QUESTIONER and len(words) <= 5 or (low[0] in QUESTIONER and len(words) > 1
                                                        and low[1] in ("from", "by", "to")):
        if speech < end and text[speech].islower():
            return None  # "Question: at what expense?" inside a speech is the speaker's own words
        return Label("questioner", start, speech, None, flat, None, None, flat)  # "Question from Tula Region"
    if low[0] in ANONYMOUS and len(words) > 1 and low[1] in ("from", "by"):
        return Label("anonymous", start, speech, None, flat, None, None, flat)  # "Remark from the audience"
    if low[-1] in ANONYMOUS and len(words) <= 4 and (len(words) == 1 or not words[-1][:1].isupper()):
        return Label("anonymous", start, speech, None, flat, None, None, flat)
    if any(w in CLAUSE_WORDS and w not in IN_ROLES for w, t in zip(low, words, strict=True) if t[:1].islower()) \
            or (low[0] in CLAUSE_WORDS and low[0] not in TITLE_WORDS and not (len(words[0]) > 1 and words[0].isupper())):
        return None
    lower = sum(1 for t in words if t[:1].islower())
    if lower > _LONG_LOWER:
        return None
    # A long role ("Head of the Federal Service for the Oversight of Consumer Protection and Welfare and
    # Chief Sanitary Physician of the Russian Federation Anna Popova") is read only when it opens with a
    # title and ends in a name whose given name we know; else it is no label at all.
    long_role = len(tokens) > 32 or lower > 8
    if low[-1].rstrip(".") in NOTES or " ".join(low[-2:]) in ("editor's note", "editors' note"):
        return Label("note", start, speech, None, flat, None, None, flat)
    if len(words) == 1:
        if low[0].rstrip(".") in NOT_NAMES or low[0] in NOT_NAMES:
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
    proper = low[0] not in OPENERS and all(t[:1].isupper() or t.lower() in ROLE_LINKS or t in "–—-" for t in words)
    unknown = Label("unknown", start, speech, None, flat, None, None, flat) if proper and not long_role else None
    span = split_name(words)
    if span is None or span == (0, 1):
        return unknown if words[0][:1].isupper() else None  # "Head of the Republic of Tatarstan:"
    i, j = span
    if 0 < barrier < j and i < barrier:
        i = barrier
    # The given-name lexicon (corpus.names) settles where a long name starts ("President of Turkey
    # Recep Tayyip Erdogan") and whether the words are a person's name at all ("Leningrad Front").
    shape = name_shape(" ".join(words[i:j]))
    if j - i >= 2 and shape is not None and shape.kind != "person":
        return unknown  # "Leningrad Front"
    if j - i == 1 and i > 0 and low[i - 1] not in STYLED and low[0] not in STYLED \
            and not _is_role_end(words[i - 1]):
        return unknown  # "Vladimir Putin and Xi Jinping": two people, or a name cut in two
    if shape is not None and shape.kind == "person":
        for k in (1, 2, 1, 2):  # one word, or a particle and a word, at a time
            added = words[i - k:i] if i - k >= barrier else []
            if not added or not all(given_name(w) or w.lower() in PARTICLES for w in added):
                continue
            wider = name_shape(" ".join(words[i - k:j]))
            if wider and wider.kind == "person" and len(wider.name.split()) == j - i + k:
                i -= k
    name_tokens = [_titlecase(t) for t in words[i:j]]
    role = " ".join(tokens[:i]).rstrip(",") or None
    if long_role and (shape is None or shape.kind != "person" or given_name(words[i]) is None or i == 0
                      or low[0].rstrip(",") not in TITLE_WORDS):
        return None
    if role and role.split()[-1].lower() in {"of", "the", "and", "for", "in", "on", "at", "to"}:
        return unknown  # "Vladimir Putin and Xi Jinping:", or a split that went wrong
    if j - i == 1 and low[i - 1] in STYLED:
        name_tokens = [words[i - 1].capitalize(), *name_tokens]  # "Patriarch Kirill:"
    elif j - i == 1 and low[0] in STYLED:
        name_tokens = [words[0].capitalize(), *name_tokens]  # "Patriarch of Moscow and All Russia Kirill:"
    # Offsets of the name inside the text: the name's first token after the role.
    pos = m.start("phrase")
    for t in tokens[:i]:
        pos = text.index(t, pos) + len(t)
    name_start = text.index(words[i], pos)
    name_end = text.index(words[-1], name_start) + len(words[-1])
    if len(name_tokens) > j - i and low[i - 1] in STYLED:
        name_start = text.rindex(words[i - 1], m.start("phrase"), name_start)
    known = shape is not None or len(name_tokens) > j - i  # the lexicon knows the name ("Lena Holm": not)
    return Label("person", start, speech, " ".join(name_tokens), role, name_start, name_end, flat, known)


_SENTENCE_END = re.compile(r"[.?!…;](?:\s|$)")


_UNREAD = Label("unknown", -1, -1, None, None, None, None, "")  # turn_break's default: read_label not asked yet
_AFTER_COLON = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ“\"«")  # what _PHRASE's look-ahead admits after its colon, besides a space


def turn_break(text: str, start: int, end: int, read: Label | None = _UNREAD) -> Label | None:
    """Inside a document read as a transcript: the label a paragraph opens with, or, when no name can
    be read from it, a label-shaped phrase that still ends the turn before it ("Member of the Board of
    the Fund … Zorgl Blix:", "Karim Nasser (retranslated :") — a phrase before a colon that opens with a
    capital, has at least two capitalised words and reads as no sentence: no sentence end, its only lower-case
    words are those roles are made of (links, particles, titles, occupations), and what follows the colon
    opens with no lower-case word. Its turn names nobody. ``read``: :func:`read_label` of the same paragraph,
    when the caller has it already."""
    lab = read_label(text, start, end) if read is _UNREAD else read
    if lab is not None:
        return lab
    # The phrase and what follows it hold no colon but the label's own: the paragraph's first colon. Most
    # paragraphs have none, or one the pattern cannot end on; the pattern is costly.
    colon = text.find(":", start, end)
    if colon < 0 or (colon + 1 < end and not (text[colon + 1].isspace() or text[colon + 1] in _AFTER_COLON)):
        return None
    m = _PHRASE.match(text, start, end)
    if not m:
        return None
    raw = m.group("phrase")
    tokens = _BRACKETED.sub(" ", raw).split()
    if not 2 <= len(tokens) <= _LONG_TOKENS or _SENTENCE_END.search(raw.replace("\n", " ")):
        return None
    words = [t.strip(",") for t in tokens]
    low = [w.lower() for w in words]
    if not words[0][:1].isupper() or low[0] in OPENERS or low[0] in EDITORIAL:
        return None  # "The Demography project:", "Regarding the roads:"
    lower = [w for w in words if not w[:1].isupper() and not _PARTICLE_SURNAME.fullmatch(w)]
    if any(w not in LABEL_LOWER for w in lower):
        return None  # "Here is what I think:", "Crimea is a wonderful site for research:"
    if any(w.lower() in CLAUSE_WORDS and w.lower() not in IN_ROLES for w in words[1:]):
        return None
    capitals = len(words) - len(lower)
    if capitals < 2:
        return None
    speech = m.end()
    while speech < end and text[speech].isspace():
        speech += 1
    if speech < end and text[speech].islower():
        return None  # "Russian Railways and the ports: both have the money" goes on a sentence
    flat = " ".join(tokens)
    return Label("unknown", start, speech, None, flat, None, None, flat)
