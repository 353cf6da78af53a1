"""The ``trajectory`` method: progress made against progress expected by now.

The target line runs straight from the baseline to the target at the deadline (through any
milestones on the way). At the latest observed period ``t``:

- progress made: ``p = (y_t - y_0) / (y_T - y_0)``, 0 at the baseline and 1 at the target;
- progress expected: ``e = (line(t) - y_0) / (y_T - y_0)``, the share of the way the line has
  covered by ``t`` (1 from the deadline on);
- ratio: ``r = p / e``.

Verdict, in this order: the latest value meets the target (within the tolerance) ->
``achieved``; ``p < 0`` (worse than the baseline) -> ``moving_away``; ``r >= 0.95`` ->
``on_track``; ``r >= 0.6`` -> ``needs_acceleration``; otherwise ``insufficient_progress``.
The 0.95 and 0.6 cut-offs are those of Eurostat's and ESCAP's target-ratio assessments;
change them with the options ``on_track`` and ``acceleration``.

This is the "expected progress to date" reading of UN ESCAP's Current Status Index.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Assessment, Status
from goalframe._messages import Message
from goalframe.progress._method_parts import (
    MethodResults,
    at_least,
    number_option,
    resolve_baseline,
)
from goalframe.progress._register import register_method

if TYPE_CHECKING:
    from goalframe._assessment import Series
    from goalframe._model import Goal, Point

NAME = "trajectory"
CITATION = (
    "Linear target trajectory (UN ESCAP, Asia and the Pacific SDG Progress Report, "
    "'expected progress to date'); cut-offs 0.95 / 0.6 as in Eurostat's target-ratio method"
)
FORMULA = (
    "progress = (latest - baseline) / (target - baseline); expected = (line(t) - baseline) / "
    "(target - baseline); ratio = progress / expected"
)

verdict = MethodResults(NAME, citation=CITATION, formula=FORMULA)

_LABELS = {
    Status.ACHIEVED: "target_met",
    Status.ON_TRACK: "on_trajectory",
    Status.NEEDS_ACCELERATION: "behind_trajectory",
    Status.INSUFFICIENT_PROGRESS: "far_behind_trajectory",
    Status.MOVING_AWAY: "moving_away",
}


def _line_value(knots: list[Point], t: float) -> float:
    """The target line's value at time t: piecewise linear through the knots, flat after."""
    if t >= knots[-1].period.time:
        return knots[-1].value
    for left, right in pairwise(knots):
        t0, t1 = left.period.time, right.period.time
        if t <= t1:
            share = (t - t0) / (t1 - t0)
            return left.value + share * (right.value - left.value)
    return knots[-1].value  # pragma: no cover - the loop always returns


def cut_offs(options: Mapping[str, Any]) -> tuple[float, float]:
    """The on-track and acceleration cut-offs the options set (0.95 and 0.6 by default)."""
    on_track = number_option(options, "on_track", 0.95)
    acceleration = number_option(options, "acceleration", 0.6)
    if not 0 <= acceleration <= on_track:
        msg = f"options need 0 <= acceleration ({acceleration}) <= on_track ({on_track})"
        raise ValueError(msg)
    return on_track, acceleration


def _validate(options: Mapping[str, Any]) -> None:
    cut_offs(options)


# Long: the method's branches in the order its docstring states them, each with its components.
@register_method(
    NAME,
    summary="Progress made vs progress expected by now on the straight line baseline -> target.",
    citation=CITATION,
    options={
        "on_track": "ratio of progress made to expected at or above which it is on track "
        "(default 0.95)",
        "acceleration": "ratio at or above which it only needs acceleration (default 0.6)",
    },
    validate=_validate,
)
def assess_trajectory(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Assess a series against the straight line from baseline to target."""
    from goalframe._model import Point

    try:
        on_track, acceleration = cut_offs(options)
    except ValueError as exc:
        return verdict.not_assessable(str(exc))
    if goal.target is None:
        return verdict.not_assessable(Message("no_target_value"))
    if goal.deadline is None:
        return verdict.not_assessable(
            "the target has no deadline, so progress expected by now is undefined"
        )
    if len(series) == 0:
        return verdict.not_assessable(Message("no_observations"))
    baseline, baseline_from = resolve_baseline(series, goal)
    if baseline is None:
        return verdict.not_assessable(baseline_from)
    if goal.deadline <= baseline.period:
        return verdict.not_assessable(
            f"the deadline {goal.deadline} is not after the baseline {baseline.period}"
        )
    span = goal.target - baseline.value
    if span == 0:
        return verdict.not_assessable(Message("target_equals_baseline"))
    latest_period, latest = series.periods[-1], series.values[-1]
    components: dict[str, Any] = {
        "baseline": baseline.value,
        "baseline_period": str(baseline.period),
        "baseline_from": baseline_from,
        "target": goal.target,
        "deadline": str(goal.deadline),
        "latest": latest,
        "latest_period": str(latest_period),
    }
    if latest_period <= baseline.period:
        return verdict.not_assessable(
            f"no observation after the baseline period {baseline.period} (latest: {latest_period})",
            **components,
        )
    held = verdict.target_met_at_start(
        goal, baseline, Point(period=latest_period, value=latest), components
    )
    if held is not None:
        return held
    knots = [baseline, *goal.milestones, Point(period=goal.deadline, value=goal.target)]
    expected_value = _line_value(knots, latest_period.time)
    progress = (latest - baseline.value) / span
    expected = (expected_value - baseline.value) / span
    components.update(
        elapsed_share=min(
            1.0,
            (latest_period.time - baseline.period.time)
            / (goal.deadline.time - baseline.period.time),
        ),
        expected_value=expected_value,
        progress=progress,
        expected_progress=expected,
    )
    if goal.meets(latest):
        status = Status.ACHIEVED
    elif progress < 0:
        status = Status.MOVING_AWAY
    else:
        ratio = progress / expected if expected > 0 else float("inf")
        components["ratio"] = ratio
        components["on_track_at"] = on_track
        components["acceleration_at"] = acceleration
        if at_least(ratio, on_track):
            status = Status.ON_TRACK
        elif at_least(ratio, acceleration):
            status = Status.NEEDS_ACCELERATION
        else:
            status = Status.INSUFFICIENT_PROGRESS
    return verdict(
        status,
        _LABELS[status],
        value=progress,
        expected=expected,
        components=components,
    )
