"""Candidate tracking: the people and organisations one article introduces, and where.

:class:`Candidates` scans the headline and the story's own lines (never a byline, credit, caption or
link) for capitalised runs that read as a person's name and for organisation names, remembers the
last speaker and every speech-act subject so far, and knows each full name's usual spelling and role.
The resolvers built on it (:mod:`.pronouns`, :mod:`.roles`, :class:`.resolve.Tracker`) pick among
these candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from ..names import given_name, role_word
from .lexicon import ORG_HEADS, PREDICATE_AFTER
from .mentions import parse_mention
from .name_clues import _given_variant, _guess_gender

# A titled or plain full name: up to seven capitalised words, ending in a first name and a surname.
# A capitalised run (with "of the" inside: "President of Russia Vladimir Putin"); parse_mention
# splits it into a role and a name.
_RUN = re.compile(r"[A-Z][\w.'’-]*(?: +(?:(?:of|the|for) +)*[A-Z][\w.'’-]*)+")  # never across lines
_RUN_LEAD = re.compile(r"^(?:(?:The|A|An|In|On|At|But|And|As|When|While|After|Before|According|If|This|That|"
                       r"Then|So|Yet|Also|During|For|With|From|Since|Under|Meanwhile|However|Today|Yesterday)\s+)+")
_SAID_FIRST = re.compile(r"(?:Said|Says|Added|Asked|Wrote|Stated|Continued|Explained|Noted|Replied|Concluded|Recalled|"
                         r"Responded)\s+")
_ORG_HEADS = sorted((h.capitalize() for h in ORG_HEADS if h.isalpha() and len(h) > 3), key=len, reverse=True)
# (never across lines: "Talks in Geneva⏎⏎The Kremlin said" named "Geneva The Kremlin")
_ORG = re.compile(
    r"(?:[A-Z][\w'’.-]*[^\S\n]+(?:(?:of|for|on|and)[^\S\n]+(?:the[^\S\n]+)?)?){0,6}(?:"
    + "|".join(_ORG_HEADS)
    + r")\b(?:[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*){0,3})?"
)
# Where an organisation's name can start: a capital, or a head's first letter. _ORG opens with an optional
# repeat, so the regex engine would try it at every position (0.45 ms per document); tried only here, it
# finds the same names six times faster (see _orgs_in).
_ORG_START = re.compile("[" + re.escape("".join(sorted(set("ABCDEFGHIJKLMNOPQRSTUVWXYZ") | {h[0] for h in _ORG_HEADS}))) + "]")


def _orgs_in(source: str) -> Iterator[re.Match[str]]:
    """``_ORG.finditer(source)``: the same matches, the pattern tried only where a name can start."""
    pos = 0
    while (c := _ORG_START.search(source, pos)) is not None:
        m = _ORG.match(source, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()  # never empty: a head word is in every match
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


# A sentence end; an initial's full stop is none ("US President George W. Bush").
_BOUNDARY = re.compile(r"(?:(?<![\s.][A-Z])\.|[!?\n])[\"”»’)]?\s+")
# Lines of site furniture that name people who say nothing in the story.
_FURNITURE_LINE = re.compile(
    r"^\s*(?:By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}(?:\s*(?:,|and|&)\s*.{0,60})?\s*$|"
    r"(?:Read\s+more|Related|See\s+also|Watch|Listen|More|Pictured|Photo(?:graph)?s?|Pictures?|Words|Image|"
    r"Credit|Video)\s*:|"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3},\s*(?:[\w-]+\s+){0,3}(?:correspondent|reporter|editor|writer)\s*$|"
    # the outlet's own reporter introduced: "Our correspondent Clara Weiss reports from Kherson."
    r"Our\s+(?:[\w-]+\s+){0,3}(?:correspondent|reporter|editor|journalist)s?\b|"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+reports?\s+from\s+[A-Z][\w'’ .,-]{1,40}\s*$)|"
    r"\b(?:contributed(?:\s+(?:to\s+)?(?:this\s+)?(?:reporting|report|story))?|reporting\s+by|editing\s+by)\b[^.]{0,80}[.]?\s*$",
    re.IGNORECASE)


# A name's own final full stop: an initial ("George W."), a suffix ("Jr.", "Inc."), an honorific.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|Bros|Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Prof))\.$")
# A capitalised word opening a sentence or line, followed by a lower-case word: "Brown disagreed."
# The capital comes first and the look-behinds test what stands before it (one character further back): a pattern
# that opens with a character class is scanned for in C, one that opens with look-behinds is tried at every
# position (the same matches, four times faster).
_SENTENCE_SURNAME = re.compile(r"([A-Z](?:(?<=^[A-Z])|(?<=[a-z0-9][.!?]\s[A-Z])|(?<=[.!?][”\"’»]\s[A-Z])|(?<=\n[A-Z]))"
                               r"(?<!\b(?:Mr|Ms|Dr|St)\.\s[A-Z])(?<!\bMrs\.\s[A-Z])[\w'’-]{2,})(?=\s+[a-z]|,\s)",
                               re.MULTILINE)


# A credit inside a caption line: "The new bridge at dawn. Photo: Anders Holm."
_CREDIT_BEFORE = re.compile(r"\b(?:Photo(?:graph)?s?|Pictures?|Image|Credit|Video|Illustration)\s*(?:by\s*)?:\s*"
                            r"[^.:\n]{0,60}$", re.IGNORECASE)


def _subject_position(text: str, pos: int, floor: int = 0, end: int | None = None) -> bool:
    """Whether a name at ``pos`` opens its sentence: after at most three lower-case words
    ("Regional engineer Anna Berg") or an introductory phrase closed by a comma; or, when the name ends at
    ``end`` and a verb or an apposition follows it there, after a role of any length. ``floor`` is where
    its paragraph starts: a sentence never reaches back past it."""
    start = max(0, floor, pos - 120)
    window = text[start:pos]
    cut = None
    for found in _BOUNDARY.finditer(window):
        cut = found
    lead = window[cut.end():] if cut else (window if pos <= 120 or start == floor else None)
    if lead is None:
        return False
    if not lead.strip() or lead.rstrip().endswith(",") or (len(lead.split()) <= 3 and "," not in lead):
        return True
    # "Former French prime minister Jean Castex was …", "When asked, captain Peter Brown was …": a role of
    # any length, after an introductory phrase closed by a comma or none.
    tail = lead.rsplit(",", 1)[-1].split()
    return end is not None and bool(tail) and all(role_word(w) for w in tail) and bool(PREDICATE_AFTER.match(text, end))


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


def _surname(name: str) -> str:
    return name.split()[-1]


class Candidates:
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
        # The gender a pronoun or an honorific has told for a full name ("Esben … he said"): surer than the name.
        self.told: dict[str, str] = {}
        # Spans already stored as quotes: a name inside reported content is nobody's antecedent.
        self.reported: list[tuple[int, int]] = []
        self._canon: dict[str, str] | None = None
        self._starts: list[int] | None = None
        self._furniture: dict[int, bool] = {}  # line start -> whether the line is site furniture
        self._full: frozenset[str] | None = None  # every full name, canonical (people() is built once)

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
            self._people += self._surname_subjects(full)
            self._people.sort(key=lambda e: e.pos)
        return self._people

    def _surname_subjects(self, full: dict[str, set[str]]) -> list[_Entity]:
        """A bare surname opening a sentence ("Brown disagreed.", "Holm thanked her.") is the one
        person the article has already named in full with it: a subject like any other, so a
        pronoun after it never jumps back past it to an earlier speaker."""
        people = self._people or []
        out = []
        firsts = {n: min(e.pos for e in people if e.name == n) for ns in full.values() for n in ns}
        for m in _SENTENCE_SURNAME.finditer(self.folded):
            names = full.get(m.group(1))
            if not names or len(names) != 1 or not self._story(m.start(1)):
                continue
            name = next(iter(names))
            if firsts[name] >= m.start(1):
                continue  # the surname before the full name: nobody yet
            known = next(e for e in people if e.name == name)
            out.append(_Entity(name, "person", known.role, known.gender, m.start(1), True, personal=known.personal))
        return out

    def _story(self, pos: int) -> bool:
        """Whether ``pos`` is in the story's own words: a content line that is no byline, credit,
        caption or link to another story."""
        if self.content is not None:
            k = bisect_right(self._line_starts(), pos) - 1  # content lines are in order
            if k < 0 or not pos < self.content[k][1]:
                return False
        start = self.folded.rfind("\n", 0, pos) + 1
        furniture = self._furniture.get(start)
        if furniture is None:  # one check per line, however many names it holds
            end = self.folded.find("\n", pos)
            furniture = self._furniture[start] = bool(_FURNITURE_LINE.search(self.folded[start:end if end >= 0 else None]))
        # a credit names someone within a few words of its label
        lo = max(start, pos - 100)
        return not furniture and (self.folded.find(":", lo, pos) < 0  # every credit has its colon
                                  or not _CREDIT_BEFORE.search(self.folded, lo, pos))

    def _scan_run(self, source: str, offset: int, run: str, at: int) -> None:
        assert self._people is not None
        if run.endswith(".") and not _ABBREVIATION_END.search(run):
            run = run[:-1]  # "… met Peter Brown.": the sentence's full stop, not the name's
        lead = _RUN_LEAD.match(run)
        if lead is None and _SAID_FIRST.match(run) and source[at + len(run):at + len(run) + 1] in (":", ","):
            lead = _SAID_FIRST.match(run)  # "Said Ellis: “…”": the verb first, not a given name
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
        subj = offset >= 0 and _subject_position(source, start, self._line_start_before(start), at + len(run))
        self._people.append(_Entity(men.name, "person", men.role, men.gender, pos, subj, personal=personal))

    def orgs(self) -> list[_Entity]:
        if self._orgs is None:
            self._orgs = []
            for source, offset in ((self.title, -1), (self.folded, 0)):
                for m in _orgs_in(source):
                    # never across a sentence end ("… approved in September. The Federal Service predicts")
                    start = m.start() + max([0] + [b.end() for b in _RUN_SPLIT.finditer(m.group())])
                    name = re.sub(r"^(?:The|A)\s+", "", source[start:m.end()]).strip()
                    name = re.sub(r"['’]s?$", "", name)
                    if name:
                        self._orgs.append(_Entity(name, "organisation", None, None, offset if offset < 0 else start))
        return self._orgs
    def note_quote(self, start: int, end: int) -> None:
        self.reported.append((start, end))
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
    def _all_full(self) -> frozenset[str]:
        if self._full is None:
            self._full = frozenset(self.canonical(e.name) for e in self.people() if " " in e.name)
        return self._full

    def _full_names(self, surname: str, gender: str | None) -> set[str]:
        return {n for n in self._all_full() if _surname(n) == surname
                and (gender is None or _guess_gender(n) in {None, gender})}

    def _role_of(self, name: str) -> str | None:
        roles = [e.role for e in self.people() if self.canonical(e.name) == name and e.role]
        return max(roles, key=len) if roles else None

    def _inside_reported(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.reported)

    def _line_starts(self) -> list[int]:
        """Where the article's paragraphs start (every content line when the layout gives them), in order."""
        if self._starts is None:
            self._starts = [s for s, _ in self.content] if self.content is not None else []
        return self._starts

    def _line_start_before(self, pos: int) -> int:
        """The start of the paragraph holding ``pos`` (0 when the layout gives none)."""
        starts = self._line_starts()
        k = bisect_right(starts, pos) - 1
        return starts[k] if k >= 0 else 0

    def _sentence_starts(self, pos: int, n: int) -> list[int]:
        """Start offsets of the sentence holding ``pos`` and the ``n`` sentences before it, newest
        first; a sentence end inside a stored quotation does not count."""
        out: list[int] = []
        lo = max(0, pos - 1500)
        ends = [m.end() for m in _BOUNDARY.finditer(self.folded, lo, pos) if not self._inside_reported(m.start())]
        # A paragraph ends a sentence even when one newline, not a blank line, separates it (HTML text).
        starts = self._line_starts()
        ends = sorted(set(ends) | set(starts[bisect_right(starts, lo):bisect_right(starts, pos - 1)]))
        ends = [lo] + ends if lo == 0 else ends
        for e in reversed(ends):
            out.append(e)
            if len(out) > n:
                break
        return out
