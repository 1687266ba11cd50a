"""The quotes of a transcript's turns: each paragraph of a turn until the next label, and where a turn
ends early — a heading, a caption, the article's narration again ("The President of Turkey added that
…", the speaker by bare surname), or a news round-up's "Name: “…”" that gives the quotation alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Resolution
from .layout import Layout, trim
from .lexicon import PERSON_NOUNS, TITLE_WORDS
from .not_speech import is_caption, is_courtesy, is_editorial, is_elision, is_heading, is_salutation, not_speech
from .transcript import TranscriptQuote, Turn


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
                              or _reports_speech(para) or (_reports_someone(para) and _third_person_to(lay, li + 1, stop))
                              or (li == len(lay.lines) - 1 and _closing_narration(para))):
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
    return _SPEECH_FRAME.match(para) is not None and not _personal(para)


# "Manila later rejected it. Coast Guard spokesperson Anna Berg said on X that …", "Captain Anna Berg, speaking
# separately, said …", "…," Berg said.': a sentence whose capitalised subject is reported speaking.
_REPORT_SENTENCE = re.compile(r"(?:^|(?<=[.!?]\s))(?P<subj>[A-Z][\w'’.+-]*(?:\s+[\w'’.+-]+){1,6}?)"
                              r"(?:,\s+[^,.!?\n]{1,80},)?\s+(?:said|says|told|added|wrote|posted|stated)\b")
_NOT_SUBJECT = frozenset("The That This These Those It And But So Someone Somebody They He She We You I Then Now As If "
                         "When While Mr Mrs Ms Dr Incidentally However".split())
_QUOTED = re.compile(r"[“\"«][^”\"»]{0,2000}[”\"»]")


def _reports_someone(para: str) -> bool:
    """A paragraph after a turn that, outside its quotation marks, speaks in no first or second person and
    has a sentence reporting what a named subject said: the article again, not the speaker going on (a
    speaker who reports someone does it in their own voice: "as I said", "Mr Gref told us"), when what
    follows up to the next label is third person too."""
    bare = _QUOTED.sub(" ", para)
    return not _PERSONAL.search(bare) and any(_named_subject(m.group("subj")) for m in _REPORT_SENTENCE.finditer(bare))


def _named_subject(subj: str) -> bool:
    """"Coast Guard spokesperson Commodore Anna Berg", "Captain Anna Berg": capitalised words ending in a name,
    two at least, with no lower-case word but a title or occupation — a named person, not "That" or "Someone"."""
    words = subj.split()
    if words[0] in _NOT_SUBJECT or not words[-1][:1].isupper():
        return False
    lower = [w for w in words if not w[:1].isupper()]
    return len(words) - len(lower) >= 2 and all(w in TITLE_WORDS or w in PERSON_NOUNS for w in lower)


def _third_person_to(lay: Layout, first: int, stop: int) -> bool:
    """Every paragraph from line ``first`` up to ``stop`` speaks, outside its quotation marks, in no first or
    second person: the article's narration to the end, not a speaker who cited someone and goes on."""
    f = lay.folded
    return not any(_PERSONAL.search(_QUOTED.sub(" ", f[s:e])) for s, e in lay.lines[first:stop])


# A statement's verb: "Police ask anyone …", "The National Anthem is played." (a courtesy has none:
# "Congratulations on the holiday once again.", "Best regards.").
_STATEMENT_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|"
                             r"asks?|urges?|appeals?|calls?|continues?|ended|began|left|arrived|followed|"
                             r"took|gave|went|came|met|spoke|thanked|answered|closed|declined|refused|returned)\b")


def _closing_narration(para: str) -> bool:
    """The article's last paragraph after a transcript, in the reporter's voice: a statement of six to
    thirty words, ending in a full stop, with a verb and no first or second person ("Police ask anyone who was
    on the bridge to call 105."). A speaker's last words there are a courtesy or speak to someone."""
    words = para.split()  # a line of narration is short; a speech's long last paragraph is its own
    return (6 <= len(words) <= 30 and para.rstrip().endswith(".") and not _personal(para)
            and _STATEMENT_VERB.search(para) is not None)


def _title_cased(para: str) -> bool:
    """"Bernie Sanders: I’m Not Much Of A Socialist Compared To Eisenhower." — a headline in a list."""
    if len(para) > 240:
        return False  # a headline is short (and splitting every long paragraph costs)
    words = [w for w in para.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_PERSONAL = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b", re.IGNORECASE)


@lru_cache(maxsize=16)  # asked up to four times of one paragraph by the checks below
def _personal(para: str) -> bool:
    """Whether ``para`` speaks in the first or second person."""
    return _PERSONAL.search(para) is not None


def _narration(para: str, names: set[str]) -> bool:
    """A paragraph that names one of the transcript's speakers in full and speaks in no first or
    second person: the site's narration ("… Nikolai Denisov joins the videoconference.")."""
    return bool(names) and not _personal(para) and any(n in para for n in names)


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
    if _personal(para):
        return False
    return bool(_REPORTING.search(para)) or any(_bare_surname(para, n) for n in surnames)
