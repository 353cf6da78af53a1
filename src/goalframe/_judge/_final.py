"""The final verdict once a target's last period is over: achieved, missed or unknown."""

from __future__ import annotations

import math

from goalframe._assessment import Assessment, Component, Series, Status
from goalframe._judge._points import _decided, _known, _latest, _start, checks, value_for
from goalframe._messages import Message, Term
from goalframe._model import Goal, Point
from goalframe._periods import Period
from goalframe.schema import Direction, TargetType


def _final_cumulative(result: Assessment, series: Series, goal: Goal, last: Period) -> Assessment:
    """A total over a span, once the span is over: reached, missed, or not known yet."""
    from goalframe.progress.targets import span_periods

    start = goal.base_period or last
    periods = span_periods(start, last)
    figures = {
        p: v for p, v in zip(series.periods, series.values, strict=True) if p in set(periods)
    }
    total = math.fsum(figures.values())
    missing = [str(p) for p in periods if p not in figures]
    components: dict[str, Component] = dict(result.components)
    components.update(
        method_status=result.status.value,
        method_label=result.label,
        deadline=str(last),
        total=total,
        periods_missing=tuple(missing),
    )
    target = goal.target if goal.target is not None else 0.0
    reason = None
    if goal.meets(total):
        status, label = Status.ACHIEVED, f"total reached ({total:,.6g} of {target:,.6g})"
    elif missing and goal.direction is Direction.INCREASE:
        status, label = Status.OUTCOME_UNKNOWN, "outcome_unknown"
        reason = Message("no_figure_yet_total", periods=missing, total=total, target=target)
    else:
        status, label = Status.MISSED, f"missed ({total:,.6g} of {target:,.6g})"
    rule = "final: met when the total of the span's figures meets the target"
    return _decided(result, status, label, reason, components, rule)


def _final_range(result: Assessment, series: Series, goal: Goal, last: Period) -> Assessment:
    """A range with a deadline, once it is over: achieved, missed or not known yet.

    The figure for the deadline inside the range is achieved, outside it missed; without a
    figure the outcome is not known yet.
    """
    low = goal.low if goal.low is not None else result.components.get("low")
    high = goal.high if goal.high is not None else result.components.get("high")
    if not isinstance(low, int | float) or not isinstance(high, int | float) or low >= high:
        return result  # the method said why it cannot read the range
    components: dict[str, Component] = dict(result.components)
    components.update(method_status=result.status.value, method_label=result.label)
    components.update(deadline=str(last))
    at_deadline = value_for(series, last)
    reason = None
    if at_deadline is None:
        status, label = Status.OUTCOME_UNKNOWN, "outcome_unknown"
        reason = Message(
            "no_figure_yet_known",
            periods=[str(last)],
            known=_known(_latest(series)),
            status=Term("status", result.status.value),
            method=Term("methods", result.method),
        )
    elif low - goal.tolerance <= at_deadline.value <= high + goal.tolerance:
        components.update(deadline_value=at_deadline.value)
        status, label = Status.ACHIEVED, "met_at_deadline"
    else:
        components.update(deadline_value=at_deadline.value)
        status = Status.MISSED
        label = _missed_range_label(_start(series, goal), at_deadline, low, high)
    rule = "final: met when the figure for the deadline period is within [low, high]"
    return _decided(result, status, label, reason, components, rule, at_deadline)


def _missed_range_label(start: Point | None, end: Point, low: float, high: float) -> str:
    """How a range was missed: by the distance to it at the start and at the deadline."""
    if start is None or start.period >= end.period:
        return "missed"

    def distance(value: float) -> float:
        return max(low - value, value - high, 0.0)

    before, after = distance(start.value), distance(end.value)
    if after == before:
        return "missed, no change"
    return "missed, moved towards the target" if after < before else "missed, moved away"


def _final(result: Assessment, series: Series, goal: Goal, last: Period) -> Assessment:
    """The verdict once the target's last period is over: achieved, missed, outcome unknown."""
    if goal.type is TargetType.CUMULATIVE:
        return _final_cumulative(result, series, goal, last)
    if goal.type is TargetType.RANGE:
        return _final_range(result, series, goal, last)
    due = checks(goal)
    if not due or result.label == "target_type_not_read":
        return result
    if goal.type is TargetType.BINARY and any(v not in (0.0, 1.0) for v in series.values):
        return result  # the method refused values other than 0 and 1, and said which
    met: list[str] = []
    missed: list[str] = []
    unknown: list[str] = []
    points: dict[str, Point] = {}
    for period, value in due:
        point = value_for(series, period)
        if goal.type is TargetType.BINARY and point is None:
            # Done before the deadline is done: the latest figure up to it decides.
            latest = _latest(series)
            point = latest if latest is not None and goal.meets(latest.value, value) else None
        if point is None:
            unknown.append(str(period))
            continue
        points[str(period)] = point
        if goal.meets(point.value, value):
            met.append(str(period))
        else:
            missed.append(str(period))
    components: dict[str, Component] = dict(result.components)
    components.update(
        method_status=result.status.value,
        method_label=result.label,
        deadline=str(last),
    )
    several = len(due) > 1
    if several:
        components.update(
            periods_met=len(met),
            periods_decided=len(due),
            met=tuple(met),
            missed=tuple(missed),
            not_observed=tuple(unknown),
        )
    at_deadline = value_for(series, last)
    if at_deadline is not None:
        components.update(deadline_value=at_deadline.value)
    start = _start(series, goal)
    reason = None
    if missed:
        status = Status.MISSED
        label = _missed_label(goal, start, at_deadline or _latest(series))
        if several:
            label = f"{label} ({len(met)} of {len(due)} met)"
    elif unknown:
        status = Status.OUTCOME_UNKNOWN
        latest = _latest(series)
        label = "outcome_unknown"
        reason = Message(
            "no_figure_yet_known",
            periods=unknown,
            known=_known(latest),
            status=Term("status", result.status.value),
            method=Term("methods", result.method),
        )
    else:
        status = Status.ACHIEVED
        label = "met_at_deadline" if not several else f"met ({len(met)} of {len(due)})"
    rule = (
        "final: met when the figure for the deadline period meets the target"
        if not several
        else "final: met when the figure for every period due meets the value in force"
    )
    # The figure that decided it: the first period missed, else the last period met.
    deciding = points.get(missed[0]) if missed else (points.get(met[-1]) if met else None)
    return _decided(result, status, label, reason, components, rule, deciding)


def _missed_label(goal: Goal, start: Point | None, end: Point | None) -> str:
    if start is None or end is None or start.period >= end.period:
        return "missed"
    change = end.value - start.value
    if change == 0:
        return "missed, no change"
    better = (change > 0) == (goal.direction is Direction.INCREASE)
    return "missed, moved towards the target" if better else "missed, moved away"
