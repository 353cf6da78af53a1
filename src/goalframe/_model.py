from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from goalframe._messages import localise
from goalframe._periods import Period
from goalframe.errors import Location, Problem
from goalframe.schema import Direction, IndicatorKind, Level, RollUp, TargetType

if TYPE_CHECKING:
    from goalframe.schema import FrameworkSpec

__all__ = ["Framework", "Goal", "Indicator", "Objective", "Point", "Source", "TargetChange"]


#: The fixed words of `Goal.describe` and `Goal.goalposts`, in English; renderers pass
#: their own language's (``between`` is a format with ``{low}`` and ``{high}``).
TARGET_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "at_least": "at least",
        "at_most": "at most",
        "a_year": "a year",
        "a_quarter": "a quarter",
        "a_period": "a period",
        "in_total": "in total",
        "milestones": "milestones",
        "between": "between {low} and {high}",
        "by": "by",
        "done": "done",
        "no_value": "no value",
        "set": "set",
        "now": "now",
        "postponed": "postponed",
        "language": "en",
    }
)


def _n(value: float, words: Mapping[str, str]) -> str:
    """A number in a target's description, with the separators of ``words['language']``."""
    return localise(f"{value:,.6g}", words.get("language", "en"))


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@attrs.frozen(kw_only=True)
class Point:
    """A value at a period."""

    period: Period
    value: float


@attrs.frozen(kw_only=True)
class Source:
    """Where figures come from."""

    name: str
    url: str | None = None
    note: str | None = None


@attrs.frozen(kw_only=True)
class TargetChange:
    """An earlier value of a target, when it was set, and by which document."""

    value: float
    set: Period
    source: Source | None = None
    note: str | None = None
    deadline: Period | None = None


@attrs.frozen(kw_only=True)
class Goal:
    """A compiled target: plain floats in the indicator's unit, periods parsed and ordered.

    Attributes:
        direction: Which way is better.
        baseline: The starting point, if given with its value.
        base_period: A baseline period whose value comes from the data (used when
            ``baseline`` is None; `goalframe.assess` sets it from ``baseline_period``).
        target: The value to reach (a relative target already resolved), if given.
        deadline: When it should be reached, if given.
        milestones: Intermediate targets, ordered by period.
        tolerance: How far short of the target still counts as reaching it.
        type: The kind of target (trajectory, norm, milestones, range, binary). A norm's
            value is ``target`` and its span runs from ``base_period`` to ``deadline``.
        low: The lower bound of a range target.
        high: The upper bound of a range target.
        provenance: ``official``, ``proposed`` or ``illustrative`` (None when the goal file
            does not say and names no source for the target).
        note: The goal file's note on the target.
        change_percent: The relative change the target was given as, if it was.
        change_points: The absolute change (in the indicator's unit) it was given as, if it was.
        history: Earlier values of the target, oldest first (the goalposts).
        set: When the target got its current value, if the goal file says.
        groups: With ``by:``, a value of its own for some groups: (label, value) pairs in
            the indicator's unit (added in 0.3).
        baseline_from: Where ``baseline`` comes from, for the explanation: ``goal file``, or
            the series' own figure for a ``by:`` group (added in 0.3).
        holds_after_break: The goal file says the target holds on the new definition after
            a series break (added in 0.3).
    """

    direction: Direction
    baseline: Point | None = None
    base_period: Period | None = None
    target: float | None = None
    deadline: Period | None = None
    milestones: tuple[Point, ...] = ()
    tolerance: float = 0.0
    source: Source | None = None
    type: TargetType = TargetType.TRAJECTORY
    low: float | None = None
    high: float | None = None
    provenance: str | None = None
    note: str | None = None
    change_percent: float | None = None
    change_points: float | None = None
    history: tuple[TargetChange, ...] = ()
    set: Period | None = None
    groups: tuple[tuple[str, float], ...] = ()
    baseline_from: str = "goal file"
    holds_after_break: bool = False

    def describe(self, words: Mapping[str, str] | None = None) -> str:
        """The target in a few words: ``at least 950 a year, 2015-2018``, ``146 by 2026``.

        ``words`` replaces the English fixed words (keys as in `TARGET_WORDS`), so a
        renderer can describe the target in its own language.
        """
        w = TARGET_WORDS if words is None else {**TARGET_WORDS, **words}
        bound = w["at_least"] if self.direction is Direction.INCREASE else w["at_most"]
        if self.type is TargetType.NORM and self.target is not None:
            start = self.base_period or (self.baseline.period if self.baseline else None)
            span = f", {start}-{self.deadline}" if start and self.deadline else ""
            each = {"year": "a_year", "fiscal_year": "a_year", "quarter": "a_quarter"}.get(
                start.frequency.value if start else "", "a_period"
            )
            return f"{bound} {_n(self.target, w)} {w[each]}{span}"
        if self.type is TargetType.CUMULATIVE and self.target is not None:
            start = self.base_period
            span = f", {start}-{self.deadline}" if start and self.deadline else ""
            return f"{_n(self.target, w)} {w['in_total']}{span}"
        if self.type is TargetType.MILESTONES or (self.milestones and self.target is None):
            shown = ", ".join(f"{m.period}: {_n(m.value, w)}" for m in self.milestones[:6])
            more = " ..." if len(self.milestones) > 6 else ""
            return f"{w['milestones']} {shown}{more}"
        if self.type is TargetType.RANGE and self.low is not None and self.high is not None:
            return w["between"].format(low=f"{_n(self.low, w)}", high=f"{_n(self.high, w)}")
        by = f" {w['by']} {self.deadline}" if self.deadline else ""
        if self.type is TargetType.BINARY:
            return w["done"] + by
        if self.target is not None:
            return f"{_n(self.target, w)}{by}"
        return w["no_value"]

    def goalposts(self, words: Mapping[str, str] | None = None) -> str:
        """The target's history: ``950 (set 2014, source) -> 1,370 (set 2020) -> 1,530 now``."""
        if not self.history:
            return ""
        w = TARGET_WORDS if words is None else {**TARGET_WORDS, **words}
        # Deadlines are shown when any step names one: a postponement is then visible.
        dated = any(c.deadline is not None for c in self.history)
        steps = []
        previous: Period | None = None
        for change in self.history:
            source = f", {change.source.name}" if change.source else ""
            by = f" {w['by']} {change.deadline}" if dated and change.deadline else ""
            later = (
                previous is not None and change.deadline is not None and change.deadline > previous
            )
            moved = f", {w['postponed']}" if later else ""
            steps.append(f"{_n(change.value, w)}{by} ({w['set']} {change.set}{source}{moved})")
            previous = change.deadline or previous
        now = self.target
        by = f" {w['by']} {self.deadline}" if dated and self.deadline else ""
        later = previous is not None and self.deadline is not None and self.deadline > previous
        moved = f", {w['postponed']}" if later else ""
        tail = f"{_n(now, w)}{by} {w['now']}" if now is not None else w["now"]
        if now is not None and (self.set is not None or moved):
            when = f"{w['set']} {self.set}, " if self.set is not None else ""
            tail = f"{_n(now, w)}{by} ({when}{w['now']}{moved})"
        return " -> ".join([*steps, tail])

    def for_series(self, own_baseline: float | None, label: str | None = None) -> Goal:
        """This target for one breakdown series whose value at the baseline period is given.

        The baseline becomes the series' own; a value of the group's own (``groups``, by
        ``label``) replaces the target; else a relative target (``change_percent``,
        ``change_points``) is resolved from the baseline; an absolute target stays as written.
        """
        own_value = dict(self.groups).get(label) if label is not None else None
        if own_value is not None:
            goal = attrs.evolve(self, target=own_value, change_percent=None, change_points=None)
            return goal.for_series(own_baseline)
        if self.baseline is None or own_baseline is None:
            return self
        target = self.target
        if self.target is not None and self.change_percent is not None:
            target = own_baseline * (1 + self.change_percent / 100)
        elif self.target is not None and self.change_points is not None:
            target = own_baseline + (self.target - self.baseline.value)
        baseline = Point(period=self.baseline.period, value=own_baseline)
        own = "the series' own figure for the baseline period"
        return attrs.evolve(self, baseline=baseline, target=target, baseline_from=own)

    def meets(self, value: float, threshold: float | None = None) -> bool:
        """Whether a value reaches the target (or another threshold), tolerance included."""
        goal = self.target if threshold is None else threshold
        if goal is None:
            return False
        if self.direction is Direction.INCREASE:
            return value >= goal - self.tolerance
        return value <= goal + self.tolerance


@attrs.frozen(kw_only=True)
class Indicator:
    """A compiled indicator. ``unit`` is the canonical unit every value is converted into.

    ``whole`` (with ``by``): ``"headline"`` or a group's breakdown values, the one series
    that counts for the objectives; None, every series with a target counts.

    ``goals`` holds every target, in the order of their last periods; ``goal`` is the one a
    card assesses (after evaluation: the one in force at the assessment date; before it, the
    latest).
    """

    id: str
    name: str
    unit: str | None
    direction: Direction | None
    kind: IndicatorKind | None
    source: Source | None = None
    definition: str | None = None
    frequency: str | None = None
    interpretation: str | None = None
    method: str | None = None
    options: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    select: tuple[tuple[str, str], ...] = ()
    by: tuple[str, ...] = ()
    whole: str | tuple[tuple[str, str], ...] | None = None
    context: tuple[str, ...] = ()
    goal: Goal | None = None
    goals: tuple[Goal, ...] = ()


@attrs.frozen(kw_only=True)
class Objective:
    """A compiled objective with its place in the tree."""

    id: str
    statement: str
    level: Level | None
    parent: str | None
    weight: float
    indicators: tuple[str, ...]
    children: tuple[str, ...] = ()
    note: str | None = None


def _no_location(path: tuple[str | int, ...]) -> Location | None:
    return None


@attrs.frozen(kw_only=True)
class Framework:
    """A loaded, checked goal framework: what `goalframe.evaluate` works on.

    Build one with `goalframe.load_framework` (from a file) or `goalframe.compile_framework`
    (from a `goalframe.schema.FrameworkSpec` made in Python).

    Attributes:
        spec: The validated goal file, as written.
        indicators: Indicators in file order, compiled.
        objectives: Objectives in file order, compiled, with their children.
        origin: The file it came from, or ``<spec>``.
        problems: Problems found when compiling without ``strict`` (empty otherwise).

    Added in 0.1.
    """

    spec: FrameworkSpec
    indicators: tuple[Indicator, ...]
    objectives: tuple[Objective, ...]
    origin: str = "<spec>"
    locate: Callable[[tuple[str | int, ...]], Location | None] = attrs.field(
        default=_no_location, eq=False, repr=False
    )
    problems: tuple[Problem, ...] = ()
    # Look-ups by id, built once (a framework can hold thousands of indicators).
    _indicators: dict[str, Indicator] = attrs.field(init=False, eq=False, repr=False)
    _objectives: dict[str, Objective] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # With duplicate ids (a lenient load), the first one wins, as in the file's order.
        object.__setattr__(self, "_indicators", {})
        object.__setattr__(self, "_objectives", {})
        for indicator in self.indicators:
            self._indicators.setdefault(indicator.id, indicator)
        for objective in self.objectives:
            self._objectives.setdefault(objective.id, objective)

    @property
    def id(self) -> str:
        """The framework's id."""
        return self.spec.id

    @property
    def title(self) -> str:
        """The framework's title."""
        return self.spec.title

    @property
    def rollup(self) -> RollUp:
        """The roll-up rule for objectives."""
        return self.spec.rollup

    def indicator(self, indicator_id: str) -> Indicator:
        """Return the indicator with this id.

        Raises:
            KeyError: No such indicator.
        """
        try:
            return self._indicators[indicator_id]
        except KeyError:
            msg = f"no indicator {indicator_id!r} in framework {self.id!r}"
            raise KeyError(msg) from None

    def objective(self, objective_id: str) -> Objective:
        """Return the objective with this id.

        Raises:
            KeyError: No such objective.
        """
        try:
            return self._objectives[objective_id]
        except KeyError:
            msg = f"no objective {objective_id!r} in framework {self.id!r}"
            raise KeyError(msg) from None
