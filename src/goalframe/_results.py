"""What evaluation produces: per-indicator and per-objective results, with their figures.

These are data only; `goalframe._evaluate` fills them and the scorecard carries them.
"""

from __future__ import annotations

import attrs

from goalframe._assessment import Assessment, Caveat, Status
from goalframe._model import Goal, Indicator, Objective, Point
from goalframe._observations import SetAside
from goalframe._periods import Period

__all__ = [
    "TargetOutcome",
    "Evaluation",
    "Gap",
    "GroupResult",
    "GroupRollUp",
    "IndicatorResult",
    "ObjectiveResult",
    "Observed",
    "Trend",
    "find",
    "index_results",
]


@attrs.frozen(kw_only=True)
class Observed:
    """An observed value in the indicator's unit, with its flags and note."""

    period: Period
    value: float
    flags: frozenset[str] = frozenset()
    note: str | None = None


@attrs.frozen(kw_only=True)
class Trend:
    """The latest value against the previous one.

    Attributes:
        previous: The previous observation.
        change: latest - previous, in the indicator's unit.
        better: True when the change is in the desired direction, False when against it,
            None when unchanged or when the indicator has no direction.
    """

    previous: Observed
    change: float
    better: bool | None


@attrs.frozen(kw_only=True)
class TargetOutcome:
    """One of an indicator's several targets, assessed: earlier, in force or to come.

    Attributes:
        goal: The target.
        assessment: Its verdict (final for an earlier one whose last period is over).
        role: ``earlier`` (its last period is over), ``in force`` (the one the card assesses)
            or ``to come`` (it starts after the assessment date).

    Added in 0.2.
    """

    goal: Goal
    assessment: Assessment
    role: str


#: The roles a target of several has (`TargetOutcome.role`).
TARGET_ROLES = ("earlier", "in force", "to come")

Group = tuple[tuple[str, str], ...]


def group_label(group: Group) -> str:
    """``Utrecht`` for one breakdown column, ``Utrecht, F`` for several."""
    return ", ".join(value for _, value in group)


@attrs.frozen(kw_only=True)
class GroupResult:
    """One breakdown series of an indicator declared with ``by:``, assessed on its own.

    Attributes:
        group: The series' breakdown values, ``(("region", "Utrecht"),)``.
        goal: The target as it applies to this series (its own baseline; a relative target
            resolved from it), or None.
        assessment: The verdict, with every number it used.
        series: The observations used, in the indicator's unit, oldest first.
        latest: The latest observation used, if any.
        trend: Latest against previous, if there are two.

    Added in 0.2.
    """

    group: Group
    goal: Goal | None
    assessment: Assessment
    series: tuple[Observed, ...] = ()
    latest: Observed | None = None
    trend: Trend | None = None

    @property
    def label(self) -> str:
        """The group's values, as a card shows them: ``Utrecht``."""
        return group_label(self.group)

    @property
    def status(self) -> Status:
        """The verdict."""
        return self.assessment.status

    @property
    def caveats(self) -> tuple[Caveat, ...]:
        """What a reader needs beside this group's verdict."""
        return self.assessment.caveats

    def __repr__(self) -> str:
        latest = f", latest {self.latest.value:g} ({self.latest.period})" if self.latest else ""
        return f"<GroupResult {self.label!r}: {self.status.value}{latest}>"


@attrs.frozen(kw_only=True)
class Gap:
    """The distance between the best and the worst group at the latest period they share.

    Attributes:
        period: The latest period with a figure for at least two groups.
        best: The group with the best figure then (by the indicator's direction).
        best_value: Its figure.
        worst: The group with the worst figure.
        worst_value: Its figure.
        groups: How many groups have a figure for ``period``.

    Added in 0.2.
    """

    period: Period
    best: Group
    best_value: float
    worst: Group
    worst_value: float
    groups: int

    @property
    def size(self) -> float:
        """``|best - worst|`` in the indicator's unit."""
        return abs(self.best_value - self.worst_value)


@attrs.frozen(kw_only=True)
class GroupRollUp:
    """The objectives' verdicts for one group (a verdict per region), from its series only.

    Attributes:
        group: The breakdown values, ``(("region", "Utrecht"),)``.
        objectives: One roll-up per objective that has a series for this group, in tree
            order; indicators without this group do not count.

    Added in 0.2.
    """

    group: Group
    objectives: tuple[ObjectiveResult, ...]

    @property
    def label(self) -> str:
        """The group's values, as a card shows them."""
        return group_label(self.group)


@attrs.frozen(kw_only=True)
class IndicatorResult:
    """An indicator's line on the scorecard: its figures, its verdict and their context.

    Attributes:
        indicator: The compiled indicator (name, unit, direction, source, notes).
        assessment: The method's verdict with every number it used.
        series: The observations used, in the indicator's unit, oldest first.
        latest: The latest observation used, if any.
        trend: Latest against previous, if there are two.
        objectives: Ids of the objectives this indicator measures.
        breakdown: The breakdown assessed (``()`` for the total).
        groups: With ``by:``, every breakdown series assessed on its own (added in 0.3).
        targets: For an indicator with several targets, each one assessed, with its role
            (``indicator.goal`` is the one in force).

    Added in 0.1.
    """

    indicator: Indicator
    assessment: Assessment
    series: tuple[Observed, ...] = ()
    latest: Observed | None = None
    trend: Trend | None = None
    objectives: tuple[str, ...] = ()
    breakdown: tuple[tuple[str, str], ...] = ()
    targets: tuple[TargetOutcome, ...] = ()
    groups: tuple[GroupResult, ...] = ()

    @property
    def gap(self) -> Gap | None:
        """The best and the worst group at the latest period two or more groups share.

        None without groups, without a direction or without a shared period.
        """
        direction = self.indicator.direction
        if len(self.groups) < 2 or direction is None:
            return None
        by_period: dict[Period, list[tuple[float, Group]]] = {}
        for result in self.groups:
            for point in result.series:
                by_period.setdefault(point.period, []).append((point.value, result.group))
        shared = [p for p, values in by_period.items() if len(values) >= 2]
        if not shared:
            return None
        period = max(shared)
        ranked = sorted(by_period[period], key=lambda vg: (vg[0], vg[1]))
        low, high = ranked[0], ranked[-1]
        best, worst = (high, low) if direction.value == "increase" else (low, high)
        return Gap(
            period=period,
            best=best[1],
            best_value=best[0],
            worst=worst[1],
            worst_value=worst[0],
            groups=len(ranked),
        )

    @property
    def id(self) -> str:
        """The indicator's id."""
        return self.indicator.id

    def __repr__(self) -> str:
        latest = f", latest {self.latest.value:g} ({self.latest.period})" if self.latest else ""
        target = f", target {self.target:g}" if self.target is not None else ""
        deadline = f" ({self.deadline})" if self.deadline and target else ""
        return (
            f"<IndicatorResult {self.id!r}: {self.status.value} ({self.assessment.method})"
            f"{latest}{target}{deadline}>"
        )

    @property
    def status(self) -> Status:
        """The verdict."""
        return self.assessment.status

    @property
    def baseline(self) -> Point | None:
        """The baseline from the goal file."""
        return self.indicator.goal.baseline if self.indicator.goal else None

    @property
    def target(self) -> float | None:
        """The target value (a relative target already resolved)."""
        return self.indicator.goal.target if self.indicator.goal else None

    @property
    def deadline(self) -> Period | None:
        """The target's deadline."""
        return self.indicator.goal.deadline if self.indicator.goal else None

    @property
    def caveats(self) -> tuple[Caveat, ...]:
        """What a reader needs beside the verdict (see `Assessment.caveats`)."""
        return self.assessment.caveats

    @property
    def scored(self) -> bool:
        """Whether the verdict counts in roll-ups (not for context or not assessable)."""
        from goalframe.schema import IndicatorKind

        return (
            self.indicator.kind is not IndicatorKind.CONTEXT
            and self.status is not Status.NOT_ASSESSABLE
        )


@attrs.frozen(kw_only=True)
class ObjectiveResult:
    """An objective's roll-up verdict.

    Attributes:
        objective: The compiled objective.
        status: The roll-up verdict.
        score: The weighted mean rank (0 moving away ... 4 achieved), where defined.
        reason: Why it is not assessable, if so.
        depth: Depth in the tree (0 for a root objective).
        final: True when every part's deadline has passed (the status is then achieved,
            missed or outcome unknown).
        met: How many targets under it that were due were met (None when none was due).
        decided: How many targets due were met or missed (``met`` plus ``missed``).
        rests_on_outputs: Whether every part rests on output or input indicators only.
        caveats: What a reader needs beside the verdict (e.g. ``outputs-only``).
        missed: How many targets due were missed.
        unknown: How many targets due have no known outcome (no figure for their period).
        due: How many targets under it were due: every one whose deadline (or span end) is
            over by the assessment date, earlier targets of an indicator included, unknowns
            included. The card says "met ``met`` of ``due`` due (``missed`` missed,
            ``unknown`` unknown)".
        not_due: How many targets under it are not due yet (the running verdicts).

    Added in 0.1; ``final``, ``met``, ``decided``, ``rests_on_outputs`` and ``caveats``
    added in 0.2; ``missed``, ``unknown``, ``due`` and ``not_due`` added in 0.3.
    """

    objective: Objective
    status: Status
    score: float | None = None
    reason: str | None = None
    depth: int = 0
    final: bool = False
    met: int | None = None
    decided: int | None = None
    rests_on_outputs: bool = False
    caveats: tuple[Caveat, ...] = ()
    missed: int = 0
    unknown: int = 0
    due: int = 0
    not_due: int = 0

    @property
    def id(self) -> str:
        """The objective's id."""
        return self.objective.id


@attrs.frozen(kw_only=True)
class Evaluation:
    """Every result of one evaluation, before the scorecard adds the framework's context.

    Attributes:
        as_of: The period evaluated as of, or None for "all data".
        method: The method forced for every indicator, or None (each indicator's own).
        indicators: One result per indicator, in goal-file order.
        objectives: One roll-up per objective, in tree order (parents before children).
        set_aside: Observations read but not used, each with the reason.
        groups: The objectives' verdicts per group, for indicators with ``by:``.
    """

    as_of: Period | None
    method: str | None
    indicators: tuple[IndicatorResult, ...]
    objectives: tuple[ObjectiveResult, ...]
    set_aside: tuple[SetAside, ...] = ()
    groups: tuple[GroupRollUp, ...] = ()
    _by_id: dict[str, IndicatorResult] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", index_results(self.indicators))

    def indicator(self, indicator_id: str) -> IndicatorResult:
        """The result for one indicator.

        Raises:
            KeyError: No such indicator.
        """
        return find(self._by_id, indicator_id, "indicator")


def index_results(results: tuple[IndicatorResult, ...]) -> dict[str, IndicatorResult]:
    """Results by indicator id (the first of a repeated id wins, as in the goal file)."""
    out: dict[str, IndicatorResult] = {}
    for result in results:
        out.setdefault(result.id, result)
    return out


def find(index: dict[str, IndicatorResult], ident: str, kind: str) -> IndicatorResult:
    """``index[ident]``, or KeyError naming what is missing."""
    try:
        return index[ident]
    except KeyError:
        msg = f"no {kind} {ident!r} on this scorecard"
        raise KeyError(msg) from None
