"""The SMART linter: rules with stable codes that check goals are measurable.

`lint` runs every rule on a framework (and its data, for the D rules); `measurability` is
the share of objectives that pass every error-level rule. Rules are grouped by family, one
module each, as ruff keeps each linter's rules: `structure` (S, specific), `measurable`
(M), `achievable` (A), `relevant` (R, the results chain), `timebound` (T), `data` (D) and
`file` (F). `RULES` lists them all by code.

Added in 0.1.
"""

from __future__ import annotations

from goalframe._lint import (  # noqa: F401 - each family registers its rules on import
    achievable,
    data,
    file,
    measurable,
    relevant,
    structure,
    timebound,
)
from goalframe._lint._engine import (
    RULES,
    Finding,
    Rule,
    Severity,
    lint,
    measurability,
    select_findings,
)
from goalframe._lint._report import report_dict, report_markdown, report_text, to_json
from goalframe._lint._words import ENFORCEMENT_UNITS, VAGUE_WORDS
from goalframe._scorecard import Measurability

__all__ = [
    "ENFORCEMENT_UNITS",
    "RULES",
    "VAGUE_WORDS",
    "Finding",
    "Measurability",
    "Rule",
    "Severity",
    "lint",
    "measurability",
    "report_dict",
    "report_markdown",
    "report_text",
    "select_findings",
    "to_json",
]
