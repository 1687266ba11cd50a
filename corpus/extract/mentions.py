"""Read a speaker mention — the words next to a speech verb — into what it refers to.

``parse_mention("Russian Foreign Minister Sergey Lavrov")`` gives a person named
``Sergey Lavrov`` with role ``Russian Foreign Minister``; ``"the Russian diplomat"`` gives a role
noun to resolve against the article; ``"he"`` a pronoun; ``"the Foreign Ministry"`` an
organisation. Anything else (``"the board"``, ``"it"``, a clause) is not a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from ..names import given_name, name_shape
from .lexicon import (
    CONNECTORS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    NATIONALITY,
    NATIONALITY_WORDS,
    ORG_HEADS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
    words,
)

MentionKind = Literal["name", "pronoun", "role", "org", "document"]


@dataclass(frozen=True, slots=True)
class Mention:
    kind: MentionKind
    surface: str
    name: str | None = None  # a person's or organisation's name as written ("Sergey Lavrov", "Lavrov")
    role: str | None = None  # "Russian Foreign Minister"; for a role noun the noun phrase itself
    gender: str | None = None  # "m" / "f" from an honorific or pronoun
    head: str | None = None  # role / document noun: "diplomat", "release"


_LEADING = re.compile(r"^(?:(?:and|but|then|also|so|as|while|when|now|today|later|yesterday|"
                      r"meanwhile|however|earlier)\s+)+", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an|this|that|his|her|its|their)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_OWNER_WORD = re.compile(r"^[A-Z][^\W\d_]*(?:['’]s|(?<=s)['’])$")  # "Boston’s", "Thomas'"
_PAREN = re.compile(r"\s*\([^()]{0,40}\)")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_NOT_NAMES = {
    "the", "this", "that", "it", "its", "they", "we", "i", "you", "there", "here", "what", "which", "who",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "god", "sources", "source", "many", "some", "others", "both", "all", "everyone", "nobody", "one",
    "experts", "officials", "analysts", "observers", "critics", "twitter", "facebook", "instagram",
    "order", "decree", "law", "laws", "document", "report", "reports", "statement", "message", "article",
    "resolution", "treaty", "agreement", "constitution", "code", "programme", "program", "prosecutor-general",
    "prosecutor", "media", "polls", "data", "figures", "studies", "research", "survey",
}
# Countries and capitals speak as organisations ("Moscow insisted", "Japan said").
PLACES = set(
    words("""russia ukraine china japan america britain france germany iran syria turkey israel pakistan india
    korea north south belarus poland italy spain canada mexico cuba venezuela brazil egypt iraq libya
    afghanistan georgia armenia azerbaijan kazakhstan moldova latvia lithuania estonia finland sweden
    norway denmark greece serbia hungary austria switzerland belgium netherlands australia vietnam
    moscow washington kiev kyiv beijing tokyo london paris berlin tehran damascus ankara minsk warsaw
    pyongyang seoul brussels riyadh baghdad kabul tbilisi yerevan baku astana delhi islamabad cairo
    havana caracas rome madrid ottawa canberra hanoi jerusalem donbass donbas crimea europe asia africa
    united states kingdom emirates arabia saudi nato""")
)
_REGION_WORDS = {"region", "territory", "district", "oblast", "republic", "province", "state", "city", "area",
                 "county", "krai", "okrug", "federation", "kingdom", "emirate", "island", "islands"}
# Region and country names a label puts before a person: "Ossetia-Alania", "Palestine", "Tatarstan".
_PLACE_LIKE = re.compile(r"(?:ia|stan|land|ine|-[A-Z]\w+)$")
_NAME_CHARS = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*$")


def _role_word(t: str) -> bool:
    """A word that ends a role or an organisation rather than starting a name."""
    return t.lower() in ORG_HEADS or t.lower() in _REGION_WORDS or bool(_PLACE_LIKE.search(t))


def _is_name_word(t: str) -> bool:
    if len(t) == 2 and t[0].isupper() and t[1] == ".":
        return True  # an initial: "George W. Bush"
    return t[:1].isupper() and bool(_NAME_CHARS.match(t)) and any(c.islower() for c in t)


def _is_title(word: str) -> bool:
    return word.lower() in TITLE_WORDS or word in NATIONALITY_WORDS or bool(NATIONALITY.match(word))


_REGNAL = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX)$")
_MID_THE = re.compile(r"^\S.*?\s+(?=The\s+[A-Z])")


@lru_cache(maxsize=65536)  # labels and names recur thousands of times ("Vladimir Putin:")
def parse_mention(surface: str) -> Mention | None:
    """What ``surface`` (a few words beside a speech verb) refers to, or ``None``."""
    s = _LEADING.sub("", _PAREN.sub("", surface).strip().strip(",;:—–-").strip())
    s = _MID_THE.sub("", s)  # "10:42 HKT The Airport Authority": a name never runs on over a capitalised "The"
    if not s or len(s) > 120:
        return None
    low = s.lower()
    if low in PRONOUNS:
        return Mention("pronoun", s, gender=PRONOUNS[low])
    words = s.split()
    if len(words) > 12:
        return None
    if words[-1].lower() in GROUP_NOUNS and len(words) <= 4 \
            and (words[0][:1].islower() or words[0] in {"U.S.", "US", "EU", "UN", "Western", "Russian"}):
        return Mention("role", s, role=s)  # "officials", "local authorities": a group, nobody to name
    if _ARTICLE.match(s) and not words[0][0].isupper() or low.startswith(("the ", "a ", "an ")):
        return _common_noun(s)
    if len(words) >= 3 and words[1].lower() in {"of", "for", "to", "close"} \
            and (words[0].lower() in GROUP_NOUNS or words[0].lower() in _GROUP_OF):
        return Mention("role", s, role=s)  # "Supporters of President Ana Costa", "Allies of X": the group speaks
    return _proper(s, words)


# People named by whom they belong to, before "of/for/to NAME": the group, never the name, is the subject.
_GROUP_OF = frozenset(["allies", "friends", "opponents", "members", "fans", "advisers", "advisors", "associates",
                       "colleagues", "backers", "rivals", "spokesmen", "family", "children", "sons", "daughters",
                       "aides", "loyalists", "followers", "admirers", "detractors", "partisans", "lawyers"])


# Organisation heads that are acronyms: in lower case they are ordinary words ("who", "un").
_LOWER_NOT_HEADS = {"who", "un", "eu", "mfa", "fbi", "cia", "nato", "osce", "imf", "wto", "sco", "tv"}


def _common_noun(s: str) -> Mention | None:
    """``the Russian diplomat`` / ``the Foreign Ministry`` / ``the news release`` / ``the head of X``."""
    body = _ARTICLE.sub("", s)
    words = body.split()
    if not words:
        return None
    if re.search(r"(?i)\bhead\s+of\s+(?:the\s+)?state\b", body):
        return Mention("role", s, role=body, head="president")
    head_of = re.match(r"(?i)^(?:(?:[\w-]+\s+){0,2})(head|chief|leader|director|chairman)\s+of\s+(.+)$", body)
    if head_of:
        return Mention("role", s, role=body, head=head_of.group(1).lower())
    last = _POSSESSIVE.sub("", words[-1]).lower()
    if not words[-1][:1].isalpha() or (words[-1].islower() and last in _LOWER_NOT_HEADS):
        return None  # "a South Carolina native who": a relative pronoun, not the WHO
    caps = [w for w in words if w[:1].isupper()]
    if last in ORG_HEADS and (caps or last in {"ministry", "kremlin", "government", "pentagon", "department",
                                               "agency", "office", "committee", "embassy", "campaign"}):
        if s.lower().startswith(("a ", "an ")):
            return Mention("document", s, head=last)  # "a Medium post": no organisation takes "a"
        # The organisation is the capitalised run that ends the phrase: "the same day that the
        # Washington Post" names the Washington Post.
        run: list[str] = []
        for w in reversed(words):
            if not (w[:1].isupper() or w.lower() in {"of", "for", "and", "on"}):
                break
            run.insert(0, w)
        if len(run) >= 3 and run[1] == "and" and (run[0] in NATIONALITY_WORDS or NATIONALITY.match(run[0])):
            return None  # "the Russian and EU (representatives)": adjectives of a noun cut off, no body's name
        return Mention("org", s, name=" ".join(run) if caps and run else (body if caps else None), head=last)
    if last in DOCUMENT_NOUNS:
        return Mention("document", s, head=last)
    if last in GROUP_NOUNS:
        return Mention("role", s, role=body)  # "the local authorities": a group, nobody to name
    two = " ".join(w.lower() for w in words[-2:])
    for noun in (two, last):
        if noun in ROLE_NOUNS:
            return Mention("role", s, role=body, head=noun)
    if last in PERSON_NOUNS:
        # "the announcer", "one questioner": a person the article may never name.
        return Mention("role", s, role=body, head=last)
    if last in ORG_HEADS:
        return Mention("org", s, head=last)  # "the city council": a body the article may not name
    return None


# Legal forms that end a company's name ("Siemens AG", "Volvo Cars AB", "General Electric Co"): the whole
# capitalised run before one is the company, never a shorter tail ("AG", "Electric Co").
_LEGAL_FORM = re.compile(r"^(?:[A-Z][\w'’.&-]*|&|and|of|de)(?:\s+(?:[A-Z][\w'’.&-]*|&|and|of|de))*?\s+"
                         r"(?P<form>Co\.?|Corp\.?|Inc\.?|AG|Ltd\.?|LLC|[Pp][Ll][Cc]|GmbH|SA|S\.A\.|NV|N\.V\.|BV|SpA|"
                         r"S\.p\.A\.|PJSC|OJSC|JSC|AB|ASA|Oyj|KK|SE|A/S|Oy)$")


def _proper(s: str, words: list[str]) -> Mention | None:
    """A capitalised phrase: a titled person, a bare surname, or an organisation — only when the
    words have the shape of a name (:func:`corpus.names.name_shape`): "But", "Watch", a place,
    an event or a work's title is nobody."""
    company = _LEGAL_FORM.match(re.sub(r"^The\s+", "", s.rstrip(",")))
    if company and company.group(0)[:1].isupper():
        name = company.group(0)
        return Mention("org", s, name=name, head=company.group("form").rstrip(".").lower())
    of = _PERSON_OF.match(s)
    if of:
        # "David Ross of Oxford University", "Economist Yeah Boon Kit of Sunway University": a person and where
        # they work, not an organisation — when the words before "of" read as a full name; "Bank of America",
        # "Royal Bank of Scotland" have no name there. (A name no lexicon knows is no pronoun's antecedent.)
        left = _proper_words(of.group("person"), of.group("person").split())
        person = name_shape(left.name) if left is not None and left.kind == "name" and left.name else None
        if left is not None and person is not None and person.kind == "person" and len(person.name.split()) >= 2:
            at = " ".join(r for r in (left.role, person.role, of.group("where")) if r)
            return Mention("name", s, name=person.name, role=at, gender=left.gender or person.gender)
    if len(words) >= 2 and _REGNAL.match(words[-1]) and given_name(words[-2]) is not None \
            and all(w[:1].isupper() for w in words):
        # "Elizabeth II", "Queen Elizabeth II", "Pope Benedict XVI": the numeral belongs to the name
        known = given_name(words[-2])
        return Mention("name", s, name=" ".join(words[-2:]), role=" ".join(words[:-2]) or None,
                       gender=known[0] if known else None)
    men = _proper_words(s, words)
    if men is None or men.kind != "name":
        return men
    if men.role and _BARE_INITIALS.match(men.role) and men.role not in _NOT_INITIALS and men.name \
            and not men.name.split()[0].isupper():
        # "JP Smith", "KL Rahul": initials, no title — a person when the rest is a surname's shape
        rest = name_shape(f"Mr {men.name}")
        if rest is not None and rest.kind == "person" and len(men.name.split()) == 1:
            return Mention("name", s, name=f"{men.role} {rest.name}")
    shape = name_shape(men.name or "")
    whole = name_shape(" ".join(_POSSESSIVE.sub("", w.strip(",")) for w in words))
    extra = whole.name.split()[:len(whole.name.split()) - len(shape.name.split())] \
        if whole is not None and shape is not None else []
    if whole is not None and whole.kind == "person" and shape is not None and extra \
            and all(_INITIALS.match(w) for w in extra):
        shape, men = whole, Mention("name", s, name=whole.name, gender=men.gender)  # "K.C. Maurer"
    if shape is None:
        return None
    if shape.kind == "organisation":
        return Mention("org", s, name=shape.name, head=shape.name.split()[-1].lower())
    role = " ".join(r for r in (men.role, shape.role) if r) or None
    return Mention("name", s, name=shape.name, role=role, gender=men.gender or shape.gender)


def _titled_name(tokens: list[str], lows: list[str]) -> Mention | None:
    """"Kremlin Spokesman Dmitry Peskov", "White House Press Secretary Jen Psaki": an organisation's
    words, a capitalised title, then a full name — the person, with the rest as their role (the
    organisation word alone made the whole run an organisation named "Kremlin Spokesman Dmitry Peskov")."""
    titles = [k for k, t in enumerate(lows[:-2]) if t in TITLE_WORDS or t in ROLE_NOUNS or t in PERSON_NOUNS]
    if not titles or not any(t in ORG_HEADS or t in {"ministry", "kremlin", "pentagon", "white"} for t in lows[:titles[-1]]):
        return None
    k = titles[-1]
    shape = name_shape(" ".join(tokens[k + 1:]))
    if shape is None or shape.kind != "person" or len(shape.name.split()) < 2 or shape.role:
        return None
    return Mention("name", " ".join(tokens), name=shape.name, role=" ".join(tokens[:k + 1]), gender=shape.gender)


_PERSON_OF = re.compile(r"^(?P<person>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.()-]+){1,5})\s+(?P<where>(?:of|from|at)\s+(?:the\s+)?"
                        r"[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’.&-]*)){0,8})$")
# Words that link a noun to the name after them ("the wife of Tom Hart", "lawyers for X"): the name is not the subject.
_LINK_WORDS = frozenset(["of", "for", "to", "with", "by", "from", "and", "or", "at", "in", "on", "about", "like", "than",
                         "against", "after", "before", "via", "near", "under", "over", "behind", "toward", "towards",
                         "versus", "vs", "including", "as", "told", "said", "says", "asked", "met", "called", "named"])
# Words that make the words before a name a clause, not a role ("That is what Pavel Orlov said …").
_CLAUSE_WORDS = frozenset(["that", "this", "these", "those", "it", "there", "here", "what", "which", "who", "whom",
                           "whose", "when", "where", "is", "are", "was", "were", "be", "been", "has", "have", "had",
                           "do", "does", "did", "not", "also", "just", "only", "even", "then", "so", "but", "if"])
# Letters after a name that are no part of it: honours, silk, a seat in a parliament ("Alan Moore KC",
# "Jane Hart MP", "Sir Tom Reid OBE").
_POST_NOMINALS = frozenset(["KC", "QC", "SC", "MP", "MSP", "MLA", "MEP", "MHA", "MNA", "MPP", "TD", "OBE", "CBE", "MBE",
                            "KBE", "DBE", "GBE", "PhD", "DPhil", "FRS", "JP"])
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
# Initials written without full stops ("JP Smith", "AJ Brown"), unless the letters are a body's or a country's.
_BARE_INITIALS = re.compile(r"^[A-Z]{2,3}$")
_NOT_INITIALS = frozenset(["US", "UK", "EU", "UN", "AP", "AFP", "BBC", "CNN", "NBC", "ABC", "CBS", "FBI", "CIA", "NHS",
                           "IMF", "WHO", "ANC", "DA", "EFF", "GOP", "MP", "MPS", "PM", "TV", "UAE", "USA", "RT", "DPR",
                           "LPR", "SA", "NZ", "RAF", "IDF", "PLO", "SNP", "DUP", "CDU", "SPD", "AFD", "BJP", "INC", "PTI",
                           "PPP", "APC", "PDP", "NDC", "NPP", "MDC", "KC", "QC", "SC", "CEO", "CFO", "COO", "CTO", "GM",
                           "VP", "DG", "MEP", "MSP", "MLA", "TD", "ECB", "FED", "NYT", "WSJ", "ITV", "RTE", "SBS", "DOJ",
                           "DHS", "DOD", "EPA", "FDA", "SEC", "FTC", "NSA", "ICE", "IRS", "NRA", "NFL", "NBA", "IOC", "GP", "HR", "PR"])
# Lower-case name particles (the capitalised "Van", "De", "Al" are name words already).
_NAME_PARTICLE = re.compile(r"^(?:de|da|di|du|del|della|der|den|van|von|la|le|al|bin|ibn|ben|ter|ten|zu|dos|das)$")
_PARTICLE_GLUED = re.compile(r"^(?:al|el|ad|ash|as|at|az|ben|bin|ibn|abu|de|da|di|du|van|von|der|la|le|d|l|o)[-’']\w")


def _proper_words(s: str, words: list[str]) -> Mention | None:
    owner = max((k for k, w in enumerate(words[:-1]) if _OWNER_WORD.search(w.strip(","))), default=None)
    if owner is not None:
        # "Boston’s Walsh", "Russia’s Foreign Minister Sergei Lavrov": the owner is no part of the name.
        inner = _proper_words(" ".join(words[owner + 1:]), words[owner + 1:])
        if inner is None:
            return None
        role = " ".join([*words[:owner + 1], *([inner.role] if inner.role else [])]) if inner.kind == "name" else None
        return replace(inner, surface=s, role=role if inner.kind == "name" else inner.role)
    tokens = [_POSSESSIVE.sub("", w.strip(",")) for w in words]
    lower = [t for t in tokens if t[:1].islower() and t.lower() not in CONNECTORS and t.lower() not in HONORIFICS
             and not _PARTICLE_GLUED.match(t)]
    after = len(tokens) - tokens[::-1].index(lower[-1]) if lower else 0  # the first word after the last lower-case one
    if lower and lower[-1] != tokens[-1] and tokens[after][:1].isupper() and (
            lower[-1] in TITLE_WORDS | set(ROLE_NOUNS) | PERSON_NOUNS
            # "Harbour master Maren Holt": a role word the lists lack, after a capitalised word ("as rival Bernie
            # Sanders continues …" is no subject), before a full name with a known given name
            or (len(tokens) - after >= 2 and given_name(tokens[after]) is not None and lower[-1].isalpha()
                and lower[-1] not in _LINK_WORDS and tokens[0][:1].isupper() and tokens[0] != lower[-1]
                and after <= 4 and not any(t.lower() in _CLAUSE_WORDS for t in tokens[:after]))):
        # "Environment Canada spokesperson Julie Hahn", "Central Bank chairman Sergei Ignatyev":
        # a role with a lower-case head, then the name.
        cut = after
        name = name_shape(" ".join(tokens[cut:]))
        if name is None or name.kind != "person":
            return None
        lead = " ".join(tokens[:cut] + ([name.role] if name.role else []))
        return Mention("name", s, name=name.name, role=lead, gender=name.gender)
    if len(tokens) >= 3 and tokens[0][1:].islower() and tokens[0].lower() in PERSON_NOUNS \
            and tokens[0].lower() not in TITLE_WORDS:
        # "Fisherman Wong Kwok-keung", "Shopkeeper Ama Owusu": a capitalised common noun for a person
        # opening the sentence, then a full name — the noun is their role, not their first name.
        name = name_shape(" ".join(tokens[1:]))
        if name is not None and name.kind == "person" and len(name.name.split()) >= 2 and not name.role:
            return Mention("name", s, name=name.name, role=tokens[0], gender=name.gender)
    while len(tokens) > 1 and tokens[-1] in _POST_NOMINALS and _is_name_word(tokens[-2]):
        tokens = tokens[:-1]
    while len(tokens) > 2 and tokens[-1] in {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}:
        tokens = tokens[:-1]  # "Vann R. Newkirk II": the suffix is no part of the lookup name
    if not all(t[:1].isupper() or t.lower() in CONNECTORS or t.lower() in HONORIFICS for t in tokens):
        return None
    lows = [t.lower() for t in tokens]
    if "and" in lows:
        # "Mr Putin and Prince Abdullah" speak together: a group no one name stands for.
        left = parse_mention(" ".join(tokens[:lows.index("and")]))
        right = parse_mention(" ".join(tokens[lows.index("and") + 1:]))
        if left and left.kind == "name" or right and right.kind == "name":
            return Mention("role", s, role=s)
        first = tokens[:lows.index("and")]
        if len(first) == 1 and (first[0] in NATIONALITY_WORDS or NATIONALITY.match(first[0])):
            return None  # "The Russian and EU (representatives)": adjectives of a noun cut off, no body's name
    titled = _titled_name(tokens, lows)
    if titled is not None:
        return replace(titled, surface=s)
    if lows[-1] in ORG_HEADS or any(t in {"ministry", "kremlin", "pentagon", "white"} for t in lows) \
            or (len(tokens) == 1 and _ACRONYM.match(tokens[0])):
        return Mention("org", s, name=" ".join(tokens), head=lows[-1])
    if all(t in PLACES for t in lows):
        return Mention("org", s, name=" ".join(tokens), head="country")
    # Split the run into a leading role and a trailing name: "President of Russia Vladimir Putin".
    # Two name words always; a third or fourth ("Recep Tayyip Erdogan") only if it does not look
    # like a place or an organisation ("Ossetia-Alania", "Service").
    i, core = len(tokens), 0  # core: the name words taken so far, particles not counted
    while i > 0 and core < 4:
        k = i
        while k > 1 and k < len(tokens) and _NAME_PARTICLE.match(tokens[k - 1].lower()):
            k -= 1
        if k < i and _is_name_word(tokens[k - 1]) and not _is_title(tokens[k - 1]):
            i = k  # particles inside the name: "Ellen de Vries", "Ursula von der Leyen", "Marine Le Pen"
            continue
        if not (_is_name_word(tokens[i - 1]) and (not _is_title(tokens[i - 1]) or _nationality_surname(tokens, i))
                and lows[i - 1] not in CONNECTORS and lows[i - 1] not in HONORIFICS
                and lows[i - 1] not in _NOT_NAMES and lows[i - 1] not in PLACES
                and lows[i - 1] not in ORG_HEADS and lows[i - 1] not in _REGION_WORDS
                and (core < 2 or not _PLACE_LIKE.search(tokens[i - 1]))):
            break
        i -= 1
        core += 1
    while i < len(tokens) and _NAME_PARTICLE.match(tokens[i]):
        i += 1  # a lower-case particle is never the name's first word
    name_tokens = tokens[i:]
    role_tokens = tokens[:i]
    if not name_tokens or (role_tokens and _is_name_word(role_tokens[-1]) and not _is_title(role_tokens[-1])
                           and role_tokens[-1].lower() not in PLACES | CONNECTORS | set(HONORIFICS)
                           and not _role_word(role_tokens[-1])):
        return None
    gender = None
    while role_tokens and role_tokens[-1].lower() in HONORIFICS:
        gender = HONORIFICS[role_tokens[-1].lower()]
        role_tokens = role_tokens[:-1]
    role = " ".join(role_tokens).strip() or None
    if role and role.split()[-1].lower() in CONNECTORS:
        return None
    return Mention("name", s, name=" ".join(name_tokens), role=role, gender=gender)


def _nationality_surname(tokens: list[str], i: int) -> bool:
    """"Mark Cuban", "Jane English", "Tom French": a nationality word is the surname when it ends the run and a
    given name the lexicon knows stands just before it."""
    return i == len(tokens) and i >= 2 and tokens[i - 1] in NATIONALITY_WORDS \
        and given_name(tokens[i - 2]) is not None and not _is_title(tokens[i - 2])


def role_matches(noun: str, role: str | None) -> bool:
    """Whether a role noun (``"diplomat"``) can stand for someone introduced as ``role``."""
    if not role:
        return False
    r = role.lower()
    keys = ROLE_NOUNS.get(noun, (noun,))
    return any(k and k in r for k in keys)
