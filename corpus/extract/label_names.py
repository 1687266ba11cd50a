"""The name at the end of a turn label: which trailing words of "Central Bank chairman Sergei Ignatyev" or
"Vladimir PUTIN" are the name (:func:`split_name`), and the word tests it is read with. :mod:`.labels` reads
the whole label.
"""

from __future__ import annotations

import re

from ..names import given_name
from .label_words import CAP_PARTICLES, PARTICLES, PLACE_WORDS, ROLE_LINKS
from .lexicon import NATIONALITY_WORDS, ORG_HEADS, TITLE_WORDS

_PLACE_LIKE = re.compile(r"(?:ia|stan|land|ine)$")


# A surname with a lower-case particle joined by a hyphen: "al-Assad", "el-Sisi", "bin-Talal".
_PARTICLE_SURNAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu|ben)-[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")


def _is_name_word(t: str) -> bool:
    if re.fullmatch(r"[A-Z]\.?", t):
        return True  # an initial: "A. Vedyashchev", "R Saravanan"
    if _PARTICLE_SURNAME.fullmatch(t):
        return True
    return t[:1].isupper() and not t.endswith(".") and bool(re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", t))


def _titlecase(t: str) -> str:
    """"PUTIN" -> "Putin" (an ALL-CAPS surname in a label); other words unchanged."""
    if len(t) > 2 and t.isupper():
        return "-".join(p[:1] + p[1:].lower() for p in t.split("-"))
    return t


def _is_role_end(t: str) -> bool:
    low = t.lower().rstrip(".")
    return (not t[:1].isupper() or low in TITLE_WORDS or low in ORG_HEADS or low in PLACE_WORDS
            or t in NATIONALITY_WORDS or t.isupper() or bool(_PLACE_LIKE.search(low)))


def split_name(tokens: list[str]) -> tuple[int, int] | None:
    """``(i, j)``: tokens[i:j] is the trailing name of a label phrase (j = len(tokens)), or None."""
    j = len(tokens)
    if not j or not _is_name_word(tokens[-1]) or tokens[-1].lower() in TITLE_WORDS \
            or tokens[-1].lower() in ORG_HEADS or tokens[-1].lower() in PLACE_WORDS:
        return None
    i, core = j - 1, 1
    while i > 0:
        t = tokens[i - 1]
        low = t.lower()
        if (low in PARTICLES and t.islower()) or (t in CAP_PARTICLES and i - 1 > 0):
            i -= 1  # "Marine Le Pen", "Alexander Van der Bellen", "Mohammed bin Salman"
            continue
        if re.fullmatch(r"[A-Z]\.?", t):
            i -= 1
            continue
        # A nationality word is a given name only where the lexicon says so ("German Gref").
        given = core == 1 and given_name(t) is not None
        if not _is_name_word(t) or low in TITLE_WORDS or low in ORG_HEADS or low in PLACE_WORDS \
                or (t in NATIONALITY_WORDS and not given) \
                or (i - 1 > 0 and tokens[i - 2].lower() in ROLE_LINKS):
            break
        if core >= 2 and (core >= 3 or not given_name(t)):
            break  # a third name word only if it is a given name: "Recep Tayyip Erdogan", not "Unions …"
        i -= 1
        core += 1
    while i < j and tokens[i].lower() in PARTICLES and tokens[i].islower():
        i += 1
    return (i, j) if i < j else None
