"""Score extracted quotes against hand-labelled gold (the format of shared/gold/seeds.jsonl).

A gold quote counts as found when one prediction covers more than ``threshold`` of its
characters; predictions and gold quotes are matched one-to-one (greedy, best overlap first).
Gold quotes marked ``optional`` count neither for recall nor, when found, against precision.
Speaker accuracy is measured over matched quotes whose gold speaker is a resolved name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import ExtractedQuote
from .store import fold

Extractor = Callable[[str, str | None], list[ExtractedQuote]]
KINDS = ("direct", "indirect", "transcript")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    speaker: str | None
    kind: str
    optional: bool
    aliases: tuple[str, ...]
    resolved: bool


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
    speaker_right: int = 0
    speaker_total: int = 0
    documents: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "overall": {f"{int(t * 100)}%": self.overall[t].as_dict() for t in self.thresholds},
            "by_kind": {
                kind: {f"{int(t * 100)}%": self.by_kind[(t, kind)].as_dict() for t in self.thresholds}
                for kind in KINDS if any(self.by_kind[(t, kind)].tp + self.by_kind[(t, kind)].fn
                                         for t in self.thresholds)
            },
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_checked": self.speaker_total,
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
        out.append(GoldQuote(int(q["start"]), int(q["end"]), q.get("speaker"), q.get("kind", "direct"),
                             _bool(q.get("optional")), _aliases(q.get("speaker_aliases")),
                             _bool(q.get("speaker_resolved", True))))
    return out


def _overlap(g: GoldQuote, p: ExtractedQuote) -> float:
    inter = min(g.end, p.end) - max(g.start, p.start)
    return max(0, inter) / max(1, g.end - g.start)


def _match(gold: list[GoldQuote], preds: list[ExtractedQuote], threshold: float) -> list[tuple[int, int]]:
    pairs = sorted(
        ((ov, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)
         if (ov := _overlap(g, p)) > threshold),
        reverse=True,
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


def speaker_matches(gold: GoldQuote, predicted: str | None) -> bool:
    if not predicted or not gold.speaker:
        return False
    names = {fold(gold.speaker), *(fold(a) for a in gold.aliases)}
    return fold(predicted) in names


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
        text = doc["text"]
        gold = gold_quotes(doc, wanted)
        preds = extractor(text, doc.get("title"))
        if wanted:
            # Scoring one kind: a prediction of another kind is neither right nor wrong here,
            # unless it overlaps no gold quote at all (then it is a false alarm of this kind).
            every = gold_quotes(doc)
            preds = [p for p in preds if p.kind in wanted or not any(_overlap(g, p) > 0 for g in every)]
        for t in thresholds:
            matched = _match(gold, preds, t)
            mg = {gi for gi, _ in matched}
            mp = {pi for _, pi in matched}
            # Optional gold quotes: found ones are not counted; an unmatched prediction that
            # overlaps an optional quote is not a false alarm.
            tally, first = report.overall[t], t == thresholds[0]
            for gi, pi in matched:
                g = gold[gi]
                if g.optional:
                    continue
                tally.tp += 1
                report.by_kind[(t, g.kind)].tp += 1
                if first and g.resolved and g.speaker:
                    report.speaker_total += 1
                    if speaker_matches(g, preds[pi].speaker):
                        report.speaker_right += 1
                    else:
                        report.errors.append(_error("wrong speaker", doc, g, preds[pi]))
            for gi, g in enumerate(gold):
                if gi not in mg and not g.optional:
                    tally.fn += 1
                    report.by_kind[(t, g.kind)].fn += 1
                    if first:
                        report.errors.append(_error("miss", doc, g, None))
            for pi, p in enumerate(preds):
                if pi in mp or any(g.optional and _overlap(g, p) > 0 for g in gold):
                    continue
                tally.fp += 1
                report.by_kind[(t, p.kind if p.kind in KINDS else "direct")].fp += 1
                if first:
                    report.errors.append(_error("false alarm", doc, None, p))
    return report


def _error(what: str, doc: dict[str, Any], g: GoldQuote | None, p: ExtractedQuote | None) -> dict[str, Any]:
    text = doc["text"]
    start = g.start if g else p.start  # type: ignore[union-attr]
    end = g.end if g else p.end  # type: ignore[union-attr]
    return {
        "error": what,
        "doc": doc.get("id"),
        "gold": None if g is None else {"start": g.start, "end": g.end, "speaker": g.speaker, "kind": g.kind,
                                        "text": text[g.start:g.end]},
        "predicted": None if p is None else {"start": p.start, "end": p.end, "speaker": p.speaker,
                                             "kind": p.kind, "cue": p.cue, "mention": p.mention,
                                             "text": p.text},
        "context": text[max(0, start - 200):min(len(text), end + 200)],
    }


def format_report(report: Report) -> str:
    lines = [f"documents: {report.documents}"]
    for t in report.thresholds:
        a = report.overall[t]
        lines.append(f"overlap >{int(t * 100)}%: precision {a.precision:.3f}  recall {a.recall:.3f}  "
                     f"F1 {a.f1:.3f}  (tp {a.tp}, fp {a.fp}, fn {a.fn})")
    for kind in KINDS:
        parts = []
        for t in report.thresholds:
            k = report.by_kind[(t, kind)]
            if k.tp + k.fn + k.fp:
                parts.append(f">{int(t * 100)}%: P {k.precision:.3f} R {k.recall:.3f} F1 {k.f1:.3f}")
        if parts:
            lines.append(f"  {kind:<10} " + "  ".join(parts))
    lines.append(f"speaker accuracy: {report.speaker_accuracy:.3f} "
                 f"({report.speaker_right}/{report.speaker_total} matched quotes)")
    return "\n".join(lines)
