"""Article metadata read from the text when the input does not give it, and dates validated.

Never guesses: an unknown year stays unknown ("MOSCOW, November 9. /TASS/" gives
``--11-09``, the ISO 8601 form of a month and day without a year). A date in the body is the
publication date only when it is the article's dateline or a date line at its top — "the
treaty signed on March 5, 1992" in a 2017 article is not its date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate

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
# Wire datelines: "MOSCOW, November 9. /TASS/", "KIEV, Nov 9 (RIA Novosti)", "BEIJING, 9 November (Sputnik)"
_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z .'-]{{2,40}}),\s*(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}))\b(?:,?\s*(?P<y>(?:19|20)\d\d))?",
    re.IGNORECASE | re.MULTILINE,
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = r"(?:\s*(?:[-–—,|]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"
_DATE_LINE = re.compile(
    rf"(?P<by>(?:first\s+)?(?:published|posted|updated)(?:\s+on)?:?\s+)?{_WEEKDAY}(?:(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)"
    rf"|(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>(?:19|20)\d\d)){_TIME}\s*",
    re.IGNORECASE,
)
_ISO_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{2}:\d{2}.*)?")
_PARTIAL_VALUE = re.compile(r"--(\d{2})-(\d{2})")
_HEAD_LINES = 8  # the dateline or date line stands among an article's first lines
_HEAD_CHARS = 1500
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


def ascii_digits(value: str) -> str:
    """Decimal digits of any script as ASCII ("２０１５" → "2015"); other characters unchanged."""
    if value.isascii():
        return value
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in value)


def _date(y: int | None, m: int, d: int | None = None) -> str | None:
    """ISO 8601 for a real calendar date (``None`` if it is not one); ``y=None`` gives ``--MM-DD``."""
    if y is not None and not 1800 <= y <= datetime.now(UTC).year + 1:
        return None
    try:
        date(y or 2000, m, d or 1)  # 2000 is a leap year: "--02-29" is a real month and day
    except ValueError:
        return None
    if y is None:
        return f"--{m:02d}-{d or 1:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}" if d else f"{y:04d}-{m:02d}"


def normalise_date(value: str) -> str | None:
    """A ``published`` value as ISO 8601 (possibly partial), or ``None`` when it is not a real date.

    Accepts ``2021``, ``2021-11``, ``2021-11-19`` (a time after it is dropped), ``--11-09``,
    "November 19, 2021", "19 November 2021" and RFC 2822 ("Fri, 19 Nov 2021 10:00:00 +0000").
    """
    value = ascii_digits(value.strip())
    if m := _ISO_VALUE.fullmatch(value):
        if m[2] is None:
            year = int(m[1])
            return m[1] if 1800 <= year <= datetime.now(UTC).year + 1 else None
        return _date(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    if m := _PARTIAL_VALUE.fullmatch(value):
        return _date(None, int(m[1]), int(m[2]))
    if m := _DATE_LINE.fullmatch(value):
        return _from_date_line(m)
    if parsed := parsedate(value):
        return _date(parsed[0], parsed[1], parsed[2])
    return None


def _from_date_line(m: re.Match[str]) -> str | None:
    if m["iy"]:
        return _date(int(m["iy"]), int(m["im"]), int(m["id"]))
    month = _MONTHS[(m["m1"] or m["m2"]).lower()]
    return _date(int(m["y1"] or m["y2"]), month, int(m["d1"] or m["d2"]))


def _head_lines(text: str) -> list[str]:
    """The article's first non-empty lines, spaces folded: where a dateline or date line stands."""
    out: list[str] = []
    for line in fold_spaces(text[:_HEAD_CHARS]).splitlines():
        if line.strip():
            out.append(line.strip())
            if len(out) == _HEAD_LINES:
                break
    return out


def find_date(text: str) -> str | None:
    """The publication date at the top of an article, ISO 8601, possibly partial.

    Only a "Submitted on" line, a wire dateline ("MOSCOW, November 9. /TASS/") or a line that is
    a date ("November 9, 2022 15:30") among the first lines counts; a date inside a sentence does not.
    """
    for line in _head_lines(text):
        if m := _SUBMITTED.match(line):  # "Submitted on Fri, 11/19/2021 - 11:47" (US order)
            return _date(int(m[3]), int(m[1]), int(m[2]))
        if m := _DATELINE.match(line):
            month = _MONTHS[(m["m1"] or m["m2"]).lower()]
            day = int(m["d1"] or m["d2"])
            return _date(int(m["y"]) if m["y"] else None, month, day)
        m = _DATE_LINE.match(line)
        if m and (m.end() == len(line) or m["by"]):  # a line that is a date, or "Published 9 March 2023 by …"
            return _from_date_line(m)
    return None


def find_place(text: str) -> str | None:
    """The dateline place ("MOSCOW, November 9." → "Moscow")."""
    for line in _head_lines(text):
        if m := _DATELINE.match(line):
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
