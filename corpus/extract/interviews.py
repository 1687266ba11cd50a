"""An interview's answerer: who answers the "A:" turns, named by the headline or by the lead and the
introduction before the first label; nobody when they name no one or more than one.
"""

from __future__ import annotations

import re

from ..models import Resolution
from .candidates import _RUN, _RUN_LEAD
from .layout import Layout
from .mentions import parse_mention
from .resolve import Tracker


def interviewee(lay: Layout, lead: str | None, first_label: int) -> tuple[str, Resolution, tuple[int, int] | None] | None:
    """Who answers an interview's "A:" turns, how that was read, and where the body names them: the one
    person a headline that announces an interview names ("Interview: the novelist Anna Berg", "Q&A with
    Vice President Joe Biden"), else the one person the lead and the introduction (the body before the
    first label) name. None when they name nobody or more than one ("We met two climbers"); a name
    owning something ("Q&A: Joe Biden's chief of staff") is not the interviewee."""
    title = lay.title or ""
    headline = _people(lay, title, None, 0)
    intro = _people(lay, lead or "", lay.folded[:first_label], first_label)
    candidates = [("headline", headline)] if _INTERVIEW_TITLE.search(title) else []
    for how, people in [*candidates, ("lead", headline + intro)]:
        names = {name for name, _ in people}
        if len(names) == 1 and len(next(iter(names)).split()) >= 2 and not next(iter(names)).startswith("?"):
            name = names.pop()
            span = next((sp for n, sp in intro if n == name and sp), None)  # where the body names them
            return name, how, span  # type: ignore[return-value]
    return None


_INTERVIEW_TITLE = re.compile(r"(?i)\b(?:interview|q\s*&\s*a|q\s+and\s+a|in\s+conversation|talks?\s+to|speaks?\s+to|"
                              r"sits?\s+down\s+with|questions\s+for|asks?)\b")
_POSSESSIVE = re.compile(r"['’]s?(?:\s|$)")


def _people(lay: Layout, title: str, intro: str | None, first_label: int) -> list[tuple[str, tuple[int, int] | None]]:
    """The people ``title`` and the body's ``intro`` name, each with its span in the body (None in a
    title or lead); in a headline, not a name that owns something ("Q&A: Joe Biden's aide"). A run of
    capitalised words that may be a name the lexicon does not know ("Lena Dahl") counts as someone
    else, written with a leading "?": it is never the interviewee, and it makes another one doubtful."""
    out: list[tuple[str, tuple[int, int] | None]] = []
    for source, in_body in ((title, False), (intro or "", True)):
        if not source:
            continue
        tracker = Tracker(source, None) if in_body else Tracker("", source)
        known = set()
        for e in tracker.people():
            known.add(e.name)
            last = e.name.split()[-1]
            at = source.find(last)
            if not in_body and at >= 0 and _POSSESSIVE.match(source, at + len(last)):
                out.append(("?" + e.name, None))  # the interviewee is someone of theirs, not them
            elif e.personal:
                found = in_body and lay.folded.startswith(e.name, e.pos) and e.pos + len(e.name) <= first_label
                out.append((e.name, (e.pos, e.pos + len(e.name)) if found else None))
            else:
                out.append(("?" + e.name, None))
        for m in _RUN.finditer(source):
            lead = _RUN_LEAD.match(m.group())
            run = m.group()[lead.end():] if lead else m.group()
            men = parse_mention(run) if len(run.split()) >= 2 else None
            if men is not None and men.kind == "name" and men.name and (
                    men.name in known or (" " not in men.name and men.name in {k.split()[-1] for k in known})):
                continue  # a person counted above ("Vice President Joe Biden", "Mr Biden")
            if len(run.split()) >= 2 and (men is None or men.kind == "name"):
                out.append(("?" + run, None))
    return out
