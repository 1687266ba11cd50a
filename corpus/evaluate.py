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

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from .eval_gold import GoldQuote, Span, attached, gold_quotes, intersection, load_gold, outcome
from .eval_tables import (
    KINDS,
    Attribution,
    SpeakerFigures,
    by_resolution,
    calibration,
    kind_order,
    pct,
)
from .models import ExtractedQuote

__all__ = ["ERROR_ORDER", "Extractor", "Report", "Tally", "evaluate", "gold_quotes", "load_gold"]

Extractor = Callable[[str, str | None], list[ExtractedQuote]]
# What the --errors file lists, worst first.
ERROR_ORDER = ("misattributed", "partial", "unplaced", "unattributed", "miss", "false alarm")


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


def _overlap(g: GoldQuote, p: ExtractedQuote | Unit) -> float:
    """The fraction of the gold quote's characters the prediction covers."""
    pred = p.spans if isinstance(p, Unit) else ((p.start, p.end),)
    covered = sum(intersection(gs, ps) for gs in g.spans for ps in pred)
    return min(1.0, covered / max(1, sum(e - s for s, e in g.spans)))


_DOUBLE_MARK = re.compile(r'[“”"]|\'\'|``')  # '' … '' and `` … '' too, as gold_kind reads the gold


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
    # PolNeAR's gold has it exactly so: an attribution is direct if and only if its content holds a
    # double quotation mark, so a clause quoting one word ("said it was “improper”") is direct too.
    mixed = {id(c) for c in ordered if c.kind == "indirect" and (any(
        d.kind == "direct" and c.start <= d.start and d.end <= c.end for d in ordered) or _DOUBLE_MARK.search(c.text))}
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
