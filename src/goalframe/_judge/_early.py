"""Verdicts decided before the target's last period: a norm failed, a cap exceeded.

A norm that every period must meet can no longer be met once one period has failed it; a
total held under a cap cannot come back under it once exceeded (the figures of a total are
counts, never negative). Both are ``missed``, final, from the period that decided them,
whatever the rest of the span brings. A norm met so far and a total within its pace stay
running verdicts: they look forward.
"""

from __future__ import annotations

from goalframe._assessment import Assessment, Component, Series, Status
from goalframe._judge._final import _missed_label
from goalframe._judge._points import _decided, _latest, _start, checks, value_for
from goalframe._messages import Message
from goalframe._model import Goal, Point
from goalframe._periods import Period
from goalframe.schema import Direction, TargetType


def decided_early(
    result: Assessment, series: Series, goal: Goal, as_of: Period
) -> Assessment | None:
    """The final ``missed`` of a norm or a cap decided before its span is over, else None."""
    if result.status is Status.NOT_ASSESSABLE or result.label == "target_type_not_read":
        return None
    if goal.type is TargetType.NORM:
        return _norm_failed(result, series, goal, as_of)
    if (
        goal.type is TargetType.CUMULATIVE
        and goal.direction is Direction.DECREASE
        and result.status is Status.MISSED
    ):
        components: dict[str, Component] = dict(result.components)
        components.update(method_status=result.status.value, method_label=result.label)
        rule = "final: a total above its cap cannot come back under it"
        return _decided(result, Status.MISSED, result.label, None, components, rule)
    return None


def _norm_failed(
    result: Assessment, series: Series, goal: Goal, as_of: Period
) -> Assessment | None:
    met: list[str] = []
    missed: list[Point] = []
    for period, value in checks(goal):
        if not period.ended_by(as_of):
            break
        point = value_for(series, period)
        if point is None:
            continue
        if goal.meets(point.value, value):
            met.append(str(period))
        else:
            missed.append(point)
    if not missed:
        return None
    first = missed[0]
    decided = len(met) + len(missed)
    moved = _missed_label(goal, _start(series, goal), _latest(series))
    label = f"{moved} ({len(met)} of {decided} met)"
    components: dict[str, Component] = dict(result.components)
    components.update(
        method_status=result.status.value,
        method_label=result.label,
        deadline=str(goal.deadline),
        periods_met=len(met),
        periods_decided=decided,
        met=tuple(met),
        missed=tuple(str(p.period) for p in missed),
    )
    reason = Message("norm_failed", period=first.period, value=first.value, norm=goal.target)
    rule = "final: a norm for every period is missed at the first period that fails it"
    return _decided(result, Status.MISSED, label, reason, components, rule, first)
