"""The extraction pass over one document: transcripts, direct quotes, indirect speech.

Lines are visited in order so the speaker memory (:class:`~.resolve.Tracker`) sees the article
as a reader does: a pronoun or "the minister" refers back, never forward.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import ExtractedQuote, QuoteKind
from .candidates import Speaker
from .fragments import IT, fragment_frame, sentence_subject
from .frames import (
    AFTER_APPOS,
    AFTER_CM,
    AFTER_MC,
    BEFORE_CM,
    SPEECH_ACT,
    before_cue,
    indirect_frames,
    participle,
    participle_subject,
)
from .layout import _ABBREV, Layout, QuoteSpan, layout, sentences, trim
from .lexicon import CUE, CUE_RE, OBJECT_CUES, PASSIVE_AUX
from .mentions import Mention, parse_mention
from .messages import message_paragraphs, sender
from .resolve import Tracker
from .transcript import speech_quotes, turn_quotes, turns

# Below this confidence a quote is stored unattributed (calibrated on the dev sets: see README).
ATTRIBUTION_THRESHOLD = 0.6

_HEADLINE = re.compile(r"^(?P<head>.{12,}?)\s+[—–-]\s+(?P<attr>[A-Z][\w .'’-]{1,40})$")
_TITLE_CUE = re.compile(r"\b(?:motto|slogan|titled|entitled|called|dubbed|named|known\s+as|so-called|term|"
                        r"word|words|phrase|headline|hashtag|banner|programme|program|project|film|book|song|"
                        r"operation|campaign|label|labelled|labeled|branded|nicknamed)\s*$", re.IGNORECASE)
# After a closing mark, a dash and a name that ends the paragraph: “…” ― Ana Ruiz.
_DASH_NAME = re.compile(r"[ \t]*[,.]?[ \t]*[―—–][ \t]*(?P<m>[A-Z][^\n,;:“”\"«»()!?]{1,60}?)[ \t]*\.?[ \t]*(?:\n|$)")
# After a closing mark: a name or pronoun, one verb and the end of the sentence ("Ekberg demanded.").
_AFTER_ANY_VERB = re.compile(r"^[ \t]+(?P<m>(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]*|he|she)[ \t]+"
                             r"(?P<cue>[a-z]{3,}(?:ed|s)(?:[ \t]+back)?|(?:shot|hit|struck)[ \t]+back)\b[^.!?“”\"«»\n]{0,80}[.!?]")
# A sentence ending in a colon that introduces someone's words.
_COLON_INTRO = re.compile(rf"(?:\b{CUE}|\b(?:comments?|statement|remarks|words|message|tweet(?:ed)?|post(?:ed)?|"
                          r"following|this\s+way|as\s+follows|put\s+it|wrote|writes|explained))\b[^.!?:]*:\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"])")
_TITLE_BEFORE = re.compile(r"\b(?:on|in|to|at|for|from|with|of|told|joined|watched)\s+$")
# "called the film “a triumph of noise”": a speech act and its object before the quotation characterise
# the object; "the film “Jaws”" alone names it.
_CHARACTERISES = re.compile(r"\b(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|brand(?:s|ed|ing)|label(?:s|ed|led|ing|ling)|"
                            r"deem(?:s|ed|ing)?)\s+(?:the|this|that|his|her|its|their|a|an)\s+[\w'’-]+\s*$")
_PASSIVE_AUX = re.compile(PASSIVE_AUX + r"(?:\w+ly\s+)?$")
_PASSIVE_CUE = re.compile(PASSIVE_AUX + rf"(?:\w+ly\s+)?(?P<cue>{CUE})\b")
_BY_AGENT = re.compile(r"\s+by\s+(?P<m>[^,;:.!?“”\"«»]{1,80}?)\s*(?=[,;:.!?“\"«]|$)")
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
# After a closing mark, words that start an attribution: ", said …", " Vitter demanded", " — Name".
_OWN_ATTRIBUTION = re.compile(r"^[,.!?…]?\s*(?:[—–―-]\s*)?(?:[A-Z][\w.'’-]*\s+(?:[A-Z][\w.'’-]*\s+)*[a-z]+(?:ed|s)\b|"
                              r"(?:said|says|asked|added|wrote|told)\b|(?:he|she|they|it)\s+[a-z]+(?:ed|s)\b|[—–―-]\s*[A-Z])")


class _Run:
    """State of one extraction run."""

    def __init__(self, lay: Layout) -> None:
        self.lay = lay
        self.folded = lay.folded
        self.tracker = Tracker(lay.folded, lay.title, lay.lines)
        self.out: list[ExtractedQuote] = []
        # The last direct quote: its last line, speaker, and the mention it was attached to (start, end)
        # — a continuation's evidence is that mention, even when it named nobody.
        self.directs: list[tuple[int, int, Speaker | None, tuple[int, int] | None]] = []  # (end, line, sp, span)

    def emit(self, s: int, e: int, sp: Speaker | None, kind: QuoteKind, cue: str | None,
             men: Mention | None, confidence: float, *, mpos: int | None = None,
             resolution: str | None = None, utterance: int | None = None,
             span: tuple[int, int] | None = None) -> tuple[int, int] | None:
        """Store a quote; returns the speaker mention's span (``span`` when given, else found from ``men``)."""
        s, e = trim(self.lay.text, s, e)
        if e - s < 2:
            return None
        self.tracker.note_quote(s, e)
        conf = round(min(confidence, sp.confidence), 3) if sp else 0.0
        if sp and conf < ATTRIBUTION_THRESHOLD:
            sp = None  # not sure enough to name anyone: stored unattributed, never guessed
        # The mention's place is evidence even when it resolves to nobody ("he" with two candidates).
        span = span or _mention_span(self.folded, men, mpos)
        self.out.append(ExtractedQuote(
            s, e, self.lay.text[s:e], sp.name if sp else None, kind, cue,
            conf if sp else round(min(confidence, 0.3), 3),
            ("organisation" if sp.kind == "organisation" else "person") if sp else None,
            sp.role if sp else None, men.surface if men else None,
            span[0] if span else None, span[1] if span else None,
            (resolution or sp.resolution) if sp else None,  # type: ignore[arg-type]
            utterance))
        return span

    def note_direct(self, q: QuoteSpan, sp: Speaker | None, span: tuple[int, int] | None) -> None:
        self.directs.append((q.outer_end, q.last_line, sp, span))

    def previous_direct(self, pos: int) -> tuple[int, Speaker | None, tuple[int, int] | None] | None:
        """(last line, speaker, mention span) of the nearest direct quote ending before ``pos``. The quotes
        of a paragraph are attached before its cueless ones are read, so the last one noted may stand after."""
        before = [d for d in self.directs if d[0] <= pos]
        if not before:
            return None
        end, line, sp, span = max(before, key=lambda d: d[0])
        return line, sp, span

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

    # -- direct quotes -----------------------------------------------------------------------------
    def attach(self, q: QuoteSpan, line_start: int, line_end: int, prev_end: int) -> tuple[Mention, str, int] | None:
        """The speaker mention and cue a speech verb attaches to quotation ``q``."""
        f = self.folded
        inner = f[q.start:q.end].rstrip()
        after_end = min(self.lay.lines[q.last_line][1], q.outer_end + 160)
        after = f[q.outer_end:after_end]
        # “… looked”. She explained how …: a full stop inside or just after the closing mark ends
        # the sentence; what follows is a new one, not this quotation's attribution.
        ends_sentence = inner[-1:] in ".!?…" or after[:1] in ".!?"
        m = _DASH_NAME.match(f, q.outer_end, after_end + 2)
        if m:
            # “…” ― Ana Ruiz: a pull quote or reader's comment signed with the speaker's name alone.
            men = parse_mention(m.group("m"))
            if men and men.kind in {"name", "org"}:
                return men, "―", m.start("m")
        m = AFTER_MC.match(after)
        if m and not (ends_sentence and m.group("m").strip()[:1].isupper()
                      and m.group("rest").strip() not in {"", "."}):
            men = _after_mention(m.group("m"))
            if men:
                return men, m.group("cue"), q.outer_end + m.start("m")
        m = AFTER_APPOS.match(after)
        if m and not ends_sentence:
            men = parse_mention(m.group("m"))
            if men and men.kind == "name":
                return men, m.group("cue"), q.outer_end + m.start("m")
        m = AFTER_CM.match(after)
        if m and m.group("cue") in OBJECT_CUES:
            m = None  # "“…,” Sarandon told MSNBC": after "told" comes the listener, not the speaker
        if m and not ends_sentence:
            men = _after_mention(m.group("m"))
            if men:
                return men, m.group("cue"), q.outer_end + m.start("m")
        m = _AFTER_ANY_VERB.match(after)
        if m and inner[-1:] in ",?!":
            # “Why is the ferry late?” Ekberg demanded. / “…,” she shouts over the noise: a name or pronoun and
            # a verb the cue list lacks, completing the sentence the quotation opened.
            men = parse_mention(m.group("m"))
            if men and men.kind in {"name", "pronoun"}:
                return men, m.group("cue"), q.outer_end + m.start("m")
        bstart = max(line_start, prev_end, q.open - 200)
        before = f[bstart:q.open]
        if not before.strip() and q.open - line_start < 3 and q.line > 0:
            ps, pe = self.lay.lines[q.line - 1]
            prev = f[ps:pe].rstrip()
            if prev.endswith(":"):
                before, bstart = prev, ps
        found = before_cue(before)
        if found:
            return found[0], found[1], q.open - len(before) + found[2]
        if before.rstrip().endswith(":") and _COLON_INTRO.search(before):
            # "The captain made the following comment:" / "Staff explained it this way:": the subject of
            # the sentence the colon ends introduces the quotation.
            cut = [m.end() for m in _SENTENCE_BREAK.finditer(before)]
            sent_from = bstart + (cut[-1] if cut else 0)
            subj = sentence_subject(f, sent_from, bstart + len(before))
            if subj and subj[0].kind in {"name", "pronoun", "org"}:
                return subj[0], ":", subj[1]
            unnamed = _UNNAMED_SUBJECT.match(f, sent_from, bstart + len(before))
            if unnamed:
                # "An engineer who inspected it put it simply: “…”": a quotation all the same, of nobody
                # the article names (the noun phrase is kept as the evidence).
                return Mention("role", unnamed.group("np")), ":", unnamed.start("np")
        m = BEFORE_CM.search(before)
        if m and m.group("cue") in OBJECT_CUES:
            m = None  # "X told The Huffington Post: “…”" is X's
        if m:
            men = parse_mention(m.group("m"))
            if men:
                return men, m.group("cue"), q.open - len(before) + m.start("m")
        return None

    def _passive(self, men: Mention, cue: str, pos: int) -> tuple[Mention, int] | None:
        """For a cue in the passive ("X was told", "X was warned by Y"): the "by" phrase's mention and
        its offset, or (the listener's mention, -1) when no one is said to speak; None when active."""
        f = self.folded
        at = f.find(cue, pos, pos + 200)
        if at < 0:
            return None
        if cue == ":":  # "Tom Bell was told by Sue Gray: “…”"
            verb = _PASSIVE_CUE.search(f, pos, at)
            if verb is None:
                return None
            at, cue = verb.start("cue"), verb.group("cue")
        elif not _PASSIVE_AUX.search(f, max(pos, at - 30), at):
            return None
        by = _BY_AGENT.match(f, at + len(cue))
        if by:
            agent = parse_mention(by.group("m"))
            if agent is not None:
                return agent, by.start("m")
        return men, -1

    def direct(self, q: QuoteSpan, line_start: int, line_end: int, prev_end: int,
               consumed: set[int]) -> bool:
        """Emit ``q`` if a speech verb attaches it; False leaves it for :meth:`cueless`."""
        words = _WORDS.findall(self.folded, q.start, q.end)
        if len(words) <= 6 and _title_case(words) and _TITLE_BEFORE.search(self.folded, max(0, q.open - 12), q.open):
            return False  # "said on “Harbour Morning Live,”", "told “Island Radio”": a show's title, nobody's words
        found = self.attach(q, line_start, line_end, prev_end)
        if not found:
            return False
        men, cue, pos = found
        passive = self._passive(men, cue, pos)
        if passive is not None:
            # "“You're fired,” Tom Bell was told (by Sue Gray)": the one told listens; the speaker is
            # the "by" phrase's, else nobody.
            men, pos = passive
        sp = None if men == IT or pos < 0 else self.tracker.resolve(men, pos)
        end = q.end
        span = self.emit(q.start, max(end, q.end), sp, "direct", cue, men, 0.95, mpos=pos)
        self.note_direct(q, sp, span)
        consumed.add(q.open)
        return True

    def fragment(self, q: QuoteSpan, sents: list[tuple[int, int]], consumed: set[int]) -> bool:
        """A quotation in a sentence whose subject is a speaker but no frame of :meth:`attach` reads.

        Introduced by the verb ("A spokesperson for the operator said: “…”", "wrote on the wall: “…”"):
        the quotation alone is the speaker's words. Inside narration ("X described the plan as a
        “disgrace”", "called the results “remarkable”"): the reported part of the sentence, from after
        the verb to its end, is a paraphrase (indirect), and the quoted words of two words or more are
        also the speaker's direct quote; a one-word scare quote is no quote of its own."""
        f = self.folded
        sent = next(((s, e) for s, e in sents if s <= q.open < e), None)
        if sent is None:
            return False
        s, _ = sent
        frame = fragment_frame(f, s, q.open)
        if frame is None:
            return False
        men, start, cue, mpos = frame.mention, frame.start, frame.cue, frame.mention_pos
        if any(x.start <= p < x.end for x in self.lay.quotes if x is not q for p in (start - 1, mpos)):
            return False  # "He says it every week" inside someone's quoted words is no narration
        # The verb's own clause is over when punctuation follows it (“A,” X said, referring to Y, “B.”;
        # “A”, it added; and, later, “B”), unless a reported clause follows (", in part, that …").
        heard = _LISTENER.match(f, start, q.open) if cue in _TELLS else None
        start = heard.end() if heard else start  # "told the crowd she was “…”": not the listener
        lead = _AFTER_VERB.match(f, start, q.open)
        closed = lead is not None and bool(lead.group("p")) and not heard \
            and not re.match(r"that\b", f[lead.end():q.open])
        start = lead.end() if lead else start
        between = f[start:q.open]
        # Introduced: nothing but punctuation between, a colon, a closed clause, a speech verb and a
        # comma or colon just before the mark ("… before asking her, “…”"), or an adjunct and a comma.
        # … or the second part of a split quotation: the verb's first words end right before it
        # (“The danger,” said X, a historian at Y, “is that …”).
        split = any(s <= x.open and x.outer_end <= frame.start - len(cue) and not f[x.outer_end:frame.start - len(cue)]
                    .strip(" ,") for x in self.lay.quotes if x is not q)
        introduced = not _WORDS.search(between) or between.rstrip().endswith(":") or closed or split \
            or bool(_INTRODUCES.search(between)) or bool(_ADJUNCT.fullmatch(between))
        if introduced and q.end - q.start < 15:
            return False  # "X said “yes”": too little to be a quotation
        sp = self.tracker.resolve(men, mpos) if men and men != IT else None  # a noun phrase names nobody
        if introduced:
            self.emit(q.start, q.end, sp, "direct", cue, men, 0.9, mpos=mpos)
            self.prev_direct = (q.last_line, sp)
            consumed.add(q.open)
            return True
        # The reported part runs on to the end of the sentence ("… “justified” in keeping it private"),
        # never past the paragraph the verb is in.
        end = _strip_end(f, *trim(f, start, sent[1]))
        end = max([end] + [x.outer_end for x in self.lay.quotes if x.line == q.line and s <= x.open < sent[1]])
        para_end = next((le for ls, le in self.lay.lines if ls <= start < le), end)
        end = min(end, para_end)
        # … and not past a sentence end outside quotation marks (marks paired wrong join sentences).
        quoted = [(x.open, x.outer_end) for x in self.lay.quotes if x.open < end and x.outer_end > start]
        for stop in _SENTENCE_STOP.finditer(f, start, end):
            if not any(a <= stop.start() < b for a, b in quoted) \
                    and not _ABBREV.search(f, max(start, stop.start() - 6), stop.start() + 1):  # "Mr. Lund"
                end = stop.start() + 1
                break
        # "… as “…” and added that …", "… as a “fraud” after he visited …": the report is over after
        # its first quotation (a later quotation past that point is not this report's).
        first = min([x.outer_end for x in self.lay.quotes if start <= x.open < end] + [q.outer_end])
        nxt = _NEXT_ACT.search(f, first, end)
        end = _strip_end(f, *trim(f, start, nxt.start() if nxt else end))
        if end <= q.open:
            return False
        inside = [x for x in self.lay.quotes if start <= x.open < end]
        said = [x for x in inside if x.outer_end <= end + 1 and _verbatim(_WORDS.findall(f, x.start, x.end))]
        narration = f[start:end]
        for x in reversed(inside):
            narration = narration[:max(0, x.open - start)] + narration[max(0, x.outer_end - start):]
        if not (said and set(w.lower() for w in _WORDS.findall(narration)) <= _OBJECT_PRONOUNS):
            self.emit(start, end, sp, "indirect", cue, men, 0.9, mpos=mpos)  # not “called it ‘…’”
        for x in said:
            self.emit(x.start, x.end, None if _someone_else(f, start, x.open) else sp, "direct", cue, men, 0.9, mpos=mpos)
        consumed.update(x.open for x in inside)
        return True

    def cueless(self, q: QuoteSpan, line_start: int, consumed: set[int],
                sents: list[tuple[int, int]] | None = None) -> None:
        """A quotation no verb attaches: a continuation of the previous speaker, an unattributed
        full sentence, or (scare quotes, titles, mottos, fragments) nothing."""
        f = self.folded
        inner = f[q.start:q.end]
        words = _WORDS.findall(inner)
        before = f[max(line_start, q.open - 40):q.open]
        if (_TITLE_CUE.search(before) and not _CHARACTERISES.search(before)) or _title_case(words):
            return
        if len(words) < 4:
            if sents and words:
                self.fragment(q, sents, consumed)
            return
        starts_line = not f[line_start:q.open].strip()
        sent_start = next((a for a, b in (sents or []) if a <= q.open < b), line_start)
        if sents and f[sent_start:q.open].strip() and self.fragment(q, sents, consumed):
            return  # mid-sentence: "He called Burma a “good news story …”" has its own frame
        prev = self.previous_direct(q.open)
        after = f[q.outer_end:min(self.lay.lines[q.last_line][1], q.outer_end + 120)]
        # "“…,” Vitter demanded." — an attribution of its own we could not read: never a continuation.
        own = bool(_OWN_ATTRIBUTION.match(after))
        # “…,” a board member … told the Gazette / “…,” Ekberg shot back: a comma closing the
        # quotation means narration of its own follows — an attribution, read or not.
        own = own or (inner.rstrip()[-1:] == "," and after[:1] in " \t" and after.lstrip()[:1].isalpha())
        # "… because in her view, “…”": narration before it in its sentence makes it no continuation.
        mid_sentence = bool(sents) and bool(f[sent_start:q.open].strip())
        if prev and not own and not mid_sentence and (prev[0] == q.line or (starts_line and prev[0] == q.line - 1)):
            # No mention of its own: the evidence is the quotation it continues (resolution "continuation").
            # Its surface evidence is the mention the previous quotation was attached to.
            self.emit(q.start, q.end, prev[1], "direct", None, None, 0.8, resolution="continuation", span=prev[2])
            self.note_direct(q, prev[1], prev[2])
            consumed.add(q.open)
            return
        if sents and not starts_line and self.fragment(q, sents, consumed):
            return
        if len(words) >= 8 and inner.rstrip()[-1:] in ".!?…,":
            self.emit(q.start, q.end, None, "direct", None, None, 0.3)
            self.note_direct(q, None, None)
            consumed.add(q.open)

    # -- indirect speech ---------------------------------------------------------------------------
    def indirect(self, s: int, e: int, quotes: list[QuoteSpan], consumed: set[int]) -> None:
        frames = indirect_frames(self.folded, s, e)
        frames_sp: list[tuple[str, int, int, Speaker | None, Mention | None, int | None]] = []
        linked: set[int] = set()  # indexes in frames_sp of parts that continue the part before
        if not frames:
            p = participle(self.folded, s, e)
            if p and self.tracker.last and self.tracker.last.pos >= s - 1:
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
            ce = _strip_end(self.folded, cs, ce)
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
                if q.open not in consumed and _verbatim(_WORDS.findall(self.folded, q.start, q.end)):
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


_LEADING_MODIFIERS = re.compile(r"^(?:(?:the|[a-z][\w-]*|[\d/]+)\s+){1,3}(?=[A-Z])")
_AFTER_VERB = re.compile(r"\s*(?P<p>[,;—–]\s*)?(?:(?:in\s+part|in\s+particular|and|but|later|also|then)\s*,?\s*)*")
# Whom or what the verb is about, then a comma: "says of the plan, “…”", "told reporters on Monday, “…”".
_ADJUNCT = re.compile(r"\s*(?:(?:him|her|them|me|us|you|reporters|journalists)\b\s*)?(?:(?:of|about|on|in|at|to|after|"
                      r"before|during|when|while|from|with|via|outside|inside)\b[^,;:“”\"«»]{0,80}?)?\s*,\s*(?:and\s+)?")
# Whom a "told" / "asked" addresses, up to the clause reported to them ("told the host of the morning show that").
_TELLS = frozenset(["told", "tells", "assured", "assures", "informed", "informs", "reminded", "reminds", "warned", "warns"])
_LISTENER = re.compile(r"\s*(?:(?:[\w.'’-]+\s+){1,5}?that\b|(?:(?:the|a|an|his|her|their|its)\s+[\w'’-]+(?:\s+[\w'’-]+)?|"
                       r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|him|her|them|us|me|reporters|journalists)"
                       r"(?=\s+(?:he|she|they|it|we|I|there)\b))")
_NEXT_ACT = re.compile(rf",?\s+(?:and|but|while)\s+(?:also\s+|then\s+|later\s+)?(?:{SPEECH_ACT.pattern})|"
                       r",\s*(?:adding|saying|noting|arguing|insisting|warning)\b|"
                       r",?\s+(?:after|before|because|when|while|since|although|though|as)\s+(?:he|she|they|we|I|it|"
                       r"the\s+\w+|[A-Z][\w'’-]+)\s")  # "… as a “fraud” after he visited …": narration again
_OTHER_ACT = re.compile(rf"{SPEECH_ACT.pattern}|\b(?:encourag|exhort|ask|tell|told|call|urg|invit|appeal|advis)\w*")
_UNNAMED_SUBJECT = re.compile(r"\s*(?P<np>(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][\w'’-]*"
                              r"(?:\s+(?!(?:who|whom|whose|which|that|put|said|says|told|wrote)\b)[a-z][\w'’-]*)?)\b")
_SENTENCE_STOP = re.compile(r"[.!?…][\"”»’)]*\s+(?=[\"“«(‘]?[A-Z])")
# A speech verb, perhaps with whom it addresses, then a comma or colon right before a quotation: the
# quotation is what was said ("… before asking her, “…”", "… and told reporters: “…”").
_INTRODUCES = re.compile(rf"\b(?:{CUE}|asking|saying|adding|telling|writing|noting|replying|answering|declaring)"
                         r"(?:\s+(?:him|her|them|me|us|you|reporters|journalists))?\s*[,:]\s*$")
_NOUN_PHRASE = re.compile(r"^(?:the|a|an|my|his|her|their|our|one|another|[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,5}$")


def _after_mention(text: str) -> Mention | None:
    """The speaker in “…,” X said: a person / organisation / pronoun, else the name before an
    "of" phrase ("Mr. Morgan of the Sierra Club"), else an unresolvable noun phrase ("my father"),
    which still makes the quotation a quote, unattributed."""
    men = parse_mention(text)
    if men:
        return men
    text = text.strip()
    if text.lower() == "it":
        return IT
    # "the Rev. Ola Berg", "board Chairman Jo Lind", "2019 winner Karin Sund": a name after
    # an article or lower-case / numeric modifiers is that person (never a shorter tail of a name).
    lead = _LEADING_MODIFIERS.match(text)
    if lead and lead.end() < len(text):
        men = parse_mention(text[lead.end():])
        if men and men.kind == "name" and men.name and " " in men.name:
            return men
    if " of " in text:
        men = parse_mention(text.split(" of ")[0])
        if men and men.kind == "name":
            return men
    if _NOUN_PHRASE.match(text):
        return Mention("role", text)
    return None


def _mention_span(folded: str, men: Mention | None, pos: int | None) -> tuple[int, int] | None:
    """Where the speaker mention stands in the text: the surface form found at (or just after)
    its recorded offset."""
    if men is None or pos is None or pos < 0:
        return None
    surface = men.surface.strip()
    if not surface:
        return None
    # As a whole word: "he" is not the one inside "when".
    word = re.compile(rf"(?<![\w]){re.escape(surface)}(?![\w])")
    m = word.search(folded, pos, pos + len(surface) + 200)
    if m is None:
        before = list(word.finditer(folded, max(0, pos - 200), pos + len(surface)))
        m = before[-1] if before else None
    return (m.start(), m.end()) if m else None


def _strip_end(f: str, s: int, e: int) -> int:
    """Drop a final full stop that ends the sentence rather than the reported clause."""
    while e > s and f[e - 1] in ".;:":
        e -= 1
    return e


_OBJECT_PRONOUNS = frozenset(["it", "him", "her", "them", "this", "that", "these", "those", "me", "us", "you"])


def _someone_else(f: str, start: int, end: int) -> bool:
    """Whether a speech act stands in the reported part ``f[start:end]`` before quoted words: they may
    be that act's words, not the reporting speaker's ("… while Boris Yeltsin had encouraged the regions
    to “take as much sovereignty as you can swallow”", "… after the auditor blamed the delays on “…”")."""
    return bool(_OTHER_ACT.search(f, start, end))


def _verbatim(words: list[str]) -> bool:
    """Quoted words that are a quote of their own: two words or more, not a title ("“Harbour Today”")."""
    return len(words) >= 2 and not _title_case(words)


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(1 for w in long if w[0].isupper()) >= 0.6 * len(long)


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
        prev_end = ls
        pending = []
        for q in qs:
            if not run.direct(q, ls, le, prev_end, consumed):
                pending.append(q)
            prev_end = q.outer_end
        line_end = max([le] + [lay.lines[q.last_line][1] for q in qs])
        sents = sentences(f, ls, line_end, qs)
        for s, e in sents:
            run.indirect(s, e, qs, consumed)
        for q in pending:
            if q.open not in consumed:
                run.cueless(q, ls, consumed, sents)
        if qs:
            skip_to = max(q.last_line for q in qs) if any(q.last_line > li for q in qs) else skip_to
    run.out.sort(key=lambda q: (q.start, q.end))
    return _merge_split(lay, _dedupe(run.out))


# Between the halves of a split quote there is only the attribution: ”, he said, “ / ” Putin said. “
_MENTION = r"(?:[A-Za-z][\w.'’-]*)(?:\s+[A-Za-z][\w.'’-]*){0,6}"
_SPLIT = re.compile(rf"^[,.!?…]?\s*(?:{_MENTION}\s+(?:also\s+|then\s+)?{CUE}|{CUE}\s+{_MENTION})"
                    rf"(?:\s+(?:on|in|at|during|to|after|last|this|told)\b[^,.:;“”\"«»\n]{{0,50}})?\s*[,.:]$")


_NAME_START = re.compile(r"^(?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?|[A-Z][a-z]+\s+[A-Z][a-z]+\s+(?:said|says|added|noted|told))\b|"
                         r"^[A-Z][a-z]+\s+(?:said|says|added|noted|told|wrote|stated)\b")
_NEW_CLAUSE = re.compile(r"\b(?:adding|saying|noting|stressing|explaining|arguing|that)\b")
_GAP_SENTENCE_END = re.compile(r"[.!?]\s+[“\"«]?[A-Z]")


def _merge_split(lay: Layout, quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    """One attribution, one quotation: “A,” he said, “B.” and the fragments of one sentence
    (“A” and “B”, he said) are stored as one quote. A new sentence or a new reported clause
    (", adding that …") starts a new quote unless only the attribution stands between."""
    out: list[ExtractedQuote] = []
    f = lay.folded
    for q in quotes:
        p = out[-1] if out else None
        if p and p.kind == q.kind == "direct" and q.start - p.end < 200 \
                and (p.speaker == q.speaker or q.speaker is None or p.speaker is None):
            gap = f[p.end:q.start]
            inner = gap.strip("“”\"«» ")
            marks = gap.count("“") + gap.count("”") + gap.count('"')
            # “A,” said X, who has worked here for years. “B.” — B carries on X's quote (the
            # attribution may name a show in quotes: on Fox News’s “Fox and Friends.”).
            # The same evidence counts when nobody was named ("Mr. Okafor" with no full name given).
            carries_on = q.cue is None and bool(CUE_RE.search(inner)) and len(inner) < 250 and (
                (q.speaker is not None and q.speaker == p.speaker)
                or (q.speaker_start is not None and q.speaker_start == p.speaker_start))
            # Each with its own cue and mention ("… “never in favour of the toll” …. “I read the numbers,” he
            # said."): two attributions, two utterances.
            own = p.speaker_start is not None and q.speaker_start is not None and q.cue is not None \
                and p.speaker_start != q.speaker_start
            if "\n" in gap or marks > (4 if carries_on else 2) or own:
                out.append(q)
                continue
            only_cue = bool(_SPLIT.match(inner)) and not _NEW_CLAUSE.search(inner) and not (
                p.text.rstrip(" ”\"»’)")[-1:] in ".!?…" and inner[:1].isupper()
                and inner.split()[0].lower() not in {"he", "she", "they"} and not _NAME_START.match(inner))
            same_sentence = not (_GAP_SENTENCE_END.search(gap) or (
                p.text.rstrip(" ”\"»’)")[-1:] in ".!?…" and inner[:1].isupper())) \
                and not _NEW_CLAUSE.search(inner)
            if only_cue or same_sentence or carries_on:
                # One utterance, stored as its parts (the narration between them is nobody's words):
                # every part carries the first part's start and the one attribution.
                first = p.utterance if p.utterance is not None else p.start
                who = p if p.speaker or (p.speaker_start is not None and not q.speaker) else q
                out[-1] = _attributed(replace(p, utterance=first), who)
                out.append(_attributed(replace(q, utterance=first, cue=q.cue or p.cue), who))
                continue
        out.append(q)
    return out


def _attributed(q: ExtractedQuote, who: ExtractedQuote) -> ExtractedQuote:
    """``q`` with the attribution (speaker and its evidence) of ``who``."""
    return replace(q, speaker=who.speaker, confidence=who.confidence, speaker_type=who.speaker_type, role=who.role,
                   mention=who.mention, speaker_start=who.speaker_start, speaker_end=who.speaker_end,
                   resolution=who.resolution)


def _dedupe(quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    """One quote per span: an extraction inside another of the same kind and speaker is dropped."""
    out: list[ExtractedQuote] = []
    for q in quotes:
        if out and out[-1].start <= q.start and q.end <= out[-1].end and out[-1].kind == q.kind:
            continue
        out.append(q)
    return out
