"""The ``forecast`` method: the trend projected to the deadline, and P(target met).

The trend is fitted on the observations from the baseline period on (all of them when there
is no baseline; only the last ``window`` years when that option is set):

- ``model: linear`` (default): ordinary least squares on the level;
- ``model: log``: least squares on ``ln(y)``, for multiplicative growth (all values and the
  target must be positive); the interval is transformed back with ``exp``;
- ``model: theil-sen``: the median of pairwise slopes (robust to outliers), with the same
  residual-based interval as OLS (an approximation).

At the target year ``T``: ``ŷ_T``, its standard error ``se = s · sqrt(1 + 1/n +
(T - x̄)² / Sxx)`` with ``s² = SSR / (n - 2)``, the prediction interval ``ŷ_T ± t(n-2) · se``
at ``confidence`` (default 0.8), and the probability of meeting the target
``P = 1 - F_t((target - ŷ_T) / se)`` for an increase (``F_t(...)`` for a decrease), with
``F_t`` Student's t distribution with ``n - 2`` degrees of freedom.

Verdict: the latest value meeting the target is ``achieved``; ``P >= 0.75`` ``likely``
(on track); ``0.4 <= P < 0.75`` ``uncertain`` (needs acceleration); ``P < 0.4`` ``unlikely``
(moving away when the fitted trend goes the wrong way, else insufficient progress). At least
three observations are needed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Assessment, Caveat, Status
from goalframe._messages import Message, Term
from goalframe.progress._method_parts import MethodResults, at_least, number_option, sign_of
from goalframe.progress._register import register_method
from goalframe.progress._stats import Fit, ols, t_cdf, t_ppf, theil_sen
from goalframe.schema import Direction

if TYPE_CHECKING:
    from goalframe._assessment import Series
    from goalframe._model import Goal

NAME = "forecast"
CITATION = (
    "Linear trend with a Student-t prediction interval (e.g. Montgomery, Peck & Vining, "
    "Introduction to Linear Regression Analysis, ch. 2); Theil (1950) and Sen (1968) for the "
    "robust slope"
)

verdict = MethodResults(NAME, citation=CITATION)
MODELS = ("linear", "log", "theil-sen")
#: The most points theil-sen reads: it compares every pair (2,000 points: 2 million slopes,
#: about 0.1 GB and a second; 8,000 took 1.65 GB), so more are refused before the work.
MAX_THEIL_SEN = 2_000
LIKELY, UNCERTAIN = 0.75, 0.4


def settings_of(options: Mapping[str, Any]) -> tuple[str, float, float | None]:
    """The model, the confidence and the fitting window (None: every point) the options set."""
    model = options.get("model", "linear")
    if model not in MODELS:
        msg = f"option 'model' is one of {', '.join(MODELS)}, not {model!r}"
        raise ValueError(msg)
    confidence = number_option(options, "confidence", 0.8)
    if not 0 < confidence < 1:
        msg = f"option 'confidence' must lie between 0 and 1, not {confidence}"
        raise ValueError(msg)
    window = options.get("window")
    if window is not None:
        if isinstance(window, str):
            window = {"short": 5, "long": 15}.get(window, window)
        if isinstance(window, bool) or not isinstance(window, int | float) or window < 2:
            msg = f"option 'window' is a number of years >= 2 (or short/long), not {window!r}"
            raise ValueError(msg)
        window = float(window)
    return model, confidence, window


def _validate(options: Mapping[str, Any]) -> None:
    settings_of(options)


# Long: the fit, the projection and the probability in order, each with its components for explain.
@register_method(
    NAME,
    summary="Trend forecast to the deadline with a prediction interval and P(target met).",
    citation=CITATION,
    options={
        "model": "linear (default), log or theil-sen",
        "confidence": "coverage of the prediction interval (default 0.8)",
        "window": "fit only the last N years (also 'short' = 5, 'long' = 15)",
    },
    validate=_validate,
)
def assess_forecast(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Forecast a series to its deadline and give the probability of meeting the target."""
    try:
        model, confidence, window = settings_of(options)
    except ValueError as exc:
        return verdict.not_assessable(str(exc))
    if goal.target is None or goal.deadline is None:
        return verdict.not_assessable("a forecast needs a target value and a target year")
    points = list(zip(series.times, series.values, strict=True))
    start = goal.baseline.period if goal.baseline else goal.base_period
    if start is not None:
        points = [(t, v) for t, v in points if t >= start.time]
    if window is not None and points:
        points = [(t, v) for t, v in points if t >= points[-1][0] - window - 1e-9]
    components: dict[str, Any] = {
        "model": model,
        "points": len(points),
        "target": goal.target,
        "target_period": str(goal.deadline),
    }
    if len(points) < 3:
        return verdict.not_assessable(
            f"{len(points)} observation(s) in the fitting window; a "
            "trend with an interval needs at least 3",
            **components,
        )
    latest = points[-1][1]
    components["latest"] = latest
    if goal.meets(latest):
        return verdict(
            Status.ACHIEVED,
            "target_met",
            value=1.0,
            components=components,
            formula="the latest value meets the target",
        )
    log = model == "log"
    if log and (any(v <= 0 for _, v in points) or goal.target <= 0):
        return verdict.not_assessable(
            "the log model needs positive values and a positive target; use model: linear",
            **components,
        )
    if model == "theil-sen" and len(points) > MAX_THEIL_SEN:
        return verdict.not_assessable(
            f"{len(points)} observations in the fitting window; theil-sen compares every pair "
            f"of them and reads at most {MAX_THEIL_SEN:,} (use window: or model: linear)",
            **components,
        )
    xs = [t for t, _ in points]
    ys = [math.log(v) if log else v for _, v in points]
    fit: Fit = theil_sen(xs, ys) if model == "theil-sen" else ols(xs, ys)
    horizon = goal.deadline.time
    centre = fit.predict(horizon)
    se = fit.prediction_se(horizon)
    dof = len(points) - 2
    goal_value = math.log(goal.target) if log else goal.target
    if se > 0:
        z = (goal_value - centre) / se
        below = t_cdf(z, dof)
    else:  # a perfect fit: the projection is certain
        below = 1.0 if centre < goal_value else (0.0 if centre > goal_value else 0.5)
    probability = 1.0 - below if goal.direction is Direction.INCREASE else below
    half = t_ppf(0.5 + confidence / 2, dof) * se
    back = math.exp if log else float
    projection = (back(centre), back(centre - half), back(centre + half))
    components.update(
        slope=fit.slope,
        residual_sd=fit.residual_sd,
        projected=projection[0],
        lower=projection[1],
        upper=projection[2],
        confidence=confidence,
        standard_error=se,
        degrees_of_freedom=dof,
        probability=probability,
    )
    caveats = _cut_at_limits(projection, series.unit, goal, components)
    if log:
        components["annual_growth"] = math.exp(fit.slope) - 1
    if at_least(probability, LIKELY):
        label, status = "likely", Status.ON_TRACK
    elif at_least(probability, UNCERTAIN):
        label, status = "uncertain", Status.NEEDS_ACCELERATION
    else:
        label = "unlikely"
        # A slope within rounding of zero (a constant series, in t or in kg) is no direction.
        scale = max((abs(y) for y in ys), default=1.0) or 1.0
        wrong_way = fit.slope * sign_of(goal.direction) < -1e-9 * scale
        status = Status.MOVING_AWAY if wrong_way else Status.INSUFFICIENT_PROGRESS
    return verdict(
        status,
        label,
        value=probability,
        components=components,
        formula="P(target met) from a Student-t prediction at the target year: "
        "ŷ_T ± t(n-2) s sqrt(1 + 1/n + (T - x̄)²/Sxx)",
        caveats=tuple(caveats),
    )


def past_limit(value: float, limit: float, scale: float, *, below: bool) -> bool:
    """Whether ``value`` is past ``limit`` by more than rounding (relative to ``scale``)."""
    slack = LIMIT_SLACK * max(1.0, scale)
    return value < limit - slack if below else value > limit + slack


#: How far past a unit's limit a projection must be to be cut (relative to its size): the
#: reference and the frame engine fit the same line with different rounding.
LIMIT_SLACK = 1e-9


def _cut_at_limits(
    projection: tuple[float, float, float], unit: str | None, goal: Goal, components: dict[str, Any]
) -> list[Caveat]:
    """Cut the projection and its interval at the unit's natural limits, with a caveat.

    A straight line fitted to a falling count reaches below zero (``projected = -95.6``
    plantations); a count cannot. The shown figures stop at the limit and the caveat says so;
    the probability of meeting the target is the fitted trend's, unchanged.
    """
    projected, lower, upper = projection
    scale = max(abs(projected), abs(lower), abs(upper))
    if not (
        past_limit(lower, 0.0, scale, below=True) or past_limit(upper, 100.0, scale, below=False)
    ):
        return []  # within every unit's limits: the unit is not even looked up
    from goalframe._unit_limits import natural_limits

    low, high = natural_limits(unit)
    cut = [
        (name, value, low if value < low else high)
        for name, value in zip(("projected", "lower", "upper"), projection, strict=True)
        if past_limit(value, low, scale, below=True) or past_limit(value, high, scale, below=False)
    ]
    if not cut:
        return []
    for name, value, limit in cut:
        components[name] = limit
        components[f"fitted_{name}"] = value
    limits = sorted({limit for *_, limit in cut})
    message = Message(
        "projection_cut",
        values=[value for _, value, _ in cut],
        period=str(goal.deadline),
        unit=Term("units", unit or ""),
        limit=limits,
    )
    return [Caveat(code="projection-cut", message=message)]
