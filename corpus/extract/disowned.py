"""Words put in someone's mouth: denied, alleged by another, or faked.

"X denied saying “…”", "A accused B of saying “…”", "a deepfake purporting to show X telling
soldiers to “…”", "a robocall imitating X told voters: “…”": the quotation is real text, and the
article names a person beside it, but that person is not shown saying it — they deny it, an
opponent alleges it, or a forgery imitates them. Such a quote is kept (the words can still be
found and verified) and credited to nobody.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import ExtractedQuote

# "denied saying", "denied on Tuesday ever having said", "denies that he had said", "disputed telling":
# the denial governs the speech verb (no comma between: "denied the charges, saying …" is the denier's).
# "rejected reports that he had told aides": a denial of reports. "denied the charges and said" is
# the denier's own speech, so the words between hold no conjunction.
_DENIED = re.compile(r"\b(?:den(?:y|ies|ied|ying)|disputed?|disputes|reject(?:s|ed)?|dismiss(?:es|ed)?)\s+"
                     r"(?:(?!(?:and|but|then|before|after|while|when)\b)[^\s,;:.!?“”\"]+\s+){0,5}?"
                     r"(?:saying|said|having\s+said|telling|told|writing|wrote|calling|called)\b", re.I)
# "accused B of saying", "charged that B had told", "blamed B for saying": another's allegation.
_ALLEGED = re.compile(r"\b(?:accus\w+|blam\w+|alleg\w+)\s+(?:[^\s,;:.!?“”\"]+\s+){0,8}?(?:of|for|that)\s+"
                      r"(?:\w+\s+){0,3}?(?:saying|having\s+said|said|telling|told|writing|wrote|calling|called)\b",
                      re.I)
# A forgery or imitation speaks, not the person it imitates.
_FAKED = re.compile(r"\b(?:purport\w*\s+to\s+(?:show|be|feature)|imitat\w+|impersonat\w+|mimick\w*|posing\s+as|"
                    r"pretend\w*\s+to\s+be|deep-?fakes?|AI-generated|doctored|fabricated|spoof\w*|parod\w+)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][”\"’)]?\s+(?=[A-Z“\"«])|\n")


def _sentence_before(text: str, pos: int) -> str:
    """The text from the start of ``pos``'s sentence up to ``pos`` (at most 300 characters back)."""
    lo = max(0, pos - 300)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, pos)]
    return text[ends[-1] if ends else lo:pos]


def disown_put_in_mouth(text: str, quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    """The quotes, with every named direct or reported quote whose own sentence denies, alleges or
    fakes it made unattributed."""
    out = []
    for q in quotes:
        if q.speaker and q.kind in {"direct", "indirect"}:
            before = _sentence_before(text, q.start)
            if _DENIED.search(before) or _ALLEGED.search(before) or _FAKED.search(before):
                q = replace(q, speaker=None, speaker_type=None, role=None, resolution=None,
                            confidence=min(q.confidence, 0.3))
        out.append(q)
    return out
