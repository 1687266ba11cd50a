"""The speaker before a speech verb: the longest tail of the words before it that parses as a mention,
the named person before an appositive ("Johnnie Wilson, 59, of Springfield, Va.,"), or a subject no
name is read from (a group, "who", a poll's respondents), kept so its report is stored unattributed.
"""

from __future__ import annotations

import re

from ..names import role_word
from .clauses import _FINITE
from .lexicon import GROUP_NOUNS, ORG_HEADS, PERSON_NOUNS, words
from .mentions import Mention, parse_mention

_ADV_WORDS = set(words("also then later further again once previously earlier recently repeatedly has had have was "
                 "were would will quickly firmly specifically particularly separately additionally subsequently "
                 "reportedly publicly bluntly simply even however now often still just already long privately "
                 "initially originally first frequently openly explicitly flatly clearly falsely wrongly "
                 "correctly boldly together all both"))
# Time and occasion between a subject and its verb: "The Times on Saturday wrote", "Police last week said".
_SUBJECT_TIME = re.compile(
    r"\s+(?:(?:on|last|this|next|earlier|late|early)\s+(?:\w+day|week|month|year|night|morning|evening|afternoon|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?|"
    r"today|yesterday|tonight|in\s+(?:a|an|his|her|its|their)\s+(?:statement|interview|letter|speech|"
    r"tweet|post|report|filing|release))$")


_ABBREV_WORD = re.compile(r"^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Rev|Jr|Sr|Prof|Capt|No|Co|Inc|Corp|"
                          r"Ltd|U\.S|U\.K|U\.N)\.$")


def mention_from(text: str) -> Mention | None:
    """The speaker at the end of ``text`` (the words before a cue): the longest tail that parses.

    "In an interview, Russian Foreign Minister Igor Ivanov" gives Igor Ivanov; "Johnnie Wilson, of
    Springfield, Va.," gives Johnnie Wilson; a tail that is the object of a preposition ("the wife of
    Putin") is no speaker; "Police officials" is a speaker nobody can name (kept unattributed).
    """
    words = text.replace("—", ",").replace("–", ",").split()
    # Only the current sentence: "… out at sea. Jeff Rathke," starts again after "sea.".
    for k in range(len(words) - 2, -1, -1):
        w = words[k]
        if w[-1:] in ".!?" and len(w) > 3 and not _ABBREV_WORD.match(w) and words[k + 1][:1].isupper():
            words = words[k + 1:]
            break
    # Nor the words before a colon: "From our reporter in Tai O: Fisherman Wong Kwok-keung, 71, says …"
    colon = max((k for k, w in enumerate(words[:-1]) if w.endswith(":") and not w[:-1].isdigit()), default=-1)
    words = words[colon + 1:]
    if words and words[-1].endswith(","):
        return _before_appositive(words)
    for k in range(min(len(words), 9), 0, -1):
        tail = words[-k:]
        if "," in " ".join(tail[1:]) or tail[0].endswith(","):
            continue
        first = tail[0].lower()
        if not tail[0][:1].isupper() and first not in {"the", "a", "an", "he", "she", "they"}:
            continue
        before = words[-k - 1].lower() if k < len(words) else ""
        clause_and = before in {"and", "but"} and k + 1 < len(words) and words[-k - 2].endswith(",")
        if before in _PLACE_OF:
            if all(w[:1].isupper() for w in tail):
                return None  # the place's name, or any shorter tail of it ("Aires")
            continue
        if (before in _OBJECT_OF and not clause_and) or before.endswith(("'s", "’s")):
            # the object of "of / and / with …" is no speaker, nor any shorter tail of it; ", and he
            # added" opens a clause of its own
            return None
        men = parse_mention(" ".join(tail))
        if men:
            if k == 1 and men.kind == "name" and before[:1] and _unreadable_title(words[-2], tail[0]):
                # "Her husband, Dean Walsh, added": "Dean" is a given name or a dean's title; read as a title
                # the bare surname went to another Walsh. Unnamed, with the words kept as evidence.
                return Mention("role", f"{words[-2]} {tail[0]}")
            return men
    if words and words[-1].lower() in GENERIC_SPEAKERS and (len(words) < 2 or words[-2].lower() not in _OBJECT_OF):
        return Mention("role", words[-1])
    return None


def _unreadable_title(word: str, surname: str) -> bool:
    """A capitalised occupation just before a surname that it cannot title ("Dean Walsh", "Coach Berg"
    when no lexicon makes "Coach" a personal title): the pair may be a given name and a surname."""
    return word[:1].isupper() and not word.endswith(",") and role_word(word) \
        and parse_mention(f"{word} {surname}") is None


# Speakers an article does not name: their reported speech is kept, unattributed.
GENERIC_SPEAKERS = set(words(
    "officials official police sources source experts analysts authorities aides aide lawyers attorneys "
    "residents witnesses critics supporters observers diplomats reports investigators prosecutors "
    "researchers economists scientists spokesman spokeswoman spokesperson representatives"))


_KIN_PHRASE = re.compile(r"^(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Mm]y|[Oo]ur|[Ii]ts|[Oo]ne|[Aa]nother)\s+[\w'’-]+(?:\s+[\w'’-]+){0,8}$")


def _before_appositive(words: list[str]) -> Mention | None:
    """"Johnnie Wilson, 59, of Springfield, Va.," → the named person before the appositives."""
    segments = [seg.strip() for seg in " ".join(words[-45:]).split(",")]
    filled = [seg for seg in segments if seg]
    if len(filled) >= 2 and _KIN_PHRASE.match(filled[-2]):
        # "His father, Anders Holm," / "The company's founder, Olga Petrova,": the name in apposition.
        men = parse_mention(filled[-1])
        if men and men.kind == "name" and men.name and " " in men.name:
            return men
    found = None
    described: set[int] = set()  # segments that describe a name before them: never a name themselves
    for i, seg in enumerate(segments[:-1]):
        nxt = segments[i + 1]
        # An appositive describes: it opens in lower case or with a number or article, is one or
        # two words ("59", "Va."), or has a lower-case role word in it ("USI associate professor").
        if not nxt or not (nxt[0].islower() or nxt[0].isdigit() or len(nxt.split()) <= 2
                           or nxt.split()[0] in {"The", "A", "An"}
                           or nxt.split()[0].lower() in {"democrat", "republican", "independent", "chairman",
                                                         "chairwoman", "head", "director", "member"}
                           or any(w[:1].islower() and w not in {"of", "the", "and", "for", "at", "in"}
                                  for w in nxt.split())):
            continue
        if i in described:
            # "Brant Robertson of the University of California, Santa Cruz, a co-author,": the place
            # describes the university, it is not a second person.
            continue
        men = mention_from(seg) if seg and not seg.endswith(",") else None
        if men and men.kind == "name":
            found = men
            described.add(i + 1)
    if found is None and len(filled) >= 2 and filled[0][:1].isupper():
        # "A White House official, who requested anonymity, said": someone the article does not name.
        ws = filled[0].split()
        if len(ws) <= 6 and _unnamed_head(ws[-1].lower()) and _np_start(ws, len(ws) - 1) == "subject":
            return Mention("role", ws[-1])
    return found


_OBJECT_OF = {"of", "for", "to", "with", "by", "and", "or", "from", "than", "about", "against", "like", "at"}
# "An official in Buenos Aires said": a place after a preposition is no speaker; a shorter tail may be
# ("At the ceremony in the Palace the Russian head of state recalled …").
_PLACE_OF = {"in", "near", "inside", "outside"}


_BRACKETED = re.compile(r"\([^()]{0,200}\)")


def subject_before(text: str, end: int) -> tuple[Mention, int] | None:
    """The speaker mention that ends at ``end`` (adverbs such as "also" skipped) and its offset."""
    start = max(0, end - 260)  # room for a relative clause: "X, who as a Navy captain was …, said"
    # Words in brackets are never the subject: "The committee (like its former chair Osman Delic, who called
    # the plan …) has argued …" is the committee's report, "Dana Reyes (D-NM) said" Reyes's.
    before = _BRACKETED.sub(" ", text[start:end]).rstrip()
    for _ in range(2):
        t = _SUBJECT_TIME.search(before)
        before = before[:t.start()].rstrip() if t else before
        words = before.split()
        while words and words[-1].lower() in _ADV_WORDS:
            words.pop()
        before = " ".join(words)
    if not words or words[-1].endswith(("'s", "’s", "'", "’")):
        return None  # "Trump's comments came …": a possessive is no subject, the cue is a noun
    men = mention_from(" ".join(words)) or _relative_or_group(words) or _plural_np(words)
    if not men:
        return None
    first = men.surface.split()[0]
    pos = text.rfind(first, start, end)
    return men, (pos if pos >= 0 else start)


def _relative_or_group(words: list[str]) -> Mention | None:
    """A subject no name is read from, kept as an unnamed speaker so its report is stored unattributed.

    "Many lawmakers say …", "Several cast members said …": a group (GROUP_NOUNS). "…, who said …":
    the relative pronoun stands for the name just before its comma ("Mr. Kamin, who emphasized"),
    with "who" as the evidence; any other antecedent ("an architect who said") names nobody.
    """
    last = words[-1].lower().strip(",")
    if last == "who" and words[-1] == "who":
        ante = _antecedent(words[:-1]) if len(words) >= 2 and words[-2].endswith(",") else None
        if ante and ante.name:
            return Mention("name", "who", ante.name, ante.role, ante.gender, ante.head)
        return Mention("role", "who")
    if last == "whom" and len(words) >= 3 and words[-2].lower() == "of":
        return Mention("role", words[-1])  # "many of whom say …": the people just named, unnamed
    share = len(words) >= 3 and _SHARE.match(words[-1].lower()) and words[-2].lower() in {"in", "of"} and bool(
        _SHARE.match(words[-3].lower()) or words[-3].lower() == "out")  # "4 in 10", "nine out of 10"
    if (last in _QUANTITIES and not words[-1].endswith(",") or share) \
            and (len(words) < 2 or words[-2].lower() not in _OBJECT_OF or share):
        return Mention("role", words[-1])  # "Another 19 percent said", "Most say": poll respondents
    if last == "it" and words[-1] in {"it", "It"} and (len(words) < 2 or words[-2].lower() not in _OBJECT_OF):
        return Mention("role", words[-1])  # "It says the campaign violated …": an organisation or document
    # The head noun of an unnamed subject, possibly before a phrase ("A spokeswoman for Hillary
    # Clinton", "Political observers in Virginia", "The Committee for a Responsible Federal Budget").
    for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
        w = words[i].lower().strip(",")
        if words[i].endswith(",") and i < len(words) - 1:
            break
        if _unnamed_head(w) and (i == len(words) - 1 or words[i + 1].lower() in _HEAD_PHRASE):
            start = _np_start(words, i)
            if start == "object":
                continue  # "the wife of a local lawyer": the object of a phrase; the head is before it
            return Mention("role", words[i]) if start == "subject" else None
    return None


_CLAUSE_OPENERS = set(words("though although but and because if when while as after before since that so yet or "
                            "then however meanwhile still now"))
_DETERMINERS = set(words("the a an his her their its our my this that these those"))


def _np_start(words: list[str], head: int) -> str:
    """Whether the noun phrase ending in ``words[head]`` opens its clause ("subject": at the start, after
    a comma or a conjunction), follows a verb ("His team thanked the farmers": "none") or a
    preposition ("object")."""
    j = head
    while j > 0 and head - j < 5:
        prev = words[j - 1]
        low = prev.lower()
        if prev.endswith((",", ";", ":", "—")) or low in _CLAUSE_OPENERS:
            return "subject"
        if low in _OBJECT_OF:
            return "object"
        if (low in _FINITE or low.endswith(("ed", "s"))) and words[j].lower() in _DETERMINERS:
            return "none"  # "thanked the farmers": an object after its verb
        j -= 1
    return "subject" if j == 0 else "none"


_SHARE = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)$")  # "4 in 10", "one in five"
_QUANTITIES = set(words("percent majority minority half third quarter most many some others several few both "
                         "everyone everybody someone somebody"))
_HEAD_PHRASE = {"for", "of", "in", "at", "from", "with", "to", "on", "close"}


def _unnamed_head(w: str) -> bool:
    """A noun for people or a body that names nobody: "lawyer", "members", "team", "committee"."""
    sing = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else w
    return w in GROUP_NOUNS or w in _QUANTITIES or any(x in PERSON_NOUNS or x in ORG_HEADS or x in _MORE_PEOPLE
                                                       for x in {w, sing})


# People nouns the shared lists lack, for unnamed subjects only ("Romney's associates said").
_MORE_PEOPLE = set(words("associate ally family insider confidant loyalist backer donor opponent rival delegate "
                         "respondent participant author executive administrator negotiator mediator "
                         # the press reports too ("The newspaper reported that …"): unnamed, kept unattributed
                         "newspaper magazine broadcaster outlet website publication tabloid"))


def _antecedent(words: list[str]) -> Mention | None:
    """The person a ", who" clause describes: the name just before the comma, whatever its role in
    its own clause ("praised by Pavel Orlov, who said"), unless it is one of two ("the wife of X, who",
    "X and Y, who")."""
    words = [*words[:-1], words[-1].rstrip(",")]
    for k in range(min(len(words), 6), 0, -1):
        tail = words[-k:]
        if not tail[0][:1].isupper() or any(w.endswith(",") for w in tail):
            continue
        if k < len(words) and words[-k - 1].lower() in {"of", "and", "or", "nor"}:
            return None
        men = parse_mention(" ".join(tail))
        if men and men.kind == "name":
            return men
    return None


_NP_BOUNDARY = set(words("and but while as so yet or nor because though although when if"))
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ics|ws|ous|news|series|species)$")
_NP_WORD = re.compile(r"^(?:[a-z][a-z'’-]*|[A-Z][a-z'’-]+|\d[\d,.]*%?|[A-Z]{2,})$")
_GROUP_NAME = re.compile(r"^[A-Z][a-z]+(?:ans|ats|ists)$")  # "Democrats", "Republicans", "Americans"


def _plural_np(words: list[str]) -> Mention | None:
    """A plural noun phrase that opens its clause and names nobody ("Social conservatives say", "Some
    Republican strategists said", "85% of Democrats said"): its report is kept, unattributed. A
    capitalised plural only after a word before it ("Many Democrats"), never alone ("Evans")."""
    np: list[str] = []
    for w in reversed(words):
        if w.endswith((",", ";", ":", "—")) or w.lower() in _NP_BOUNDARY:
            break
        np.insert(0, w)
        if len(np) > 6:
            return None  # no clause boundary within reach: not a subject read this way
    if not np:
        return None
    head = np[-1]
    low = head.lower()
    plural = (head[:1].islower() and low.endswith("s") and not _NOT_PLURAL.search(low)) or low in {
        "people", "percent"} or head.endswith("%") or (len(np) >= 2 and bool(_GROUP_NAME.match(head)))
    if not plural or any(not _NP_WORD.match(w) or w.lower() in _FINITE or w.lower().endswith("ly")
                         or w.lower() in _OBJECT_OF - {"of"} for w in np):
        return None
    return Mention("role", head)
