"""Role-noun, organisation and document resolution.

"the Russian diplomat" to the person the article introduced with that role; "the ministry" or "MFA"
to the organisation it named; "the news release" to whoever the article said issued it. Two
candidates that fit, and the answer is nobody.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidates import Candidates, Speaker
from .lexicon import ACRONYM_STOP, NATIONALITY_WORDS
from .mentions import Mention, parse_mention, role_matches

_OWNER = re.compile(r"^(?:[Tt]he\s+)?(.+?)['’]s\s+")
# Words that name a kind of body, not one body: "the Ministry", "the Committee" mean whichever the article
# is about, and an article often names several.
_GENERIC_BODIES = frozenset({"ministry", "department", "committee", "commission", "agency", "office", "council",
                             "board", "court", "service", "fund", "institute", "foundation", "association",
                             "group", "union", "directorate", "secretariat"})
_MINISTER = re.compile(r"\b[Mm]inister\b")


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
        known = [e for e in self.people() if e.pos < pos]
        if self.last and self.last.kind == "person":
            known.append(self.last)
        nations = {w[:4].lower() for w in (men.role or "").split() if w in NATIONALITY_WORDS}
        qualifiers = {w.lower() for w in (men.role or "").split()} & _QUALIFIERS
        fits = {e.name for e in known if role_matches(head, e.role) and _same_nation(nations, e.role)
                and all(q in (e.role or "").lower() for q in qualifiers)}
        if head in {"head", "chief", "director", "chairman", "leader"} and men.role:
            # "the head of the Ministry of Foreign Affairs": the person whose role names that body.
            body = men.role.lower()
            fits = {e.name for e in known if e.role and _same_body(body, e.role.lower())} or fits
        if len(fits) > 1 and self.last and self.last.name in fits:
            fits = {self.last.name}
        if not qualifiers and not nations and head not in {"head", "chief", "director", "chairman"}:
            # "the President" with someone else of unknown role in the article ("Vladimir Putin sent
            # a message to President of China Xi Jinping … the President said"): that person may be it.
            unknown = {e.name for e in known if not e.role and " " in e.name} - fits
            if unknown:
                return None
        if len(fits) == 1:
            name = fits.pop()
            return Speaker(name, "person", self._role_of(name) or men.role, 0.85, "title")
        return None

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
        for m in re.finditer(rf"(?P<a>[\w.'’ -]{{1,80}}?)['’]s\s+(?:[\w-]+\s+){{0,2}}{head}\b|"
                             rf"\b{head}\s+(?:issued\s+)?(?:by|from)\s+(?P<b>[\w.'’ -]{{1,80}})|"
                             rf"(?P<c>[\w.'’ -]{{1,80}}?)\s+(?:issued|published|released|posted|circulated|"
                             rf"distributed|sent)\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){{0,2}}{head}\b",
                             self.folded[max(0, pos - 3000):max(0, pos)]):
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
               "finance", "interior", "justice", "health", "energy", "economy", "economic", "press"}
# Irregular country names for a nationality's first four letters ("French" -> France).
_NATION_ALIASES = {"fren": "fran", "brit": "brit", "dutc": "neth", "engl": "brit", "amer": "unit", "swis": "swit"}


def _same_nation(nations: set[str], role: str | None) -> bool:
    """"the Russian President" fits a "President" or a "President of Russia", never a "President of France"."""
    if not nations:
        return True
    words = [w.lower() for w in re.findall(r"[A-Z][a-z]+", role or "")]
    countries = {w[:4] for w in words if w[:4] not in {"pres", "mini", "prim", "fore", "depu", "secr"}}
    if not countries:
        return True
    return any(n in countries or _NATION_ALIASES.get(n) in countries for n in nations)


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

