"""Frozen value types passed between the corpus modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "indirect", "transcript", "question"]
# How an attribution was made — the evidence a card can show ("named by 'he' → pronoun").
Resolution = Literal[
    "name",          # a full name next to the cue ("Sergey Lavrov said")
    "surname",       # a surname or "Mr X" resolved to the full name the article introduced
    "given_name",    # a given name alone ("Kaylee said") for the one person the article named in full with it
    "title",         # a title/role noun resolved to one introduced person ("the minister said")
    "pronoun",       # he/she resolved to the most recent compatible subject
    "organisation",  # an organisation, country or document speaker ("the ministry said")
    "turn",          # a transcript turn label ("Vladimir Putin: …")
    "headline",      # the headline names the speaker ("… — MFA", "Putin's address to …")
    "lead",          # the article's lead names the speaker ("Vladimir Putin congratulated …")
    "continuation",  # a cueless quotation continuing the previous speaker's quote
]


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from an input, before it is stored.

    ``text`` is the verbatim original; every offset in the corpus refers to it.
    Metadata fields are ``None`` when neither the input nor the text gives them.
    """

    text: str
    title: str | None = None
    doc_id: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date, possibly partial: "2021", "2021-11", "2021-11-19", "--11-09"
    lead: str | None = None
    place: str | None = None
    origin: str = ""  # where it came from: "file.txt", "feed.jsonl:12"


@dataclass(frozen=True, slots=True)
class ExtractedQuote:
    """A quote found in a text. ``text == document_text[start:end]`` always holds.

    ``speaker`` is the resolved name, or ``None`` when the speaker could not be resolved
    with confidence (an unattributed quote is acceptable; a misattributed one is not).
    """

    start: int
    end: int
    text: str
    speaker: str | None
    kind: QuoteKind
    cue: str | None = None
    confidence: float = 0.5
    speaker_type: Literal["person", "organisation"] | None = None
    role: str | None = None
    mention: str | None = None  # the surface form that attributed it: "he", "the Russian diplomat"
    # Evidence: where in the text the mention stands (None when it is not in the text, e.g. a
    # title or lead given apart from it) and how it was resolved to ``speaker``.
    speaker_start: int | None = None
    speaker_end: int | None = None
    resolution: Resolution | None = None
    # A quotation split by narration ("A," he said, "B.") is stored as its parts; every part carries
    # the start offset of the utterance's first part. None for a quote that stands alone.
    utterance: int | None = None


@dataclass(frozen=True, slots=True)
class SpeakerInfo:
    """A speaker as the corpus knows it across articles."""

    id: int
    name: str
    kind: str = "person"
    role: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
