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
How substantive a quote is (the stored score) is :mod:`corpus.quality`.
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
