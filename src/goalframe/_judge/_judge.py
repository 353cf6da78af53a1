"""`judge`: a method's answer made a verdict (the break rule, the final verdict, caveats)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs

from goalframe._assessment import Assessment, Caveat, Component, Series, Status, not_assessable
from goalframe._judge._caveats import _data_caveats
from goalframe._judge._definition import across_break
from goalframe._judge._early import decided_early
from goalframe._judge._final import _final
from goalframe._judge._points import _known, _latest, _start, checks, final_period, value_for
from goalframe._judge._shared import shared
from goalframe._messages import Message, Term
from goalframe._model import Goal, Point
from goalframe._periods import Period
from goalframe.errors import MethodError
from goalframe.progress import MethodInfo
from goalframe.schema import TargetType

_USEFUL_METHOD = {
    TargetType.TRAJECTORY: "trajectory",
    TargetType.NORM: "norm",
    TargetType.MILESTONES: "norm",
    TargetType.RANGE: "range",
    TargetType.BINARY: "binary",
    TargetType.CUMULATIVE: "cumulative",
}


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
    declared, before_break = goal, series
    last = final_period(goal)
    closed = last is not None and last.ended_by(as_of)
    # A closed verdict stays closed: figures after the target's last period (a break, a new
    # definition or method among them) never reach it; they are for later targets only.
    series, goal, broken = _from_break(
        info, series.until(last) if closed and last is not None else series, goal
    )
    if broken is not None:
        caveats.insert(0, broken)
    last = final_period(goal)
    assessed = series.until(last) if closed and last is not None else series
    result = _run(info, assessed, goal, options)
    if closed and last is not None and result.label != "target_type_not_read":
        result = _final(result, assessed, goal, last)
    elif (early := decided_early(result, series, goal, as_of)) is not None:
        result = early
    elif goal.type in (TargetType.NORM, TargetType.MILESTONES):
        result = _in_force(result, series, goal, as_of)
    result = across_break(result, before_break, declared)
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


def _unread(info: MethodInfo, goal: Goal) -> Assessment:
    useful = _USEFUL_METHOD[goal.type]
    reason = Message(
        "target_type_not_read",
        method=Term("methods", info.name),
        type=goal.type,
        useful=Term("methods", useful),
    )
    return Assessment(
        method=info.name,
        status=Status.NOT_ASSESSABLE,
        label="target_type_not_read",
        reason=reason,
        caveats=(Caveat(code="target-type-not-read", message=reason),),
    )


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
    message = Message(
        "series_break_rebased", period=at, method=Term("methods", info.name), value=value
    )
    return cut, renewed, Caveat(code="series-break", message=message)


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
