"""The world given-name table: build it from nomquamgender, and measure how many gold speakers' given names we know.

    pip install --no-deps 'nomquamgender==0.1.4'   # build only (its data file; the product reads the table)
    python bench/given_names.py build            # writes corpus/data/given_names_world.tsv
    python bench/given_names.py coverage [GOLD ...]

``build`` reads nomquamgender's name_data.json (Van Buskirk, Clauset and Larremore's name-gender
association data: 720,000 names with, per name, how many of its ~36 public sources list it, how
many people bear it, and the fraction of them gendered female; MIT licence) without importing the
package (which imports pandas), and keeps the names the product can rely on:

- listed by at least ``MIN_SOURCES`` sources for at least ``MIN_COUNT`` people (the single-source
  tail holds "the", "&gt;basti&lt;", …);
- one word of letters (hyphen or apostrophe inside), at least two letters;
- gender ``m``/``f`` when at least 95 % of bearers are one gender; ``m?``/``f?`` when at least
  90 % are ("Corey", "Stacey", but also "Lindsey" for Lindsey Graham): a given name, but the
  product takes no gender from it; else ``-`` (known as a given name, gender
  not told) — and a ``-`` name only when widely attested (``MIN_SOURCES_UNISEX``,
  ``MIN_COUNT_UNISEX``), since "Jordan", "Taylor" are surnames as often;
- never an English word news copy writes in lower case (``ENGLISH``: "are", "will", "major",
  "aide"): such a word at a sentence's start is no given name.

The product (corpus/names.py) reads the table once into one dict; the curated
data/given_names.txt wins where both know a name, and words in data/name_words.toml's lists
(roles, places, common words) are never given names from this table.

``coverage`` prints, per gold file, the fraction of distinct given names of gold speakers that
look like a person's full name which the curated lexicon alone, and with the world table, knows.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "corpus" / "data" / "given_names_world.tsv"
GOLD = ROOT.parent / "shared" / "gold"
SOURCE_VERSION = "0.1.4"
MIN_SOURCES, MIN_COUNT = 8, 1000
MIN_SOURCES_UNISEX, MIN_COUNT_UNISEX = 15, 20000
DECISIVE = 0.05  # p(female) at most this is "m", at least 1 - this is "f"
LEAN = 0.1  # at most this "m?", at least 1 - this "f?": mostly one gender (nomquamgender's own default threshold)
_WORD = re.compile(r"^[a-z]{2,}(?:[-'][a-z]{2,})?$")
# Words the source lists as given names that news copy mostly writes in lower case. Real given names that
# are also words ("Hope", "Grace", "Rose", "Victor") stay: a capitalised one before a surname is a name.
ENGLISH = frozenset(
    """
are will any don into job major minor line else guy beat aide nine rich price mate per miles link art harsh
constant bear boy skip odd slim marry elder chip norm fares roar aura lady prince junior general media real
able summer winter lawyer laid harm pastor master innocent mine fee bright legend dynasty ton gala akin
rowdy essence branch spike prudent lion wolf ally unity freedom peace cash praise honor honour loyal storm
passion liberty rebel urban honesty vital hero tiny brain ocean sincere shadow lone lane lean bent pink rein
tale sun tally wisdom sky rain echo dash blessing journey manual rainy sole heaven con grit elect just
many even come long early little live rise born ask seven love age true star tone floor page wing deep
ran worth era legacy blue promise carry truly knowledge spring happy red pace unique male cross arena fan
channel loan desire fate spirit jet dream memory fortune baby joke visa silver shy solve hung king queen
duke baron count judge deputy chief captain bishop pope saint city lord sir dame said says
""".split()  # noqa: SIM905 (a word list reads better as one string)
)


_MIT = """
Copyright (c) 2022 Ian Van Buskirk

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def _source_file() -> Path:
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"nomquamgender is not installed: pip install --no-deps 'nomquamgender=={SOURCE_VERSION}'")
    return Path(next(iter(spec.submodule_search_locations))) / "name_data.json"


def build() -> None:
    src = _source_file()
    raw = src.read_bytes()
    data: dict[str, list] = json.loads(raw)
    rows: list[tuple[str, str]] = []
    for name, entry in data.items():
        sources, count, p_female = entry[0], entry[1], entry[2]
        if not _WORD.match(name) or name in ENGLISH or sources < MIN_SOURCES or count < MIN_COUNT:
            continue
        if p_female <= DECISIVE:
            rows.append((name, "m"))
        elif p_female >= 1 - DECISIVE:
            rows.append((name, "f"))
        elif p_female <= LEAN:
            rows.append((name, "m?"))
        elif p_female >= 1 - LEAN:
            rows.append((name, "f?"))
        elif sources >= MIN_SOURCES_UNISEX and count >= MIN_COUNT_UNISEX:
            rows.append((name, "-"))
    rows.sort()
    header = [
        "# Given names with the gender of their bearers: m, f (>= 95 % one gender), m?, f? (>= 90 %), or - (not told).",
        f"# Derived by bench/given_names.py from nomquamgender {SOURCE_VERSION} name_data.json "
        f"(sha256 {hashlib.sha256(raw).hexdigest()[:16]}):",
        f"# names listed by >= {MIN_SOURCES} sources for >= {MIN_COUNT} people;",
        f"# '-' only for names listed by >= {MIN_SOURCES_UNISEX} sources for >= "
        f"{MIN_COUNT_UNISEX} people; English words excluded.",
        "# nomquamgender: https://github.com/ianvanbuskirk/nomquamgender, MIT licence:",
        *(("# " + line).rstrip() for line in _MIT.strip().splitlines()),
    ]
    OUT.write_text("\n".join(header + [f"{g}\t{n}" for n, g in rows]) + "\n", encoding="utf-8")
    by = {g: sum(1 for _, x in rows if x == g) for g in ("m", "f", "m?", "f?", "-")}
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} names ({', '.join(f'{g} {n}' for g, n in by.items())})")


_TOKEN = re.compile(r"^[A-Z][a-zA-Z'’.-]+$")
_PARTICLES = {"de", "van", "von", "der", "da", "del", "la", "le", "bin", "al", "di", "du"}


def _person_given(speaker: str) -> str | None:
    """The first word of a speaker string shaped like a full name ("Ellen de Vries"), else None."""
    from corpus.names import _in

    words = speaker.split()
    if not 2 <= len(words) <= 4 or words[0].endswith((".", "'s", "’s")):
        return None
    if any(not (_TOKEN.match(w) or w in _PARTICLES) or w.endswith(("'s", "’s")) for w in words):
        return None
    if any(_in(w, "role_words", "org_heads", "company_suffixes", "places", "nationality", "common_words", "not_names",
               "honorifics_m", "honorifics_f", "org_acronyms", "event_words") for w in words):
        return None
    return words[0]


def coverage(files: list[Path]) -> None:
    from corpus import names

    for path in files:
        given: set[str] = set()
        for line in path.open(encoding="utf-8"):
            doc = json.loads(line)
            for q in doc["quotes"]:
                speaker = q.get("speaker") or ""
                if q.get("speaker_spans") and not q.get("speaker_resolved", True):
                    speaker = " ".join(doc["text"][a:b] for a, b in q["speaker_spans"][:1])
                g = _person_given(" ".join(speaker.split()))
                if g:
                    given.add(g)
        curated = {g for g in given if names.curated_given_name(g)}
        known = {g for g in given if names.given_name(g)}
        print(f"{path.name}: {len(given)} distinct given names of full-name speakers; curated lexicon knows "
              f"{len(curated)} ({len(curated) / max(1, len(given)):.1%}), with the world table {len(known)} "
              f"({len(known) / max(1, len(given)):.1%}); unknown: {' '.join(sorted(given - known)) or '-'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("build")
    cov = sub.add_parser("coverage")
    sets = ("seeds", "wikinews_dev", "polnear_dev", "polnear_train")
    cov.add_argument("gold", nargs="*", type=Path, default=[GOLD / f"{n}.jsonl" for n in sets])
    args = ap.parse_args()
    if args.cmd == "build":
        build()
    else:
        coverage(args.gold)


if __name__ == "__main__":
    main()
