"""Objectives rolled up from their parts: indicators, groups and sub-objectives."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from goalframe._assessment import Assessment, Caveat, Status, TargetCounts, not_assessable
from goalframe._messages import Message, Term
from goalframe._model import Framework, Goal, Objective
from goalframe._results import (
    GroupRollUp,
    IndicatorResult,
    ObjectiveResult,
)
from goalframe.schema import IndicatorKind, Level, RollUp


@attrs.frozen
class _Part:
    """One verdict an objective's status reads: a target of an indicator, or a sub-objective."""

    status: Status
    weight: float
    final: bool
    effort_only: bool


@attrs.frozen
class _Target:
    """One target under an objective, as the count reads it (an indicator's, by its index)."""

    key: tuple[str, int | str]
    status: Status
    final: bool


_EFFORT = (IndicatorKind.OUTPUT, IndicatorKind.INPUT)


@attrs.frozen
class Counted:
    """One target that counts: its key, its verdict and the target it was judged against.

    ``key``: the target's index among the indicator's targets (-1 when it has one), or the
    group's label for a group's target.
    """

    key: int | str
    assessment: Assessment
    goal: Goal | None


def counted_targets(result: IndicatorResult) -> list[Counted]:
    """The targets of an indicator that count: every one that was due, and those in force.

    An earlier target whose deadline is over counts with its final verdict, so that an
    illustrative target in force never hides a missed official one; targets to come do not
    count yet. With ``by:``, each group's target counts too (a missed group is a missed part),
    unless the goal file names the series that stands for the whole (``whole:``): then that
    one alone. Context indicators and verdicts that are not assessable do not count.
    """
    indicator = result.indicator
    if indicator.kind is IndicatorKind.CONTEXT:
        return []
    whole = indicator.whole
    if isinstance(whole, tuple):
        return [
            Counted(key=g.label, assessment=g.assessment, goal=g.goal)
            for g in result.groups
            if g.group == whole and g.status is not Status.NOT_ASSESSABLE
        ]
    out: list[Counted] = []
    goals = [t.goal for t in result.targets]
    for k, outcome in enumerate(result.targets):
        if outcome.role == "earlier" and outcome.assessment.status is not Status.NOT_ASSESSABLE:
            out.append(Counted(key=k, assessment=outcome.assessment, goal=goals[k]))
    if result.scored:
        current = next((k for k, t in enumerate(result.targets) if t.role == "in force"), -1)
        goal = goals[current] if current >= 0 else indicator.goal
        out.append(Counted(key=current, assessment=result.assessment, goal=goal))
    if whole is None:
        out.extend(
            Counted(key=g.label, assessment=g.assessment, goal=g.goal)
            for g in result.groups
            if g.status is not Status.NOT_ASSESSABLE
        )
    return out


def _rollup(
    framework: Framework, results: dict[str, IndicatorResult]
) -> tuple[ObjectiveResult, ...]:
    by_id = {o.id: o for o in framework.objectives}
    done: dict[str, tuple[ObjectiveResult, dict[tuple[str, int | str], _Target]]] = {}

    def visit(objective: Objective, depth: int) -> tuple[ObjectiveResult, dict[Any, _Target]]:
        if objective.id in done:
            return done[objective.id]
        parts: list[_Part] = []
        targets: dict[tuple[str, int | str], _Target] = {}
        for ref in objective.indicators:
            result = results[ref]
            effort = result.indicator.kind in _EFFORT
            for c in counted_targets(result):
                a = c.assessment
                parts.append(_Part(status=a.status, weight=1.0, final=a.final, effort_only=effort))
                targets[(ref, c.key)] = _Target(key=(ref, c.key), status=a.status, final=a.final)
        for child in objective.children:
            sub, under = visit(by_id[child], depth + 1)
            targets.update(under)
            if sub.status is not Status.NOT_ASSESSABLE:
                parts.append(
                    _Part(
                        status=sub.status,
                        weight=by_id[child].weight,
                        final=sub.final,
                        effort_only=sub.rests_on_outputs,
                    )
                )
        combined = _combine(objective, parts, framework.rollup, depth)
        done[objective.id] = (_with_counts(combined, targets.values()), targets)
        return done[objective.id]

    ordered: list[ObjectiveResult] = []

    def walk(objective: Objective, depth: int) -> None:
        ordered.append(visit(objective, depth)[0])
        for child in objective.children:
            walk(by_id[child], depth + 1)

    for objective in framework.objectives:
        if objective.parent is None:
            walk(objective, 0)
    return tuple(ordered)


def _with_counts(result: ObjectiveResult, targets: Iterable[_Target]) -> ObjectiveResult:
    """The objective with the count an audit report starts from.

    Every target under it that was due (met, missed or not known), and those not due yet.
    """
    counts = TargetCounts()
    for t in targets:
        counts = counts.add(t.status, final=t.final)
    return attrs.evolve(
        result,
        met=counts.met if counts.due else None,
        decided=(counts.met + counts.missed) or None,
        missed=counts.missed,
        unknown=counts.unknown,
        due=counts.due,
        not_due=counts.not_due,
    )


def _combine(objective: Objective, parts: list[_Part], rule: RollUp, depth: int) -> ObjectiveResult:
    """An objective's verdict from its parts' (see `RollUp` and the docs' roll-up rules).

    The rules never flatter and never invent: a missed part makes the objective missed
    (final when every part is final), never "moving away"; a part whose outcome is unknown
    keeps it from achieved (outcome unknown); achieved needs every part achieved. Otherwise
    the roll-up rule reads the running parts: ``worst`` the worst part's status, ``mean``
    the weighted mean rank, read down to the status of a part (never a status no part has),
    ``all_achieved`` insufficient progress. No score stands beside an unknown part.
    """
    if not parts:
        reason = Message(
            "no_parts" if objective.indicators or objective.children else "no_indicators"
        )
        return ObjectiveResult(
            objective=objective, status=Status.NOT_ASSESSABLE, reason=reason, depth=depth
        )
    unknown = any(p.status is Status.OUTCOME_UNKNOWN for p in parts)
    ranked = [(p.status, p.weight) for p in parts if p.status.rank is not None]
    total = sum(w for _, w in ranked)
    score = None
    if total and not unknown:
        score = sum((s.rank or 0) * w for s, w in ranked) / total
    final = all(p.final for p in parts)
    if any(p.status is Status.MISSED for p in parts):
        status = Status.MISSED
    elif unknown:
        status = Status.OUTCOME_UNKNOWN
    elif all(p.status is Status.ACHIEVED for p in parts):
        status = Status.ACHIEVED
    elif rule is RollUp.WORST:
        status = min((s for s, _ in ranked), key=lambda s: s.rank or 0)
    elif rule is RollUp.ALL_ACHIEVED:
        # Not achieved yet: insufficient progress, or the worst part when that is worse.
        worst = min((s for s, _ in ranked), key=lambda s: s.rank or 0)
        status = min(Status.INSUFFICIENT_PROGRESS, worst, key=lambda s: s.rank or 0)
    else:
        assert score is not None
        status = _mean_status(score, [s for s, _ in ranked])
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
        rests_on_outputs=effort_only,
        caveats=caveats,
    )


def _mean_status(score: float, statuses: list[Status]) -> Status:
    """The mean rank read as a status: the best part's status at or below the rounded mean.

    Never better than on track unless all parts are achieved (then the caller says so), and
    never a status none of the parts has.
    """
    ceiling = min(3, int(score + 0.5))  # the mean is at least the lowest rank: never empty
    return max((s for s in statuses if (s.rank or 0) <= ceiling), key=lambda s: s.rank or 0)


def _group_rollups(
    framework: Framework, results: dict[str, IndicatorResult]
) -> tuple[GroupRollUp, ...]:
    """For every group, the objectives' verdicts from that group's series alone."""
    keys = sorted({g.group for r in results.values() for g in r.groups})
    if not keys:
        return ()
    index = {i: {g.group: g for g in r.groups} for i, r in results.items()}
    # Inside a group's column each indicator is that group's series alone: it counts.
    alone = {
        i: attrs.evolve(r, indicator=attrs.evolve(r.indicator, whole=None))
        for i, r in results.items()
    }
    out = []
    for key in keys:
        own: dict[str, IndicatorResult] = {}
        for indicator_id, result in alone.items():
            match = index[indicator_id].get(key)
            if match is None:
                # Not measured for this group: shown as not assessable, so it does not count.
                own[indicator_id] = attrs.evolve(
                    result,
                    assessment=not_assessable(result.assessment.method, "no series"),
                    groups=(),
                    targets=(),
                )
            else:
                own[indicator_id] = attrs.evolve(
                    result,
                    assessment=match.assessment,
                    series=match.series,
                    groups=(),
                    targets=(),  # a group is held to the target in force only
                )
        # An objective none of whose indicators has a verdict for this group is left out.
        rolled = _rollup(framework, own)
        verdicts = tuple(o for o in rolled if o.status is not Status.NOT_ASSESSABLE)
        out.append(GroupRollUp(group=key, objectives=verdicts))
    return tuple(out)
