"""The points a verdict reads: the start, the figure for a period, a target's checks."""

from __future__ import annotations

import attrs

from goalframe._assessment import Assessment, Component, Deciding, Series, Status
from goalframe._messages import Message
from goalframe._model import Goal, Point
from goalframe._periods import Period
from goalframe.schema import TargetType


def final_period(goal: Goal) -> Period | None:
    """The period whose end makes a verdict final: deadline, norm span end, last milestone."""
    if goal.type is TargetType.RANGE:
        return goal.deadline
    candidates = [m.period for m in goal.milestones]
    if goal.deadline is not None:
        candidates.append(goal.deadline)
    return max(candidates) if candidates else None


def _start(series: Series, goal: Goal) -> Point | None:
    if goal.baseline is not None:
        return goal.baseline
    if goal.base_period is not None:
        value = series.value_at(goal.base_period)
        return None if value is None else Point(period=goal.base_period, value=value)
    if len(series):
        return Point(period=series.periods[0], value=series.values[0])
    return None


def value_for(series: Series, period: Period) -> Point | None:
    """The figure for a period: the observation at it, else the last one inside it."""
    exact = series.value_at(period)
    if exact is not None:
        return Point(period=period, value=exact)
    inside = [
        Point(period=p, value=v)
        for p, v in zip(series.periods, series.values, strict=True)
        if period.start <= p.start and p.end <= period.end
    ]
    return inside[-1] if inside else None


def checks(goal: Goal) -> list[tuple[Period, float]]:
    """The periods that decide the verdict, each with the value in force."""
    from goalframe.progress.targets import span_periods

    if goal.type is TargetType.NORM:
        start = goal.base_period or (goal.baseline.period if goal.baseline else None)
        if goal.target is None or start is None or goal.deadline is None:
            return []
        periods = span_periods(start, goal.deadline)
        return [(p, goal.target) for p in periods[:10_000]]
    if goal.type is TargetType.MILESTONES:
        checks = [(m.period, m.value) for m in goal.milestones]
        if goal.target is not None and goal.deadline is not None:
            checks.append((goal.deadline, goal.target))
        return sorted(checks)
    if goal.type is TargetType.BINARY and goal.deadline is not None:
        return [(goal.deadline, 1.0)]  # done (1) by the deadline
    if goal.target is None or goal.deadline is None:
        return []
    return [(goal.deadline, goal.target)]


def _decided(
    result: Assessment,
    status: Status,
    label: str,
    reason: Message | None,
    components: dict[str, Component],
    rule: str,
    deciding: Point | None = None,
) -> Assessment:
    """The method's result made final: the judge's status and label, its rule in the formula.

    ``deciding``: the figure that decided it (none for an unknown outcome).
    """
    return attrs.evolve(
        result,
        status=status,
        label=label,
        reason=reason,
        components=components,
        formula=f"{result.formula}; {rule}" if result.formula else rule,
        final=True,
        deciding=None
        if deciding is None or status is Status.OUTCOME_UNKNOWN
        else Deciding(period=deciding.period, value=deciding.value),
    )


def _known(latest: Point | None) -> Message:
    """``2023: 1,230``, or ``no figure``."""
    if latest is None:
        return Message("no_figure")
    return Message("period_value", period=latest.period, value=latest.value)


def _latest(series: Series) -> Point | None:
    if not len(series):
        return None
    return Point(period=series.periods[-1], value=series.values[-1])
