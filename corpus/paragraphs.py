"""Paragraphs from physical lines: hard-wrapped lines joined back, decided by the document's own layout.

A single newline means different things in different documents. Where paragraphs are separated by
blank lines (the Kremlin transcripts, most wire copy), a single newline inside a block is a hard wrap,
wherever it falls: the site wraps at 30 to 100 characters, before capitals as often as not
("Donald Trump is targeting the traditional⏎Republican voters"). Where every paragraph is one line,
a single newline ends a paragraph. Where a text is wrapped at a fixed width with no blank lines, a
line that reaches the document's wrap width continues and a short line ends its paragraph. The
capital letter at the start of the next line decides nothing.

Some breaks are structure, never wraps: where single newlines can end paragraphs, a line ending in a
colon (a turn label on its own line, "The message reads:") or opening with a turn label; everywhere,
a finished sentence followed by a line opening with a turn label (a turn that lost its blank line),
a line of symbols ("* * *"), and the first line — the headline — unless it opens a turn, is the first
part of a label wrapped in two ("President of Russia⏎Vladimir Putin :"), or runs on in lower case.
A label wrapped in two inside the text joins like any wrapped line
("Environment⏎and Natural Resources Minister Sergei Donskoy :").
"""

from __future__ import annotations

import re

_TERMINAL = tuple(".!?…\"”»’)]")
_CONNECT = "of|the|and|for|in|on|at|to|de|da|di|du|van|von|der|den|le|la|bin|ibn|al|el|y"
# A line that opens with a turn label: a short capitalised phrase, then a colon ("Vladimir Putin:",
# "Sergei Ignatyev :", "Question (retranslated):"). Deliberately loose: it only keeps such a line
# from being glued onto the line before.
_LABEL_START = re.compile(
    rf"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|{_CONNECT})){{0,9}}\s?(?:\([^)\n]{{1,40}}\)\s*)?:(?:\s|$)")
# The first part of a label wrapped over two lines: capitalised words and connectors only.
_LABEL_HEAD = re.compile(rf"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z0-9][\w.'’-]*|{_CONNECT}|th|st|nd|rd)){{0,15}}$")
_CLOSING = {"…", "...", ".", "?", "!", "”", "»", "\"", "…”", ".”"}
_BULLET = re.compile(r"^(?:[•▪●◦*]|[-–—]\s|\d{1,2}[.)]\s)")
_ALNUM = re.compile(r"[^\W_]")


def _first_word(s: str) -> str:
    return s.split(None, 1)[0] if s.split() else ""


def _percentile(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def join_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (content lines, in order) with hard-wrapped lines joined into their paragraphs."""
    if len(spans) < 2:
        return list(spans)
    texts = [text[s:e] for s, e in spans]
    gaps = [text[spans[i - 1][1]:spans[i][0]] for i in range(1, len(spans))]
    single = [not g.strip() and g.count("\n") == 1 for g in gaps]  # gaps[i-1] precedes line i
    blank = [not g.strip() and g.count("\n") > 1 for g in gaps]
    # The document's statistics: does it separate paragraphs by blank lines (the gap after the
    # headline does not count), and where do its wrapped lines end?
    wrapped_lens = [len(texts[i - 1]) for i in range(2, len(spans)) if single[i - 1]]
    blanks = sum(blank[1:])
    blank_separated = blanks >= 1 and blanks * 10 >= len(wrapped_lens)
    ends = [texts[i - 1].rstrip().endswith(_TERMINAL) for i in range(2, len(spans)) if single[i - 1]]
    wrapped_style = blank_separated or (bool(ends) and sum(ends) < 0.5 * len(ends))
    width = _percentile(wrapped_lens, 0.9) if len(wrapped_lens) >= 3 else max(wrapped_lens or [0])

    out: list[tuple[int, int]] = [spans[0]]
    para_start_text = texts[0]  # the first line of the paragraph being built
    for i in range(1, len(spans)):
        prev, nxt = texts[i - 1].rstrip(), texts[i].lstrip()
        if single[i - 1] and _continues(prev, nxt, i == 1, out[-1] == spans[i - 1], para_start_text,
                                        wrapped_style, blank_separated, width):
            out[-1] = (out[-1][0], spans[i][1])
            continue
        out.append(spans[i])
        para_start_text = texts[i]
    return out


def _continues(prev: str, nxt: str, after_headline: bool, prev_is_whole: bool, para_first: str,
               wrapped_style: bool, blank_separated: bool, width: int) -> bool:
    """Whether line ``nxt`` continues the paragraph that line ``prev`` ends."""
    lower_next = nxt[:1].islower()
    if not _ALNUM.search(nxt):
        return nxt in _CLOSING  # "…" closing a sentence cut off; "* * *" stands alone
    if not _ALNUM.search(prev):
        return False
    if prev.endswith(":") and not (lower_next or blank_separated):
        return False  # a label on its own line, or "The message reads:" before a new paragraph
    sentence_end = prev.endswith(_TERMINAL)
    label_wrap = prev_is_whole and bool(_LABEL_HEAD.match(prev)) and bool(_LABEL_START.match(nxt))
    if after_headline:
        # The headline stands alone, unless it is really the first turn of a transcript or the
        # first words of a label or sentence wrapped onto the next line.
        # A second label right after the first turn starts a turn of its own ("ANDERSON COOPER: …⏎
        # GAVIN NEWSOM: …" one newline apart).
        return label_wrap or (bool(_LABEL_START.match(prev)) and not _LABEL_START.match(nxt)) or (
            lower_next and not nxt.startswith(("by ", "from ")) and not sentence_end)
    if sentence_end and (_LABEL_START.match(nxt) or _BULLET.match(nxt)):
        return False  # a new turn or list item that lost its blank line
    if blank_separated or lower_next or label_wrap:
        return True  # a single newline is not how this document ends a paragraph
    if _LABEL_START.match(nxt) or (_BULLET.match(nxt) and prev.endswith(";")):
        return False
    if wrapped_style:
        if not sentence_end:
            return True  # the sentence goes on
        # Wrapped at a fixed width: the line was full (the next word did not fit), so it goes on.
        return len(prev) + 1 + len(_first_word(nxt)) > 0.9 * width
    return prev.endswith((",", "-", "–")) and len(prev) >= 0.8 * width
