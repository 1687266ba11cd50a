"""Clause checks: whether the words after a speech verb read as a reported clause (a subject and
something like a verb) or as an object or a noun phrase.
"""

from __future__ import annotations

import re

from .layout import _ABBREV
from .lexicon import words

_PRONOUN_SUBJECT = re.compile(r"^(?:he|she|they|we|i|you)\s+[a-z]", re.IGNORECASE)
_THAT_SUBJECT = re.compile(r"^(?:he|she|it|they|we|i|you|there|this|these|those|his|her|its|their|our|my|the|a|an|"
                           r"[A-Z][\w'’.-]*)\s+\S+\s+\S+")
_FINITE = set(words("has have had is are was were will would can could should may might must do does did"))


def _np_like(text: str) -> bool:
    """A noun phrase, not a clause: few words and no auxiliary ("the EB-5 program has sent …" is a clause)."""
    ws = text.split()
    return len(ws) <= 10 and not any(w.lower() in _FINITE for w in ws)


_BAD_CLAUSE_START = re.compile(
    r"^(?:in|on|at|during|after|before|to|of|for|with|about|by|from|so|yes|no(?=\s*[,.;!?]|\s*$)|nothing|something|goodbye|"
    r"when|while|because|since|until|unless|whenever|and|or|but|nor|which|who|whom|as(?=\s+(?:he|she|they|we|I|you)\b)|"
    r"hello|thanks|thank|this|that\s+is|[,.;:!?)\]—–-])\b", re.IGNORECASE)
_POSSESSIVE_OBJECT = re.compile(
    r"^(?:(?!(?:he|she|it|that|there|what|who|here|where|this)['’]s\b)(?:the\s+)?[\w-]+['’]s?|"
    r"(?:the|a|an|its|their|his|her|our)\s+[a-z-]+)\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s+(?:to|of|in|for|on|with|against)\b",
    re.IGNORECASE)
_IRREGULAR_PAST = (r"broke|went|made|took|gave|got|came|saw|knew|thought|told|found|left|kept|held|brought|began|"
                   r"ran|won|lost|paid|sold|bought|sent|spent|built|fell|rose|grew|drew|wrote|spoke|stood|meant|led|"
                   r"became|chose|drove|flew|forgot|hid|rode|shot|shut|sought|struck|swore|taught|threw|understood|"
                   r"woke|wore|withdrew")
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|will|would|could|can|should|must|may|might|has|have|had|does|"
                     r"do|did|won't|wouldn't|can't|couldn't|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|"
                     r"doesn't|don't|didn't|shouldn't|(?<!\bto )(?<!\bbe )(?<!\bbeen )(?<!\bhave )(?<!\bhas )(?<!\bhad )"
                     r"(?<!\bthe )(?<!\ba )(?<!\ban )\w+ed|" + _IRREGULAR_PAST + r"|needs|wants|remains|seems|"
                     r"looks|means|goes|makes|takes|gets|comes|knows|says|thinks|works|helps|costs|stays|lies|"
                     r"depends|continues|exists|belongs|matters|plans|hopes|believes|appears|tends|"
                     r"\w+s(?=\s+(?:his|her|its|their|the|a|an|our|my|your|it|them|him|us)\b))\b")
# A contracted verb is a verb too: "said Obama wasn't targeting him", "says it won’t" …
# … and one joined to a pronoun: "said it’s too late", "says he's leaving", "they’ll stay".
_CONTRACTED_VERB = r"\w+n['’]t|(?:it|he|she|that|there|what|who|here|where)['’]s|\w+['’](?:re|ll|ve|m|d)"
_VERBISH = re.compile(r"\b(?:is|are|was|were|will|would|could|can|should|must|may|might|has|have|had|does|"
                      r"do|did|\w+ed|\w+s|" + _CONTRACTED_VERB + "|" + _IRREGULAR_PAST + r")\b")
_RELATIVE = re.compile(r"^(?:was|were|is|are|has|have|had|will|would|can|could|may|might|should)\b")


_SHORT_CLAUSE = re.compile(r"^(?:(?:he|she|they|we|I|it)\s+(?:is|are|was|were|will|would|could|can|should|must|"
                           r"may|might|has|have|had|did|does|do|won't|wouldn't|can't|didn't|doesn't|don't|"
                           r"[a-z]+ed)|(?:he|she|they|we|I|it|there)['’](?:s|re|ll|ve|m|d)\s+[a-z]\w*)\s+[a-z]\w*[.!?]?$")


def clause_ok(clause: str, *, that: bool = False) -> bool:
    """A reported clause: long enough, not a prepositional phrase, with something like a verb.

    After "that" a clause may open with an adverbial ("said that in 2019, …")."""
    words = clause.split()
    if len(words) == 3 and _SHORT_CLAUSE.match(clause.replace("’", "'")):
        return True  # "said she supported it", "said it would fail": a pronoun subject and its verb
    if len(words) < 4 or _RELATIVE.match(clause):
        return False  # "… the meeting that was held on a boat": a relative clause, not speech
    if that and _THAT_SUBJECT.match(clause):
        return True  # "told police that her dog began to bark": a subject after "that" opens a clause
    if _PRONOUN_SUBJECT.match(clause):
        return True  # "say they only buy American": a personal pronoun opens a clause
    if not that and _POSSESSIVE_OBJECT.match(clause) and not _CLAUSE_VERB.search(" ".join(words[:20]).replace("’", "'")):
        return False  # "emphasised Moscow's efforts to promote …", "affirmed the initial successes in …": an object
    return bool(_VERBISH.search(clause)) and (that or not _BAD_CLAUSE_START.match(clause))


# Verbs whose object is as often a thing as a report: "Toyota recalled 1 million cars", "Salah
# acknowledged the crowd", "Nadella admitted defeat", "Arsenal conceded two late goals". Without "that",
# their words are reported speech only when a clause follows ("recalled he had been afraid"). Verbs
# that only communicate keep an object that names what they made known ("announced his resignation",
# "confirmed the deal", "noted the importance of …"): a summary of what was said, shown as a paraphrase.
OBJECT_SENSE_CUES = frozenset(words(
    "recalled recalls acknowledged acknowledges admitted admits claimed claims conceded concedes reported reports "
    "observed observes read reads continued continues answered agreed agrees added adds concluded concludes"))
# What ends a main clause before its verb: a subordinate clause, another clause, or a phrase set off.
_CLAUSE_BREAK = re.compile(r"\b(?:as|when|whenever|after|before|while|because|since|until|although|though|but|if|"
                           r"whereas|once)\b|[,;:(—–]|[.!?][\"”]?\s+[\"“]?[A-Z]")  # … or a sentence end the splitter missed


_LEADING_TIME = re.compile(r"^(?:(?:on|last|this|earlier|late|early)\s+)?(?:\w+day|week|month|year|night|morning|"
                           r"evening|afternoon|today|yesterday)\b,?\s*", re.IGNORECASE)
_WH_CLAUSE = re.compile(r"^(?:that|how|why|what|whether|where|who|when|if)\b", re.IGNORECASE)
_FINITE_S = re.compile(r"\b(?:shows|suggests|means|puts|gives|has|is|was|said|says|told)\b")


def object_not_clause(clause: str) -> bool:
    """Whether the words after a verb of :data:`OBJECT_SENSE_CUES` are its object, not a reported
    clause: no finite verb before the first break ("1 million cars over faulty airbags", "the crowd
    after scoring his 200th goal", "two late goals as Newcastle won", "victory but later conceded").
    A participle before "by" is no finite verb ("cars made by its supplier")."""
    head = " ".join(clause.split()[:20]).replace("’", "'")
    head = _LEADING_TIME.sub("", head)  # "confirmed Thursday, the deal …"
    if _PRONOUN_SUBJECT.match(head) or _WH_CLAUSE.match(head):
        return False  # "he had been afraid", "they would stay", "how the fire started"
    verbs = sorted([*_CLAUSE_VERB.finditer(head), *_FINITE_S.finditer(head)], key=lambda v: v.start())
    for v in verbs:
        if re.match(r"\s+by\b", head[v.end():]) and not re.search(r"\b(?:was|were|is|are|been|be)\s+$", head[:v.start()]):
            continue  # a reduced relative: "cars made by its supplier"
        return any(not (b.group()[0] in ".!?" and _ABBREV.search(head, max(0, b.start() - 6), b.start() + 1))
                   for b in _CLAUSE_BREAK.finditer(head, 0, v.start()))  # "Mr. Lund", "James B. Comey"
    return True
