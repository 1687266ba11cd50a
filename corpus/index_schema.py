"""The search index's documents: schema, analyzer, and one quote's document from its SQLite row.

One document per quote: the quote text, the speaker's name and mention and the article title,
together in the field ``all`` that topics match and BM25 scores and typo hints look words up in
(positions kept for phrases; the three parts are separate values, so no phrase runs from one
into the next), and the quote text alone in ``text`` (frequencies only: /verify's candidates are
scored on the quote's own words, so a title word neither selects nor ranks one; format 3 dropped
the separate speaker and title fields, which nothing read any more); English stemming, one
analyzer for indexing and for queries; fast fields for the filters and the ranking (speaker id,
kind, source, publication day, confidence, quality, the formula's weight, a hash of the
normalised text for collapsing wire copies); the index is sorted by weight, heaviest first
(:data:`corpus.index_sync.SORTED`).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from typing import Any

import tantivy
from sqlite_utils import Database

from . import ranking

# Bump when the schema, the analyzer or the index settings change: older folders are rebuilt.
# 4: sorted by weight (heaviest first), weights at single precision, text_hash not indexed.
FORMAT = 4
ANALYZER = "quote_en"
ALL = "all"
TEXT = "text"


def analyzer(*, stem: bool = True) -> tantivy.TextAnalyzer:
    """The one analyzer of indexed text and of query words (so "people" and "peopl" agree);
    without stemming for a prefix (``negotiat*``), whose stem would not be a prefix of the terms."""
    b = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    return (b.filter(tantivy.Filter.stemmer("english")) if stem else b).build()


def schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_integer_field("id", indexed=True, fast=True)
    b.add_text_field(ALL, tokenizer_name=ANALYZER)  # text + speaker + title: what topics match and score
    b.add_text_field(TEXT, tokenizer_name=ANALYZER, index_option="freq")  # the quote alone: /verify's terms
    b.add_integer_field("speaker_id", indexed=True, fast=True)  # 0: unattributed
    b.add_text_field("kind", tokenizer_name="raw", fast=True)
    b.add_text_field("source", tokenizer_name="raw", fast=True)  # lower-cased, "" when unknown
    b.add_integer_field("day", indexed=True, fast=True)  # ranking.day_key
    b.add_float_field("confidence", fast=True)
    b.add_float_field("quality", fast=True)
    b.add_float_field("weight", fast=True)  # ranking.weight(ranking.boost(...))
    b.add_integer_field("tier", indexed=True, fast=True)  # ranking.tier(boost): 0 the heaviest quotes
    b.add_integer_field("text_hash", fast=True)  # read per hit, never looked up: no term dictionary
    return b.build()


def text_hash(text: str) -> int:
    """Identical wording (whitespace and case aside) → the same signed 64-bit key."""
    # str.split() splits at every space fold_spaces folds (all are Unicode whitespace), so the key
    # is the one of " ".join(fold_spaces(text).casefold().split()) without a regex pass per quote.
    norm = " ".join(text.casefold().split())
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big",
                          signed=True)


def _rows_sql(db: Database) -> str:
    columns = {r[1] for r in db.execute("PRAGMA table_info(quotes)").fetchall()}
    quality = "q.quality" if "quality" in columns else "1.0"
    return f"""
        SELECT q.id, q.text, coalesce(s.name, ''), coalesce(q.mention, ''), coalesce(a.title, ''),
               coalesce(q.speaker_id, 0), q.kind, lower(coalesce(a.source, '')), q.published, q.confidence,
               coalesce({quality}, 1.0)
        FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
    """


@functools.lru_cache(maxsize=65536)
def _dated(published: str | None) -> tuple[int, float]:
    """The day key and recency of a publication date (a corpus has far fewer dates than quotes)."""
    return ranking.day_key(published), ranking.recency(published)


def _all_and_boost(row: Sequence[Any]) -> tuple[list[str], int, float]:
    """A row's values of the field ``all`` (text, speaker, title), its day key and its boost."""
    qid, text, name, mention, title, speaker_id, kind, source, published, confidence, quality = row
    # "The Kremlin" opening a sentence is "the Kremlin" mid-sentence: without its article, so that
    # neither "the" nor a second "Kremlin" is indexed only where the mention happened to open a sentence.
    mention = mention[4:] if mention[:4].casefold() == "the " else mention
    speaker = f"{name} {mention}" if speaker_id and mention and mention[:1].isupper() and mention != name else name
    day, recency = _dated(published)
    b = ranking.boost_at(recency, bool(speaker_id), float(confidence), float(quality))
    # Text fields go in unfolded: the tokenizer splits at every non-alphanumeric character, exotic
    # spaces included, so the terms and positions are those of the folded text (nothing is stored).
    speaker = speaker if speaker_id else ""
    return [p for p in (text, speaker, title) if p], day, b


def _document(row: Sequence[Any]) -> tantivy.Document:
    qid, text, _, _, _, speaker_id, kind, source, _, confidence, quality = row
    values, day, b = _all_and_boost(row)
    return tantivy.Document(
        id=int(qid), all=values, text=text,
        speaker_id=int(speaker_id), kind=str(kind), source=str(source), day=day,
        confidence=float(confidence), quality=float(quality), weight=ranking.weight(b), tier=ranking.tier(b),
        text_hash=text_hash(text),
    )
