"""Is this a person's or an organisation's name? The shape of a name, from its words alone.

``name_shape("Medical Chamber Leonid Roshal")`` → a person ``Leonid Roshal`` with role
``Medical Chamber``; ``"General Electric Co"`` → an organisation; ``"Naturally"``, ``"Russia"``,
``"Military World Winter Games"``, ``"II"`` → ``None``. Whether two names may be one person is
:mod:`corpus.name_match`.

No model: the given names and word lists of :mod:`corpus.name_lexicon`. ``name_shape`` is cached: it runs for
every mention the extractor reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .name_lexicon import Gender, _in, _lexicon, _strip_accents
from .name_lexicon import curated_given_name as curated_given_name  # re-exported: callers read names from here
from .name_lexicon import given_name as given_name

NameKind = Literal["person", "organisation"]


@dataclass(frozen=True, slots=True)
class NameShape:
    kind: NameKind
    name: str  # cleaned: titles and role words stripped ("Leonid Roshal")
    role: str | None = None  # the stripped words ("Medical Chamber"), None when there were none
    given: str | None = None  # every name word before the surname ("George W.", "Abdel Fattah")
    surname: str | None = None  # with its particles ("von der Leyen", "al-Assad")
    gender: Gender | None = None


_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*$|^[A-Z]$|^(?:Yu|Ya|Zh|Kh|Ch|Sh)\.$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_WORD = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?$")
_PATRONYMIC = re.compile(r"(?:ovich|evich|ich|ovna|evna|ichna|ogly|oglu|kyzy)$", re.IGNORECASE)
_PINYIN_SYL = (r"(?:[bpmfdtnlgkhjqxzcsrwy]|zh|ch|sh)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|"
               r"ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|er|a|o|e|i|u|v)")
_PINYIN = re.compile(rf"^(?:{_PINYIN_SYL}){{1,2}}$", re.IGNORECASE)
_EDGE = "\"'“”‘’«»()[],;:—–-!?* \t\n"
_SEPARATORS = {"and", "&", "or", "with", "vs", "vs."}


def _tokens(text: str) -> list[str] | None:
    s = " ".join(text.split()).strip(_EDGE)
    s = re.sub(r"['’]s?$", "", s)
    if not s or len(s) > 120:
        return None
    return s.split()


def _name_like(t: str) -> bool:
    """Capitalised letters (hyphens and apostrophes allowed): "Roshal", "Jong-un", "PUTIN", "al-Assad"."""
    if not _WORD.match(t):
        return False
    if t[:1].isupper():
        return True
    low = t.casefold()
    return any(low.startswith(p) and t[len(p):][:1].isupper() for p in _lexicon().words["particle_prefixes"])


def _particle(t: str) -> bool:
    low = t.casefold()
    return _in(t, "particles") or any(low.startswith(p) and len(low) > len(p) + 1
                                      for p in _lexicon().words["particle_prefixes"])


def _glued_particle(t: str) -> bool:
    """"al-Assad", "d'Estaing": a particle fused to the surname."""
    low = t.casefold()
    return any(low.startswith(p) and len(low) > len(p) + 1 for p in _lexicon().words["particle_prefixes"])


def _never_surname(t: str) -> bool:
    return _in(t, "not_names", "company_suffixes", "org_heads", "event_words", "org_acronyms") \
        or bool(_ROMAN.match(t))


def _lonely_word(t: str) -> bool:
    """A single word that is no surname on its own: an opener, a common word, a place, a role."""
    low = t.casefold()
    return (_never_surname(t) or _in(t, "common_words", "places", "role_words", "nationality", "honorifics_m",
                                     "honorifics_f", "org_acronyms")
            or (len(low) > 5 and low.endswith(("ly", "ing"))) or not _name_like(t))


def role_word(word: str) -> bool:
    """Whether ``word`` belongs to a role before a name ("former", "French", "prime", "minister", "captain")."""
    return _in(word, "role_words", "nationality", "personal_titles", "person_nouns")


def lone_surname(word: str) -> bool:
    """Whether one capitalised word can be a person's surname on its own ("Kovalenko", "Lindtman"):
    no opener, common word, place, role or acronym. A nationality word is one too ("Cuban", "English"):
    the caller tells the adjective ("Cuban officials") from the surname ("Cuban said") by what follows."""
    return not _lonely_word(word) or (_in(word, "nationality") and not _in(word, "places", "common_words"))


def _nice(t: str) -> str:
    """ALL-CAPS surnames ("PUTIN", "JONG-UN") in the usual case; others as written."""
    if len(t) > 1 and t.isupper() and not t.endswith("."):
        return "-".join(p.capitalize() for p in t.split("-"))
    return t


def _gender_of(given_words: list[str], role_words: list[str]) -> Gender | None:
    for w in role_words:
        if _in(w, "honorifics_m"):
            return "m"
        if _in(w, "honorifics_f"):
            return "f"
    for w in given_words:
        hit = given_name(w)
        if hit:
            return hit[0]
    return None


def _person_core(toks: list[str]) -> tuple[int, bool] | None:
    """Where the trailing person name starts, and whether a lexicon given name anchors it."""
    n = len(toks)
    surname = toks[-1]
    if not _name_like(surname) or _INITIAL.match(surname) or _never_surname(surname):
        return None
    i = n - 1
    # particles before the surname belong to it: "von der Leyen", "Al Thani", "de Gaulle"
    while i > 1 and _particle(toks[i - 1]) and not given_name(toks[i - 1]):
        i -= 1
    anchored = False
    j = i
    while j > 0:
        t = toks[j - 1]
        if given_name(t) and _name_like(t):
            anchored = True
        elif _INITIAL.match(t) or (anchored is False and j < i and _PATRONYMIC.search(t) and _name_like(t)):
            pass
        elif _particle(t) and j - 1 > 0:
            pass  # "Mohammed bin Salman", "Tamim bin Hamad Al Thani"
        elif not anchored and j == i and _name_like(t) and not _lonely_word(t) and j - 1 > 0 \
                and given_name(toks[j - 2]) and not _in(toks[-1], "places", "common_words", "nationality"):
            pass  # one middle name the lexicon lacks, after a given name: "Abdel Fattah al-Sisi"
        elif _PATRONYMIC.search(t) and _name_like(t) and j < n - 1 and not _lonely_word(t):
            pass  # "Vladimir Vladimirovich Putin"
        else:
            break
        j -= 1
    # the core starts at the leftmost given name or initial; particles left over belong to the role
    while j < i and not (given_name(toks[j]) or _INITIAL.match(toks[j])):
        j += 1
    if j == i:
        return None
    if j > 0 and _INITIAL.match(toks[j]) and _name_like(toks[j - 1]) and not _lonely_word(toks[j - 1]) \
            and not _INITIAL.match(toks[j - 1]):
        return j - 1, True  # a first name the lexicon lacks before a middle initial: "Vann R. Newkirk"
    return j, anchored


def _person(toks: list[str]) -> NameShape | None:
    core = _person_core(toks)
    if core:
        j, anchored = core
        prefix, name = toks[:j], toks[j:]
        if prefix and not _role_prefix(prefix, strict=not anchored):
            return None
        return _make_person(name, prefix)
    # East Asian order: family name first ("Kim Jong-un", "Xi Jinping", "Moon Jae-in")
    rest, prefix = _strip_roles(toks)
    if len(rest) == 2 and _in(rest[0], "east_asian_surnames") and _name_like(rest[1]) \
            and ("-" in rest[1] or given_name(rest[1]) or _PINYIN.match(rest[1])) \
            and not _never_surname(rest[1]) and not _in(rest[1], "places", "common_words"):
        if prefix and not _role_prefix(prefix, strict=False):
            return None
        return NameShape("person", " ".join(_nice(t) for t in rest), " ".join(prefix) or None,
                         _nice(rest[1]), _nice(rest[0]), _gender_of([rest[1]], prefix))
    # No given name the lexicon knows: a bare surname after a personal title ("President Putin",
    # "Mr Lavrov"), or two or three name words nothing marks as anything else.
    # Lower-case particles inside ("Zorbek de Vries") belong to the surname; never a name's first or last word.
    inner = [t for k, t in enumerate(rest) if not (0 < k < len(rest) - 1 and t.islower() and _particle(t))]
    if not rest or any(_lonely_word(t) for t in inner) or any(_in(t, "event_words") for t in toks):
        return None
    if len(rest) == 1:
        if prefix and not _in(prefix[-1], "role_words", "honorifics_m", "honorifics_f", "nationality"):
            return None
        if prefix and not _personal_title(prefix):
            return None
        if len(rest[0]) < 3 or (rest[0].isupper() and len(rest[0]) < 5):
            return None
        return NameShape("person", _nice(rest[0]), " ".join(prefix) or None, None, _nice(rest[0]),
                         _gender_of([], prefix))
    if len(inner) <= 3 and not any(_INITIAL.match(t) for t in rest[-1:]):
        if prefix and not _role_prefix(prefix, strict=True):
            return None
        if len(inner) == 3 and rest[0] == inner[0] and _AGENT_NOUN.search(rest[0]) and not prefix:
            # Three name words no lexicon knows, the first shaped like an agent noun: a role the word lists
            # lack ("Forecaster Zorbek Ruiz", "Meteorologist Zorbek Ruiz"), not a given name.
            return _make_person(rest[1:], rest[:1])
        return _make_person(rest, prefix)
    return None


_AGENT_NOUN = re.compile(r"[a-z](?:er|or|ist|ian|ant|ent|eer|ee)$")


def _personal_title(prefix: list[str]) -> bool:
    """The role ends in a word that can stand before one person's surname ("President", "Mr", "Minister")."""
    last = prefix[-1]
    return _in(last, "honorifics_m", "honorifics_f") or _in(last, "personal_titles")




def _role_prefix(prefix: list[str], *, strict: bool) -> bool:
    """Words before a name that are its role, not another person: "Medical Chamber", "Roscosmos".

    A prefix that is itself a person's name ("Tarja Halonen" before "Vladimir Putin") means two
    people run together: no one speaker.
    """
    if any(t.casefold() in _SEPARATORS for t in prefix) or _in(prefix[0], "plural_honorifics"):
        return False
    if any(not (t[:1].isupper() or _in(t, "particles") or t.casefold() in {"of", "the", "for", "on", "in", "at"})
           for t in prefix):
        return False  # a clause, not a title: "following in my Address to the Federal Assembly"
    tail = [t for t in prefix if _name_like(t)]
    if len(tail) >= 2 and given_name(tail[-2]) and not _in(tail[-1], "role_words", "org_heads", "company_suffixes"):
        return False
    roleish = [t for t in prefix if _in(t, "role_words", "nationality", "org_heads", "company_suffixes",
                                        "org_acronyms", "places", "honorifics_m", "honorifics_f", "common_words",
                                        "person_nouns")
               or t.casefold() in {"of", "the", "for", "on", "in", "at", "and"} or t.isupper()]
    if len(roleish) == len(prefix):
        return True
    # A brand or institution the lists do not know ("Roscosmos Igor Komarov"): one word, and only
    # before a name a lexicon given name anchors.
    unknown = [t for t in prefix if t not in roleish]
    return not strict and len(unknown) == 1 and len(prefix) <= 6 and not given_name(unknown[0])


def _strip_roles(toks: list[str]) -> tuple[list[str], list[str]]:
    i = 0
    while i < len(toks) and (_in(toks[i], "role_words", "nationality", "honorifics_m", "honorifics_f", "places",
                                 "org_heads", "org_acronyms", "person_nouns")
                             or toks[i].casefold() in {"of", "the", "for", "on"} or toks[i].isupper()
                             and len(toks[i]) <= 4 and i < len(toks) - 1):
        i += 1
    return toks[i:], toks[:i]


def _make_person(name: list[str], prefix: list[str]) -> NameShape:
    # the surname runs from the first particle after the given names: "Ursula von der Leyen"
    k = len(name) - 1
    while k > 1 and _particle(name[k - 1]) and not given_name(name[k - 1]) and not _INITIAL.match(name[k - 1]):
        k -= 1
    given = name[:k]
    nice = [_nice(t) for t in name]
    return NameShape("person", " ".join(nice), " ".join(prefix) or None,
                     " ".join(nice[:k]) or None, " ".join(nice[k:]), _gender_of(given, prefix))


def _organisation(toks: list[str]) -> NameShape | None:
    low = [_strip_accents(t).casefold().rstrip(".") for t in toks]
    words = _lexicon().words
    if " ".join(low) in words["org_names"]:
        return NameShape("organisation", " ".join(toks))
    if any(not (t[:1].isupper() or t[:1].isdigit() or _in(t, "particles")
                or t.casefold() in {"of", "the", "for", "on", "and", "&", "in"}) for t in toks):
        return None
    if len(toks) == 1:
        t = toks[0]
        if _ROMAN.match(t) or _in(t, "places", "not_names", "nationality"):
            return None
        if _in(t, "org_acronyms") or (t.isupper() and 2 <= len(t) <= 4 and t.isalpha()):
            return NameShape("organisation", t)
        return None
    if low[-1] in words["event_words"] and low[-1] not in words["org_heads"]:
        return None
    heads = words["org_heads"] | words["company_suffixes"]
    if low[-1] in heads or any(w in words["org_heads"] for w in low[:-1]) and low[-1] not in words["not_names"]:
        # "General Electric Co", "Russian Foreign Ministry", "Ministry of Defence"; a head alone
        # ("Committee") or with only connectors ("the Council") names nothing in particular.
        specific = [t for t, w in zip(toks, low, strict=True) if w not in heads
                    and w not in {"of", "the", "for", "on", "and", "&", "in"}]
        if specific:
            return NameShape("organisation", " ".join(toks))
    return None


@lru_cache(maxsize=131072)
def name_shape(text: str) -> NameShape | None:
    """The shape of the name in ``text``: a person (role stripped), an organisation, or None."""
    toks = _tokens(text)
    if not toks or len(toks) > 10:
        return None
    while toks and toks[0].casefold() in {"the", "a", "an"}:
        toks = toks[1:]
    if not toks or _in(toks[0], "plural_honorifics"):
        return None
    if any(any(c.isdigit() for c in t) for t in toks):
        return _organisation(toks)
    while len(toks) > 2 and _in(toks[-1], "suffixes") and toks[-1][:1].isupper():
        toks = toks[:-1]  # "Vann R. Newkirk II": the suffix is no part of the name
    if any(t.casefold() in _SEPARATORS for t in toks):
        return _organisation(toks)  # "Procter & Gamble"; two people are no one speaker
    if "," in " ".join(toks):
        return None
    person = _person(toks)
    if person:
        return person
    return _organisation(toks)
