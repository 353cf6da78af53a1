"""Open SDG's progress output: ``indicator_calculation_components.yml``, from a scorecard.

A site built with Open SDG reads each indicator's progress status from this file, which
sdg-build's progress step writes. goalframe writes it in the same shape, so the site can
take its progress from goalframe:

```yaml
1-3-1:                        # the Open SDG indicator (1-3-1--1, 1-3-1--2 are its options)
  1-3-1 / Proportion of ...:  # a series: the indicator, then the values it selects
    base_value: 90.0
    base_year: 2015.0         # the year sdg-build uses (2024/25 -> 2024.0), as a number
    current_value: 93.2
    current_year: 2021.0
    direction: 1              # 1 positive, -1 negative
    limit: 100.0
    progress_value: 0.0058...
    score: 2.8153...
    sign: 1
    status: substantial_progress   # Open SDG's own label, also after a deadline
    target: null
    target_year: 2030.0
  progress_status: moderate_progress   # the mean of the series' scores, mapped as sdg-build
  score: 0.0402...
```

Only indicators assessed with the ``open-sdg`` method are written; one without a target
(shown, not scored) has ``progress_status: ''`` and ``score: null``, as sdg-build writes an
indicator without automatic progress. Keys are sorted, as in sdg-build's file. The
renderer reads the assessments' components: every number was computed by the method.

Added in 0.3.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from goalframe.progress.open_sdg import indicator_progress

if TYPE_CHECKING:
    from goalframe._results import IndicatorResult
    from goalframe._scorecard import ScorecardData

__all__ = ["open_sdg_components", "render_open_sdg"]

#: A series' fields, as sdg-build writes them.
FIELDS = (
    "base_value", "base_year", "current_value", "current_year", "direction", "limit",
    "progress_value", "score", "sign", "status", "target", "target_year",
)  # fmt: skip
_YEARS = ("base_year", "current_year", "target_year")


def open_sdg_id(indicator_id: str) -> str:
    """The Open SDG indicator an imported indicator is an option of (``1-3-1--2`` -> ``1-3-1``)."""
    return indicator_id.split("--", 1)[0]


def _year(value: Any) -> Any:
    """A period as the number sdg-build writes for it: its first year (``2024/25`` -> 2024.0)."""
    text = str(value)
    return float(text[:4]) if text[:4].isdigit() else value


def _series(result: IndicatorResult) -> dict[str, Any]:
    components = result.assessment.components
    entry: dict[str, Any] = {}
    for field in FIELDS:
        value = components.get(field)
        entry[field] = _year(value) if field in _YEARS and value is not None else value
    if not isinstance(entry["status"], str):
        entry["status"] = "not_available"  # no base or current value: sdg-build's word
    return entry


def open_sdg_components(card: ScorecardData) -> dict[str, dict[str, Any]]:
    """The content of ``indicator_calculation_components.yml`` for a scorecard's indicators."""
    out: dict[str, dict[str, Any]] = {}
    parts: dict[str, list[Any]] = {}
    for result in card.indicators:
        if result.assessment.method != "open-sdg":
            continue
        sdg_id = open_sdg_id(result.indicator.id)
        entry = out.setdefault(sdg_id, {})
        if result.indicator.goal is None:  # no target: shown, not scored
            entry.setdefault("progress_status", "")
            entry.setdefault("score", None)
            continue
        name = " / ".join([sdg_id, *(value for _, value in result.indicator.select)])
        entry[name] = _series(result)
        parts.setdefault(sdg_id, []).append(result.assessment)
    for sdg_id, assessments in parts.items():
        score, label = indicator_progress(assessments)
        out[sdg_id].update(progress_status=label, score=score)
    return out


def render_open_sdg(card: ScorecardData) -> str:
    """The scorecard as Open SDG's ``indicator_calculation_components.yml`` text."""
    import yaml

    return yaml.safe_dump(
        open_sdg_components(card), sort_keys=True, allow_unicode=True, default_flow_style=False
    )
