"""Roles over time: what an article calls a speaker, kept with each quote, and the role as of a date.

Every quote stores the role its article gives (``quotes.role``). A speaker's role history is those
roles with the first and last date each was given; a card shows the quote's own role, or else the
role the history gives for the quote's date (a role given within :data:`STALE_DAYS` of it). Medvedev
quoted in 2017 is "Prime Minister", not the "President of Russia" of his 2010 quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from .name_lexicon import _in, given_name
from .names import name_shape

STALE_DAYS = 366  # a role last given more than a year from a quote's date is not shown for it
_GENERIC = frozenset([
    "of", "the", "for", "and", "on", "in", "at", "to", "a", "an", "first", "deputy", "acting", "chief",
    "head", "director", "general", "president", "vice", "prime", "minister", "chairman", "chairwoman",
    "chairperson", "chair", "secretary", "ceo", "executive", "officer", "board", "member", "senior",
    "former", "ex", "late", "current", "then", "new", "permanent", "special", "presidential", "state",
    "federal", "national", "russian", "russia's", "russia",
])
_FORMER = re.compile(r"(?i)^(?:former|ex-|ex|late|then|retired|outgoing)\b")
_ROLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def clean_role(*parts: str | None) -> str | None:
    """One role from the pieces an extractor gave ("European Economic" + "Relations"), or None.

    A role names an office: at least two characters, no sentence, not "former ..." (a past role
    says nothing of the date of the quote).
    """
    text = " ".join(p.strip(" ,;:-–—") for p in parts if p and p.strip(" ,;:-–—"))
    text = " ".join(text.split())
    if not text or len(text) > 160 or not text[:1].isupper() and not text[:1].isdigit():
        return None
    if _FORMER.match(text):
        return None
    return text


def role_keys(role: str | None) -> frozenset[str]:
    """Stems of the words that say which office or body a role is, beyond the generic office words:
    "ALROSA CEO" → {alros}; "Presidential Press Secretary" → {press}; "Agriculture Minister" and
    "Agricultural Minister" → {agric}; "President of Russia", "Serbian President" → {} (no evidence)."""
    if not role:
        return frozenset()
    return frozenset(w.casefold()[:5] for w in _ROLE_WORD.findall(role)
                     if w.casefold() not in _GENERIC and len(w) > 2 and not _generic_word(w))


def _generic_word(word: str) -> bool:
    return _in(word, "personal_titles", "nationality", "places", "not_names", "honorifics_m", "honorifics_f")


def proper_key(word: str) -> bool:
    """A key that is a proper name or acronym ("alros", "fnpr"), not an English office word."""
    return not _common_office_word(word)


def _common_office_word(word: str) -> bool:
    return _in(word, "role_words", "nationality", "places", "common_words", "not_names", "org_heads",
               "company_suffixes", "honorifics_m", "honorifics_f", "personal_titles")


@dataclass(frozen=True, slots=True)
class RoleSpan:
    role: str
    first: str | None  # ISO date of the first and last quote that gave it
    last: str | None
    quotes: int


def role_history(db: Database, speaker_id: int) -> list[RoleSpan]:
    """The roles articles gave a speaker, with first and last date, earliest first."""
    # Kept by triggers (migration 006c): counting a speaker's quotes per answer grew with the corpus.
    rows = db.execute("SELECT role, first, last, n FROM speaker_role_spans WHERE speaker_id = ?",
                      [speaker_id]).fetchall()
    spans = [RoleSpan(str(r[0]), r[1], r[2], int(r[3])) for r in rows]
    return sorted(spans, key=lambda s: (s.first or "", -s.quotes))


def _day(iso: str | None) -> date | None:
    if not iso or iso.startswith("-"):
        return None
    parts = (iso[:10] + "-01-01"[len(iso[:10]) - 4:] if len(iso) < 10 else iso[:10]).split("-")
    try:
        return date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1))
    except (ValueError, IndexError):
        return None


def role_as_of(history: list[RoleSpan], when: str | None) -> str | None:
    """The role a speaker held on ``when`` as the articles give it: a role whose span covers the
    date (the most quoted one), else the nearest one within :data:`STALE_DAYS`, else None."""
    day = _day(when)
    if day is None or not history:
        return None
    best: tuple[int, int, int] | None = None
    chosen = None
    for span in history:
        first, last = _day(span.first), _day(span.last)
        if first is None or last is None:
            continue
        gap = 0 if first <= day <= last else min(abs((day - first).days), abs((day - last).days))
        if gap > STALE_DAYS:
            continue
        # covering spans first, then the nearest; among equals the most quoted, then the more specific
        key = (gap, -span.quotes, -len(span.role))
        if best is None or key < best:
            best, chosen = key, span.role
    return chosen


def roles_for(db: Database, items: list[tuple[int | None, str | None, str | None]]) -> list[str | None]:
    """For (speaker_id, date, the quote's own role) triples: the role each card shows."""
    histories: dict[int, list[RoleSpan]] = {}
    out: list[str | None] = []
    for speaker_id, when, own in items:
        if own or speaker_id is None:
            out.append(own)
            continue
        if speaker_id not in histories:
            histories[speaker_id] = role_history(db, speaker_id)
        out.append(role_as_of(histories[speaker_id], when))
    return out


def latest_role(db: Database, speaker_id: int) -> str | None:
    """The role as of the speaker's latest quote (a header's role agrees with the newest card)."""
    row = db.execute("SELECT max(published) FROM quotes WHERE speaker_id = ?", [speaker_id]).fetchone()
    return role_as_of(role_history(db, speaker_id), row[0] if row else None)


def plausible_role(role: str) -> bool:
    """No question, event or other person's name inside: "Conference on ... in Asia, President" and
    "President of Turkey Recep Tayyip Erdogan President of Russia" are no one's role."""
    run = role.split()
    if any(c in role for c in "?!…()\"“”") or any(_in(w.strip(","), "event_words") for w in run):
        return False
    pairs = zip(run, run[1:], strict=False)
    return not any(given_name(a) and b[:1].isupper() and not _in(b, "role_words") for a, b in pairs)


def role_in_text(text: str, name: str) -> str | None:
    """The role a title or lead puts before ``name``: "Vladimir Putin met with ALROSA CEO Sergei
    Ivanov" → "ALROSA CEO". None when the name is not there or nothing role-like precedes it."""
    i = text.find(name)
    if i <= 0:
        return None
    before = text[:i].split()[-14:]
    # the run of capitalised words (with connectors and commas inside) right before the name
    run: list[str] = []
    for w in reversed(before):
        if w.endswith((";", ":", ".")) or not (w[:1].isupper() or w in _CONNECT):
            break
        run.insert(0, w)
    while run and (run[0] in _CONNECT or run[0].endswith(",")):
        run = run[1:]
    if len(before) > len(run) and before[-len(run) - 1].casefold().strip("-") in _PAST if run else False:
        return None  # "former Defence Minister Sergei Ivanov" says nothing of the article's date
    if not run or run[-1].endswith(","):
        return None
    if not plausible_role(" ".join(run)):
        return None
    plain = [w for w in run[-4:] if w not in _CONNECT and not w.endswith(",")]
    shape = name_shape(" ".join(plain + [name]))
    if shape is None or shape.kind != "person" or shape.name != name or not shape.role:
        return None
    return clean_role(" ".join(run))


_CONNECT = frozenset({"of", "the", "for", "and", "on", "in"})
_PAST = frozenset({"former", "ex", "then", "late", "retired", "outgoing", "ex-"})
