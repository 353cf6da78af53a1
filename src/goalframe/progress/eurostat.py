"""The ``eurostat`` method: the EU SDG monitoring report's progress assessment.

The assessment window ends at the latest observation ``t`` and starts ``window`` years
earlier (``short``: 5, ``long``: 15, or a number of years); its first observation ``s`` is
the first at or after ``t - window``. Actual growth is ``CAGR_a = (y_t / y_s) ** (1/(t-s)) - 1``.

With a target ``x_T`` for year ``T``: the growth required from the window's start is
``CAGR_r = (x_T / y_s) ** (1/(T-s)) - 1`` and the ratio ``RR = CAGR_a / CAGR_r``:
``RR >= 0.95`` significant progress, ``0.6 <= RR < 0.95`` moderate progress,
``0 <= RR < 0.6`` insufficient progress, ``RR < 0`` movement away (towards the target).

Without a target, the CAGR in the desired direction ``g = d * CAGR_a``: ``g > 1 %``
significant progress, ``0 < g <= 1 %`` moderate progress, ``-1 % <= g <= 0`` moderate
movement away, ``g < -1 %`` significant movement away (from the SD objectives).

The categories and cut-offs follow Eurostat's annex as summarised by the peers (sdg-build's
first version copied them; IISD 2018); which side of each bound is inclusive, and the minimum
span (3 years short-term, 10 long-term), could not be checked against the primary text and
are goalframe's documented reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Assessment, Caveat, Status
from goalframe._model import Point
from goalframe.progress._method_parts import MethodResults, at_least, cagr, sign_of, start_caveat
from goalframe.progress._register import register_method

if TYPE_CHECKING:
    from goalframe._assessment import Series
    from goalframe._model import Goal

NAME = "eurostat"
CITATION = (
    "Eurostat, Sustainable development in the European Union: monitoring report, "
    "annex on the assessment of progress (short-term 5 years, long-term 15 years)"
)

verdict = MethodResults(NAME, citation=CITATION)
WINDOWS = {"short": 5, "long": 15}
MIN_SPAN = {"short": 3, "long": 10}
#: The ratio cut-offs with a target: significant progress from here, moderate from the next.
SIGNIFICANT, MODERATE = 0.95, 0.6

_TARGET_LABELS = {
    "significant_progress": Status.ON_TRACK,
    "moderate_progress": Status.NEEDS_ACCELERATION,
    "insufficient_progress": Status.INSUFFICIENT_PROGRESS,
    "movement_away": Status.MOVING_AWAY,
}
_NO_TARGET_LABELS = {
    "significant_progress": Status.ON_TRACK,
    "moderate_progress": Status.NEEDS_ACCELERATION,
    "moderate_movement_away": Status.INSUFFICIENT_PROGRESS,
    "significant_movement_away": Status.MOVING_AWAY,
}


def window_of(options: Mapping[str, Any]) -> tuple[float, float]:
    """The window length and the minimum span, in years."""
    window = options.get("window", "short")
    if isinstance(window, str):
        if window not in WINDOWS:
            msg = f"option 'window' is 'short', 'long' or a number of years, not {window!r}"
            raise ValueError(msg)
        return float(WINDOWS[window]), float(MIN_SPAN[window])
    if isinstance(window, bool) or not isinstance(window, int | float) or window < 1:
        msg = f"option 'window' is 'short', 'long' or a number of years >= 1, not {window!r}"
        raise ValueError(msg)
    return float(window), min(3.0, float(window))


def _validate(options: Mapping[str, Any]) -> None:
    window_of(options)


# Long: Eurostat's published procedure, step by step, each step with its components for explain.
@register_method(
    NAME,
    summary="Eurostat EU-SDG method: actual vs required CAGR over a 5- or 15-year window.",
    citation=CITATION,
    options={"window": "'short' (5 years, default), 'long' (15 years) or a number of years"},
    validate=_validate,
)
def assess_eurostat(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Assess a series with Eurostat's growth-rate method."""
    try:
        window, min_span = window_of(options)
    except ValueError as exc:
        return verdict.not_assessable(str(exc))
    if len(series) < 2:
        return verdict.not_assessable(f"{len(series)} observation(s); the method needs two")
    t_period, y_t = series.periods[-1], series.values[-1]
    t = t_period.time
    inside = [
        (p, v)
        for p, v in zip(series.periods, series.values, strict=True)
        if p.time >= t - window - 1e-9
    ]
    s_period, y_s = inside[0]
    s = s_period.time
    early = goal.baseline is not None and s_period < goal.baseline.period
    window_caveats: tuple[Caveat, ...] = ()
    if early and goal.baseline is not None:
        window_caveats = (
            Caveat(
                code="window-before-baseline",
                message=f"Eurostat's {window:g}-year window starts in {s_period}, before the "
                f"baseline {goal.baseline.period} the goal file declares",
            ),
        )
    components: dict[str, Any] = {
        "window_years": window,
        "start_period": str(s_period),
        "start_value": y_s,
        "latest_period": str(t_period),
        "latest_value": y_t,
    }
    if t - s < min_span - 1e-9:
        return verdict.not_assessable(
            f"the window {s_period}-{t_period} spans {t - s:g} years; it needs at least "
            f"{min_span:g}",
            **components,
        )
    if y_s <= 0 or y_t <= 0:
        return verdict.not_assessable("growth rates need positive values", **components)
    actual = cagr(y_t, y_s, t, s)
    components["cagr_actual"] = actual
    d = sign_of(goal.direction)
    if goal.target is None:
        directed = d * actual
        components["cagr_directed"] = directed
        if directed > 0.01:
            label = "significant_progress"
        elif directed > 0:
            label = "moderate_progress"
        elif at_least(directed, -0.01):
            label = "moderate_movement_away"
        else:
            label = "significant_movement_away"
        return verdict(
            _NO_TARGET_LABELS[label],
            label,
            value=directed,
            components=components,
            formula="g = d * CAGR_a, CAGR_a = (y_t / y_s)^(1/(t - s)) - 1",
            caveats=window_caveats,
        )
    formula = (
        "RR = CAGR_a / CAGR_r; CAGR_a = (y_t/y_s)^(1/(t-s)) - 1, CAGR_r = (x_T/y_s)^(1/(T-s)) - 1"
    )
    if goal.deadline is None:
        return verdict.not_assessable("the target has no deadline (target year)", **components)
    big_t = goal.deadline.time
    components.update(target=goal.target, target_period=str(goal.deadline))
    if goal.meets(y_t):
        return verdict(
            Status.ACHIEVED,
            "significant_progress",
            value=None,
            components=components,
            formula=formula,
            caveats=window_caveats,
        )
    if big_t <= s:
        return verdict.not_assessable(
            "the target year is not after the window's start", **components
        )
    if goal.target <= 0:
        return verdict.not_assessable("growth rates need a positive target", **components)
    if goal.meets(y_s):
        # Already at the target when the window opened, and no longer: moved away from it.
        return verdict(
            Status.MOVING_AWAY,
            "movement_away",
            value=None,
            components=components,
            formula=formula,
            caveats=(*window_caveats, start_caveat(goal, Point(period=s_period, value=y_s))),
        )
    required = cagr(goal.target, y_s, big_t, s)
    ratio = actual / required
    components.update(cagr_required=required, ratio=ratio)
    if at_least(ratio, SIGNIFICANT):
        label = "significant_progress"
    elif at_least(ratio, MODERATE):
        label = "moderate_progress"
    elif at_least(ratio, 0.0):
        label = "insufficient_progress"
    else:
        label = "movement_away"
    return verdict(
        _TARGET_LABELS[label],
        label,
        value=ratio,
        components=components,
        formula=formula,
        caveats=window_caveats,
    )
