"""Pronoun resolution: "he said" to the one compatible person in the sentences just before.

Two compatible people there, or a person the article does not name ("the father", "a ministry
official", "Ortega's agent"), and the pronoun stays unresolved.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidates import Speaker, _Entity
from .lexicon import CUE, DOCUMENT_NOUNS, ORG_HEADS, PASSIVE_BEFORE, PERSON_NOUNS, PRONOUNS
from .mentions import Mention, parse_mention
from .name_clues import _firm_gender, _guess_gender
from .newcomers import NewSubjects

_ADVERBS_AFTER = re.compile(r"(?:\s+(?:also|then|later|again|once|still|already|even|just|further|earlier|"
                            r"previously|has|had|have|was|is|would|will|could|did|does|\w+ly))+\s*$")
_POSSESSIVE_NAME = re.compile(r"\b([A-Z][a-z]+)(?:['’]s|(?<=s)['’])(?!\w)")
_LAST_SENTENCE = re.compile(r"\n|[.!?][\"”»’)]*\s+(?=[A-Z\"“«])")
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
_ABBREV_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cpl|Insp|Supt|Det|Rev|Hon|St)\.\s*$")
# Capitalised words that open a clause without being anyone: the subject is a pronoun or no subject at all.
_NOT_SUBJECTS = frozenset(["i", "we", "you", "it", "they", "he", "she", "this", "that", "these", "those", "there",
                           "here", "what", "who", "which", "as", "so", "but", "and", "or", "if", "when", "while",
                           "asked", "speaking", "writing", "according", "in", "on", "at", "after", "before",
                           "nobody", "everyone", "everybody", "someone", "somebody", "many", "most", "some", "all",
                           "none", "both", "each", "few", "others", "one", "the"])
# A passive's agent just before a name: "Tom Hart was criticised by Sam Cole" — the one who acted.
_BY_AGENT = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?\w+(?:ed|en|t)\s+by\s+(?:[A-Z][\w.'’-]*\s+){0,4}$")


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


class PronounResolution(NewSubjects):
    """he / she / they to a speaker (mixed into :class:`.resolve.Tracker`)."""

    if TYPE_CHECKING:
        def _name(self, men: Mention, pos: int) -> Speaker | None: ...  # in .resolve.Tracker
        def _resolve(self, men: Mention, pos: int) -> Speaker | None: ...  # in .resolve.Tracker

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
        # "But not everyone agreed.": a sentence of its own before the pronoun's ("Everybody saw, he said, …" is the
        # pronoun's own reported clause).
        humans += self._indefinite_subjects(starts[-1], starts[0])
        # Nobody named inside a quotation is its narrator's antecedent ("“President Obama seems fond of us,” he said").
        humans = [e for e in humans if not self._inside_reported(e.pos) and not self._quoted(e.pos)]
        humans += self._unnamed_speakers(starts, pos)
        owners = self._owners(starts[-1], pos)
        humans += owners
        humans += self._titled_subjects(starts[-1], pos, {e.pos for e in humans})
        humans += self._honorific_subjects(starts[-1], starts[0], {e.pos for e in humans})
        # (only before the pronoun's own sentence: "Chechens wanted stability, he said" reports his words)
        humans += self._bare_subjects(starts[-1], starts[0], {e.pos for e in humans})
        humans += self._particle_subjects(starts[-1], starts[0], {e.pos for e in humans})
        hi = pos
        for lo in starts:
            here = [e for e in humans if lo <= e.pos < hi]
            end, hi = hi, lo
            fits = [e for e in here if self._gender(e) in {None, men.gender}]
            if not fits:
                if lo < starts[0] and any(self._gender(e) in {None, men.gender} and " " in e.name
                                          and _ADDRESSEE.search(self.folded, max(lo, e.pos - 50), e.pos)
                                          for e in self.people() if lo <= e.pos < end):
                    # "Tom Reyes asked Linda Shaw how many units there were. She said …": the one asked answers;
                    # never reach past them to an earlier speaker. (Any compatible person in a skipped sentence
                    # was measured first: PolNeAR train 35 right names lost for 1 wrong avoided, Kremlin 7 right.)
                    return None
                if lo < starts[0] and any(self._gender(e) in {None, men.gender} and " " in e.name
                                          and _AGENT_BEFORE.search(self.folded, max(lo, e.pos - 60), e.pos)
                                          for e in self.people() if lo <= e.pos < end):
                    # "The plan was criticised by Oduya Kaltenborn. “…,” he said": the agent of a passive is the
                    # sentence's doer, who may be the one speaking; never reach past to an earlier speaker.
                    return None
                continue
            if any(not e.named for e in fits):
                return None
            names = set()
            for e in fits:
                name = e.name
                if " " not in name:
                    # The pronoun's gender narrows the surname's bearers ("Her son, Takeshi Kobayashi, said …
                    # Ms. Kobayashi began … she recalled": "she" is no Takeshi).
                    found = self._name(Mention("name", name, name=name, gender=men.gender), pos)
                    if not found:
                        return None
                    name = found.name
                names.add(self.canonical(name))
            if len(names) != 1 or not any(e.personal for e in fits):
                return None  # two people, or one capitalised run that may not be a person at all
            name = names.pop()
            if self._agent_in_reach(name, men.gender, lo, end):
                return None
            if all(e.pos in {o.pos for o in owners} for e in fits) and any(
                    self._gender(e) in {None, men.gender} and self.canonical(e.name) != name
                    for e in self.people() if lo <= e.pos < end and " " in e.name):
                # "Novak's remarks drew a response from Tomas Berg. “…,” he said": the owner is no subject,
                # and another person the sentence names may be the one speaking.
                return None
            return Speaker(name, "person", self._role_of(name), 0.9, "pronoun")
        return None

    def _gender(self, e: _Entity) -> str | None:
        """The gender that rules a person out as a pronoun's antecedent: an honorific's, one a pronoun
        already gave them, or a name's only where the lexicon or a Slavic surname tells it."""
        if e.gender:
            return e.gender
        if not e.named:
            return None
        return self.told.get(self.canonical(e.name)) or _firm_gender(e.name)

    def _agent_in_reach(self, name: str, gender: str, lo: int, end: int) -> bool:
        """Whether the antecedent's sentence names, as a passive's agent, another person of the pronoun's gender
        ("Tom Hart was criticised by Sam Cole. “…,” he said"): the one acted on and the one who acted may
        each be "he", so nobody. (Any other compatible person between the antecedent and the pronoun — an
        object, a later mention — measured on PolNeAR train: 89 right names lost for 3 wrong avoided; news copy
        makes the subject the pronoun's antecedent, so only the agent counts.)"""
        surname = name.split()[-1]
        for e in self.people():
            if not (lo <= e.pos < end) or not e.personal or self._inside_reported(e.pos) or self._quoted(e.pos):
                continue
            if not _BY_AGENT.search(self.folded, max(lo, e.pos - 40), e.pos):
                continue
            if (e.gender or _guess_gender(e.name)) not in {None, gender}:
                continue
            if e.name.split()[-1] != surname and self.canonical(e.name) != name:
                return True
        return False

    def _titled_subjects(self, lo: int, pos: int, seen: set[int]) -> list[_Entity]:
        """A sentence whose subject is a title ("The Bulgarian President thanked the army. He said …"):
        the person it names, else someone unnamed, stands between a later pronoun and any earlier name."""
        out = []
        for m in _TITLED_SUBJECT.finditer(self.folded, lo, pos):
            at = m.start("np")
            if at in seen or self._inside_reported(at) or self._quoted(at):
                continue
            men = parse_mention(m.group("np"))
            if men is None or men.kind != "role":
                continue
            found = self._resolve(men, at)
            if found is not None and found.kind == "person":
                out.append(_Entity(found.name, "person", found.role, None, at, True))
            else:
                out.append(_Entity(m.group("np"), "person", None, None, at, True, named=False))
        return out

    def _honorific_subjects(self, lo: int, end: int, seen: set[int]) -> list[_Entity]:
        """A sentence opened by an honorific or a judge's title and a name ("Mr Justice O'Hara refused the
        application.", "Dr Reilly disagreed."): the person it names, else someone we cannot name — who stands
        between a later pronoun and any earlier name either way."""
        out = []
        for m in _HONORIFIC_SUBJECT.finditer(self.folded, lo, end):
            at = m.start("np")
            if any(abs(at - p) < 20 for p in seen) or self._inside_reported(at) or self._quoted(at):
                continue
            men = parse_mention(m.group("np"))
            found = self._resolve(men, at) if men is not None and men.kind == "name" else None
            gender = _HONORIFIC_GENDER.get(m.group("hon").lower().rstrip("."))
            # "Mr Key" (a word the name lexicon reads as a common noun): the one full name with that surname
            full = self._full_names(m.group("np").split()[-1], gender) if found is None else set()
            if found is not None and found.kind == "person":
                out.append(_Entity(found.name, "person", found.role, gender, at, True))
            elif len(full) == 1:
                out.append(_Entity(full.pop(), "person", None, gender, at, True))
            else:
                out.append(_Entity(m.group("np"), "person", None, gender, at, True, named=False))
        return out

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
                        found = self._subject_entity(parts[1].strip(), sent, m.start())
                        out += [found] if found is not None else []
                        continue
                    clause = parts[0]
                subject = _ADVERBS_AFTER.sub("", clause)
            subject = subject.strip(" \"“”«»'")
            if _unnamed_person(subject, sentence):
                out.append(_Entity(subject, "person", None, None, m.start(), True, named=False))
            elif not m.group("according"):
                found = self._subject_entity(subject, sent, m.start())
                out += [found] if found is not None else []
        return out

    def _subject_entity(self, subject: str, lo: int, verb: int) -> _Entity | None:
        """A capitalised speech-verb subject no person or organisation was read in ("Lord, 24, said he had found
        out …", "Texas Sen. Ted Cruz says …" after a live blog's time line): the person it names when it resolves
        ("Ted Cruz", a surname the article gives in full), else someone we cannot name — who may be the later
        "he said", so the pronoun never reaches past them to an earlier speaker. None when the subject was read
        (a speaker, a sentence subject or an organisation there) or is no name's shape."""
        if not subject[:1].isupper() or subject.lower() in PRONOUNS or subject.split()[0].lower() in _NOT_SUBJECTS:
            return None
        words = subject.split()
        if _QUOTE_MARKS.search(subject) or len(words) > 5 or subject.endswith(("'s", "’s", "'", "’")) \
                or not all(w[:1].isupper() or w in {"of", "de", "van", "von", "al", "bin"} for w in words):
            return None  # ("Novak's remarks drew …": an owner, the cue a noun; "The senator declined to": a clause)
        abbrev = _ABBREV_BEFORE.search(self.folded, max(0, lo - 8), lo)
        lo = abbrev.start() if abbrev else lo  # "Mr. Schmidt said": the sentence split after "Mr."
        # (a name read there but never made a subject, as after "From our reporter in Tai O: …", is no
        # antecedent until it is resolved here)
        if any(lo <= e.pos < verb for e in (*self.history, *self.orgs())) \
                or any(lo <= e.pos < verb and e.subject for e in self.people()):
            return None
        men = parse_mention(subject)
        found = self._resolve(men, verb) if men is not None and men.kind in {"name", "org"} else None
        if found is not None and found.kind != "person":
            return None
        at = self.folded.rfind(words[0], lo, verb)
        at = at if at >= 0 else verb
        if not self._story(at):
            return None  # site furniture ("Clara Weiss reports from Kherson."): nobody speaks in the story there
        if found is not None:
            return _Entity(found.name, "person", found.role, men.gender if men else None, at, True)
        return _Entity(subject, "person", None, None, at, True, named=False)


# A sentence opening with a capitalised title, a nationality or two before it: "The Bulgarian President
# thanked …", "The Acting President named …" (not "The President's" — an owner).
_TITLED_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|\n)(?P<np>[Tt]he\s+(?:[A-Z][a-z]+\s+){0,2}(?:President|Prime\s+Minister|Premier|Chancellor|"
    r"leader|head\s+of\s+state|King|Emir))(?!['’])\s+(?:also\s+|then\s+)?[a-z]+ed\b")

# A sentence opened by an honorific or a judge's title and a name, then a lower-case verb.
_HONORIFIC_SUBJECT = re.compile(
    r"(?:^|[.!?][\"”’]?\s+|\n)(?P<np>(?P<hon>Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Judge|Justice|Prof|Professor)\.?"
    r"(?:\s+Justice)?(?:\s+[A-Z][\w'’-]+){1,3})\s+(?:also\s+|then\s+|later\s+)?[a-z]{3,}\b")
_HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
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


# "… asked (Councillor) X": the one a question or a request goes to, who may be the next to speak.
_ADDRESSEE = re.compile(r"\b(?:asked|questioned|pressed|quizzed|challenged|invited|urged)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$")
# "… was criticised by (Finance Minister) X": the name is a passive's agent.
_AGENT_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght)\s+by\s+"
                           r"(?:[\w.'’-]+\s+){0,4}$")


def _unnamed_humans(text: str, start: int, end: int) -> list[_Entity]:
    out = []
    for m in _UNNAMED.finditer(text, start, end):
        head = m.group("np").split()[-1].lower()
        out.append(_Entity(m.group("np"), "person", None, _GENDERED.get(head), m.start("np"), True, named=False))
    return out
