"""Score extracted quotes against hand-labelled gold (the formats of ../shared/gold, see its README).

Finding quotes: a gold quote counts as found when one predicted attribution covers more than
``threshold`` of its characters; predictions and gold quotes are matched one-to-one (greedy, best
overlap first). Gold quotes marked ``optional`` count neither for recall nor, when found, against
precision. A PolNeAR quote split by narration is one gold attribution whose characters are its
``parts``: it is found by a prediction covering the whole span or by the predicted parts of one
utterance (quotes sharing ``ExtractedQuote.utterance``), which then count as one attribution.

Attributing them (over quotes matched at the lowest threshold), each matched quote has one outcome:

    right          a speaker was given and it is the gold speaker
    partial        the right person in a wrong name form: part of the gold name or the gold name
                   with more words ("Maurer", "Administrator Charles Bolden" for "K.C. Maurer",
                   "Charles Bolden") — neither right nor a misattribution
    misattributed  a speaker was given and it is wrong — the error quotebot must never make
    unattributed   no speaker was given although the gold names one
    abstained      no speaker was given and the gold names nobody (right)
    unplaced       PolNeAR only: a speaker was given without a ``speaker_span`` in the text,
                   so the surface attachment cannot be checked (not counted as right)

Resolved gold (seeds, Wikinews): the predicted name must equal the gold speaker or one of its
``speaker_aliases`` (case- and space-folded); ``""`` means the article names nobody. PolNeAR
(``speaker_resolved: false``): the surface attachment is right when the predicted
``speaker_span`` overlaps one of the gold ``speaker_spans`` ("he" is right when it is that "he").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .eval_tables import (
    KINDS,
    Attribution,
    Outcome,
    SpeakerFigures,
    by_resolution,
    calibration,
    kind_order,
    pct,
)
from .models import ExtractedQuote
from .store import fold

Extractor = Callable[[str, str | None], list[ExtractedQuote]]
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    speaker: str | None  # None: the gold gives no speaker to check; "": the article names nobody
    kind: str
    optional: bool
    aliases: tuple[str, ...]
    resolved: bool
    parts: tuple[Span, ...] = ()  # the content's own spans (PolNeAR); empty: the whole span
    speaker_spans: tuple[Span, ...] = ()

    @property
    def spans(self) -> tuple[Span, ...]:
        return self.parts or ((self.start, self.end),)


@dataclass(frozen=True, slots=True)
class Unit:
    """One predicted attribution: a quote, or the parts of one split utterance (PolNeAR scoring)."""

    spans: tuple[Span, ...]
    quote: ExtractedQuote  # the first part: speaker, kind and evidence

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(slots=True)
class Report:
    thresholds: tuple[float, ...]
    overall: dict[float, Tally] = field(default_factory=dict)
    by_kind: dict[tuple[float, str], Tally] = field(default_factory=dict)
    attributions: list[Attribution] = field(default_factory=list)
    surface: bool = False  # PolNeAR: speakers scored as surface attachment (span overlap)
    documents: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def speakers(self) -> SpeakerFigures:
        return SpeakerFigures.of(self.attributions)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers.accuracy

    def speakers_by_kind(self) -> dict[str, SpeakerFigures]:
        kinds = sorted({a.gold_kind for a in self.attributions}, key=kind_order)
        return {k: SpeakerFigures.of(a for a in self.attributions if a.gold_kind == k) for k in kinds}

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "overall": {pct(t): self.overall[t].as_dict() for t in self.thresholds},
            "by_kind": {
                kind: {pct(t): self.by_kind[(t, kind)].as_dict() for t in self.thresholds}
                for kind in KINDS if any(self.by_kind[(t, kind)].tp + self.by_kind[(t, kind)].fn
                                         for t in self.thresholds)
            },
            "speaker_scoring": "surface" if self.surface else "resolved",
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_checked": self.speakers.checked,
            "speakers": self.speakers.as_dict(),
            "speakers_by_kind": {k: v.as_dict() for k, v in self.speakers_by_kind().items()},
            "calibration": [row.as_dict() for row in calibration(self.attributions)],
            "by_resolution": [row.as_dict() for row in by_resolution(self.attributions)],
        }


def _bool(v: Any) -> bool:
    return v is True or str(v).lower() == "true"


def _aliases(v: Any) -> tuple[str, ...]:
    if isinstance(v, list):
        return tuple(str(x) for x in v)
    if isinstance(v, str) and v.strip().startswith("["):
        try:
            return tuple(str(x) for x in json.loads(v.replace("'", '"')))
        except json.JSONDecodeError:
            return ()
    return ()


def _spans(v: Any) -> tuple[Span, ...]:
    if not isinstance(v, list):
        return ()
    out = []
    for item in v:
        if isinstance(item, list | tuple) and len(item) == 2 and int(item[1]) > int(item[0]):
            out.append((int(item[0]), int(item[1])))
    return tuple(sorted(out))


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
    return docs


def gold_quotes(doc: dict[str, Any], kinds: Iterable[str] | None = None) -> list[GoldQuote]:
    wanted = set(kinds) if kinds else None
    out = []
    for q in doc.get("quotes", []):
        if wanted and q.get("kind") not in wanted:
            continue
        if int(q["end"]) <= int(q["start"]):
            continue  # a malformed span (PolNeAR dev has nine with end < start): nothing could match it
        speaker = q.get("speaker")
        out.append(GoldQuote(int(q["start"]), int(q["end"]), None if speaker is None else str(speaker),
                             q.get("kind", "direct"), _bool(q.get("optional")), _aliases(q.get("speaker_aliases")),
                             _bool(q.get("speaker_resolved", True)), _spans(q.get("parts")),
                             _spans(q.get("speaker_spans"))))
    return out


def _inter(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _overlap(g: GoldQuote, p: ExtractedQuote | Unit) -> float:
    """The fraction of the gold quote's characters the prediction covers."""
    pred = p.spans if isinstance(p, Unit) else ((p.start, p.end),)
    covered = sum(_inter(gs, ps) for gs in g.spans for ps in pred)
    return min(1.0, covered / max(1, sum(e - s for s, e in g.spans)))


def units(preds: list[ExtractedQuote], *, group_parts: bool) -> list[Unit]:
    """Predicted attributions: each quote alone, or (``group_parts``) an utterance's parts together."""
    ordered = sorted(preds, key=lambda q: (q.start, q.end))
    if not group_parts:
        return [Unit(((q.start, q.end),), q) for q in ordered]
    # PolNeAR's convention: a reported clause with verbatim words in it is one "direct" attribution.
    # We store such a clause as indirect speech and its quoted words as direct quotes; scored
    # against PolNeAR, the clause stands for both, as a direct quote.
    inner = {id(d) for c in ordered if c.kind == "indirect" for d in ordered
             if d.kind == "direct" and c.start <= d.start and d.end <= c.end}
    mixed = {id(c) for c in ordered if c.kind == "indirect" and any(
        d.kind == "direct" and c.start <= d.start and d.end <= c.end for d in ordered)}
    ordered = [replace(q, kind="direct") if id(q) in mixed else q for q in ordered if id(q) not in inner]
    groups: dict[int, list[ExtractedQuote]] = {}
    out: list[Unit] = []
    for q in ordered:
        if q.utterance is None:
            out.append(Unit(((q.start, q.end),), q))
        else:
            groups.setdefault(q.utterance, []).append(q)
    out += [Unit(tuple((q.start, q.end) for q in parts), parts[0]) for parts in groups.values()]
    return sorted(out, key=lambda u: u.spans)


def _match(gold: list[GoldQuote], preds: list[Unit], threshold: float) -> list[tuple[int, int]]:
    pairs = sorted(
        ((ov, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)
         if (ov := _overlap(g, p)) > threshold),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _name(name: str) -> tuple[str, ...]:
    """A name's words for comparison: case and spaces folded, a possessive and a leading 'the' dropped."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in fold(name).split()]
    return tuple(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def speaker_matches(gold: GoldQuote, predicted: str | None) -> bool:
    """The predicted name is the gold speaker or one of its aliases (case, spaces, a possessive and a
    leading 'the' aside: "Saudi Arabia Civil Defense Authority" is "Saudi Arabia's Civil Defense Authority")."""
    if not predicted or not gold.speaker:
        return False
    return _name(predicted) in {_name(gold.speaker), *(_name(a) for a in gold.aliases)}


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n < len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def name_form_differs(gold: GoldQuote, predicted: str) -> bool:
    """The predicted name is a run of words of the gold name or an alias, or contains one whole."""
    mine = _name(predicted)
    return any(_within(mine, n) or _within(n, mine) for n in (_name(gold.speaker or ""),
                                                              *(_name(a) for a in gold.aliases)))


def outcome(gold: GoldQuote, pred: ExtractedQuote) -> Outcome | None:
    """How ``pred`` attributes the quote ``gold``; None when the gold gives nothing to check.

    On surface gold a name counts as right when it was read from the gold source mention; whether
    the mention is right regardless of naming is :func:`attached`.
    """
    if not gold.resolved:
        if not gold.speaker_spans:  # PolNeAR marks no source mention: nobody in the text said it
            return "abstained" if pred.speaker is None else "misattributed"
        if pred.speaker is None:
            return "unattributed"
        if pred.speaker_start is None or pred.speaker_end is None:
            return "unplaced"
        return "right" if attached(gold, pred) else "misattributed"
    if gold.speaker is None:
        return None
    if not gold.speaker:
        return "abstained" if pred.speaker is None else "misattributed"
    if pred.speaker is None:
        return "unattributed"
    if speaker_matches(gold, pred.speaker):
        return "right"
    return "partial" if name_form_differs(gold, pred.speaker) else "misattributed"


def attached(gold: GoldQuote, pred: ExtractedQuote) -> bool | None:
    """Surface gold: is the quote attached to the gold source mention? Scored apart from naming — a
    quote attached to the right "he" is attached right even when we declined to say who "he" is; a
    quote PolNeAR gives no source mention is attached right when we point at none. None on resolved gold.
    """
    if gold.resolved:
        return None
    if pred.speaker_start is None or pred.speaker_end is None:
        return not gold.speaker_spans
    mine = (pred.speaker_start, pred.speaker_end)
    return any(_inter(mine, s) for s in gold.speaker_spans)


def evaluate(
    docs: list[dict[str, Any]],
    extractor: Extractor,
    *,
    thresholds: tuple[float, ...] = (0.3, 0.8),
    kinds: Iterable[str] | None = None,
) -> Report:
    """Run ``extractor`` over every gold document and score it."""
    wanted = list(kinds) if kinds else None
    report = Report(thresholds)
    for t in thresholds:
        report.overall[t] = Tally()
        for k in KINDS:
            report.by_kind[(t, k)] = Tally()
    for doc in docs:
        report.documents += 1
        _score_document(report, doc, extractor(doc["text"], doc.get("title")), wanted)
    return report


def _score_document(report: Report, doc: dict[str, Any], extracted: list[ExtractedQuote],
                    wanted: list[str] | None) -> None:
    thresholds = report.thresholds
    gold = gold_quotes(doc, wanted)
    every = gold_quotes(doc)
    split_gold = any("parts" in q for q in doc.get("quotes", []))  # PolNeAR keeps split quotes whole
    report.surface = report.surface or any(not g.resolved for g in every)
    preds = units(extracted, group_parts=split_gold)
    if wanted:
        # Scoring one kind: a prediction of another kind is neither right nor wrong here,
        # unless it overlaps no gold quote at all (then it is a false alarm of this kind).
        # A question is one turn of a transcript: it is scored with the transcripts.
        scored = set(wanted) | ({"question"} if "transcript" in wanted else set())
        preds = [p for p in preds if p.quote.kind in scored or not any(_overlap(g, p) > 0 for g in every)]
    for t in thresholds:
        matched = _match(gold, preds, t)
        mg = {gi for gi, _ in matched}
        mp = {pi for _, pi in matched}
        # Optional gold quotes: found ones are not counted; an unmatched prediction that
        # overlaps an optional quote is not a false alarm.
        tally, first = report.overall[t], t == thresholds[0]
        for gi, pi in matched:
            g, p = gold[gi], preds[pi].quote
            if g.optional:
                continue
            tally.tp += 1
            report.by_kind[(t, g.kind)].tp += 1
            if first and (how := outcome(g, p)) is not None:
                report.attributions.append(Attribution(how, p.kind, g.kind, p.resolution or "none",
                                                       p.confidence, attached(g, p)))
                if how in ("misattributed", "partial", "unattributed", "unplaced"):
                    report.errors.append(_error(how, doc, g, preds[pi]))
        for gi, g in enumerate(gold):
            if gi not in mg and not g.optional:
                tally.fn += 1
                report.by_kind[(t, g.kind)].fn += 1
                if first:
                    report.errors.append(_error("miss", doc, g, None))
        for pi, u in enumerate(preds):
            if pi in mp or any(g.optional and _overlap(g, u) > 0 for g in gold):
                continue
            if u.quote.kind == "question":
                continue  # no gold set labels questions as such (Wikinews leaves an unnamed interviewer's out)
            tally.fp += 1
            report.by_kind[(t, u.quote.kind if u.quote.kind in KINDS else "direct")].fp += 1
            if first:
                report.errors.append(_error("false alarm", doc, None, u))


def _error(what: str, doc: dict[str, Any], g: GoldQuote | None, u: Unit | None) -> dict[str, Any]:
    text = doc["text"]
    points = [*(g.spans if g else ()), *(g.speaker_spans if g else ()), *(u.spans if u else ())]
    p = u.quote if u else None
    mention = None
    if p is not None and p.speaker_start is not None and p.speaker_end is not None:
        mention = (p.speaker_start, p.speaker_end)
        points.append(mention)
    start = min(s for s, _ in points)
    end = max(e for _, e in points)
    return {
        "error": what,
        "doc": doc.get("id"),
        "gold": None if g is None else {
            "start": g.start, "end": g.end, "speaker": g.speaker, "kind": g.kind,
            "text": " … ".join(text[s:e] for s, e in g.spans),
            "speaker_spans": [[s, e, text[s:e]] for s, e in g.speaker_spans]},
        "predicted": None if p is None or u is None else {
            "start": u.start, "end": u.end, "speaker": p.speaker, "kind": p.kind, "cue": p.cue,
            "mention": p.mention, "resolution": p.resolution, "confidence": p.confidence,
            "speaker_span": None if mention is None else [mention[0], mention[1], text[mention[0]:mention[1]]],
            "parts": len(u.spans), "text": " … ".join(text[s:e] for s, e in u.spans)},
        "context": text[max(0, start - 200):min(len(text), end + 200)],
    }
