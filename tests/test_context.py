"""/context gives the receipt (issue 12): the question before a transcript answer, the answer's
paragraph, the paragraph after, and the article's title, date, source and link."""

from __future__ import annotations

from pathlib import Path

from bot.core import Core
from bot.reply import Request
from corpus.models import Document, ExtractedQuote
from corpus.speakers import resolve_speaker
from corpus.store import open_db, save_document

QUESTION = "Jane Barber: Mr Petrov, will the bridge be finished this year?"
ANSWER = "Ivan Petrov: It will be finished in October, and the trains will run by December."
AFTER = "Jane Barber: Thank you. Let me turn to the harvest now."


def _corpus(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "ctx.db"
    text = f"Interview with the Daily Planet\n\n{QUESTION}\n\n{ANSWER}\n\n{AFTER}\n"
    db = open_db(path)
    quotes = []
    for line, who, kind in ((QUESTION, "Jane Barber", "question"), (ANSWER, "Ivan Petrov", "transcript")):
        body = line.split(": ", 1)[1]
        start = text.index(body)
        quotes.append(ExtractedQuote(start, start + len(body), body, who, kind, None, 0.95))  # type: ignore[arg-type]
    with db.atomic():
        ids = {q.speaker: resolve_speaker(db, q.speaker) for q in quotes if q.speaker}
        doc = Document(text=text, title="Interview with the Daily Planet", doc_id="i-1",
                       url="https://example.org/interview", source="Daily Planet", published="2019-06-27")
        save_document(db, doc, quotes, ids)
    qid = int(db.execute("SELECT id FROM quotes WHERE kind = 'transcript'").fetchone()[0])
    db.close()
    return path, qid


def test_context_shows_the_question_the_answer_and_what_followed(tmp_path: Path) -> None:
    path, qid = _corpus(tmp_path)
    core = Core(path)
    try:
        reply = core.handle(Request(f"/context {qid}"))
    finally:
        core.close()
    assert "From: Interview with the Daily Planet · 2019-06-27 · Daily Planet" in reply.text
    assert "https://example.org/interview" in reply.text
    assert f"Before — Jane Barber asked:\n{QUESTION}" in reply.text
    assert f"The paragraph of #{qid}:\n{ANSWER}" in reply.text
    assert reply.footer == f"After: {AFTER}"  # no quote is stored there, so no speaker label
    assert reply.cards[0].speaker == "Ivan Petrov"


def test_context_of_a_missing_quote_is_a_clear_error(tmp_path: Path) -> None:
    path, _ = _corpus(tmp_path)
    core = Core(path)
    try:
        assert core.handle(Request("/context 999999")).error
        assert "Give its number" in core.handle(Request("/context abc")).text
    finally:
        core.close()
