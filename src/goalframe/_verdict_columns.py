"""The verdict table's columns: one registry, read by the engine, the docs and the importers.

Kept below the readers (``goalframe.io``) so that an importer can keep a breakdown column
from taking the name of a verdict column (`goalframe.io._open_sdg`).
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["RESULTS", "RESULT_COLUMNS"]

#: The verdict table's columns (`goalframe.evaluate_frame`, `Scorecard.to_frame`, ``goalframe
#: verdicts``), each with its type and meaning; the breakdown columns follow ``role``. The
#: names are the JSON card's: one name per quantity on every output.
RESULTS: Mapping[str, tuple[str, str]] = {
    "indicator": ("String", "the indicator's id"),
    "role": ("String", "`headline` (the series `select:` chooses) or `group` (a `by:` series)"),
    "method": ("String", "the progress method that gave the verdict"),
    "status": ("String", "the verdict, as on the cards (`on_track`, `missed`, ...)"),
    "label": ("String", "the method's own words for it"),
    "progress": ("Float64", "the method's key number (trajectory: the share of the way made)"),
    "expected_progress": ("Float64", "the share expected by now, where the method has one"),
    "score": ("Float64", "the method's own score, where it has one (Open SDG: -5 to +5)"),
    "baseline": ("Float64", "the declared baseline as it applies to this series"),
    "baseline_period": ("String", "its period"),
    "target": ("Float64", "the target as it applies to this series (a relative one resolved)"),
    "deadline": ("String", "the target's deadline"),
    "target_index": (
        "Int64",
        "which of the indicator's targets the row judges: 0 for the first (or only) one, in "
        "the order of their last periods",
    ),
    "target_role": (
        "String",
        "`in force` (the target the card assesses) or `earlier` (one whose deadline is over, "
        "with its final verdict: every target that was due has a row)",
    ),
    "provenance": (
        "String",
        "the target's provenance: `official`, `proposed`, `illustrative` or `unstated`",
    ),
    "latest": ("Float64", "the series' latest figure up to the assessment date"),
    "latest_period": ("String", "its period"),
    "final": (
        "Boolean",
        "the verdict is final: the deadline has passed, or a period already decided it (a "
        "norm failed, a cap exceeded); achieved, missed or outcome unknown",
    ),
    "caveats": ("String", "the caveat codes, comma-separated"),
    "observations": ("Int64", "rows used"),
    "engine": ("String", "`frame` (grouped expressions) or `reference` (the per-series code)"),
}
RESULT_COLUMNS = tuple(RESULTS)
