"""The ``okr`` method: the Objectives-and-Key-Results grade.

``grade = (latest - start) / (target - start)``, clamped to [0, 1]; ``start`` is the baseline
(or the first observation). Colours as in Google's OKR practice (*Measure What Matters*;
re:Work): 0.7-1.0 ``green``, 0.4-0.7 ``yellow``, below 0.4 ``red``. Time plays no part: a key
result is graded at the end of its period.

Shared statuses: a grade of 1 is ``achieved``, green ``on_track``, yellow
``needs_acceleration``, red ``insufficient_progress`` (``moving_away`` when the latest value is
worse than the start).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Assessment, Status
from goalframe._messages import Message
from goalframe._model import Point
from goalframe.progress._method_parts import MethodResults, at_least, resolve_baseline
from goalframe.progress._register import register_method

if TYPE_CHECKING:
    from goalframe._assessment import Series
    from goalframe._model import Goal

NAME = "okr"
#: The grade from which a key result is green, and from which it is yellow.
GREEN, YELLOW = 0.7, 0.4
CITATION = "Google re:Work, 'Set goals with OKRs'; J. Doerr, Measure What Matters (2018)"

verdict = MethodResults(NAME, citation=CITATION)


@register_method(
    NAME,
    summary="OKR grade (latest - start) / (target - start) in [0, 1]: green, yellow, red.",
    citation=CITATION,
)
def assess_okr(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Grade a series as an OKR key result."""
    if goal.target is None:
        return verdict.not_assessable(Message("no_target_value"))
    start, start_from = resolve_baseline(series, goal)
    if start is None:
        return verdict.not_assessable(start_from)
    if len(series) == 0:
        return verdict.not_assessable(Message("no_observations"))
    latest, latest_period = series.values[-1], series.periods[-1]
    if goal.target == start.value:
        return verdict.not_assessable("the target equals the start value")
    if latest_period <= start.period:
        # Never a grade of the start against itself, nor of figures from before the start.
        return verdict.not_assessable(
            f"no observation after the start {start.period} (latest: {latest_period})"
        )
    components: dict[str, Any] = {
        "start": start.value,
        "start_period": str(start.period),
        "start_from": start_from,
        "target": goal.target,
        "latest": latest,
        "latest_period": str(latest_period),
    }
    held = verdict.target_met_at_start(
        goal, start, Point(period=latest_period, value=latest), components
    )
    if held is not None:
        return held
    raw = (latest - start.value) / (goal.target - start.value)
    grade = min(1.0, max(0.0, raw))
    components.update(raw_grade=raw, grade=grade)
    if goal.meets(latest):
        # Achieved only when the target is met: a grade clamped to 1 is not enough.
        label, status = "green", Status.ACHIEVED
    elif at_least(grade, GREEN):
        label, status = "green", Status.ON_TRACK
    elif at_least(grade, YELLOW):
        label, status = "yellow", Status.NEEDS_ACCELERATION
    else:
        label = "red"
        status = Status.MOVING_AWAY if raw < 0 else Status.INSUFFICIENT_PROGRESS
    return verdict(
        status,
        label,
        value=grade,
        score=grade,
        components=components,
        formula="grade = clamp((latest - start) / (target - start), 0, 1)",
    )
