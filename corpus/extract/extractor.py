"""The extraction pass over one document: transcripts, direct quotes, indirect speech.

Lines are visited in order so the speaker memory (:class:`~.resolve.Tracker`) sees the article
as a reader does: a pronoun or "the minister" refers back, never forward.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import ExtractedQuote
from .direct import DirectQuotes
from .disowned import disown_put_in_mouth
from .fragments import IT
from .indirect import IndirectSpeech
from .layout import QuoteSpan, layout, sentences, trim
from .mentions import parse_mention
from .messages import message_paragraphs, sender
from .repeats import unname_contradicted_continuations
from .run_state import ATTRIBUTION_THRESHOLD
from .speeches import speech_quotes
from .split_quotes import _dedupe, _merge_split
from .transcript import TranscriptQuote, turns
from .turn_quotes import turn_quotes

_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*(?:\s+|$)")
_HEADLINE = re.compile(r"^(?P<head>.{12,}?)\s+[—–-]\s+(?P<attr>[A-Z][\w .'’-]{1,40})$")


class _Run(DirectQuotes, IndirectSpeech):
    """One extraction run: the headline, transcripts, then direct quotes and indirect speech line by line."""

    # -- headline ----------------------------------------------------------------------------------
    def headline(self) -> None:
        """"… — MFA": the organisation a release-style article speaks for (its headline is not
        itself stored as a quote: headlines paraphrase)."""
        lay = self.lay
        if not lay.title:
            return
        m = _HEADLINE.match(lay.title.strip())
        if not m:
            return
        men = parse_mention(m.group("attr"))
        if not men or men.kind not in {"name", "org"}:
            return
        sp = self.tracker.resolve(men, -1)
        self.tracker.last = None
        if sp and sp.kind == "organisation":
            self.tracker.default_org = sp.name

    # -- transcripts -------------------------------------------------------------------------------
    def transcripts(self, lead: str | None = None) -> set[int]:
        """Emit transcript turns, a speech-titled document's paragraphs, or a quoted message the lead
        attributes; the lines they cover are not searched for other quotes."""
        lay = self.lay
        found = turns(lay, lead)
        if found:
            quotes, covered = turn_quotes(lay, found)
        else:
            quotes, covered = speech_quotes(lay)
        quotes = [part for q in quotes for part in self.cited(q)]
        for q in quotes:
            # The one threshold for every attribution: a turn we are not sure of names nobody.
            who = q.speaker if q.confidence >= ATTRIBUTION_THRESHOLD else None
            self.tracker.note_quote(q.start, q.end)
            self.out.append(ExtractedQuote(
                q.start, q.end, lay.text[q.start:q.end], who, q.kind, None,
                q.confidence if who else min(q.confidence, 0.3),
                "person" if who else None, q.role, lay.text[q.speaker_span[0]:q.speaker_span[1]]
                if q.speaker_span else None, q.speaker_span[0] if q.speaker_span else None,
                q.speaker_span[1] if q.speaker_span else None, q.resolution if who else None))
        if found:
            self.tracker.last = None
        sent = sender(lead, lay.title) if not found and not quotes else None
        if sent:
            for li, s, e in message_paragraphs(lay, sent):
                covered.add(li)
                self.out.append(ExtractedQuote(s, e, lay.text[s:e], sent.name, "direct", None, 0.85, "person",
                                               None, None, None, None, sent.resolution))  # type: ignore[arg-type]
        return covered


    def cited(self, q: TranscriptQuote) -> list[TranscriptQuote]:
        """A speech paragraph (a speech-titled document read as its titled speaker's), without the sentences in
        which the speaker cites someone else by name ("As Nelson Mandela said on that day, “…”"): each cited
        quotation is stored as that person's direct quote (nobody's when the article cannot name them), never as
        the speaker's."""
        lay, out, lo = self.lay, [], q.start
        if q.resolution != "headline":
            return [q]  # an interview's turn quoting someone ("he would say, “…” I'm like, …") keeps its text whole
        for inner in lay.quotes:
            if not (q.start <= inner.open and inner.outer_end <= q.end) or inner.open < lo:
                continue
            ls, le = lay.lines[inner.line]
            found = self.attach(inner, ls, le, max(ls, lo))
            if found is None or not q.start <= found[2] < q.end:
                continue  # no cue, or the turn's own label
            men, cue, pos = found
            if men.kind != "name":
                continue  # only a named person cited ("As Nelson Mandela said, “…”"); "I said then: “…”" is the speaker's
            sp = None if men == IT else self.tracker.resolve(men, pos)
            if sp is not None and sp.name == q.speaker:
                continue
            first = min(pos, inner.open)
            cut = [m.end() for m in _SENTENCE_END.finditer(lay.folded, lo, first)]
            s = cut[-1] if cut else lo
            stop = _SENTENCE_END.search(lay.folded, max(inner.outer_end, pos) - 1, q.end)
            e = stop.end() if stop else q.end
            if s > lo:
                out.append(replace(q, start=lo, end=s))
            self.emit(inner.start, inner.end, sp, "direct", cue, men, 0.95, mpos=pos)
            lo = e
        if lo == q.start:
            return [q]
        if lo < q.end:
            out.append(replace(q, start=lo, end=q.end))
        return [replace(p, start=a, end=b) for p in out for a, b in [trim(lay.folded, p.start, p.end)] if b - a >= 2]


def extract(text: str, title: str | None, lead: str | None = None) -> list[ExtractedQuote]:
    lay = layout(text, title)
    run = _Run(lay)
    run.headline()
    covered = run.transcripts(lead)
    f = lay.folded
    by_line: dict[int, list[QuoteSpan]] = {}
    for q in lay.quotes:
        by_line.setdefault(q.line, []).append(q)
    consumed: set[int] = set()
    skip_to = -1
    for li, (ls, le) in enumerate(lay.lines):
        if li in covered or li <= skip_to:
            continue
        qs = by_line.get(li, [])
        line_end = max([le] + [lay.lines[q.last_line][1] for q in qs])
        sents = sentences(f, ls, line_end, qs)
        prev_end = ls
        pending = []
        done = 0
        for q in qs:
            # In reading order: the reported speech of the sentences before a quotation is read first, so a
            # "he said" after "X said the plan would pass." knows X spoke just before it.
            while done < len(sents) and sents[done][1] <= q.open:
                run.indirect(*sents[done], qs, consumed)
                done += 1
            if not run.direct(q, ls, le, prev_end, consumed):
                pending.append(q)
            prev_end = q.outer_end
        for s, e in sents[done:]:
            run.indirect(s, e, qs, consumed)
        for q in pending:
            if q.open not in consumed:
                run.cueless(q, ls, consumed, sents)
        if qs:
            skip_to = max(q.last_line for q in qs) if any(q.last_line > li for q in qs) else skip_to
    run.out.sort(key=lambda q: (q.start, q.end))
    return _merge_split(lay, disown_put_in_mouth(text, unname_contradicted_continuations(_dedupe(run.out))))
