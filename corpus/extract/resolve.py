"""Turn a mention into a speaker, within one article.

A surname or "Mr Lavrov" becomes the full name the article introduced; a pronoun the most
recent compatible person; a role noun ("the Russian diplomat") the person introduced with that
role; an organisation noun ("the ministry") or a document noun ("the news release") the
organisation the article named. When two candidates fit, the answer is ``None``: an
unattributed quote is acceptable, a misattributed one is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ..names import given_name
from .lexicon import ACRONYM_STOP, CUE, DOCUMENT_NOUNS, NATIONALITY_WORDS, ORG_HEADS, PASSIVE_BEFORE, PERSON_NOUNS
from .mentions import Mention, parse_mention, role_matches

# A titled or plain full name: up to seven capitalised words, ending in a first name and a surname.
# A capitalised run (with "of the" inside: "President of Russia Vladimir Putin"); parse_mention
# splits it into a role and a name.
_RUN = re.compile(r"[A-Z][\w.'’-]*(?: +(?:(?:of|the|for) +)*[A-Z][\w.'’-]*)+")  # never across lines
_RUN_LEAD = re.compile(r"^(?:(?:The|A|An|In|On|At|But|And|As|When|While|After|Before|According|If|This|That|"
                       r"Then|So|Yet|Also|During|For|With|From|Since|Under|Meanwhile|However|Today|Yesterday)\s+)+")
_ORG = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?){0,6}(?:"
    + "|".join(sorted((h.capitalize() for h in ORG_HEADS if h.isalpha() and len(h) > 3), key=len, reverse=True))
    + r")\b(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
)
_OWNER = re.compile(r"^(?:[Tt]he\s+)?(.+?)['’]s\s+")
_TITLED = re.compile(r"(?i)\b(?:president|minister|premier|chancellor|king|queen|governor|mayor|senator|"
                     r"general|ambassador|secretary|patriarch|chairman|director|spokesman|spokeswoman)\b")
# A run never crosses a sentence end: "… Foreign Ministers. Such meetings" is two runs.
_RUN_SPLIT = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bGen)(?<!\bGov)(?<!\bSen)"
                        r"(?<!\bRep)(?<![\s.][A-Z])\.\s+")


def _pieces(run: str, at: int) -> list[tuple[str, int]]:
    out, pos = [], 0
    for m in _RUN_SPLIT.finditer(run):
        out.append((run[pos:m.start()], at + pos))
        pos = m.end()
    out.append((run[pos:], at + pos))
    return [(r, a) for r, a in out if " " in r.strip() or r[:1].isupper()]


_BOUNDARY = re.compile(r"[.!?\n][\"”»’)]?\s+")
_ADVERBS_AFTER = re.compile(r"(?:\s+(?:also|then|later|again|once|still|already|even|just|further|earlier|"
                            r"previously|has|had|have|was|is|would|will|could|did|does|\w+ly))+\s*$")
_POSSESSIVE_NAME = re.compile(r"\b([A-Z][a-z]+)(?:['’]s|(?<=s)['’])(?!\w)")
# Words that name a kind of body, not one body: "the Ministry", "the Committee" mean whichever the article
# is about, and an article often names several.
_GENERIC_BODIES = frozenset({"ministry", "department", "committee", "commission", "agency", "office", "council",
                             "board", "court", "service", "fund", "institute", "foundation", "association",
                             "group", "union", "directorate", "secretariat"})
_LAST_SENTENCE = re.compile(r"\n|[.!?][\"”»’)]*\s+(?=[A-Z\"“«])")
_KIN_BEFORE = re.compile(r"\b(?:brother|sister|father|mother|son|daughter|wife|husband|cousin|uncle|aunt|"
                         r"grandfather|grandmother|grandson|granddaughter|nephew|niece|twin|widow|widower|"
                         r"stepfather|stepmother|stepson|stepdaughter|dad|mum|mom)s?\b[,\s]*(?:\w+\s+)?$", re.I)
# A capitalised word just before a surname ("Mr Smith", "Senator Smith", "Tom Smith"): a title or a given
# name, so the surname is not used bare.
_TITLE_BEFORE_SURNAME = re.compile(r"\b[A-Z][a-z]+\.?\s+$")
# Lines of site furniture that name people who say nothing in the story.
_FURNITURE_LINE = re.compile(
    r"^\s*(?:By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}(?:\s*(?:,|and|&)\s*.{0,60})?\s*$|"
    r"(?:Read\s+more|Related|See\s+also|Watch|Listen|More|Pictured|Photo(?:graph)?s?|Pictures?|Words|Image|"
    r"Credit|Video)\s*:|"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3},\s*(?:[\w-]+\s+){0,3}(?:correspondent|reporter|editor|writer)\s*$)|"
    r"\b(?:contributed(?:\s+(?:to\s+)?(?:this\s+)?(?:reporting|report|story))?|reporting\s+by|editing\s+by)\b[^.]{0,80}[.]?\s*$",
    re.IGNORECASE)
_MINISTER = re.compile(r"\b[Mm]inister\b")
_SPEECH_ACT = re.compile(rf"\b(?:{CUE}|(?P<according>[Aa]ccording\s+to))\b")
_UNNAMED_NP = re.compile(r"^(?P<det>[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.-]*['’]s)\s+"
                         r"(?P<mods>(?:[\w'’-]+\s+){0,3})(?P<head>[a-z][a-z-]*[a-z])"
                         r"(?:\s+(?:at|of|for|from|in|with|on|to)\s+[^,;:]{1,60})?$")
_ANONYMOUS = re.compile(r"\b(?:not\s+to\s+be\s+(?:named|identified)|anonymity|anonymously|unnamed|"
                        r"not\s+authori[sz]ed\s+to)\b")
_NOT_PEOPLE = frozenset({"paper", "computer", "number", "poster", "chapter", "matter", "order", "counter",
                         "error", "sector", "factor", "centre", "center", "moment", "element", "comment",
                         "argument", "agreement", "document", "statement", "government", "parliament",
                         "department", "movement", "management", "amendment", "tournament", "event",
                         "content", "percent", "monitor", "tower", "power", "water", "weather", "winter",
                         "summer", "letter", "newsletter", "filter", "register", "answer", "committee"})
_QUOTE_MARKS = re.compile(r"[\"“”«»]")


def _subject_position(text: str, pos: int) -> bool:
    """Whether a name at ``pos`` opens its sentence: after at most three lower-case words
    ("Regional engineer Anna Berg") or an introductory phrase closed by a comma."""
    window = text[max(0, pos - 120):pos]
    cut = None
    for found in _BOUNDARY.finditer(window):
        cut = found
    lead = window[cut.end():] if cut else (window if pos <= 120 else None)
    if lead is None:
        return False
    return not lead.strip() or lead.rstrip().endswith(",") or (len(lead.split()) <= 3 and "," not in lead)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str  # "person" | "organisation"
    role: str | None
    confidence: float
    resolution: str = "name"  # how the mention became this speaker (corpus.models.Resolution)


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str
    role: str | None
    gender: str | None
    pos: int
    subject: bool = False
    named: bool = True  # False: an unnamed human ("the father", "a ministry official")
    personal: bool = True  # reads as a person: a known given name, a title, an honorific, or a speaker


def _unnamed_person(subject: str, sentence: str = "") -> bool:
    """"an agent", "Ortega's agent", "one longtime aide": a person the article does not name.

    A definite "the senator" usually stands for someone the article has named, so it counts
    only when the sentence says the person is anonymous ("the agent, who asked not to be named")."""
    m = _UNNAMED_NP.match(subject)
    if not m:
        return False
    possessive = m.group("det").lower() not in {"the"} or "'" in m.group("mods") or "’" in m.group("mods")
    if not possessive and not _ANONYMOUS.search(sentence):
        return False
    head = m.group("head").lower()
    if head in ORG_HEADS or head in DOCUMENT_NOUNS or head in _NOT_PEOPLE:
        return False
    # The subject of a speech verb that is no organisation, document or group is a person.
    return not (head.endswith("s") and not head.endswith("ss"))


def _surname(name: str) -> str:
    return name.split()[-1]


class Tracker:
    """The people and organisations one article has introduced so far."""

    def __init__(self, folded: str, title: str | None, content: list[tuple[int, int]] | None = None) -> None:
        self.folded = folded
        self.title = title or ""
        # The article's own lines (corpus.extract.layout): a name in a photo credit, a byline, a
        # "Read more:" link or a caption is nobody's antecedent.
        self.content = content
        self._people: list[_Entity] | None = None
        self._orgs: list[_Entity] | None = None
        self.last: _Entity | None = None  # the most recent speaker
        self.default_org: str | None = None  # from a headline attribution ("… — MFA")
        # Every speech-act subject met so far, named or not ("a ministry official said"), in order:
        # the antecedents a later pronoun may take, and the unnamed humans it must not jump over.
        self.history: list[_Entity] = []
        # Spans already stored as quotes: a name inside reported content is nobody's antecedent.
        self.reported: list[tuple[int, int]] = []
        self._canon: dict[str, str] | None = None

    # -- lazy scans of the whole article (only run when a mention needs them) -------------------
    def people(self) -> list[_Entity]:
        if self._people is None:
            self._people = []
            for source, offset in ((self.title, -1), (self.folded, 0)):
                for m in _RUN.finditer(source):
                    if offset == 0 and not self._story(m.start()):
                        continue
                    for piece in _pieces(m.group(), m.start()):
                        self._scan_run(source, offset, *piece)
            # "Mr Putin" / "President Putin" stand for the one full name with that surname.
            full: dict[str, set[str]] = {}
            for e in self._people:
                if " " in e.name:
                    full.setdefault(_surname(e.name), set()).add(e.name)
            for e in self._people:
                names = full.get(e.name) if " " not in e.name else None
                if names and len(names) == 1:
                    only = next(iter(names))
                    if e.gender is None or _guess_gender(only) in {None, e.gender}:
                        e.name = only
        return self._people

    def _story(self, pos: int) -> bool:
        """Whether ``pos`` is in the story's own words: a content line that is no byline, credit,
        caption or link to another story."""
        if self.content is not None and not any(s <= pos < e for s, e in self.content):
            return False
        start = self.folded.rfind("\n", 0, pos) + 1
        end = self.folded.find("\n", pos)
        line = self.folded[start:end if end >= 0 else None]
        return not _FURNITURE_LINE.search(line)

    def _scan_run(self, source: str, offset: int, run: str, at: int) -> None:
        assert self._people is not None
        lead = _RUN_LEAD.match(run)
        start = at + (lead.end() if lead else 0)
        men = parse_mention(run[lead.end():] if lead else run)
        if not men or men.kind != "name" or not men.name:
            return
        if " " not in men.name and not men.gender and not (men.role and _TITLED.search(men.role)):
            return  # a bare word is a person only after "Mr" or a title ("President Putin")
        pos = offset if offset < 0 else start
        # Only a run that reads as a person (a known given name, a title or an honorific) can be
        # a pronoun's antecedent: "Easy Rider" or "Campbell Soup" is no "he". Any full name can
        # still expand a surname the article uses later.
        personal = bool(men.role or men.gender or given_name(men.name.split()[0]))
        subj = offset >= 0 and _subject_position(source, start)
        self._people.append(_Entity(men.name, "person", men.role, men.gender, pos, subj, personal=personal))

    def orgs(self) -> list[_Entity]:
        if self._orgs is None:
            self._orgs = []
            for source, offset in ((self.title, -1), (self.folded, 0)):
                for m in _ORG.finditer(source):
                    name = re.sub(r"^(?:The|A)\s+", "", m.group()).strip()
                    name = re.sub(r"['’]s?$", "", name)
                    if name:
                        self._orgs.append(_Entity(name, "organisation", None, None,
                                                  offset if offset < 0 else m.start()))
        return self._orgs

    # -- resolution -------------------------------------------------------------------------------
    def resolve(self, men: Mention, pos: int) -> Speaker | None:
        sp = self._resolve(men, pos)
        if sp:
            gender = men.gender or (_guess_gender(sp.name) if sp.kind == "person" else None)
            self.last = _Entity(sp.name, sp.kind, sp.role, gender, pos, True)
            if pos >= 0:
                self.history.append(self.last)
        elif pos >= 0 and men.kind in {"role", "name"}:
            # A speaker nobody can name ("a ministry official said"): a later "he" may be this
            # person, so no pronoun may reach past it to an earlier name.
            self.history.append(_Entity(men.surface, "person", men.role, men.gender, pos, True, named=False))
            self.last = None
        return sp

    def note_quote(self, start: int, end: int) -> None:
        self.reported.append((start, end))

    def _resolve(self, men: Mention, pos: int) -> Speaker | None:
        if men.kind == "name" and men.name:
            return self._name(men, pos)
        if men.kind == "pronoun":
            return self._pronoun(men, pos)
        if men.kind == "role" and men.head:
            if men.surface.lower().startswith(("a ", "an ", "one ")):
                return None  # "a ministry official": someone the article does not name
            return self._role(men, pos)
        if men.kind == "org":
            return self._org(men, pos)
        if men.kind == "document":
            return self._document(men, pos)
        return None

    def canonical(self, name: str) -> str:
        """The article's usual spelling of a full name: "Kristin Wilkins" and "Kristen Wilkins" in
        one article are one person (a given name one letter apart, same surname)."""
        if self._canon is None:
            self._canon = {}
            counts: dict[str, int] = {}
            for e in self.people():
                if " " in e.name:
                    counts[e.name] = counts.get(e.name, 0) + 1
            by_surname: dict[str, list[str]] = {}
            for n in sorted(counts, key=lambda n: -counts[n]):
                by_surname.setdefault(_surname(n), []).append(n)
            for group in by_surname.values():
                for i, n in enumerate(group):
                    for m in group[:i]:
                        if _given_variant(n.split()[0], m.split()[0]) and len(n.split()) == len(m.split()):
                            self._canon[n] = self._canon.get(m, m)
                            break
        return self._canon.get(name, name)

    def _name(self, men: Mention, pos: int) -> Speaker | None:
        assert men.name
        parts = men.name.split()
        if len(parts) >= 2:
            name = self.canonical(men.name)
            role = men.role or self._role_of(name)
            return Speaker(name, "person", role, 0.95, "name")
        # A surname: the one full name the article gives it, before (else after) this point.
        surname = parts[0]
        if len(surname) < 3:
            return None
        full = self._full_names(surname, men.gender)
        close = False
        if not full and len(surname) >= 5 and given_name(surname) is None:
            # ("Jonas said" is not a misspelt "Jones": a given name is a name of its own.)
            # A misspelt surname ("Mauer" for "Maurer"): one letter apart from exactly one full name.
            full = {n for n in self._all_full() if _variant(_surname(n), surname)
                    and (men.gender is None or _guess_gender(n) in {None, men.gender})}
            close = True
        if len(full) == 1:
            name = full.pop()
            if not close and self._bare_before_full(surname, name):
                return None  # "Smith scored twice. His brother, Tom Smith, watched. … Smith said": two Smiths
            return Speaker(name, "person", self._role_of(name), 0.85 if close else 0.95, "surname")
        if full:
            if self.last and self.last.name in full and self.last.kind == "person":
                return Speaker(self.last.name, "person", self.last.role, 0.9, "surname")
            earlier = {self.canonical(e.name) for e in self.people() if " " in e.name and e.pos < pos} & full
            if len(earlier) == 1:
                name = earlier.pop()
                return Speaker(name, "person", self._role_of(name), 0.8, "surname")
        # A bare surname the article never introduces in full: nobody we can name with confidence.
        return None

    def _bare_before_full(self, surname: str, name: str) -> bool:
        """Whether the body uses the bare surname, untitled, before it first gives the full name of a
        relative ("Smith scored twice. His brother, Tom Smith, watched. … Smith said"): that earlier
        bare surname is someone else, and the surname is ambiguous."""
        firsts = [e.pos for e in self.people() if e.pos >= 0 and self.canonical(e.name) == name]
        if not firsts:
            return False
        first = min(firsts)
        if not _KIN_BEFORE.search(self.folded[max(0, first - 40):first]):
            # Famous people are often named by surname before their full name ("Trump said … Donald
            # Trump"); only a relative introduced by the full name ("His brother, Tom Smith") makes two.
            return False
        for m in re.finditer(rf"\b{re.escape(surname)}\b(?!['’]s)", self.folded[:first]):
            before = self.folded[max(0, m.start() - 25):m.start()]
            line_end = self.folded.find("\n", m.start())
            line = self.folded[self.folded.rfind("\n", 0, m.start()) + 1:line_end if line_end >= 0 else None].rstrip()
            if not line.endswith((".", "!", "?", "\"", "”", "»")):
                continue  # a heading or the headline repeated ("Smith wins again"): not the story's own use
            if not _TITLE_BEFORE_SURNAME.search(before) and not self._inside_reported(m.start()):
                return True
        return False

    def _all_full(self) -> set[str]:
        return {self.canonical(e.name) for e in self.people() if " " in e.name}

    def _full_names(self, surname: str, gender: str | None) -> set[str]:
        return {n for n in self._all_full() if _surname(n) == surname
                and (gender is None or _guess_gender(n) in {None, gender})}

    def _role_of(self, name: str) -> str | None:
        roles = [e.role for e in self.people() if self.canonical(e.name) == name and e.role]
        return max(roles, key=len) if roles else None

    def _inside_reported(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.reported)

    def _sentence_starts(self, pos: int, n: int) -> list[int]:
        """Start offsets of the sentence holding ``pos`` and the ``n`` sentences before it, newest
        first; a sentence end inside a stored quotation does not count."""
        out: list[int] = []
        lo = max(0, pos - 1500)
        ends = [m.end() for m in _BOUNDARY.finditer(self.folded, lo, pos) if not self._inside_reported(m.start())]
        ends = [lo] + ends if lo == 0 else ends
        for e in reversed(ends):
            out.append(e)
            if len(out) > n:
                break
        return out

    def _pronoun(self, men: Mention, pos: int) -> Speaker | None:
        """he/she: the one compatible person the nearest sentence before it makes its subject or
        speaker. Two compatible people there, or an unnamed one ("the father", "a ministry
        official"), and the pronoun stays unresolved — a guess is worse than no name."""
        if men.gender is None:  # "they": only an organisation speaking in the plural
            if self.last and self.last.kind == "organisation" and pos - self.last.pos < 600:
                return Speaker(self.last.name, "organisation", None, 0.75, "pronoun")
            return None
        starts = self._sentence_starts(pos, 3)
        if not starts:
            return None
        named = [e for e in self.people() if e.subject and e.pos >= starts[-1] and e.pos < pos]
        humans = named + [e for e in self.history if starts[-1] <= e.pos < pos and e.kind == "person"]
        # "The senator said …" that resolved to the senator the article named is that person, not
        # an unnamed one.
        resolved = {e.pos for e in self.history if e.named and starts[-1] <= e.pos < pos}
        humans += [e for e in _unnamed_humans(self.folded, starts[-1], pos) if e.pos not in resolved]
        humans = [e for e in humans if not self._inside_reported(e.pos)]
        humans += self._unnamed_speakers(starts, pos)
        humans += self._owners(starts[-1], pos)
        hi = pos
        for lo in starts:
            here = [e for e in humans if lo <= e.pos < hi]
            hi = lo
            fits = [e for e in here if (e.gender or (_guess_gender(e.name) if e.named else None))
                    in {None, men.gender}]
            if not fits:
                continue
            if any(not e.named for e in fits):
                return None
            names = set()
            for e in fits:
                name = e.name
                if " " not in name:
                    found = self._name(Mention("name", name, name=name), pos)
                    if not found:
                        return None
                    name = found.name
                names.add(self.canonical(name))
            if len(names) != 1 or not any(e.personal for e in fits):
                return None  # two people, or one capitalised run that may not be a person at all
            name = names.pop()
            return Speaker(name, "person", self._role_of(name), 0.9, "pronoun")
        return None

    def _owners(self, lo: int, pos: int) -> list[_Entity]:
        """People named by a possessive between the candidates and the pronoun ("Thomas' sister
        pleaded with him …, but he replied"): "Thomas" is the one full name the article gives that
        first name or surname, and a candidate for "he" like any other person mentioned there."""
        out = []
        for m in _POSSESSIVE_NAME.finditer(self.folded, lo, pos):
            word = m.group(1)
            if self._inside_reported(m.start()) or len(word) < 3:
                continue
            names = {e.name for e in self.people() if " " in e.name and word in e.name.split()[:1] + e.name.split()[-1:]}
            if len(names) == 1:
                name = names.pop()
                out.append(_Entity(name, "person", None, _guess_gender(name), m.start(), False))
        return out

    def _unnamed_speakers(self, starts: list[int], pos: int) -> list[_Entity]:
        """The people the article does not name who speak in the sentences before the pronoun.

        The lexicon of unnamed people ("the father", "a ministry official") always has gaps — "the
        agent, who asked not to be named, said …", "Ortega's agent said …", "…, according to the
        player's agent" — so a speech verb's subject is read by its shape too: a determiner or a
        possessive, then a lower-case singular noun that names a person by its ending ("agent",
        "commissioner", "neurosurgeon") and is no organisation or document. A later "he said" may
        be that person: when they are nearer than any named candidate, the pronoun stays
        unresolved (a guess is worse than no name).
        """
        lo = starts[-1]
        out: list[_Entity] = []
        for m in _SPEECH_ACT.finditer(self.folded, lo, pos):
            if self._inside_reported(m.start()):
                continue
            sent = max(st for st in [lo, *starts] if st <= m.start())
            sentence = self.folded[sent:min(pos, m.end() + 90)]
            if m.group("according"):
                subject = re.split(r"[,;.!?]", self.folded[m.end():min(pos, m.end() + 90)], maxsplit=1)[0]
            else:
                # The sentence the verb is in: a stop inside a quotation still ends the narration's
                # sentence before the next paragraph ("… than anyone.”⏎⏎Ortega's agent said").
                pre = _LAST_SENTENCE.split(self.folded[sent:m.start()])[-1]
                if len(_QUOTE_MARKS.findall(pre)) % 2 or PASSIVE_BEFORE.search(pre):
                    continue  # a verb inside a quotation; "she was told"
                clause = re.split(r"[,;:\u2014\u2013]|\s-\s", pre)[-1]
                if not clause.strip(" \"“”«»'"):
                    # "X, who asked not to be named, said": the subject before the parenthesis;
                    # "His lawyer, Sam Brody, said": the apposition names the person.
                    parts = re.split(r"[,;:\u2014\u2013]", pre.lstrip(" \"“”«»'"))
                    apposition = parse_mention(parts[1].strip()) if len(parts) >= 3 else None
                    if apposition is not None and apposition.kind == "name":
                        continue
                    clause = parts[0]
                subject = _ADVERBS_AFTER.sub("", clause)
            if _unnamed_person(subject.strip(" \"“”«»'"), sentence):
                out.append(_Entity(subject.strip(), "person", None, None, m.start(), True, named=False))
        return out

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


# Given names that end in -a but are men's ("Nikita Khrushchev", "Ilya Klebanov").
_MALE_A = {"nikita", "ilya", "foma", "luka", "joshua", "andrea", "mustafa", "musa", "isa", "yahya", "sasha",
           "kuzma", "savva", "akira", "garcia", "dana", "ezra", "jonah", "noah", "elijah", "zakaria", "issa"}


def _guess_gender(name: str) -> str | None:
    """The gender the given-name lexicon knows for the first name; else "f" for a given name
    ending in -a (Valentina, Tatyana) unless it is a known man's; otherwise unknown — used only
    to stop "he" from landing on a woman."""
    parts = name.split()
    if len(parts) < 2:
        return None
    hit = given_name(parts[0])
    if hit is not None:
        return hit[0]
    first = parts[0].lower()
    return "f" if first.endswith("a") and first not in _MALE_A else None


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


def _given_variant(a: str, b: str) -> bool:
    """Two spellings of one given name in one article ("Kristin"/"Kristen"), never two names the
    lexicon knows apart ("Mark"/"Mary") or of different genders."""
    if not _variant(a, b):
        return False
    ga, gb = given_name(a), given_name(b)
    if ga is not None and gb is not None:
        return bool(ga[1] & gb[1]) and (ga[0] is None or gb[0] is None or ga[0] == gb[0])
    return True  # one of them is no name the lexicon knows: a typo of the other


def _variant(a: str, b: str) -> bool:
    """Two spellings of one name in one article: one edit apart, neither short."""
    if a == b or min(len(a), len(b)) < 4 or a[0].lower() != b[0].lower():
        return False
    return Levenshtein.distance(a.lower(), b.lower()) <= 1


# Nouns for a person an article does not name; as a subject they stand between a pronoun and
# any earlier name ("the father was advised …, but he replied").
_HUMAN_NOUNS = "|".join(sorted(PERSON_NOUNS, key=len, reverse=True))
_UNNAMED = re.compile(
    rf"(?:^|[.!?;:\n]\s*(?:(?:Then|But|And|Later|Meanwhile|However|Now|Still|Yet|So),?\s+)?|"
    rf"\b(?:but|and|while|when|as|after|because|then)\s+)"
    rf"(?P<np>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Tt]his|[Tt]hat|[Aa]nother|[A-Z][\w-]*(?:['’]s|(?<=s)['’]))"
    rf"\s+(?:[\w-]+(?:['’]s?)?\s+){{0,2}}(?:{_HUMAN_NOUNS})\b(?!['’])(?!\s+(?:of|in|at|for)\s+[A-Z])"
    # "Putin's spokesman Dmitry Peskov": the apposition names the person.
    rf"(?!,?\s+[A-Z][\w'’-]+\s+[A-Z]))"
)
_GENDERED = {"man": "m", "men": "m", "boy": "m", "father": "m", "son": "m", "husband": "m", "brother": "m",
             "spokesman": "m", "uncle": "m", "grandfather": "m", "boyfriend": "m", "nephew": "m",
             "woman": "f", "women": "f", "girl": "f", "mother": "f", "daughter": "f", "wife": "f",
             "sister": "f", "spokeswoman": "f", "aunt": "f", "grandmother": "f", "girlfriend": "f", "niece": "f"}


def _unnamed_humans(text: str, start: int, end: int) -> list[_Entity]:
    out = []
    for m in _UNNAMED.finditer(text, start, end):
        head = m.group("np").split()[-1].lower()
        out.append(_Entity(m.group("np"), "person", None, _GENDERED.get(head), m.start("np"), True, named=False))
    return out
