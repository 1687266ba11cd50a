"""Transcripts: turn labels ("Vladimir Putin: …") and titles that name someone's speech.

A document has turns when it has at least two labels (:mod:`.labels`) and one names a person or an
anonymous questioner, or when one named label opens the body ("President of Russia Vladimir Putin:
Citizens of Russia, …"). Each paragraph of a turn is one quote (kind ``transcript``) of the label's
speaker until the next label — any label, read or not: a label this module cannot put a name to
still ends the turn before it, and its own turn is stored unattributed. Questioners ("Question:",
"Journalist:", an interviewer whose turns are questions) give kind ``question``.

A one-word label ("Putin:", "Saravanan:", "Knight:") is the full name the document gives for that
word, if exactly one; else the word itself when it labels two turns or more; else nobody. An
interviewer that is only a word ("Wikinews:") asks questions: its turns are questions of nobody.

A document whose title says it is someone's remarks, speech, statement, address or interview,
and whose body reads as first-person speech, is that person's quotes paragraph by paragraph.

The quotes of each turn are read in :mod:`.turn_quotes`, an interview's answerer in :mod:`.interviews`,
a speech-titled document in :mod:`.speeches`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..models import QuoteKind, Resolution
from ..names import given_name
from .interviews import interviewee
from .label_words import CAPS_TITLES
from .labels import Label, read_label, turn_break
from .layout import Layout
from .lexicon import PERSON_NOUNS, TITLE_WORDS
from .office_labels import is_role_word, office_holder

_QUESTIONER_ROLE = re.compile(r"(?i)\b(?:journalist|correspondent|reporter|interviewer|moderator|presenter|"
                              r"anchor|host|question)\b")
_INTERVIEW = re.compile(r"(?i)\binterview")

@dataclass(frozen=True, slots=True)
class Turn:
    line: int  # index into Layout.lines
    at: int  # where the label starts (a turn may start inside a line: "… there. Vladimir⏎Putin: Wait")
    start: int  # first character of speech on that line
    speaker: str | None  # None: anonymous, or a label nobody could be named for
    role: str | None
    kind: QuoteKind  # "transcript" or "question"
    name_span: tuple[int, int] | None  # where the label names the speaker
    confidence: float
    resolution: Resolution = "turn"  # "headline" / "lead": an answer turn given to the interviewee


@dataclass(frozen=True, slots=True)
class TranscriptQuote:
    start: int
    end: int
    speaker: str | None
    role: str | None
    kind: QuoteKind
    confidence: float
    speaker_span: tuple[int, int] | None
    resolution: Resolution | None


def _titled(role: str | None) -> bool:
    """Whether a label's role has a title or occupation word in it ("Central Bank chairman")."""
    return bool(role) and any(w.lower().strip(",.") in TITLE_WORDS or w.lower() in PERSON_NOUNS
                              or w.lower().strip(",.") in CAPS_TITLES or _C_SUITE.fullmatch(w.strip(",."))
                              for w in (role or "").split())


_C_SUITE = re.compile(r"C[A-Z]{1,2}O")  # "CFO", "CEO", "COO", "CTO", "CMO"


_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() or "_"


def _key(line: str) -> str:
    """A line compared with the headline: letters and digits only, lower case, first 40."""
    return _NOT_ALNUM.sub("", line[:80].casefold())[:40]  # a character at a time was 2 % of extraction


def _labels(lay: Layout, read: dict[int, Label | None]) -> list[tuple[int, Label]]:
    """The labels paragraphs open with (and inside lines, :func:`_inline`); ``read`` gets what
    :func:`.labels.read_label` gave for each line."""
    head = _key(lay.title or "")
    out = []
    for li, (ls, le) in enumerate(lay.lines):
        lab = read[li] = read_label(lay.folded, ls, le)
        if lab is None or (head and _key(lay.folded[ls:le]) == head):
            continue  # the headline repeated in the body ("Pence: Flowers Won’t Be at Debate.")
        out.append((li, lab))
    return out + _inline(lay, out)


def _inline(lay: Layout, labels: list[tuple[int, Label]]) -> list[tuple[int, Label]]:
    """Labels this document uses that a lost paragraph break left inside a line, after a finished
    sentence ("… what is happening there. Vladimir⏎Putin: Wait, …")."""
    phrases = {lab.phrase for _, lab in labels if lab.kind == "person" and len((lab.name or "").split()) >= 2}
    if not phrases:
        return []
    out = []
    f = lay.folded
    for li, (ls, le) in enumerate(lay.lines):
        colon = f.find(":", ls, le)
        while colon >= 0:
            before = f[max(ls, colon - 250):colon].rstrip()
            flat = " ".join(before.split())
            for phrase in phrases:
                cut = len(flat) - len(phrase)
                if cut > 1 and flat.endswith(phrase) and flat[cut - 1] == " " and flat[cut - 2] in ".!?…”»":
                    at = f.rfind(phrase.split()[0], ls, colon)
                    lab = read_label(f, at, le) if at > ls else None
                    if lab is not None:
                        out.append((li, lab))
                    break
            colon = f.find(":", colon + 1, le)
    return out


def _with_breaks(lay: Layout, labels: list[tuple[int, Label]], read: dict[int, Label | None]) -> list[tuple[int, Label]]:
    """In a document read as a transcript, every paragraph after the first label that opens with a
    label-shaped phrase no name can be read from (:func:`.labels.turn_break`) ends the turn before it:
    its words are nobody's, never the previous speaker's."""
    taken = {li for li, _ in labels}
    head = _key(lay.title or "")
    extra = []
    for li in range(labels[0][0] + 1, len(lay.lines)):
        if li in taken:
            continue
        ls, le = lay.lines[li]
        lab = turn_break(lay.folded, ls, le, read[li])
        if lab is not None and lab.kind == "unknown" and not (head and _key(lay.folded[ls:le]) == head):
            extra.append((li, lab))
    return sorted(labels + extra, key=lambda x: x[1].start) if extra else labels


def _has_turns(labels: list[tuple[int, Label]]) -> bool:
    # A person label is strong evidence when the name is one we know, or when it recurs: a one-off
    # "Veto Power Impedes Peace Efforts:" with no given name we know heads an explainer's section.
    seen = Counter(lab.name for _, lab in labels)
    strong = [lab for _, lab in labels if lab.kind == "questioner"
              or (lab.kind == "person" and len((lab.name or "").split()) >= 2 and (lab.known or seen[lab.name] >= 2))]
    if len(labels) >= 2 and strong:
        return True
    # "BIDEN: …⏎⏎TRUMP: …⏎⏎BIDEN: …": ALL-CAPS surnames taking turns are a transcript's convention
    # (a dateline or a heading is one word once, not two people answering each other).
    caps = [lab for _, lab in labels if lab.kind == "word" and lab.phrase.isupper() and len(lab.phrase) > 2]
    if len(caps) >= 3 and len({lab.name for lab in caps}) >= 2:
        return True
    # One "Name:" line in the middle of a news story introduces a quote, not a transcript; one
    # opening the body ("President of Russia Vladimir Putin: Citizens of Russia, …") starts a speech.
    if len(labels) == 1 and strong and strong[0].kind == "person" and strong[0].known:
        li = labels[0][0]
        return li < 3 or bool(strong[0].role)
    return False


def _label_names(labels: list[tuple[int, Label]]) -> dict[str, set[str]]:
    """The full names the labels give, by their last word."""
    by_last: dict[str, set[str]] = {}
    for _, lab in labels:
        if lab.kind == "person" and lab.name and len(lab.name.split()) >= 2:
            by_last.setdefault(lab.name.split()[-1], set()).add(lab.name)
    return by_last


def _doc_names(text: str, word: str) -> set[str]:
    """Full names ending in ``word`` anywhere in ``text`` ("R Saravanan", "Mr Putin" is no full name)."""
    from .lexicon import TITLE_WORDS

    out = set()
    for m in re.finditer(rf"((?:[A-Z][\w'’-]*\.?[ \t]+){{1,2}}){re.escape(word)}\b", text):
        first = [t for t in m.group(1).split() if t.lower().rstrip(".") not in TITLE_WORDS
                 and t.lower() not in TITLE_WORDS]
        # First names: capitalised words with lower-case letters, or initials ("R Saravanan").
        if first and all(re.fullmatch(r"[A-Z][a-z][\w'’-]*|[A-Z]\.?", t) for t in first) \
                and first[0] not in {"The", "A", "An", "In", "On", "At", "If", "But", "And", "As"}:
            out.add(" ".join([*first[-2:], word]) if len(first) > 1 and re.fullmatch(r"[A-Z]\.?", first[-1])
                    else f"{first[-1]} {word}")
    return out


def _turn_texts(lay: Layout, labels: list[tuple[int, Label]]) -> dict[int, str]:
    """The text of each labelled turn, by label line."""
    out = {}
    for k, (li, lab) in enumerate(labels):
        stop = labels[k + 1][0] if k + 1 < len(labels) else len(lay.lines)
        parts = [lay.folded[lab.end:lay.lines[li][1]]] + [lay.folded[s:e] for s, e in lay.lines[li + 1:stop]]
        out[li] = " ".join(p.strip() for p in parts if p.strip())
    return out


def _asks(texts: list[str]) -> bool:
    """Most turns are questions: an interviewer."""
    asked = sum(1 for t in texts if t.rstrip().endswith("?") or t.rstrip().endswith("?”"))
    return len(texts) >= 2 and asked >= 0.6 * len(texts)


def turns(lay: Layout, lead: str | None = None) -> list[Turn]:
    """Every turn of a transcript, in order; [] when the document has no turns."""
    read: dict[int, Label | None] = {}
    labels = sorted(_labels(lay, read), key=lambda x: x[1].start)
    if not _has_turns(labels):
        return []
    labels = _with_breaks(lay, labels, read)
    texts = _turn_texts(lay, labels)
    by_last = _label_names(labels)
    words: dict[str, list[str]] = {}
    for li, lab in labels:
        if lab.name and (lab.kind == "word" or len(lab.name.split()) == 1):
            words.setdefault(lab.name, []).append(texts[li])
    body = "\n".join([lay.title or "", lead or "", lay.folded])
    out: list[Turn] = []
    answers = interviewee(lay, lead, labels[0][1].start) if any(
        lab.kind == "anonymous" and (lab.role or "").lower() in _ANSWER_ROLES for _, lab in labels) else None
    for li, lab in labels:
        span = (lab.name_start, lab.name_end) if lab.name_start is not None and lab.name_end is not None else None
        if lab.kind == "note":
            out.append(Turn(li, lab.start, lab.end, None, lab.role, "note", None, 0.0))  # type: ignore[arg-type]
            continue
        if lab.kind == "questioner":
            out.append(Turn(li, lab.start, lab.end, None, lab.role, "question", None, 0.3))
            continue
        if lab.kind == "anonymous" and (lab.role or "").lower() in _ANSWER_ROLES and answers is not None:
            who, how, where = answers
            out.append(Turn(li, lab.start, lab.end, who, None, "transcript", where, 0.85, how))
            continue
        office = _office_label(lab)
        if office is not None:
            # "Spokesperson:", "The DEPUTY PRESIDENT:": an office is no name; its one holder, or nobody.
            holder = office_holder(office, labels, lay.folded)
            kind0: QuoteKind = "question" if _QUESTIONER_ROLE.search(office) else "transcript"
            if holder is None or kind0 == "question":
                out.append(Turn(li, lab.start, lab.end, None, office, kind0, None, 0.3))
            else:
                out.append(Turn(li, lab.start, lab.end, holder[0], office, "transcript", holder[1], 0.85, "title"))
            continue
        if lab.kind in ("anonymous", "unknown") or not lab.name:
            out.append(Turn(li, lab.start, lab.end, None, lab.role, "transcript", None, 0.3))
            continue
        name, conf = lab.name, (0.95 if lab.known else 0.85)
        if given_name(name.split()[0]) is None and lab.role and not _titled(lab.role) \
                and sum(1 for _, other in labels if other.name == lab.name) == 1:
            # A one-off "Veto Power Impedes Peace Efforts:" — no given name we know, words before the
            # "name" that are no title — is a heading, not a speaker: it ends the turn before it
            # and names nobody. ("German Gref:" has no such words and stays a speaker.)
            conf = 0.5
        if len(name.split()) == 1:
            full = by_last.get(name) or _doc_names(body, name)
            if len(full) == 1:
                name, conf = next(iter(full)), 0.9
            elif _asks(words[name]):
                out.append(Turn(li, lab.start, lab.end, None, None, "question", None, 0.3))
                continue
            elif len(full) > 1 or len(words[name]) < 2 or name.isupper() or lab.role or lab.phrase.isupper():
                # A title and a surname ("SEC. BLAKE:", "President Putin:") or a transcript's ALL-CAPS
                # surname ("BIDEN:") name someone only when the article gives the full name, as a bare
                # surname anywhere else: else nobody.
                out.append(Turn(li, lab.start, lab.end, None, None, "transcript", None, 0.3))
                continue
            else:
                conf = 0.8  # the transcript's own name for them ("Bill:", "Knight:"); the store keeps such a
                # quote unattributed all the same: a one-word name is no person row across articles
        kind: QuoteKind = "question" if lab.role and _QUESTIONER_ROLE.search(lab.role) else "transcript"
        out.append(Turn(li, lab.start, lab.end, name, lab.role, kind, span, conf))
    interview = bool(_INTERVIEW.search(" ".join([lay.title or "", lead or ""])))
    return _interviewers(out, texts) if interview else out


_ANSWER_ROLES = frozenset(["answer", "answers", "a"])


def _office_label(lab: Label) -> str | None:
    """The office a label names instead of a person ("Spokesperson:", "The DEPUTY PRESIDENT:"), if it does:
    one role word, or an office of title words only."""
    if lab.kind == "word" and lab.name and is_role_word(lab.phrase):
        return lab.phrase
    if lab.kind == "unknown" and lab.role:
        words = re.sub(r"(?i)^the\s+", "", lab.role).split()
        if words and all(w.lower() in TITLE_WORDS for w in words):
            return lab.role
    return None


def _interviewers(found: list[Turn], texts: dict[int, str]) -> list[Turn]:
    """In an interview, a named speaker whose turns are mostly questions, while someone else answers,
    is the interviewer: their turns are questions. (Only in interviews: a president questioning
    ministers at a meeting is not interviewing them.)"""
    by_speaker: dict[str, list[str]] = {}
    for t in found:
        if t.speaker:
            by_speaker.setdefault(t.speaker, []).append(texts[t.line])
    askers = {s for s, ts in by_speaker.items() if len(ts) >= 3 and _asks(ts)}
    answerers = {s for s, ts in by_speaker.items() if s not in askers and len(ts) >= 2}
    if not askers or not answerers:
        return found
    return [replace(t, kind="question") if t.speaker in askers else t for t in found]
