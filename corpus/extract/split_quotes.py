"""Split quotes: the parts of one utterance ("“A,” he said, “B.”") linked as one, and a quote inside
another of the same kind dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import ExtractedQuote
from .fragments import OTHER_SUBJECT_BETWEEN
from .layout import Layout
from .lexicon import CUE, CUE_RE

# Between the halves of a split quote there is only the attribution: ”, he said, “ / ” Putin said. “
_MENTION = r"(?:[A-Za-z][\w.'’-]*)(?:\s+[A-Za-z][\w.'’-]*){0,6}"
_SPLIT = re.compile(rf"^[,.!?…]?\s*(?:{_MENTION}\s+(?:also\s+|then\s+)?{CUE}|{CUE}\s+{_MENTION})"
                    rf"(?:\s+(?:on|in|at|during|to|after|last|this|told)\b[^,.:;“”\"«»\n]{{0,50}})?\s*[,.:]$")


_NAME_START = re.compile(r"^(?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?|[A-Z][a-z]+\s+[A-Z][a-z]+\s+(?:said|says|added|noted|told))\b|"
                         r"^[A-Z][a-z]+\s+(?:said|says|added|noted|told|wrote|stated)\b")
_NEW_CLAUSE = re.compile(r"\b(?:adding|saying|noting|stressing|explaining|arguing|that)\b")
_GAP_SENTENCE_END = re.compile(r"[.!?]\s+[“\"«]?[A-Z]")


# The narration right before a quotation ends with a short clause of another subject, a name or a noun
# phrase and its verb (a particle or an adverb at most): "…, and her husband cut in. “…", "… Dunn laughed.
# “…", "…, before the chairman interrupted: “…". A background clause ("as the crowd cheered", "when …")
# or one with an object keeps the voice.
_OTHER_SUBJECT = re.compile(
    r"(?:[.!?][\"”’)]?\s+|,?\s+(?:and|but|before|then)\s+)"
    r"(?P<np>(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)|"
    r"(?!(?:He|She|They|It|We|I|You|This|That|There|Then|But|And|So|Now|Later)\b)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|cut|shot|broke|spoke|said|says|adds|asks|replies|interjects)"
    r"(?:\s+(?:in|up|back|on|out|again|too))?\s*[.,:;—–!?]?\s*$")


def another_voice(f: str, start: int, end: int, span: tuple[int, int] | None) -> bool:
    """Whether the narration ``f[start:end]`` between two quotations ends with a short clause of a subject
    other than the first quotation's speaker (whose mention is ``span``): the second may be that person's."""
    while end > start and f[end - 1] in "“\"«‘' \t":
        end -= 1  # (up to the opening mark)
    m = _OTHER_SUBJECT.search(f, start, end)
    if m is None or (span and span[0] <= m.start("np") < span[1]):
        return False
    return not (span and m.group("np") == f[span[0]:span[1]])  # "“A,” Ruiz said. Ruiz paused. “B.”"


def _merge_split(lay: Layout, quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    """One attribution, one quotation: “A,” he said, “B.” and the fragments of one sentence
    (“A” and “B”, he said) are stored as one quote. A new sentence or a new reported clause
    (", adding that …") starts a new quote unless only the attribution stands between."""
    out: list[ExtractedQuote] = []
    f = lay.folded
    for q in quotes:
        if _continues_past_report(f, out, q):
            continue
        p = out[-1] if out else None
        if p and p.kind == q.kind == "direct" and q.start - p.end < 200 \
                and (p.speaker == q.speaker or q.speaker is None or p.speaker is None):
            gap = f[p.end:q.start]
            inner = gap.strip("“”\"«» ")
            marks = gap.count("“") + gap.count("”") + gap.count('"')
            # “A,” said X, who has worked here for years. “B.” — B carries on X's quote (the
            # attribution may name a show in quotes: on Fox News’s “Fox and Friends.”).
            # The same evidence counts when nobody was named ("Mr. Okafor" with no full name given).
            carries_on = q.cue is None and bool(CUE_RE.search(inner)) and len(inner) < 250 and (
                (q.speaker is not None and q.speaker == p.speaker)
                or (q.speaker_start is not None and q.speaker_start == p.speaker_start))
            # Each with its own cue and mention ("… “never in favour of the toll” …. “I read the numbers,” he
            # said."): two attributions, two utterances.
            own = p.speaker_start is not None and q.speaker_start is not None and q.cue is not None \
                and p.speaker_start != q.speaker_start
            if "\n" in gap or marks > (4 if carries_on else 2) or own:
                out.append(q)
                continue
            only_cue = bool(_SPLIT.match(inner)) and not _NEW_CLAUSE.search(inner) and not (
                p.text.rstrip(" ”\"»’)")[-1:] in ".!?…" and inner[:1].isupper()
                and inner.split()[0].lower() not in {"he", "she", "they"} and not _NAME_START.match(inner))
            same_sentence = not (_GAP_SENTENCE_END.search(gap) or (
                p.text.rstrip(" ”\"»’)")[-1:] in ".!?…" and inner[:1].isupper())) \
                and not _NEW_CLAUSE.search(inner)
            if q.speaker is None and (another_voice(f, p.end, q.start, (p.speaker_start, p.speaker_end)
                                                    if p.speaker_start is not None and p.speaker_end is not None
                                                    else None) or OTHER_SUBJECT_BETWEEN.search(f, p.end, q.start)):
                # “A,” Ruiz said, and her husband cut in. “B.” / “A?” Ruiz asks as a ferryman walks past, saying he's
                # “B.”: B is not surely Ruiz's
                out.append(q)
                continue
            if only_cue or same_sentence or carries_on:
                # One utterance, stored as its parts (the narration between them is nobody's words):
                # every part carries the first part's start and the one attribution.
                first = p.utterance if p.utterance is not None else p.start
                who = p if p.speaker or (p.speaker_start is not None and not q.speaker) else q
                out[-1] = _attributed(replace(p, utterance=first), who)
                out.append(_attributed(replace(q, utterance=first, cue=q.cue or p.cue), who))
                continue
        out.append(q)
    return out


def _continues_past_report(f: str, out: list[ExtractedQuote], q: ExtractedQuote) -> bool:
    """“A,” X said, adding that CLAUSE. “B.” — B, read as A's continuation (no cue or mention of its own,
    the evidence A's mention), is the second part of A's utterance although X's reported clause stands
    between them; the clause stays a quote of its own. Linked here (``out`` gets ``q``) or False."""
    if q.kind != "direct" or q.cue is not None or q.mention is not None or q.speaker_start is None:
        return False
    j = len(out) - 1
    while j >= 0 and out[j].kind == "indirect":
        j -= 1
    if j < 0 or j == len(out) - 1:
        return False  # nothing between: the ordinary split-quote reading
    p = out[j]
    if p.kind != "direct" or p.speaker_start != q.speaker_start or p.speaker != q.speaker \
            or "\n" in f[p.end:q.start] or q.start - p.end > 300 \
            or any(not (p.end <= x.start and x.end <= q.start) for x in out[j + 1:]):
        return False
    first = p.utterance if p.utterance is not None else p.start
    out[j] = replace(p, utterance=first)
    out.append(_attributed(replace(q, utterance=first, cue=p.cue), p))
    return True


def _attributed(q: ExtractedQuote, who: ExtractedQuote) -> ExtractedQuote:
    """``q`` with the attribution (speaker and its evidence) of ``who``."""
    return replace(q, speaker=who.speaker, confidence=who.confidence, speaker_type=who.speaker_type, role=who.role,
                   mention=who.mention, speaker_start=who.speaker_start, speaker_end=who.speaker_end,
                   resolution=who.resolution)


def _dedupe(quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    """One quote per span: an extraction inside another of the same kind and speaker is dropped."""
    out: list[ExtractedQuote] = []
    for q in quotes:
        if out and out[-1].start <= q.start and q.end <= out[-1].end and out[-1].kind == q.kind:
            continue
        out.append(q)
    return out
