"""Extraction defects counted over a whole corpus (extraction only, no database), and a hand-audit sampler.

    python bench/bench_quality.py [CORPUS] [--examples K] [--workers W]
    python bench/bench_quality.py [CORPUS] --sample N [--seed S]

CORPUS defaults to ../shared/corpora/kremlin_en.jsonl.gz. Counts (issue 10 wants each at 0):
transcript quotes holding another turn label; quotes that are label fragments, elision marks,
bare greetings or bare forms of address ("Mr President, colleagues,"); transcript quotes cut
mid-sentence by a hard wrap; speakers among the top 500 by quote count that are not a person's
or an organisation's name (corpus.names.name_shape). Prints K examples per category, so they can
be fixed. ``--sample N`` instead prints N random attributed quotes with speaker, resolution,
confidence and 200 characters of context, for a hand audit.
"""

from __future__ import annotations

import argparse
import inspect
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import defects  # noqa: E402
from corpus.extract import extract_quotes  # noqa: E402
from corpus.ingest import iter_documents  # noqa: E402
from corpus.models import Document, ExtractedQuote  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "kremlin_en.jsonl.gz"
TOP_SPEAKERS = 500
CATEGORIES = ("turn label inside", "label fragment", "elision mark", "bare greeting", "bare salutation",
              "cut by hard wrap")
_TAKES_LEAD = "lead" in inspect.signature(extract_quotes).parameters


@dataclass(frozen=True, slots=True)
class Hit:
    category: str
    doc: int
    start: int
    end: int
    note: str


@dataclass(frozen=True, slots=True)
class Attributed:
    doc: int
    quote: ExtractedQuote


@dataclass(slots=True)
class Result:
    quotes: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    hits: list[Hit] = field(default_factory=list)
    speakers: Counter[str] = field(default_factory=Counter)
    attributed: list[Attributed] = field(default_factory=list)


def _extract(doc: Document) -> list[ExtractedQuote]:
    if _TAKES_LEAD:  # the article's lead, once the extractor reads it
        return extract_quotes(doc.text, doc.title, lead=doc.lead)  # type: ignore[call-arg]
    return extract_quotes(doc.text, doc.title)


def check(batch: list[tuple[int, Document]]) -> Result:
    out = Result()
    for i, doc in batch:
        for q in _extract(doc):
            out.quotes += 1
            out.kinds[q.kind] += 1
            if q.speaker:
                out.speakers[q.speaker] += 1
                out.attributed.append(Attributed(i, q))
            label = defects.contains_turn_label(q)
            if label:
                out.hits.append(Hit("turn label inside", i, q.start, q.end, f"label {label!r}"))
            if defects.label_fragment(q):
                out.hits.append(Hit("label fragment", i, q.start, q.end, ""))
            if defects.elision_only(q):
                out.hits.append(Hit("elision mark", i, q.start, q.end, ""))
            if defects.courtesy_only(q):
                out.hits.append(Hit("bare greeting", i, q.start, q.end, ""))
            elif defects.salutation_only(q):
                out.hits.append(Hit("bare salutation", i, q.start, q.end, ""))
            cut = defects.cut_by_hard_wrap(q, doc.text)
            if cut:
                out.hits.append(Hit("cut by hard wrap", i, q.start, q.end, f"cut at its {cut}"))
    return out


def _batches(docs: list[Document], size: int = 100) -> Iterator[list[tuple[int, Document]]]:
    for k in range(0, len(docs), size):
        yield list(enumerate(docs[k:k + size], k))


def run(docs: list[Document], workers: int) -> Result:
    total = Result()
    with Pool(workers) as pool:
        for part in pool.imap_unordered(check, _batches(docs)):
            total.quotes += part.quotes
            total.kinds.update(part.kinds)
            total.hits += part.hits
            total.speakers.update(part.speakers)
            total.attributed += part.attributed
    return total


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _show(docs: list[Document], hit: Hit) -> str:
    doc = docs[hit.doc]
    text = doc.text
    quote = _one_line(text[hit.start:hit.end])
    quote = quote if len(quote) <= 160 else quote[:100] + " … " + quote[-50:]
    before = _one_line(text[max(0, hit.start - 60):hit.start])
    after = text[hit.end:hit.end + 60].replace("\n", "⏎")
    note = f" ({hit.note})" if hit.note else ""
    return f"    {doc.doc_id or hit.doc}{note}: …{before} ⟦{quote}⟧ {after}…"


def report(docs: list[Document], result: Result, examples: int, rng: random.Random) -> None:
    by_cat: dict[str, list[Hit]] = {c: [] for c in CATEGORIES}
    for hit in result.hits:
        by_cat[hit.category].append(hit)
    kinds = ", ".join(f"{k} {v:,}" for k, v in result.kinds.most_common())
    print(f"quotes: {result.quotes:,} ({kinds}); attributed {len(result.attributed):,}")
    how = Counter(a.quote.resolution or "none" for a in result.attributed)
    unplaced = sum(a.quote.speaker_start is None for a in result.attributed)
    print("  attributed by resolution: " + ", ".join(f"{k} {v:,}" for k, v in how.most_common())
          + f"; without a speaker_span: {unplaced:,}")
    print("  (a quote can fall in more than one category below)")
    for cat in CATEGORIES:
        hits = sorted(by_cat[cat], key=lambda h: (h.doc, h.start))
        what = Counter(_one_line(docs[h.doc].text[h.start:h.end])[:40] for h in hits).most_common(5)
        common = "; most common: " + ", ".join(f"{t!r} ×{n}" for t, n in what) if hits and cat != "turn label inside" \
            and cat != "cut by hard wrap" else ""
        notes = Counter(h.note for h in hits if h.note).most_common(3) if cat == "cut by hard wrap" else []
        extra = "; " + ", ".join(f"{n} ×{c}" for n, c in notes) if notes else ""
        print(f"{cat}: {len(hits):,} (target 0){common}{extra}")
        for hit in rng.sample(hits, min(examples, len(hits))):
            print(_show(docs, hit))
    top = result.speakers.most_common(TOP_SPEAKERS)
    bad = [(name, n) for name, n in top if defects.not_a_name(name)]
    print(f"speakers not a person or organisation name, top {len(top)} by quote count: {len(bad)} (target 0)")
    for name, n in bad[:max(examples, 10)]:
        print(f"    {name!r}: {n} quotes")


def sample(docs: list[Document], result: Result, n: int, rng: random.Random) -> None:
    pool = sorted(result.attributed, key=lambda a: (a.doc, a.quote.start, a.quote.end))
    picks = rng.sample(pool, min(n, len(pool)))
    for k, a in enumerate(picks, 1):
        q, text = a.quote, docs[a.doc].text
        span = "" if q.speaker_start is None or q.speaker_end is None else \
            f" from {_one_line(text[q.speaker_start:q.speaker_end])!r} [{q.speaker_start},{q.speaker_end}]"
        utterance = "" if q.utterance is None else f", part of the utterance at {q.utterance}"
        print(f"[{k}] {docs[a.doc].doc_id}  {q.speaker}  ({q.kind}, {q.resolution or 'no resolution'}, "
              f"confidence {q.confidence:.2f}{span}{utterance})")
        quote = _one_line(q.text)
        quote = quote if len(quote) <= 300 else quote[:200] + " … " + quote[-80:]
        print(f"    …{_one_line(text[max(0, q.start - 200):q.start])} ⟦{quote}⟧ "
              f"{_one_line(text[q.end:q.end + 100])}…")
        print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--examples", type=int, default=5, help="examples printed per category")
    parser.add_argument("--sample", type=int, default=0, help="print N random attributed quotes instead")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    docs = [d for d in iter_documents([str(corpus)]) if isinstance(d, Document)]
    started = time.perf_counter()
    result = run(docs, args.workers)
    elapsed = time.perf_counter() - started
    rng = random.Random(args.seed)
    if args.sample:
        sample(docs, result, args.sample, rng)
        return 0
    print(f"corpus: {corpus.name}, {len(docs):,} documents, extracted in {elapsed:.1f} s with {args.workers} "
          f"workers (load average {os.getloadavg()[0]:.2f})")
    report(docs, result, args.examples, rng)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
