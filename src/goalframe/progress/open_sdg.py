"""The ``open-sdg`` method: Open SDG's progress measure (sdg-build 2.4.0, Statistics Canada).

Per series, with base value ``y0`` in base year ``t0``, current (latest) value ``yt`` in ``t``,
direction ``d`` (+1 increase, -1 decrease) and ``s`` the sign of ``y0``:

- without a target (method 1): ``pv = s * d * CAGR(y0 -> yt)``; thresholds high 0.015,
  med 0.005, low 0, each multiplied by the natural-limit factor ``C`` when a ``limit`` is set;
- with a target ``yT`` in year ``T`` (method 2): ``pv = s * d * CAGR(y0 -> yt) /
  |CAGR(y0 -> yT)|``; thresholds high 0.95, med 0.6, low 0;
- ``CAGR(a -> b) = (y_b / y_a) ** (1 / (t_b - t_a)) - 1``.

Labels: ``target_achieved`` when the latest value meets the target, whatever the trend;
else ``substantial_progress`` (pv >= high), ``moderate_progress`` (med <= pv < high),
``limited_progress`` (low <= pv < med), ``deterioration`` (pv < low); ``not_available`` when
the measure cannot be computed. The score runs from -5 to +5 (5 when the target is achieved).

The base year is the one given (``baseline_period``; 2015 by default, in this method only); when
it has no observation, the next year that has one. A zero base value or target is replaced by
0.001, as sdg-build does.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Assessment, Caveat, Status
from goalframe._periods import Period
from goalframe.progress._method_parts import MethodResults, at_least, cagr, sign_of
from goalframe.progress._register import register_method
from goalframe.schema import Direction

if TYPE_CHECKING:
    from goalframe._assessment import Series
    from goalframe._model import Goal

__all__ = ["LABELS", "THRESHOLDS", "indicator_progress", "natural_limit_factor"]

NAME = "open-sdg"
CITATION = (
    "Open SDG progress measure, sdg-build 2.4.0 sdg/ProgressMeasure.py (Statistics Canada "
    "methodology; open-sdg docs/progress-methodology.md)"
)

verdict = MethodResults(NAME, citation=CITATION)
DEFAULT_BASE_YEAR = 2015
DEFAULT_TARGET_YEAR = 2030
#: Exponent of the natural-limit factor C.
LIMIT_EXPONENT = 4.44
ZERO_REPLACEMENT = 0.001

#: The method's labels and the shared status each maps to.
LABELS: Mapping[str, Status] = {
    "target_achieved": Status.ACHIEVED,
    "substantial_progress": Status.ON_TRACK,
    "moderate_progress": Status.NEEDS_ACCELERATION,
    "limited_progress": Status.INSUFFICIENT_PROGRESS,
    "deterioration": Status.MOVING_AWAY,
    "not_available": Status.NOT_ASSESSABLE,
}
#: sdg-build's thresholds: method 1 (no target, growth rates) and 2 (ratio to the required growth).
THRESHOLDS: Mapping[int, Mapping[str, float]] = {
    1: {"high": 0.015, "med": 0.005, "low": 0.0},
    2: {"high": 0.95, "med": 0.6, "low": 0.0},
}


def natural_limit_factor(base: float, limit: float) -> float:
    """The factor C that shrinks method 1's thresholds near a natural limit.

    ``C = 1`` when ``|base| >= 2|limit|``; ``1 - (|base|/|limit|) ** 4.44`` when
    ``|base| <= |limit|``; ``1 - ((2|limit| - |base|)/|limit|) ** 4.44`` in between.
    """
    b, lim = abs(base), abs(limit)
    if b >= 2 * lim:
        return 1.0
    if b <= lim:
        return float(1 - (b / lim) ** LIMIT_EXPONENT)
    return float(1 - ((2 * lim - b) / lim) ** LIMIT_EXPONENT)


def thresholds_of(options: Mapping[str, Any], method: int) -> dict[str, float]:
    given = options.get("thresholds") or {}
    if not isinstance(given, Mapping):
        msg = f"option 'thresholds' must be a mapping of high/med/low, not {given!r}"
        raise TypeError(msg)
    unknown = sorted(set(given) - {"high", "med", "low"})
    if unknown:
        msg = f"option 'thresholds' takes high, med and low, not {unknown[0]!r}"
        raise ValueError(msg)
    merged = dict(THRESHOLDS[method])
    for key, value in given.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            msg = f"threshold {key!r} must be a number, not {value!r}"
            raise TypeError(msg)
        merged[key] = float(value)
    return merged


def limit_of(options: Mapping[str, Any]) -> float | None:
    limit = options.get("limit")
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int | float) or not math.isfinite(limit):
        msg = f"option 'limit' must be a number, not {limit!r}"
        raise TypeError(msg)
    return float(limit)


def _validate(options: Mapping[str, Any]) -> None:
    limit_of(options)
    base_year_of(options)
    thresholds_of(options, 1)


def _score(pv: float, thresholds: Mapping[str, float], method: int, coeff: float) -> float:
    # sdg-build's score functions, hard-coded for the default thresholds; breakpoints:
    # method 1 (C = 1): -2 % -> -5, 0 -> -2.5, 0.5 % -> 0, 1.5 % -> 2.5, 2 % -> 5;
    # method 2: R = -0.6 -> -5, 0 -> -2.5, 0.6 -> 0, 0.95 -> 2.5, 1.3 -> 5.
    if method == 1:
        if not at_least(pv, thresholds["low"]):
            return max(125 * pv - 2.5, -5.0)
        if coeff == 0:
            return 5.0
        if at_least(pv, thresholds["high"]):
            return min(500 * pv / coeff - 5, 5.0)
        if at_least(pv, thresholds["med"]):
            return 250 * pv / coeff - 1.25
        return 500 * pv / coeff - 2.5
    if at_least(pv, thresholds["med"]):
        return min(7.1429 * pv - 4.2857, 5.0)
    return max(4.1667 * pv - 2.5, -5.0)


def _label(pv: float, thresholds: Mapping[str, float]) -> str:
    if at_least(pv, thresholds["high"]):
        return "substantial_progress"
    if at_least(pv, thresholds["med"]):
        return "moderate_progress"
    if at_least(pv, thresholds["low"]):
        return "limited_progress"
    return "deterioration"


def _result(
    label: str,
    pv: float | None,
    score: float | None,
    reason: str | None,
    components: dict[str, Any],
    caveats: tuple[Caveat, ...] = (),
) -> Assessment:
    components.update(progress_value=pv, status=label, score=score)
    return verdict(
        LABELS[label],
        label,
        value=pv,
        score=score,
        reason=reason,
        components=components,
        formula="method 1: pv = s*d*CAGR(base->current); method 2: pv = s*d*CAGR(base->current)"
        " / |CAGR(base->target)|; CAGR(a->b) = (y_b/y_a)^(1/(t_b-t_a)) - 1; "
        "score (sdg-build, linear between breakpoints): method 1 pv -2 % -> -5, 0 -> -2.5, "
        "0.5 % -> 0, 1.5 % -> 2.5, 2 % -> 5; method 2 pv -0.6 -> -5, 0 -> -2.5, 0.6 -> 0, "
        "0.95 -> 2.5, 1.3 -> 5",
        caveats=caveats,
    )


def base_year_of(options: Mapping[str, Any]) -> Period | None:
    given = options.get("base_year")
    if given is None:
        return None
    try:
        return Period.parse(given)
    except ValueError as exc:
        msg = f"option 'base_year': {exc}"
        raise ValueError(msg) from None


def _base_point(
    series: Series, goal: Goal, options: Mapping[str, Any] | None = None
) -> tuple[Period, float] | str:
    chosen = base_year_of(options or {})
    if goal.baseline is not None:
        requested = goal.baseline.period
    elif goal.base_period is not None:
        requested = goal.base_period
    elif chosen is not None:
        requested = chosen
    else:
        requested = Period.parse(DEFAULT_BASE_YEAR)
    value = series.value_at(requested)
    if value is not None:
        return requested, value
    if goal.baseline is not None:  # goalframe extension: a declared baseline fills the gap
        return goal.baseline.period, goal.baseline.value
    later = [(p, v) for p, v in zip(series.periods, series.values, strict=True) if p > requested]
    if not later:
        return f"no observation in or after the base year {requested}"
    return later[0]


# Long: sdg-build's published procedure, step by step, each step with its components for explain.
@register_method(
    NAME,
    summary="Open SDG / Statistics Canada progress measure: CAGR or CAGR ratio, score -5..+5.",
    citation=CITATION,
    options={
        "limit": "natural limit (e.g. 100 for a percentage) that shrinks the no-target "
        "thresholds as the base value nears it",
        "thresholds": "mapping of high/med/low to override sdg-build's thresholds",
        "base_year": "the base year (sdg-build's base_year; default 2015, or the next year "
        "with a figure); a declared baseline takes precedence",
    },
    validate=_validate,
)
def assess_open_sdg(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Assess a series with Open SDG's progress measure."""
    target = goal.target
    method = 1 if target is None else 2
    caveats: list[Caveat] = []
    if target == 0:
        target = ZERO_REPLACEMENT
        caveats.append(
            Caveat(
                code="zero-replaced",
                message=f"the target 0 was replaced by {ZERO_REPLACEMENT:g}, as sdg-build does, "
                "so that growth rates are defined",
            )
        )
    deadline = goal.deadline or Period.parse(DEFAULT_TARGET_YEAR)
    d = sign_of(goal.direction)
    components: dict[str, Any] = {
        "method": method,
        "direction": d,
        "target": target,
        "target_year": str(deadline),
    }
    try:
        limit = limit_of(options)
        thresholds = thresholds_of(options, method)
    except (TypeError, ValueError) as exc:
        return _result("not_available", None, None, str(exc), components)
    if len(series) == 0:
        return _result("not_available", None, None, "no observations", components)
    current_period, current = series.periods[-1], series.values[-1]
    base = _base_point(series, goal, options)
    if isinstance(base, str):
        components.update(current_value=current, current_year=str(current_period))
        return _result("not_available", None, None, base, components)
    base_period, base_value = base
    sign = -1 if base_value < 0 else 1
    coeff = 1.0
    if method == 1 and limit is not None:
        coeff = natural_limit_factor(base_value, limit)
        thresholds = {k: v * coeff for k, v in thresholds.items()}
    components.update(
        base_value=base_value,
        base_year=str(base_period),
        current_value=current,
        current_year=str(current_period),
        sign=sign,
        limit=limit,
        coefficient=coeff,
        high=thresholds["high"],
        med=thresholds["med"],
        low=thresholds["low"],
    )
    achieved = target is not None and (
        (goal.direction is Direction.DECREASE and current <= target)
        or (goal.direction is Direction.INCREASE and current >= target)
    )
    pv, reason = _progress_value(
        method,
        sign,
        d,
        base_value,
        base_period,
        current,
        current_period,
        target,
        deadline,
        components,
    )
    if goal.target is not None and goal.meets(base_value):
        # sdg-build's own verdict is kept (the corpus reproduces it); the reader is told.
        caveats.append(
            Caveat(
                code="target-met-at-start",
                message=f"the target {goal.target:g} was already met in the base year "
                f"({base_period}: {base_value:g}): the bar was low",
            )
        )
    found = tuple(caveats)
    if achieved:
        return _result("target_achieved", pv, 5.0, None, components, found)
    if pv is None:
        return _result("not_available", None, None, reason, components, found)
    return _result(
        _label(pv, thresholds),
        pv,
        _score(pv, thresholds, method, coeff),
        None,
        components,
        found,
    )


def _progress_value(
    method: int,
    sign: int,
    d: int,
    base_value: float,
    base_period: Period,
    current: float,
    current_period: Period,
    target: float | None,
    deadline: Period,
    components: dict[str, Any],
) -> tuple[float | None, str | None]:
    base = ZERO_REPLACEMENT if base_value == 0 else base_value
    if base != base_value:
        components["base_value_used"] = base
    if (base > 0 > current) or (base < 0 < current):
        return None, (
            f"base value ({base:g}) and current value ({current:g}) have opposite "
            "signs; transform the series (see the Open SDG docs)"
        )
    t0, t = base_period.time, current_period.time
    if t - t0 < 1:
        return None, "fewer than two years between the base year and the latest observation"
    observed = cagr(current, base, t, t0)
    components["cagr_observed"] = observed
    if method == 1:
        return sign * d * observed, None
    assert target is not None
    if deadline.time == t0:
        return None, "the target year equals the base year"
    if target / base < 0:
        return None, "the target and the base value have opposite signs"
    required = cagr(target, base, deadline.time, t0)
    components["cagr_required"] = required
    if required == 0:
        return None, "the target equals the base value, so the required growth is zero"
    return sign * d * observed / abs(required), None


def indicator_progress(
    parts: Sequence[Assessment | Sequence[Any]],
) -> tuple[float | None, str]:
    """Combine series assessments into the indicator's score and label, as sdg-build does.

    The score is the mean of the series scores that exist; a nested sequence is a group,
    averaged first (groups nest). The label is ``target_achieved`` only when every scored
    series achieved its target (its own label: a final verdict keeps it as ``method_label``);
    else from the score: [2.5, 5] substantial, [0, 2.5) moderate, [-2.5, 0) limited,
    [-5, -2.5) deterioration; no score: not_available.

    Args:
        parts: Open SDG assessments, or groups (sequences) of them.

    Returns:
        ``(score, label)``.

    Added in 0.1.
    """
    achieved: list[bool] = []

    def mean_of(items: Sequence[Any]) -> float | None:
        values = []
        for item in items:
            if isinstance(item, Assessment):
                if item.score is not None:
                    values.append(item.score)
                    own = item.components.get("method_label", item.label)  # (final verdicts)
                    achieved.append(own == "target_achieved")
            else:
                group = mean_of(item)
                if group is not None:
                    values.append(group)
        return sum(values) / len(values) if values else None

    scores = [v for v in (mean_of([part]) for part in parts) if v is not None]
    if not scores:
        return None, "not_available"
    score = sum(scores) / len(scores)
    if all(achieved):
        return score, "target_achieved"
    if score >= 2.5:
        return score, "substantial_progress"
    if score >= 0:
        return score, "moderate_progress"
    if score >= -2.5:
        return score, "limited_progress"
    return score, "deterioration"
