"""Objectives rolled up from their parts: indicators, groups and sub-objectives."""

from __future__ import annotations

import attrs

from goalframe._assessment import Caveat, Status, not_assessable
from goalframe._messages import Message, Term
from goalframe._model import Framework, Objective
from goalframe._results import (
    GroupRollUp,
    IndicatorResult,
    ObjectiveResult,
)
from goalframe.schema import IndicatorKind, Level, RollUp


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
