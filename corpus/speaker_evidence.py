"""Dated role evidence for a person's name, and whether it shows two people behind one name.

Evidence is every role an article gives the name — with a quote (``quotes.role``) or anywhere in its
title, lead or text ("Meeting with ... Special Presidential Representative ... Sergei Ivanov") —
with the article's date. Roles that share a word naming the office ("Defence Minister", "Deputy
Prime Minister and Defence Minister") form one strand. Two strands contradict when they *interleave*
in time — strand A, then B, then A again, each step within :data:`OVERLAP_DAYS` — and neither
strand's roles name the other's office: one person moves from post to post, two people hold
their posts at once. A career (A, then B, never back) never contradicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database

from .speaker_roles import _ROLE_WORD, _day, plausible_role, proper_key, role_in_text, role_keys

OVERLAP_DAYS = 400  # A … B … A with each step within this many days: the posts were held at once
MIN_POINTS = 2  # a strand needs this many dated articles to count as evidence


@dataclass(frozen=True, slots=True)
class Evidence:
    day: date
    role: str
    article_id: int
    quoted: bool  # the role came with a quote by this name (else from a mention in the text)


@dataclass(slots=True)
class Strand:
    keys: set[str]
    points: list[Evidence] = field(default_factory=list)

    @property
    def roles(self) -> list[str]:
        counts: dict[str, int] = {}
        for p in self.points:
            counts[p.role] = counts.get(p.role, 0) + 1
        return sorted(counts, key=lambda r: -counts[r])

    @property
    def span(self) -> tuple[date, date]:
        days = [p.day for p in self.points]
        return min(days), max(days)

    @property
    def articles(self) -> set[int]:
        return {p.article_id for p in self.points}


def gather(db: Database, speaker_id: int, name: str) -> list[Evidence]:
    """Role evidence for ``name``: its quotes' roles and the roles any article text gives it."""
    out: list[Evidence] = []
    for role, published, article_id in db.execute(
            "SELECT role, published, article_id FROM quotes WHERE speaker_id = ? AND role IS NOT NULL", [speaker_id]):
        day = _day(published)
        if day and role_keys(role) and plausible_role(str(role)):
            out.append(Evidence(day, str(role), int(article_id), True))
    seen = {(e.article_id, e.role) for e in out}
    for article_id, published, title, lead, text in db.execute(
            "SELECT id, published, title, lead, text FROM articles WHERE instr(text, ?) > 0 OR instr(title, ?) > 0",
            [name, name]):
        day = _day(published)
        if day is None:
            continue
        for block in (title or "", lead or "", text or ""):
            for role in _roles_in(block, name):
                if role_keys(role) and (int(article_id), role) not in seen:
                    seen.add((int(article_id), role))
                    out.append(Evidence(day, role, int(article_id), False))
    return out


def _roles_in(text: str, name: str) -> list[str]:
    roles: list[str] = []
    start = 0
    while True:
        i = text.find(name, start)
        if i < 0:
            return roles
        role = role_in_text(text[max(0, i - 300): i + len(name)], name)
        if role:
            roles.append(role)
        start = i + len(name)


def strands(evidence: list[Evidence]) -> list[Strand]:
    """Evidence grouped into strands of roles sharing an office word, largest first."""
    groups: list[Strand] = []
    for e in sorted(evidence, key=lambda e: e.day):
        keys = set(role_keys(e.role))
        # roles sharing an office word, or given to the name in one article, are one person's
        hits = [g for g in groups if g.keys & keys or e.article_id in g.articles]
        if not hits:
            groups.append(Strand(keys, [e]))
            continue
        first = hits[0]
        first.keys |= keys
        first.points.append(e)
        for other in hits[1:]:
            first.keys |= other.keys
            first.points.extend(other.points)
            groups.remove(other)
    for g in groups:
        g.points.sort(key=lambda p: p.day)
    return sorted(groups, key=lambda g: -len(g.articles))


def _interleave(a: Strand, b: Strand) -> tuple[date, date, date] | None:
    """An A … B … A sequence with each step within OVERLAP_DAYS, or None."""
    a_days = sorted({p.day for p in a.points})
    for pb in sorted({p.day for p in b.points}):
        before = [d for d in a_days if d < pb and (pb - d).days <= OVERLAP_DAYS]
        after = [d for d in a_days if d > pb and (d - pb).days <= OVERLAP_DAYS]
        if before and after:
            return before[-1], pb, after[0]
    return None


@dataclass(frozen=True, slots=True)
class Contradiction:
    main: Strand
    other: Strand
    when: tuple[date, date, date]

    def reason(self) -> str:
        a, b, c = self.when
        return (f"“{self.main.roles[0]}” on {a} and {c}, but “{self.other.roles[0]}” on {b} in between: "
                f"two posts held at once by two people")


NEAR = 60  # characters: a body's proper name this close to the other post's words in some article
# names one body twice ("Federation of Independent Trade Unions of Russia (FNPR)")


def _words(strand: Strand, *, proper: bool) -> set[str]:
    out = set()
    for role in strand.roles:
        for w in _ROLE_WORD.findall(role):
            if w.casefold()[:5] in strand.keys and len(w) > 2 and (not proper or proper_key(w)):
                out.add(w.casefold())
    return out


def same_body(db: Database, a: Strand, b: Strand) -> str | None:
    """A proper name from ``a``'s roles that some article puts right beside a word of ``b``'s: one
    body under two names ("FNPR" and "Trade Unions"), not two posts."""
    main_words = _words(b, proper=False)
    for name in sorted(_words(a, proper=True)):
        rows = db.execute("SELECT text FROM articles WHERE instr(lower(text), ?) > 0 LIMIT 200", [name]).fetchall()
        for (text,) in rows:
            low = str(text).lower()
            i = low.find(name)
            while i >= 0:
                window = set(_ROLE_WORD.findall(low[max(0, i - NEAR): i + len(name) + NEAR]))
                both = window & main_words
                if both:
                    return f"“{name}” and “{sorted(both)[0]}” stand side by side in an article"
                i = low.find(name, i + 1)
    return None


def contradictions(evidence: list[Evidence], db: Database | None = None) -> list[Contradiction]:
    """Smaller strands that interleave with a larger, well-attested one (see the module docstring) and
    that no article shows to be one body under two names. The larger strand keeps the row."""
    found = strands(evidence)
    out = []
    for k, other in enumerate(found):
        if k == 0 or not any(p.quoted for p in other.points):
            continue  # the other post must come with quotes of its own
        for main in found[:k]:
            if len(main.articles) < MIN_POINTS or len(main.articles) < len(other.articles):
                continue
            when = _interleave(main, other)
            if when and (db is None or same_body(db, other, main) is None):
                out.append(Contradiction(main, other, when))
                break
    return out
