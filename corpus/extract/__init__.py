"""Quote extraction: text in, :class:`~corpus.models.ExtractedQuote` out.

``extract_quotes(text, title)`` is the one entry point ingest, ``quotebot extract`` and
``quotebot eval`` call. Offsets are Python string offsets into ``text`` as given.

Modules: ``layout`` (title, body lines, quote-mark pairing, sentences), ``lexicon`` (speech verbs,
titles, role and organisation nouns), ``mentions`` (a speaker mention read into name / role /
pronoun / organisation), ``resolve`` (mentions to speakers within an article: ``candidates`` the
people and organisations it introduced, ``pronouns`` and ``roles`` the resolvers), ``frames`` (indirect
speech frames, over ``cues`` the speech-verb patterns, ``subjects`` the speaker before a verb and
``clauses`` the clause checks), ``transcript`` (turn labels;
``turn_quotes`` a turn's quotes, ``interviews`` an interview's answerer, ``speeches`` speech titles),
``extractor`` (the pass that ties them together, over ``run_state``: ``attach`` a quotation's cue
(``after_mentions`` the mention after it), ``direct`` and ``indirect`` quotes (``continuations`` a quotation
paragraph after a report), ``split_quotes`` the parts of one utterance).
"""

from __future__ import annotations

from ..models import ExtractedQuote
from .extractor import extract


def extract_quotes(text: str, title: str | None = None, lead: str | None = None) -> list[ExtractedQuote]:
    """Every quote in ``text``; ``title`` is guessed from the text when not given; ``lead`` (the
    article's standfirst, kept apart from the text) can name a quoted message's sender. Never
    raises on odd input (unbalanced marks, empty text)."""
    if not text or not text.strip():
        return []
    return extract(text, title, lead)


__all__ = ["extract_quotes"]
