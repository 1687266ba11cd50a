"""Keep site boilerplate out of extraction without touching the verbatim text.

Every offset in the corpus refers to the original text, so cleaning never rewrites it:
it *classifies* lines. :func:`content_spans` gives the ``(start, end)`` spans of the lines
that carry the article; extraction looks only there. :func:`fold_spaces` replaces the
no-break and other exotic spaces one-for-one, so offsets survive it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from .paragraphs import join_lines

# U+00A0 NO-BREAK SPACE fills the Kremlin transcripts; U+2009/U+202F/U+2007 thin and
# figure spaces appear in French-style wire copy. All fold to a plain space, one for one.
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


@lru_cache(maxsize=4)  # a document's text is folded by the layout and again by lines(): once is enough
def fold_spaces(text: str) -> str:
    """Return ``text`` with every exotic space replaced by ``" "``; the length is unchanged."""
    # str.replace per space the text holds (a text holds one or two kinds) runs four times faster than
    # a one-class regex substitution, and twenty times faster than str.translate with a dict table, on
    # the Kremlin corpus (full of U+00A0); an ASCII text has none of them.
    if text.isascii():
        return text
    for space in _SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


# Whole lines that are site furniture (compared case-insensitively after folding spaces).
_BOILER_LINES = {
    "subscribe", "newsfeed", "chats", "loader", "all news", "photo caption", "related posts",
    "related news", "leave a reply", "log in or register", "to participate in the discussion",
    "share", "comments", "read more", "advertisement", "tweet", "print", "print version",
    "most read", "latest news", "top stories", "follow us", "more news", "in other media",
    "close", "menu", "search", "home", "back to top", "cookies", "accept",
}
# Each pattern comes with a cheap test that must pass for it to match, so a line of article text is
# tried against one or two of them, not all sixteen (3.4M regex searches were 20 % of a Kremlin
# ingest). The tests look at the casefolded line: its first character (the line is stripped, so an
# anchored pattern can only start there) or a word the pattern needs; the pattern still decides.
_BOILER_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    (kind, needs, re.compile(p, re.IGNORECASE))
    for kind, needs, p in (
        ("first", "©", r"^\s*©"),  # photo credits: "© RIA Novosti . Mikhail Klementiev / Go to the mediabank..."
        ("word", "mediabank", r"go to the mediabank"),
        ("word", "required fields", r"required fields are marked"),
        ("word", "email address", r"your email address will not be published"),
        ("first", "l", r"^\s*leave a reply\b"),
        ("word", "stay tuned", r"stay tuned for updates"),
        ("first", "-–—|", r"^\s*[-–—|]\s*[\w .]+$"),  # "- Sputnik International"
        ("end", "", r"\s[-–—|]\s(sputnik international|ria novosti|tass)\s*$"),  # caption echoed with outlet
        ("first", "s", r"^\s*submitted on\s"),
        ("first", "pivs", r"^\s*(photo|image|video|source)\s*:\s"),
        ("first", "ac", r"^\s*(all rights reserved|copyright)\b"),
        ("first", "s", r"^\s*(sign up|subscribe) (for|to) (our|the)\b"),
        ("first", "ct", r"^\s*(click|tap) here\b"),
        ("digits", ".,:/-", r"^\s*[\d\s.,:/-]*$"),  # counters, lone numbers, bare dates
        ("first", "t", r"^\s*tags?\s*:"),
        ("word", "cookie", r"cookies? (policy|settings)"),
    )
]
_OUTLETS = ("sputnik international", "ria novosti", "tass")


def _may_match(kind: str, needs: str, folded: str) -> bool:
    first = folded[:1]
    if kind == "first":
        return first in needs
    if kind == "word":
        return needs in folded
    if kind == "end":
        return folded.rstrip().endswith(_OUTLETS)
    return first.isdecimal() or first in needs  # "digits"


# The same tests, precomputed: the patterns a line's first character may start, the word-needing
# ones, and the outlet-suffix one (a dict look-up per line instead of sixteen _may_match calls).
# The first-character patterns are anchored (``^``, no MULTILINE): ``match`` finds what ``search``
# would, without trying every later position of a long line.
_BY_FIRST: dict[str, tuple[re.Pattern[str], ...]] = {}
for _kind, _needs, _p in _BOILER_PATTERNS:
    if _kind in ("first", "digits"):
        for _c in _needs:
            _BY_FIRST[_c] = (*_BY_FIRST.get(_c, ()), _p)
_DIGIT_PATTERNS = tuple(p for kind, _, p in _BOILER_PATTERNS if kind == "digits")
_BY_WORD = tuple((needs, p) for kind, needs, p in _BOILER_PATTERNS if kind == "word")
_AT_END = tuple(p for kind, _, p in _BOILER_PATTERNS if kind == "end")


def _pattern_matches(s: str, folded: str) -> bool:
    """Whether any boilerplate pattern whose cheap test passes on ``folded`` matches ``s``."""
    first = folded[:1]
    for p in _BY_FIRST.get(first, ()):
        if p.match(s):
            return True
    if first.isdecimal() and first not in _BY_FIRST:
        for p in _DIGIT_PATTERNS:
            if p.match(s):
                return True
    for needs, p in _BY_WORD:
        if needs in folded and p.search(s):
            return True
    if folded.rstrip().endswith(_OUTLETS):
        for p in _AT_END:
            if p.search(s):
                return True
    return False


# Every character str.splitlines() breaks on.
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")


class Line(NamedTuple):  # a tuple: built for every line of every document, twice as fast as a dataclass
    start: int
    end: int
    text: str
    boilerplate: bool


def is_boilerplate(line: str, *, latin_document: bool = True) -> bool:
    """Whether one line of an article is site furniture rather than the article."""
    s = fold_spaces(line).strip()
    return _is_boilerplate(s, latin_document) if s else True


def _is_boilerplate(s: str, latin_document: bool) -> bool:
    """:func:`is_boilerplate` of a line already folded and stripped (not empty)."""
    folded = s.casefold()
    if folded.rstrip(" .:") in _BOILER_LINES:
        return True
    if _pattern_matches(s, folded):
        return True
    # Most lines have no non-ASCII letter at all: skip counting them (a hot path in ingest).
    if latin_document and not s.isascii() and _NON_ASCII_LETTER.search(s):
        letters = _LETTER.findall(s)
        latin = sum(1 for c in letters if c.isascii())
        # Navigation in another script on an English page ("Заголовок открываемого материала").
        if latin / len(letters) < 0.3:
            return True
    return False


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def _is_latin_document(text: str) -> bool:
    head = text[:20000]
    # Whether a non-ASCII letter is there, asked of the non-ASCII characters alone (a few dashes and
    # quote marks in most articles): the letter class tried on every character was ten times slower.
    if head.isascii() or not _NON_ASCII_LETTER.search(_ASCII_RUN.sub("", head)):
        return bool(_LETTER.search(head))
    letters = _LETTER.findall(head)
    return bool(letters) and sum(1 for c in letters if c.isascii()) / len(letters) >= 0.5


# One non-empty line, stripped: from its first to its last non-space character, never across a line
# break (``\s`` is str.isspace, which every break of str.splitlines() and every folded space satisfy).
_STRIPPED_LINE = re.compile(f"\\S(?:[^{_LINE_BREAKS}]*\\S)?")


def lines(text: str) -> Iterator[Line]:
    """Every non-empty line of ``text`` with its offsets and whether it is boilerplate."""
    # One regex pass finds every stripped line, and the spaces are folded once for the whole text
    # (folding keeps offsets and only turns spaces into spaces, so the lines are the same), not once
    # per line: str.splitlines plus a strip and a fold per line were a third of the layout's time.
    folded = fold_spaces(text)
    latin = _is_latin_document(folded)
    for m in _STRIPPED_LINE.finditer(folded):
        s = m.group()
        start, end = m.span()
        yield Line(start, end, s if folded is text else text[start:end], _is_boilerplate(s, latin))


def content_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the lines that carry the article, in order."""
    return [(ln.start, ln.end) for ln in lines(text) if not ln.boilerplate]


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the lines that are site furniture."""
    return [(ln.start, ln.end) for ln in lines(text) if ln.boilerplate]


def guess_title(text: str) -> tuple[str, int, int] | None:
    """The title line of a plain-text article: the first content line of three words or more.

    Seeds open with furniture ("All news", "Photo caption", "- Sputnik International",
    a one-word section name) before the headline; those are passed over.
    """
    for ln in lines(text):
        if ln.boilerplate:
            continue
        if len(ln.text.split()) >= 3 and len(ln.text) <= 300:
            return fold_spaces(ln.text).strip(), ln.start, ln.end
    return None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Content spans with hard-wrapped lines joined back into their paragraph
    (:mod:`corpus.paragraphs`: decided by the document's line layout, never by a capital letter)."""
    return join_lines(text, _content_with_wrapped_numbers(text))


def _content_with_wrapped_numbers(text: str) -> list[tuple[int, int]]:
    """Content spans, plus a furniture-looking line a hard wrap cut out of a sentence: the end of one
    ("… in June⏎1968.", "… when leaving⏎home."), or the start of one that runs on in lower case
    ("– To bring the number⏎of satellites …"). As lines of their own they look like a counter, a
    menu word or a "- Source" line; inside a wrapped sentence they are its words."""
    all_lines = list(lines(text))
    out: list[tuple[int, int]] = []
    for k, ln in enumerate(all_lines):
        if ln.boilerplate:
            prev = all_lines[k - 1] if k else None
            nxt = all_lines[k + 1] if k + 1 < len(all_lines) else None
            ends_sentence = (prev is not None and not prev.boilerplate
                             and text[prev.end:ln.start].count("\n") == 1 and not prev.text.endswith(_ENDS)
                             and ln.text.endswith((".", "!", "?", "…")))
            starts_sentence = (nxt is not None and text[ln.end:nxt.start].count("\n") == 1
                               and nxt.text[:1].islower() and not ln.text.endswith(_ENDS))
            if not (ends_sentence or starts_sentence):
                continue
        out.append((ln.start, ln.end))
    return out


_ENDS = (".", "!", "?", "…", ":", ";")
