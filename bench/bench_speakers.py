"""Speaker-table quality on a built corpus: what a reporter would see wrong, counted (issue 13).

    python bench/bench_speakers.py [--db FILE] [--top 500] [--examples N]

FILE defaults to bench/out/kremlin_speakers.db (``make bench`` builds it); a missing corpus, or one
with no attributed quote, is refused (exit status 1), never counted as zeros. Build the corpus
first: ``quotebot ingest ../shared/corpora/kremlin_en.jsonl.gz --db FILE`` (and
``quotebot speakers --rebuild --db FILE`` for a database written by an older version). For the
``--top`` speakers with most quotes it prints four counts, each of which should be 0 or listed
with why it is right:

1. names with a title or organisation word glued on ("Medical Chamber Leonid Roshal"), or ending in
   another speaker's full name ("Tarja Halonen Vladimir Putin");
2. names that are no person's or organisation's name ("Naturally", "Far East", "II");
3. persons with more than one row: same surname, compatible given names (an initial, a variant
   spelling), no contradicting role — a top speaker paired with any other row;
4. rows holding two people: one row whose roles name different bodies in overlapping periods
   (role B given between two dates of role A, within 400 days).

The checks use their own word lists and spelling rules, not corpus.names, so the script measures
the speaker rules rather than restating them. It also times ``find_speakers`` for the top names.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core import Core  # noqa: E402
from bot.reply import Request  # noqa: E402
from corpus.search import quote_by_id  # noqa: E402
from corpus.speaker_lookup import find_speakers  # noqa: E402
from corpus.store import open_db  # noqa: E402


def _words(text: str) -> set[str]:
    return set(text.split())


# Capitalised words that belong to a title or an institution, never to a person's name.
TITLE_ORG = _words("""President Minister Ministry Chairman Chairwoman Chair Secretary Spokesman Governor Mayor Head
Director Chief Commander General Deputy Acting First Prime Foreign Defence Defense Finance Economic Economy
Chamber Committee Council Service Agency Corporation Company Group Bank Fund Union Federation Association
Institute University Academy Centre Center Relations Affairs Arts Sciences Entrepreneurs Industrialists
Initiatives Relief Emergencies Development Security Federal National State Russian Presidential Executive
Office Board Commission Ambassador Envoy Representative Rector Patriarch Metropolitan Archpriest Minster
Senator Deputies Duma Assembly Parliament Government Administration Region Territory Republic""")
# Words that start sentences or name places, events and things — never a speaker's name on their own.
NOT_A_NAME = _words("""But And Having Naturally Opening Earlier Later However Meanwhile Today Yesterday Progress
Question Answer Remark Russia Ukraine China America Europe Asia Africa Moscow Washington Kiev Kyiv Far East West
North South York Motors Committee Games Festival Forum Summit Cup Championship Olympics Betrayal Address
Treaty Agreement Declaration War Day Year Week Film Prize Award Conference Exhibition Thank Good Yes No
Well Now Then Here There This That These Those It We They He She Everyone Colleagues Friends""")
PARTICLES = {"de", "van", "von", "der", "da", "di", "del", "le", "la", "al", "bin", "ibn", "du", "dos"}
GENERIC_ROLE = _words("""of the for and on in at to a an first deputy acting chief head director general president vice
prime minister chairman chairwoman chairperson chair secretary ceo executive officer board member senior
special presidential state federal national russian russia russia's""")
# Given-name spellings one person may be written with (the bench's own short list).
VARIANTS = [{"petr", "pyotr", "piotr"}, {"yuri", "yury", "yuriy", "iouri"}, {"sergei", "sergey", "serguei"},
            {"alexander", "aleksandr", "alexandr"}, {"alexei", "aleksei", "alexey", "aleksey"},
            {"dmitry", "dmitri", "dmitriy"}, {"andrei", "andrey"}, {"yevgeny", "evgeny", "yevgeni", "evgeni"},
            {"nikolai", "nikolay"}, {"mikhail", "michael"}, {"tatyana", "tatiana"}, {"natalya", "natalia"},
            {"ilham", "ilkham"}, {"valery", "valeri", "valeriy"}, {"vitaly", "vitali", "vitaliy"},
            {"anatoly", "anatoli", "anatoliy"}, {"gennady", "gennadi", "gennadiy"}, {"georgy", "georgi", "georgiy"},
            {"grigory", "grigori"}, {"vasily", "vasili", "vassily"}, {"fyodor", "fedor"}, {"maxim", "maksim"},
            {"yelena", "elena"}, {"yekaterina", "ekaterina"}, {"ksenia", "kseniya"}, {"yulia", "yuliya", "julia"}]


def _fold(word: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if c.isalpha())
    s = re.sub(r"(.)\1+", r"\1", s)
    return re.sub(r"(?:iy|yy|y|i|ei)$", "", s) if len(s) > 4 else s


def _given_compatible(a: str, b: str) -> bool:
    a, b = a.casefold().strip("."), b.casefold().strip(".")
    if len(a) <= 2 or len(b) <= 2:
        return a[:1] == b[:1]
    if a == b or _fold(a) == _fold(b):
        return True
    return any(a in v and b in v for v in VARIANTS)


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso and len(iso) >= 10 else None
    except ValueError:
        return None


def _keys(role: str) -> frozenset[str]:
    # word stems, so "Kyrgyz Republic" / "Kyrgyzstan" and "Agriculture" / "Agricultural" name one body
    return frozenset(w.casefold()[:5] for w in re.findall(r"[A-Za-z][\w'-]+", role)
                     if w.casefold() not in GENERIC_ROLE and len(w) > 2)


def glued(name: str, kind: str) -> bool:
    words = name.split(" (")[0].split()
    core = [w for w in words if w.casefold() not in PARTICLES]  # "Tamim bin Hamad Al Thani": 4 words
    return kind == "person" and (any(w in TITLE_ORG for w in words) or len(core) > 4)


def not_a_name(name: str, kind: str) -> bool:
    words = name.split(" (")[0].split()
    if any(any(c.isdigit() for c in w) for w in words) and kind == "person":
        return True
    if kind == "person" and len(words) == 1:
        return True  # a bare surname or a stray word
    if any(w[:1].islower() and w.casefold() not in PARTICLES and not w.startswith(("al-", "el-", "d'")) for w in words):
        return True
    if re.fullmatch(r"[IVXLC]+", name):
        return True
    return all(w in NOT_A_NAME or w in TITLE_ORG for w in words)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "kremlin_speakers.db"))
    ap.add_argument("--top", type=int, default=500)
    ap.add_argument("--examples", type=int, default=20)
    args = ap.parse_args()
    build = f"quotebot ingest ../shared/corpora/kremlin_en.jsonl.gz --db {args.db} (or make bench, which does)"
    if not Path(args.db).exists():  # checked before open_db, which would create an empty corpus to count
        sys.exit(f"bench_speakers.py: there is no corpus at {args.db} — build it: {build}")
    db = open_db(args.db)
    if db.execute("SELECT 1 FROM quotes WHERE speaker_id IS NOT NULL LIMIT 1").fetchone() is None:
        # zeros from an empty corpus would read as the README's "now 0" column
        sys.exit(f"bench_speakers.py: the corpus at {args.db} has no attributed quotes — build it: {build}")
    rows = db.execute(
        """SELECT s.id, s.name, s.kind, s.note, count(q.id) n, min(q.published), max(q.published)
           FROM speakers s JOIN quotes q ON q.speaker_id = s.id GROUP BY s.id ORDER BY n DESC, s.name LIMIT ?""",
        [args.top]).fetchall()
    every = db.execute(
        """SELECT s.id, s.name, s.kind, s.note, count(q.id) n, min(q.published), max(q.published)
           FROM speakers s JOIN quotes q ON q.speaker_id = s.id GROUP BY s.id""").fetchall()
    full_names = {r[1] for r in every if r[2] == "person" and len(r[1].split()) >= 2}
    totals = db.execute("SELECT count(*), count(speaker_id) FROM quotes").fetchone()
    print(f"corpus: {totals[0]:,} quotes, {totals[1]:,} attributed; {len(rows)} speakers checked "
          f"(load average {os.getloadavg()[0]:.2f})")

    def show(title: str, items: list[str]) -> None:
        print(f"\n{title}: {len(items)}")
        for line in items[:args.examples]:
            print(f"  {line}")

    def inner(name: str) -> str | None:
        """Another speaker's full name at the end of this one, with words before it."""
        words = name.split(" (")[0].split()
        return next((" ".join(words[i:]) for i in range(1, len(words) - 1) if " ".join(words[i:]) in full_names),
                    None)

    glued_rows = [f"{n} ({c} quotes)" + (f" ⊃ {inner(n)}" if inner(n) else "")
                  for _, n, k, _, c, _, _ in rows if glued(n, k) or (k == "person" and inner(n))]
    show("1. names with a title or organisation word glued on (or another speaker's name inside)", glued_rows)
    show("2. names that are no person's or organisation's name",
         [f"{n} [{k}] ({c} quotes)" for _, n, k, _, c, _, _ in rows if not_a_name(n, k)])

    roles: dict[int, list[tuple[date, str]]] = defaultdict(list)
    ids = [r[0] for r in every]
    for sid, role, published in db.execute(
            f"SELECT speaker_id, role, published FROM quotes WHERE role IS NOT NULL AND speaker_id IN "
            f"({','.join('?' * len(ids))})", ids):
        d = _day(published)
        if d and _keys(role):
            roles[int(sid)].append((d, str(role)))

    def contradicting(a: int, b: int | None = None) -> str | None:
        """Role B between two dates of role A (within 400 days), the two naming different bodies."""
        ra = roles.get(a, [])
        rb = roles.get(b, []) if b is not None else ra
        for db_, role_b in rb:
            kb = _keys(role_b)
            before = [(d, r) for d, r in ra if d < db_ and (db_ - d).days <= 400 and not (_keys(r) & kb)]
            after = [(d, r) for d, r in ra if d > db_ and (d - db_).days <= 400 and not (_keys(r) & kb)]
            for d1, r1 in before:
                for d2, r2 in after:
                    if _keys(r1) & _keys(r2):
                        return f"“{r1}” {d1} and {d2}, “{role_b}” {db_}"
        return None

    # a top speaker paired with every other row of the same surname (the other may be rarely quoted)
    top = {r[0] for r in rows}
    by_surname: dict[str, list[tuple[int, str, str | None, int, str | None, str | None]]] = defaultdict(list)
    for sid, name, kind, note, n, first, last in every:
        words = name.split(" (")[0].split()
        if kind == "person" and len(words) > 1:
            by_surname[_fold(words[-1])].append((sid, name, note, n, first, last))
    split: list[str] = []
    for people in by_surname.values():
        people.sort(key=lambda p: -p[3])
        for i, (a, na, note_a, ca, fa, la) in enumerate(people):
            for b, nb, note_b, cb, fb, lb in people[i + 1:]:
                if a not in top and b not in top:
                    continue
                ga, gb = na.split(" (")[0].split()[0], nb.split(" (")[0].split()[0]
                if not _given_compatible(ga, gb):
                    continue
                why = note_a or note_b
                if why:
                    split.append(f"{na} ({ca}, {fa}…{la}) / {nb} ({cb}, {fb}…{lb}) — kept apart on evidence: {why}")
                elif contradicting(a, b) or contradicting(b, a):
                    continue  # contradicting roles: different people
                else:
                    split.append(f"{na} ({ca}) / {nb} ({cb}) — NOT explained")
    show("3. persons with more than one row", split)
    unexplained = [s for s in split if s.endswith("NOT explained")]

    two = []
    for sid, name, kind, _note, n, _, _ in rows:
        if kind != "person":
            continue
        why = contradicting(sid)
        if why:
            two.append(f"{name} ({n} quotes): {why}")
    show("4. rows holding two people (contradicting roles in overlapping periods)", two)

    print("\nlook-ups through the bot (issue 13's done-when):")
    core = Core(Path(args.db))
    try:
        for typed in ("Putin", "Erdogan", "Shoigu", "Obama", "Kim Jong-un", "Ivanov"):
            reply = core.handle(Request(text=f"/said {typed}"))
            got = (f"{len(reply.cards)} cards by {sorted({c.speaker for c in reply.cards})}" if reply.cards
                   else reply.text.split("\n")[0][:80] + "".join(f"\n      {a.label}" for a in reply.actions))
            print(f"  /said {typed}: {got}")
    finally:
        core.close()
    print("\nroles on cards, by year (the role as of each quote's date):")
    for person in ("Dmitry Medvedev", "Mikhail Mishustin"):
        row = db.execute("SELECT id FROM speakers WHERE name = ?", [person]).fetchone()
        if not row:
            continue
        for year in ("2010", "2017", "2019", "2020"):
            qids = [r[0] for r in db.execute("SELECT id FROM quotes WHERE speaker_id = ? AND published LIKE ?",
                                             [row[0], year + "%"])]
            if qids:
                counts = Counter(h.role for h in (quote_by_id(db, i) for i in qids) if h)
                print(f"  {person} {year}: {dict(counts.most_common(3))}")

    names = [r[1].split(" (")[0].split()[-1] for r in rows[:50] if r[2] == "person"]
    t0 = time.perf_counter()
    for typed in names:
        find_speakers(db, typed)
    per = (time.perf_counter() - t0) / max(1, len(names)) * 1000
    print(f"\nfind_speakers on the top-50 surnames: {per:.1f} ms per look-up")
    print(f"\nsummary: glued {len(glued_rows)}, not a name "
          f"{sum(not_a_name(r[1], r[2]) for r in rows)}, one person in several rows {len(unexplained)} unexplained "
          f"+ {len(split) - len(unexplained)} kept apart on evidence, two people in one row {len(two)}")


if __name__ == "__main__":
    main()
