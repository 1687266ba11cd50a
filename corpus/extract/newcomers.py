"""New subjects the candidate scan cannot name, which a later pronoun must not reach past.

"Kovalenko, the defence lawyer, rose." or "Lindtman was not convinced." opens a sentence with a surname the
article never gives in full; "But not everyone agreed." with an indefinite pronoun. Either may be the
person a following "he said" stands for, so :mod:`.pronouns` leaves that pronoun unattributed rather than
jumping back to an earlier speaker.
"""

from __future__ import annotations

import re

from ..names import given_name, lone_surname, role_word
from .candidates import _SENTENCE_SURNAME, Candidates, _Entity, _subject_position
from .lexicon import GROUP_NOUNS, PERSON_NOUNS, PREDICATE_AFTER
from .mentions import parse_mention


class NewSubjects(Candidates):
    """The unnamed or unknown subjects between a pronoun and its candidates (mixed into :mod:`.pronouns`)."""

    def _bare_subjects(self, lo: int, pos: int, seen: set[int]) -> list[_Entity]:
        """A sentence opened by one capitalised word that can only be a surname, and no full name the article
        gives ends in it ("Kovalenko, the defence lawyer, rose.", "Lindtman was not convinced.", "In describing
        his rival, Cuban said …"), with a verb or an apposition after it: a person we
        cannot name, who may be the pronoun's antecedent — so the pronoun reaches no earlier name. A word that
        is the given name of exactly one full name is that person; two full names ending in it are nobody."""
        out = []
        full = self._all_full()
        orgs = {e.name.split()[0] for e in self.orgs()}
        found = [(m, True) for m in _SENTENCE_SURNAME.finditer(self.folded, lo, pos)]
        found += [(m, False) for m in _AFTER_INTRO.finditer(self.folded, lo, pos)]
        for m, opening in found:
            at, word = m.start(1), m.group(1)
            if at in seen or not lone_surname(word) or word in orgs or _plural(word):
                continue  # a plural ("Residents") or an organisation is no "he" or "she"
            if not (PREDICATE_AFTER.match(self.folded, m.end(1)) or _PRESENT_OR_SELF.match(self.folded, m.end(1))):
                continue  # "Outright victory …", "Sooner or later": an opening word, not a subject
            if self._inside_reported(at) or self._quoted(at) or not self._story(at):
                continue
            bearers = {n for n in full if n.split()[-1] == word}
            if len({n.split()[0] for n in bearers}) == 1:  # "Loretta Lynch", "Loretta E. Lynch": one person
                continue  # the person the article named in full: a subject already (candidates._surname_subjects)
            if bearers and not opening:
                continue  # after an introductory phrase only a name nobody bears stops the pronoun
            if bearers:
                # "Clinton" with Hillary and Bill Clinton named: either, as the pronoun's gender allows.
                out += [_Entity(n, "person", self._role_of(n), None, at, True) for n in sorted(bearers)]
                continue
            given = {n for n in full if n.split()[0] == word}
            if given and not opening and len(given) > 1:
                continue
            if len(given) == 1:  # ("Back on the beach, Samuel finishes a knot": the one Samuel named in full)
                name = given.pop()
                out.append(_Entity(name, "person", self._role_of(name), None, at, True))
            else:
                out.append(_Entity(word, "person", None, None, at, True, named=False))
        return out

    def _particle_subjects(self, lo: int, end: int, seen: set[int]) -> list[_Entity]:
        """A full name with a lower-case particle opening its sentence ("Dominique de Villepin was asked …",
        "De Graaf's deputy, Jan van Halst, disagreed."): the capitalised-run scan stops at the particle, so
        it is read here, as a subject a pronoun may stand for (never to expand a bare surname elsewhere)."""
        out = []
        for m in _PARTICLE_NAME.finditer(self.folded, lo, end):
            at = m.start()
            if at in seen or self._inside_reported(at) or self._quoted(at) or not self._story(at):
                continue
            # the verb may follow the apposition's closing comma: "…, Jan van Halst, disagreed"
            after = m.end() + (self.folded.startswith(",", m.end()))
            if not _subject_position(self.folded, at, self._line_start_before(at), m.end()) \
                    or not PREDICATE_AFTER.match(self.folded, after):
                continue
            men = parse_mention(m.group())
            if men is None or men.kind != "name" or not men.name or len(men.name.split()) < 3:
                continue
            personal = bool(men.role or men.gender or given_name(men.name.split()[0]))
            out.append(_Entity(men.name, "person", men.role, men.gender, at, True, personal=personal))
        return out

    def _quoted(self, pos: int) -> bool:
        """Whether ``pos`` is inside quotation marks opened earlier in its paragraph."""
        para = self.folded[self.folded.rfind("\n", 0, pos) + 1:pos]
        return para.count("“") + para.count("«") > para.count("”") + para.count("»") or para.count('"') % 2 == 1

    def _indefinite_subjects(self, lo: int, end: int) -> list[_Entity]:
        """"But not everyone agreed.", "Others disagreed.": someone unnamed, in the sentences from ``lo`` to
        ``end`` (the pronoun's own sentence excluded: "Everybody knew, he said, …" are his words)."""
        return [_Entity(m.group("np"), "person", None, None, m.start("np"), True, named=False)
                for m in _INDEFINITE.finditer(self.folded, lo, end)]


# A given name, a lower-case particle or two and a surname: "Dominique de Villepin", "Jan van Halst".
_PARTICLE_NAME = re.compile(r"\b[A-Z][\w'’-]+\s+(?:de|van|von|der|den|da|di|du|del|della|la|le|ter|ten|dos|das)"
                            r"(?:\s+(?:der|den|la|le))?\s+[A-Z][\w'’-]+")
# A one-word subject after an introductory phrase: "In describing his rival, Cuban said …".
_AFTER_INTRO = re.compile(r"(?<=[a-z]),\s+([A-Z][\w'’-]{2,})(?=\s+[a-z]|,\s)")
_PLURAL_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|eer|ee|crat|ite)s$")


def _plural(word: str) -> bool:
    """A capitalised plural noun opening a sentence ("Residents", "Protesters", "Americans"), never a surname
    ending in -s ("Timmermans", "Jones"): an agent noun's plural, or a plural of a word the lexicons know."""
    low = word.lower()
    if not low.endswith("s") or low.endswith("ss"):
        return False
    if _PLURAL_AGENT.search(low):
        return True
    singular = {low[:-1], low[:-2] if low.endswith("es") else low[:-1], low[:-3] + "y" if low.endswith("ies") else low}
    return any(w in PERSON_NOUNS or w in GROUP_NOUNS or role_word(w) or not lone_surname(w.capitalize()) for w in singular)


# A sentence whose subject is an indefinite pronoun ("But not everyone agreed.", "Others disagreed."): someone
# unnamed a later pronoun may stand for.
_INDEFINITE = re.compile(
    r"(?:^|[.!?;:\n][\"”»’]?\s*(?:(?:But|And|However|Yet|Still),?\s+)?)(?P<np>(?:[Nn]ot\s+)?(?:[Ee]veryone|[Ee]verybody|"
    r"[Ss]omeone|[Ss]omebody|[Oo]thers|[Aa]nother|[Ss]ome|[Mm]any|[Ff]ew|[Nn]ot\s+all|[Oo]ne\s+of\s+them))"
    r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|was|were|had|did|took|thought|saw|felt)\b")


# Features tell in the present, and stress the subject: "Samuel finishes a knot …", "Christos himself had …".
_PRESENT_OR_SELF = re.compile(r"\s+(?:(?:himself|herself)\s+[a-z]{2,}|[a-z]{3,}(?<!ss)(?<!ous)(?<!ics)s\b(?!['’]))")
