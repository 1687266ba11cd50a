"""A small PNG chart of quotes per speaker for the digest, where a picture says it faster.

matplotlib (Agg backend, no display) is imported only when a chart is drawn; without it the
digest is text only.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

log = logging.getLogger(__name__)
MIN_SPEAKERS = 3  # with one or two speakers the text says it all
MAX_BARS = 10


def axis_limit(values: Sequence[int]) -> float:
    """The bar axis' end: the largest value, unless it dwarfs the rest (over 3× the runner-up);
    then 1.6× the runner-up, so the other bars stay readable and the big one is cut and labelled."""
    ordered = sorted(values, reverse=True)
    if len(ordered) >= 2 and ordered[1] > 0 and ordered[0] > 3 * ordered[1]:
        return ordered[1] * 1.6
    return float(max(ordered[0] if ordered else 1, 1))


def speaker_chart(counts: Sequence[tuple[str, int]], title: str) -> bytes | None:
    """Horizontal bars, most quoted on top; ``None`` when a chart would not help or cannot be drawn."""
    if len(counts) < MIN_SPEAKERS:
        return None
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot as plt
    except ImportError:
        log.info("matplotlib is not installed: digest without a chart")
        return None
    rows = list(counts)[:MAX_BARS][::-1]
    fig, ax = plt.subplots(figsize=(6, 0.45 * len(rows) + 1.2), dpi=100)
    try:
        values = [n for _, n in rows]
        limit = axis_limit(values)
        ax.barh([name for name, _ in rows], [min(n, limit) for n in values], color="#1d3557")
        for i, n in enumerate(values):
            if n > limit:  # one dominant speaker: its bar runs off the axis, its figure is written in
                ax.text(limit, i, f"{n:,} ▶ ", va="center", ha="right", fontsize=9, color="white",
                        fontweight="bold")
            else:
                ax.text(n, i, f" {n:,}", va="center", fontsize=9)
        ax.set_xlim(0, limit * 1.08)
        ax.set_title(title, fontsize=11, loc="left")
        ax.set_xlabel("quotes")
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)
