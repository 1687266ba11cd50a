"""Speech-verb frames: what attaches a quotation to a speaker, and indirect speech.

Direct: ``“A,” he said`` / ``“A,” said X`` / ``X said: “A”`` / ``X added that “A”``.
Indirect: ``X said (that) CLAUSE``, ``CLAUSE, X said.``, ``According to X, CLAUSE``,
``CLAUSE, he said, CLAUSE``, ``X urged / called on Y to VP``, ``…, adding that CLAUSE``.
Everything here is a regular expression over one sentence; no parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    CUE,
    CUE_RE,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    OBJECT_CUES,
    ORG_HEADS,
    PASSIVE_BEFORE,
    PERSON_NOUNS,
    words,
)
from .mentions import Mention, parse_mention

_ADV = r"(?:(?:also|then|later|further|again|once\s+again|previously|earlier|recently|repeatedly|" \
       r"has|had|have|was|were|would|will|quickly|firmly|specifically|particularly|separately|" \
       r"additionally|subsequently|reportedly|publicly|bluntly|simply|even|once|however|now|often|still|just|" \
       r"already|long|privately|initially|originally|frequently|openly|explicitly|flatly|clearly|boldly)\s+)*"
# A mention: no clause punctuation, but abbreviation stops ("Mr.", "U.S.", "George W. Bush") and a
# short parenthesis ("Rep. Jim Jordan (R-Ohio)") may occur.
_M = r"(?:[^,;:.!?“”\"«»()\n]|(?<=[A-Z])\.|(?<=Mr|Ms|Dr|St|Lt|Jr|Sr)\.|(?<=Mrs|Gov|Sen|Rep|Gen|Col|Sgt|Rev)\.|" \
     r"\([^()\n]{0,30}\)){1,90}?"
# After a closing mark: ", he said" / ", said Putin" / " the ministry added."
AFTER_MC = re.compile(rf"^\s*[,.!?…]?\s*[—–-]?\s*(?P<m>{_M})\s+{_ADV}(?P<cue>{CUE})\b(?P<rest>[^.!?“\"«]{{0,120}})")
AFTER_CM = re.compile(
    rf"^\s*[,.!?…]?\s*[—–-]?\s*(?P<cue>{CUE})\s+(?P<m>{_M})"
    r"(?=\s*(?:[,;:!?—–]|\.(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSt\.)(?<!\bRev\.)(?<!\bSen\.)"
    r"(?<!\bRep\.)(?<!\bGov\.)(?<![\s.][A-Z]\.)|$|\s(?:on|in|at|during|after|before|while|when|about|to|of|who|"
    r"last|this|earlier|as|from|for|with|via|told|adding|speaking|referring|according|recently|yesterday|today)\b))"
)
# After a closing mark, a name with an appositive: ", Rep. Jim Jordan, an oversight panel member, said".
AFTER_APPOS = re.compile(
    rf"^\s*[,]?\s*[—–-]?\s*(?P<m>{_M}),\s+(?P<app>(?:a|an|the|who|which|head|chief|director|[a-z][\w-]*|"
    rf"\d[\w-]*|[A-Z]-[A-Z][a-z]*\.?|"
    rf"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,3}}\s+[a-z][\w-]*)\b[^;:“”\"«»]{{0,120}}?),\s+{_ADV}(?P<cue>{CUE})\b"
)
# Before an opening mark: "X said: “" / "he said, “" / "X added that “" / "According to X, “".
# What may follow the cue before an opening mark: "said in an interview:", "reads, in part:", "added that".
BEFORE_TAIL = re.compile(
    r"(?:\s+(?:on|in|at|during|after|last|this|to|from|with|via|before|while|when|told|him|her|them|"
    r"reporters|journalists)\b[^,:;“”\"«»]{0,60}?|\s+(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})?"
    r"(?:,\s*in\s+(?:part|particular))?\s*(?:[:,]|\bthat)?\s*"
)
BEFORE_CM = re.compile(rf"(?P<cue>{CUE})\s+(?P<m>{_M})\s*[:,]\s*$")
ACCORDING = re.compile(r"(?:^|,\s*|\b)(?:[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)\s+(?P<m>[^,;:.!?“”\"«»]{1,90}?)\s*,\s*")
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
    if not text or _NO_SOURCE.match(text) or len(text.split()) > 12:
        return None
    ws = text.split()
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
    "results polling summary tracker trackers numbers book books emails records"))
# Frames over a sentence for indirect speech.
_ADV_WORDS = set(words("also then later further again once previously earlier recently repeatedly has had have was "
                 "were would will quickly firmly specifically particularly separately additionally subsequently "
                 "reportedly publicly bluntly simply even however now often still just already long privately "
                 "initially originally first frequently openly explicitly flatly clearly falsely wrongly "
                 "correctly boldly together all both"))
# Time and occasion between a subject and its verb: "The Times on Saturday wrote", "Police last week said".
_SUBJECT_TIME = re.compile(
    r"\s+(?:(?:on|last|this|next|earlier|late|early)\s+(?:\w+day|week|month|year|night|morning|evening|afternoon|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?|"
    r"today|yesterday|tonight|in\s+(?:a|an|his|her|its|their)\s+(?:statement|interview|letter|speech|"
    r"tweet|post|report|filing|release))$")
TAIL = re.compile(rf",\s*(?:(?P<m>{_M})\s+{_ADV}(?P<cue>{CUE})|(?P<cue2>{CUE})\s+(?P<m2>{_M}))"
                  r"(?P<rest>(?:\s+(?:reporters|journalists|the\s+press|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))?"
                  r"(?:\s+(?:on|in|at|during|after|before|while|when|last|this|earlier|to|from|with|"
                  r"according)\b[^,;“”\"«»]{0,100})?)\s*[.!?]?[\"”»’]?\s*$")
PAREN = re.compile(rf"^(?P<pre>[^,]{{1,120}}),\s+(?:(?P<m>{_M})\s+{_ADV}(?P<cue>{CUE})|(?P<cue2>{CUE})\s+(?P<m2>{_M})),\s+")
# A fronted adverbial is no part of what was said: "In a statement, X said, …", "Of the plan, he said, …".
_ADVERBIAL = re.compile(r"^(?:in|of|on|at|for|after|before|during|with|about|regarding|as|asked|speaking|"
                        r"meanwhile|however|earlier|later|today|yesterday|also|now|then)\b", re.IGNORECASE)
PARTICIPLE = re.compile(r",?\s*\b(?P<cue>adding|saying|noting|stressing|warning|insisting|explaining|arguing|"
                        r"claiming|stating|recalling|emphasi[sz]ing|underlining|pointing out|declaring|suggesting|"
                        r"contending|asserting|acknowledging|conceding|predicting|complaining|countering|"
                        r"maintaining|charging|alleging)\s+"
                        r"(?:(?:(?:voters|reporters|journalists|him|her|them|us|me|the\s+[a-z]+|[A-Z][\w’']+)\s+)?that\s+)?")
URGE = re.compile(r"\b(?P<cue>urged|urges|called\s+on|calls\s+on|called\s+upon)\s+(?P<obj>[^.;:“”\"«»]{1,80}?)"
                  r"\s+(?P<to>to\s+[a-z])")
_INVERTED = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w.'’-]*\s*(?:,|$)")
_APPOSITIVE_PART = re.compile(r"^(?:who|which|whose)\b", re.IGNORECASE)
_NP_PART = re.compile(r"^(?:a|an|the)\b", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"^(?:he|she|they|we|i|you)\s+[a-z]", re.IGNORECASE)
_THAT = re.compile(r"^\s*(?:,\s*)?that\s+")
_THAT_SUBJECT = re.compile(r"^(?:he|she|it|they|we|i|you|there|this|these|those|his|her|its|their|our|my|the|a|an|"
                           r"[A-Z][\w'’.-]*)\s+\S+\s+\S+")
_PASSIVE = PASSIVE_BEFORE
# What may stand between a cue and its clause: an object and adverbials ("told reporters on Monday").
_BETWEEN = re.compile(
    r"^(?:\s+(?:reporters|journalists|the\s+press|the\s+media|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|"
    r"him|her|them|us|me|parliament|lawmakers|the\s+audience|students|listeners|viewers|the\s+meeting|"
    r"police|investigators|(?:the|a|an|his|her|their|its)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?))?"
    r"(?:\s+(?:on|in|at|during|after|before|last|this|earlier|later|over|via|while|when|through)\s+"
    r"[^,;:“”\"«»]{1,60}?)?(?=\s*,?\s*that\b)"
)
# "X said …, according to Y": the report has its own speaker; Y is the source of the sentence, not X's words.
_ACCORDING_INNER = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|reported|reports|announced|argued|"
                              r"argues|claimed|claims|noted|notes|explained|insisted|warned|stressed)\b")
_ENDS_RELATIVE = re.compile(r"\b(?:which|who|whom|that|where)\s*$")  # "boats which, according to AFP, …"
# A phrase that is no clause: "Speaking to students at Drexel, Biden responded …".
_FRONTED_PHRASE = re.compile(r"^\s*(?:[A-Z]?[a-z]+ing|[Ii]n|[Oo]n|[Aa]t|[Dd]uring|[Aa]fter|[Bb]efore|[Ww]ith|[Ff]or)\b[^,]*$")
_FINITE = set(words("has have had is are was were will would can could should may might must do does did"))


def _np_like(text: str) -> bool:
    """A noun phrase, not a clause: few words and no auxiliary ("the EB-5 program has sent …" is a clause)."""
    ws = text.split()
    return len(ws) <= 10 and not any(w.lower() in _FINITE for w in ws)


# After "told": the listener, then the reported clause ("told reporters he would resign", "told a meeting
# of island leaders that few people understood …").
_TOLD = re.compile(r"^\s+(?P<obj>(?:[A-Z][\w.'’-]*|reporters|journalists|him|her|them|us|me|the|a|an|his|her|their|its)"
                   r"[^,;:“”\"«».!?]{0,70}?)\s+(?:that\s+|(?=(?:he|she|they|it|we|I|there)\s+[a-z]))")
# Before a subject, words that make the cue's clause a gapped one ("what X said", "how X says …").
_GAP_BEFORE = re.compile(r"\b(?:[Ww]hat|[Ww]hatever|[Hh]ow|[Ww]hy)\s+$")
_THAT_BEFORE = re.compile(r"\b(?:that|which)\s+$")
_RELATIVE_GAP = re.compile(r"^(?:\w+ed|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\b")
_BAD_CLAUSE_START = re.compile(
    r"^(?:in|on|at|during|after|before|to|of|for|with|about|by|from|so|yes|no(?=\s*[,.;!?]|\s*$)|nothing|something|goodbye|"
    r"when|while|because|since|until|unless|whenever|and|or|but|nor|which|who|whom|"
    r"hello|thanks|thank|this|that\s+is|[,.;:!?)\]—–-])\b", re.IGNORECASE)
_POSSESSED_SUBJECT = re.compile(r"^(?:[Tt]he\s+)?[\w.'’-]+(?:\s+[A-Z][\w.'’-]*){0,3}['’]s?\s+(?:[a-z-]+\s+){0,2}[a-z-]+$")
_POSSESSIVE_OBJECT = re.compile(
    r"^(?:(?!(?:he|she|it|that|there|what|who|here|where|this)['’]s\b)(?:the\s+)?[\w-]+['’]s?|"
    r"(?:the|a|an|its|their|his|her|our)\s+[a-z-]+)\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s+(?:to|of|in|for|on|with|against)\b",
    re.IGNORECASE)
_IRREGULAR_PAST = (r"broke|went|made|took|gave|got|came|saw|knew|thought|told|found|left|kept|held|brought|began|"
                   r"ran|won|lost|paid|sold|bought|sent|spent|built|fell|rose|grew|drew|wrote|spoke|stood|meant|led|"
                   r"became|chose|drove|flew|forgot|hid|rode|shot|shut|sought|struck|swore|taught|threw|understood|"
                   r"woke|wore|withdrew")
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|will|would|could|can|should|must|may|might|has|have|had|does|"
                     r"do|did|won't|wouldn't|can't|couldn't|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|"
                     r"doesn't|don't|didn't|shouldn't|(?<!\bto )(?<!\bbe )(?<!\bbeen )(?<!\bhave )(?<!\bhas )(?<!\bhad )"
                     r"(?<!\bthe )(?<!\ba )(?<!\ban )\w+ed|" + _IRREGULAR_PAST + r"|needs|wants|remains|seems|"
                     r"looks|means|goes|makes|takes|gets|comes|knows|says|thinks|works|helps|costs|stays|lies|"
                     r"depends|continues|exists|belongs|matters|plans|hopes|believes|appears|tends|"
                     r"\w+s(?=\s+(?:his|her|its|their|the|a|an|our|my|your|it|them|him|us)\b))\b")
_VERBISH = re.compile(r"\b(?:is|are|was|were|will|would|could|can|should|must|may|might|has|have|had|does|"
                      r"do|did|\w+ed|\w+s|" + _IRREGULAR_PAST + r")\b")


# A sentence that opens with a speaker and a verb: "Gov. Chris Christie described …", "Japan branded …".
SUBJECT_VERB = re.compile(
    rf"(?:[^,“”\"«»]{{0,80}},\s*)?(?P<m>{_M})\s+(?P<aux>(?:is|was|has|had|have|were|are)\s+)?(?:\w+ly\s+)?"
    r"(?:(?:also|then|again|later|earlier|once|now|still)\s+)?(?P<v>[a-z]+(?:ed|es|s|ing)|said|told|called|wrote|took|gave|spoke|"
    r"described|branded|urged|saw|thought|felt|made|put|sang|sent|left|kept|held|brought|set|read|struck|stood|"
    r"went|came|lost|won|ran|drew|threw|broke|sought|fought|met|led|began|took)\b"
)


# Speech acts that take a quoted fragment: "called Clinton a “champion”", "cited … as “Miss Piggy”".
SPEECH_ACT = re.compile(
    rf"\b(?:{CUE}|call(?:s|ed|ing)|describ(?:es|ed|ing)|cit(?:es|ed|ing)|referenc(?:es|ed|ing)|"
    r"dismiss(?:es|ed|ing)|brand(?:s|ed|ing)|label(?:s|ed|led|ing|ling)|term(?:s|ed|ing)|accus(?:es|ed|ing)|"
    r"blam(?:es|ed|ing)|prais(?:es|ed|ing)|critici[sz](?:es|ed|ing)|condemn(?:s|ed|ing)|denounc(?:es|ed|ing)|"
    r"slam(?:s|med|ming)|blast(?:s|ed|ing)|hail(?:s|ed|ing)|mock(?:s|ed|ing)|decr(?:ies|ied|ying)|"
    r"lament(?:s|ed|ing)|pledg(?:es|ed|ing)|demand(?:s|ed|ing)|saying|telling|writing|tweeting|"
    r"compar(?:es|ed|ing)|lik(?:ens|ened|ening)|ruled|rated|concluded|found|chanted|sang|sings|singing|"
    r"vow(?:s|ed|ing)|warn(?:s|ed|ing)|urg(?:es|ed|ing)|insist(?:s|ed|ing)|argu(?:es|ed|ing)|claim(?:s|ed|ing)|"
    r"assert(?:s|ed|ing)|suggest(?:s|ed|ing)|recall(?:s|ed|ing)|exhort(?:s|ed|ing)|promis(?:es|ed|ing))\b"
)


@dataclass(frozen=True, slots=True)
class Frame:
    mention: Mention
    cue: str
    start: int  # content span (offsets into the document)
    end: int
    mention_pos: int
    linked: bool = False  # the second part of "CLAUSE, he said, CLAUSE": one utterance with the frame before


_ABBREV_WORD = re.compile(r"^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Rev|Jr|Sr|Prof|Capt|No|Co|Inc|Corp|"
                          r"Ltd|U\.S|U\.K|U\.N)\.$")


def mention_from(text: str) -> Mention | None:
    """The speaker at the end of ``text`` (the words before a cue): the longest tail that parses.

    "In an interview, Russian Foreign Minister Igor Ivanov" gives Igor Ivanov; "Johnnie Wilson, of
    Springfield, Va.," gives Johnnie Wilson; a tail that is the object of a preposition ("the wife of
    Putin") is no speaker; "Police officials" is a speaker nobody can name (kept unattributed).
    """
    words = text.replace("—", ",").replace("–", ",").split()
    # Only the current sentence: "… out at sea. Jeff Rathke," starts again after "sea.".
    for k in range(len(words) - 2, -1, -1):
        w = words[k]
        if w[-1:] in ".!?" and len(w) > 3 and not _ABBREV_WORD.match(w) and words[k + 1][:1].isupper():
            words = words[k + 1:]
            break
    if words and words[-1].endswith(","):
        return _before_appositive(words)
    for k in range(min(len(words), 9), 0, -1):
        tail = words[-k:]
        if "," in " ".join(tail[1:]) or tail[0].endswith(","):
            continue
        first = tail[0].lower()
        if not tail[0][:1].isupper() and first not in {"the", "a", "an", "he", "she", "they"}:
            continue
        before = words[-k - 1].lower() if k < len(words) else ""
        if before in _OBJECT_OF or before.endswith(("'s", "’s")):
            return None  # the object of "of / and / with …" is no speaker, nor any shorter tail of it
        men = parse_mention(" ".join(tail))
        if men:
            return men
    if words and words[-1].lower() in GENERIC_SPEAKERS and (len(words) < 2 or words[-2].lower() not in _OBJECT_OF):
        return Mention("role", words[-1])
    return None


# Speakers an article does not name: their reported speech is kept, unattributed.
GENERIC_SPEAKERS = set(words(
    "officials official police sources source experts analysts authorities aides aide lawyers attorneys "
    "residents witnesses critics supporters observers diplomats reports investigators prosecutors "
    "researchers economists scientists spokesman spokeswoman spokesperson representatives"))


_KIN_PHRASE = re.compile(r"^(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Mm]y|[Oo]ur|[Ii]ts|[Oo]ne|[Aa]nother)\s+[\w'’-]+(?:\s+[\w'’-]+){0,8}$")


def _before_appositive(words: list[str]) -> Mention | None:
    """"Johnnie Wilson, 59, of Springfield, Va.," → the named person before the appositives."""
    segments = [seg.strip() for seg in " ".join(words[-45:]).split(",")]
    filled = [seg for seg in segments if seg]
    if len(filled) >= 2 and _KIN_PHRASE.match(filled[-2]):
        # "His father, Anders Holm," / "The company's founder, Olga Petrova,": the name in apposition.
        men = parse_mention(filled[-1])
        if men and men.kind == "name" and men.name and " " in men.name:
            return men
    found = None
    for i, seg in enumerate(segments[:-1]):
        nxt = segments[i + 1]
        # An appositive describes: it opens in lower case or with a number or article, is one or
        # two words ("59", "Va."), or has a lower-case role word in it ("USI associate professor").
        if not nxt or not (nxt[0].islower() or nxt[0].isdigit() or len(nxt.split()) <= 2
                           or nxt.split()[0] in {"The", "A", "An"}
                           or nxt.split()[0].lower() in {"democrat", "republican", "independent", "chairman",
                                                         "chairwoman", "head", "director", "member"}
                           or any(w[:1].islower() and w not in {"of", "the", "and", "for", "at", "in"}
                                  for w in nxt.split())):
            continue
        men = mention_from(seg) if seg and not seg.endswith(",") else None
        if men and men.kind == "name":
            found = men
    if found is None and len(filled) >= 2 and filled[0][:1].isupper():
        # "A White House official, who requested anonymity, said": someone the article does not name.
        ws = filled[0].split()
        if len(ws) <= 6 and _unnamed_head(ws[-1].lower()) and _np_start(ws, len(ws) - 1) == "subject":
            return Mention("role", ws[-1])
    return found


_OBJECT_OF = {"of", "for", "to", "with", "by", "and", "or", "from", "than", "about", "against", "like", "at"}


_ANY_CUE = re.compile(rf"\b(?:{CUE}|[Aa]ccording|urge[sd]?|calls?\s+(?:on|upon)|called\s+(?:on|upon))\b")
_WHEN = re.compile(
    r"(?:\s+(?:on|last|this|earlier|late|early|in|at|during|after|before|since)\s+(?:(?:a|an|the|his|her|their)\s+"
    r"[\w-]+(?:\s+[\w-]+)?|"
    r"\w+day|week|month|year|night|morning|evening|afternoon|Twitter|Facebook|[A-Z][a-z]+(?:\s+\d{1,2})?))+"
    r"(?=\s+(?:it|he|she|they|we|I|the|a|an|[A-Z]\w*)\b)")
_NEXT_REPORT = re.compile(
    rf",\s+(?:and\s+|but\s+|while\s+)?(?:adding|saying|noting|stressing|[^,;“”\"«»]{{1,60}}?\s+{CUE})\b")
_AND_CUE = re.compile(rf"\band\s+(?:also\s+|then\s+|later\s+)?{CUE}\b")
_RELATIVE = re.compile(r"^(?:was|were|is|are|has|have|had|will|would|can|could|may|might|should)\b")


def clause_ok(clause: str, *, that: bool = False) -> bool:
    """A reported clause: long enough, not a prepositional phrase, with something like a verb.

    After "that" a clause may open with an adverbial ("said that in 2019, …")."""
    words = clause.split()
    if len(words) < 4 or _RELATIVE.match(clause):
        return False  # "… the meeting that was held on a boat": a relative clause, not speech
    if that and _THAT_SUBJECT.match(clause):
        return True  # "told police that her dog began to bark": a subject after "that" opens a clause
    if _PRONOUN_SUBJECT.match(clause):
        return True  # "say they only buy American": a personal pronoun opens a clause
    if not that and _POSSESSIVE_OBJECT.match(clause) and not _CLAUSE_VERB.search(" ".join(words[:20]).replace("’", "'")):
        return False  # "emphasised Moscow's efforts to promote …", "affirmed the initial successes in …": an object
    return bool(_VERBISH.search(clause)) and (that or not _BAD_CLAUSE_START.match(clause))


def indirect_frames(folded: str, s: int, e: int) -> list[Frame]:
    """Indirect speech in the sentence ``folded[s:e]``."""
    sent = folded[s:e]
    out: list[Frame] = []
    if not _ANY_CUE.search(sent):
        return out  # most sentences report nothing: one scan instead of six
    # According to X, CLAUSE / CLAUSE, according to X.
    m = ACCORDING.search(sent)
    if m and len(sent[:m.start()].split()) < 8 and not _VERBISH.search(sent[:m.start()]):
        # "(But the next day,) according to X, CLAUSE": only an adverbial before it
        men = _source(m.group("m"))
        # "According to the Herald, Professor X said CLAUSE": the inner speaker is the source.
        if men and not _own_speaker(sent, m.end()):
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
            if not PARTICIPLE.match(sent, m.end() - 2) and not _APPOSITIVE_PART.match(sent[m.end():]) and not (
                    _NP_PART.match(sent[m.end():]) and not _VERBISH.search(sent[m.end():])):
                # ", said Pavel Orlov, a senior official …" describes the speaker: it is no second part
                out.append(Frame(men, cue, s + m.end(), e, s + m.start(mk), linked=bool(out)))
            return out
    # CLAUSE, X said.
    m = TAIL.search(sent)
    if m:
        text = m.group("m") or m.group("m2")
        men = None if m.group("m2") and (m.group("cue2") in OBJECT_CUES or not _np_like(text)) else \
            parse_mention(text) or (_relative_or_group(text.split()) if _np_like(text) else None)
        pre = sent[:m.start()]
        if men and len(pre.split()) >= 4 and not _FRONTED_PHRASE.match(pre):
            mpos = s + (m.start("m") if m.group("m") else m.start("m2"))
            return [Frame(men, m.group("cue") or m.group("cue2"), s, s + m.start(), mpos)]
    # X said (that) CLAUSE — the first speech verb whose subject parses as a speaker and whose clause
    # reads as one; a verb that takes no clause here ("asked the board to …", "wrote his book") or
    # whose clause is no report lets a later verb with a subject of its own speak.
    for m in CUE_RE.finditer(sent):
        if _PASSIVE.search(sent, max(0, m.start() - 12), m.start()):
            continue  # "she was told to …", "it is reported": the subject is not the speaker
        found = subject_before(sent, m.start()) or _coordinated_subject(sent, m.start())
        if not found:
            continue
        men, mstart = found
        if _GAP_BEFORE.search(sent, max(0, mstart - 12), mstart):
            continue  # "what Trump says his plan would do": the clause has a gap, it is no report
        after = sent[m.end():]
        b = _BETWEEN.match(after)
        rest = after[b.end():] if b and b.end() else after
        t = _THAT.match(rest)
        told = _TOLD.match(after) if m.group() in {"told", "tells"} and not t else None
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
        if not t and _INVERTED.match(clause) and parse_mention(clause.split(",")[0]):
            continue  # "…, said Jeffrey N. Trimble, a senior official": the speaker after the verb
        if _RELATIVE_GAP.match(clause) and _THAT_BEFORE.search(sent, max(0, mstart - 8), mstart):
            continue  # "policies that Trump argues allowed …": a relative clause, its subject is missing
        if not t and _AND_CUE.search(clause):
            continue  # "He claimed vast wealth and said it …": an object, then the verb that reports
        if not clause_ok(clause, that=bool(t or told)):
            continue
        # The clause stops where another report begins: ", and rights groups warned that …".
        nxt = _NEXT_REPORT.search(clause)
        if nxt and not clause_ok(clause[:nxt.start()], that=bool(t or told)):
            continue  # "When he wrote his book, Mr. X said that …": the report is the later one
        end = s + clause_start + nxt.start() if nxt else e
        out.append(Frame(men, m.group(), s + clause_start, end, s + mstart))
        break
    if out:
        return out
    m = URGE.search(sent)
    if m:
        men = mention_from(sent[:m.start()])
        if men:
            return [Frame(men, m.group("cue"), s + m.start("to"), e, s)]
    return out


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


def _own_speaker(sent: str, start: int) -> bool:
    """Whether ``sent[start:]`` has a speech verb with a speaker of its own."""
    for m in CUE_RE.finditer(sent, start):
        if not _PASSIVE.search(sent, max(start, m.start() - 12), m.start()) and subject_before(sent[start:], m.start() - start):
            return True
    return False


def subject_before(text: str, end: int) -> tuple[Mention, int] | None:
    """The speaker mention that ends at ``end`` (adverbs such as "also" skipped) and its offset."""
    start = max(0, end - 260)  # room for a relative clause: "X, who as a Navy captain was …, said"
    before = text[start:end].rstrip()
    for _ in range(2):
        t = _SUBJECT_TIME.search(before)
        before = before[:t.start()].rstrip() if t else before
        words = before.split()
        while words and words[-1].lower() in _ADV_WORDS:
            words.pop()
        before = " ".join(words)
    if not words or words[-1].endswith(("'s", "’s", "'", "’")):
        return None  # "Trump's comments came …": a possessive is no subject, the cue is a noun
    men = mention_from(" ".join(words)) or _relative_or_group(words)
    if not men:
        return None
    first = men.surface.split()[0]
    pos = text.rfind(first, start, end)
    return men, (pos if pos >= 0 else start)


def before_cue(before: str) -> tuple[Mention, str, int] | None:
    """"X said: " / "he said, " / "X added that " ending ``before``: mention, cue, mention offset."""
    last = None
    for m in CUE_RE.finditer(before, max(0, len(before) - 140)):
        last = m
    if last is None or not BEFORE_TAIL.fullmatch(before, last.end()):
        return None
    found = subject_before(before, last.start())
    return (found[0], last.group(), found[1]) if found else None


def _verbish_subject(pre: str) -> bool:
    """"Moscow is ready, he said, …" — a full clause before the cue is itself reported speech."""
    return False


def participle(folded: str, s: int, e: int) -> tuple[str, int] | None:
    """``…, adding that CLAUSE``: the cue and where its clause starts."""
    m = PARTICIPLE.search(folded, s, e)
    if m and m.start() > s and clause_ok(folded[m.end():e], that=True):
        return m.group("cue"), m.end()
    return None


_CUE_BEFORE = re.compile(rf"(?P<m>{_M})\s+{_ADV}(?P<cue>{CUE})\s*,\s*$")


def participle_subject(folded: str, s: int, e: int) -> tuple[Mention, int] | None:
    """Who says the ``…, saying CLAUSE`` that follows ``folded[s:e]``: the subject of the sentence
    ("Trump is defending his tweets, saying …"; "“…,” he said, adding …"). A participle at the end of
    a sentence has the main clause's subject; a passive main clause ("was criticised …") has none."""
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
    return men, m.start("m")


def _relative_or_group(words: list[str]) -> Mention | None:
    """A subject no name is read from, kept as an unnamed speaker so its report is stored unattributed.

    "Many lawmakers say …", "Several cast members said …": a group (GROUP_NOUNS). "…, who said …":
    the relative pronoun stands for the name just before its comma ("Mr. Kamin, who emphasized"),
    with "who" as the evidence; any other antecedent ("an architect who said") names nobody.
    """
    last = words[-1].lower().strip(",")
    if last == "who" and words[-1] == "who":
        ante = _antecedent(words[:-1]) if len(words) >= 2 and words[-2].endswith(",") else None
        if ante and ante.name:
            return Mention("name", "who", ante.name, ante.role, ante.gender, ante.head)
        return Mention("role", "who")
    if last == "whom" and len(words) >= 3 and words[-2].lower() == "of":
        return Mention("role", words[-1])  # "many of whom say …": the people just named, unnamed
    share = len(words) >= 3 and _SHARE.match(words[-1].lower()) and words[-2].lower() in {"in", "of"} and bool(
        _SHARE.match(words[-3].lower()) or words[-3].lower() == "out")  # "4 in 10", "nine out of 10"
    if (last in _QUANTITIES and not words[-1].endswith(",") or share) \
            and (len(words) < 2 or words[-2].lower() not in _OBJECT_OF or share):
        return Mention("role", words[-1])  # "Another 19 percent said", "Most say": poll respondents
    if last == "it" and words[-1] in {"it", "It"} and (len(words) < 2 or words[-2].lower() not in _OBJECT_OF):
        return Mention("role", words[-1])  # "It says the campaign violated …": an organisation or document
    # The head noun of an unnamed subject, possibly before a phrase ("A spokeswoman for Hillary
    # Clinton", "Political observers in Virginia", "The Committee for a Responsible Federal Budget").
    for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
        w = words[i].lower().strip(",")
        if words[i].endswith(",") and i < len(words) - 1:
            break
        if _unnamed_head(w) and (i == len(words) - 1 or words[i + 1].lower() in _HEAD_PHRASE):
            start = _np_start(words, i)
            if start == "object":
                continue  # "the wife of a local lawyer": the object of a phrase; the head is before it
            return Mention("role", words[i]) if start == "subject" else None
    return None


_CLAUSE_OPENERS = set(words("though although but and because if when while as after before since that so yet or "
                            "then however meanwhile still now"))
_DETERMINERS = set(words("the a an his her their its our my this that these those"))


def _np_start(words: list[str], head: int) -> str:
    """Whether the noun phrase ending in ``words[head]`` opens its clause ("subject": at the start, after
    a comma or a conjunction), follows a verb ("His team thanked the farmers": "none") or a
    preposition ("object")."""
    j = head
    while j > 0 and head - j < 5:
        prev = words[j - 1]
        low = prev.lower()
        if prev.endswith((",", ";", ":", "—")) or low in _CLAUSE_OPENERS:
            return "subject"
        if low in _OBJECT_OF:
            return "object"
        if (low in _FINITE or low.endswith(("ed", "s"))) and words[j].lower() in _DETERMINERS:
            return "none"  # "thanked the farmers": an object after its verb
        j -= 1
    return "subject" if j == 0 else "none"


_SHARE = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)$")  # "4 in 10", "one in five"
_QUANTITIES = set(words("percent majority minority half third quarter most many some others several few both "
                         "everyone everybody someone somebody"))
_HEAD_PHRASE = {"for", "of", "in", "at", "from", "with", "to", "on", "close"}


def _unnamed_head(w: str) -> bool:
    """A noun for people or a body that names nobody: "lawyer", "members", "team", "committee"."""
    sing = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else w
    return w in GROUP_NOUNS or w in _QUANTITIES or any(x in PERSON_NOUNS or x in ORG_HEADS or x in _MORE_PEOPLE
                                                       for x in {w, sing})


# People nouns the shared lists lack, for unnamed subjects only ("Romney's associates said").
_MORE_PEOPLE = set(words("associate ally family insider confidant loyalist backer donor opponent rival delegate "
                         "respondent participant author executive administrator negotiator mediator"))


def _antecedent(words: list[str]) -> Mention | None:
    """The person a ", who" clause describes: the name just before the comma, whatever its role in
    its own clause ("praised by Pavel Orlov, who said"), unless it is one of two ("the wife of X, who",
    "X and Y, who")."""
    words = [*words[:-1], words[-1].rstrip(",")]
    for k in range(min(len(words), 6), 0, -1):
        tail = words[-k:]
        if not tail[0][:1].isupper() or any(w.endswith(",") for w in tail):
            continue
        if k < len(words) and words[-k - 1].lower() in {"of", "and", "or", "nor"}:
            return None
        men = parse_mention(" ".join(tail))
        if men and men.kind == "name":
            return men
    return None
