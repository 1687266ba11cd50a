"""Words put in someone's mouth: denied, alleged by another, faked, or only relayed.

"X denied saying “…”", "A accused B of saying “…”", "a deepfake purporting to show X telling
soldiers to “…”", "a robocall imitating X told voters: “…”": the quotation is real text, and the
article names a person beside it, but that person is not shown saying it — they deny it, an
opponent alleges it, or a forgery imitates them; "X read from the defendant's diary: “…”",
"X, quoting Tagore, said: “…”" relay someone else's words. Such a quote is kept (the words can still be
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
# Someone relays another's words: reads them out, quotes or cites a source, plays a recording,
# recalls a parent's advice. The relayed words are not the relayer's.
_RELAYED = re.compile(
    r"\bread(?:s|ing)?\s+(?:out\s+|aloud\s+)?(?:from\s+)?(?:a|an|the|[\w-]+['’]s?)\s|"
    r"\bquot(?:ed|ing|es)\s+(?!(?:him|her|them|me|us)\b)[A-Z]|\bcit(?:ed|ing|es)\s+[A-Z]|"
    r"\bplay(?:ed|ing|s)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:video|recording|clip|tape|audio|message)")
# … or names them, just before the quotation, as someone else's: "recalled his father's advice: “…”",
# "repeated Wałęsa's famous line: “…”",
# "read a message from Graça Machel: “…”" ("Putin's words were clear, X said: “…”" is X's).
_RELAY_NOUNS = (r"(?:advice|words|diary|letter|message|poem|motto|maxim|note|testament|line|lines|phrase|slogan|"
                r"saying|dictum|quip|verse|refrain|mantra|catchphrase|credo|adage)")
_RELAYED_NOUN = re.compile(
    rf"(?:\b(?!(?:his|her|their|its|my|our|your)\b)[\w-]+['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}{_RELAY_NOUNS}|\b{_RELAY_NOUNS}\s+(?:of|from)\s+"
    r"(?:the\s+)?[A-Z][^:;,.!?\n“”\"]{0,60}?)\s*:?\s*[“\"«]?\s*$")
# "… read a message from Y: “…”" as reported speech: the reported part is a noun phrase introducing
# someone else's quotation, not a clause anyone said.
_RELAY_OBJECT = re.compile(rf"^(?:out\s+|aloud\s+|from\s+)?(?:a|an|the|his|her|their|[\w-]+['’]s?)\s(?:[\w'’-]+\s+){{0,4}}?"
                           rf"{_RELAY_NOUNS}\b[^:“”\".!?]{{0,40}}:\s*[“\"]")
_SENTENCE_END = re.compile(r"[.!?][”\"’)]?\s+(?=[A-Z“\"«])|\n")


def _sentence_before(text: str, pos: int) -> str:
    """The text from the start of ``pos``'s sentence up to ``pos`` (at most 300 characters back)."""
    lo = max(0, pos - 300)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, pos)]
    return text[ends[-1] if ends else lo:pos]


# A single quotation mark opening a quotation (after a space, colon or the paragraph start, before a
# capital), and one closing it (after a word, before a space or punctuation).
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s:(]))['‘](?=[A-Z])", re.MULTILINE)
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])['’](?=[\s,.;:!?)]|$)", re.MULTILINE)


def _inside_single_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation in single marks opened earlier in its paragraph
    ("Labour MP Dawn Butler said: 'The minister told me, “We are looking into it,” but …'"): the
    double-quoted words there are someone the outer speaker quotes, not the outer speaker."""
    start = text.rfind("\n", 0, pos) + 1
    opens = [m.start() for m in _SINGLE_OPEN.finditer(text, start, pos)]
    if not opens:
        return False
    return not _SINGLE_CLOSE.search(text, opens[-1] + 1, pos)


def _open(text: str, start: int) -> int:
    """Where the quotation starting at ``start`` opens (its mark, when there is one)."""
    return start - 1 if start and text[start - 1] in "“\"«'‘" else start


def _put_in_mouth(text: str, q: ExtractedQuote) -> bool:
    """Whether the sentence of named quote ``q`` denies, alleges or fakes its words, or (a quotation)
    only relays another's: read out, quoted, played, named as someone's, or inside single marks."""
    before = _sentence_before(text, q.start)
    if _DENIED.search(before) or _ALLEGED.search(before) or _FAKED.search(before):
        return True
    if q.kind != "direct":
        return False
    opened = _open(text, q.start)
    return bool(_RELAYED.search(before) or _RELAYED_NOUN.search(text, max(0, opened - 200), opened)
                or _inside_single_quotes(text, opened))


def disown_put_in_mouth(text: str, quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    """The quotes, with every named direct or reported quote whose words were put in its speaker's
    mouth (:func:`_put_in_mouth`) made unattributed, and a relayed message's introduction dropped."""
    out = []
    for q in quotes:
        if q.kind == "indirect" and _RELAY_OBJECT.match(q.text):
            continue  # "read a message from Y: “…”": an introduction, not reported speech
        if q.speaker and q.kind in {"direct", "indirect"} and _put_in_mouth(text, q):
            q = replace(q, speaker=None, speaker_type=None, role=None, resolution=None,
                        confidence=min(q.confidence, 0.3))
        out.append(q)
    return out
