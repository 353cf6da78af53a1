from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise

import attrs

from goalframe._assessment import Assessment, Caveat, Series, Status, not_assessable
from goalframe._collector import while_paused
from goalframe._judge import shared, tick
from goalframe._messages import Message, Term, message_of
from goalframe._model import Framework, Goal, Indicator, Objective
from goalframe._observations import Observation, ObservationSet, SetAside, describe_breakdown
from goalframe._periods import DEFAULT_YEAR_START, Frequency, Period, with_year_start
from goalframe._results import (
    Evaluation,
    GroupResult,
    GroupRollUp,
    IndicatorResult,
    ObjectiveResult,
    Observed,
    TargetOutcome,
    Trend,
    group_label,
)
from goalframe._suggest import did_you_mean
from goalframe.errors import DataError, IncompatibleUnitsError, UnitError
from goalframe.schema import Direction, FrameworkSpec, IndicatorKind, Level, RollUp, TargetType

__all__ = ["assess_all", "prepare"]

Breakdown = tuple[tuple[str, str], ...]


def _convert(indicator: Indicator, rows: list[Observation]) -> list[Observation]:
    """Bring every observation into the indicator's unit (one conversion per unit)."""
    from goalframe.units import conversion

    assert indicator.unit is not None
    by_unit: dict[str, list[Observation]] = defaultdict(list)
    for row in rows:
        by_unit[row.unit].append(row)
    out: list[Observation] = []
    for unit, group in by_unit.items():
        try:
            convert = conversion(unit, indicator.unit)
        except UnitError as exc:
            where = f"{group[0].location}: " if group[0].location else ""
            count = Message("unit_rows", count=len(group))
            raise unit_mismatch(indicator, unit, exc, rows=count, where=where) from None
        if convert.is_identity:
            out.extend(group)
        else:
            out.extend(
                Observation(
                    indicator=o.indicator,
                    period=o.period,
                    value=convert(o.value),
                    unit=indicator.unit,
                    breakdown=o.breakdown,
                    flags=o.flags,
                    note=o.note,
                    location=o.location,
                )
                for o in group
            )
    return out


def unit_mismatch(
    indicator: Indicator, unit: str, exc: UnitError, *, rows: str, where: str = ""
) -> DataError | IncompatibleUnitsError:
    """The error for figures in a unit that does not convert into the indicator's."""
    kind = IncompatibleUnitsError if isinstance(exc, IncompatibleUnitsError) else DataError
    message = Message(
        "unit_mismatch",
        where=where,
        indicator=repr(indicator.id),
        unit=repr(indicator.unit),
        rows=rows,
        other=repr(unit),
        why=message_of(exc),
    )
    return kind(message)


def _series_and_points(rows: list[Observation], unit: str | None) -> tuple[Series, list[Observed]]:
    rows = sorted(rows, key=lambda o: o.period)
    for before, after in pairwise(rows):
        if before.period == after.period:  # same period from rows in different units
            message = Message(
                "data_two_periods",
                indicator=repr(after.indicator),
                period=str(after.period),
                other=str(before.location),
            )
            raise DataError(Message("data_at", where=str(after.location), problem=message))
        if before.period.frequency is not after.period.frequency:
            message = Message(
                "data_mixed_frequencies",
                indicator=repr(after.indicator),
                first=Term("frequencies", before.period.frequency.value),
                second=Term("frequencies", after.period.frequency.value),
                first_period=str(before.period),
                where=str(before.location),
                second_period=str(after.period),
            )
            raise DataError(Message("data_at", where=str(after.location), problem=message))
    points = [Observed(period=o.period, value=o.value, flags=o.flags, note=o.note) for o in rows]
    series = Series(
        periods=tuple(o.period for o in rows),
        values=[o.value for o in rows],
        flags=tuple(o.flags for o in rows),
        unit=unit,
    )
    return series, points


#: Methods for target types that are not trajectories.
TYPE_METHODS = {
    TargetType.NORM: "norm",
    TargetType.MILESTONES: "norm",
    TargetType.RANGE: "range",
    TargetType.BINARY: "binary",
    TargetType.CUMULATIVE: "cumulative",
}


def _method_for(indicator: Indicator, framework: Framework, override: str | None) -> str:
    """The method to use: ``--method``, else the indicator's, else by target type."""
    if override is not None:
        return override
    if indicator.method is not None:
        return indicator.method
    if indicator.goal is not None and indicator.goal.type in TYPE_METHODS:
        return TYPE_METHODS[indicator.goal.type]
    return framework.spec.default_method


def _trend(indicator: Indicator, points: list[Observed]) -> Trend | None:
    if len(points) < 2:
        return None
    previous, latest = points[-2], points[-1]
    change = latest.value - previous.value
    better = None
    if change != 0 and indicator.direction is not None:
        better = (change > 0) == (indicator.direction is Direction.INCREASE)
    return Trend(previous=previous, change=change, better=better)


def _assess(indicator: Indicator, series: Series, method: str, as_of: Period) -> Assessment:
    from goalframe._judge import judge
    from goalframe.progress import get_method

    if indicator.goal is None:
        reason = Message("context_not_scored" if indicator.kind == "context" else "no_target")
        return not_assessable(method, reason)
    return judge(get_method(method), series, indicator.goal, indicator.options, as_of=as_of)


@attrs.frozen
class _Part:
    """One indicator's or sub-objective's verdict, as a roll-up reads it."""

    status: Status
    weight: float
    final: bool
    effort_only: bool


_EFFORT = (IndicatorKind.OUTPUT, IndicatorKind.INPUT)


def _rollup(
    framework: Framework, results: dict[str, IndicatorResult]
) -> tuple[ObjectiveResult, ...]:
    by_id = {o.id: o for o in framework.objectives}
    done: dict[str, ObjectiveResult] = {}

    def visit(objective: Objective, depth: int) -> ObjectiveResult:
        if objective.id in done:
            return done[objective.id]
        parts: list[_Part] = []
        for ref in objective.indicators:
            result = results[ref]
            if result.scored:
                parts.append(
                    _Part(
                        status=result.status,
                        weight=1.0,
                        final=result.assessment.final,
                        effort_only=result.indicator.kind in _EFFORT,
                    )
                )
        for child in objective.children:
            sub = visit(by_id[child], depth + 1)
            if sub.status is not Status.NOT_ASSESSABLE:
                parts.append(
                    _Part(
                        status=sub.status,
                        weight=by_id[child].weight,
                        final=sub.final,
                        effort_only=sub.rests_on_outputs,
                    )
                )
        done[objective.id] = _combine(objective, parts, framework.rollup, depth)
        return done[objective.id]

    ordered: list[ObjectiveResult] = []

    def walk(objective: Objective, depth: int) -> None:
        ordered.append(visit(objective, depth))
        for child in objective.children:
            walk(by_id[child], depth + 1)

    for objective in framework.objectives:
        if objective.parent is None:
            walk(objective, 0)
    return tuple(ordered)


def _combine(objective: Objective, parts: list[_Part], rule: RollUp, depth: int) -> ObjectiveResult:
    """An objective's verdict from its parts' (see `RollUp` and the docs' roll-up rules).

    Parts whose deadline has passed count as met or missed: the result says "met N of M".
    When every part is final, so is the objective: achieved when all were met, missed when
    any was missed, else outcome unknown. A part whose outcome is unknown makes the whole
    unknown unless a part was missed; an objective with a missed part is never on track.
    """
    if not parts:
        reason = Message(
            "no_parts" if objective.indicators or objective.children else "no_indicators"
        )
        return ObjectiveResult(
            objective=objective, status=Status.NOT_ASSESSABLE, reason=reason, depth=depth
        )
    ranked = [(p.status.rank, p.weight) for p in parts if p.status.rank is not None]
    total = sum(w for _, w in ranked)
    score = sum(r * w for r, w in ranked) / total if total else None
    finals = [p for p in parts if p.final]
    decided = [p for p in finals if p.status in (Status.ACHIEVED, Status.MISSED)]
    met = sum(1 for p in decided if p.status is Status.ACHIEVED)
    missed = any(p.status is Status.MISSED for p in parts)
    unknown = any(p.status is Status.OUTCOME_UNKNOWN for p in parts)
    final = len(finals) == len(parts)
    if final:
        if missed:
            status = Status.MISSED
        elif unknown:
            status = Status.OUTCOME_UNKNOWN
        else:
            status = Status.ACHIEVED
    elif unknown and not missed:
        # Say less: a part whose outcome is not known yet keeps the whole from a verdict.
        status = Status.OUTCOME_UNKNOWN
    elif all(p.status is Status.ACHIEVED for p in parts):
        status = Status.ACHIEVED
    elif not ranked:
        status = Status.OUTCOME_UNKNOWN
    elif rule is RollUp.WORST:
        worst = min(r for r, _ in ranked)
        status = Status.MISSED if worst == 0 and missed else Status.from_rank(worst)
    elif rule is RollUp.ALL_ACHIEVED:
        status = Status.MISSED if missed else Status.INSUFFICIENT_PROGRESS
    else:
        # The mean rank read back as a status: never better than on track unless all are
        # achieved, never better than needs acceleration when a part was missed.
        assert score is not None
        status = Status.from_rank(min(2 if missed else 3, int(score + 0.5)))
    effort_only = all(p.effort_only for p in parts)
    caveats: tuple[Caveat, ...] = ()
    if effort_only and objective.level in (Level.OUTCOME, Level.IMPACT):
        caveats = (
            Caveat(
                code="outputs-only",
                message=Message("outputs_only", level=Term("levels", objective.level.value)),
            ),
        )
    return ObjectiveResult(
        objective=objective,
        status=status,
        score=score,
        depth=depth,
        final=final,
        met=met if decided else None,
        decided=len(decided) if decided else None,
        rests_on_outputs=effort_only,
        caveats=caveats,
    )


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
    for indicator_id, rows in by_indicator.items():
        if indicator_id not in known:
            close = _close(indicator_id, known)
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
        rows = by_indicator.get(indicator.id, [])
        # The preparation does not depend on the method: `compare` shares it between cards.
        at = (indicator.id, cutoff, release_date)
        selected, groups, others = shared(("split", *at), _split, indicator, rows)
        headline_rows = bool(selected)  # a progress bar counts the series with rows
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
            indicator, outcomes = _in_force(indicator, series, chosen, cutoff)
            assessment = next(o.assessment for o in outcomes if o.role == "in force")
        else:
            assessment = _assess(indicator, series, chosen, cutoff)
        if rows and not selected and indicator.goal is not None:
            assessment = not_assessable(chosen, _nothing_selected(indicator, rows))
        if first_releases is not None and indicator.goal is not None and len(outcomes) <= 1:
            assessment = _revision_caveat(
                indicator, assessment, first_releases, chosen, cutoff, selected
            )
        if headline_rows:
            tick()
        group_results = []
        for group, group_rows in groups.items():
            one, aside = _group(indicator, group, group_rows, chosen, cutoff, release_date)
            group_results.append(one)
            set_aside.extend(aside)
            tick()
        unused = _unused_group_targets(indicator, group_results)
        if unused is not None:
            assessment = attrs.evolve(assessment, caveats=(*assessment.caveats, unused))
        absent = _absent_by_columns(indicator, rows)
        if absent is not None:
            assessment = attrs.evolve(assessment, caveats=(*assessment.caveats, absent))
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


def _close(name: str, known: set[str]) -> list[str]:
    """Ids close to ``name`` (a misspelt indicator id), closest first."""
    import difflib

    return [repr(c) for c in difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)]


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


def _cut(
    rows: list[Observation], as_of: Period, release_date: Period | None
) -> tuple[list[Observation], list[SetAside], list[Observation] | None]:
    """A series' rows up to the assessment date, one release per period (see `_releases`).

    Returns the rows to use, those set aside (later than ``as_of``, earlier releases) and
    the first releases when a figure was revised.
    """
    later = [o for o in rows if o.period.start >= as_of.end]
    aside = _aside(later, Message("after_as_of", period=as_of)) if later else []
    kept = [o for o in rows if o.period.start < as_of.end] if later else rows
    kept, replaced, firsts = _releases(kept, release_date)
    return kept, aside + replaced, firsts


def _split(
    indicator: Indicator, rows: list[Observation]
) -> tuple[list[Observation], dict[Breakdown, list[Observation]], list[Observation]]:
    """The headline rows (``select``), each ``by:`` group's rows, and the rest.

    A row belongs to a group when it has a value in every ``by`` column and its other
    breakdown columns are those of ``select``; the headline row itself is never a group's.
    """
    select = indicator.select
    if not indicator.by:
        chosen = [o for o in rows if o.breakdown == select]
        return chosen, {}, [o for o in rows if o.breakdown != select]
    by = indicator.by
    fixed = tuple((c, v) for c, v in select if c not in by)
    headline: list[Observation] = []
    groups: dict[Breakdown, list[Observation]] = {}
    others: list[Observation] = []
    for row in rows:
        if row.breakdown == select:
            headline.append(row)
            continue
        cells = dict(row.breakdown)
        rest = tuple((c, v) for c, v in row.breakdown if c not in by)
        if rest == fixed and all(c in cells for c in by):
            groups.setdefault(tuple((c, cells[c]) for c in by), []).append(row)
        else:
            others.append(row)
    return headline, dict(sorted(groups.items())), others


def _not_assessed(indicator: Indicator) -> Message:
    breakdown = describe_breakdown(indicator.select)
    if indicator.by:
        return Message("breakdown_not_assessed_by", breakdown=breakdown, by=list(indicator.by))
    return Message("breakdown_not_assessed", breakdown=breakdown)


def _group(
    indicator: Indicator,
    group: Breakdown,
    rows: list[Observation],
    method: str,
    as_of: Period,
    release_date: Period | None,
) -> tuple[GroupResult, list[SetAside]]:
    """One ``by:`` series assessed against the indicator's target, from its own baseline."""
    at = (indicator.id, group, as_of, release_date)
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
        own, outcomes = _in_force(own, series, method, as_of)
        assessment = next(o.assessment for o in outcomes if o.role == "in force")
    else:
        assessment = _assess(own, series, method, as_of)
    goal = own.goal
    if (
        goal is not None
        and goal.baseline is not None
        and series.value_at(goal.baseline.period) is None
    ):
        reason = Message("group_no_baseline", period=goal.baseline.period)
        assessment = not_assessable(method, reason)
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


def _converted_series(
    indicator: Indicator, rows: list[Observation]
) -> tuple[Series, list[Observed]]:
    """The rows in the indicator's unit, as a series and as the points a card shows."""
    return _series_and_points(_convert(indicator, rows), indicator.unit)


def _own_baseline(goal: Goal, series: Series) -> float | None:
    """A series' own figure for the target's baseline period (None without either)."""
    return None if goal.baseline is None else series.value_at(goal.baseline.period)


def _group_rollups(
    framework: Framework, results: dict[str, IndicatorResult]
) -> tuple[GroupRollUp, ...]:
    """For every group, the objectives' verdicts from that group's series alone."""
    keys = sorted({g.group for r in results.values() for g in r.groups})
    if not keys:
        return ()
    index = {i: {g.group: g for g in r.groups} for i, r in results.items()}
    out = []
    for key in keys:
        own: dict[str, IndicatorResult] = {}
        for indicator_id, result in results.items():
            match = index[indicator_id].get(key)
            if match is None:
                # Not measured for this group: shown as not assessable, so it does not count.
                own[indicator_id] = attrs.evolve(
                    result,
                    assessment=not_assessable(result.assessment.method, "no series"),
                    groups=(),
                )
            else:
                own[indicator_id] = attrs.evolve(
                    result, assessment=match.assessment, series=match.series, groups=()
                )
        # An objective none of whose indicators has a verdict for this group is left out.
        rolled = _rollup(framework, own)
        verdicts = tuple(o for o in rolled if o.status is not Status.NOT_ASSESSABLE)
        out.append(GroupRollUp(group=key, objectives=verdicts))
    return tuple(out)


def _in_force(
    indicator: Indicator, series: Series, method: str, as_of: Period
) -> tuple[Indicator, tuple[TargetOutcome, ...]]:
    """Assess each of several targets; the card's verdict is the one in force.

    In force is the target whose span (from its start to its last period) holds the
    assessment date; between two spans, the last one that is over (its verdict is final);
    before the first, the first. Targets after it are ``to come``, before it ``earlier``.
    """
    goals = indicator.goals
    current = in_force_index(goals, as_of)
    outcomes = []
    for k, goal in enumerate(goals):
        role = "in force" if k == current else ("earlier" if k < current else "to come")
        one = attrs.evolve(indicator, goal=goal)
        outcomes.append(
            TargetOutcome(goal=goal, assessment=_assess(one, series, method, as_of), role=role)
        )
    return attrs.evolve(indicator, goal=goals[current]), tuple(outcomes)


def in_force_index(goals: Sequence[Goal], as_of: Period) -> int:
    """Which of several targets is in force at ``as_of`` (see `_in_force`): its index."""
    from goalframe._judge import final_period

    ends = [final_period(g) for g in goals]
    starts = [_first_period(g) for g in goals]

    def started(k: int) -> bool:
        first = starts[k]
        return first is None or first.start < as_of.end

    def over(k: int) -> bool:
        last = ends[k]
        return last is not None and last.ended_by(as_of)

    holding = [k for k in range(len(goals)) if started(k) and not over(k)]
    done = [k for k in range(len(goals)) if over(k)]
    return holding[0] if holding else (done[-1] if done else 0)


def _releases(
    rows: list[Observation], release_date: Period | None
) -> tuple[list[Observation], list[SetAside], list[Observation] | None]:
    """One figure per period: the latest release (by ``release_date``, if given).

    Returns the figures to use (a revised one flagged ``revised``), the releases set aside
    with the reason, and, when some figure was revised, the first releases (to tell whether
    the revision changed the verdict); None when nothing was revised.
    """
    if all(o.vintage is None for o in rows):
        return rows, [], None
    by_key: dict[tuple[Period, tuple[tuple[str, str], ...]], list[Observation]] = defaultdict(list)
    for o in rows:
        by_key[(o.period, o.breakdown)].append(o)
    used: list[Observation] = []
    firsts: list[Observation] = []
    aside: list[SetAside] = []
    revised = False
    for group in by_key.values():
        group.sort(key=lambda o: (o.vintage is not None, o.vintage or Period.parse(1000)))
        late = [
            o
            for o in group
            if release_date is not None
            and o.vintage is not None
            and o.vintage.start >= release_date.end
        ]
        known = [o for o in group if o not in late]
        aside += _aside(late, Message("after_vintage", period=release_date))
        if not known:
            continue
        latest, first = known[-1], known[0]
        for older in known[:-1]:
            aside += _aside(
                [older],
                Message(
                    "earlier_release",
                    vintage=older.vintage or Term("words", "undated"),
                    latest=latest.vintage or Term("words", "undated"),
                ),
            )
        if first.value != latest.value:
            revised = True
            latest = attrs.evolve(latest, flags=latest.flags | {"revised"})
        used.append(latest)
        firsts.append(first)
    return used, aside, firsts if revised else None


def _revision_caveat(
    indicator: Indicator,
    assessment: Assessment,
    firsts: list[Observation],
    method: str,
    as_of: Period,
    used: list[Observation],
) -> Assessment:
    """Say when the first releases would have given another verdict than the revisions."""
    if indicator.unit is None:
        return assessment
    try:
        series, _ = _series_and_points(_convert(indicator, firsts), indicator.unit)
    except DataError:
        return assessment
    before = _assess(indicator, series, method, as_of)
    if before.status is assessment.status:
        return assessment
    changed = [
        (f, u)
        for f, u in zip(
            sorted(firsts, key=lambda o: o.period),
            sorted(used, key=lambda o: o.period),
            strict=True,
        )
        if f.value != u.value
    ]
    message = Message(
        "revision_changed_verdict",
        first=[_point_words(f) for f, _ in changed[:3]],
        now=[_point_words(u) for _, u in changed[:3]],
        before=Term("status", before.status.value),
        after=Term("status", assessment.status.value),
    )
    caveat = Caveat(code="revision-changed-verdict", message=message)
    return attrs.evolve(assessment, caveats=(*assessment.caveats, caveat))


def _point_words(observation: Observation) -> Message:
    return Message("period_value", period=observation.period, value=observation.value)


def _first_period(goal: Goal) -> Period | None:
    """Where a target's span starts: its baseline, its span's start, its first milestone."""
    if goal.baseline is not None:
        return goal.baseline.period
    if goal.base_period is not None:
        return goal.base_period
    return goal.milestones[0].period if goal.milestones else None


def _nothing_selected(indicator: Indicator, rows: list[Observation]) -> str:
    """Why no row was assessed although the indicator has rows: name what the data hold."""
    if not indicator.select:
        kinds = sorted({describe_breakdown(o.breakdown) for o in rows})
        return (
            "no row for the total (all breakdown cells blank); the data have "
            f"{', '.join(kinds[:8])}: add `select:` to the indicator"
        )
    columns = {c for o in rows for c, _ in o.breakdown}
    parts = []
    for column, wanted in indicator.select:
        if column not in columns:
            hint = did_you_mean(column, columns)
            parts.append(f"the data have no breakdown column {column!r}{hint}")
            continue
        values = sorted({v for o in rows for c, v in o.breakdown if c == column})
        if wanted not in values:
            hint = did_you_mean(wanted, values)
            shown = ", ".join(values[:12]) + (" ..." if len(values) > 12 else "")
            parts.append(f"{column}={wanted!r} is not in the data{hint}; they have {shown}")
    detail = "; ".join(parts) or "no row matches every value of `select:`"
    return f"no observations for {describe_breakdown(indicator.select)}: {detail}"


def _aside(rows: Iterable[Observation], reason: str) -> list[SetAside]:
    return [
        SetAside(
            reason=reason,
            indicator=o.indicator,
            period=str(o.period),
            value=f"{o.value:g}",
            location=o.location,
        )
        for o in rows
    ]
