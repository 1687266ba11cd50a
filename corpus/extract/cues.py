"""Speech-verb patterns around a quotation and at a sentence's start.

Direct: ``“A,” he said`` / ``“A,” said X`` / ``X said: “A”`` / ``X added that “A”``; a sentence that
opens with a speaker and a verb (``SUBJECT_VERB``); the speech acts that take a quoted fragment
(``SPEECH_ACT``). ``_ADV`` and ``_M`` (adverbs, a mention) are the pieces the frames of :mod:`.frames`
are built from too.
"""

from __future__ import annotations

import re

from .lexicon import CUE, CUE_RE
from .mentions import Mention
from .subjects import subject_before

_ADV = r"(?:(?:also|then|later|further|again|once\s+again|previously|earlier|recently|repeatedly|" \
       r"has|had|have|was|were|would|will|quickly|firmly|specifically|particularly|separately|" \
       r"additionally|subsequently|reportedly|publicly|bluntly|simply|even|once|however|now|often|still|just|" \
       r"already|long|privately|initially|originally|frequently|openly|explicitly|flatly|clearly|boldly)\s+)*"
# A mention: no clause punctuation, but abbreviation stops ("Mr.", "U.S.", "George W. Bush") and a
# short parenthesis ("Rep. Jim Jordan (R-Ohio)") may occur.
_M = r"(?:[^,;:.!?“”\"«»()\n]|(?<=[A-Z])\.|(?<=Mr|Ms|Dr|St|Lt|Jr|Sr)\.|(?<=Mrs|Gov|Sen|Rep|Gen|Col|Sgt|Rev)\.|" \
     r"(?<=Capt|Prof)\.|" \
     r"\([^()\n]{0,30}\)){1,90}?"
# After a closing mark: ", he said" / ", said Putin" / " the ministry added."
AFTER_MC = re.compile(rf"^\s*[,.!?…]?\s*[—–-]?\s*(?P<m>{_M})\s+{_ADV}(?P<cue>{CUE})\b(?P<rest>[^.!?“\"«]{{0,120}})")
AFTER_CM = re.compile(
    rf"^\s*[,.!?…]?\s*[—–-]?\s*(?P<cue>{CUE})\s+(?P<m>{_M})"
    r"(?=\s*(?:[,;:!?—–]|\.(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSt\.)(?<!\bRev\.)(?<!\bSen\.)"
    r"(?<!\bRep\.)(?<!\bGov\.)(?<!\bLt\.)(?<!\bGen\.)(?<!\bCol\.)(?<!\bSgt\.)(?<!\bCapt\.)(?<!\bProf\.)"
    r"(?<![\s.][A-Z]\.)|$|\s(?:on|in|at|during|after|before|while|when|about|to|of|who|"
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
# The end of a report whose clause has a named subject of its own, closed by a colon before a quotation:
# "… that 17-year-old Maya Stone had sent a message reading:", "… Maya Stone had written to her mother:".
# The quotation is that subject's text or words as the report relays them, never the reporting speaker's.
INNER_NAMED_COLON = re.compile(r"\s*(?:[\w-]+\s+){0,2}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+\s+"
                               r"(?:had\s+|has\s+|have\s+|was\s+|were\s+|would\s+|will\s+|\w+ly\s+)*[a-z]{3,}\b"
                               r"[^.!?:;“”\"«»‘’]{0,120}:\s*$")
THAT_INNER_NAMED_COLON = re.compile(r"\bthat" + INNER_NAMED_COLON.pattern)
BEFORE_CM = re.compile(rf"(?P<cue>{CUE})\s+(?P<m>{_M})\s*[:,]\s*$")


# A sentence that opens with a speaker and a verb: "Gov. Chris Christie described …", "Japan branded …".
SUBJECT_VERB = re.compile(
    rf"(?:[^,“”\"«»]{{0,150}},\s*)?(?P<m>{_M})\s+(?P<aux>(?:is|was|has|had|have|were|are)\s+)?(?:\w+ly\s+)?"
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


def before_cue(before: str) -> tuple[Mention, str, int] | None:
    """"X said: " / "he said, " / "X added that " ending ``before``: mention, cue, mention offset."""
    last = None
    for m in CUE_RE.finditer(before, max(0, len(before) - 140)):
        last = m
    if last is None or not BEFORE_TAIL.fullmatch(before, last.end()):
        return None
    found = subject_before(before, last.start())
    return (found[0], last.group(), found[1]) if found else None
