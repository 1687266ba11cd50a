"""The attribution side of ``quotebot eval``: outcomes, speaker figures, calibration tables, text report.

A calibration table answers "when the extractor says c, is it right a fraction c of the time?"
over matched quotes that were given a speaker; the table by (resolution, kind) gives the fraction
right for each way of attributing, so confidences per resolution can be set from data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .evaluate import Report

KINDS = ("direct", "indirect", "transcript", "question")
Outcome = Literal["right", "partial", "misattributed", "unattributed", "abstained", "unplaced"]
OUTCOMES: tuple[Outcome, ...] = ("right", "partial", "misattributed", "unattributed", "abstained", "unplaced")
# Confidence buckets [lo, hi); the last one is closed (1.0 belongs to it).
BUCKETS: tuple[tuple[float, float], ...] = (
    (0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.0),
)


def pct(t: float) -> str:
    return f"{round(t * 100)}%"


def kind_order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


@dataclass(frozen=True, slots=True)
class Attribution:
    """How one matched quote was attributed (a row the tables are counted from)."""

    outcome: Outcome
    kind: str           # the predicted kind (what the extractor knows when it sets a confidence)
    gold_kind: str
    resolution: str     # ExtractedQuote.resolution, "none" when the extractor gave none
    confidence: float
    attached: bool | None = None  # surface gold: the quote points at the gold source mention

    @property
    def named(self) -> bool:
        return self.outcome in ("right", "partial", "misattributed", "unplaced")


@dataclass(frozen=True, slots=True)
class SpeakerFigures:
    """Attribution figures over a set of matched quotes."""

    outcomes: Counter[str]
    attachment: Counter[bool]  # surface gold only: attached right (True) or not (False)

    @classmethod
    def of(cls, attributions: Iterable[Attribution]) -> SpeakerFigures:
        rows = list(attributions)
        return cls(Counter(a.outcome for a in rows), Counter(a.attached for a in rows if a.attached is not None))

    @property
    def attached_right(self) -> float:
        """Surface gold: the fraction of matched quotes attached to the gold source mention."""
        n = self.attachment[True] + self.attachment[False]
        return self.attachment[True] / n if n else 0.0

    @property
    def checked(self) -> int:
        return sum(self.outcomes.values())

    @property
    def named(self) -> int:
        o = self.outcomes
        return o["right"] + o["partial"] + o["misattributed"] + o["unplaced"]

    @property
    def accuracy(self) -> float:
        """Right names and right abstentions over all checked quotes."""
        good = self.outcomes["right"] + self.outcomes["abstained"]
        return good / self.checked if self.checked else 0.0

    @property
    def precision(self) -> float:
        """Right names over names given."""
        return self.outcomes["right"] / self.named if self.named else 0.0

    @property
    def misattribution(self) -> float:
        """Wrong names over names given."""
        return self.outcomes["misattributed"] / self.named if self.named else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"checked": self.checked, "named": self.named, "accuracy": round(self.accuracy, 4),
                "precision": round(self.precision, 4), "misattribution": round(self.misattribution, 4),
                **{k: self.outcomes[k] for k in OUTCOMES},
                **({"attached_right": round(self.attached_right, 4), "attached": self.attachment[True]}
                   if self.attachment else {})}

    def line(self) -> str:
        o = self.outcomes
        unplaced = f", {o['unplaced']} without a speaker span" if o["unplaced"] else ""
        partial = f", {o['partial']} right person in a wrong name form" if o["partial"] else ""
        attached = (f"attached right {self.attached_right:.3f} "
                    f"({self.attachment[True]}/{self.attachment[True] + self.attachment[False]})  "
                    if self.attachment else "")
        return (f"{attached}accuracy {self.accuracy:.3f}  precision {self.precision:.3f}  "
                f"misattribution {self.misattribution:.3f} ({o['misattributed']}/{self.named} named)  "
                f"unattributed {o['unattributed']}, abstained right {o['abstained']}{partial}{unplaced}  "
                f"[{self.checked} matched]")


@dataclass(frozen=True, slots=True)
class Row:
    """A table row: how many named attributions fall here and the fraction of them that is right."""

    key: tuple[str, ...]
    count: int
    right: int
    mean_confidence: float

    @property
    def accuracy(self) -> float:
        return self.right / self.count if self.count else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"key": list(self.key), "count": self.count, "right": self.right,
                "accuracy": round(self.accuracy, 4), "mean_confidence": round(self.mean_confidence, 4)}


def _row(key: tuple[str, ...], group: Sequence[Attribution]) -> Row:
    n = len(group)
    return Row(key, n, sum(a.outcome == "right" for a in group),
               sum(a.confidence for a in group) / n if n else 0.0)


def bucket_of(confidence: float) -> tuple[float, float]:
    for lo, hi in BUCKETS:
        if lo <= confidence < hi:
            return lo, hi
    return BUCKETS[-1] if confidence >= 1.0 else BUCKETS[0]


def calibration(attributions: Iterable[Attribution]) -> list[Row]:
    """Named attributions per confidence bucket (empty buckets left out)."""
    named = [a for a in attributions if a.named]
    rows = []
    for lo, hi in BUCKETS:
        group = [a for a in named if bucket_of(a.confidence) == (lo, hi)]
        if group:
            close = "]" if hi == BUCKETS[-1][1] else ")"
            rows.append(_row((f"[{lo:.2f}, {hi:.2f}{close}",), group))
    return rows


def by_resolution(attributions: Iterable[Attribution]) -> list[Row]:
    """Named attributions per (resolution, predicted kind), most frequent first."""
    groups: dict[tuple[str, str], list[Attribution]] = {}
    for a in attributions:
        if a.named:
            groups.setdefault((a.resolution, a.kind), []).append(a)
    rows = [_row(key, group) for key, group in groups.items()]
    return sorted(rows, key=lambda r: (-r.count, r.key))


def format_table(title: str, header: str, rows: list[Row]) -> list[str]:
    if not rows:
        return [f"{title}: no named attributions"]
    width = max(len(header), *(len(" / ".join(r.key)) for r in rows))
    lines = [f"{title}:", f"  {header:<{width}}  {'count':>6}  {'right':>6}  {'accuracy':>8}  {'mean conf':>9}"]
    for r in rows:
        lines.append(f"  {' / '.join(r.key):<{width}}  {r.count:>6}  {r.right:>6}  {r.accuracy:>8.3f}  "
                     f"{r.mean_confidence:>9.3f}")
    return lines


def format_report(report: Report, *, resolutions: bool = False) -> str:
    lines = [f"documents: {report.documents}"]
    for t in report.thresholds:
        a = report.overall[t]
        lines.append(f"overlap >{pct(t)}: precision {a.precision:.3f}  recall {a.recall:.3f}  "
                     f"F1 {a.f1:.3f}  (tp {a.tp}, fp {a.fp}, fn {a.fn})")
    for kind in KINDS:
        parts = []
        for t in report.thresholds:
            k = report.by_kind[(t, kind)]
            if k.tp + k.fn + k.fp:
                parts.append(f">{pct(t)}: P {k.precision:.3f} R {k.recall:.3f} F1 {k.f1:.3f}")
        if parts:
            lines.append(f"  {kind:<10} " + "  ".join(parts))
    how = ("surface speaker (speaker_span overlaps a gold speaker span)" if report.surface
           else "resolved speaker name")
    lines.append(f"speakers, {how}, over quotes matched at >{pct(report.thresholds[0])}:")
    lines.append(f"  all        {report.speakers.line()}")
    for kind, figures in report.speakers_by_kind().items():
        lines.append(f"  {kind:<10} {figures.line()}")
    lines += format_table("calibration (named attributions)", "confidence", calibration(report.attributions))
    if resolutions:
        lines += format_table("right by resolution and kind", "resolution / kind", by_resolution(report.attributions))
    return "\n".join(lines)
