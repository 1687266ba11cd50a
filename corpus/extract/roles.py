"""Role-noun, organisation and document resolution.

"the Russian diplomat" to the person the article introduced with that role; "the ministry" or "MFA"
to the organisation it named; "the news release" to whoever the article said issued it. Two
candidates that fit, and the answer is nobody.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..names import name_shape
from .candidates import Candidates, Speaker
from .lexicon import ACRONYM_STOP, NATIONALITY_WORDS, ROLE_NOUNS
from .mentions import Mention, parse_mention, role_matches

_OWNER = re.compile(r"^(?:[Tt]he\s+)?(.+?)['’]s\s+")
# Words that name a kind of body, not one body: "the Ministry", "the Committee" mean whichever the article
# is about, and an article often names several.
_GENERIC_BODIES = frozenset({"ministry", "department", "committee", "commission", "agency", "office", "council",
                             "board", "court", "service", "fund", "institute", "foundation", "association",
                             "group", "union", "directorate", "secretariat"})
_MINISTER = re.compile(r"\b[Mm]inister\b")
# A headline of a message to someone ("Condolences to US President Donald Trump", "Congratulations to …",
# "… following the passing of …"): the people it names are the message's addressee or subject.
_ADDRESSED = re.compile(r"(?i)^\s*(?:condolences|message|messages|greetings?|congratulations|telegram|letter|"
                        r"birthday\s+greetings|new\s+year\s+greetings)\b")
_NAME_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}")
_TITLE_AHEAD = re.compile(r"(?:['’]s)?(?:\s+(?:President|Prime|Minister|Foreign|Chancellor|King|Queen|Premier|Leader|"
                          r"Emir|Sultan|Vice|Deputy|Acting|Chairman|Head|of|State|Government|counterpart)){1,4}(?:\s+|$)")
_OF_BEHIND = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})(?:,\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"
                        r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]+\s+){0,2}Republic\s+of\s+(?:the\s+)?)?$")
_TITLED_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][\w'’-]+)")


class RoleResolution(Candidates):
    """Role nouns, organisation nouns and document nouns to a speaker (mixed into
    :class:`.resolve.Tracker`)."""

    if TYPE_CHECKING:
        def _resolve(self, men: Mention, pos: int) -> Speaker | None: ...  # in .resolve.Tracker

    def _role(self, men: Mention, pos: int) -> Speaker | None:
        assert men.head
        head = men.head
        if self._introduced_unnamed(head, pos):
            return None
        if re.search(r"\band\b|&", men.surface):
            return None  # "The Russian President and the Polish Prime Minister agreed": two speakers
        # A greeting's or condolence's addressee, named in its headline, is not its author.
        addressed = _ADDRESSED.match(self.title) is not None
        known = [e for e in self.people() if e.pos < pos and not (addressed and e.pos < 0)]
        if self.last and self.last.kind == "person" and not (addressed and self.last.pos < 0):
            known.append(self.last)
        nations = _nations(men.role or "")
        qualifiers = {w.lower() for w in (men.role or "").split()} & _QUALIFIERS
        roles = {id(e): e.role or self._role_before(e.name, e.pos) for e in known}
        fits = {e.name for e in known if _holds(head, roles[id(e)], qualifiers) and _same_nation(nations, roles[id(e)])
                and all(q in (roles[id(e)] or "").lower() for q in qualifiers)}
        if nations:
            # "the Bulgarian President": someone the article calls Bulgarian; one whose role names no
            # country only when nobody else the article names is tied to that country.
            named = {n for n in fits if nations & _nations(self._role_of(n) or "")}
            fits = named or {n for n in fits if not self._other_of(nations, n, pos, head)}
        if head in {"head", "chief", "director", "chairman", "leader"} and men.role and _OF_BODY.search(men.role):
            # "the head of the Ministry of Foreign Affairs": the person whose role names that body (a bare
            # "the chairman" names none: a "Vice-chairman" is no chairman).
            body = men.role.lower()
            fits = {e.name for e in known if e.role and _same_body(body, e.role.lower())} or fits
        if len(fits) > 1 and self.last and self.last.name in fits:
            # "the premier" after Prime Minister Albanese spoke, with "NSW Premier Chris Minns" named: the one
            # whose role has the very word may be meant as well as the last speaker, so nobody.
            literal = {n for n in fits if _holds(head, self._role_of(n), qualifiers, literal=True)}
            if literal and self.last.name not in literal:
                return None
            fits = {self.last.name}
        if not qualifiers and not nations and head not in {"head", "chief", "director", "chairman"}:
            # "the President" with someone else of unknown role in the article ("Vladimir Putin sent
            # a message to President of China Xi Jinping … the President said"): that person may be it.
            unknown = {e.name for e in known if not e.role and " " in e.name} - fits
            if unknown or self._titled_other(fits, pos):
                return None
        if len(fits) == 1:
            name = fits.pop()
            return Speaker(name, "person", self._role_of(name) or men.role, 0.85, "title")
        return None

    def _role_before(self, name: str, pos: int) -> str | None:
        """The role words just before a name the candidate scan found without one: "Kremlin spokesman
        Dmitry Peskov was asked …" gives "Kremlin spokesman" (the scan keeps roles only of speakers)."""
        if pos < 0:
            return None
        words = self.folded[max(0, pos - 60):pos].split()
        for k in range(min(4, len(words)), 0, -1):
            tail = words[-k:]
            if any(w.endswith((",", ".", ";", ":")) for w in tail):
                continue
            men = parse_mention(" ".join([*tail, name]))
            if men and men.kind == "name" and men.name == name and men.role:
                return men.role
        return None

    def _other_of(self, nations: set[str], name: str, pos: int, head: str) -> bool:
        """Whether the headline or the text before ``pos`` ties one of ``nations`` to someone other
        than ``name``: a role that names it and holds the office ``head`` names, or a person's name
        just around the country or nationality word ("President Leonid Kuchma of Ukraine", "Jiang
        Zemin, President of China", "Bulgarian President Georgi Parvanov"). Such a person may be
        the one meant, and may be no candidate of ours (the name-shape reading missed them)."""
        for e in self.people():
            if e.pos < pos and self.canonical(e.name) != name and e.personal:
                role = self._role_of(self.canonical(e.name))
                if role and _nations(role) & nations and _holds(head, role, set()):
                    return True
        own = set(name.split())
        for text in (self.title, self.folded[:max(0, pos)]):
            for m in _NATION_WORD.finditer(text):
                if not _nations(m.group()) & nations:
                    continue
                before = re.split(r"[.;!?]\s|\n", text[max(0, m.start() - 80):m.start()])[-1]
                after = re.split(r"[.;!?]\s|\n", text[m.end():m.end() + 60])[0]
                # "Bulgarian President Georgi Parvanov", "Kyrgyzstan's President Askar Akayev"
                ahead = _TITLE_AHEAD.match(after)
                runs = [_NAME_RUN.match(after, ahead.end())] if ahead else []
                if ahead and runs[0] is None and text is self.title:
                    return True  # "… held a meeting with the Moldovan President": someone unnamed
                # "President Leonid Kuchma of Ukraine", "Jiang Zemin, President of the People's Republic of China"
                runs.append(_OF_BEHIND.search(before))
                for run in runs:
                    shape = name_shape(run.group("name") if "name" in run.groupdict() else run.group()) if run else None
                    if shape is not None and shape.kind == "person" and not set(shape.name.split()) & own:
                        return True
        return False

    def _titled_other(self, fits: set[str], pos: int) -> bool:
        """A person the article names only by title and surname, never in full ("Mr Putin noted …"),
        before a bare "the President": he may be it as well as whoever fits."""
        surnames = {n.split()[-1] for n in fits} | {e.name.split()[-1] for e in self.people() if " " in e.name}
        return any(m.group(1) not in surnames
                   for m in _TITLED_SURNAME.finditer(self.folded, max(0, pos - 3000), max(0, pos)))

    def _introduced_unnamed(self, head: str, pos: int) -> bool:
        """"“We could not agree,” one diplomat said … “This is not the end,” the diplomat added":
        an article that brought in someone unnamed with this noun ("a diplomat", "one diplomat",
        "an official") means them by "the diplomat" as likely as anyone it named."""
        if not head.isalpha():
            return False
        for m in re.finditer(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){{0,3}}{head}\b", self.folded[:max(0, pos)]):
            if not self._inside_reported(m.start()):
                return True
        return False

    def _org(self, men: Mention, pos: int) -> Speaker | None:
        orgs = self.orgs()
        if men.name:
            name = men.name
            longer = {e.name for e in orgs if e.name.endswith(" " + name)}
            if len(name.split()) == 1 and name.isupper():
                expanded = self._expand_acronym(name)
                name = expanded or name
            elif len(name.split()) == 1 and name.lower() in _GENERIC_BODIES:
                # "the Ministry" alone: the one ministry the article names, never a guess between
                # several, nor one named later while a minister spoke of his own just before.
                longer |= {e.name for e in orgs if e.pos < pos and e.name.startswith(name + " of ")}
                if len(longer) != 1 or (name.lower() == "ministry" and _MINISTER.search(
                        self.folded, max(0, pos - 400), max(0, pos))):
                    return None
                name = longer.pop()
            elif longer:
                name = max(longer, key=len)
            return Speaker(name, "organisation", None, 0.85, "organisation")
        earlier = [e for e in orgs if e.pos < pos and e.name.lower().split()[-1] == men.head]
        # "According to the Ministry" after "the Minister of Economic Development spoke": his ministry,
        # not the one the article named before; two such bodies, or a minister since, and it is unsaid.
        since = self.last.pos if self.last and self.last.kind == "organisation" else (earlier[-1].pos if earlier else 0)
        if men.head == "ministry" and _MINISTER.search(self.folded, max(0, since), max(0, pos)):
            return None
        if self.last and self.last.kind == "organisation" and self.last.name.lower().endswith(men.head or "~"):
            if any(e.pos > self.last.pos and e.name != self.last.name for e in earlier):
                return None
            return Speaker(self.last.name, "organisation", None, 0.85, "organisation")
        if len({e.name for e in earlier}) == 1:
            return self._org(Mention("org", earlier[-1].name, name=earlier[-1].name), pos)
        return None

    def _document(self, men: Mention, pos: int) -> Speaker | None:
        """"the news release reads" → whoever the article said issued it: "the ministry’s news
        release", "a statement by X". A greeting's addressee is never its author, so without such
        an owner the answer is the headline's organisation or nobody."""
        owner = _OWNER.match(men.surface)
        if owner:
            inner = parse_mention(owner.group(1)) or parse_mention("the " + owner.group(1))
            return self._resolve(inner, pos) if inner and inner.kind != "document" else None
        head = re.escape(men.head or "")
        found = None
        window = self.folded[max(0, pos - 3000):max(0, pos)]
        # Every reading below holds the noun itself: without it in the window (most often) none is tried.
        for m in () if (men.head or "") not in window else re.finditer(rf"(?P<a>[\w.'’ -]{{1,80}}?)['’]s\s+(?:[\w-]+\s+){{0,2}}{head}\b|"
                             rf"\b{head}\s+(?:issued\s+)?(?:by|from)\s+(?P<b>[\w.'’ -]{{1,80}})|"
                             rf"(?P<c>[\w.'’ -]{{1,80}}?)\s+(?:issued|published|released|posted|circulated|"
                             rf"distributed|sent)\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){{0,2}}{head}\b",
                             window):
            found = m
        if found:
            if found.group("b"):
                inner = _first_mention(found.group("b"))
            else:
                inner = _last_mention(found.group("a") or found.group("c"))
            if inner and inner.kind in {"name", "org", "role"}:
                return self._resolve(inner, pos)
            return None
        if self.default_org:
            return Speaker(self.default_org, "organisation", None, 0.85, "headline")
        return None

    def _expand_acronym(self, acronym: str) -> str | None:
        for e in self.orgs():
            initials = "".join(w[0] for w in e.name.split() if w.lower() not in ACRONYM_STOP)
            if initials.upper() == acronym and len(e.name.split()) > 1:
                # Prefer the article's usual short form when it names the same body.
                return e.name
        if acronym == "MFA":
            short = [e.name for e in self.orgs() if e.name.endswith("Foreign Ministry")]
            if short:
                return max(short, key=len)
        return None

# Words in a role noun that the person's introduced role must share ("the acting president").
_QUALIFIERS = {"acting", "deputy", "first", "former", "vice", "prime", "foreign", "defence", "defense",
               "finance", "interior", "justice", "health", "energy", "economy", "economic", "press",
               # sides and terms: "the visiting coach" is not the home coach, "the outgoing mayor" not the new one
               "visiting", "home", "away", "outgoing", "incoming", "interim", "caretaker"}
_OF_BODY = re.compile(r"\s(?:of|for)\s")


# Countries written in capitals or in two words, by the key of their nationality ("US" -> "amer").
_COUNTRY_CODES = {"US": "amer", "USA": "amer", "UK": "brit", "UAE": "emir", "PRC": "chin", "DPRK": "kore"}
_COUNTRY_PHRASES = re.compile(r"United\s+States|United\s+Kingdom|United\s+Arab\s+Emirates|South\s+Korea|"
                              r"North\s+Korea|Great\s+Britain")
_PHRASE_KEYS = {"united states": "amer", "united kingdom": "brit", "united arab emirates": "emir",
                "south korea": "kore", "north korea": "kore", "great britain": "brit"}
_COUNTRIES = frozenset(["America", "Britain", "England", "Scotland", "Wales", "Ireland", "France", "Germany", "China", "Japan", "Korea", "Belarus", "Ukraine", "Russia", "Syria", "Turkey", "Iran", "Israel", "Iraq", "Greece", "Netherlands", "Holland", "Switzerland", "Poland", "Sweden", "Denmark", "Finland", "Czechia", "Thailand", "Philippines", "Pakistan", "India", "Afghanistan", "Saudi", "Egypt", "Libya", "Lebanon", "Jordan", "Palestine", "Qatar", "Emirates", "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Armenia", "Azerbaijan", "Georgia", "Moldova", "Latvia", "Lithuania", "Estonia", "Hungary", "Romania", "Bulgaria", "Serbia", "Croatia", "Bosnia", "Slovakia", "Slovenia", "Austria", "Belgium", "Italy", "Spain", "Portugal", "Norway", "Iceland", "Canada", "Mexico", "Cuba", "Venezuela", "Brazil", "Argentina", "Chile", "Colombia", "Peru", "Bolivia", "Nicaragua", "Australia", "Vietnam", "Indonesia", "Malaysia", "Mongolia", "Nigeria", "Kenya", "Ethiopia", "Africa", "Europe", "Asia", "Chechnya", "Tatarstan", "Crimea", "Kurdistan", "Abkhazia", "Ossetia", "Sudan", "Algeria", "Morocco", "Tunisia", "Angola", "Mozambique", "Cyprus", "Malta", "Luxembourg", "Monaco", "Montenegro", "Macedonia", "Albania", "Ecuador", "Uruguay", "Paraguay", "Laos", "Cambodia", "Myanmar", "Singapore", "Bangladesh"])
# Keys (a nationality's first four letters) for countries whose name starts otherwise ("France" -> "fren").
_NATION_KEYS = {"fran": "fren", "neth": "dutc", "holl": "dutc", "engl": "brit", "swit": "swis", "pola": "poli",
                "spai": "span", "denm": "dani", "finl": "finn", "irel": "iris", "phil": "fili", "czec": "czec",
                "aust": "aust", "wale": "wels", "saud": "saud", "emir": "emir", "amer": "amer"}
_AUSTRALIA = frozenset(["Australia", "Australian"])
_NATION_WORD = re.compile(r"\b(?:" + "|".join(sorted(_COUNTRIES | NATIONALITY_WORDS, key=len, reverse=True))
                          + r"|United\s+States|United\s+Kingdom|US|USA|UK)\b")


def _nations(text: str) -> set[str]:
    """The countries ``text`` names, as the first four letters of their nationality: "Bulgarian
    President" and "President of Bulgaria" both {"bulg"}; "US President" {"amer"}."""
    out = {_PHRASE_KEYS[" ".join(m.group().lower().split())] for m in _COUNTRY_PHRASES.finditer(text)}
    text = _COUNTRY_PHRASES.sub(" ", text)
    for w in re.findall(r"\b[A-Z][a-z]+|\b[A-Z]{2,4}\b", text):
        if w in _COUNTRY_CODES:
            out.add(_COUNTRY_CODES[w])
        elif w in _AUSTRALIA:
            out.add("astl")  # not Austria's
        elif w in NATIONALITY_WORDS or w in _COUNTRIES:
            key = w[:4].lower()
            out.add(_NATION_KEYS.get(key, key))
    return out


def _same_nation(nations: set[str], role: str | None) -> bool:
    """"the Russian President" fits a "President" or a "President of Russia", never a "President of France"
    nor a "US President"."""
    if not nations:
        return True
    countries = _nations(role or "")
    return not countries or bool(countries & nations)


def _holds(noun: str, role: str | None, qualifiers: set[str], literal: bool = False) -> bool:
    """Whether someone introduced as ``role`` holds the office ``noun`` names: a whole word of the role's
    head, never of its complement ("Administrative Board of the President", "Presidential Aide" are no
    presidents) nor a deputy's or vice's office unless the mention says so ("Vice President"). ``literal``:
    by the noun itself, not a synonym ("Premier", not "Prime Minister", for "the premier")."""
    if not role_matches(noun, role):
        return False
    head = re.split(r"\s(?:of|for|at|to|in|on)\s", (role or "").lower(), maxsplit=1)[0]
    for key in (noun,) if literal else ROLE_NOUNS.get(noun, (noun,)):
        if not key:
            return True  # "official": anyone
        # "spokes" stands for spokesman, spokeswoman, spokesperson (lexicon.ROLE_NOUNS): a stem, not a word
        ending = "(?:man|woman|person|men|women|people)" if key == "spokes" else "s?"
        for m in re.finditer(rf"(?<![\w-]){re.escape(key)}{ending}(?![\w-])", head):
            before = head[:m.start()].split()
            if before and before[-1] in {"vice", "deputy"} and before[-1] not in qualifiers:
                continue
            return True
    return False


def _first_mention(text: str) -> Mention | None:
    """The speaker at the start of ``text`` ("by the Foreign Ministry on Monday" → Foreign Ministry)."""
    words = text.split()
    for k in range(min(len(words), 8), 0, -1):
        men = parse_mention(" ".join(words[:k]))
        if men:
            return men
    return None


def _last_mention(text: str) -> Mention | None:
    """The speaker at the end of ``text`` ("as follows from the ministry" → the ministry)."""
    words = text.split()
    for k in range(min(len(words), 8), 0, -1):
        tail = words[-k:]
        if tail[0][:1].isupper() or tail[0].lower() in {"the", "a", "an"}:
            men = parse_mention(" ".join(tail))
            if men:
                return men
    return None


def _same_body(phrase: str, role: str) -> bool:
    """"the head of the Ministry of Foreign Affairs" vs a "Foreign Minister"."""
    words = {w for w in re.findall(r"[a-z]+", phrase) if w not in {"the", "of", "head", "chief", "and"}}
    words = {"minister" if w in {"ministry", "ministries"} else w for w in words}
    words -= {"affairs"}
    role_words = set(re.findall(r"[a-z]+", role))
    return bool(words) and words <= role_words | {"russian", "russia"}

