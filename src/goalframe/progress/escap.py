"""The ``escap`` method: UN ESCAP's Current Status and Anticipated Progress indices.

With baseline ``I_0`` at ``t_0``, target ``I_T`` at ``T`` and the latest value ``I_cr`` at
``t_cr``:

- current status ``CSI = (I_cr - I_0) / (I_T - I_0)`` (capped at 1 once the target is met),
  compared with the expected-by-now line ``(t_cr - t_0) / (T - t_0)``;
- anticipated progress ``AP = (Î_T - I_0) / (I_T - I_0)``, where ``Î_T`` extrapolates the
  observations from the baseline on to the target year with recency-weighted geometric growth
  (Bidarbakht Nia, 2017): each step's growth ``ln(I_i / I_{i-1})`` gets the weight
  ``w_i = (T - t_1) / (T - t_i)``, the annual growth is ``g = Σ w_i ln(I_i/I_{i-1}) /
  Σ w_i (t_i - t_{i-1})``, and ``Î_T = I_cr · exp(g (T - t_cr))``. With yearly data this is
  the published ``Î_T = I_n [Π (I_i/I_{i-1})^{w_i}]^{(T - t_n)/W}``.

Labels: ``maintain`` (AP >= 1: on track to the target), ``accelerate`` (0 < AP < 1),
``reverse`` (AP <= 0: the trend leads away), ``insufficient_data`` (fewer than two
observations from the baseline on). The latest value meeting the target is ``maintain`` and
status ``achieved``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Assessment, Status
from goalframe._model import Point
from goalframe.progress._method_parts import MethodResults, at_least, resolve_baseline
from goalframe.progress._register import register_method

if TYPE_CHECKING:
    from goalframe._assessment import Series
    from goalframe._model import Goal

NAME = "escap"
CITATION = (
    "UN ESCAP, Asia and the Pacific SDG Progress Report, methodology (Current Status Index, "
    "Anticipated Progress Index); Bidarbakht Nia, ESCAP Working Paper SD/WP/05 (2017)"
)

verdict = MethodResults(NAME, citation=CITATION)


def weighted_growth(times: list[float], values: list[float], horizon: float) -> float:
    """Recency-weighted mean annual log growth (weights grow towards the horizon year)."""
    t_first = times[0]
    numerator = denominator = 0.0
    for i in range(1, len(times)):
        weight = (horizon - t_first) / (horizon - times[i])
        numerator += weight * math.log(values[i] / values[i - 1])
        denominator += weight * (times[i] - times[i - 1])
    return numerator / denominator


def _insufficient(reason: str, components: dict[str, Any]) -> Assessment:
    return verdict(
        Status.NOT_ASSESSABLE,
        "insufficient_data",
        reason=reason,
        components=components,
    )


@register_method(
    NAME,
    summary="UN ESCAP: current status vs expected, and recency-weighted projection to target.",
    citation=CITATION,
)
def assess_escap(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Assess a series with ESCAP's two indices."""
    if goal.target is None or goal.deadline is None:
        return verdict.not_assessable("ESCAP's indices need a target value and a target year")
    base, base_from = resolve_baseline(series, goal)
    if base is None:
        return _insufficient(base_from, {})
    big_t = goal.deadline.time
    points = [
        (p.time, v) for p, v in zip(series.periods, series.values, strict=True) if p >= base.period
    ]
    if goal.baseline is not None and (not points or points[0][0] > base.period.time):
        points.insert(0, (base.period.time, base.value))
    components: dict[str, Any] = {
        "baseline": base.value,
        "baseline_period": str(base.period),
        "baseline_from": base_from,
        "target": goal.target,
        "target_period": str(goal.deadline),
    }
    if len(points) < 2:
        return _insufficient("fewer than two observations from the baseline on", components)
    t_cr, latest = points[-1]
    span = goal.target - base.value
    if span == 0:
        return verdict.not_assessable("the target equals the baseline", **components)
    if big_t <= base.period.time:
        return verdict.not_assessable("the target year is not after the baseline", **components)
    held = verdict.target_met_at_start(
        goal, base, Point(period=series.periods[-1], value=latest), components
    )
    if held is not None:
        return held
    csi = min(1.0, (latest - base.value) / span)
    expected = min(1.0, (t_cr - base.period.time) / (big_t - base.period.time))
    components.update(
        latest=latest,
        current_status_index=csi,
        expected_progress=expected,
        expected_reached=at_least(csi, expected),
    )
    formula = (
        "CSI = (I_cr - I_0)/(I_T - I_0); AP = (Î_T - I_0)/(I_T - I_0), Î_T = I_cr "
        "exp(g (T - t_cr)), g = recency-weighted mean log growth"
    )
    if goal.meets(latest):
        return verdict(
            Status.ACHIEVED,
            "maintain",
            value=csi,
            expected=expected,
            components=components,
            formula=formula,
        )
    if any(v <= 0 for _, v in points):
        return verdict.not_assessable("geometric extrapolation needs positive values", **components)
    if t_cr >= big_t:
        projected = latest
    else:
        times, values = [t for t, _ in points], [v for _, v in points]
        growth = weighted_growth(times, values, big_t)
        projected = latest * math.exp(growth * (big_t - t_cr))
        components["weighted_growth"] = growth
    anticipated = (projected - base.value) / span
    components.update(projected=projected, anticipated_progress=anticipated)
    if at_least(anticipated, 1.0):
        label, status = "maintain", Status.ON_TRACK
    elif anticipated > 0:
        label, status = "accelerate", Status.NEEDS_ACCELERATION
    else:
        label, status = "reverse", Status.MOVING_AWAY
    return verdict(
        status,
        label,
        value=anticipated,
        expected=1.0,
        components=components,
        formula=formula,
    )
