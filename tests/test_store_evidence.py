"""The attribution evidence is stored with each quote: mention offsets, resolution, split-quote parts."""

from __future__ import annotations

from pathlib import Path

from corpus.models import Document, ExtractedQuote
from corpus.speakers import resolve_speaker
from corpus.store import delete_article_quotes, open_db, save_document

TEXT = '"We will stay," Ann Lee said of the plan. "It is the right thing." Later she left. "Bye," a guard said.'


def _part(text: str, piece: str, **kw: object) -> ExtractedQuote:
    start = text.index(piece)
    return ExtractedQuote(start, start + len(piece), piece, kind="direct", **kw)  # type: ignore[arg-type]


def _quotes() -> list[ExtractedQuote]:
    mention = TEXT.index("Ann Lee")
    first = TEXT.index("We will stay")
    evidence = {"speaker": "Ann Lee", "speaker_start": mention, "speaker_end": mention + 7,
                "resolution": "name", "utterance": first, "confidence": 0.9}
    # The second part is handed over first: the link must not depend on the extractor's order.
    return [_part(TEXT, "It is the right thing.", **evidence),
            _part(TEXT, "We will stay,", **evidence),
            _part(TEXT, "Bye,", speaker=None, confidence=0.2)]


def test_parts_of_a_split_quote_point_at_the_first_part_and_keep_their_evidence(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    with db.atomic():
        ids = {"Ann Lee": resolve_speaker(db, "Ann Lee", kind="person")}
        save_document(db, Document(text=TEXT, doc_id="a1"), _quotes(), ids)
    rows = {r[0]: r[1:] for r in db.execute(
        'SELECT text, id, utterance_id, speaker_start, speaker_end, resolution FROM quotes')}
    first_id = rows["We will stay,"][0]
    mention = TEXT.index("Ann Lee")
    assert rows["We will stay,"][1:] == (first_id, mention, mention + 7, "name")
    assert rows["It is the right thing."][1:] == (first_id, mention, mention + 7, "name")
    assert rows["Bye,"][1:] == (None, None, None, None)


def test_deleting_an_articles_quotes_removes_linked_parts_cleanly(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    with db.atomic():
        ids = {"Ann Lee": resolve_speaker(db, "Ann Lee", kind="person")}
        result = save_document(db, Document(text=TEXT, doc_id="a1"), _quotes(), ids)
    with db.atomic():
        delete_article_quotes(db, result.article_id)
    assert db.execute("SELECT count(*) FROM quotes").fetchone() == (0,)
