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
        met: How many parts whose deadline has passed were met (None when none has passed).
        decided: How many parts' deadlines have passed: the card says "met ``met`` of
            ``decided``".
        rests_on_outputs: Whether every part rests on output or input indicators only.
        caveats: What a reader needs beside the verdict (e.g. ``outputs-only``).

    Added in 0.1; ``final``, ``met``, ``decided``, ``rests_on_outputs`` and ``caveats``
    added in 0.2.
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
    """

    as_of: Period | None
    method: str | None
    indicators: tuple[IndicatorResult, ...]
    objectives: tuple[ObjectiveResult, ...]
    set_aside: tuple[SetAside, ...] = ()
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
