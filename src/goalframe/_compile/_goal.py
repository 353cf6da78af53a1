"""Each indicator and its targets compiled: values in the indicator's unit, periods read."""

from __future__ import annotations

from collections.abc import Callable

from goalframe._messages import Message, message_of
from goalframe._model import Goal, Indicator, Point, Source, TargetChange
from goalframe.errors import UnitError
from goalframe.schema import (
    Direction,
    IndicatorSpec,
    SourceSpec,
    TargetSpec,
    TargetType,
)

Path = tuple[str | int, ...]


def _source(spec: SourceSpec | None) -> Source | None:
    if spec is None:
        return None
    return Source(name=spec.name, url=spec.url, note=spec.note)


class _Problems:
    def __init__(self) -> None:
        self.items: list[tuple[str, Path, str]] = []

    def add(self, code: str, path: Path, message: str) -> None:
        self.items.append((code, path, message))


def _suggest(name: str, known: set[str]) -> str:
    """`` (did you mean 'x'?)`` in the reader's language, or ``""`` when nothing is close."""
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1)
    return Message("goal_hint", name=close[0]) if close else ""


def _check_method(name: str, path: Path, problems: _Problems) -> None:
    from goalframe.progress import method_names

    names = method_names()
    if name not in names:
        problems.add(
            "F001",
            path,
            Message(
                "goal_unknown_method",
                name=name,
                names=sorted(names),
                hint=_suggest(name, set(names)),
            ),
        )


def _value_key(target: TargetSpec) -> str:
    """Which key of a target gave its value (for error positions)."""
    for key in ("change_percent", "change_points"):
        if getattr(target, key) is not None:
            return key
    return "value"


# Long: one pass over a target's fields in the goal file's order, each check beside the field it
# reads.
def _compile_goal(
    indicator: IndicatorSpec, target: TargetSpec, tpath: Path, problems: _Problems
) -> Goal | None:
    from goalframe.units import conversion

    path = tpath[:2]
    kind = target.type
    if kind in (TargetType.RANGE, TargetType.BINARY) and indicator.direction is None:
        # A range has no better direction; for a binary target done (1) is better.
        indicator = indicator.model_copy(update={"direction": Direction.INCREASE})
    if indicator.direction is None:
        problems.add(
            "M012",
            (*path, "direction"),
            Message("goal_no_direction"),
        )
        return None
    direction = indicator.direction
    convert: Callable[[float], float] = float
    if target.unit is not None and indicator.unit is not None:
        try:
            convert = conversion(target.unit, indicator.unit)
        except UnitError as exc:
            problems.add(
                "M007", (*tpath, "unit"), Message("goal_target_unit", error=message_of(exc))
            )
            return None
    baseline = None
    if target.baseline is not None:
        baseline = Point(period=target.baseline.period, value=convert(target.baseline.value))
    value = None if target.value is None else convert(target.value)
    if target.change_percent is not None and baseline is not None:
        value = baseline.value * (1 + target.change_percent / 100)
    if target.change_points is not None and baseline is not None:
        value = baseline.value + convert(target.change_points) - convert(0.0)
    ok = True
    if kind is TargetType.TRAJECTORY and baseline is not None and value is not None:
        if value == baseline.value:
            problems.add(
                "M008",
                (*tpath, _value_key(target)),
                Message("goal_target_equals_baseline", value=value),
            )
            ok = False
        elif (value > baseline.value) != (direction is Direction.INCREASE):
            side = "above" if value > baseline.value else "below"
            problems.add(
                "M011",
                (*tpath, _value_key(target)),
                Message(
                    f"goal_target_{side}",
                    value=value,
                    baseline=baseline.value,
                    direction=direction.value,
                ),
            )
            ok = False
    if (
        baseline is not None
        and target.deadline is not None
        and (target.deadline <= baseline.period or target.deadline.time <= baseline.period.time)
    ):
        problems.add(
            "T002",
            (*tpath, "deadline"),
            Message(
                "goal_deadline_not_after",
                deadline=str(target.deadline),
                baseline=str(baseline.period),
            ),
        )
        ok = False
    milestones = []
    for k, milestone in enumerate(target.milestones):
        mpath = (*tpath, "milestones", k)
        if baseline is not None and (
            milestone.period <= baseline.period or milestone.period.time <= baseline.period.time
        ):
            problems.add(
                "T005",
                (*mpath, "period"),
                Message(
                    "goal_milestone_not_after",
                    period=str(milestone.period),
                    baseline=str(baseline.period),
                ),
            )
            ok = False
        if (
            kind is not TargetType.MILESTONES
            and target.deadline is not None
            and milestone.period > target.deadline
        ):
            problems.add(
                "T005",
                (*mpath, "period"),
                Message(
                    "goal_milestone_after_deadline",
                    period=str(milestone.period),
                    deadline=str(target.deadline),
                ),
            )
            ok = False
        milestones.append(Point(period=milestone.period, value=convert(milestone.value)))
    periods = [m.period for m in milestones]
    if len(set(periods)) != len(periods):
        problems.add("T005", (*tpath, "milestones"), Message("goal_milestones_share"))
        ok = False
    if not ok:
        return None
    scale = convert(1.0) - convert(0.0)
    tolerance = target.tolerance * scale if target.unit else target.tolerance
    deadline, base_period = target.deadline, None
    if kind in (TargetType.NORM, TargetType.CUMULATIVE) and target.period is not None:
        base_period, deadline = target.period.start, target.period.end
        from goalframe.progress.targets import MAX_SPAN, span_periods

        if len(span_periods(base_period, deadline)) > MAX_SPAN:  # (the count stops past it)
            message = Message("goal_span_too_long", most=f"{MAX_SPAN:,}")
            problems.add("T005", (*tpath, "period"), message)
            return None
    return Goal(
        direction=direction,
        baseline=baseline,
        base_period=base_period,
        target=value,
        deadline=deadline,
        milestones=tuple(sorted(milestones, key=lambda m: m.period)),
        tolerance=abs(tolerance),
        source=_source(target.source),
        type=kind,
        low=None if target.low is None else convert(target.low),
        high=None if target.high is None else convert(target.high),
        provenance=(
            target.provenance.value
            if target.provenance is not None
            else ("official" if target.source is not None else None)
        ),
        note=target.note,
        change_percent=target.change_percent,
        change_points=target.change_points,
        history=tuple(
            TargetChange(
                value=convert(h.value),
                set=h.set,
                source=_source(h.source),
                note=h.note,
                deadline=h.deadline,
            )
            for h in target.history
        ),
        set=target.set,
        holds_after_break=target.holds_after_break,
        groups=tuple(sorted((label.strip(), convert(v)) for label, v in target.groups.items())),
    )


def _compile_indicator(spec: IndicatorSpec, i: int, problems: _Problems) -> Indicator:
    from goalframe.units import check_unit

    path: Path = ("indicators", i)
    unit = spec.unit
    if unit is not None:
        try:
            unit = check_unit(unit)
        except UnitError as exc:
            problems.add("M009", (*path, "unit"), message_of(exc))
            unit = None
    if spec.method is not None:
        _check_method(spec.method, (*path, "method"), problems)
    if spec.options:
        from goalframe.errors import MethodOptionsError
        from goalframe.progress import check_options

        try:
            check_options(spec.options)
        except MethodOptionsError as exc:
            problems.add("F002", (*path, "options"), message_of(exc))
    goals = []
    for k, target in enumerate(spec.all_targets):
        tpath: Path = (*path, "target") if spec.target is not None else (*path, "targets", k)
        if target.unit is not None:
            try:
                check_unit(target.unit)
            except UnitError as exc:
                problems.add("M009", (*tpath, "unit"), message_of(exc))
                continue
        compiled = _compile_goal(spec, target, tpath, problems)
        if compiled is not None:
            goals.append(compiled)
    goals.sort(key=_last_period)
    return Indicator(
        id=spec.id,
        name=spec.name,
        unit=unit,
        direction=spec.direction,
        kind=spec.kind,
        source=_source(spec.source),
        definition=spec.definition,
        frequency=spec.frequency,
        interpretation=spec.interpretation,
        method=spec.method,
        options=spec.options,
        select=tuple(sorted(spec.select.items())),
        by=tuple(spec.by),
        whole=_whole(spec),
        context=tuple(spec.context),
        goal=goals[-1] if goals else None,
        goals=tuple(goals),
    )


def _whole(spec: IndicatorSpec) -> str | tuple[tuple[str, str], ...] | None:
    """``whole:`` as the model keeps it: ``"headline"``, or a group in ``by`` order."""
    if isinstance(spec.whole, dict):
        return tuple((column, spec.whole[column]) for column in spec.by)
    return spec.whole


def _last_period(goal: Goal) -> tuple[int, int]:
    """Order targets by the period that closes them (deadline, span end, last milestone)."""
    last = [m.period for m in goal.milestones]
    if goal.deadline is not None:
        last.append(goal.deadline)
    end = max(last) if last else None
    return (end.end.toordinal(), 0) if end is not None else (10**9, 0)
