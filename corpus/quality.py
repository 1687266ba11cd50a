"""Checks of extracted quotes for the defect shapes of issue 10 (used by bench/bench_quality.py).

Each check looks at one quote in its article and says whether it has the defect:

    contains_turn_label   a transcript quote holding another turn label ("… German Gref: …")
    label_fragment        the quote is a piece of a label: a bare name or honorific ("Vladimir", "Mr")
    elision_only          the quote is only an elision mark ("‹…>", "<…>", "[…]", "...")
    courtesy_only         the quote is only greetings and thanks ("Thank you.", "Good afternoon, colleagues.")
    salutation_only       the quote is only a form of address ("Mr President, colleagues,")
    cut_by_hard_wrap      a transcript quote ending (or starting) mid-sentence at a single line break
    not_a_name            a speaker that is neither a person's nor an organisation's name

They are deliberately independent of the extractor's own code, so they can catch its mistakes.

The score :func:`quality` (issue 12) says how substantive a quote is, 0..1, stored as
``quotes.quality`` and used by the ranking.

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

from .models import ExtractedQuote
from .names import given_name, name_shape

TRANSCRIPT_KINDS = ("transcript", "question")

# A turn label at the start of a line (or of the quote): up to 12 words, then a colon.
_LABEL_AT_LINE = re.compile(r"(?:^|\n)[ \t]*(?P<label>[A-Z][^\n:.!?;\"“”«»]{0,100}?)[ \t]?:(?=\s|$)")
_LABEL_CONNECTORS = {"of", "the", "for", "and", "on", "de", "van", "von", "der", "le", "la", "al", "bin"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mister", "president", "minister", "governor",
               "prime", "premier", "chairman", "chairwoman", "secretary", "general", "colonel", "captain"}
# Words a turn label never holds, and words it never starts with; a sentence before a colon has them
# ("And a question for President Putin: …", "The title of this conference is Creative Destruction: …").
_FUNCTION_WORDS = {"a", "an", "is", "are", "was", "were", "be", "been", "i", "we", "you", "he", "she", "it", "they",
                   "would", "will", "shall", "can", "could", "should", "may", "might", "must", "like", "say", "said",
                   "says", "this", "that", "these", "those", "my", "our", "your", "his", "her", "its", "their", "not",
                   "there", "here", "what", "who", "question", "answer"}
_OPENERS = {"and", "but", "so", "or", "then", "now", "also", "the"}
_ELISION = re.compile(r"^[\s\[\(<‹«]*(?:…|\.{2,})[\s\]\)>›»]*$")
_COURTESY = re.compile(
    r"^(?:(?:thank you|thanks)(?: (?:very|so) much| a lot)?(?: indeed)?(?: again)?(?: for (?:your|the) attention)?"
    r"|good (?:morning|afternoon|evening|day|night|bye)|hello|hi|goodbye|bye|welcome|you are welcome"
    r"|my pleasure|with pleasure|please|congratulations|all the best|best wishes|happy new year"
    r"|merry christmas|bon appetit|cheers)$"
)
_VOCATIVE = {"dear", "colleagues", "friends", "ladies", "and", "gentlemen", "everyone", "everybody", "all",
             "sir", "madam", "comrades", "mr", "mrs", "ms"}
_SENTENCE_END = tuple(".!?…:;\"'”’»)]>›")
_DASHES = ("—", "–", "-")


def _label_like(label: str) -> bool:
    """A turn label: role words ending in a person's name ("Central Bank chairman Sergei Ignatyev",
    "Vladimir PUTIN"). One word is not enough ("Look: …", "Work: …" open sentences too)."""
    words = label.split()
    if not 2 <= len(words) <= 14 or not words[-1][:1].isupper():
        return False
    if not all(w[:1].isupper() or w.casefold() in _LABEL_CONNECTORS or w.islower() for w in words):
        return False
    if words[0].casefold() in _OPENERS or any(w in _FUNCTION_WORDS for w in words if w.islower()):
        return False  # a sentence before a colon: "I would like to say to Mr Uyba and Mr Mutko: …"
    for k in (2, 3):
        shape = name_shape(" ".join(words[-k:]))
        if shape is not None and shape.kind == "person":
            return True
    return False


def contains_turn_label(q: ExtractedQuote) -> str | None:
    """The turn label inside a transcript quote, if there is one ("German Gref")."""
    if q.kind not in TRANSCRIPT_KINDS:
        return None
    for m in _LABEL_AT_LINE.finditer(q.text):
        before = q.text[:m.start()].rstrip()
        if before and not before.endswith(_SENTENCE_END + _DASHES):
            continue  # "… of the Russian⏎Direct Investment Fund: …" goes on with a sentence
        label = " ".join(m.group("label").split())
        if _label_like(label):
            return label
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?", text)


def label_fragment(q: ExtractedQuote) -> bool:
    """A transcript quote that is a bare honorific or a bare person's name of at most three words,
    unpunctuated: the piece of a turn label a line break cut off ("Vladimir⏎Putin:", "Mr⏎President, …")."""
    if q.kind not in TRANSCRIPT_KINDS:
        return False
    body = q.text.strip()
    words = _words(body)
    if not 1 <= len(words) <= 3 or body.endswith(_SENTENCE_END) or any(c in body for c in ",;!?"):
        return False
    if all(w.rstrip(".").casefold() in _HONORIFICS for w in words):
        return True
    if not all(w[:1].isupper() for w in words):
        return False
    if len(words) == 1:
        return given_name(words[0]) is not None
    shape = name_shape(body)
    return shape is not None and shape.kind == "person"


def elision_only(q: ExtractedQuote) -> bool:
    return bool(_ELISION.match(q.text))


def salutation_only(q: ExtractedQuote) -> bool:
    """Only a form of address, opening a speech: "Mr President,", "Comrades, friends,", "Colleagues!"."""
    body = q.text.strip()
    words = [w.rstrip(".").casefold() for w in _words(body)]
    if not words or not body.endswith((",", ":", "!")) or len(words) > 12:
        return False
    addressed = [w for w in words if w in _VOCATIVE or w in _HONORIFICS]
    names = [w for w in _words(body) if w[:1].isupper()]
    return bool(addressed) and len(addressed) + len(names) >= len(words) and not (set(words) & _FUNCTION_WORDS)


def courtesy_only(q: ExtractedQuote) -> bool:
    """Every sentence is a greeting or thanks, with at most a vocative ("colleagues", "Mr President")."""
    sentences = [s for s in re.split(r"[.!?…]+", q.text) if s.strip()]
    if not sentences:
        return False
    for sentence in sentences:
        kept = []
        for w in _words(sentence.replace(",", " ")):
            bare = w.rstrip(".").casefold()
            if bare in _VOCATIVE or (w[:1].isupper() and bare not in {"thank", "thanks", "good", "hello", "welcome",
                                                                      "goodbye", "congratulations", "please"}):
                continue  # a vocative or a name: "Dear friends", "Mr Medvedev"
            kept.append(bare)
        phrase = " ".join(kept)
        if not phrase or not _COURTESY.match(phrase):
            return False
    return True


def _starts_with_label(line: str) -> bool:
    m = _LABEL_AT_LINE.match(line)
    return bool(m) and _label_like(" ".join(m.group("label").split()))  # type: ignore[union-attr]


def cut_by_hard_wrap(q: ExtractedQuote, text: str) -> str | None:
    """'end' or 'start' when a transcript quote stops or begins mid-sentence at a single line break
    (the sentence goes on in the next or previous line of the same paragraph)."""
    if q.kind not in TRANSCRIPT_KINDS:
        return None
    body = q.text.rstrip()
    after = text[q.end:].lstrip(" \t")
    if body and not body.endswith(_SENTENCE_END + _DASHES) and after.startswith("\n"):
        nxt = after[1:].split("\n", 1)[0]
        if nxt.strip() and not _starts_with_label(nxt):
            return "end"
    before = text[:q.start].rstrip(" \t")
    if before.endswith("\n") and not before[:-1].rstrip(" \t").endswith("\n"):
        prev = before[:-1].rsplit("\n", 1)[-1].rstrip()
        if prev and not prev.endswith(_SENTENCE_END + _DASHES):
            return "start"
    return None


def not_a_name(speaker: str) -> bool:
    return name_shape(speaker) is None


# -- how substantive a quote is (issue 12) --------------------------------------------------
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
    marked, marks = _ELISION_MARK.subn(" ", text)
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
