"""A wire dateline at the start of an article's first paragraph is nobody's words.

"MOSCOW, May 5 (Reuters) - The bank kept rates on hold, its governor said." reports "The bank kept
rates on hold", not the place, the date and the agency; and "TOKYO (Reuters) - Nissan named …" has the
subject "Nissan", not "TOKYO (Reuters) - Nissan". The layout starts the paragraph after the dateline,
so no quote, subject or speaker ever takes it in.

Shapes read: a place in capitals ("NEW DELHI", "THE HAGUE"), or a place in any case followed by an
agency in brackets ("Paris (AFP)"); then optionally a date or region after a comma ("MOSCOW, May 5",
"WASHINGTON, D.C."), an agency in brackets or slashes ("(Reuters)", "/TASS/"), and a dash ("-", "--",
"—", "–") or, after the date, a full stop. An agency alone opens some copy ("(CNN) — …"). A place in capitals and a
colon ("KUALA LUMPUR: …") opening the first paragraph is a dateline when no other paragraph opens with a label and a
colon (a transcript's "PUTIN:", "LAVROV:").
"""

from __future__ import annotations

import re

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+(?:19|20)\d\d)?"
_CAPS_PLACE = r"[A-ZÀ-Þ][A-ZÀ-Þ.'’-]{2,}(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ.'’-]*){0,3}"
_ANY_PLACE = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}"
_AGENCY = r"(?:\([A-Z][\w .&/-]{0,30}\)|/[A-Z][\w .&-]{0,30}/)"
_REGION = r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}"
_DASH = r"(?:--|[—–-])"
_DATELINE = re.compile(
    rf"\s*(?:"
    rf"{_CAPS_PLACE}(?:,\s*(?:{_DATE}|{_REGION}))?\s*(?:{_AGENCY}\s*)?{_DASH}\s+"  # LONDON (AP) — / TOKYO --
    rf"|{_CAPS_PLACE},\s*{_DATE}\s*(?:\.\s*)?{_AGENCY}\s*[.:]?\s+"  # MOSCOW, May 5. /TASS/. / KIEV, Nov 9 (RIA)
    rf"|{_ANY_PLACE}(?:,\s*(?:{_DATE}|{_REGION}))?\s*{_AGENCY}\s*{_DASH}\s+"  # Paris (AFP) -
    rf"|{_AGENCY}\s*{_DASH}\s+"  # (CNN) —
    rf")(?=[\"“‘'A-Z0-9])"
)
# Kickers and labels in capitals before a dash are no place: "EXCLUSIVE – Roger Stone: …", "WATCH — …".
_KICKER = re.compile(r"\s*(?:EXCLUSIVE|BREAKING|UPDATED?|WATCH|LIVE|OPINION|ANALYSIS|EDITORIAL|COMMENTARY|REVIEW|"
                     r"VIDEO|PHOTOS?|FACT[ -]CHECK|INTERVIEW|PODCAST|NEWS|FEATURE|SPONSORED|ADVERTISEMENT|"
                     r"CORRECTION|EXPLAINER|LISTEN|READ|MORE|NOTE|EDITOR'?S NOTE)\b")
_HEAD_PARAGRAPHS = 3  # a dateline opens the story: one of its first paragraphs (after a byline, say)


def dateline_end(folded: str, start: int, end: int) -> int:
    """Where the paragraph ``folded[start:end]`` begins once a dateline opening it is left out
    (``start`` when it has none)."""
    m = _DATELINE.match(folded, start, end)
    if not m or _KICKER.match(folded, start, end):
        return start
    if not m or end - m.end() < 20:
        return start  # a line that is only a place and a dash is no dateline of a story
    return m.end()


# "KUALA LUMPUR: The government …", "NEW DELHI, May 5: …" (Malaysian, Singaporean, Indian, Pakistani papers): a place
# in capitals and a colon opening the first paragraph — the shape of a transcript's "PUTIN:" too, so read as a
# dateline only when no other paragraph opens with a label and a colon ("LAVROV:", "Question:", "Sergei Lavrov:").
_CAPS_LABEL = re.compile(r"\s*[A-Z][\w.'’ -]{0,60}?\s*(?:\([^()\n]{0,40}\)\s*)?:\s")
_COLON_DATELINE = re.compile(rf"\s*{_CAPS_PLACE}(?:,\s*{_DATE})?\s*:\s+(?=[\"“‘'A-Z0-9])")


def _colon_dateline_end(folded: str, lines: list[tuple[int, int]], start: int, end: int) -> int:
    m = _COLON_DATELINE.match(folded, start, end)
    if not m or _KICKER.match(folded, start, end) or end - m.end() < 20:
        return start
    if any(_CAPS_LABEL.match(folded, s, e) for s, e in lines if s != start):
        return start  # "PUTIN: …", "LAVROV: …" further down: a transcript's turns
    return m.end()


def skip_dateline(folded: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The body lines with the first dateline among the first paragraphs left out of its paragraph."""
    for k, (s, e) in enumerate(lines[:_HEAD_PARAGRAPHS]):
        at = dateline_end(folded, s, e)
        if at == s and k == 0:
            at = _colon_dateline_end(folded, lines, s, e)
        if at > s:
            return lines[:k] + [(at, e)] + lines[k + 1:]
    return lines
