"""The parts every progress method is built from: cut-offs, growth rates, options, `MethodResults`.

`MethodResults` fills in the method's name, citation and formula on every result it builds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from goalframe._assessment import Assessment, Caveat, Component, Status, not_assessable
from goalframe._messages import Message
from goalframe.schema import Direction

if TYPE_CHECKING:
    from goalframe._assessment import Series
    from goalframe._model import Goal, Point

#: Thresholds are compared with this absolute tolerance, so that a value built to sit exactly on
#: a cut-off (0.6 computed as 0.59999999999) lands where the method's text puts it.
EPSILON = 1e-9


def at_least(value: float, threshold: float) -> bool:
    """``value >= threshold``, with the documented tolerance."""
    return value >= threshold - EPSILON


def sign_of(direction: Direction) -> int:
    """+1 when an increase is desired, -1 when a decrease is."""
    return 1 if direction is Direction.INCREASE else -1


def cagr(current: float, base: float, t_current: float, t_base: float) -> float:
    """Compound annual growth rate ``(current / base) ** (1 / (t_current - t_base)) - 1``."""
    return float((current / base) ** (1 / (t_current - t_base)) - 1)


def number_option(options: Mapping[str, Any], name: str, default: float) -> float:
    """A numeric option, or ValueError naming it."""
    value = options.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        msg = f"option {name!r} must be a finite number, not {value!r}"
        raise ValueError(msg)
    return float(value)


def resolve_baseline(series: Series, goal: Goal) -> tuple[Point | None, str]:
    """The baseline to use, and where it came from (for the explanation).

    The goal's declared baseline wins; else the observation at ``goal.base_period``; else the
    first observation. Returns (None, reason) when a requested base period has no value.
    """
    from goalframe._model import Point

    if goal.baseline is not None:
        return goal.baseline, goal.baseline_from
    if goal.base_period is not None:
        value = series.value_at(goal.base_period)
        if value is None:
            return None, f"no observation at the baseline period {goal.base_period}"
        return Point(period=goal.base_period, value=value), "observation at the baseline period"
    if len(series) == 0:
        return None, Message("no_observations")
    return (
        Point(period=series.periods[0], value=series.values[0]),
        "first observation (no baseline given)",
    )


def start_caveat(goal: Goal, start: Point) -> Caveat:
    """The caveat for a target that was already met at the start a method used."""
    return Caveat(
        code="target-met-at-start",
        message=Message(
            "target_met_at_start",
            target=goal.target,
            start=Message("period_value", period=start.period, value=start.value),
        ),
    )


@attrs.frozen
class MethodResults:
    """How every method builds its results: it states the verdict, the rest is filled in.

    A method module makes one (``verdict = MethodResults(NAME, citation=CITATION)``) and returns
    ``verdict(status, label, value=..., components=...)`` or
    ``verdict.not_assessable(reason, **components)``; the method's name, citation and
    formula are the same on every result it returns.

    Attributes:
        method: The method's registered name.
        citation: Where the method is defined.
        formula: The method's formula, unless a result gives its own.
    """

    method: str
    citation: str = ""
    formula: str = ""

    def __call__(
        self,
        status: Status,
        label: str,
        *,
        value: float | None = None,
        expected: float | None = None,
        score: float | None = None,
        reason: str | None = None,
        components: Mapping[str, Component] | None = None,
        formula: str | None = None,
        caveats: tuple[Caveat, ...] = (),
    ) -> Assessment:
        """A verdict with the numbers behind it."""
        return Assessment(
            method=self.method,
            status=status,
            label=label,
            value=value,
            expected=expected,
            score=score,
            reason=reason,
            components=components or {},
            formula=self.formula if formula is None else formula,
            citation=self.citation,
            caveats=caveats,
        )

    def not_assessable(self, reason: str, /, **components: Component) -> Assessment:
        """The series cannot be assessed: the reason, and the numbers known so far."""
        return not_assessable(self.method, reason, **components)

    def target_met_at_start(
        self,
        goal: Goal,
        start: Point,
        latest: Point,
        components: dict[str, Component],
    ) -> Assessment | None:
        """The honest verdict when the target was already met at the start the method used.

        A target on the far side of the start ("at least 950" from 1,188) asks the series to
        stay at or beyond it, not to move towards it: a fall from 1,188 to 900 is no progress
        towards 950. Returns None when the start does not meet the target.
        """
        if goal.target is None or not goal.meets(start.value):
            return None
        components.update(
            start_period=str(start.period), start_value=start.value, target=goal.target
        )
        caveat = start_caveat(goal, start)
        formula = "the target was met at the start: achieved while it holds"
        if goal.meets(latest.value):
            return self(
                Status.ACHIEVED,
                "target_held",
                value=latest.value,
                components=components,
                formula=formula,
                caveats=(caveat,),
            )
        return self(
            Status.MOVING_AWAY,
            "fell_back_past_target",
            value=latest.value,
            components=components,
            formula=formula,
            caveats=(caveat,),
        )
