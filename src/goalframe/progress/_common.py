from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from goalframe._assessment import Assessment, Component, Status, not_assessable
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
        return goal.baseline, "goal file"
    if goal.base_period is not None:
        value = series.value_at(goal.base_period)
        if value is None:
            return None, f"no observation at the baseline period {goal.base_period}"
        return Point(period=goal.base_period, value=value), "observation at the baseline period"
    if len(series) == 0:
        return None, "no observations"
    return (
        Point(period=series.periods[0], value=series.values[0]),
        "first observation (no baseline given)",
    )


@attrs.frozen
class Verdicts:
    """How every method builds its results: it states the verdict, the rest is filled in.

    A method module makes one (``verdict = Verdicts(NAME, citation=CITATION)``) and returns
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
        )

    def not_assessable(self, reason: str, /, **components: Component) -> Assessment:
        """The series cannot be assessed: the reason, and the numbers known so far."""
        return not_assessable(self.method, reason, **components)
