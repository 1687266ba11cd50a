"""The shape of one document as extraction sees it: title, body lines, quote marks, sentences.

Offsets everywhere are offsets into the original text. Work happens on the space-folded copy
(:func:`corpus.clean.fold_spaces` keeps the length), and only on content lines
(:func:`corpus.clean.paragraph_spans`: content lines, hard-wrapped lines joined back into their
paragraph), so site furniture never yields a quote and a wrapped paragraph is one unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean import fold_spaces, paragraph_spans
from .datelines import skip_dateline
from .single_marks import fold_single_marks

# Doubled apostrophes ('' … '') and TeX/PTB marks (`` … '') written for double quotation marks. Of
# three apostrophes the first is a single mark closing inside the double one (… the 'wrong track.''').
_TWO_MARKS = re.compile(r"``|''(?!')")
_OPENERS = "“«„"
_CLOSERS = "”»"
_MARK = re.compile(r"[\"“”«»„]")
# A sentence ends at . ! ? … (then closing marks) followed by space and a capital, digit or opener.
_SENT_END = re.compile(r"[.!?…]+[\"”»’)]*\s+(?=[\"“«(‘]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|St|Jr|Sr|Gen|Lt|Col|Capt|Prof|Inc|Co|Corp|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?|"
    r"Oct|Nov|Dec|U\.S|U\.K|U\.N|a\.m|p\.m|e\.g|i\.e|etc|approx|Fig|Vol|Nos|Art|ca)|\b[A-Z])\.$"
)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A top-level quotation: marks at ``open`` and ``close`` (``close`` is None when never closed)."""

    open: int
    close: int | None
    start: int  # first character inside the marks
    end: int  # one past the last character inside
    line: int  # index (into Layout.lines) of the line it opens on
    last_line: int

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close is not None else self.end


@dataclass(slots=True)
class Layout:
    text: str
    folded: str
    title: str | None
    title_span: tuple[int, int] | None
    lines: list[tuple[int, int]]  # body content lines, title excluded
    quotes: list[QuoteSpan] = field(default_factory=list)


def fold_marks(text: str) -> str:
    """``text`` with each two-character quotation mark made one typographic mark and a space, the
    length unchanged: an opening mark becomes " “" (the space before it), a closing one "” " (the
    space after), so the quotation between them keeps its offsets and its marks pair like any
    others. A doubled apostrophe opens when a space, a line start, an opening bracket or a dash is
    before it and no space after it; otherwise it closes."""
    if "''" not in text and "``" not in text:
        return text
    out = []
    last = 0
    for m in _TWO_MARKS.finditer(text):
        i = m.start()
        out.append(text[last:i])
        out.append(" “" if m.group() == "``" or _opens(text, i) else "” ")
        last = i + 2
    out.append(text[last:])
    return "".join(out)


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 2] if i + 2 < len(text) else "\n"
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def layout(text: str, title: str | None) -> Layout:
    folded = fold_marks(fold_spaces(text))
    spans = paragraph_spans(text)
    title_span = None
    if spans:
        s, e = spans[0]
        first = " ".join(folded[s:e].split())
        if title is None:
            # A plain-text article opens with furniture, then its headline (corpus.clean.guess_title).
            for s, e in spans[:6]:
                words = folded[s:e].split()
                # A headline does not end with a full stop; a lede sentence does ("X says …"), and so
                # does a quoted sentence. The body has begun there: nothing after it is the headline,
                # and nothing before it is dropped as furniture.
                if folded[s:e].rstrip().rstrip("”\"’'»").endswith((".", "…")):
                    break
                if len(words) >= 3 and e - s <= 300:
                    title, title_span = " ".join(words), (s, e)
                    break
        elif first == " ".join(fold_spaces(title).split()):
            title_span = (s, e)
    body = [sp for sp in spans if sp != title_span]
    if title_span:
        body = [sp for sp in body if sp[0] > title_span[0]] or body
    body = skip_dateline(folded, body)  # "MOSCOW, May 5 (Reuters) - …": nobody's words
    folded = fold_single_marks(folded, body)  # UK house style: single marks quote, double ones nest
    lay = Layout(text, folded, fold_marks(fold_spaces(title)) if title else None, title_span, body)
    lay.quotes = find_quotes(folded, body)
    return lay


def _role(folded: str, i: int, ch: str, depth: int) -> str:
    """Whether the mark at ``i`` opens or closes, from the mark and its neighbours."""
    before = folded[i - 1] if i > 0 else "\n"
    after = folded[i + 1] if i + 1 < len(folded) else "\n"
    space_before = before.isspace() or before in "([{—–-/\u2018" or i == 0
    space_after = after.isspace() or after in ".,;:!?)]}—–-…"
    if ch in _OPENERS:
        # "“" after a word and before a space is a typo'd closer.
        return "close" if depth and not space_before and space_after and ch == "“" else "open"
    if ch in _CLOSERS:
        if before == "\n" and not depth:
            return "open"  # ”… at a paragraph start is a mistyped opener
        return "open" if space_before and not space_after and not depth else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "close" if depth else "open"


def find_quotes(folded: str, lines: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair quotation marks over the body lines; never raises on unbalanced marks.

    Nested quotes with the same marks are handled with a stack; a quote left open at a line end
    continues on the next lines (a paragraph that reopens with a mark continues it too), unless
    the next line opens a new quote mid-line, which shows the first one was never closed.
    """
    out: list[QuoteSpan] = []
    stack: list[int] = []
    open_line = 0
    for li, (ls, le) in enumerate(lines):
        marks = [(m.start(), m.group()) for m in _MARK.finditer(folded, ls, le)]
        if stack:
            first = marks[0] if marks else None
            starts_open = first is not None and folded[ls:first[0]].strip() == "" \
                and _role(folded, first[0], first[1], 0) == "open"
            too_far = li - open_line > 40 or ls - stack[0] > 12000
            fresh = first is not None and not starts_open and _role(folded, first[0], first[1], 0) == "open" \
                and folded[first[0] - 1].isspace()
            if too_far or fresh:
                _unclosed(out, folded, lines, stack[0], open_line)
                stack = []
            elif starts_open:
                marks = marks[1:]  # the reopening mark of a continued multi-paragraph quote
        for pos, ch in marks:
            role = _role(folded, pos, ch, len(stack))
            if role == "open" and stack and _after_wrap(folded, ls, pos):
                # An opening mark that starts a wrapped line of the paragraph while a quotation is open:
                # that quotation was never closed (“… an African-American.⏎“I have been …,” added X).
                nl = folded.rfind("\n", ls, pos)
                if nl - stack[0] > 1:
                    out.append(QuoteSpan(stack[0], None, stack[0] + 1, nl, open_line, li))
                stack = []
            if role == "open":
                if not stack:
                    open_line = li
                stack.append(pos)
            elif stack:
                start = stack.pop()
                if not stack:
                    out.append(QuoteSpan(start, pos, start + 1, pos, open_line, li))
    if stack:
        _unclosed(out, folded, lines, stack[0], open_line)
    return out


def _after_wrap(folded: str, ls: int, pos: int) -> bool:
    """Whether only spaces stand between a line break inside the paragraph and ``pos``."""
    nl = folded.rfind("\n", ls, pos)
    return nl >= 0 and not folded[nl + 1:pos].strip()


def _unclosed(out: list[QuoteSpan], folded: str, lines: list[tuple[int, int]], start: int, li: int) -> None:
    """An opening mark never closed: the quote runs to the end of its own line."""
    end = lines[li][1]
    if end - start > 1:
        out.append(QuoteSpan(start, None, start + 1, end, li, li))


def sentences(folded: str, start: int, end: int, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentence spans within one line; a sentence never ends inside a quotation."""
    out = []
    s = start
    inside = [(q.open, q.outer_end) for q in quotes if q.open < end and q.outer_end > start]
    for m in _SENT_END.finditer(folded, start, end):
        cut = m.start()
        if any(a < cut and m.end() <= b for a, b in inside):
            continue
        if _ABBREV.search(folded, max(s, cut - 6), cut + 1):
            continue
        out.append((s, m.end()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out


def trim(folded: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` without surrounding spaces."""
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end
