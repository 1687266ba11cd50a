"""What a name tells of its bearer's gender, and whether two spellings in one article are one name.

Used only to keep a pronoun off a person of the other gender and to join "Kristin"/"Kristen" Wilkins.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ..names import given_name

# Given names that end in -a but are men's ("Nikita Khrushchev", "Ilya Klebanov").
_MALE_A = {"nikita", "ilya", "foma", "luka", "joshua", "andrea", "mustafa", "musa", "isa", "yahya", "sasha",
           "kuzma", "savva", "akira", "garcia", "dana", "ezra", "jonah", "noah", "elijah", "zakaria", "issa"}


def _guess_gender(name: str) -> str | None:
    """The gender the given-name lexicon knows for the first name; else the one a Slavic surname
    tells (-ova, -skaya: f; -ov, -sky: m); else "f" for a given name ending in -a (Valentina,
    Tatyana) unless it is a known man's; otherwise unknown — used only to stop a pronoun from
    landing on a person of the other gender."""
    parts = name.split()
    if len(parts) < 2:
        return None
    firm = _firm_gender(name)
    if firm is not None or given_name(parts[0]) is not None:
        return firm
    first = parts[0].lower()
    return "f" if first.endswith("a") and first not in _MALE_A else None


def _firm_gender(name: str) -> str | None:
    """The gender the given-name lexicon, a Slavic surname or a Russian adjective tells; never the -a ending alone, which
    names many men ("Tetsuya", "Mamuka", "García Ortiz"). A pronoun may skip a person only on this."""
    parts = name.split()
    if len(parts) < 2:
        return None
    hit = given_name(parts[0])
    if hit is not None:
        return hit[0]
    # A Slavic surname tells the gender the given name does not: "Zhaklin Orlova", "Ilyas Dzhabrailov".
    last = parts[-1].lower()
    if last.endswith(_SLAVIC_F):
        return "f"
    if last.endswith(_SLAVIC_M):
        return "m"
    # A Russian feminine adjective ("Komsomolskaya Pravda", "Novaya Gazeta") is no man's given name.
    return "f" if parts[0].lower().endswith("aya") else None


_SLAVIC_F = ("ova", "eva", "yova", "skaya", "tskaya", "ovna", "evna")
_SLAVIC_M = ("ov", "ev", "yov", "sky", "skiy", "skii", "tsky")


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
