"""Turn labels that name an office, not a person: "Spokesperson:", "Chairman:", "The DEPUTY PRESIDENT:".

A role word is never a speaker's name. Such a label is the one person the document gives that office:
an earlier label that named them with it ("The DEPUTY PRESIDENT (Mr P Mashatile):", "Press Secretary
Dmitry Peskov:"), else the one person the article introduces with it ("a briefing by Anna Berg,
Spokesperson for the Secretary-General", "Foreign Ministry spokesperson Li Wen"). Two such people, or
none, and the turn is nobody's.
"""

from __future__ import annotations

import re

from ..names import given_name
from .labels import Label
from .lexicon import PERSON_NOUNS, TITLE_WORDS


def is_role_word(word: str) -> bool:
    """"Spokesperson", "Chairman", "Minister": a title or occupation word, which no label names anyone by."""
    low = word.lower().rstrip(".")
    return (low in TITLE_WORDS or low in PERSON_NOUNS) and given_name(word) is None


def _office(phrase: str) -> str:
    """A label's office, compared case-blind without "The" ("The DEPUTY PRESIDENT" → "deputy president")."""
    return re.sub(r"^the\s+", "", " ".join(phrase.lower().split()))


def office_holder(office: str, labels: list[tuple[int, Label]], text: str) -> tuple[str, tuple[int, int] | None] | None:
    """The one person the document gives ``office``: from the labels first, then the narration of ``text``
    (the folded body); with the span of the mention it was read from."""
    want = _office(office)
    if not want:
        return None
    by_label = {lab.name: (lab.name_start, lab.name_end) for _, lab in labels
                if lab.kind == "person" and lab.name and len(lab.name.split()) >= 2 and lab.role
                and (_office(lab.role) == want or re.search(rf"\b{re.escape(want)}$", _office(lab.role)))}
    if len(by_label) == 1:
        name, (s, e) = next(iter(by_label.items()))
        return name, (s, e) if s is not None and e is not None else None
    if by_label:
        return None  # two people held it ("Minister Anna Berg:", "Minister Ivan Holm:"): nobody
    return _introduced(want, text)


# A full name: two to four capitalised words (initials, particles and hyphens allowed).
_NAME = r"(?:[A-Z][\w'’-]*\.?|de|van|von|der|da|di|le|la|bin|al)(?:\s+(?:[A-Z][\w'’-]*\.?|de|van|von|der|da|di|le|la|bin|al-?)){1,3}"


def _introduced(office: str, text: str) -> tuple[str, tuple[int, int] | None] | None:
    """The one person ``text`` introduces as ``office`` ("Anna Berg, Spokesperson for …", "the spokesperson,
    Anna Berg", "Foreign Ministry spokesperson Anna Berg")."""
    role = re.escape(office).replace(r"\ ", r"\s+")
    after = re.compile(rf"(?P<name>{_NAME}),\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,3}}?(?i:{role})\b")
    before = re.compile(rf"\b(?i:{role}),?\s+(?P<name>{_NAME})")
    found: dict[str, tuple[int, int]] = {}
    for pat in (after, before):
        for m in pat.finditer(text):
            raw = m.group("name")
            words = raw.split()
            # The name must open with a given name we know or an initial, be capitalised, and hold no role word.
            while len(words) > 2 and not given_name(words[0]):  # "Today Anna Berg", "Commodore Anna Berg"
                words = words[1:]
            if len(words) < 2 or not words[0][:1].isupper() or any(is_role_word(w) for w in words) \
                    or not (given_name(words[0]) or re.fullmatch(r"[A-Z]\.?", words[0])):
                continue
            name = " ".join(words)
            s = m.start("name") + raw.index(words[0])
            found.setdefault(name, (s, s + len(name)))
    if len(found) != 1:
        return None
    name, span = next(iter(found.items()))
    return name, span
