"""From a method's answer to a verdict someone can sign.

Every assessment, through `goalframe.evaluate`, `goalframe.compare` or `goalframe.assess`,
passes through `judge`, which applies the same rules whatever the method:

1. **A method answers only the question it can read.** A method that cannot read the target's
   type (a growth-rate method given a norm) returns ``not_assessable`` with the reason,
   instead of answering its no-target question.
2. **A series break starts the assessment anew.** For methods that compare values across
   time, the assessment runs from the latest flagged break after the start, with the break's
   value as the new baseline (milestones before it are dropped); a method that cannot assess
   the shorter series says why. Methods that compare each period with its own target (norms,
   ranges) keep the whole series.
3. **After the deadline, the verdict is final.** Once the target's last period (the deadline,
   the end of a norm's span, the last milestone) is over by the assessment date, the method
   is run on the figures up to that period and the status becomes ``achieved`` (met),
   ``missed`` (the label says whether the figures moved towards the target or away) or
   ``outcome_unknown`` (no figure for a period that decides it yet; the last known position
   is kept).
4. **Caveats stand beside the verdict**: breaks, missing periods, flagged figures, a declared
   baseline that disagrees with the data, a baseline at a peak or trough, a target that is
   illustrative or proposed. `CAVEATS` lists every code.
"""

from __future__ import annotations

import contextvars
import math
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

import attrs

from goalframe._assessment import Assessment, Caveat, Component, Series, Status, not_assessable
from goalframe._messages import Message, Term
from goalframe._model import Goal, Point
from goalframe._periods import Frequency, Period
from goalframe.errors import MethodError
from goalframe.progress import MethodInfo
from goalframe.schema import Direction, TargetType

__all__ = ["CAVEATS", "checks", "final_period", "judge", "value_for"]

#: Every caveat code, with what it tells a reader. Methods may add their own codes from here.
CAVEATS: Mapping[str, str] = {
    "series-break": "A value inside the assessed span is flagged as a series break (a new "
    "definition or source). Methods that compare values across time assess from the break on, "
    "with the break's value as the new baseline.",
    "missing-periods": "Periods inside the assessed span, or periods of a norm or milestone "
    "that are due, have no figure.",
    "flagged-values": "Some of the values used are revised, provisional, approximate, "
    "estimated, derived or suspect.",
    "baseline-mismatch": "The baseline declared in the goal file differs from the observation "
    "for the same period by more than the tolerance.",
    "baseline-extreme": "The baseline period is a local peak or trough of the series: measured "
    "from it, change looks larger (or smaller) than the trend.",
    "target-met-at-start": 'The target was already met at the start the method used ("the bar '
    "was low\"); the target is read as 'stay at or beyond it'.",
    "target-type-not-read": "The method cannot read this type of target, so it gives no "
    "verdict rather than answering another question.",
    "window-before-baseline": "The method's own window starts before the baseline declared in "
    "the goal file.",
    "zero-replaced": "A zero was replaced by a small number so that growth rates are defined "
    "(as sdg-build does).",
    "illustrative-target": "The target is illustrative: an example of a measurable target, not "
    "one anybody has set.",
    "proposed-target": "The target is proposed, not (yet) adopted.",
    "outputs-only": "An outcome or impact objective whose verdict rests on output or input "
    "indicators only: they measure effort, not the change sought.",
    "by-column-absent": "The indicator asks for a series per value of a breakdown column "
    "(`by:` or `--by`) that none of its rows has a value in (a misspelt column, or data "
    "without that breakdown): no group is assessed for it.",
    "group-target-unused": "The target gives a value of its own to a group (`groups:`) that "
    "has no series in the data (a misspelt label, or `by:` missing): no series is held to it.",
    "revision-changed-verdict": "A figure was revised (several releases in a `vintage` column), "
    "and the first release would have given another verdict: both are named.",
}

_USEFUL_METHOD = {
    TargetType.TRAJECTORY: "trajectory",
    TargetType.NORM: "norm",
    TargetType.MILESTONES: "norm",
    TargetType.RANGE: "range",
    TargetType.BINARY: "binary",
    TargetType.CUMULATIVE: "cumulative",
}
#: The flags a caveat lists, in this order (a series break has a caveat of its own).
_FLAGGED = ("revised", "provisional", "approx", "estimated", "derived", "suspect")


_T = TypeVar("_T")
#: Work shared between the cards of one `goalframe.compare` (`sharing`): a series' cut,
#: conversion and data caveats do not depend on the method.
_SHARED: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar(
    "goalframe_shared", default=None
)


@contextmanager
def sharing() -> Iterator[None]:
    """Share the method-independent preparation between evaluations inside the block.

    For several evaluations of the same framework and observations at the same date (one
    per method): each series is cut, converted and checked for data caveats once. The
    shared results are immutable; the store is dropped when the block ends.
    """
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(key: Any, compute: Callable[..., _T], *args: Any) -> _T:
    """``compute(*args)``, or its result for ``key`` when already computed inside `sharing`."""
    store = _SHARED.get()
    if store is None:
        return compute(*args)
    if key not in store:
        store[key] = compute(*args)
    return store[key]  # type: ignore[no-any-return]


_TICK: contextvars.ContextVar[Callable[[int], None] | None] = contextvars.ContextVar(
    "goalframe_tick", default=None
)


@contextmanager
def ticking(tick: Callable[[int], None]) -> Iterator[None]:
    """Call ``tick(n)`` as series are assessed inside the block (a progress bar's advance)."""
    token = _TICK.set(tick)
    try:
        yield
    finally:
        _TICK.reset(token)


def tick(count: int = 1) -> None:
    """Report ``count`` series assessed to the block's `ticking` callback, if any."""
    callback = _TICK.get()
    if callback is not None:
        callback(count)


def judge(
    info: MethodInfo,
    series: Series,
    goal: Goal,
    options: Mapping[str, Any],
    *,
    as_of: Period,
) -> Assessment:
    """Run a method under the rules above and return the verdict with its caveats.

    Args:
        info: The method.
        series: The observations, already cut at ``as_of``.
        goal: The compiled target.
        options: The indicator's method options.
        as_of: The assessment date (a period; its end is the moment of assessment).

    Returns:
        The assessment, ``final`` once the target's last period is over by ``as_of``.
    """
    if goal.type not in info.reads:
        return _unread(info, goal)
    # Keyed by identity: inside `sharing` the series and goals are the same objects for every
    # method (and kept alive by the store, so an id is never reused meanwhile).
    caveats = list(
        shared(
            ("caveats", id(series), id(goal), as_of),
            lambda: (series, goal, tuple(_data_caveats(series, goal, as_of))),
        )[2]
    )
    series, goal, broken = _from_break(info, series, goal)
    if broken is not None:
        caveats.insert(0, broken)
    last = final_period(goal)
    closed = last is not None and last.ended_by(as_of)
    assessed = series.until(last) if closed and last is not None else series
    result = _run(info, assessed, goal, options)
    if closed and last is not None and result.label != "target_type_not_read":
        result = _final(result, assessed, goal, last)
    elif goal.type in (TargetType.NORM, TargetType.MILESTONES):
        result = _in_force(result, series, goal, as_of)
    seen = {(c.code, c.message) for c in result.caveats}
    extra = tuple(c for c in caveats if (c.code, c.message) not in seen)
    return attrs.evolve(result, caveats=(*result.caveats, *extra)) if extra else result


def _run(info: MethodInfo, series: Series, goal: Goal, options: Mapping[str, Any]) -> Assessment:
    """Run a method; arithmetic that fails or leaves the finite numbers says so, no crash.

    Every method's arithmetic is guarded here: an overflow, a division by zero or a math
    domain error, and any non-finite number among the results, give ``not_assessable`` with
    the reason. An exception from a plugin is a `MethodError` naming the plugin; one from a
    built-in method is a bug and propagates.
    """
    try:
        result: object = info(series, goal, options)
    except (ArithmeticError, ValueError) as exc:
        return not_assessable(info.name, f"the {info.name} method's arithmetic failed ({exc})")
    except Exception as exc:
        if info.function.__module__.startswith("goalframe."):
            raise
        msg = f"the method {info.name!r} (a plugin, {info.function.__module__}) failed: {exc!r}"
        raise MethodError(msg) from exc
    if not isinstance(result, Assessment):  # a plugin's mistake
        msg = f"the method {info.name!r} returned {type(result).__name__}, not an Assessment"
        raise MethodError(msg)
    numbers = {"value": result.value, "expected": result.expected, "score": result.score}
    numbers.update((k, v) for k, v in result.components.items() if isinstance(v, float | int))
    bad = [k for k, v in numbers.items() if isinstance(v, float) and not math.isfinite(v)]
    if bad:
        kept = {
            k: v
            for k, v in result.components.items()
            if not (isinstance(v, float) and not math.isfinite(v))
        }
        return not_assessable(
            info.name,
            f"the {info.name} method's numbers left the finite range ({', '.join(bad)}); the "
            "figures are too large or too close together for it",
            **kept,
        )
    return result


def final_period(goal: Goal) -> Period | None:
    """The period whose end makes a verdict final: deadline, norm span end, last milestone."""
    if goal.type is TargetType.RANGE:
        return goal.deadline
    candidates = [m.period for m in goal.milestones]
    if goal.deadline is not None:
        candidates.append(goal.deadline)
    return max(candidates) if candidates else None


def _unread(info: MethodInfo, goal: Goal) -> Assessment:
    useful = _USEFUL_METHOD[goal.type]
    reason = Message("target_type_not_read", method=info.name, type=goal.type, useful=useful)
    return Assessment(
        method=info.name,
        status=Status.NOT_ASSESSABLE,
        label="target_type_not_read",
        reason=reason,
        caveats=(Caveat(code="target-type-not-read", message=reason),),
    )


def _start(series: Series, goal: Goal) -> Point | None:
    if goal.baseline is not None:
        return goal.baseline
    if goal.base_period is not None:
        value = series.value_at(goal.base_period)
        return None if value is None else Point(period=goal.base_period, value=value)
    if len(series):
        return Point(period=series.periods[0], value=series.values[0])
    return None


def _from_break(info: MethodInfo, series: Series, goal: Goal) -> tuple[Series, Goal, Caveat | None]:
    start = _start(series, goal)
    breaks = [
        p
        for p, flags in zip(series.periods, series.flags, strict=True)
        if "break" in flags and (start is None or p > start.period)
    ]
    if not breaks:
        return series, goal, None
    at = breaks[-1]
    if not info.general:
        return (
            series,
            goal,
            Caveat(
                code="series-break",
                message=Message("series_break_kept", period=at),
            ),
        )
    keep = [i for i, p in enumerate(series.periods) if p >= at]
    cut = Series(
        periods=tuple(series.periods[i] for i in keep),
        values=[series.values[i] for i in keep],
        flags=tuple(series.flags[i] for i in keep),
        unit=series.unit,
    )
    value = cut.values[0]
    renewed = attrs.evolve(
        goal,
        baseline=Point(period=at, value=value),
        base_period=None,
        milestones=tuple(m for m in goal.milestones if m.period > at),
    )
    message = Message("series_break_rebased", period=at, method=info.name, value=value)
    return cut, renewed, Caveat(code="series-break", message=message)


def value_for(series: Series, period: Period) -> Point | None:
    """The figure for a period: the observation at it, else the last one inside it."""
    exact = series.value_at(period)
    if exact is not None:
        return Point(period=period, value=exact)
    inside = [
        Point(period=p, value=v)
        for p, v in zip(series.periods, series.values, strict=True)
        if period.start <= p.start and p.end <= period.end
    ]
    return inside[-1] if inside else None


def checks(goal: Goal) -> list[tuple[Period, float]]:
    """The periods that decide the verdict, each with the value in force."""
    from goalframe.progress.targets import span_periods

    if goal.type is TargetType.NORM:
        start = goal.base_period or (goal.baseline.period if goal.baseline else None)
        if goal.target is None or start is None or goal.deadline is None:
            return []
        periods = span_periods(start, goal.deadline)
        return [(p, goal.target) for p in periods[:10_000]]
    if goal.type is TargetType.MILESTONES:
        checks = [(m.period, m.value) for m in goal.milestones]
        if goal.target is not None and goal.deadline is not None:
            checks.append((goal.deadline, goal.target))
        return sorted(checks)
    if goal.type is TargetType.BINARY and goal.deadline is not None:
        return [(goal.deadline, 1.0)]  # done (1) by the deadline
    if goal.target is None or goal.deadline is None:
        return []
    return [(goal.deadline, goal.target)]


def _final_cumulative(result: Assessment, series: Series, goal: Goal, last: Period) -> Assessment:
    """A total over a span, once the span is over: reached, missed, or not known yet."""
    from goalframe.progress.targets import span_periods

    start = goal.base_period or last
    periods = span_periods(start, last)
    figures = {
        p: v for p, v in zip(series.periods, series.values, strict=True) if p in set(periods)
    }
    total = math.fsum(figures.values())
    missing = [str(p) for p in periods if p not in figures]
    components: dict[str, Component] = dict(result.components)
    components.update(
        method_status=result.status.value,
        method_label=result.label,
        deadline=str(last),
        total=total,
        periods_missing=tuple(missing),
    )
    target = goal.target if goal.target is not None else 0.0
    reason = None
    if goal.meets(total):
        status, label = Status.ACHIEVED, f"total reached ({total:,.6g} of {target:,.6g})"
    elif missing and goal.direction is Direction.INCREASE:
        status, label = Status.OUTCOME_UNKNOWN, "outcome_unknown"
        reason = Message("no_figure_yet_total", periods=missing, total=total, target=target)
    else:
        status, label = Status.MISSED, f"missed ({total:,.6g} of {target:,.6g})"
    rule = "final: met when the total of the span's figures meets the target"
    return _decided(result, status, label, reason, components, rule)


def _final_range(result: Assessment, series: Series, goal: Goal, last: Period) -> Assessment:
    """A range with a deadline, once it is over: achieved, missed or not known yet.

    The figure for the deadline inside the range is achieved, outside it missed; without a
    figure the outcome is not known yet.
    """
    low = goal.low if goal.low is not None else result.components.get("low")
    high = goal.high if goal.high is not None else result.components.get("high")
    if not isinstance(low, int | float) or not isinstance(high, int | float) or low >= high:
        return result  # the method said why it cannot read the range
    components: dict[str, Component] = dict(result.components)
    components.update(method_status=result.status.value, method_label=result.label)
    components.update(deadline=str(last))
    at_deadline = value_for(series, last)
    reason = None
    if at_deadline is None:
        status, label = Status.OUTCOME_UNKNOWN, "outcome_unknown"
        reason = Message(
            "no_figure_yet_known",
            periods=[str(last)],
            known=_known(_latest(series)),
            status=Term("status", result.status.value),
            method=result.method,
        )
    elif low - goal.tolerance <= at_deadline.value <= high + goal.tolerance:
        components.update(deadline_value=at_deadline.value)
        status, label = Status.ACHIEVED, "met_at_deadline"
    else:
        components.update(deadline_value=at_deadline.value)
        status = Status.MISSED
        label = _missed_range_label(_start(series, goal), at_deadline, low, high)
    rule = "final: met when the figure for the deadline period is within [low, high]"
    return _decided(result, status, label, reason, components, rule)


def _missed_range_label(start: Point | None, end: Point, low: float, high: float) -> str:
    """How a range was missed: by the distance to it at the start and at the deadline."""
    if start is None or start.period >= end.period:
        return "missed"

    def distance(value: float) -> float:
        return max(low - value, value - high, 0.0)

    before, after = distance(start.value), distance(end.value)
    if after == before:
        return "missed, no change"
    return "missed, moved towards the target" if after < before else "missed, moved away"


def _final(result: Assessment, series: Series, goal: Goal, last: Period) -> Assessment:
    """The verdict once the target's last period is over: achieved, missed, outcome unknown."""
    if goal.type is TargetType.CUMULATIVE:
        return _final_cumulative(result, series, goal, last)
    if goal.type is TargetType.RANGE:
        return _final_range(result, series, goal, last)
    due = checks(goal)
    if not due or result.label == "target_type_not_read":
        return result
    if goal.type is TargetType.BINARY and any(v not in (0.0, 1.0) for v in series.values):
        return result  # the method refused values other than 0 and 1, and said which
    met: list[str] = []
    missed: list[str] = []
    unknown: list[str] = []
    for period, value in due:
        point = value_for(series, period)
        if goal.type is TargetType.BINARY and point is None:
            # Done before the deadline is done: the latest figure up to it decides.
            latest = _latest(series)
            point = latest if latest is not None and goal.meets(latest.value, value) else None
        if point is None:
            unknown.append(str(period))
        elif goal.meets(point.value, value):
            met.append(str(period))
        else:
            missed.append(str(period))
    components: dict[str, Component] = dict(result.components)
    components.update(
        method_status=result.status.value,
        method_label=result.label,
        deadline=str(last),
    )
    several = len(due) > 1
    if several:
        components.update(
            periods_met=len(met),
            periods_decided=len(due),
            met=tuple(met),
            missed=tuple(missed),
            not_observed=tuple(unknown),
        )
    at_deadline = value_for(series, last)
    if at_deadline is not None:
        components.update(deadline_value=at_deadline.value)
    start = _start(series, goal)
    reason = None
    if missed:
        status = Status.MISSED
        label = _missed_label(goal, start, at_deadline or _latest(series))
        if several:
            label = f"{label} ({len(met)} of {len(due)} met)"
    elif unknown:
        status = Status.OUTCOME_UNKNOWN
        latest = _latest(series)
        label = "outcome_unknown"
        reason = Message(
            "no_figure_yet_known",
            periods=unknown,
            known=_known(latest),
            status=Term("status", result.status.value),
            method=result.method,
        )
    else:
        status = Status.ACHIEVED
        label = "met_at_deadline" if not several else f"met ({len(met)} of {len(due)})"
    rule = (
        "final: met when the figure for the deadline period meets the target"
        if not several
        else "final: met when the figure for every period due meets the value in force"
    )
    return _decided(result, status, label, reason, components, rule)


def _decided(
    result: Assessment,
    status: Status,
    label: str,
    reason: Message | None,
    components: dict[str, Component],
    rule: str,
) -> Assessment:
    """The method's result made final: the judge's status and label, its rule in the formula."""
    return attrs.evolve(
        result,
        status=status,
        label=label,
        reason=reason,
        components=components,
        formula=f"{result.formula}; {rule}" if result.formula else rule,
        final=True,
    )


def _in_force(result: Assessment, series: Series, goal: Goal, as_of: Period) -> Assessment:
    """Before the last period: the norm or milestone period due last must have a figure.

    Without one, the verdict is that its outcome is not known yet, never a verdict on older
    figures alone.
    """
    due = [(p, v) for p, v in checks(goal) if p.ended_by(as_of)]
    if not due or value_for(series, due[-1][0]) is not None:
        return result
    period = due[-1][0]
    latest = _latest(series)
    if result.status is Status.NOT_ASSESSABLE:
        reason = Message("no_figure_yet_due", period=period, known=_known(latest))
    else:
        status = Term("status", result.status.value)
        reason = Message(
            "no_figure_yet_due_then", period=period, known=_known(latest), status=status
        )
    kind = "milestone" if goal.type is TargetType.MILESTONES else "norm"
    components: dict[str, Component] = dict(result.components)
    components.update(method_status=result.status.value, method_label=result.label)
    return attrs.evolve(
        result,
        status=Status.OUTCOME_UNKNOWN,
        label=f"{kind}_outcome_unknown",
        reason=reason,
        components=components,
    )


def _known(latest: Point | None) -> Message:
    """``2023: 1,230``, or ``no figure``."""
    if latest is None:
        return Message("no_figure")
    return Message("period_value", period=latest.period, value=latest.value)


def _latest(series: Series) -> Point | None:
    if not len(series):
        return None
    return Point(period=series.periods[-1], value=series.values[-1])


def _missed_label(goal: Goal, start: Point | None, end: Point | None) -> str:
    if start is None or end is None or start.period >= end.period:
        return "missed"
    change = end.value - start.value
    if change == 0:
        return "missed, no change"
    better = (change > 0) == (goal.direction is Direction.INCREASE)
    return "missed, moved towards the target" if better else "missed, moved away"


def _data_caveats(series: Series, goal: Goal, as_of: Period) -> list[Caveat]:
    found: list[Caveat] = []
    start = _start(series, goal)
    used = [
        (p, v, f)
        for p, v, f in zip(series.periods, series.values, series.flags, strict=True)
        if start is None or p >= start.period
    ]
    flagged: dict[str, list[str]] = {}
    for period, _, flags in used:
        for flag in sorted(flags):
            if flag in _FLAGGED:
                flagged.setdefault(flag, []).append(str(period))
    if flagged:
        parts = [
            Message("flag_periods", flag=Term("flags", flag), periods=periods)
            for flag, periods in flagged.items()
        ]
        found.append(Caveat(code="flagged-values", message=Message("list", items=parts)))
    missing = _missing_periods(series, goal, start, as_of)
    if missing:
        message = (
            Message("missing_periods_more", periods=missing[:10], more=len(missing) - 10)
            if len(missing) > 10
            else Message("missing_periods", periods=missing)
        )
        found.append(Caveat(code="missing-periods", message=message))
    if goal.baseline is not None:
        observed = series.value_at(goal.baseline.period)
        declared = goal.baseline.value
        slack = goal.tolerance + 1e-9 * max(1.0, abs(declared))
        if observed is not None and abs(observed - declared) > slack:
            found.append(
                Caveat(
                    code="baseline-mismatch",
                    message=Message(
                        "baseline_mismatch",
                        declared=declared,
                        period=goal.baseline.period,
                        observed=observed,
                    ),
                )
            )
    extreme = _extreme(series, start)
    if extreme is not None:
        found.append(extreme)
    if goal.provenance in ("illustrative", "proposed"):
        found.append(
            Caveat(code=f"{goal.provenance}-target", message=Message(f"{goal.provenance}_target"))
        )
    return found


def _missing_periods(series: Series, goal: Goal, start: Point | None, as_of: Period) -> list[str]:
    from goalframe.progress.targets import span_periods

    if goal.type is TargetType.CUMULATIVE and goal.base_period and goal.deadline:
        span = span_periods(goal.base_period, goal.deadline)
        return [str(p) for p in span[:10_000] if p.ended_by(as_of) and value_for(series, p) is None]
    if goal.type in (TargetType.NORM, TargetType.MILESTONES):
        return [
            str(p) for p, _ in checks(goal) if p.ended_by(as_of) and value_for(series, p) is None
        ]
    if not len(series) or start is None:
        return []
    frequencies = {p.frequency for p in series.periods}
    if len(frequencies) != 1 or Frequency.DAY in frequencies:
        return []
    first = start.period if start.period.frequency in frequencies else series.periods[0]
    last = series.periods[-1]
    if first >= last:
        return []
    present = set(series.periods)
    expected = span_periods(first, last)
    return [str(p) for p in expected[:10_000] if p not in present]


def _extreme(series: Series, start: Point | None) -> Caveat | None:
    if start is None:
        return None
    periods = series.periods
    try:
        i = periods.index(start.period)
    except ValueError:
        return None
    if i == 0 or i == len(periods) - 1:
        return None
    before, here, after = series.values[i - 1], series.values[i], series.values[i + 1]
    if here > before and here > after:
        kind = "baseline_peak"
    elif here < before and here < after:
        kind = "baseline_trough"
    else:
        return None
    message = Message(
        kind,
        period=start.period,
        value=here,
        before=Message("period_value", period=periods[i - 1], value=before),
        after=Message("period_value", period=periods[i + 1], value=after),
    )
    return Caveat(code="baseline-extreme", message=message)
