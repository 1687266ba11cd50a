"""Article metadata read from the text when the input does not give it.

Never guesses: an unknown year stays unknown ("MOSCOW, November 9. /TASS/" gives
``--11-09``, the ISO 8601 form of a month and day without a year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import fold_spaces

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_SUBMITTED = re.compile(r"Submitted on\s+\w+,\s*(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# Wire datelines: "MOSCOW, November 9. /TASS/", "KIEV, Nov 9 (RIA Novosti)", "BEIJING, 9 November (Sputnik)"
_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z .'-]{{2,40}}),\s*(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}))\b(?:,?\s*(?P<y>(?:19|20)\d\d))?",
    re.IGNORECASE | re.MULTILINE,
)
_SOURCES = [
    (re.compile(r"/TASS/|\(TASS\)|\bTASS\s*[-–—]"), "TASS"),
    # A photo credit ("© RIA Novosti") names the photo agency, not the publisher: not used.
    (re.compile(r"(^|\s)[-–—|]\s*Sputnik International\b|\(Sputnik\)", re.MULTILINE), "Sputnik International"),
    (re.compile(r"\(RIA Novosti\)|/RIA Novosti/"), "RIA Novosti"),
    (re.compile(r"\bkremlin\.ru\b", re.IGNORECASE), "Kremlin"),
]
_URL_SOURCES = {"kremlin.ru": "Kremlin", "tass.com": "TASS", "tass.ru": "TASS", "ria.ru": "RIA Novosti",
                "sputniknews.com": "Sputnik International", "sputnikglobe.com": "Sputnik International",
                "mid.ru": "Russian Foreign Ministry"}


@dataclass(frozen=True, slots=True)
class Metadata:
    source: str | None = None
    published: str | None = None
    place: str | None = None


def _date(y: int | None, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"


def find_date(text: str) -> str | None:
    """The publication date written near the top of an article, ISO 8601, possibly partial."""
    head = fold_spaces(text[:3000])
    if m := _SUBMITTED.search(head):  # "Submitted on Fri, 11/19/2021 - 11:47" (US order)
        return _date(int(m[3]), int(m[1]), int(m[2]))
    if m := _DATELINE.search(head):
        month = _MONTHS[(m["m1"] or m["m2"]).lower()]
        day = int(m["d1"] or m["d2"])
        return _date(int(m["y"]) if m["y"] else None, month, day)
    if m := _ISO.search(head):
        return _date(int(m[1]), int(m[2]), int(m[3]))
    if m := _MDY.search(head):
        return _date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    if m := _DMY.search(head):
        return _date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    return None


def find_place(text: str) -> str | None:
    """The dateline place ("MOSCOW, November 9." → "Moscow")."""
    if m := _DATELINE.search(fold_spaces(text[:3000])):
        return m["place"].strip().title()
    return None


def find_source(text: str, url: str | None = None) -> str | None:
    """The outlet, from the URL's host or a dateline/credit in the text; ``None`` if unsure."""
    if url:
        host = re.sub(r"^https?://(www\.)?", "", url).split("/", 1)[0].lower()
        for domain, name in _URL_SOURCES.items():
            if host == domain or host.endswith("." + domain):
                return name
    head = fold_spaces(text[:5000])
    for pattern, name in _SOURCES:
        if pattern.search(head):
            return name
    return None


def read_metadata(text: str, url: str | None = None) -> Metadata:
    return Metadata(source=find_source(text, url), published=find_date(text), place=find_place(text))
