"""Direct quotes: a quotation its cue attaches, one read inside a sentence ("X called the plan a
“disgrace”"), or one with no cue (a continuation of the previous speaker, an unattributed full
sentence, or — scare quotes, titles, mottos — nothing).
"""

from __future__ import annotations

import re

from .attach import CueAttachment
from .continuations import prev_on_line, report_before
from .cues import SPEECH_ACT
from .fragments import IT, OTHER_SUBJECT_BETWEEN, fragment_frame, sentence_subject
from .layout import _ABBREV, QuoteSpan, trim
from .lexicon import CUE
from .split_quotes import another_voice

# A sentence of narration after a quotation's attribution: "… she said. The council …".
_NARRATION_AFTER = re.compile(r"[.!?][\"”’)]?\s+[A-Z\u201c\"]")
_TITLE_CUE = re.compile(r"\b(?:motto|slogan|titled|entitled|called|dubbed|named|known\s+as|so-called|term|"
                        r"word|words|phrase|headline|hashtag|banner|programme|program|project|film|book|song|"
                        r"operation|campaign|label|labelled|labeled|branded|nicknamed)\s*$", re.IGNORECASE)
# A work or a named thing before a title-case quotation: "her memoir “Becoming”", "Operation “Spiderweb”".
_WORK_BEFORE = re.compile(r"\b(?:memoir|novel|album|documentary|series|show|podcast|play|poem|opera|musical|"
                          r"exhibition|single|anthem|magazine|newspaper|column|essay|biography|autobiography|"
                          r"bestseller|best-seller)\s*$", re.IGNORECASE)
# A nickname inside a name: Abdul Hamid “Sonny” Mohammed.
_NAME_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*\s$")
_NAME_AFTER = re.compile(r"\s[A-Z][\w'’-]+\b(?!\s*[,:]?\s*(?:said|says|told|added|asked)\b)")
_TITLE_BEFORE = re.compile(r"\b(?:on|in|to|at|for|from|with|of|told|joined|watched)\s+$")
# "called the film “a triumph of noise”": a speech act and its object before the quotation characterise
# the object; "the film “Jaws”" alone names it.
_CHARACTERISES = re.compile(r"\b(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|brand(?:s|ed|ing)|label(?:s|ed|led|ing|ling)|"
                            r"deem(?:s|ed|ing)?)\s+(?:the|this|that|his|her|its|their|a|an)\s+[\w'’-]+\s*$")
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_UTTERANCE_END = ",.!?…;:"
# Words set against what was said: "She said “we will review it”, not “we will scrap it”" — nobody said them.
# Only after another quotation: "was not “qualified”" is a partial quote of what was said.
_NEGATED = re.compile(r"[”\"»’']\s*[,;]?\s*(?:[—–-]\s*)?(?:and\s+|but\s+)?(?:not|never|rather\s+than|instead\s+of)\s*[,:]?\s*$",
                      re.IGNORECASE)
_ADJUNCT_THAT = re.compile(r"(?:(?:on|in|at|during|after|before|to|from|with|via|last|this|earlier)\b[^,;:“”\"«»]{0,60}?\s+)?"
                           r"that\s+(?!(?:was|is|were|are|has|had|will|would|could|can|should|may|might|must)\b)")
# After a closing mark, words that start an attribution: ", said …", " Vitter demanded", " — Name".
_OWN_ATTRIBUTION = re.compile(r"^[,.!?…]?\s*(?:[—–―-]\s*)?(?:[A-Z][\w.'’-]*\s+(?:[A-Z][\w.'’-]*\s+)*[a-z]+(?:ed|s)\b|"
                              r"(?:said|says|asked|added|wrote|told)\b|(?:he|she|they|it)\s+[a-z]+(?:ed|s)\b|[—–―-]\s*[A-Z])")
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
_OTHER_ACT = re.compile(rf"{SPEECH_ACT.pattern}|\b(?:encourag|exhort|ask|tell|told|call|urg|invit|appeal|advis)\w*|"
                        # someone else referring: "… Sotomayor referring to herself as “…”" (never "he was referring")
                        r"\b(?!(?:he|she|they|I|we|you|it|and|but|or|then|also|who|that|was|were|is|are)\b)[\w'’-]+\s+"
                        r"(?:(?:had|has|have|was|were|is|are)\s+)?(?:\w+ly\s+)?refer(?:s|red|ring)\b|"
                        r"\b(?:shout|yell|scream|chant|whisper|mutter|jeer|taunt|order|command)(?:s|ed|ing)?\b|"
                        r"\b(?:sing|sang|sung|singing|cried|cries|crying)\b")  # voices: "the soldiers shouted “…”"
_SENTENCE_STOP = re.compile(r"[.!?…][\"”»’)]*\s+(?=[\"“«(‘]?[A-Z])")
# A speech verb, perhaps with whom it addresses, then a comma or colon right before a quotation: the
# quotation is what was said ("… before asking her, “…”", "… and told reporters: “…”").
_INTRODUCES = re.compile(rf"\b(?:{CUE}|asking|saying|adding|telling|writing|noting|replying|answering|declaring)"
                         r"(?:\s+(?:him|her|them|me|us|you|reporters|journalists))?\s*[,:]\s*$")


class DirectQuotes(CueAttachment):
    """Quotation marks to direct quotes (mixed into the extraction run)."""

    def direct(self, q: QuoteSpan, line_start: int, line_end: int, prev_end: int,
               consumed: set[int]) -> bool:
        """Emit ``q`` if a speech verb attaches it; False leaves it for :meth:`cueless`."""
        f = self.folded
        if _NEGATED.search(f, max(line_start, q.open - 20), q.open):
            return False  # words set against what was said: :meth:`cueless` drops them
        words = _WORDS.findall(f, q.start, q.end)
        if len(words) <= 6 and _title_case(words) and _TITLE_BEFORE.search(f, max(0, q.open - 12), q.open):
            return False  # "said on “Harbour Morning Live,”", "told “Island Radio”": a show's title, nobody's words
        if len(words) <= 3 and _title_case(words) and f[q.start:q.end].rstrip()[-1:] not in _UTTERANCE_END and (
                _TITLE_CUE.search(f, max(line_start, q.open - 40), q.open)
                or _WORK_BEFORE.search(f, max(line_start, q.open - 40), q.open)
                or (_NAME_BEFORE.search(f, max(line_start, q.open - 30), q.open) and _NAME_AFTER.match(f, q.outer_end))):
            return False  # "her memoir “Becoming”", "Operation “Spiderweb”", Abdul Hamid “Sonny” Mohammed: names
        found = self.attach(q, line_start, line_end, prev_end)
        if not found:
            return False
        men, cue, pos = found
        if pos < q.open and len(words) == 1 and f[q.start:q.end].rstrip()[-1:] not in _UTTERANCE_END:
            # "X said on Tuesday that Germany had been “naive” about Russia": one word the report puts in
            # quotation marks is a scare quote, not speech (“No,” she said / X said: “Never.” are speech).
            at = f.find(cue, pos, q.open)
            tail = f[at + len(cue):q.open] if at >= 0 else ""
            if len(_WORDS.findall(tail)) >= 2 and not tail.rstrip().endswith((":", ",")):
                return False
        passive = self._passive(men, cue, pos)
        if passive is not None:
            # "“You're fired,” Tom Bell was told (by Sue Gray)": the one told listens; the speaker is
            # the "by" phrase's, else nobody.
            men, pos = passive
        sp = None if men == IT or pos < 0 else self.tracker.resolve(men, pos)
        if sp is not None and q.last_line > q.line and pos >= q.outer_end:
            # “A,” said X. “B …⏎⏎“C,” added Y: read as one quotation over two paragraphs, but B may be X's
            # with its closing mark missing. Another speaker just before it on its first line: nobody's.
            same_line = [d for d in self.directs if d[0] <= q.open and d[1] == q.line]
            last = max(same_line, key=lambda d: d[0]) if same_line else None
            if last is not None and last[2] is not None and last[2].name != sp.name:
                sp = None
        end = q.end
        span = self.emit(q.start, max(end, q.end), sp, "direct", cue, men, 0.95, mpos=pos)
        self.note_direct(q, sp, span)
        consumed.add(q.open)
        if pos >= q.outer_end and not _title_case(words) \
                and not any(x.line == q.line and x.open > q.outer_end for x in self.lay.quotes):
            # (a quotation carried on after the attribution — “…,” she said. “…” — is read as the parts of
            # one quotation; a title in marks is nobody's words)
            lead = _mixed_clause_start(f, line_start, q)
            if lead is not None:
                # "Golf clubs are “just scratching out a profit,” Hedge said.": the speaker's report is the
                # whole clause, in which only the quoted words are verbatim (stored as both, as in
                # "X said golf clubs are “…”").
                self.emit(lead, q.outer_end, sp, "indirect", cue, men, 0.95, mpos=pos)
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
        # "Ruiz asks as a ferryman walks past, saying he's “…”": the words may be the ferryman's (kept, nobody's)
        other = bool(OTHER_SUBJECT_BETWEEN.search(f, start, q.open))
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
        that = _ADJUNCT_THAT.match(f, start, q.open)
        start = that.end() if that and not heard else start  # "said in an interview that …": the clause
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
        sp = self.tracker.resolve(men, mpos) if men and men != IT and not other else None  # a noun phrase: nobody
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
        said = [x for x in inside if x.outer_end <= end + 1 and _verbatim(_WORDS.findall(f, x.start, x.end))
                and not _NEGATED.search(f, max(start, x.open - 20), x.open)]  # "…” and not “…”: nobody's
        narration = f[start:end]
        for x in reversed(inside):
            narration = narration[:max(0, x.open - start)] + narration[max(0, x.outer_end - start):]
        # (not “called it ‘…’”; nor a second report over one the sentence already gave — "X says flights will
        # resume, but warns of “delays”" stored its first clause)
        if not other and not (said and set(w.lower() for w in _WORDS.findall(narration)) <= _OBJECT_PRONOUNS) \
                and not any(o.kind == "indirect" and o.start == start for o in self.out):
            self.emit(start, end, sp, "indirect", cue, men, 0.9, mpos=mpos)
        for x in said:
            self.emit(x.start, x.end, None if _someone_else(f, start, x.open) else sp, "direct", cue, men, 0.9, mpos=mpos)
        consumed.update(x.open for x in inside)
        return True

    def cueless(self, q: QuoteSpan, line_start: int, consumed: set[int],
                sents: list[tuple[int, int]] | None = None) -> None:
        """A quotation no verb attaches: a continuation of the previous speaker, an unattributed
        full sentence, or (scare quotes, titles, mottos, fragments) nothing."""
        f = self.folded
        if _NEGATED.search(f, max(line_start, q.open - 20), q.open):
            consumed.add(q.open)
            return  # "…, not “we will scrap the plan”": words nobody said
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
        after = after.split("\n", 1)[0] if after.strip() else after  # not past a wrapped line's end
        # "“…,” Vitter demanded." — an attribution of its own we could not read: never a continuation.
        own = bool(_OWN_ATTRIBUTION.match(after))
        # “…,” a board member … told the Gazette / “…,” Ekberg shot back: a comma closing the
        # quotation means narration of its own follows — an attribution, read or not.
        own = own or (inner.rstrip()[-1:] == "," and after[:1] in " \t" and after.lstrip()[:1].isalpha())
        # "… because in her view, “…”": narration before it in its sentence makes it no continuation.
        mid_sentence = bool(sents) and bool(f[sent_start:q.open].strip())
        # Into the next paragraph only from a quotation that ends its own (but for its attribution): after
        # “…” — narration of a sentence or more — the next paragraph's quotation is not surely the same voice.
        prev_end = max((d[0] for d in self.directs if d[0] <= q.open), default=0)
        tail = f[prev_end:self.lay.lines[prev[0]][1]] if prev else ""
        ends_para = len(tail.strip()) <= 80 and not _NARRATION_AFTER.search(tail)
        # “A,” Ruiz said, and her husband cut in. “B.” — another subject acts between: B is not surely Ruiz's.
        other = prev is not None and prev[0] == q.line and another_voice(f, prev_end, q.open, prev[2])
        if prev and not own and not mid_sentence and not other and (
                prev[0] == q.line or (starts_line and prev[0] == q.line - 1 and ends_para)):
            # No mention of its own: the evidence is the quotation it continues (resolution "continuation").
            # Its surface evidence is the mention the previous quotation was attached to.
            self.emit(q.start, q.end, prev[1], "direct", None, None, 0.8, resolution="continuation", span=prev[2])
            self.note_direct(q, prev[1], prev[2])
            consumed.add(q.open)
            return
        report = report_before(self.lay, self.out, q) if starts_line and not own and not prev_on_line(prev, q) else None
        if report is not None:
            # "Ruiz argued in her letter that the toll would ruin the island.⏎⏎“…”": a paragraph that is all
            # quotation, after a paragraph ending in a report of someone's words, carries on that report.
            reporter, evidence = report
            self.emit(q.start, q.end, reporter, "direct", None, None, 0.8, resolution="continuation", span=evidence)
            self.note_direct(q, reporter, evidence)
            consumed.add(q.open)
            return
        if sents and not starts_line and self.fragment(q, sents, consumed):
            return
        if len(words) >= 8 and inner.rstrip()[-1:] in ".!?…,":
            subj = sentence_subject(f, sent_start, q.open) if mid_sentence else None
            if subj and self.someone(subj[0]) and f.startswith(subj[0].surface.split()[0], subj[1]):
                # "Lund worried that the timetable was becoming “a fiction that …”": no speech verb reads the
                # quotation, but the sentence's subject is the one it hangs on. Kept as the evidence only: a
                # subject whose verb is not speech (and a "her remark" between) names nobody with confidence.
                span = self.emit(q.start, q.end, None, "direct", None, subj[0], 0.3, mpos=subj[1])
                self.note_direct(q, None, span)
                consumed.add(q.open)
                return
            self.emit(q.start, q.end, None, "direct", None, None, 0.3)
            self.note_direct(q, None, None)
            consumed.add(q.open)
        elif own:
            # “It always will be,” a furious Mensah retorted. “It does not give up …”: too short to store,
            # but its voice is another's — the quotation after it continues nobody before it.
            self.note_direct(q, None, None)


_MIXED_STOP = re.compile(r"[.!?…][\"”»’)]*\s+|\n")
# Before the words a quotation ends: an introduction of it (a colon, a comma after an adverbial — "Asked about
# the plan, “…,” she said"), a dash, or a report of someone else's words ("The crowd chanted “…,” Berg said").
_NOT_MIXED = re.compile(rf"(?:[:;—–-]|\bthat)\s*$|\b(?:{CUE})\b|{_OTHER_ACT.pattern}")
_OPENER = re.compile(r"(?:(?:And|But|Still|Yet|So|Now|However|Indeed|Instead|Meanwhile)\b\s*,?\s*)+")


def _mixed_clause_start(f: str, lo: int, q: QuoteSpan) -> int | None:
    """Where the clause a quotation ends starts, when the quotation closes a sentence of the speaker's own
    words set in narration ("Golf clubs are “just scratching out a profit,” Hedge said"): the sentence start,
    if three words or more stand before the mark, none quoted or in brackets, none introducing the
    quotation or reporting another voice, and the quotation ends with a comma or no punctuation (a full sentence
    quoted ends with its own full stop). None otherwise."""
    inner = f[q.start:q.end].rstrip()
    if inner[-1:] in ".!?…:;" or q.last_line != q.line:
        return None
    stops = [m.end() for m in _MIXED_STOP.finditer(f, lo, q.open)
             if not _ABBREV.search(f, max(lo, m.start() - 6), m.start() + 1)]
    start = stops[-1] if stops else lo
    before = f[start:q.open]
    if any(c in before for c in "“”\"«»()[]") or "''" in before or len(_WORDS.findall(before)) < 3 \
            or _NOT_MIXED.search(before) or (before.rstrip().endswith(",") and not inner[:1].islower()):
        return None  # "Asked about the plan, “It is dead,” she said": a full sentence quoted after an adverbial
    opener = _OPENER.match(f, start, q.open)
    return opener.end() if opener else start


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
