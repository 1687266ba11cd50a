"""Single quotation marks as a document's primary marks (UK and Commonwealth house style).

Many British, Irish, Australian and South African outlets quote speech in single marks ('…' or
‘…’) and nest double marks inside ('He told me "no",' she said). Read as apostrophes, such an
article yields no quotes at all. Whether single marks are the document's quotation marks is decided
per document: single-marked quotations that look like speech (opening a paragraph, following a
colon, or ending in a comma or stop before the attribution) outnumber the double-marked quotations
that stand outside them. Only then are the single marks folded into double ones (length unchanged,
so every offset stays an offset into the original text) and paired like any others.

An apostrophe is never a quotation mark: inside a word (it's, don't), eliding the start of a word
or a year (’90s, 'em, rock ’n’ roll, 'til), or ending a plural possessive (the Joneses' house)
when the quotation closes later in the paragraph.
"""

from __future__ import annotations

import re

_SINGLE = re.compile(r"['‘’]")
# Words and years an apostrophe elides at their start: never an opening mark.
_ELIDED = re.compile(r"(?i:\d\d(?:s\b|\b)|(?:em|n|til|tis|twas|cause|cos|coz|bout|round|kay|er|ello|ow)(?![\w]))")
_OPEN_BEFORE = "([{—–-/:“\"«"
_CLOSE_AFTER = ",.;:!?)]}—–-…”\"»"
_STRONG_BEFORE = ",.!?…—–-”\""
_DOUBLE = re.compile(r"[\"“”«»„]")
# Speech right after a closing single mark: "…,' she said", "…,' said X", "…,' Mr Lund added".
_CUE_AFTER = re.compile(r"^\s*(?:[—–-]\s*)?(?:(?:he|she|they|it|we|I)\s+[a-z]+|said|says|added|adds|asked|"
                        r"told|wrote|writes|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+[a-z]+(?:ed|s)\b|"
                        r"(?:the|a|an|his|her|their)\s+[a-z])")


def _opens(folded: str, i: int, ls: int) -> bool:
    """Whether the single mark at ``i`` can open a quotation: after a space, a line start, a colon or
    an opening bracket, before a word that no apostrophe elides."""
    if folded[i] == "’":
        return False  # a right single mark after a space elides (’90s, ’n’): curly text opens with ‘
    before = folded[i - 1] if i > ls else "\n"
    after = folded[i + 1] if i + 1 < len(folded) else "\n"
    if not (before.isspace() or before in _OPEN_BEFORE):
        return False
    if after.isspace() or after in "'‘’":
        return False
    return not _ELIDED.match(folded, i + 1)


def _closes(folded: str, i: int, le: int) -> str | None:
    """"strong" when the single mark at ``i`` surely closes a quotation (after punctuation, or before
    punctuation or the line end), "weak" when it may be a possessive or elision apostrophe
    (a word, the mark, a space), None when it cannot close (inside a word, after a space)."""
    if folded[i] == "‘":
        return None
    before = folded[i - 1] if i > 0 else "\n"
    after = folded[i + 1] if i + 1 < le else "\n"
    if before.isspace():
        return None
    if after.isalnum():
        return None  # it's, don't, O'Neill
    if before in _STRONG_BEFORE or after in _CLOSE_AFTER or after == "\n" or i + 1 >= le:
        return "strong"
    if after.isspace():
        return "weak"
    return None


def single_quotations(folded: str, lines: list[tuple[int, int]]) -> list[tuple[int, int | None]]:
    """Single-marked quotations over the body lines: (opening mark, closing mark or None when the
    paragraph ends first). Never nested: inside one, double marks quote."""
    out: list[tuple[int, int | None]] = []
    for ls, le in lines:
        marks = [m.start() for m in _SINGLE.finditer(folded, ls, le)]
        if not marks:
            continue
        roles = [("open" if _opens(folded, i, ls) else None, _closes(folded, i, le)) for i in marks]
        k = 0
        while k < len(marks):
            if roles[k][0] != "open":
                k += 1
                continue
            start = marks[k]
            close = None
            j = k + 1
            while j < len(marks):
                kind = roles[j][1]
                if kind == "strong":
                    close = j
                    break
                if kind == "weak":
                    # the Joneses' house / goin' home: an apostrophe when the quotation closes surely
                    # later, before another one opens
                    later = next((n for n in range(j + 1, len(marks)) if roles[n][1] == "strong" or
                                  roles[n][0] == "open"), None)
                    if later is None or roles[later][1] != "strong" or roles[later][0] == "open":
                        close = j
                        break
                j += 1
            out.append((start, marks[close] if close is not None else None))
            k = (close + 1) if close is not None else len(marks)
    return out


def _speech_like(folded: str, line: tuple[int, int], o: int, c: int | None) -> bool:
    """A single-marked quotation that reads as someone's words: three words or more, and it opens
    its paragraph, follows a colon, or closes on a comma or stop before an attribution."""
    ls, le = line
    end = c if c is not None else le
    if len(folded[o + 1:end].split()) < 3:
        return False
    if not folded[ls:o].strip() or folded[ls:o].rstrip().endswith(":"):
        return True
    return c is not None and folded[c - 1] in ",!?." and bool(_CUE_AFTER.match(folded, c + 1, le))


def _line_of(lines: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next((ls, le) for ls, le in lines if ls <= pos < le)


def single_marks_primary(folded: str, lines: list[tuple[int, int]],
                         singles: list[tuple[int, int | None]]) -> bool:
    """Whether the document quotes in single marks: speech-like single quotations outnumber the
    double-marked quotations standing outside every single one."""
    speech = sum(1 for o, c in singles if _speech_like(folded, _line_of(lines, o), o, c))
    if not speech:
        return False
    spans = [(o, c if c is not None else _line_of(lines, o)[1]) for o, c in singles]
    outside = 0
    for ls, le in lines:
        marks = [m.start() for m in _DOUBLE.finditer(folded, ls, le)]
        outside += sum(1 for p in marks if not any(a < p < b for a, b in spans))
    return speech > outside / 2  # two marks per double quotation


def fold_single_marks(folded: str, lines: list[tuple[int, int]]) -> str:
    """``folded`` with the single quotation marks made double ones (‘ or ' opening → “, closing → ”)
    when the document quotes in single marks; otherwise unchanged. An opening mark never closed is
    folded only where a quotation may run on into the next paragraph (it opens its paragraph or
    follows a colon); elsewhere it is left as an apostrophe."""
    if "'" not in folded and "‘" not in folded:
        return folded
    singles = single_quotations(folded, lines)
    if not singles or not single_marks_primary(folded, lines, singles):
        return folded
    chars = list(folded)
    for o, c in singles:
        if c is None:
            ls, _ = _line_of(lines, o)
            before = folded[ls:o].strip()
            if before and not before.endswith(":"):
                continue
        chars[o] = "“"
        if c is not None:
            chars[c] = "”"
    return "".join(chars)
