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
        ax.barh([name for name, _ in rows], [n for _, n in rows], color="#1d3557")
        for i, (_, n) in enumerate(rows):
            ax.text(n, i, f" {n}", va="center", fontsize=9)
        ax.set_title(title, fontsize=11, loc="left")
        ax.set_xlabel("quotes")
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)
