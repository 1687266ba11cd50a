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
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..models import QuoteKind, Resolution
from ..names import given_name
from .candidates import _RUN, _RUN_LEAD
from .labels import Label, read_label
from .layout import Layout, trim
from .lexicon import PERSON_NOUNS, TITLE_WORDS
from .mentions import parse_mention
from .not_speech import is_caption, is_courtesy, is_editorial, is_elision, is_heading, is_salutation, not_speech
from .resolve import Tracker

_TITLE_SPEECH = re.compile(
    r"\b(?:remarks|speech|statement|address|interview|opening\s+remarks|closing\s+remarks|op-ed|lecture|"
    r"message|article)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
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
                              for w in (role or "").split())


def _key(line: str) -> str:
    """A line compared with the headline: letters and digits only, lower case, first 40."""
    return "".join(c for c in line[:80].casefold() if c.isalnum())[:40]


def _labels(lay: Layout) -> list[tuple[int, Label]]:
    head = _key(lay.title or "")
    out = []
    for li, (ls, le) in enumerate(lay.lines):
        lab = read_label(lay.folded, ls, le)
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
    labels = sorted(_labels(lay), key=lambda x: x[1].start)
    if not _has_turns(labels):
        return []
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


def interviewee(lay: Layout, lead: str | None, first_label: int) -> tuple[str, Resolution, tuple[int, int] | None] | None:
    """Who answers an interview's "A:" turns, how that was read, and where the body names them: the one
    person a headline that announces an interview names ("Interview: the novelist Anna Berg", "Q&A with
    Vice President Joe Biden"), else the one person the lead and the introduction (the body before the
    first label) name. None when they name nobody or more than one ("We met two climbers"); a name
    owning something ("Q&A: Joe Biden's chief of staff") is not the interviewee."""
    title = lay.title or ""
    headline = _people(lay, title, None, 0)
    intro = _people(lay, lead or "", lay.folded[:first_label], first_label)
    candidates = [("headline", headline)] if _INTERVIEW_TITLE.search(title) else []
    for how, people in [*candidates, ("lead", headline + intro)]:
        names = {name for name, _ in people}
        if len(names) == 1 and len(next(iter(names)).split()) >= 2 and not next(iter(names)).startswith("?"):
            name = names.pop()
            span = next((sp for n, sp in intro if n == name and sp), None)  # where the body names them
            return name, how, span  # type: ignore[return-value]
    return None


_INTERVIEW_TITLE = re.compile(r"(?i)\b(?:interview|q\s*&\s*a|q\s+and\s+a|in\s+conversation|talks?\s+to|speaks?\s+to|"
                              r"sits?\s+down\s+with|questions\s+for|asks?)\b")
_POSSESSIVE = re.compile(r"['’]s?(?:\s|$)")


def _people(lay: Layout, title: str, intro: str | None, first_label: int) -> list[tuple[str, tuple[int, int] | None]]:
    """The people ``title`` and the body's ``intro`` name, each with its span in the body (None in a
    title or lead); in a headline, not a name that owns something ("Q&A: Joe Biden's aide"). A run of
    capitalised words that may be a name the lexicon does not know ("Lena Dahl") counts as someone
    else, written with a leading "?": it is never the interviewee, and it makes another one doubtful."""
    out: list[tuple[str, tuple[int, int] | None]] = []
    for source, in_body in ((title, False), (intro or "", True)):
        if not source:
            continue
        tracker = Tracker(source, None) if in_body else Tracker("", source)
        known = set()
        for e in tracker.people():
            known.add(e.name)
            last = e.name.split()[-1]
            at = source.find(last)
            if not in_body and at >= 0 and _POSSESSIVE.match(source, at + len(last)):
                out.append(("?" + e.name, None))  # the interviewee is someone of theirs, not them
            elif e.personal:
                found = in_body and lay.folded.startswith(e.name, e.pos) and e.pos + len(e.name) <= first_label
                out.append((e.name, (e.pos, e.pos + len(e.name)) if found else None))
            else:
                out.append(("?" + e.name, None))
        for m in _RUN.finditer(source):
            lead = _RUN_LEAD.match(m.group())
            run = m.group()[lead.end():] if lead else m.group()
            men = parse_mention(run) if len(run.split()) >= 2 else None
            if men is not None and men.kind == "name" and men.name and (
                    men.name in known or (" " not in men.name and men.name in {k.split()[-1] for k in known})):
                continue  # a person counted above ("Vice President Joe Biden", "Mr Biden")
            if len(run.split()) >= 2 and (men is None or men.kind == "name"):
                out.append(("?" + run, None))
    return out


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


def turn_quotes(lay: Layout, found: list[Turn]) -> tuple[list[TranscriptQuote], set[int]]:
    """The quotes of every turn, and the lines the turns cover."""
    out: list[TranscriptQuote] = []
    covered: set[int] = set()
    f = lay.folded
    names = {t.speaker for t in found if t.speaker and len(t.speaker.split()) >= 2}
    surnames = {n.split()[-1] for t in found if (n := t.speaker)}
    # A news round-up ("Jury president Hugo Lambert: “It moved me deeply.”"), where most labels introduce
    # a quotation, gives the quotation alone; in a transcript a turn that opens with one is the speaker
    # reading out or quoting someone, and stays the whole turn.
    spoken = [t for t in found if t.kind != "note"]
    quoting = {t.at for t in spoken if _OPENS_QUOTE.match(f, t.start)}
    roundup = 2 * len(quoting) >= len(spoken)
    for i, t in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        inline_next = nxt is not None and nxt.at > lay.lines[nxt.line][0]
        stop = (nxt.line + 1 if inline_next else nxt.line) if nxt else len(lay.lines)
        full = t.speaker.split() if t.speaker else []
        if t.kind == "note":
            continue  # an editorial note ends the turn before it and is nobody's words
        opens_quote = t.at in quoting
        for li in range(t.line, stop):
            first = li == t.line
            if not first and opens_quote:
                break  # "Name: “…”" introduces one quotation (a news round-up), not a transcript turn
            end = nxt.at if nxt is not None and inline_next and li == nxt.line else lay.lines[li][1]
            s, e = trim(f, t.start if first else lay.lines[li][0], end)
            para = f[s:e]
            if first and full and _titled_self(para, full[-1]):
                break  # "Anna Berg: Farm credit Last spring, Governor Anna Berg …" heads a section
            if not first and (is_heading(para) or is_editorial(para)
                              or (len(full) >= 2 and para.startswith(t.speaker or "\0"))
                              or not _WORDY.search(para) or _narration(para, names) or _reports(para, full, surnames)
                              or _reports_speech(para)):
                break  # a heading, a rule ("___"), a caption, a stage direction, the article again: the turn is over
            covered.add(li)
            # not_speech covers the four checks a turn's first paragraph gets (each ran twice on later ones)
            if e - s < 2 or (not_speech(para) if not first else is_elision(para) or is_courtesy(para)
                             or is_salutation(para) or is_caption(para)) \
                    or not _WORDY.search(para) or _title_cased(para):
                continue  # … and "Hillary Clinton: 1,769." is a tally, not speech
            resolution: Resolution | None = t.resolution if t.speaker else None
            kind = t.kind
            if first and opens_quote and roundup:
                # "Name: “…”": the quotation alone, without its marks or what follows it, is their words.
                q = next((x for x in lay.quotes if s <= x.open < e), None)
                if q is None:
                    continue
                s, e = trim(f, q.start, min(q.end, e))
                kind = "direct"
            out.append(TranscriptQuote(s, e, t.speaker, t.role, kind, t.confidence, t.name_span, resolution))
    return out, covered


_OPENS_QUOTE = re.compile(r"\s*[“\"«]")
_WORDY = re.compile(r"[^\W\d_]{2,}")  # a word at least: "Hillary Clinton: 1,769." is a tally
# "The President of Turkey added that …": a narrator reporting speech, not a speaker going on.
_SPEECH_FRAME = re.compile(r"(?!(?:It|And|But|So|Mr|Mrs|Ms|Dr)\b)(?:The|He|She|[A-Z][\w'’-]+)(?:\s+[\w'’-]+){0,7}?\s+"
                           r"(?:said|added|noted|stressed|pointed\s+out|emphasi[sz]ed|recalled|explained|continued|"
                           r"underlined|underscored|remarked)\s+that\b")


def _reports_speech(para: str) -> bool:
    """A paragraph after a turn that opens with someone reported in the third person and speaks in no
    first or second person: the article again ("The President of Turkey added that …"). Speakers
    quote others too ("Mr Peskov just said that …"), but then with a title, or in the first person."""
    return _SPEECH_FRAME.match(para) is not None and not _PERSONAL.search(para)


def _title_cased(para: str) -> bool:
    """"Bernie Sanders: I’m Not Much Of A Socialist Compared To Eisenhower." — a headline in a list."""
    if len(para) > 240:
        return False  # a headline is short (and splitting every long paragraph costs)
    words = [w for w in para.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_PERSONAL = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b", re.IGNORECASE)


def _narration(para: str, names: set[str]) -> bool:
    """A paragraph that names one of the transcript's speakers in full and speaks in no first or
    second person: the site's narration ("… Nikolai Denisov joins the videoconference.")."""
    return bool(names) and not _PERSONAL.search(para) and any(n in para for n in names)


# A narrator's attribution tag at the end of a clause: "…, Sanders said.", "…, the report said,", "…, said Lopez."
_TITLE_WORD = r"(?:Mr|Mrs|Ms|Dr|President|Minister|Governor|Senator|Comrade|Mayor|Chancellor|General|Professor)\b"
_REPORTING = re.compile(rf",\s+(?!{_TITLE_WORD})(?:he|she|they|the\s+[a-z]+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
                        rf"(?:said|says|told|added|wrote|argued|noted)\s*[.,]|,\s+(?:said|says|told)\s+"
                        rf"(?!{_TITLE_WORD})(?:he|she|[A-Z][a-z]+)")
_TITLED = re.compile(r"(?:Mr|Mrs|Ms|Dr|Mr\.|Mrs\.|Ms\.|Dr\.|President|Minister|Governor|Senator|Comrade|Mayor|"
                     r"Chancellor|General|Professor|Colleague|[A-Z][a-z]+)\s+$")


_SELF_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Senator|Sen|Governor|Gov|President|Rep|Representative|Minister)\.?\s+"
                         r"(?:[A-Z][\w'’-]+\s+)?$")


def _titled_self(para: str, surname: str) -> bool:
    """The label's own person named with a title in what should be their words ("Senator Marco Rubio
    has proposed …"): nobody speaks of themselves so; the label heads an article's section."""
    return len(surname) > 2 and any(_SELF_TITLE.search(para[max(0, i - 40):i]) for i in _word_at(para, surname))


def _bare_surname(para: str, surname: str) -> bool:
    """The surname stands alone, as an article refers to someone ("Matthews paints"), not as a speaker
    addresses or names someone ("Mr Gref", "Donald Trump")."""
    if len(surname) <= 2:
        return False
    return any(not _TITLED.search(para[max(0, i - 20):i]) and para[i + len(surname):i + len(surname) + 2] not in ("'s", "’s")
               for i in _word_at(para, surname))


def _word_at(para: str, word: str) -> list[int]:
    """Where ``word`` stands as a whole word in ``para`` (str.find: no regex compiled per name)."""
    out, i = [], para.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not para[i - 1].isalnum()) and (j >= len(para) or not para[j].isalnum()):
            out.append(i)
        i = para.find(word, j)
    return out


def _reports(para: str, speaker: list[str], surnames: set[str]) -> bool:
    """A paragraph after a turn that reads as the article again, not the speaker going on: it names the
    speaker by bare surname ("the picture that Matthews paints"), or, speaking in no first or second
    person, names another speaker so or reports what someone said ("…, the report said")."""
    if speaker and _bare_surname(para, speaker[-1]):
        return True
    if _PERSONAL.search(para):
        return False
    return bool(_REPORTING.search(para)) or any(_bare_surname(para, n) for n in surnames)


def title_speaker(lay: Layout) -> tuple[str, str | None] | None:
    """The one person a speech-titled document names ("X’s remarks at …"), with their role."""
    title = lay.title or ""
    if not _TITLE_SPEECH.search(title):
        return None
    tracker = Tracker(title, None)
    names = {(e.name, e.role) for e in tracker.people()}
    people = {n for n, _ in names}
    if len(people) != 1:
        return None
    name = people.pop()
    roles = [r for n, r in names if r]
    return name, (max(roles, key=len) if roles else None)


def reads_as_speech(lay: Layout, lines: list[int]) -> bool:
    """Most body paragraphs in the first person and few quotation marks: a speech, not a report."""
    if not lines:
        return False
    first = sum(1 for li in lines if _FIRST_PERSON.search(lay.folded, *lay.lines[li]))
    quoted = sum(1 for q in lay.quotes if q.line in set(lines))
    return first >= max(1, 0.3 * len(lines)) and quoted <= 0.2 * len(lines)


def speech_quotes(lay: Layout) -> tuple[list[TranscriptQuote], set[int]]:
    """A speech-titled document read as first-person speech: each paragraph the titled person's."""
    who = title_speaker(lay)
    body = list(range(len(lay.lines)))
    if not who or not reads_as_speech(lay, body):
        return [], set()
    out = []
    for li in body:
        s, e = trim(lay.folded, *lay.lines[li])
        if e - s >= 2 and not not_speech(lay.folded[s:e]):
            out.append(TranscriptQuote(s, e, who[0], who[1], "transcript", 0.85, None, "headline"))
    return out, set(body)
