"""The name lexicon: given names with gender and spelling variants, and the word lists a name's shape is read with.

A curated given-name list (``data/given_names.txt``, with spelling variants), a world table of given names with
gender (``data/given_names_world.tsv``, derived from nomquamgender by ``bench/given_names.py``) for names the
curated list lacks, and word lists (``data/name_words.toml``). Loaded once, on first use; every look-up is cached.
:mod:`corpus.names` reads a name's shape with it.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

Gender = Literal["m", "f"]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    given: dict[str, tuple[Gender | None, frozenset[int]]]  # folded name → gender, variant groups
    words: dict[str, frozenset[str]]
    curated: frozenset[str]  # the names data/given_names.txt lists (the rest come from the world table)
    unjoined: set[str]  # world names whose spelling variants are not looked up yet (see _join_spellings)
    own: dict[str, int]  # a world name's own variant group


def _strip_accents(s: str) -> str:
    if s.isascii():
        return s  # NFKD leaves ASCII as it is, and no ASCII character combines
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _key(word: str) -> str:
    return _strip_accents(word).casefold().strip(".")


@cache
def _lexicon() -> _Lexicon:
    data = resources.files("corpus") / "data"
    given: dict[str, tuple[Gender | None, frozenset[int]]] = {}
    for n, line in enumerate((data / "given_names.txt").read_text(encoding="utf-8").splitlines()):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        sex: Gender | None = "m" if parts[0] == "m" else "f" if parts[0] == "f" else None
        for name in parts[1:]:
            k = _key(name)
            old_sex, groups = given.get(k, (sex, frozenset()))
            given[k] = (old_sex if old_sex == sex else None, groups | {n})
    raw = tomllib.loads((data / "name_words.toml").read_text(encoding="utf-8"))
    words = {k: frozenset(_strip_accents(w) for w in v) for k, v in raw.items()}
    curated = frozenset(given)
    # The world table: one folded name per line with its gender ("m?"/"f?", borne mostly by one gender, tells
    # none), each its own variant group. A word our own lists give another use ("general", "Jordan" the
    # country, "Will" among common words) is no given name from it.
    taken = frozenset().union(*(words[k] for k in _NOT_GIVEN_LISTS))
    unjoined: set[str] = set()
    own: dict[str, int] = {}
    for line in (data / "given_names_world.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        sex_code, k = line.split("\t")
        if k not in given and k not in taken:
            n += 1
            given[k] = ("m" if sex_code == "m" else "f" if sex_code == "f" else None, frozenset({n}))
            own[k] = n
            if len(k) >= 4:
                unjoined.add(k)
    return _Lexicon(given, words, curated, unjoined, own)


_LETTERS = "abcdefghijklmnopqrstuvwxyz'-"


def _join_spellings(lex: _Lexicon, k: str) -> None:
    """A world-table name one letter from another name of no other gender ("Kristen"/"Kristin", "Marc"/"Mark")
    shares its variant groups: the world table has no spelling groups, and an article that writes one
    person's given name two ways must stay one person. Looked up on a name's first use (all at once took
    most of the lexicon's load time); the neighbours' own groups are read as loaded, never as joined."""
    lex.unjoined.discard(k)
    sex, groups = lex.given[k]
    near = {k[:i] + k[i + 1:] for i in range(1, len(k))}
    near |= {k[:i] + c + k[i + 1:] for i in range(1, len(k)) for c in _LETTERS}
    near |= {k[:i] + c + k[i:] for i in range(1, len(k) + 1) for c in _LETTERS}
    extra: set[int] = set()
    for o in near - {k}:
        hit = lex.given.get(o)
        if hit is None or len(o) < 4 or (sex is not None and hit[0] is not None and hit[0] != sex):
            continue
        extra |= {lex.own[o]} if o in lex.own else hit[1]
    if extra:
        lex.given[k] = (sex, groups | extra)


# Word lists whose words the world table never makes given names.
_NOT_GIVEN_LISTS = ("honorifics_m", "honorifics_f", "plural_honorifics", "particles", "suffixes", "role_words",
                    "personal_titles", "nationality", "company_suffixes", "org_heads", "org_acronyms", "not_names",
                    "common_words", "places", "event_words", "east_asian_surnames", "person_nouns")


@lru_cache(maxsize=65536)  # pure: the word lists never change once loaded
def _in(word: str, *lists: str) -> bool:
    w = _strip_accents(word).casefold()
    lex = _lexicon().words
    return any(w in lex[name] or w.rstrip(".") in lex[name] for name in lists)


@lru_cache(maxsize=65536)  # pure: a name's spellings are joined on its first look-up, the same on every later one
def given_name(word: str) -> tuple[Gender | None, frozenset[int]] | None:
    """The lexicon entry for a given name (gender, variant groups), or None when it is not one."""
    k = _key(word)
    lex = _lexicon()
    if k in lex.unjoined:
        _join_spellings(lex, k)
    hit = lex.given.get(k)
    if hit is None and "-" in k:  # "Frank-Walter", "Anne-Marie": each half a given name
        halves = [_lexicon().given.get(h) for h in k.split("-")]
        if all(halves):
            return halves[0]
    return hit


def curated_given_name(word: str) -> bool:
    """Whether the curated lexicon (data/given_names.txt) lists ``word``; :func:`given_name` also reads the
    world table."""
    return _key(word) in _lexicon().curated
