"""A final verdict across a series break: the target on one definition, the figure on another.

A target of 140 synthetic-drug labs, and a count widened to all drug labs in 2021 (flagged
as a break): 151 labs in 2022 do not "achieve" it. When a break lies between the target's
baseline (or its setting) and the figure that decided it, the verdict is not given
like-for-like: the outcome is unknown, with the caveat ``definition-changed`` naming the
break, the figure and what it would have been. A goal file that says the target holds on the
new definition (``holds_after_break: true``) keeps the verdict, with the caveat
``definition-held`` on every card.
"""

from __future__ import annotations

import attrs

from goalframe._assessment import Assessment, Caveat, Component, Series, Status
from goalframe._messages import Message, Term
from goalframe._model import Goal
from goalframe._periods import Period


def across_break(result: Assessment, series: Series, declared: Goal) -> Assessment:
    """``result`` when no break separates its deciding figure from the target's definition."""
    deciding = result.deciding
    if not result.final or deciding is None:
        return result
    since = _defined_at(declared, series)
    if since is None:
        return result
    breaks = [
        p
        for p, flags in zip(series.periods, series.flags, strict=True)
        if "break" in flags and p.start > since.start and p.start <= deciding.period.start
    ]
    if not breaks:
        return result
    at = breaks[-1]
    if declared.holds_after_break:
        held = Message("definition_held", period=at)
        return attrs.evolve(
            result, caveats=(*result.caveats, Caveat(code="definition-held", message=held))
        )
    reason = Message(
        "definition_changed",
        period=at,
        since=since,
        figure=Message("period_value", period=deciding.period, value=deciding.value),
        status=Term("status", result.status.value),
    )
    components: dict[str, Component] = dict(result.components)
    components.update(
        verdict_across_break=result.status.value,
        deciding_period=str(deciding.period),
        deciding_value=deciding.value,
        break_period=str(at),
    )
    return attrs.evolve(
        result,
        status=Status.OUTCOME_UNKNOWN,
        label="definition_changed",
        reason=reason,
        components=components,
        deciding=None,
        caveats=(Caveat(code="definition-changed", message=reason), *result.caveats),
    )


def _defined_at(goal: Goal, series: Series) -> Period | None:
    """The period whose definition the target was set on: its setting, else its baseline's."""
    if goal.set is not None:
        return goal.set
    if goal.baseline is not None:
        return goal.baseline.period
    if goal.base_period is not None:
        return goal.base_period
    return series.periods[0] if len(series) else None
