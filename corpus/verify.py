"""Is this quote real? Find the sentence a remembered or pasted wording comes from.

1. :func:`strip_framing` takes off what a fact-checker pastes around the words: ``Putin said (that)
   …``, ``Putin: "…"``, ``"…" — Putin``, ``According to Putin, …`` and the quote marks; the named
   speaker is kept to check the attribution.
2. Candidates come from the search index (:mod:`corpus.verify_candidates`, bounded).
3. Each candidate is cut into sentences and the claim aligned with every run of one to three
   sentences. The score is the larger of an order-sensitive character ratio (exact and lightly
   edited wording) and a bag-of-stems score (reordered and lightly paraphrased wording: how many of
   the claim's content words the sentences hold, and how much else they say).
4. The best run gives the matching sentence and a word diff: ``same``, ``original`` (only in the
   corpus wording), ``claim`` (only in the claim), ``context`` (the sentence around the quoted
   stretch: not a difference).
5. A change that adds, drops or moves a negation ("cannot" → "can", "failed to fulfil" →
   "fulfilled", an added "never") reverses what was said however similar the words are: such a
   match is ``reversed``, never "said something like this". Antonyms without a negation word
   ("rose" → "fell") are not caught; the word diff on the card shows them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz
from sqlite_utils import Database

from . import deadline
from .clean import fold_spaces
from .deadline import time_limit
from .filters import NO_FILTERS, Filters
from .hits import Hit
from .quality import is_question
from .topic import STOPWORDS
from .verify_candidates import candidates as _candidates

EXACT, CLOSE = 97.0, 72.0  # scores 0-100 over normalised text
NEAR = 10.0  # below CLOSE but worth listing when nothing is close (some shared words)
MAX_CLAIM = 1000
MAX_RUN = 3  # sentences a claim may span
DiffOp = Literal["same", "original", "claim", "context"]

_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9])")
_NAME = r"(?P<who>(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+)"
_OPEN, _CLOSE_Q = "\"“«„‘'", "\"”»“’'"
_FRAMES = [
    re.compile(rf"^{_NAME}\s*:\s*(?P<claim>.+)$", re.S),  # Putin: "…"
    re.compile(rf"^(?:according to|in the words of)\s+{_NAME}\s*,\s*(?P<claim>.+)$", re.S | re.I),
    re.compile(rf"^{_NAME}\s+(?:has\s+|had\s+|once\s+)?(?:said|says|told \w+|stated|claimed|declared|argued|"
               rf"insisted|noted|wrote|tweeted|remarked|added|explained)\s*(?:that\s+|,\s*|:\s*)?(?P<claim>.+)$", re.S),
    re.compile(rf"^(?P<claim>.+?)[,\s]*[—–-]+\s*{_NAME}\.?$", re.S),  # "…" — Putin
    re.compile(rf"^(?P<claim>.+?[{_CLOSE_Q}])\s*,?\s*(?:said|says)\s+{_NAME}\.?$", re.S),  # "…," said Putin.
    re.compile(rf"^(?P<claim>.+?[{_CLOSE_Q}])\s*,?\s*{_NAME}\s+(?:said|says)\.?$", re.S),  # "…," Putin said.
]
_NOT_A_SPEAKER = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "there", "the", "a", "and", "but"}
_EXTRA_STOP = frozenset({"very", "also", "just", "all", "been", "being", "there", "not", "no", "s", "t"})
# Words that turn a statement into its opposite: a diff hunk whose two sides hold a different number of
# them reverses the meaning ("we cannot" → "we can", "has failed to fulfil" → "has fulfilled").
_NEGATIONS = frozenset({
    "not", "no", "never", "cannot", "nor", "neither", "none", "nobody", "nothing", "nowhere", "without",
    "fail", "fails", "failed", "failing", "refuse", "refuses", "refused", "deny", "denies", "denied",
    "unable", "hardly", "barely", "lack", "lacks", "lacked",
})


@dataclass(frozen=True, slots=True)
class Claim:
    text: str  # the words to look for, framing and quote marks taken off
    speaker: str | None  # the speaker the paste names ("Putin"), if any


@dataclass(frozen=True, slots=True)
class Match:
    hit: Hit
    score: float
    verdict: Literal["exact", "close", "reversed", "near"]
    matched: str  # the corpus sentence(s) the claim aligns with, as written
    removed: tuple[str, ...]  # words of the corpus wording the claim changed or left out
    added: tuple[str, ...]  # words of the claim the corpus wording does not have
    diff: tuple[tuple[DiffOp, str], ...] = ()  # the corpus sentence word by word against the claim
    quoting: bool = False  # the match is someone quoting the words (in a question or in quote marks)
    negation: tuple[str, str] | None = None  # (original, claim) of the first hunk that changes a negation


def normalise(text: str) -> str:
    text = fold_spaces(text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w' ]+", " ", text.lower()).split())


def _unquote(text: str) -> str:
    text = text.strip()
    while len(text) > 1 and text[0] in _OPEN and text.rstrip(".,;")[-1:] in _CLOSE_Q:
        text = text.rstrip(".,;")[1:-1].strip()
    return text.strip(_OPEN + _CLOSE_Q + " ")


def strip_framing(raw: str) -> Claim:
    """The claim's words and the speaker its framing names (see the module docstring)."""
    text = " ".join(fold_spaces(raw).split())[:MAX_CLAIM]
    for frame in _FRAMES:
        m = frame.match(text)
        if not m:
            continue
        who = m.group("who").strip().rstrip(".,;:")
        if who.split()[0].lower() in _NOT_A_SPEAKER or len(m.group("claim").split()) < 3:
            continue
        return Claim(_unquote(m.group("claim")), who)
    return Claim(_unquote(text), None)


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s").strip("'")
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content(text: str) -> set[str]:
    words = normalise(text).replace("cannot", "can not").split()  # "cannot" and "can not" share "can"
    return {_stem(w) for w in words if w not in STOPWORDS and w not in _EXTRA_STOP and len(w) > 1}


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(" ".join(fold_spaces(text).split())) if s.strip()]


def _score(claim_n: str, claim_c: set[str], run: str) -> float:
    run_n = normalise(run)
    if claim_n and claim_n in run_n:
        return 100.0
    ordered = fuzz.partial_ratio(claim_n, run_n) if len(run_n) >= len(claim_n) else fuzz.ratio(claim_n, run_n)
    run_c = _content(run)
    if not claim_c or not run_c:
        return float(ordered)
    shared = len(claim_c & run_c)
    recall, precision = shared / len(claim_c), shared / len(run_c)
    bag = 100 * (0.8 * recall + 0.2 * precision) if recall >= 0.5 else 100 * recall * 0.8
    # Same words in another order or with others between is close, never exact. The character
    # ratio counts only where most of the claim's words are there: a shared opening ("We remember
    # very well the …") must not pass for the same statement.
    ordered_ok = len(claim_n) >= 20 and recall >= 0.75
    return float(max(ordered if ordered_ok else 0.0, min(bag, 96.0)))


def word_diff(original: str, claim: str) -> tuple[tuple[DiffOp, str], ...]:
    """The corpus wording against the claim, word by word (case and punctuation ignored)."""
    a, b = original.split(), claim.split()
    key = lambda w: _stem(re.sub(r"[^\w']+", "", w))  # noqa: E731
    ops = difflib.SequenceMatcher(a=[key(w) for w in a], b=[key(w) for w in b], autojunk=False).get_opcodes()
    out: list[tuple[DiffOp, str]] = []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            out.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("original", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("claim", " ".join(b[j1:j2])))
    # Words of the sentence before or after the stretch the claim quotes are context, not changes.
    if out and out[0][0] == "original":
        out[0] = ("context", out[0][1])
    if len(out) > 1 and out[-1][0] == "original":
        out[-1] = ("context", out[-1][1])
    return tuple(out)


def _negations(words: str) -> int:
    out = 0
    for w in normalise(words).split():
        out += w in _NEGATIONS or (w.endswith("n't") and w != "n't")
    return out


def changed_negation(diff: tuple[tuple[DiffOp, str], ...]) -> tuple[str, str] | None:
    """The first change that adds or drops a negation, as (original words, claim words); None when none does.

    A hunk is a run of adjacent ``original``/``claim`` entries (a replacement, insertion or deletion);
    "cannot" → "can not" keeps the count and is no change of meaning."""
    hunks: list[list[str]] = []  # [original words, claim words]
    in_hunk = False
    for op, text in diff:
        if op in ("same", "context"):
            in_hunk = False
            continue
        if not in_hunk:
            hunks.append(["", ""])
            in_hunk = True
        side = 0 if op == "original" else 1
        hunks[-1][side] = f"{hunks[-1][side]} {text}".strip()
    for original, claim in hunks:
        if _negations(original) != _negations(claim):
            return original, claim
    return None


def _quoting(hit: Hit, sentence: str) -> bool:
    """Whether the hit repeats the words rather than says them: a question, or the words in quote marks."""
    if hit.kind == "question" or is_question(hit.text):
        return True
    text = " ".join(fold_spaces(hit.text).split())
    at = text.find(sentence[:40])
    before = text[:at] if at >= 0 else ""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _best_run(claim_n: str, claim_c: set[str], hit: Hit) -> tuple[float, str]:
    parts = sentences(hit.text) or [hit.text]
    best = (0.0, parts[0])
    for i in range(len(parts)):
        for n in range(1, MAX_RUN + 1):
            if i + n > len(parts):
                break
            run = " ".join(parts[i:i + n])
            score = _score(claim_n, claim_c, run) - 2.0 * (n - 1)  # a shorter run wins a tie
            if score > best[0]:
                best = (score, run)
    return best


def align(claim: str, hit: Hit) -> Match:
    """The claim against one quote: its best sentence run, score, verdict and word diff."""
    claim_n, claim_c = normalise(claim), _content(claim)
    score, run = _best_run(claim_n, claim_c, hit)
    diff = word_diff(run, claim)
    removed = tuple(w for op, t in diff if op == "original" for w in t.split())
    added = tuple(w for op, t in diff if op == "claim" for w in t.split())
    exact = normalise(claim) in normalise(run) or (score >= EXACT and not added and not removed)
    negation = None if exact else changed_negation(diff)
    verdict: Literal["exact", "close", "reversed", "near"] = (
        "exact" if exact else "near" if score < CLOSE else "reversed" if negation else "close")
    return Match(hit, round(score, 1), verdict, run, removed, added, diff, _quoting(hit, run), negation)


def verify_quote(db: Database, claim: str, filters: Filters = NO_FILTERS, *, timeout_ms: int = 2000,
                 limit: int = 3, near: bool = False) -> list[Match]:
    """The real quotes closest to ``claim`` (already stripped of framing), best first.

    Only close ones unless ``near``: then the closest few are returned whatever their score
    (at least :data:`NEAR`), for "nothing close; the nearest were …"."""
    claim = claim[:MAX_CLAIM]
    if len(normalise(claim).split()) < 2:
        return []
    matches = []
    with time_limit(db, timeout_ms):
        for hit in _candidates(db, claim, filters, timeout_ms):
            deadline.check()  # a few hundred candidates at most, each aligned sentence by sentence
            matches.append(align(claim, hit))
    floor = NEAR if near else CLOSE
    out = [m for m in matches if m.score >= floor]
    # Who said it first-hand leads: a question repeating the words comes after the original.
    out.sort(key=lambda m: (-m.score + (8.0 if m.quoting else 0.0), m.hit.speaker_id is None))
    return out[:limit]


def searched_terms(db: Database, claim: str) -> list[str]:
    """The claim's rarest indexed terms, as the candidate search uses them (to say what was searched)."""
    from .index import search_index
    from .index_schema import TEXT
    from .verify_candidates import RARE_TERMS, claim_terms

    idx = search_index(db)
    searcher = idx.searcher()
    terms = claim_terms(idx.analyzer, claim)
    freq = {t: searcher.doc_freq(TEXT, t) for t in terms}
    return sorted((t for t in terms if freq[t] > 0), key=lambda t: (freq[t], t))[:RARE_TERMS]
