"""The ``unsd`` method: the UN SDG Progress Chart rule (2023 technical note).

Base value ``v_b`` in the base year ``b`` (the baseline; 2015 by default, and the nearest year
with data when that year has none), latest value ``v_t`` in ``t``:
``CAGR_a = (v_t / v_b) ** (1/(t-b)) - 1`` and the value projected to the target year ``T``,
``v_T = v_t * (1 + CAGR_a) ** (T - t)``.

With a target: the latest value meeting the target is ``target_achieved`` whatever the trend;
otherwise ``r = (v_T - v_b) / (target - v_b)``: ``r >= 0.95`` on track, ``0.10 <= r < 0.95``
acceleration needed, ``r < 0.10`` stagnation or regression.

Without a target, the CAGR in the desired direction: ``>= 2 %`` on track, ``0.5 % <= g < 2 %``
acceleration needed, below that stagnation or regression.

Source: the UN SDG Progress Chart 2023 technical note, as adopted by the Basque statistics
office (EUSTAT) in its methodology page. Shared statuses: stagnation or regression is
``moving_away`` when the series moved against the desired direction, else
``insufficient_progress``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Assessment, Status
from goalframe._messages import Message
from goalframe._model import Point
from goalframe._periods import Period
from goalframe.progress._method_parts import MethodResults, at_least, cagr, sign_of
from goalframe.progress._register import register_method

if TYPE_CHECKING:
    from goalframe._assessment import Series
    from goalframe._model import Goal

NAME = "unsd"
CITATION = (
    "UN Statistics Division, SDG Progress Chart 2023 technical note (as adopted in EUSTAT's "
    "SDG methodology)"
)

verdict = MethodResults(NAME, citation=CITATION)
DEFAULT_BASE_YEAR = 2015
#: The ratio cut-offs with a target: on track from here, acceleration needed from the next.
ON_TRACK, ACCELERATION = 0.95, 0.10


def _base(series: Series, goal: Goal) -> tuple[Period, float, str] | str:
    if goal.baseline is not None:
        return goal.baseline.period, goal.baseline.value, "goal file"
    wanted = goal.base_period or Period.parse(DEFAULT_BASE_YEAR)
    value = series.value_at(wanted)
    if value is not None:
        return wanted, value, "observation at the base year"
    before_latest = list(zip(series.periods[:-1], series.values[:-1], strict=True))
    if not before_latest:
        return f"no observation to serve as the base (wanted {wanted})"
    # The nearest year with data; on a tie, the earlier one.
    period, value = min(before_latest, key=lambda pv: (abs(pv[0].time - wanted.time), pv[0].time))
    return period, value, f"nearest observation to {wanted}"


def _graded(
    value: float,
    on_track: float,
    acceleration: float,
    directed: float,
    components: dict[str, Any],
    formula: str,
) -> Assessment:
    if at_least(value, on_track):
        label, status = "on_track", Status.ON_TRACK
    elif at_least(value, acceleration):
        label, status = "acceleration_needed", Status.NEEDS_ACCELERATION
    else:
        label = "stagnation_or_regression"
        status = Status.MOVING_AWAY if directed < 0 else Status.INSUFFICIENT_PROGRESS
    return verdict(
        status,
        label,
        value=value,
        components=components,
        formula=formula,
    )


@register_method(
    NAME,
    summary="UN SDG Progress Chart 2023: project the latest value with its CAGR to the deadline.",
    citation=CITATION,
)
def assess_unsd(series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Assess a series with the UN SDG Progress Chart rule."""
    if len(series) == 0:
        return verdict.not_assessable(Message("no_observations"))
    t_period, v_t = series.periods[-1], series.values[-1]
    components: dict[str, Any] = {"latest_period": str(t_period), "latest_value": v_t}
    target = goal.target
    if target is not None and goal.meets(v_t):
        components["target"] = target
        return verdict(
            Status.ACHIEVED,
            "target_achieved",
            components=components,
            formula="the latest value meets the target",
        )
    base = _base(series, goal)
    if isinstance(base, str):
        return verdict.not_assessable(base, **components)
    b_period, v_b, base_from = base
    components.update(base_period=str(b_period), base_value=v_b, base_from=base_from)
    if t_period <= b_period:
        return verdict.not_assessable("no observation after the base year", **components)
    if v_b <= 0 or v_t <= 0:
        return verdict.not_assessable("growth rates need positive values", **components)
    actual = cagr(v_t, v_b, t_period.time, b_period.time)
    directed = sign_of(goal.direction) * actual
    components.update(cagr=actual, cagr_directed=directed)
    if target is None:
        return _graded(
            directed,
            0.02,
            0.005,
            directed,
            components,
            "g = d * CAGR, CAGR = (v_t/v_b)^(1/(t-b)) - 1",
        )
    if goal.deadline is None:
        return verdict.not_assessable("the target has no deadline (target year)", **components)
    if target == v_b:
        return verdict.not_assessable("the target equals the base value", **components)
    held = verdict.target_met_at_start(
        goal, Point(period=b_period, value=v_b), Point(period=t_period, value=v_t), components
    )
    if held is not None:
        return held
    projected = v_t * (1 + actual) ** (goal.deadline.time - t_period.time)
    ratio = (projected - v_b) / (target - v_b)
    components.update(
        target=target, target_period=str(goal.deadline), projected=projected, ratio=ratio
    )
    return _graded(
        ratio,
        ON_TRACK,
        ACCELERATION,
        directed,
        components,
        "r = (v_T - v_b) / (target - v_b), v_T = v_t (1 + CAGR)^(T - t)",
    )
