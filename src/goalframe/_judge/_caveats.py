"""The caveats beside a verdict: flagged figures, missing periods, the baseline's."""

from __future__ import annotations

from collections.abc import Mapping

from goalframe._assessment import Caveat, Series
from goalframe._judge._points import _start, checks, value_for
from goalframe._messages import Message, Term
from goalframe._model import Goal, Point
from goalframe._periods import Frequency, Period
from goalframe.schema import TargetType

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
    "projection-cut": "A forecast's projection or its interval passed what the unit allows (a "
    "count or an amount below zero, a percentage below 0 or above 100): the figures shown stop "
    "at that limit; the probability of meeting the target is the fitted trend's.",
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
    "definition-changed": "A series break lies between the target's baseline (or its setting) "
    "and the figure that decides its final verdict: the figure is on another definition, so "
    "the outcome is not known like-for-like (unless the goal file says `holds_after_break`).",
    "definition-held": "A series break lies between the target's baseline and the deciding "
    "figure, and the goal file says the target holds on the new definition "
    "(`holds_after_break: true`): the verdict is given across the break.",
    "revision-changed-verdict": "A figure was revised (several releases in a `vintage` column), "
    "and the first release would have given another verdict: both are named.",
}


#: The flags a caveat lists, in this order (a series break has a caveat of its own).
_FLAGGED = ("revised", "provisional", "approx", "estimated", "derived", "suspect")


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
    # Only what measures change from a start: a path, and milestones from a declared
    # baseline ("moved towards the target"). A norm, a range, a cumulative total and a binary
    # target compare each figure with its own value (issue 28, point 7).
    from_start = goal.type is TargetType.TRAJECTORY or (
        goal.type is TargetType.MILESTONES and goal.baseline is not None
    )
    extreme = _extreme(series, start) if from_start else None
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
