"""Can two names be one person? Initials, transliterations and given-name variants — never a surname alone.

``same_person_names("A. Fursenko", "Andrei Fursenko")`` and ``("Petr Fradkov", "Pyotr Fradkov")`` are
True; ``("Putin", "Vladimir Putin")`` (a bare surname), ``("Igor Ivanov", "Sergei Ivanov")`` and
``("George W. Bush", "George H. W. Bush")`` are False. Both names are read by
:func:`corpus.names.name_shape`; the surnames must fold to one transliteration key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from .name_lexicon import _in, _lexicon, _strip_accents, given_name
from .names import _INITIAL, name_shape


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """A name folded across transliterations: accents dropped, ks→x, final -y/-i/-iy/-yy/-ei dropped."""
    s = _strip_accents(word.casefold())
    s = "".join(c for c in s if c.isalpha())
    s = s.replace("ks", "x").replace("kh", "h").replace("yu", "iu").replace("ya", "ia").replace("yo", "io")
    s = re.sub(r"(.)\1+", r"\1", s)  # Zelenskyy, Mikhaill
    s = re.sub(r"(?:iy|yy|ij|y|i|e[iy])$", "", s) if len(s) > 4 else s
    return s


def surname_key(surname: str) -> str:
    """The folded surname without its particles: "al-Assad" and "Assad" → "asad"."""
    words = [w for w in surname.split() if not _in(w, "particles")]
    if not words:
        return translit_key(surname)
    first = words[0].casefold()
    for p in _lexicon().words["particle_prefixes"]:
        if first.startswith(p) and len(first) > len(p) + 1:
            words[0] = words[0][len(p):]
            break
    return translit_key("".join(words))


_GIVEN_SIMILARITY = 85  # rapidfuzz ratio over translit-folded given names the lexicon does not know


def same_given_name(a: str, b: str) -> bool:
    """One given name in two spellings: "Petr"/"Pyotr", "A."/"Andrei", "Sergei"/"Sergey"."""
    if _INITIAL.match(a) or _INITIAL.match(b):
        ia, ib = _strip_accents(a).casefold().strip("."), _strip_accents(b).casefold().strip(".")
        short, full = (ia, ib) if len(ia) <= len(ib) else (ib, ia)
        return full.startswith(short.split(".")[0]) or translit_key(full).startswith(translit_key(short))
    ga, gb = given_name(a), given_name(b)
    if ga and gb:
        if ga[0] and gb[0] and ga[0] != gb[0]:
            return False
        return bool(ga[1] & gb[1]) or translit_key(a) == translit_key(b)
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb or ka[0] != kb[0]:
        return False
    short, long_ = sorted((ka, kb), key=len)
    if long_ == short + "a":
        return False  # "Daniel"/"Daniela", "Jan"/"Jana": the feminine form is another person
    return ka == kb or fuzz.ratio(ka, kb) >= _GIVEN_SIMILARITY


@lru_cache(maxsize=65536)
def same_person_names(a: str, b: str) -> bool:
    """Whether names ``a`` and ``b`` can be one person; a surname alone is never enough."""
    sa, sb = name_shape(a), name_shape(b)
    if not sa or not sb or sa.kind != "person" or sb.kind != "person":
        return False
    if not (sa.given and sb.given and sa.surname and sb.surname):
        return False
    if surname_key(sa.surname) != surname_key(sb.surname):
        return False
    if sa.gender and sb.gender and sa.gender != sb.gender:
        return False
    ga, gb = sa.given.split(), sb.given.split()
    if not same_given_name(ga[0], gb[0]):
        # a middle name used as the first: "Tayyip Erdogan" ~ "Recep Tayyip Erdogan"
        short, long_ = (ga, gb) if len(ga) < len(gb) else (gb, ga)
        return len(short) < len(long_) and any(
            all(same_given_name(x, y) for x, y in zip(short, long_[i:i + len(short)], strict=True))
            for i in range(1, len(long_) - len(short) + 1))
    # Middle names or initials on both sides must agree: "George W. Bush" is not "George H. W. Bush".
    ma, mb = ga[1:], gb[1:]
    if ma and mb:
        if len(ma) != len(mb):
            return False
        return all(same_given_name(x, y) for x, y in zip(ma, mb, strict=True))
    return True
