"""Methods for the target types that are not trajectories: ``norm``, ``range`` and ``binary``.

``norm`` assesses a norm ("at least 950 criminal networks tackled a year, 2015-2018": every
period in a span must reach a value, in the indicator's direction) and a ``milestones`` target
(each milestone is the target in force for its period). It counts the periods due so far
that met and missed their value: all met is ``achieved`` once the span is over (``norm_met``;
``norm_met_with_gaps`` when some period has no observation) and ``on_track`` before
(``norm_met_so_far``); three quarters or more met is ``needs_acceleration``
(``norm_partly_met``); fewer ``insufficient_progress`` (``norm_partly_met``); none
``moving_away`` (``norm_missed``). For milestones the milestone in force decides first: met,
it is ``on_track`` (``milestone_met``; ``achieved`` and ``target_met`` for the final target).

``range``: the latest value inside ``[low, high]`` is ``achieved`` (``in_range``); outside,
``needs_acceleration`` when it came closer since the previous observation
(``outside_range_approaching``), ``moving_away`` when not (``outside_range_departing``).

``binary``: values are 1 (done) or 0 (not done); the latest 1 is ``achieved`` (``done``), 0 is
``insufficient_progress`` (``not_done``).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Assessment, Status
from goalframe._messages import Message
from goalframe._periods import Frequency, Period
from goalframe.progress._method_parts import MethodResults, at_least
from goalframe.progress._register import register_method
from goalframe.schema import Direction, TargetType

if TYPE_CHECKING:
    from goalframe._assessment import Series
    from goalframe._model import Goal

#: A norm partly met: from this share of the periods met it needs acceleration.
NORM_PARTLY = 0.75
#: A running total against the share of its span gone: on pace from here, behind from the next.
PACE_ON, PACE_BEHIND = 0.95, 0.6
CITATION = "goalframe target types (docs: explanation/methods)"
#: The most periods a norm's or a cumulative total's span may have (refused when loading).
MAX_SPAN = 10_000

norm_verdict = MethodResults("norm", citation=CITATION)
range_verdict = MethodResults("range", citation=CITATION)
binary_verdict = MethodResults("binary", citation=CITATION)


@functools.lru_cache(maxsize=4096)
def span_periods(start: Period, end: Period) -> tuple[Period, ...]:
    """Every period of ``start``'s frequency from ``start`` to ``end``, inclusive.

    Cached: every series of an indicator asks for the same span (20,000 series of one
    indicator read its 21 years once, not 420,000 times).
    """
    return tuple(_span(start, end))


def _span(start: Period, end: Period) -> list[Period]:
    out: list[Period] = []
    year, sub = start.year, start.sub
    if start.frequency is Frequency.DAY:
        import datetime as dt

        day = start.start
        while Period.parse(day) <= end and len(out) <= MAX_SPAN:
            out.append(Period.parse(day))
            if day == dt.date.max:
                break
            day += dt.timedelta(days=1)
        return out
    if start.frequency is Frequency.FISCAL_YEAR:
        from goalframe._periods import fiscal

        end_year = start.year
        while end_year <= 9999:
            period = fiscal(end_year, start.sub, fy_style=start.day == 1)
            if period > end:
                break
            out.append(period)
            end_year += 1
        return out
    per_year = {Frequency.YEAR: 1, Frequency.QUARTER: 4, Frequency.MONTH: 12}[start.frequency]
    while True:
        if start.frequency is Frequency.YEAR:
            period = Period.parse(year)
        elif start.frequency is Frequency.QUARTER:
            period = Period.parse(f"{year}Q{sub}")
        else:
            period = Period.parse(f"{year}-{sub:02d}")
        if period > end:
            return out
        out.append(period)
        if year == 9999 and sub in (0, per_year):
            return out  # the last period a goal file can name
        if per_year == 1:
            year += 1
        else:
            sub += 1
            if sub > per_year:
                year, sub = year + 1, 1


def _movement(series: Series, goal: Goal, period: Period) -> str:
    """How the figure for ``period`` moved against the one before it (or the baseline)."""
    value = series.value_at(period)
    before = [v for p, v in zip(series.periods, series.values, strict=True) if p < period]
    start = before[-1] if before else (goal.baseline.value if goal.baseline else None)
    if value is None or start is None or value == start:
        return "no change seen"
    better = (value > start) == (goal.direction is Direction.INCREASE)
    return "moved towards it" if better else "moved away"


def _uses_milestones(goal: Goal) -> bool:
    return goal.type is TargetType.MILESTONES or (
        goal.type is not TargetType.NORM and bool(goal.milestones)
    )


def _checks(goal: Goal) -> list[tuple[Period, float]] | str:
    if _uses_milestones(goal):
        checks = [(m.period, m.value) for m in goal.milestones]
        if goal.target is not None and goal.deadline is not None:
            checks.append((goal.deadline, goal.target))
        return sorted(checks)
    if goal.target is None:
        return "a norm needs a value"
    start = goal.base_period or (goal.baseline.period if goal.baseline else None)
    if start is None or goal.deadline is None:
        return "a norm needs a span (its first and last period)"
    if len(span_periods(start, goal.deadline)) > MAX_SPAN:
        return "the norm's span has more than 10,000 periods"
    return [(p, goal.target) for p in span_periods(start, goal.deadline)]


@register_method(
    "norm",
    summary="Norms and milestones: count the periods that met the value in force.",
    citation=CITATION,
    general=False,
    reads=(TargetType.NORM, TargetType.MILESTONES, TargetType.TRAJECTORY),
)
def assess_norm(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Assess a norm or milestone target period by period."""
    checks = _checks(goal)
    if isinstance(checks, str):
        return norm_verdict.not_assessable(checks)
    if not checks:
        return norm_verdict.not_assessable("no milestones or norm periods to check")
    if len(series) == 0:
        return norm_verdict.not_assessable(Message("no_observations"))
    latest = series.periods[-1]
    due = [(p, v) for p, v in checks if p <= latest]
    met, missed, unobserved = [], [], []
    for period, value in due:
        observed = series.value_at(period)
        if observed is None:
            unobserved.append(str(period))
        elif goal.meets(observed, value):
            met.append(str(period))
        else:
            missed.append(str(period))
    components: dict[str, Any] = {
        "periods_due": len(due),
        "met": tuple(met),
        "missed": tuple(missed),
        "not_observed": tuple(unobserved),
        "in_force": None,
    }
    if due:
        components["in_force"] = f"{due[-1][1]:g} ({due[-1][0]})"
    observed_count = len(met) + len(missed)
    if observed_count == 0:
        return norm_verdict.not_assessable("no observation for any period due so far", **components)
    share = len(met) / observed_count
    components["share_met"] = share
    span_over = latest >= checks[-1][0]
    last_due = str(due[-1][0]) if due else None
    if _uses_milestones(goal) and due:
        # Assessed against the milestone in force, whatever happened before: a milestone
        # whose period is over is met, missed or not yet known.
        final = span_over and last_due == str(checks[-1][0])
        if last_due in met:
            label = "target_met" if final else "milestone_met"
            status = Status.ACHIEVED if final else Status.ON_TRACK
        elif last_due in missed:
            label = "milestone_missed, " + _movement(series, goal, due[-1][0])
            status = Status.MISSED
        else:
            label, status = "milestone_outcome_unknown", Status.OUTCOME_UNKNOWN
    elif not missed:
        if span_over:
            label = "norm_met_with_gaps" if unobserved else "norm_met"
            status = Status.ACHIEVED
        else:
            label, status = "norm_met_so_far", Status.ON_TRACK
    elif not met:
        label, status = "norm_missed", Status.MOVING_AWAY
    elif at_least(share, NORM_PARTLY):
        label, status = "norm_partly_met", Status.NEEDS_ACCELERATION
    else:
        label, status = "norm_partly_met", Status.INSUFFICIENT_PROGRESS
    return norm_verdict(
        status,
        label,
        value=share,
        components=components,
        formula="share met = periods that met the value in force / periods observed so far",
    )


def _bounds(goal: Goal, options: Mapping[str, Any]) -> tuple[float, float] | str:
    low = goal.low if goal.low is not None else options.get("low")
    high = goal.high if goal.high is not None else options.get("high")
    if not isinstance(low, int | float) or not isinstance(high, int | float):
        return "a range target needs `low` and `high`"
    if low >= high:
        return f"low ({low:g}) must be below high ({high:g})"
    return float(low), float(high)


def _validate_range(options: Mapping[str, Any]) -> None:
    for name in ("low", "high"):
        value = options.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            msg = f"option {name!r} must be a number, not {value!r}"
            raise TypeError(msg)


def _distance(value: float, low: float, high: float) -> float:
    return max(low - value, value - high, 0.0)


@register_method(
    "range",
    summary="Range targets: is the latest value within [low, high], or getting closer?",
    citation=CITATION,
    options={
        "low": "lower bound (when not in the goal file)",
        "high": "upper bound (when not in the goal file)",
    },
    validate=_validate_range,
    general=False,
)
def assess_range(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Assess a series against a range."""
    bounds = _bounds(goal, options)
    if isinstance(bounds, str):
        return range_verdict.not_assessable(bounds)
    if len(series) == 0:
        return range_verdict.not_assessable(Message("no_observations"))
    low, high = bounds
    inside = [low - goal.tolerance <= v <= high + goal.tolerance for v in series.values]
    latest = series.values[-1]
    distance = _distance(latest, low, high)
    components: dict[str, Any] = {
        "low": low,
        "high": high,
        "latest": latest,
        "distance": distance,
        "share_in_range": sum(inside) / len(inside),
    }
    if inside[-1]:
        label, status = "in_range", Status.ACHIEVED
    elif len(series) < 2:
        label, status = "outside_range", Status.INSUFFICIENT_PROGRESS
    else:
        before = _distance(series.values[-2], low, high)
        components["previous_distance"] = before
        if distance < before:
            label, status = "outside_range_approaching", Status.NEEDS_ACCELERATION
        else:
            label, status = "outside_range_departing", Status.MOVING_AWAY
    return range_verdict(
        status,
        label,
        value=components["share_in_range"],
        components=components,
        formula="distance = max(low - y, y - high, 0)",
    )


@register_method(
    "binary",
    summary="Binary targets: done (1) or not done (0).",
    citation=CITATION,
    general=False,
)
def assess_binary(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Assess a done / not-done series."""
    if len(series) == 0:
        return binary_verdict.not_assessable(Message("no_observations"))
    odd = [
        f"{v:g} ({p})"
        for p, v in zip(series.periods, series.values, strict=True)
        if v not in (0.0, 1.0)
    ]
    if odd:
        return binary_verdict.not_assessable(f"a binary target needs values 0 or 1, not {odd[0]}")
    done = series.values[-1] == 1.0
    return binary_verdict(
        Status.ACHIEVED if done else Status.INSUFFICIENT_PROGRESS,
        "done" if done else "not_done",
        value=series.values[-1],
        components={"latest_period": str(series.periods[-1])},
        formula="done when the latest value is 1",
    )


cumulative_verdict = MethodResults("cumulative", citation=CITATION)


@register_method(
    "cumulative",
    summary="Cumulative targets: the running total of the span against its share of the total.",
    citation=CITATION,
    general=False,
    reads=(TargetType.CUMULATIVE,),
)
def assess_cumulative(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Assess a total over a span: the running total against the share of the span elapsed.

    The expected part of the total is the share of the span's periods up to the latest one
    with a figure. A period without a figure adds nothing to the running total (the judge
    reports it as a missing period).
    """
    if goal.target is None or goal.base_period is None or goal.deadline is None:
        return cumulative_verdict.not_assessable("a cumulative target needs a value and a span")
    periods = span_periods(goal.base_period, goal.deadline)
    if not periods or len(periods) > 10_000:
        return cumulative_verdict.not_assessable("the span has no periods (or too many)")
    figures = {
        p: v for p, v in zip(series.periods, series.values, strict=True) if p in set(periods)
    }
    if not figures:
        return cumulative_verdict.not_assessable("no figure for any period of the span yet")
    latest = max(figures)
    elapsed = periods.index(latest) + 1
    total = math.fsum(figures.values())
    share = elapsed / len(periods)
    made = total / goal.target if goal.target else 0.0
    components: dict[str, Any] = {
        "total_so_far": total,
        "target_total": goal.target,
        "periods_in_span": len(periods),
        "periods_elapsed": elapsed,
        "periods_with_a_figure": len(figures),
        "expected_share": share,
        "share_made": made,
    }
    formula = "share made = running total / target total; expected = periods elapsed / periods"
    if goal.direction is Direction.INCREASE:
        if goal.meets(total):
            status, label = Status.ACHIEVED, "total_reached"
        else:
            ratio = made / share
            components["ratio"] = ratio
            if at_least(ratio, PACE_ON):
                status, label = Status.ON_TRACK, "on_pace"
            elif at_least(ratio, PACE_BEHIND):
                status, label = Status.NEEDS_ACCELERATION, "behind_pace"
            else:
                status, label = Status.INSUFFICIENT_PROGRESS, "far_behind_pace"
    elif not goal.meets(total):
        status, label = Status.MISSED, "cap_exceeded"  # a total above a cap cannot come down
    elif total <= goal.target * share + goal.tolerance:
        status, label = Status.ON_TRACK, "within_pace"
    else:
        status, label = Status.NEEDS_ACCELERATION, "above_pace"
    return cumulative_verdict(
        status, label, value=made, expected=share, components=components, formula=formula
    )
