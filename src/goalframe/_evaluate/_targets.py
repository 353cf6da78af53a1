"""The method and the target in force for an indicator, its trend and its assessment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from goalframe._assessment import Assessment, Caveat, Series, not_assessable
from goalframe._evaluate._series import (
    _convert,
    _first_period,
    _point_words,
    _series_and_points,
)
from goalframe._messages import Message, Term
from goalframe._model import Framework, Goal, Indicator
from goalframe._observations import Observation
from goalframe._periods import Period
from goalframe._results import (
    Observed,
    TargetOutcome,
    Trend,
)
from goalframe.errors import DataError
from goalframe.schema import Direction, TargetType

#: Methods for target types that are not trajectories.
TYPE_METHODS = {
    TargetType.NORM: "norm",
    TargetType.MILESTONES: "norm",
    TargetType.RANGE: "range",
    TargetType.BINARY: "binary",
    TargetType.CUMULATIVE: "cumulative",
}


def _method_for(indicator: Indicator, framework: Framework, override: str | None) -> str:
    """The method to use: ``--method``, else the indicator's, else by target type."""
    if override is not None:
        return override
    if indicator.method is not None:
        return indicator.method
    if indicator.goal is not None and indicator.goal.type in TYPE_METHODS:
        return TYPE_METHODS[indicator.goal.type]
    return framework.spec.default_method


def _trend(indicator: Indicator, points: list[Observed]) -> Trend | None:
    if len(points) < 2:
        return None
    previous, latest = points[-2], points[-1]
    change = latest.value - previous.value
    better = None
    if change != 0 and indicator.direction is not None:
        better = (change > 0) == (indicator.direction is Direction.INCREASE)
    return Trend(previous=previous, change=change, better=better)


def _assess(indicator: Indicator, series: Series, method: str, as_of: Period) -> Assessment:
    from goalframe._judge import judge
    from goalframe.progress import get_method

    if indicator.goal is None:
        reason = Message("context_not_scored" if indicator.kind == "context" else "no_target")
        return not_assessable(method, reason)
    return judge(get_method(method), series, indicator.goal, indicator.options, as_of=as_of)


def _in_force(
    indicator: Indicator, series: Series, method_of: Callable[[Goal], str], as_of: Period
) -> tuple[Indicator, tuple[TargetOutcome, ...]]:
    """Assess each of several targets; the card's verdict is the one in force.

    In force is the target whose span (from its start to its last period) holds the
    assessment date; between two spans, the last one that is over (its verdict is final);
    before the first, the first. Targets after it are ``to come``, before it ``earlier``.
    ``method_of`` gives each target its method: the one forced or the indicator's, else the
    one its own type reads (an earlier norm is judged as a norm beside a trajectory in force).
    """
    goals = indicator.goals
    current = in_force_index(goals, as_of)
    outcomes = []
    for k, goal in enumerate(goals):
        role = "in force" if k == current else ("earlier" if k < current else "to come")
        one = attrs.evolve(indicator, goal=goal)
        assessment = _assess(one, series, method_of(goal), as_of)
        outcomes.append(TargetOutcome(goal=goal, assessment=assessment, role=role))
    return attrs.evolve(indicator, goal=goals[current]), tuple(outcomes)


def in_force_index(goals: Sequence[Goal], as_of: Period) -> int:
    """Which of several targets is in force at ``as_of`` (see `_in_force`): its index."""
    from goalframe._judge import final_period

    ends = [final_period(g) for g in goals]
    starts = [_first_period(g) for g in goals]

    def started(k: int) -> bool:
        first = starts[k]
        return first is None or first.start < as_of.end

    def over(k: int) -> bool:
        last = ends[k]
        return last is not None and last.ended_by(as_of)

    holding = [k for k in range(len(goals)) if started(k) and not over(k)]
    done = [k for k in range(len(goals)) if over(k)]
    return holding[0] if holding else (done[-1] if done else 0)


def _revision_caveat(
    indicator: Indicator,
    assessment: Assessment,
    firsts: list[Observation],
    method: str,
    as_of: Period,
    used: list[Observation],
) -> Assessment:
    """Say when the first releases would have given another verdict than the revisions."""
    if indicator.unit is None:
        return assessment
    try:
        series, _ = _series_and_points(_convert(indicator, firsts), indicator.unit)
    except DataError:
        return assessment
    before = _assess(indicator, series, method, as_of)
    if before.status is assessment.status:
        return assessment
    changed = [
        (f, u)
        for f, u in zip(
            sorted(firsts, key=lambda o: o.period),
            sorted(used, key=lambda o: o.period),
            strict=True,
        )
        if f.value != u.value
    ]
    message = Message(
        "revision_changed_verdict",
        first=[_point_words(f) for f, _ in changed[:3]],
        now=[_point_words(u) for _, u in changed[:3]],
        before=Term("status", before.status.value),
        after=Term("status", assessment.status.value),
    )
    caveat = Caveat(code="revision-changed-verdict", message=message)
    return attrs.evolve(assessment, caveats=(*assessment.caveats, caveat))
