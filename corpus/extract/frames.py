"""Indirect speech frames: which clause of a sentence reports whose words.

Indirect: ``X said (that) CLAUSE``, ``CLAUSE, X said.``, ``According to X, CLAUSE``,
``CLAUSE, he said, CLAUSE``, ``X urged / called on Y to VP``, ``…, adding that CLAUSE``.
Everything here is a regular expression over one sentence; no parser. The direct frames
(``“A,” he said``) are in :mod:`.cues`, the speaker before a verb in :mod:`.subjects`, the clause
checks in :mod:`.clauses`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import _IRREGULAR_PAST, _VERBISH, OBJECT_SENSE_CUES, _np_like, clause_ok, object_not_clause
from .cues import _ADV, _M, SUBJECT_VERB
from .fragments import OTHER_SUBJECT_BETWEEN
from .lexicon import (
    CUE,
    CUE_RE,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    OBJECT_CUES,
    PASSIVE_BEFORE,
    PERSON_NOUNS,
    trie_pattern,
    words,
)
from .mentions import Mention, parse_mention
from .subjects import _relative_or_group, mention_from, subject_before

ACCORDING = re.compile(r"(?:^|,\s*|\b)(?:[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)\s+"
                       r"(?P<m>(?:[^,;:.!?“”\"«»]|(?<=\b[A-Z])\.){1,160}?)\s*,\s*")  # "F.A.A. records"
ACCORDING_TAIL = re.compile(r"(?:,\s*|\s[—–]\s*|\s)according\s+to\s+(?P<m>[^,;:!?“”\"«»]{1,90}?)\s*"
                            r"(?:,|[.!?]?[\"”’]?\s*$)")
# "according to plan": no source.
_NO_SOURCE = re.compile(r"^(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:plan|plans|schedule|script|"
                        r"tradition|custom|protocol|rules?|law|laws|constitution|procedure|need|needs|size|"
                        r"type|priority|merit|standards?|guidelines?|instructions?|expectations?)\b", re.IGNORECASE)


def _source(text: str) -> Mention | None:
    """The source after "according to": a speaker, else a source no name is read from ("federal
    statistics", "a Washington Post database"), kept so its report is stored unattributed."""
    men = parse_mention(text)
    if men:
        return men
    text = text.strip()
    ws = text.split()
    # A long source is one that says what it is: "early results of exit polls conducted for … by …".
    if not text or _NO_SOURCE.match(text) or len(ws) > 24 or (
            len(ws) > 12 and not any(re.sub(r"['’]s?$", "", w.lower()) in _SOURCE_NOUNS for w in ws[:4])):
        return None
    # A source is someone or something that tells: a named body ("the Federal Bureau of Prisons"), a
    # group, a person or a document ("a Washington Post database"), never "his body mass index".
    if any(w[:1].isupper() for w in ws[1:]) or ws[0][:1].isupper() and ws[0].lower() not in _ARTICLES or any(
            re.sub(r"['’]s?$", "", w.lower()) in _SOURCE_NOUNS for w in ws):
        return Mention("role", text)
    return None


_ARTICLES = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that", "these", "those"}
_SOURCE_NOUNS = GROUP_NOUNS | PERSON_NOUNS | DOCUMENT_NOUNS | set(words(
    "data statistics figures estimate estimates analysis analyses records database survey surveys poll polls "
    "study studies research census account accounts testimony sources source officials witnesses reports "
    "calculations count tally findings projections forecast forecasts documents papers filings returns "
    "results polling summary tracker trackers numbers book books emails records "
    # the press: "according to the newspaper" names no one, but it is the source the report gives
    "newspaper newspapers paper magazine outlet network station channel broadcaster editorial column "
    "blog headline memoir textbook newsletter"))
# Frames over a sentence for indirect speech.
# Participles that report a stance or a source ("calling for …", "citing …"): a part of the report, not narration.
_REPORTING_ING = (r"(?:calling|citing|urging|demanding|praising|critici[sz]ing|condemning|accusing|blaming|describing|"
                  r"referring|referencing|expressing|welcoming|voicing|reaffirming|reiterating|proposing|promising|"
                  r"pledging|vowing|announcing|confirming|denying|rejecting|highlighting|mentioning|telling)\b")
TAIL = re.compile(rf",\s*(?:(?P<m>{_M})\s+{_ADV}(?P<cue>{CUE})|(?P<cue2>{CUE})\s+(?P<m2>{_M}))"
                  r"(?P<rest>(?:\s+(?:reporters|journalists|the\s+press|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))?"
                  r"(?:\s+(?:on|in|at|during|after|before|while|when|last|this|earlier|late|early|yesterday|today|"
                  r"tonight|overnight|to|from|with|according|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                  r"Sunday)\b[^,;“”\"«»]{0,100})?"
                  # "…, state radio announced late Monday, drawing criticism from …": narration after the
                  # report; a speech participle (", adding that …") is then read as a report of its own; so is
                  # a clause of narration joined by "and" / "but" (", and the council has agreed")
                  rf"(?P<trail>,\s+(?!{_REPORTING_ING})[a-z]+ing\s[^;“”\"«»]{{0,160}}|,\s+(?:and|but)\s[^;“”\"«»]{{0,160}})?)"
                  r"\s*[.!?]?[\"”»’]?\s*$")
# "CLAUSE, a spokeswoman, Ana Ruiz, said on Monday." / "CLAUSE, Ana Ruiz, the harbour master, said.": a mention
# and its apposition between commas before the verb (the name is whichever of the two is one).
TAIL_APPOS = re.compile(rf",\s*(?P<m>{_M}),\s+(?P<app>{_M}),\s+{_ADV}(?P<cue>{CUE})"
                        r"(?P<rest>(?:\s+(?:on|in|at|during|after|before|while|when|last|this|earlier|late|early|"
                        r"yesterday|today|tonight|overnight|to|from|with|Monday|Tuesday|Wednesday|Thursday|Friday|"
                        r"Saturday|Sunday)\b[^,;“”\"«»]{0,100})?)\s*[.!?]?[\"”»’]?\s*$")
_COORDINATOR = re.compile(r"^(?:and|but|or|while|yet)\b|^(?:\w+\s+)?(?:which|whom|whose)\b", re.IGNORECASE)
# A finite verb for sure (not a plural noun, as _VERBISH's "\w+s" allows): the words hold a clause.
_VERBISH_STRICT = re.compile(r"\b(?:is|are|was|were|will|would|could|can|should|must|may|might|has|have|had|does|do|"
                             r"did)\b")
_NAME_REST = re.compile(r"(?:\s+[A-Z][\w.'’-]*)+(?=\s*(?:,|[.!?]?[\"”»’]?\s*$))")
# ", said X, answering questions from …": what the speaker was doing, not a second part of the report
# (a gerund that opens a clause — ", he said, replacing her would be …" — has a finite verb after it)
_NARRATING_PARTICIPLE = re.compile(rf"^(?!{_REPORTING_ING})[a-z]+ing\b")
_FINITE_SURE = re.compile(_VERBISH_STRICT.pattern[:-3] + r"|\w+ed|" + _IRREGULAR_PAST + r")\b")
PAREN = re.compile(rf"^(?P<pre>[^,]{{1,120}}),\s+(?:(?P<m>{_M})\s+{_ADV}(?P<cue>{CUE})|(?P<cue2>{CUE})\s+(?P<m2>{_M})),\s+")
# A fronted adverbial is no part of what was said: "In a statement, X said, …", "Of the plan, he said, …".
_ADVERBIAL = re.compile(r"^(?:in|of|on|at|for|after|before|during|with|about|regarding|as|asked|speaking|"
                        r"meanwhile|however|earlier|later|today|yesterday|also|now|then)\b", re.IGNORECASE)
_PARTICIPLES = (r"adding|saying|noting|stressing|warning|insisting|explaining|arguing|"
                r"claiming|stating|recalling|emphasi[sz]ing|underlining|pointing out|declaring|suggesting|"
                r"contending|asserting|acknowledging|conceding|predicting|complaining|countering|"
                r"maintaining|charging|alleging")
PARTICIPLE = re.compile(rf",?\s*\b(?P<cue>{_PARTICIPLES})\s+"
                        r"(?:(?:(?:voters|reporters|journalists|him|her|them|us|me|the\s+[a-z]+|[A-Z][\w’']+)\s+)?that\s+)?")
# What every PARTICIPLE match holds: a cheap first look (the full pattern opens with ",?\s*" and is tried at
# every position; this one fails at once inside a word).
_PARTICIPLE_WORDS = [*_PARTICIPLES.replace("emphasi[sz]ing", "emphasising|emphasizing").split("|"),
                     "telling", "assuring", "reminding", "informing"]  # the last four: PARTICIPLE_TELL's
_PARTICIPLE_WORD = re.compile(rf"\b{trie_pattern(_PARTICIPLE_WORDS)}\s")
URGE = re.compile(r"\b(?P<cue>urged|urges|called\s+on|calls\s+on|called\s+upon)\s+(?P<obj>[^.;:“”\"«»]{1,80}?)"
                  r"\s+(?P<to>to\s+[a-z])")
_INVERTED = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w.'’-]*\s*(?:,|$)")
_APPOSITIVE_PART = re.compile(r"^(?:who|which|whose)\b", re.IGNORECASE)
_NP_PART = re.compile(r"^(?:a|an|the)\b", re.IGNORECASE)
_THAT = re.compile(r"^\s*(?:,\s*)?(?:(?:separately|also|later|again|further|publicly|privately|previously|earlier)\s+)?"
                   r"that(?:\s*,)?\s+")
_PASSIVE = PASSIVE_BEFORE
# What may stand between a cue and its clause: an object and adverbials ("told reporters on Monday").
_BETWEEN = re.compile(
    r"^(?:\s+(?:reporters|journalists|the\s+press|the\s+media|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|"
    r"him|her|them|us|me|parliament|lawmakers|the\s+audience|students|listeners|viewers|the\s+meeting|"
    r"police|investigators|(?:the|a|an|his|her|their|its)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?))?"
    r"(?:\s+(?:(?:on|in|at|during|after|before|last|this|earlier|later|over|via|while|when|through)\s+|"
    # whom it was said to: "reported to the President that", "wrote to the council that" (never "to" + a verb)
    r"to\s+(?=(?:the|a|an|his|her|their|its|our|Mr|Ms|Mrs|Dr|[A-Z])\b))"
    r"[^,;:“”\"«»]{1,60}?)?(?=\s*,?\s*that\b)"
)
# After a verb of telling, whom it told may be any plural ("told delegates that", "warned donors that").
_LISTENERS = re.compile(r"^\s+(?:(?:some|many|several|two|three|\d+)\s+)?"
                        r"(?!(?:this|thus|his|hers|its|ours|theirs|yours|was|has|is|does|us)\b)[a-z]{3,}s(?<!ss)"
                        r"(?:\s+(?:on|in|at|during|after|before|last|this|earlier|later|over|via|while|when|through)\s+"
                        r"[^,;:“”\"«»]{1,60}?)?(?=\s*,?\s*that\b)")
# A speech verb with a subject or auxiliary of its own just before "that" ("after X had reported that"), never a
# noun ("in his opening remarks that").
_OTHER_VERB_LAST = re.compile(rf"(?:\b(?:had|has|have|was|were|is|are|he|she|they|it|we)|[A-Z][\w.'’-]*)\s+"
                              rf"(?:\w+ly\s+)?{CUE}\s*$")
_TELL_CUES = frozenset(words("told tells tell assured assures reminded reminds warned warns informed informs"))
# "X said …, according to Y": the report has its own speaker; Y is the source of the sentence, not X's words.
AS_CUE = re.compile(rf"^\s*(?:[Bb]ut\s+|[Aa]nd\s+|[Jj]ust\s+)?[Aa]s\s+(?P<m>{_M})\s+{_ADV}(?P<cue>{CUE}|observed)\s*,\s+")
_AS_SOURCE = re.compile(r"^(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|for|and))*$")
_ACCORDING_INNER = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|reported|reports|announced|argued|"
                              r"argues|claimed|claims|noted|notes|explained|insisted|warned|stressed)\b")
_ENDS_RELATIVE = re.compile(r"\b(?:which|who|whom|that|where)\s*$")  # "boats which, according to AFP, …"
# A phrase that is no clause: "Speaking to students at Drexel, Biden responded …".
_FRONTED_PHRASE = re.compile(r"^\s*(?:[A-Z]?[a-z]+ing|[Ii]n|[Oo]n|[Aa]t|[Dd]uring|[Aa]fter|[Bb]efore|[Ww]ith|[Ff]or)\b[^,]*$")
# After "told": the listener, then the reported clause ("told reporters he would resign", "told a meeting
# of island leaders that few people understood …").
_TOLD = re.compile(r"^\s+(?P<obj>(?:[A-Z][\w.'’-]*|reporters|journalists|him|her|them|us|me|the|a|an|his|her|their|its)\b"
                   r"[^,;:“”\"«».!?]{0,70}?)\s+(?:that\s+|(?=(?:he|she|they|it|we|I|there)\s+[a-z]))")
# Before a subject, words that make the cue's clause a gapped one ("what X said", "how X says …").
_GAP_BEFORE = re.compile(r"\b(?:[Ww]hat|[Ww]hatever|[Hh]ow|[Ww]hy)\s+$")
_THAT_BEFORE = re.compile(r"\b(?:that|which)\s+$")
_RELATIVE_GAP = re.compile(r"^(?:\w+ed|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\b")
_POSSESSED_SUBJECT = re.compile(r"^(?:[Tt]he\s+)?[\w.'’-]+(?:\s+[A-Z][\w.'’-]*){0,3}['’]s?\s+(?:[a-z-]+\s+){0,2}[a-z-]+$")


@dataclass(frozen=True, slots=True)
class Frame:
    mention: Mention
    cue: str
    start: int  # content span (offsets into the document)
    end: int
    mention_pos: int
    linked: bool = False  # the second part of "CLAUSE, he said, CLAUSE": one utterance with the frame before



# Verbs that report what a study, poll or inquiry established — read only before "that" ("The audit found
# that …", "A new poll shows that …"): "found the body", "shows him smiling" report nothing.
FINDING = re.compile(r"\b(?:found|finds|find|shows|showed|show|determined|determines)(?=\s+that\b)")
_ANY_CUE = re.compile(rf"\b(?:{CUE}|[Aa]ccording|urge[sd]?|calls?\s+(?:on|upon)|called\s+(?:on|upon)|"
                      rf"(?:found|finds|find|shows|showed|show|determined|determines)(?=\s+that\b))\b")
_WHEN = re.compile(
    r"(?:\s+(?:on|last|this|earlier|late|early|in|at|during|after|before|since)\s+(?:(?:a|an|the|his|her|their)\s+"
    r"[\w-]+(?:\s+[\w-]+)?|"
    r"\w+day|week|month|year|night|morning|evening|afternoon|Twitter|Facebook|[A-Z][a-z]+(?:\s+\d{1,2})?))+"
    r"(?=\s+(?:it|he|she|they|we|I|the|a|an|[A-Z]\w*)\b)")
_NEXT_REPORT = re.compile(
    rf",(?P<mark>[”\"’]?)\s+(?:and\s+|but\s+|while\s+)?(?:adding|saying|noting|stressing|[^,;“”\"«»]{{1,60}}?\s+{CUE})\b")
_AND_CUE = re.compile(rf"\band\s+(?:also\s+|then\s+|later\s+)?{CUE}\b")
# "…, state radio announced late Monday, drawing criticism …": a time, then narration; the report is before.
_TIME_THEN_NARRATION = re.compile(
    r"^(?:(?:on|late|early|last|this|earlier)\s+)?(?:\w+day|yesterday|today|tonight|week|month|year|night|morning|"
    r"evening|afternoon|[A-Z][a-z]+\s+\d{1,2})\s*,\s+(?:[a-z]+ing|as|while|amid|after|before|when|despite|until|"
    r"even\s+as|a|an)\b")  # "said Wednesday, as the rate fell …", "announced Wednesday, a move unions …": narration


def indirect_frames(folded: str, s: int, e: int) -> list[Frame]:
    """Indirect speech in the sentence ``folded[s:e]``."""
    sent = folded[s:e]
    out: list[Frame] = []
    if not _ANY_CUE.search(sent):
        return out  # most sentences report nothing: one scan instead of six
    # As X reported, CLAUSE: the source of what follows.
    m = AS_CUE.match(sent)
    if m and clause_ok(sent[m.end():]):
        # the whole phrase is the speaker ("As The Hill reported", "As Olga Petrova noted"), never a clause
        # ending in a name ("As her campaign sent out pitches highlighting Mr. X's remarks")
        men = parse_mention(m.group("m")) or (_source(m.group("m")) if _AS_SOURCE.match(m.group("m")) else None)
        if men and men.kind not in {"name", "pronoun"}:
            # a body or paper: unnamed here (the article's capitalised runs read "As The Gazette" as its name)
            men = Mention("role", men.surface)
        if men:
            return [Frame(men, m.group("cue"), s + m.end(), e, s + m.start("m"))]
    # According to X, CLAUSE / CLAUSE, according to X.
    m = ACCORDING.search(sent)
    lead = sent[:m.start()].rsplit(":", 1)[-1] if m else ""  # "It has not gone unnoticed: according to X, …"
    if m and len(lead.split()) < 8 and (not _VERBISH.search(lead) or _CONNECTIVE.fullmatch(lead.strip(" ,"))
                                        or (_subject_part(lead) and not _FINITE_SURE.search(lead))):
        # "(But the next day,) according to X, CLAUSE": only an adverbial before it
        men = _source(m.group("m"))
        # "According to the Herald, Professor X said CLAUSE": the inner speaker is the source.
        if men and not _own_speaker(sent, m.end()):
            pre = sent[len(sent[:m.start()]) - len(lead):m.start()]
            rest = sent[m.end():]
            if _subject_part(pre) and len(_WORD.findall(rest)) >= 3 and clause_ok(pre.strip() + " " + rest):
                # "Most islanders, according to a new survey, take the ferry …": the subject before the source
                # is part of what is reported — two parts of one report, as in "CLAUSE, he said, CLAUSE".
                at = s + m.start() - len(pre) + (len(pre) - len(pre.lstrip()))
                out.append(Frame(men, "according to", at, s + m.start(), s + m.start("m")))
                out.append(Frame(men, "according to", s + m.end(), e, s + m.start("m"), linked=True))
                return out
            out.append(Frame(men, "according to", s + m.end(), e, s + m.start("m")))
            return out
    m = ACCORDING_TAIL.search(sent)
    if m and len(sent[:m.start()].split()) >= 4 and _VERBISH.search(sent[:m.start()]) \
            and not _ACCORDING_INNER.search(sent[:m.start()]) and not _ENDS_RELATIVE.search(sent[:m.start()]):
        # CLAUSE, according to X. / CLAUSE — according to X — … / CLAUSE according to X, and …
        men = _source(m.group("m"))
        if men:
            return [Frame(men, "according to", s, s + m.start(), s + m.start("m"))]
    # CLAUSE, he said, CLAUSE
    m = PAREN.match(sent)
    if m:
        mk = "m" if m.group("m") else "m2"
        men = parse_mention(m.group(mk))
        cue = m.group("cue") or m.group("cue2")
        if mk == "m2" and cue in OBJECT_CUES:
            men = None  # ", told Radio North,": the listener
        if men and not _verbish_subject(m.group("pre")):
            # CLAUSE, he said, CLAUSE: the two parts of one report, never the attribution between
            # them; ", adding that …" after it is a report of its own (see participle()).
            pre = m.group("pre")
            out = [] if _ADVERBIAL.match(pre.strip()) or len(pre.split()) < 2 else \
                [Frame(men, cue, s, s + len(pre), s + m.start(mk))]
            if not PARTICIPLE.match(sent, m.end() - 2) and not _APPOSITIVE_PART.match(sent[m.end():]) \
                    and not (_NARRATING_PARTICIPLE.match(sent[m.end():])
                             and not _VERBISH_STRICT.search(sent[m.end():])) and not (
                    _NP_PART.match(sent[m.end():]) and not _VERBISH.search(sent[m.end():])):
                # ", said Pavel Orlov, a senior official …" describes the speaker: it is no second part
                out.append(Frame(men, cue, s + m.end(), e, s + m.start(mk), linked=bool(out)))
            return out
    # CLAUSE, X said.
    a = TAIL_APPOS.search(sent)
    if a:
        pre = sent[:a.start()] if a else ""
        if a and len(pre.split()) >= 4 and _VERBISH.search(pre) and not _FRONTED_PHRASE.match(pre) \
                and not CUE_RE.search(pre):
            first, second = parse_mention(a.group("m")), parse_mention(a.group("app"))
            # the name, else the role ("a spokeswoman, who asked not to be named,": the role)
            pick = next(((men, a.start(g)) for men, g in ((first, "m"), (second, "app")) if men and men.kind == "name"),
                        (first, a.start("m")) if first else (None, 0))
            if pick[0] is not None:
                return [Frame(pick[0], a.group("cue"), s, s + a.start(), s + pick[1])]
    m = TAIL.search(sent)
    if m and m.group("m") and _COORDINATOR.match(m.group("m")):
        m = None  # "…, and the council has agreed", "…, about which residents complained": no attribution
    if m and m.group("trail") and re.search(r"\bthat\b", m.group("rest")[:len(m.group("rest")) - len(m.group("trail"))]):
        m = None  # "…, the President said while remarking that …, but …": the words after the verb report too
    if m:
        text = m.group("m") or m.group("m2")
        if m.group("m2") and m.group("cue2") not in OBJECT_CUES:
            # "…, said Vladimir Putin, answering …": the capitalised words after the first are the name's
            # ("said Vladimir" with "Putin" read as a listener named nobody)
            more = _NAME_REST.match(m.group("rest") or "")
            text += more.group().rstrip(".") if more else ""
        men = None if m.group("m2") and (m.group("cue2") in OBJECT_CUES or not _np_like(text)) else \
            parse_mention(text) or (_relative_or_group(text.split()) if _np_like(text) else None)
        pre = sent[:m.start()]
        # "Passenger Ellen Morse, 41, said families … had slept …": no clause before the verb, and the
        # words after it are the report, not a speaker and an adverbial.
        narrated = bool(m.group("m2")) and bool(_VERBISH_STRICT.search(m.group("rest") or ""))
        # With narration after it ("…, X said on Monday, drawing …") the words before must hold a verb for
        # sure: "Later, during a conversation with journalists, Mr X commented …, noting …" reports nothing.
        verb_ok = _VERBISH.search(pre) and (not m.group("trail") or _FINITE_SURE.search(pre))
        if men and len(pre.split()) >= 4 and not _FRONTED_PHRASE.match(pre) and verb_ok and not narrated:
            mpos = s + (m.start("m") if m.group("m") else m.start("m2"))
            return [Frame(men, m.group("cue") or m.group("cue2"), s, s + m.start(), mpos)]
    # X said (that) CLAUSE — the first speech verb whose subject parses as a speaker and whose clause
    # reads as one; a verb that takes no clause here ("asked the board to …", "wrote his book") or
    # whose clause is no report lets a later verb with a subject of its own speak.
    floor = 0  # where a second report may begin: after the first one's clause
    verbs = sorted([*CUE_RE.finditer(sent), *FINDING.finditer(sent)], key=lambda v: v.start())
    for m in verbs:
        if m.start() < floor:
            continue
        if _PASSIVE.search(sent, max(0, m.start() - 12), m.start()):
            continue  # "she was told to …", "it is reported": the subject is not the speaker
        found = subject_before(sent, m.start()) or _coordinated_subject(sent, m.start())
        if not found:
            continue
        men, mstart = found
        if m.re is FINDING and not _finder(men):
            continue  # "It shows that …", "The talks showed that …": the writer's reasoning, nobody's report
        if _GAP_BEFORE.search(sent, max(0, mstart - 12), mstart):
            continue  # "what Trump says his plan would do": the clause has a gap, it is no report
        after = sent[m.end():]
        b = (_LISTENERS.match(after) if m.group() in _TELL_CUES else None) or _BETWEEN.match(after)
        if b and _OTHER_VERB_LAST.search(after, 0, b.end()):
            b = None  # "announced this after X had reported that …": the "that" is another verb's
        rest = after[b.end():] if b and b.end() else after
        t = _THAT.match(rest)
        # "told reporters he would …", "assured the President that …": the listener is no part of the report
        told = _TOLD.match(after) if m.group() in _TELL_CUES and not t else None
        if t:
            clause_start = m.end() + (b.end() if b else 0) + t.end()
        elif told and _np_like(told.group("obj")) and not CUE_RE.search(told.group("obj")):
            clause_start = m.end() + told.end()  # "told reporters he would …", "told a meeting of X that …"
        elif m.group() in {"reads", "told", "asked", "tells", "asks", "continued", "promised", "vowed",
                                 "urged", "urges", "invited", "continues", "reported", "reports"}:
            continue
        elif after[:1] == " " and not after.lstrip().startswith(("“", '"', "«")):
            adv = _WHEN.match(after)  # "said on Monday it had no plans"
            clause_start = m.end() + (adv.end() if adv else 0) + 1
        else:
            continue
        clause = sent[clause_start:]
        if m.group().endswith("s") and CUE_RE.match(clause):
            continue  # "Russia and ASEAN states confirmed that …": a plural noun, the verb comes after it
        if not t and _TIME_THEN_NARRATION.match(clause):
            continue  # "announced late Monday, drawing criticism …": nothing reported after the verb
        if not t and _INVERTED.match(clause) and parse_mention(clause.split(",")[0]):
            continue  # "…, said Jeffrey N. Trimble, a senior official": the speaker after the verb
        if _RELATIVE_GAP.match(clause) and _THAT_BEFORE.search(sent, max(0, mstart - 8), mstart):
            continue  # "policies that Trump argues allowed …": a relative clause, its subject is missing
        if not t and _AND_CUE.search(clause):
            continue  # "He claimed vast wealth and said it …": an object, then the verb that reports
        if not clause_ok(clause, that=bool(t or told)):
            continue
        if not t and m.group() in OBJECT_SENSE_CUES and object_not_clause(clause):
            continue  # "recalled 1 million cars", "acknowledged the crowd": an object, no report
        # The clause stops where another report begins: ", and rights groups warned that …".
        nxt = _NEXT_REPORT.search(clause)
        if nxt and not clause_ok(clause[:nxt.start()], that=bool(t or told)):
            continue  # "When he wrote his book, Mr. X said that …": the report is the later one
        # (a quotation the report ends with keeps its closing mark: "… had been “a mistake,” X said …")
        end = s + clause_start + nxt.start() + (2 if nxt.group("mark") else 0) if nxt else e
        out.append(Frame(men, m.group(), s + clause_start, end, s + mstart))
        if not nxt:
            break
        floor = clause_start + nxt.start()  # ", and three-quarters said …": a report of its own
    if out:
        return out
    m = URGE.search(sent)
    if m:
        men = mention_from(sent[:m.start()])
        if men:
            at = sent.rfind(men.surface.split()[0], 0, m.start())  # the mention itself, not the sentence start
            # "urged Choi to appoint …": whom the speaker urged is part of what is reported
            return [Frame(men, m.group("cue"), s + m.start("obj"), e, s + max(0, at))]
    return out


_FINDERS = _SOURCE_NOUNS | set(words("audit inquiry investigation review probe analysis assessment evaluation "
                                      "test tests trial trials experiment model"))


def _finder(men: Mention) -> bool:
    """Who may find or show that something is so: a person or body named or referred to ("he found
    that"), or a study, poll, report or inquiry ("a Pew poll shows that") — not "it", "this", "the talks"."""
    if men.kind in {"name", "org"}:
        return True
    if men.kind == "pronoun":
        return men.surface.lower() in {"he", "she", "they", "we", "i"}
    last = re.sub(r"['’]s?$", "", men.surface.split()[-1].lower()) if men.surface.split() else ""
    return last in _FINDERS


_AND_BEFORE = re.compile(r"(?:,\s*)?\b(?:and|but)\s+(?:also\s+|then\s+|later\s+|has\s+|have\s+|had\s+)*$")


def _coordinated_subject(sent: str, cue_start: int) -> tuple[Mention, int] | None:
    """"Olga Petrova praised the engineers and said …": the subject of the first verb."""
    a = _AND_BEFORE.search(sent, max(0, cue_start - 30), cue_start)
    if not a:
        return None
    m = SUBJECT_VERB.match(sent, 0, a.start())
    # Between the two verbs: an object, perhaps a short quotation ("exhorted Republicans to “vote your
    # conscience” and said"), never a clause boundary or another report.
    between = sent[m.end():a.start()] if m else ""
    if not m or m.end() > cue_start or any(c in between for c in ",;:") or CUE_RE.search(between):
        return None
    men = mention_from(m.group("m")) or _relative_or_group(m.group("m").split())
    return (men, m.start("m")) if men and men.kind in {"name", "pronoun", "org", "role"} else None


_CONNECTIVE = re.compile(r"^(?:but|and|yet|so|still|thus|therefore|hence|nevertheless|nonetheless|moreover|furthermore|"
                         r"indeed|instead|overall|finally|first|second|third|currently|recently|here|there|"
                         r"(?:this|last|next|that)\s+(?:year|week|month|time|spring|summer|autumn|fall|winter)|"
                         r"\w+ly)\b(?!\s+\w)", re.IGNORECASE)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _subject_part(pre: str) -> bool:
    """Whether the words before ", according to X," are the reported clause's subject ("Most islanders",
    "The ferry chief"), not an adverbial ("On Monday", "But", "In the north") or nothing."""
    words_ = pre.split()
    return 1 <= len(words_) <= 7 and pre.rstrip()[-1:] != "," and not _ADVERBIAL.match(pre.strip()) \
        and not _FRONTED_PHRASE.match(pre) and not _CONNECTIVE.match(pre.strip())


def _own_speaker(sent: str, start: int) -> bool:
    """Whether ``sent[start:]`` has a speech verb with a speaker of its own."""
    for m in CUE_RE.finditer(sent, start):
        if not _PASSIVE.search(sent, max(start, m.start() - 12), m.start()) and subject_before(sent[start:], m.start() - start):
            return True
    return False


def _verbish_subject(pre: str) -> bool:
    """"Moscow is ready, he said, …" — a full clause before the cue is itself reported speech."""
    return False


# ", telling reporters that …", ", assuring the council that …": a listener of up to four words, then "that".
PARTICIPLE_TELL = re.compile(r",\s*(?P<cue>telling|assuring|reminding|informing)\s+"
                             r"(?:the\s+|his\s+|her\s+|their\s+|its\s+)?[\w’'.-]+(?:\s+(?!that\b)[\w’'.-]+){0,3}?\s+that\s+")


def participle(folded: str, s: int, e: int) -> tuple[str, int] | None:
    """``…, adding that CLAUSE`` / ``…, telling reporters that CLAUSE``: the cue and where its clause starts."""
    if not _PARTICIPLE_WORD.search(folded, s, e):
        return None  # most sentences have none: the full pattern is tried at every position, this one at word starts
    for pattern in (PARTICIPLE, PARTICIPLE_TELL):
        m = pattern.search(folded, s, e)
        if m and _ING_LIST.search(folded, max(s, m.start() - 30), m.start()):
            continue  # "engaged in developing, manufacturing, maintaining and repairing engines": a list of deeds
        if m and m.start() > s and clause_ok(folded[m.end():e], that=True):
            return " ".join(m.group("cue").split()), m.end()
    return None


_ING_LIST = re.compile(r"\b[a-z]{3,}ing,\s+[a-z]{3,}ing,?\s*$")
_CUE_BEFORE = re.compile(rf"(?P<m>{_M})\s+{_ADV}(?P<cue>{CUE})\s*,\s*$")
# "TASS quoted Peskov as saying …": the one quoted speaks, not the outlet that quotes him.
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|e|ing)\s+(?P<m>[^,;:.!?“”\"«»]{1,80}?)\s+as\s*$")


def participle_subject(folded: str, s: int, e: int) -> tuple[Mention, int] | None:
    """Who says the ``…, saying CLAUSE`` that follows ``folded[s:e]``: the subject of the sentence
    ("Trump is defending his tweets, saying …"; "“…,” he said, adding …"). A participle at the end of
    a sentence has the main clause's subject; a passive main clause ("was criticised …") has none."""
    m = _QUOTED_AS.search(folded, s, e)
    if m:
        men = mention_from(m.group("m"))
        if men is None or men.kind == "pronoun":  # "quoted him as saying": an object pronoun, unresolved
            men = Mention("role", m.group("m"))
        return men, m.start("m")
    m = _CUE_BEFORE.search(folded, s, e)
    if m:
        men = mention_from(m.group("m"))
        return (men, m.start("m")) if men else None
    m = SUBJECT_VERB.match(folded, s, e)
    if not m or (m.group("aux") and m.group("aux").strip() in {"was", "were"} and m.group("v").endswith("ed")):
        return None
    if _POSSESSED_SUBJECT.match(m.group("m").strip()) or m.group("m").rstrip().endswith(("'s", "’s")):
        # "Olga Petrova's comments drew a reply, saying …": the subject is her comments, not her; who
        # says it is unsaid (stored unattributed).
        return Mention("role", m.group("m").split()[-1]), m.start("m")
    men = mention_from(m.group("m")) or _relative_or_group(m.group("m").split())
    if not men or men.kind not in {"name", "pronoun", "org", "role"}:
        return None
    if OTHER_SUBJECT_BETWEEN.search(folded, m.end(), e):
        return None  # "Ruiz spoke as a ferryman walked past, saying …": the participle may be the ferryman's
    return men, m.start("m")
