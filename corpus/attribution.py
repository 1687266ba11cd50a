"""The evidence behind one quote's attribution: which words named the speaker, and how.

Every stored quote keeps the offsets of the mention its speaker was read from
(``speaker_start``/``speaker_end`` into the article text) and how that mention was resolved
(``resolution``). :func:`attribution_of` reads them back and :meth:`Attribution.explain` says it
in one plain sentence a reporter can check against the article::

    Named by the turn label “Vladimir Putin”.
    Named by “he” — a pronoun for the nearest speaker the article names, Vladimir Putin.
    Unattributed: the text says “a ministry official”, a speaker it does not name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

# How each resolution is said to a reader; {mention} is the words in the text, {speaker} the name.
_HOW = {
    "name": "Named by “{mention}”.",
    "surname": "Named by “{mention}” — the article gives the full name, {speaker}, elsewhere.",
    "given_name": "Named by “{mention}” — the given name of the one person the article names with it, {speaker}.",
    "title": "Named by “{mention}” — the one person the article gives that role, {speaker}.",
    "pronoun": "Named by “{mention}” — a pronoun for the nearest speaker the article names, {speaker}.",
    "organisation": "Named by “{mention}” (an organisation).",
    "turn": "Named by the turn label “{mention}”.",
    "headline": "Named by the headline, which names {speaker}.",
    "lead": "Named by the article's lead, which names {speaker} as the sender.",
    "continuation": "No attribution of its own: it continues {speaker}'s quotation just before it.",
}


@dataclass(frozen=True, slots=True)
class Attribution:
    """One quote's speaker (or None) with the evidence for it."""

    quote_id: int
    speaker: str | None
    resolution: str | None
    confidence: float
    mention: str | None  # the words in the text the speaker was read from, when they are in it
    mention_start: int | None
    mention_end: int | None

    def explain(self) -> str:
        """One sentence: who, from which words, and how sure."""
        if self.speaker is None:
            if self.mention:
                return (f"Unattributed: the text says “{self.mention}”, which does not name one person "
                        "with confidence, so no name is given.")
            return "Unattributed: no words in the article name who said this, so no name is given."
        how = _HOW.get(self.resolution or "", "Named by “{mention}”.")
        sentence = how.format(mention=self.mention or self.speaker, speaker=self.speaker)
        return f"{sentence} Confidence {self.confidence:.2f}."


def attribution_of(db: Database, quote_id: int) -> Attribution | None:
    """The attribution evidence of quote ``quote_id``; None when there is no such quote."""
    row = db.execute(
        """SELECT q.id, s.name, q.resolution, q.confidence, q.mention, q.speaker_start, q.speaker_end,
                  substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start)
           FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
           WHERE q.id = ?""", [quote_id]).fetchone()
    if row is None:
        return None
    qid, speaker, resolution, confidence, mention, start, end, in_text = row
    words = " ".join(in_text.split()) if start is not None and end is not None and in_text else mention
    return Attribution(int(qid), speaker, resolution, float(confidence or 0.0), words, start, end)
