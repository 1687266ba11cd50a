"""The scorer on tiny hand-made gold files (texts written for these tests).

The extractor under test is a plain function returning the predictions written beside each text,
so every figure below can be counted by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from adapters.cli import cli
from corpus.eval_tables import by_resolution, calibration
from corpus.evaluate import evaluate
from corpus.models import ExtractedQuote

# -- resolved gold (the seeds / Wikinews format) --------------------------------------------------

RESOLVED = (
    'Ann Lee spoke first. "We build the bridge," Ann Lee said. "We pay for it," Tom Hall said. '
    '"Nobody knows," it was said. "It rains," a clerk said. "The road is open," the State Department said. '
    '"Taxes fall," Hall said. "We rebuild," the Civil Defense Authority said.'
)


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _gold(text: str, piece: str, speaker: str, kind: str = "direct", **extra: Any) -> dict[str, Any]:
    start, end = _span(text, piece)
    return {"start": start, "end": end, "text": piece, "speaker": speaker, "kind": kind,
            "speaker_aliases": extra.pop("aliases", []), **extra}


def _pred(text: str, piece: str, speaker: str | None, confidence: float = 0.9, **kw: Any) -> ExtractedQuote:
    start, end = _span(text, piece)
    return ExtractedQuote(start, end, piece, speaker, kw.pop("kind", "direct"), confidence=confidence, **kw)


def _resolved_doc() -> dict[str, Any]:
    t = RESOLVED
    return {"id": "r1", "text": t, "quotes": [
        _gold(t, "We build the bridge,", "Ann Lee"),
        _gold(t, "We pay for it,", "Tom Hall"),
        _gold(t, "Nobody knows,", ""),                        # the article names nobody
        _gold(t, "It rains,", ""),
        _gold(t, "The road is open,", "the State Department"),
        _gold(t, "Taxes fall,", "Tom Hall Jr", aliases=["Mr Hall Jr"]),
        _gold(t, "We rebuild,", "Saudi Arabia's Civil Defense Authority"),
    ]}


def _resolved_preds(text: str, title: str | None = None) -> list[ExtractedQuote]:
    t = text
    return [
        _pred(t, "We build the bridge,", "Ann Lee", 0.95, resolution="name"),     # right
        _pred(t, "We pay for it,", "Ann Lee", 0.95, resolution="pronoun"),        # misattributed
        _pred(t, "Nobody knows,", None, 0.3),                                      # abstained (right)
        _pred(t, "It rains,", "Tom Hall", 0.65, resolution="continuation"),       # misattributed
        _pred(t, "The road is open,", "State Department", 0.85, resolution="organisation"),  # right
        _pred(t, "Taxes fall,", "Tom Hall", 0.85, resolution="surname"),          # partial
        _pred(t, "We rebuild,", "Saudi Arabia Civil Defense Authority", 0.85, resolution="organisation"),  # right
        _pred(t, "spoke first", "Ann Lee", 0.5, resolution="name"),               # false alarm
    ]


def test_misattribution_is_counted_apart_from_unattributed_and_abstentions() -> None:
    report = evaluate([_resolved_doc()], _resolved_preds)
    s = report.speakers
    assert (s.outcomes["right"], s.outcomes["misattributed"], s.outcomes["abstained"],
            s.outcomes["partial"], s.outcomes["unattributed"]) == (3, 2, 1, 1, 0)
    assert s.checked == 7 and s.named == 6
    assert s.accuracy == 4 / 7          # three right names and one right abstention
    assert s.precision == 3 / 6         # right / named
    assert s.misattribution == 2 / 6
    at30 = report.overall[0.3]
    assert (at30.tp, at30.fp, at30.fn) == (7, 1, 0)


def test_a_missing_name_is_unattributed_not_misattributed() -> None:
    def abstains(text: str, title: str | None) -> list[ExtractedQuote]:
        return [_pred(text, "We build the bridge,", None, 0.2), _pred(text, "It rains,", None, 0.2)]

    s = evaluate([_resolved_doc()], abstains).speakers
    assert (s.outcomes["unattributed"], s.outcomes["abstained"], s.named, s.misattribution) == (1, 1, 0, 0.0)


def test_calibration_buckets_count_named_attributions_and_their_accuracy() -> None:
    attributions = evaluate([_resolved_doc()], _resolved_preds).attributions
    rows = {r.key[0]: (r.count, r.right) for r in calibration(attributions)}
    assert rows == {"[0.60, 0.70)": (1, 0), "[0.80, 0.90)": (3, 2), "[0.95, 1.00]": (2, 1)}


def test_right_fraction_per_resolution_and_kind() -> None:
    attributions = evaluate([_resolved_doc()], _resolved_preds).attributions
    rows = {r.key: (r.count, r.right) for r in by_resolution(attributions)}
    assert rows == {("name", "direct"): (1, 1), ("pronoun", "direct"): (1, 0), ("continuation", "direct"): (1, 0),
                    ("organisation", "direct"): (2, 2), ("surname", "direct"): (1, 0)}


def test_kind_filter_scores_one_kind_and_ignores_other_kinds_that_overlap_gold() -> None:
    t = 'Ann Lee said taxes will fall next year. "We build the bridge," Ann Lee said. Rain is due.'
    doc = {"id": "k", "text": t, "quotes": [_gold(t, "taxes will fall next year", "Ann Lee", "indirect"),
                                            _gold(t, "We build the bridge,", "Ann Lee")]}

    def preds(text: str, title: str | None) -> list[ExtractedQuote]:
        return [_pred(text, "taxes will fall next year", "Ann Lee", kind="indirect"),
                _pred(text, "We build the bridge,", "Ann Lee"),
                _pred(text, "Rain is due.", None, kind="indirect")]  # overlaps no gold quote at all

    direct = evaluate([doc], preds, kinds=["direct"]).overall[0.3]
    indirect = evaluate([doc], preds, kinds=["indirect"]).overall[0.3]
    assert (direct.tp, direct.fp, direct.fn) == (1, 1, 0)
    assert (indirect.tp, indirect.fp, indirect.fn) == (1, 1, 0)


# -- surface gold (the PolNeAR format) -----------------------------------------------------------

SURFACE = ('"We will win," the senator said, "and soon." Aides said the vote was close. '
           'He added that "nothing is certain" today. Critics said the plan was costly.')


def _surface_gold(text: str, parts: list[str], speaker: str, kind: str = "direct") -> dict[str, Any]:
    spans = [_span(text, p) for p in parts]
    start, end = spans[0][0], spans[-1][1]
    s = _span(text, speaker) if speaker else None
    return {"start": start, "end": end, "parts": [list(p) for p in spans], "speaker": speaker,
            "speaker_spans": [list(s)] if s else [], "speaker_resolved": False, "kind": kind}


def _surface_doc() -> dict[str, Any]:
    t = SURFACE
    return {"id": "s1", "text": t, "quotes": [
        _surface_gold(t, ["We will win,", "and soon."], "the senator"),
        _surface_gold(t, ["the vote was close"], "Aides", "indirect"),
        _surface_gold(t, ["nothing is certain"], "He"),
        _surface_gold(t, ["the plan was costly"], "Critics", "indirect"),
    ]}


def _surface_preds(text: str, title: str | None = None) -> list[ExtractedQuote]:
    t = text
    senator = _span(t, "the senator")
    first = _span(t, "We will win,")[0]
    evidence = {"speaker_start": senator[0], "speaker_end": senator[1], "resolution": "title", "utterance": first}
    aides = _span(t, "Aides")
    return [
        # the split quote as two parts of one utterance: one attribution, attached right
        _pred(t, "We will win,", "Pat Senator", **evidence),
        _pred(t, "and soon.", "Pat Senator", **evidence),
        # attached to "Aides" although the gold source is "Aides" too: right
        _pred(t, "the vote was close", "aides", kind="indirect", speaker_start=aides[0], speaker_end=aides[1]),
        # attached to the senator mention instead of "He": wrong surface speaker
        _pred(t, "nothing is certain", "Pat Senator", speaker_start=senator[0], speaker_end=senator[1]),
        # a name but no span: cannot be checked
        _pred(t, "the plan was costly", "Critics", kind="indirect"),
    ]


def test_surface_speaker_is_scored_by_span_overlap_and_split_parts_count_once() -> None:
    report = evaluate([_surface_doc()], _surface_preds)
    at30 = report.overall[0.3]
    assert (at30.tp, at30.fp, at30.fn) == (4, 0, 0)
    assert report.overall[0.8].tp == 4  # both parts together cover the split quote's content
    s = report.speakers
    assert (s.outcomes["right"], s.outcomes["misattributed"], s.outcomes["unplaced"]) == (2, 1, 1)
    assert report.surface


def test_attachment_is_scored_apart_from_naming() -> None:
    # "He" is the gold source: pointing at it without naming anyone is attached right but unattributed;
    # naming nobody misattributes nothing.
    def unnamed(text: str, title: str | None) -> list[ExtractedQuote]:
        he = _span(text, "He")
        return [_pred(text, "nothing is certain", None, 0.3, speaker_start=he[0], speaker_end=he[1])]

    s = evaluate([_surface_doc()], unnamed, kinds=["direct"]).speakers
    assert (s.attachment[True], s.outcomes["unattributed"], s.named, s.misattribution) == (1, 1, 0, 0.0)
    assert evaluate([_surface_doc()], _surface_preds).speakers.attached_right == 2 / 4  # no span: not attached


def test_a_split_quote_is_also_found_by_one_span_covering_it() -> None:
    def covering(text: str, title: str | None) -> list[ExtractedQuote]:
        start = text.index("We will win")
        end = text.index("and soon.") + len("and soon.")
        return [ExtractedQuote(start, end, text[start:end], None, "direct")]

    report = evaluate([_surface_doc()], covering, kinds=["direct"])
    assert (report.overall[0.8].tp, report.overall[0.8].fp) == (1, 0)


def test_a_reported_clause_quoting_one_word_is_a_direct_attribution_on_surface_gold() -> None:
    # PolNeAR labels an attribution direct exactly when its content holds a double quotation mark;
    # a clause quoting a single word is stored as indirect speech with no direct quote inside it.
    t = 'The mayor said the plan was "reckless" in every way. Aides said the vote was close.'
    doc = {"id": "m", "text": t, "quotes": [_surface_gold(t, ['the plan was "reckless" in every way'], "The mayor"),
                                            _surface_gold(t, ["the vote was close"], "Aides", "indirect")]}

    def preds(text: str, title: str | None) -> list[ExtractedQuote]:
        return [_pred(text, 'the plan was "reckless" in every way', None, kind="indirect"),
                _pred(text, "the vote was close", None, kind="indirect")]

    direct = evaluate([doc], preds, kinds=["direct"]).overall[0.3]
    indirect = evaluate([doc], preds, kinds=["indirect"]).overall[0.3]
    assert (direct.tp, direct.fp, direct.fn) == (1, 0, 0)
    assert (indirect.tp, indirect.fp, indirect.fn) == (1, 0, 0)


def test_surface_gold_content_in_doubled_apostrophes_is_direct() -> None:
    # PolNeAR's kind is "direct" when the content holds a quotation mark, but its conversion read only
    # one-character marks: content in '' … '' (or `` … '') labelled "indirect" is scored as direct.
    t = "''The dam will hold,'' the engineer said. Aides said ``it is safe.'' Critics said costs rose."
    doc = {"id": "d", "text": t, "quotes": [
        _surface_gold(t, ["''The dam will hold,''"], "the engineer", "indirect"),
        _surface_gold(t, ["``it is safe.''"], "Aides", "indirect"),
        _surface_gold(t, ["costs rose"], "Critics", "indirect")]}

    def preds(text: str, title: str | None) -> list[ExtractedQuote]:
        return [_pred(text, "The dam will hold,", None), _pred(text, "it is safe.", None),
                _pred(text, "costs rose", None, kind="indirect")]

    direct = evaluate([doc], preds, kinds=["direct"]).overall[0.3]
    indirect = evaluate([doc], preds, kinds=["indirect"]).overall[0.3]
    assert (direct.tp, direct.fp, direct.fn) == (2, 0, 0)
    assert (indirect.tp, indirect.fp, indirect.fn) == (1, 0, 0)


def test_a_reported_clause_quoting_in_doubled_apostrophes_is_direct_like_the_gold() -> None:
    # The same rule both ways: a predicted reported clause holding '' … '' is a direct attribution, as
    # gold content holding them is.
    t = "The mayor called the plan ''reckless'' in every way. Aides said the vote was close."
    doc = {"id": "a", "text": t, "quotes": [_surface_gold(t, ["the plan ''reckless'' in every way"], "The mayor",
                                                          "indirect"),
                                            _surface_gold(t, ["the vote was close"], "Aides", "indirect")]}

    def preds(text: str, title: str | None) -> list[ExtractedQuote]:
        return [_pred(text, "the plan ''reckless'' in every way", None, kind="indirect"),
                _pred(text, "the vote was close", None, kind="indirect")]

    direct = evaluate([doc], preds, kinds=["direct"]).overall[0.3]
    indirect = evaluate([doc], preds, kinds=["indirect"]).overall[0.3]
    assert (direct.tp, direct.fp, direct.fn) == (1, 0, 0)
    assert (indirect.tp, indirect.fp, indirect.fn) == (1, 0, 0)


def test_parts_count_separately_against_gold_that_splits_them() -> None:
    # Seeds and Wikinews label each part as its own quote: the parts are matched one by one.
    t = SURFACE
    doc = {"id": "p", "text": t, "quotes": [_gold(t, "We will win,", "Pat Senator"),
                                            _gold(t, "and soon.", "Pat Senator")]}
    report = evaluate([doc], lambda text, title: _surface_preds(text)[:2])
    assert (report.overall[0.8].tp, report.overall[0.8].fp) == (2, 0)
    assert report.speakers.outcomes["right"] == 2


# -- the command ----------------------------------------------------------------------------------

def _write(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_eval_command_lists_misattributions_with_context(tmp_path: Path) -> None:
    text = '"We will build the bridge across the river this year," Foreign Minister Sergei Lavrov said.\n\nHe left.\n'
    start, end = _span(text, "We will build the bridge across the river this year,")
    # The gold names someone else on purpose: whatever name the extractor gives is then wrong.
    gold = _write(tmp_path / "g.jsonl", [{"id": "g1", "title": "Bridge", "text": text, "quotes": [
        {"start": start, "end": end, "speaker": "Nina Petrova", "speaker_aliases": [], "kind": "direct"}]}])
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(cli, ["eval", str(gold), "--kind", "direct", "--errors", str(errors),
                                      "--by-resolution"])
    assert result.exit_code == 0, result.output
    assert "misattribution" in result.output and "calibration" in result.output
    assert "right by resolution and kind" in result.output
    listed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    wrong = [e for e in listed if e["error"] in ("misattributed", "unattributed")]
    assert len(wrong) == 1 and wrong[0]["gold"]["speaker"] == "Nina Petrova"
    assert listed[0] is not None and listed[0]["error"] == wrong[0]["error"]  # the worst come first
    assert "Foreign Minister Sergei Lavrov" in wrong[0]["context"]
    assert wrong[0]["file"] == "g.jsonl"


def test_eval_command_takes_several_files_and_prints_figures_for_all(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.jsonl", [_resolved_doc()])
    b = _write(tmp_path / "b.jsonl", [_surface_doc()])
    result = CliRunner().invoke(cli, ["eval", str(a), str(b), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out["files"]) == {str(a), str(b)}
    assert out["files"][str(b)]["speaker_scoring"] == "surface"
    assert out["files"][str(a)]["speaker_scoring"] == "resolved"
    # Every quote given a name falls in one calibration bucket and one (resolution, kind) row.
    named = sum(out["files"][f]["speakers"]["named"] for f in out["files"])
    assert sum(row["count"] for row in out["calibration"]) == named
    assert sum(row["count"] for row in out["by_resolution"]) == named


def test_a_broken_gold_file_is_a_clear_error_naming_the_line(tmp_path: Path) -> None:
    gold = tmp_path / "bad.jsonl"
    gold.write_text(json.dumps(_resolved_doc()) + "\n" + '{"text": "x", "quotes": [{"start": "1"}]}\n',
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold)])
    assert result.exit_code == 1
    assert f"{gold}:2" in result.output and "start" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
