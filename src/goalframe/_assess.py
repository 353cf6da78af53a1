from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from goalframe._assessment import Assessment, Series
from goalframe._model import Goal, Point
from goalframe._periods import Period
from goalframe.schema import Direction, TargetType

__all__ = ["assess"]


# Long: the public one-series API: its arguments are checked here, in the order its docstring lists
# them.
def assess(
    observations: Mapping[Any, float] | Series,
    *,
    direction: Direction | str,
    target: float | None = None,
    target_period: Period | int | str | None = None,
    baseline_period: Period | int | str | None = None,
    baseline: float | None = None,
    change_percent: float | None = None,
    milestones: Mapping[Any, float] | None = None,
    tolerance: float = 0.0,
    method: str = "trajectory",
    as_of: Period | int | str | None = None,
    **options: Any,
) -> Assessment:
    """Assess one series with one method, without a goal file.

    Args:
        observations: A mapping ``period -> value`` (periods as in goal files: ``2015``,
            ``"2015"``, ``"2020Q1"``, ...) or a `goalframe.Series`; values in one unit.
        direction: ``"increase"`` or ``"decrease"``: which way is better. Required.
        target: The value to reach, if there is one.
        target_period: When it should be reached (the deadline / target year).
        baseline_period: The baseline (base) period; its value is taken from the
            observations unless ``baseline`` gives it.
        baseline: The baseline value, when it is not among the observations.
        change_percent: A relative target instead of ``target``: ``-13`` is 13 % below the
            baseline (the value at ``baseline_period``, or ``baseline``).
        milestones: Intermediate targets, ``period -> value``.
        tolerance: How far short of the target still counts as reaching it.
        method: A registered method name (see `goalframe.methods`).
        as_of: The assessment date: assess as if at the end of this period (later
            observations are ignored; a deadline up to it makes the verdict final).
            Default: today (``SOURCE_DATE_EPOCH`` when set). Pass it for a result that
            does not change with the day it is run.
        **options: The method's options (see each method's documentation).

    Returns:
        The assessment: ``status``, ``label``, ``value``, ``score``, ``components`` and
        ``explain()``.

    Raises:
        ValueError: An observation, period or direction cannot be read (``GoalframeError``
            subclasses for unknown methods and invalid options).

    Examples:
        >>> import goalframe as gf
        >>> result = gf.assess({2018: 292, 2023: 191}, direction="decrease", target=146,
        ...                    target_period=2026, as_of=2024)
        >>> result.status, round(result.value, 3)
        (<Status.ON_TRACK: 'on_track'>, 0.692)

    Added in 0.1.
    """
    from goalframe._numbers import check_number
    from goalframe.errors import UsageError
    from goalframe.progress import check_options, get_method

    given: object = observations  # checked at run time: callers are not type-checked
    if not isinstance(given, Mapping | Series):
        msg = (
            "assess takes the observations as a mapping period -> value or a Series, not "
            f"{type(given).__name__}"
        )
        raise UsageError(msg)
    for name, number in (
        ("target", target),
        ("baseline", baseline),
        ("change_percent", change_percent),
        ("tolerance", tolerance),
    ):
        if number is not None:
            check_number(number, what=name)
    if tolerance < 0:
        msg = f"tolerance {tolerance!r} is negative; give how far short still counts, >= 0"
        raise ValueError(msg)
    if change_percent is not None and change_percent < -100:
        msg = f"change_percent {change_percent!r} is below -100 (a fall of more than 100 %)"
        raise ValueError(msg)
    info = get_method(method)
    check_options(options)
    series = observations if isinstance(observations, Series) else Series.from_pairs(observations)
    try:
        wanted = Direction(direction)
    except ValueError:
        msg = f"direction must be 'increase' or 'decrease', not {direction!r}"
        raise ValueError(msg) from None
    base = None if baseline_period is None else Period.parse(baseline_period)
    base_point = None
    if baseline is not None:
        if base is None:
            msg = "a baseline value needs its baseline_period"
            raise ValueError(msg)
        base_point = Point(period=base, value=float(baseline))
    if change_percent is not None:
        if target is not None:
            msg = "give either target or change_percent, not both"
            raise ValueError(msg)
        reference = (
            base_point.value
            if base_point
            else (series.value_at(base) if base is not None else None)
        )
        if reference is None:
            msg = (
                "change_percent is relative to the baseline: give baseline_period (with an "
                "observation there) or baseline"
            )
            raise ValueError(msg)
        target = reference * (1 + change_percent / 100)
    goal = Goal(
        direction=wanted,
        baseline=base_point,
        base_period=base if base_point is None else None,
        target=None if target is None else float(target),
        deadline=None if target_period is None else Period.parse(target_period),
        milestones=tuple(
            sorted(
                (
                    Point(period=Period.parse(p), value=float(v))
                    for p, v in (milestones or {}).items()
                ),
                key=lambda m: m.period,
            )
        ),
        tolerance=float(tolerance),
        type=_target_type(method, bool(milestones)),
    )
    from goalframe._judge import judge

    cutoff = Period.today() if as_of is None else Period.parse(as_of)
    return judge(info, series.until(cutoff), goal, options, as_of=cutoff)


def _target_type(method: str, milestones: bool) -> TargetType:
    """The target type a one-series call means: the norm method reads a norm (or milestones)."""
    if method == "norm":
        return TargetType.MILESTONES if milestones else TargetType.NORM
    if method == "range":
        return TargetType.RANGE
    if method == "binary":
        return TargetType.BINARY
    return TargetType.TRAJECTORY
