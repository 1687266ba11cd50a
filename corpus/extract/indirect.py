"""Indirect speech: the reported clauses of one sentence (frames from :mod:`.frames`, stances from
:mod:`.stance`, participles such as ", adding that …") stored as indirect quotes, and quotations
inside them as direct ones.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidates import Speaker
from .cues import INNER_NAMED_COLON
from .direct import _NEGATED, _WORDS, _someone_else, _strip_end, _verbatim
from .frames import OTHER_SUBJECT_BETWEEN, indirect_frames, participle, participle_subject
from .layout import QuoteSpan, trim
from .lexicon import CUE
from .mentions import Mention
from .report_edges import report_end
from .run_state import RunState
from .stance import stance_frames

# A reported clause that is itself someone else's report introducing a quotation: "[X said] his mother always
# told him:", "[X said] coach Rudi Claessens had told him:" (a noun phrase or a full name, then a speech verb).
_OTHER_REPORTS = re.compile(rf"\s*(?:that\s+)?(?:(?:his|her|their|my|our|a|an|the)\s+[a-z][\w'’-]*(?:\s+(?!(?:and|but|or|then)\b)[a-z][\w'’-]*)?|"
                            rf"(?:[a-z]+\s+){{0,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s+"
                            rf"(?:\w+ly\s+|once\s+|had\s+|has\s+|would\s+)*(?:{CUE})\b[^.!?:;“”\"«»]{{0,40}}:\s*$")


class IndirectSpeech(RunState):
    """Reported speech to indirect quotes (mixed into the extraction run)."""

    def indirect(self, s: int, e: int, quotes: list[QuoteSpan], consumed: set[int]) -> None:
        frames = indirect_frames(self.folded, s, e) or stance_frames(self.folded, s, e)
        frames_sp: list[tuple[str, int, int, Speaker | None, Mention | None, int | None]] = []
        linked: set[int] = set()  # indexes in frames_sp of parts that continue the part before
        if not frames:
            p = participle(self.folded, s, e)
            if p and self.tracker.last and self.tracker.last.pos >= s - 1 \
                    and not OTHER_SUBJECT_BETWEEN.search(self.folded, self.tracker.last.pos, p[1]):
                last = self.tracker.last
                # "“…,” Lund said, adding …": the evidence is the mention the speaker was just read from.
                prev = next((q for q in reversed(self.out) if q.speaker == last.name and q.speaker_start is not None
                             and q.speaker_end is not None and q.speaker_start >= s - 400), None)
                men_prev = Mention("name", self.lay.text[prev.speaker_start:prev.speaker_end], name=last.name) \
                    if prev and prev.speaker_start is not None and prev.speaker_end is not None else None
                frames_sp.append((p[0], p[1], e, Speaker(last.name, last.kind, last.role, 0.7, "continuation"),
                                  men_prev, prev.speaker_start if men_prev and prev else None))
            elif p:
                at = self.folded.rfind(p[0], s, p[1])
                # ", saying …" after the main clause, "is warning voters that …"; "It goes without
                # saying that …" reports nothing.
                idiom = self.folded[max(s, at - 9):at].rstrip().lower().endswith("without")
                subj = participle_subject(self.folded, s, at) if at > s and not idiom else None
                if subj:
                    subject, subject_pos = subj
                    frames_sp.append((p[0], p[1], e, self.tracker.resolve(subject, subject_pos), subject, subject_pos))
        else:
            for fr in frames:
                if any(0 <= fr.mention_pos - q.outer_end < 4 and self.folded[q.start:q.end].rstrip()[-1:] not in
                       ".!?…" for q in quotes):
                    continue  # “…,” X said on Friday as …: the cue belongs to the quotation
                sp = self.tracker.resolve(fr.mention, fr.mention_pos)
                if fr.linked and frames_sp:
                    linked.add(len(frames_sp))
                frames_sp.append((fr.cue, fr.start, fr.end, sp, fr.mention, fr.mention_pos))
                p = participle(self.folded, fr.end - 1 if fr.end < e else fr.mention_pos, e)
                if p and sp and p[1] > fr.mention_pos:
                    frames_sp.append((p[0], p[1], e, sp, fr.mention, fr.mention_pos))
        emitted: dict[int, int] = {}  # frame index -> index in self.out of its indirect quote
        for i, (cue, cs, ce, sp, men, mpos) in enumerate(frames_sp):
            cs, ce = trim(self.folded, cs, ce)
            ce = _strip_end(self.folded, cs, report_end(self.folded, cs, ce))
            introduced = next((q for q in quotes if cs < q.open < ce and self.folded[cs:q.open].rstrip().endswith(":")
                               and (_OTHER_REPORTS.match(self.folded, cs, q.open)
                                    or INNER_NAMED_COLON.match(self.folded, cs, q.open))), None)
            if introduced is not None:
                # "X said his coach had told him: “…”": the report ends at the colon; the quotation after
                # it is a direct quote of its own (another speaker's, or nobody's).
                ce = _strip_end(self.folded, cs, self.folded.rfind(":", cs, introduced.open))
            inside = [q for q in quotes if q.open >= cs - 1 and q.outer_end <= ce + 1]
            crossing = [q for q in quotes if q not in inside and q.open < ce and q.outer_end > cs]
            first_part = i + 1 in linked  # "The harvest, Orlov said, will …": a short first part is kept
            if crossing or (ce - cs < 10 and not first_part):
                continue
            if inside and not self.folded[cs:inside[0].open].strip() and len(inside) == 1 \
                    and not _WORDS.search(self.folded, inside[0].outer_end, ce):
                # The whole reported clause is one quotation: a direct quote, nothing more.
                q = inside[0]
                if q.open not in consumed:
                    span = self.emit(q.start, q.end, sp, "direct", cue, men, 0.95, mpos=mpos)
                    consumed.add(q.open)
                    self.note_direct(q, sp, span)
                continue
            # A reported clause is paraphrase, stored as indirect speech even when it quotes some
            # words verbatim; those words are also stored as the speaker's direct quote.
            for q in inside:
                if q.open not in consumed and _verbatim(_WORDS.findall(self.folded, q.start, q.end)) \
                        and not _NEGATED.search(self.folded, max(cs, q.open - 20), q.open):  # "…, not “…”"
                    # "X said Y had called it “…”": words after another person named are not surely X's.
                    who = None if _someone_else(self.folded, cs, q.open) else sp
                    self.emit(q.start, q.end, who, "direct", cue, men, 0.95, mpos=mpos)
                consumed.add(q.open)
            unquoted = self.folded[cs:ce]
            for q in reversed(inside):
                unquoted = unquoted[:max(0, q.open - cs)] + unquoted[max(0, q.outer_end - cs):]
            if len(_WORDS.findall(unquoted)) >= (1 if first_part else 3):
                n = len(self.out)
                # ", who said …" names the person just before it: a relative pronoun, said as one.
                relative = men is not None and men.surface == "who" and sp is not None
                self.emit(cs, ce, sp, "indirect", cue, men, 0.9 if relative else 0.95, mpos=mpos,
                          resolution="pronoun" if relative else None)
                if len(self.out) > n:
                    emitted[i] = n
        drop = []
        for i in linked:
            # "Acts of protest, Mr. Obama said, are acts of patriotism": one report stored as its two
            # parts, linked as one utterance like a split quotation.
            if i in emitted and i - 1 in emitted:
                first, second = self.out[emitted[i - 1]], self.out[emitted[i]]
                self.out[emitted[i - 1]] = replace(first, utterance=first.start)
                self.out[emitted[i]] = replace(second, utterance=first.start)
            elif i - 1 in emitted and len(_WORDS.findall(self.out[emitted[i - 1]].text)) < 3:
                drop.append(emitted[i - 1])  # a short first part is no report on its own
        for n in sorted(drop, reverse=True):
            del self.out[n]
