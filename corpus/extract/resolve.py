"""Turn a mention into a speaker, within one article.

A surname or "Mr Lavrov" becomes the full name the article introduced; a pronoun the most
recent compatible person; a role noun ("the Russian diplomat") the person introduced with that
role; an organisation noun ("the ministry") or a document noun ("the news release") the
organisation the article named. When two candidates fit, the answer is ``None``: an
unattributed quote is acceptable, a misattributed one is not.
"""

from __future__ import annotations

import re

from ..names import given_name
from .candidates import Speaker, _Entity, _surname
from .mentions import Mention
from .name_clues import _firm_gender, _guess_gender, _variant
from .pronouns import PronounResolution
from .roles import RoleResolution

_KIN_BEFORE = re.compile(r"\b(?:brother|sister|father|mother|son|daughter|wife|husband|cousin|uncle|aunt|"
                         r"grandfather|grandmother|grandson|granddaughter|nephew|niece|twin|widow|widower|"
                         r"stepfather|stepmother|stepson|stepdaughter|dad|mum|mom)s?\b[,\s]*(?:\w+\s+)?$", re.I)
# A capitalised word just before a surname ("Mr Smith", "Senator Smith", "Tom Smith"): a title or a given
# name, so the surname is not used bare.
_TITLE_BEFORE_SURNAME = re.compile(r"\b[A-Z][a-z]+\.?\s+$")


class Tracker(PronounResolution, RoleResolution):
    """Mentions to speakers within one article: names here, pronouns in :mod:`.pronouns`, role,
    organisation and document nouns in :mod:`.roles`, all over the candidates of :mod:`.candidates`."""

    # -- resolution -------------------------------------------------------------------------------
    def resolve(self, men: Mention, pos: int) -> Speaker | None:
        sp = self._resolve(men, pos)
        if sp:
            gender = men.gender or (_firm_gender(sp.name) if sp.kind == "person" else None)
            if men.gender and sp.kind == "person":
                # "he said" resolved to this person: a later "she" is someone else, whatever the name tells.
                self.told.setdefault(sp.name, men.gender)
            self.last = _Entity(sp.name, sp.kind, sp.role, gender, pos, True)
            if pos >= 0:
                self.history.append(self.last)
        elif pos >= 0 and men.kind in {"role", "name"}:
            # A speaker nobody can name ("a ministry official said"): a later "he" may be this
            # person, so no pronoun may reach past it to an earlier name.
            self.history.append(_Entity(men.surface, "person", men.role, men.gender, pos, True, named=False))
            self.last = None
        return sp
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
        # The surname's bearers' latest mention before here: a given-name bearer named after it (untitled) makes
        # the word ambiguous ("Anwar Ibrahim met Ibrahim Ali. “…,” Ibrahim said").
        latest = max((e.pos for e in self.people() if e.pos < pos and self.canonical(e.name) in full), default=-1)
        if full and any((e.role or (given_name(surname) and latest < e.pos < pos)) and e.pos >= 0 and " " in e.name
                        and e.name.split()[0] == surname and self.canonical(e.name) not in full for e in self.people()):
            # "Prime Minister Abiy Ahmed … Finance Minister Ahmed Shide … Ahmed said", "President Lee
            # Jae-myung met Jay Y. Lee", "Anwar Ibrahim met Ibrahim Ali": the word is one person's surname and
            # another's first name (titled, or a given name the lexicon knows) —
            # by which one the article calls them is its naming custom, not ours to guess. (Only
            # names in the story: a title-case headline makes "Gorka Slam" of a verb.)
            return None
        if len(full) == 1:
            name = full.pop()
            if not close and self._bare_before_full(surname, name):
                return None  # "Smith scored twice. His brother, Tom Smith, watched. … Smith said": two Smiths
            return Speaker(name, "person", self._role_of(name), 0.85 if close else 0.95, "surname")
        if full:
            if self.last and self.last.name in full and self.last.kind == "person":
                # "… said Ana Martínez. Carlos Martínez disagreed. “…,” Martínez said": another bearer
                # named since the last speaker makes the surname ambiguous again.
                if any(self.last.pos < e.pos < pos and e.subject and self.canonical(e.name) in full
                       and self.canonical(e.name) != self.last.name for e in self.people()):
                    return None
                return Speaker(self.last.name, "person", self.last.role, 0.9, "surname")
            earlier = {self.canonical(e.name) for e in self.people() if " " in e.name and e.pos < pos} & full
            if len(earlier) == 1:
                name = earlier.pop()
                return Speaker(name, "person", self._role_of(name), 0.8, "surname")
        if not full:
            given = self._by_given_name(surname, pos)
            if given is not None:
                return Speaker(given, "person", self._role_of(given), 0.9, "given_name")
        # A bare surname the article never introduces in full: nobody we can name with confidence.
        return None

    def _by_given_name(self, word: str, pos: int) -> str | None:
        """"Her great-granddaughter, Kaylee Stroud, … “…,” Kaylee said": a bare word that is no one's surname but
        the given name of exactly one person the article has named in full before it (features call young
        people, relatives who share a surname, and Malay, Thai or Ethiopian names this way). Two people with
        that given name, or none named before it, and the word names nobody."""
        bearers = {self.canonical(e.name) for e in self.people()
                   if e.pos >= 0 and " " in e.name and e.name.split()[0] == word}
        if len(bearers) != 1:
            return None
        name = next(iter(bearers))
        if not any(e.pos < pos and self.canonical(e.name) == name for e in self.people() if e.pos >= 0):
            return None
        return name

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
