"""How substantive a quote is: :func:`quality` (issue 12), 0..1.

Stored as ``quotes.quality`` and used by the ranking; the defect checks of issue 10 are
:mod:`corpus.defects`.

A reporter wants statements: a speaker saying something about something. The score is a
length curve over the quote's content words, capped by what makes a quote unpublishable on
its own:

========================  =====  ==========================================================
signal                    cap    example
========================  =====  ==========================================================
no words at all           0.0    "‹…>", "<...>"
a question                0.1    kind "question", or the last sentence ends with "?"
a courtesy formula        0.1    "Thank you.", "Good afternoon, colleagues.", "Mr President,",
                                 also after a turn label ("Bashar al-Assad: Thank you.")
a label or cut fragment   0.15   "Vladimir", "Mr", "Mr Lavrov, colleagues," (ends in , or :)
a procedural line         0.25   "Now, a few words about the economy.", "Let us begin."
cut off at either end     0.3    starts in lower case mid-sentence, or breaks off with "…"
fewer than 4 words        0.2    (length curve)
4-7 words                 0.45
8-11 words                0.7
12-80 words               1.0
longer                    down to 0.8 (a long paragraph is harder to cite)
========================  =====  ==========================================================

Then a text that is mostly function words (few content words) is scaled by 0.8, and one
cut by an elision mark by 0.9. The score knows no speaker and no document.
"""

from __future__ import annotations

import re

QUESTION, COURTESY, FRAGMENT, PROCEDURAL, CUT = 0.1, 0.1, 0.15, 0.25, 0.3
MIN_WORDS = 4  # under this a quote is a fragment whatever it says

_ELISION_MARK = re.compile(r"[‹<\[(]\s*(?:…|\.\.\.)\s*[›>\])]|…|\.\.\.")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_FUNCTION = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does",
    "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "me",
    "my", "no", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "us", "was", "we", "were", "what", "when", "where",
    "which", "who", "will", "with", "would", "you", "your", "all", "also", "just", "very", "now", "well",
    "yes", "here",
])
_COURTESY_RUN = re.compile(
    r"^(?:(?:thank you|thanks|many thanks|good (?:morning|afternoon|evening|day|night)|hello|welcome|"
    r"goodbye|bye|please|congratulations|ladies and gentlemen|dear (?:friends|colleagues)|friends|colleagues|"
    r"mr|mrs|ms|madam|sir|president|prime minister|minister|chancellor|your (?:majesty|excellency|holiness)|"
    r"very much|indeed|of course|all the best|good luck|yes|no|okay|ok|right|agreed|certainly|absolutely|"
    r"with pleasure|go ahead|please go ahead|you are welcome|you're welcome|i agree|i see|"
    r"(?-i:[A-Z][\w’'-]++))[\s,.!;:—–-]*)+$",
    re.IGNORECASE,
)
_PROCEDURAL = re.compile(
    r"^(?:(?:and |so |now |well |next |first(?:ly)? |finally |lastly |)[, ]*)?"
    r"(?:(?:now,? )?(?:a few|some|several|one more|a couple of) (?:words?|remarks?|points?) (?:about|on|regarding)|"
    r"let(?:'s| us| me) (?:begin|start|move on|turn|continue|get down to|go (?:on|back)|now (?:turn|move)|"
    r"proceed|sum up|conclude|give the floor|ask|hear|discuss|look at|talk about|say a few words|"
    r"finish|end|wrap up|return)|"
    r"i (?:give|now give|will give|would like to give|yield) the floor|you have the floor|"
    r"(?:the )?(?:next|first|second|last|final) (?:question|item|issue|point|speaker)|"
    r"i (?:declare|now declare) .{0,30}(?:open|closed)|the (?:meeting|session|floor) is|"
    r"(?:shall|should) we (?:begin|start|move on|continue)|over to you|go ahead|"
    r"i would like to (?:begin|start|move on|turn|say a few words|ask|give)|"
    r"(?:on|to) the (?:next|first|second) (?:item|question|issue|point))",
    re.IGNORECASE,
)


def strip_elisions(text: str) -> str:
    """The text without transcript elision marks ("‹…>", "<...>", "…")."""
    return " ".join(_ELISION_MARK.sub(" ", text).split())


def is_question(text: str) -> bool:
    """The quote asks rather than states: its last sentence ends with a question mark, or only a
    few words (a signature, "right?") follow the last one ("… stagnate now?” Vasily Buldakov.")."""
    return _asks(strip_elisions(text))


def _asks(body: str) -> bool:
    """:func:`is_question` of a text :func:`strip_elisions` already cleaned (it changes nothing twice)."""
    body = body.rstrip(" \"'”’»)")
    if body.endswith("?"):
        return True
    last = body.rfind("?")
    return last >= 0 and len(_TOKEN.findall(body, last + 1)) < 4


# Possessive runs (*+): a word is never re-split into several "words" on backtracking, which made a
# label-less quote cost ~0.1 ms (5.4 s of CPU over the Kremlin corpus's 55,546 quotes, in ingest's
# writer); the matches are the same — a label never needs a word split in two.
_LEADING_LABEL = re.compile(r"^(?:[^\W\d_][\w’'.-]*+\s*+){1,6}(?:\([^)]{1,40}\)\s*)?:\s*")


def _unlabelled(text: str) -> str:
    """The text without a leading transcript turn label ("Bashar al-Assad (retranslated): …")."""
    m = _LEADING_LABEL.match(text)  # anchored: match, not a search tried at every position
    return text[m.end():] if m else text


def _length_score(n: int) -> float:
    if n < MIN_WORDS:
        return 0.2
    if n < 8:
        return 0.45
    if n < 12:
        return 0.7
    if n <= 80:
        return 1.0
    return max(0.8, 1.0 - (n - 80) / 600)


def quality(text: str, kind: str = "direct") -> float:
    """0..1: how substantive ``text`` is as a quote of kind ``kind`` (see the module table)."""
    spaced = " ".join(text.split())
    # Every elision mark holds "…" or "...": most quotes have neither, and skip the substitution.
    marked, marks = _ELISION_MARK.subn(" ", text) if "…" in text or "..." in text else (text, 0)
    body = " ".join(marked.split()) if marks else spaced  # strip_elisions(text), one split when no mark
    words = _TOKEN.findall(body)
    if not words:
        return 0.0
    score = _length_score(len(words))
    if kind == "question" or _asks(body):
        score = min(score, QUESTION)
    # Length first: the courtesy pattern is only ever tried on a short text (it backtracks on long ones).
    # The words after a leading turn label are the text's words less the label's (a label ends at a colon
    # and spaces, which no word holds), so the text is not tokenised twice.
    label = _LEADING_LABEL.match(body)
    spoken_words = len(words) - (len(_TOKEN.findall(body, 0, label.end())) if label else 0)
    if spoken_words <= 8 and _COURTESY_RUN.match(body[label.end():] if label else body):
        score = min(score, COURTESY)
    if body.endswith((",", ":", ";", "—", "–", "-")) and len(words) <= 12:
        score = min(score, FRAGMENT)
    raw = spaced.rstrip(" \"'”’»)")
    # Reported speech is a clause of the narration and may well start in lower case.
    if raw.endswith(("…", "...")) or (body[:1].islower() and kind != "indirect"):
        score = min(score, CUT)  # broken off, or starts mid-sentence: not citable as it stands
    if len(words) <= 20 and _PROCEDURAL.search(body[:80]):
        score = min(score, PROCEDURAL)
    if len(words) >= MIN_WORDS:
        function = sum(map(_FUNCTION.__contains__, map(str.lower, words)))
        if (len(words) - function) / len(words) < 0.3:
            score *= 0.8
    if body != spaced:
        score *= 0.9
    return round(max(0.0, min(1.0, score)), 3)
