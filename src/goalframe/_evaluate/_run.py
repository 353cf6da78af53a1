"""The reference path's run: observations into series, each indicator and group assessed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import attrs

from goalframe._assessment import Caveat, not_assessable
from goalframe._collector import while_paused
from goalframe._evaluate._rollup import _group_rollups, _rollup
from goalframe._evaluate._series import (
    Breakdown,
    _all_later,
    _aside,
    _converted_series,
    _cut,
    _nothing_selected,
    _own_baseline,
    _split,
)
from goalframe._evaluate._targets import _assess, _in_force, _method_for, _revision_caveat, _trend
from goalframe._judge import shared, tick
from goalframe._messages import Message
from goalframe._model import Framework, Goal, Indicator
from goalframe._observations import Observation, ObservationSet, SetAside, describe_breakdown
from goalframe._periods import DEFAULT_YEAR_START, Frequency, Period, with_year_start
from goalframe._results import (
    Evaluation,
    GroupResult,
    IndicatorResult,
    TargetOutcome,
    group_label,
)
from goalframe._suggest import Index, did_you_mean
from goalframe.schema import FrameworkSpec


def prepare(
    framework: Framework | FrameworkSpec, observations: ObservationSet | Iterable[Observation]
) -> tuple[Framework, ObservationSet]:
    """Compile a spec and wrap plain observations, as `evaluate` accepts them."""
    from goalframe._compile import compile_framework
    from goalframe.errors import UsageError, require

    require(
        framework,
        (Framework, FrameworkSpec),
        name="the framework",
        takes="a Framework (from load_framework) or a FrameworkSpec",
    )
    if not isinstance(framework, Framework):
        framework = compile_framework(framework)
    given: object = observations  # checked at run time: callers are not type-checked
    if not isinstance(given, ObservationSet):
        if isinstance(given, str | bytes) or not isinstance(given, Iterable):
            msg = (
                "the observations must be an ObservationSet (from load_observations or "
                f"observations_from_records), not {type(given).__name__}"
            )
            raise UsageError(msg)
        rows: tuple[object, ...] = tuple(given)
        odd = next((o for o in rows if not isinstance(o, Observation)), None)
        if odd is not None:
            msg = (
                f"the observations must be Observation objects, not {type(odd).__name__}; "
                "build them with observations_from_records"
            )
            raise UsageError(msg)
        return framework, ObservationSet(
            observations=tuple(o for o in rows if isinstance(o, Observation))
        )
    return framework, given


# Long: the reference path's one loop over indicators; each step a call, in the order the card
# shows them.
@while_paused
def assess_all(
    framework: Framework,
    obs_set: ObservationSet,
    *,
    as_of: Period | str | int | None = None,
    method: str | None = None,
    vintage: Period | str | int | None = None,
) -> Evaluation:
    """Assess every indicator and roll up the objectives: the work behind `goalframe.evaluate`.

    Args:
        framework: The compiled framework.
        obs_set: The observations.
        as_of: The assessment date: evaluate as if at the end of this period (later
            observations are set aside, deadlines up to it are over). Default: today.
        method: Use this method for every indicator instead of each one's own.
        vintage: Use the figures as published on this date (the latest release by then);
            default the latest release of each figure.

    Returns:
        The results, and every observation set aside with the reason.
    """
    from goalframe.progress import get_method

    cutoff = Period.today() if as_of is None else Period.parse(as_of)
    release_date = None if vintage is None else Period.parse(vintage)
    if method is not None:
        get_method(method)  # fail before any work on an unknown name

    start_month = framework.spec.year_start or DEFAULT_YEAR_START
    by_indicator: dict[str, list[Observation]] = defaultdict(list)
    for observation in obs_set.observations:
        if observation.period.frequency is Frequency.FISCAL_YEAR:
            # A financial year read elsewhere is re-read with this goal file's year start.
            observation = attrs.evolve(
                observation, period=with_year_start(observation.period, start_month)
            )
        by_indicator[observation.indicator].append(observation)
    known = {i.id for i in framework.indicators}
    set_aside = list(obs_set.set_aside)
    index: list[Index] = []  # built once, at the first id the goal file lacks
    for indicator_id, rows in by_indicator.items():
        if indicator_id not in known:
            index = index or [Index(known)]
            close = [repr(c) for c in index[0].close(indicator_id)]
            reason = (
                Message("no_indicator_close", indicator=repr(indicator_id), close=close)
                if close
                else Message("no_indicator", indicator=repr(indicator_id))
            )
            set_aside.extend(_aside(rows, reason))

    linked: dict[str, list[str]] = defaultdict(list)
    for objective in framework.objectives:
        for ref in objective.indicators:
            linked[ref].append(objective.id)

    results: dict[str, IndicatorResult] = {}
    for indicator in framework.indicators:
        chosen = _method_for(indicator, framework, method)

        def method_of(goal: Goal, indicator: Indicator = indicator) -> str:
            return _method_for(attrs.evolve(indicator, goal=goal), framework, method)

        rows = by_indicator.get(indicator.id, [])
        # The preparation does not depend on the method: `compare` shares it between cards.
        at = (indicator.id, cutoff, release_date)
        selected, groups, others = shared(("split", *at), _split, indicator, rows)
        headline_rows = selected  # a progress bar counts the series with rows
        if others:
            set_aside.extend(_aside(others, _not_assessed(indicator)))
        selected, aside, first_releases = shared(("cut", *at), _cut, selected, cutoff, release_date)
        set_aside.extend(aside)
        if indicator.unit is None:
            set_aside.extend(_aside(selected, Message("no_unit")))
            results[indicator.id] = IndicatorResult(
                indicator=indicator,
                assessment=not_assessable(
                    chosen, "the indicator has no unit: add `unit:` to the goal file"
                ),
                objectives=tuple(linked[indicator.id]),
                breakdown=indicator.select,
            )
            continue
        series, points = shared(("series", *at), _converted_series, indicator, selected)
        outcomes: tuple[TargetOutcome, ...] = ()
        if len(indicator.goals) > 1:
            indicator, outcomes = _in_force(indicator, series, method_of, cutoff)
            assessment = next(o.assessment for o in outcomes if o.role == "in force")
        else:
            assessment = _assess(indicator, series, chosen, cutoff)
        if rows and not selected and indicator.goal is not None:
            # Rows for the headline, every one later than the assessment date; or none.
            why = (
                _all_later(headline_rows, cutoff, release_date)
                if headline_rows
                else _nothing_selected(indicator, rows)
            )
            assessment = not_assessable(chosen, why)
        if first_releases is not None and indicator.goal is not None and selected:
            if outcomes:  # every target that counts, earlier ones included
                outcomes = tuple(
                    attrs.evolve(
                        o,
                        assessment=_revision_caveat(
                            attrs.evolve(indicator, goal=o.goal),
                            o.assessment, first_releases, method_of(o.goal), cutoff, selected,
                        ),
                    )
                    if o.role != "to come" else o
                    for o in outcomes
                )  # fmt: skip
                assessment = next(o.assessment for o in outcomes if o.role == "in force")
            else:
                assessment = _revision_caveat(
                    indicator, assessment, first_releases, chosen, cutoff, selected
                )
        if headline_rows:
            tick()
        group_results = []
        for group, group_rows in groups.items():
            one, aside = _group(
                indicator, group, group_rows, (chosen, method_of), cutoff, release_date
            )
            group_results.append(one)
            set_aside.extend(aside)
            tick()
        unused = _unused_group_targets(indicator, group_results)
        if unused is not None:
            assessment = attrs.evolve(assessment, caveats=(*assessment.caveats, unused))
        absent = _absent_by_columns(indicator, rows)
        if absent is not None:  # a fact about the headline's series, whichever target
            assessment = attrs.evolve(assessment, caveats=(*assessment.caveats, absent))
            outcomes = tuple(
                attrs.evolve(o, assessment=attrs.evolve(
                    o.assessment, caveats=(*o.assessment.caveats, absent)
                )) if o.role == "earlier" else o
                for o in outcomes
            )  # fmt: skip
        results[indicator.id] = IndicatorResult(
            indicator=indicator,
            assessment=assessment,
            series=tuple(points),
            latest=points[-1] if points else None,
            trend=_trend(indicator, points),
            objectives=tuple(linked[indicator.id]),
            breakdown=indicator.select,
            targets=outcomes,
            groups=tuple(group_results),
        )
    return Evaluation(
        as_of=cutoff,
        method=method,
        indicators=tuple(results[i.id] for i in framework.indicators),
        objectives=_rollup(framework, results),
        set_aside=tuple(set_aside),
        groups=_group_rollups(framework, results),
    )


def _absent_by_columns(indicator: Indicator, rows: list[Observation]) -> Caveat | None:
    """A caveat naming the ``by`` columns none of the indicator's rows has a value in."""
    if not indicator.by or not rows:
        return None
    present = {c for o in rows for c, _ in o.breakdown}
    absent = [c for c in indicator.by if c not in present]
    if not absent:
        return None
    shown = [f"{c!r}{did_you_mean(c, present)}" for c in absent]
    return Caveat(code="by-column-absent", message=Message("by_column_absent", columns=shown))


def _unused_group_targets(indicator: Indicator, groups: list[GroupResult]) -> Caveat | None:
    """A caveat naming the group targets (``groups:``) no series in the data is held to."""
    goal = indicator.goal
    if goal is None or not goal.groups:
        return None
    present = [g.label for g in groups]
    unused = [label for label, _ in goal.groups if label not in present]
    if not unused:
        return None
    hints = [did_you_mean(label, present).removeprefix("; ") for label in unused]
    shown = [
        f"{label!r} ({hint})" if hint else repr(label)
        for label, hint in zip(unused, hints, strict=True)
    ]
    return Caveat(code="group-target-unused", message=Message("group_target_unused", groups=shown))


def _not_assessed(indicator: Indicator) -> Message:
    breakdown = describe_breakdown(indicator.select)
    if indicator.by:
        return Message("breakdown_not_assessed_by", breakdown=breakdown, by=list(indicator.by))
    return Message("breakdown_not_assessed", breakdown=breakdown)


def _group(
    indicator: Indicator,
    group: Breakdown,
    rows: list[Observation],
    methods: tuple[str, Callable[[Goal], str]],
    as_of: Period,
    release_date: Period | None,
) -> tuple[GroupResult, list[SetAside]]:
    """One ``by:`` series assessed against the indicator's target, from its own baseline.

    ``methods``: the indicator's method, and the method of each of several targets.
    """
    method, method_of = methods
    at = (indicator.id, group, as_of, release_date)
    had_rows = rows
    rows, aside, _ = shared(("cut", *at), _cut, rows, as_of, release_date)
    series, points = shared(("series", *at), _converted_series, indicator, rows)
    label = group_label(group)

    def own_goals() -> tuple[tuple[Goal, ...], Goal | None]:
        goals = tuple(g.for_series(_own_baseline(g, series), label) for g in indicator.goals)
        goal = indicator.goal
        if goal is not None:
            goal = goal.for_series(_own_baseline(goal, series), label)
        return goals, goal

    # Shared too, so that the judge's data caveats (keyed by the goal) are found once.
    goals, goal = shared(("goals", *at), own_goals)
    own = attrs.evolve(indicator, goals=goals, goal=goal)
    if len(goals) > 1:
        own, outcomes = _in_force(own, series, method_of, as_of)
        assessment = next(o.assessment for o in outcomes if o.role == "in force")
    else:
        assessment = _assess(own, series, method, as_of)
    goal = own.goal
    reason = None
    if had_rows and not rows:  # every figure later than the assessment date
        reason = _all_later(had_rows, as_of, release_date)
    elif (
        goal is not None
        and goal.baseline is not None
        and series.value_at(goal.baseline.period) is None
    ):
        reason = Message("group_no_baseline", period=goal.baseline.period)
    if reason is not None:
        assessment = not_assessable(method, reason)
    if reason is not None and goal is not None and goal.baseline is not None:
        # The headline's baseline is not this series': show none, and no target made from it.
        relative = goal.change_percent is not None or goal.change_points is not None
        goal = attrs.evolve(goal, baseline=None, target=None if relative else goal.target)
    result = GroupResult(
        group=group,
        goal=goal,
        assessment=assessment,
        series=tuple(points),
        latest=points[-1] if points else None,
        trend=_trend(indicator, points),
    )
    return result, aside
