"""Transcript quality on the whole Kremlin corpus: what a reader would see wrong, counted.

    python bench/kremlin_transcripts.py [CORPUS] [--examples N]

CORPUS defaults to ../shared/corpora/kremlin_en.jsonl.gz (7,061 documents). Every document is
extracted as ingest does (text, title, lead) and the transcript quotes (kinds ``transcript`` and
``question``) are checked for the faults issue 10 counts; each should be 0:

- a quote that contains another turn label (a line inside it opens with "Name Surname:", or any
  "Name:" label of the same document appears in it): someone else's words under this speaker;
- a quote that is only a label fragment ("Vladimir", "Mr", "President of Russia"), an elision mark
  ("<…>") or a bare courtesy formula ("Thank you.", "Good afternoon, colleagues.");
- a quote cut mid-sentence by a hard wrap: it ends without sentence punctuation where the text goes
  on after a single newline, or starts in lower case right after a single newline.

The checks are written independently of the extractor's own rules (looser patterns), so the script
measures the extractor rather than restating it. ``--examples`` prints that many cases per fault.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.clean import fold_spaces  # noqa: E402
from corpus.extract import extract_quotes  # noqa: E402
from corpus.ingest import iter_documents  # noqa: E402
from corpus.models import Document, ExtractedQuote  # noqa: E402
from corpus.names import name_shape  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "kremlin_en.jsonl.gz"

# A line inside a quote that opens like a turn label: up to 12 words ending in two capitalised words.
_INNER_LABEL = re.compile(r"(?m)^[A-Z][^\n:,;!?“”\"«»]{0,100}?[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s?(?:\([^)\n]*\)\s*)?:\s")
# "Name Surname:" at a line start anywhere in a document: the labels of that document.
_DOC_LABEL = re.compile(
    r"(?:^|\n\n)(?P<role>[A-Z][^\n:.,;!?]{0,100}?\s)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s?:\s")
_OPENER = re.compile(r"^(?:And|But|So|The|A|An|I|We|You|He|She|They|It|This|That|My|Our|Here|There|Let)\b")


def _role_like(role: str | None) -> bool:
    """A role before a label's name: no sentence opener, at most two lower-case content words."""
    if not role:
        return True
    small = {"of", "the", "and", "for", "in", "on", "at", "to"}
    return not _OPENER.match(role) and sum(1 for w in role.split() if w.islower() and w not in small) <= 2
_ELISION = re.compile(r"^[\s<‹(\[]*(?:…|\.{3})[\s>›)\]]*$")
_COURTESY_SENTENCE = re.compile(
    r"(?i)(?:thank\s+you(?:\s+(?:very|so)\s+much|\s+all)?|thanks(?:\s+a\s+lot)?|many\s+thanks|"
    r"good\s+(?:morning|afternoon|evening|day|night|bye)|goodbye|hello|hi|welcome|"
    r"you\s+are\s+welcome|please|all\s+the\s+best|congratulations)"
    r"(?:\s*,\s*[^.!?,]{1,40}?){0,2}\s*[.!?…]*")
# A few capitalised words and no punctuation: what is left of a label a wrap cut ("Vladimir", "Mr").
_FRAGMENT = re.compile(r"^(?:[A-Z][\w'’-]*|of|the|and|for)(?:\s+(?:[A-Z][\w'’-]*|of|the|and|for)){0,3}$")
_TERMINAL = tuple(".!?…\"”»’)]:;—–-")


def label_inside(q: ExtractedQuote, labels: set[str]) -> bool:
    body = fold_spaces(q.text)
    for m in _INNER_LABEL.finditer(body):
        # A line start inside the quote after a finished sentence or a blank line (a line start after
        # a hard wrap mid-sentence, "…talks with⏎US President Barack Obama : the …", is no label),
        # ending in a person's name (corpus.names), not "Daylight Saving Time:".
        name = " ".join(m.group().rstrip(": ").split()[-2:])
        shape = name_shape(name)
        if m.start() > 0 and body[:m.start()].rstrip().endswith((".", "?", "!", "…", "”", ":")) \
                and shape is not None and shape.kind == "person":
            return True
    # A label of this document after a finished sentence or at a line start, not mid-sentence
    # ("… the exhibition Imperial Capitals: St Petersburg – Vienna").
    return any(re.search(rf"(?:^|\n|[.!?…”»]\s+){re.escape(name)}\s?:\s", body) for name in labels)


def bare(q: ExtractedQuote) -> str | None:
    """Which kind of non-quote ``q`` is, if it is one."""
    s = " ".join(fold_spaces(q.text).split())
    if _ELISION.match(s):
        return "elision mark"
    if _FRAGMENT.match(s):
        return "label fragment"
    rest = s
    while rest:
        m = _COURTESY_SENTENCE.match(rest)
        if not m or not m.group():
            return None
        rest = rest[m.end():].lstrip()
    return "courtesy formula"


def cut_by_wrap(q: ExtractedQuote, text: str) -> bool:
    after = text[q.end:q.end + 2]
    ends_open = not q.text.rstrip().endswith(_TERMINAL) and after[:1] == "\n" and after[1:2] not in ("\n", "")
    before = text[max(0, q.start - 2):q.start]
    starts_open = q.text[:1].islower() and before[-1:] == "\n" and before[:1] != "\n"
    return ends_open or starts_open


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    docs = [d for d in iter_documents([str(corpus)]) if isinstance(d, Document)]
    faults: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    resolutions: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    started = time.perf_counter()
    for doc in docs:
        quotes = extract_quotes(doc.text, doc.title, lead=doc.lead)
        labels = {m.group(2) for m in _DOC_LABEL.finditer(fold_spaces(doc.text)) if _role_like(m.group("role"))
                  and (shape := name_shape(m.group(2))) is not None and shape.kind == "person"}
        for q in quotes:
            kinds[q.kind] += 1
            resolutions[f"{q.kind}/{q.resolution}"] += 1
            found = []
            if q.kind in ("transcript", "question"):
                if label_inside(q, labels - ({q.speaker} if q.speaker else set())):
                    found.append("contains another turn label")
                if cut_by_wrap(q, doc.text):
                    found.append("cut mid-sentence by a hard wrap")
            what = bare(q)
            if what:
                side = "transcript" if q.kind in ("transcript", "question") else "direct/indirect"
                found.append(f"{what} stored as a quote ({side})")
            for f in found:
                faults[f] += 1
                if len(examples.setdefault(f, [])) < args.examples:
                    examples[f].append(f"{doc.doc_id}: {q.speaker!r} {q.text[:160]!r}")
    elapsed = time.perf_counter() - started
    print(f"corpus: {corpus.name}, {len(docs)} documents, extracted in {elapsed:.1f} s "
          f"({len(docs) / elapsed:.0f} docs/s)")
    print("quotes by kind: " + ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items())))
    print("transcript-side resolutions: " + ", ".join(
        f"{k} {v:,}" for k, v in sorted(resolutions.items()) if k.split("/")[0] in ("transcript", "question")
        or k.endswith("/lead") or k.endswith("/headline")))
    bare_faults = [f"{what} stored as a quote ({side})" for what in ("label fragment", "elision mark",
                   "courtesy formula") for side in ("transcript", "direct/indirect")]
    for fault in ("contains another turn label", *bare_faults, "cut mid-sentence by a hard wrap"):
        print(f"{fault}: {faults[fault]:,}")
        for ex in examples.get(fault, []):
            print(f"    {ex}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
