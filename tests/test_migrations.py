"""The corpus schema's migration list is append-only: released steps keep their names and order."""

from __future__ import annotations

from sqlite_utils import Database

from corpus.migrations import migrations

# Applied in this order on every corpus written so far (the names are not in numeric order: steps
# were appended as they were written). A new step goes after the last; none is renamed or moved.
RELEASED = [
    "001_initial",
    "002_speakers_keys",
    "003_search_vocab",
    "004_attribution_evidence",
    "006_search_engine",
    "005_speaker_identity",
    "007_quote_quality",
    "006b_search_speaker_counts",
    "006c_speaker_role_spans",
    "008_drop_fts",
    "009_role_span_trigger",
    "010_added_quotes_in_bulk",
]


def test_released_migrations_keep_their_names_and_order() -> None:
    names = [m.name for m in migrations.pending(Database(memory=True))]  # every step, in applying order
    assert names[: len(RELEASED)] == RELEASED
