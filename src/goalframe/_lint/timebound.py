"""Time-bound: deadlines, milestones and data frequency (T rules).

Each rule stands beside its check and its bad and good examples.
"""

from __future__ import annotations

import itertools

from goalframe._lint._engine import Context, problem, rule, targets_of
from goalframe._lint._examples import CONTEXT, DATA, GOOD, OBJ, E, W, doc, ind_yaml
from goalframe._lint._words import STEPS_PER_YEAR
from goalframe._messages import Message
from goalframe._periods import Period
from goalframe.schema import TargetType


@rule(
    code="T001",
    name="no-deadline",
    severity=E,
    summary="A trajectory or binary target has no deadline.",
    bad=doc(OBJ, ind_yaml(target="{baseline: {value: 292, period: 2018}, value: 146}")),
    good=GOOD,
)
def _no_deadline(ctx: Context) -> None:
    for spec in ctx.framework.spec.indicators:
        for where, target in targets_of(spec):
            if (
                target.type in (TargetType.TRAJECTORY, TargetType.BINARY)
                and target.deadline is None
            ):
                ctx.add(
                    "T001",
                    "indicator",
                    spec.id,
                    Message("lint_T001"),
                    Message("lint_T001_fix", id=spec.id),
                    where,
                )


problem(
    code="T002",
    name="deadline-before-baseline",
    severity=E,
    summary="A deadline is not after its baseline period.",
    bad=doc(
        OBJ, ind_yaml(target="{baseline: {value: 292, period: 2018}, value: 146, deadline: 2017}")
    ),
    good=GOOD,
    fix="move the deadline after the baseline period",
)


@rule(
    code="T003",
    name="deadline-passed-without-data",
    severity=W,
    needs_data=True,
    summary="The deadline has passed and there is no observation for it.",
    bad=doc(
        OBJ,
        ind_yaml(
            target="{baseline: {value: 292, period: 2018}, value: 146, deadline: 2020}",
            frequency="",
        )
        + "\n"
        + CONTEXT,
    ),
    good=GOOD,
    good_data=DATA,
    data="indicator,period,value,unit\ndumpings,2018,292,dumping\n"
    "dumpings,2019,191,dumping\ncontext,2023,99,site\n",
)
def _deadline_passed(ctx: Context) -> None:
    if ctx.now is None or ctx.card is None:
        return
    for ind in ctx.framework.indicators:
        goal, result = ind.goal, ctx.result(ind.id)
        if goal is None or goal.deadline is None or result is None or ctx.now <= goal.deadline:
            continue
        if not any(o.period >= goal.deadline for o in result.series):
            ctx.add(
                "T003",
                "indicator",
                ind.id,
                Message("lint_T003", deadline=goal.deadline, now=ctx.now),
                Message("lint_T003_fix"),
                ("target", "deadline"),
            )


@rule(
    code="T004",
    name="data-too-infrequent",
    severity=W,
    summary="The data's frequency gives fewer than two observations between baseline "
    "and deadline, too few to see progress in time.",
    bad=doc(
        OBJ, ind_yaml(target="{baseline: {value: 292, period: 2024}, value: 146, deadline: 2026}")
    ),
    good=GOOD,
)
def _too_slow_data(ctx: Context) -> None:
    for ind in ctx.framework.indicators:
        goal = ind.goal
        per_year = STEPS_PER_YEAR.get(ind.frequency or "")
        if goal is None or goal.deadline is None or per_year is None:
            continue
        start = goal.baseline.period if goal.baseline else goal.base_period
        if start is None:
            continue
        years = goal.deadline.time - start.time
        between = round(years * per_year) - 1
        if 0 <= between < 2:
            ctx.add(
                "T004",
                "indicator",
                ind.id,
                Message(
                    "lint_T004",
                    frequency=ind.frequency,
                    count=between,
                    start=start,
                    deadline=goal.deadline,
                ),
                Message("lint_T004_fix"),
                ("frequency",),
            )


problem(
    code="T005",
    name="milestone-out-of-order",
    severity=E,
    summary="A milestone is not after the baseline, is after the deadline, or shares a "
    "period with another.",
    bad=doc(
        OBJ,
        ind_yaml(
            target="{baseline: {value: 292, period: 2018}, value: 146, "
            "deadline: 2026, milestones: {2027: 150}}"
        ),
    ),
    good=GOOD,
    fix="put milestones between the baseline and the deadline, one per period",
)


@rule(
    code="T006",
    name="goalposts-moved-after-a-shortfall",
    severity=W,
    summary="A target was lowered after the figures had fallen short of it (the goalposts "
    "moved), per its `history`.",
    needs_data=True,
    bad=doc(
        OBJ,
        ind_yaml(
            target="{baseline: {value: 292, period: 2018}, value: 200, deadline: 2026, "
            "set: 2022, history: [{value: 146, set: 2018}]}"
        ),
    ),
    good=doc(
        OBJ,
        ind_yaml(
            target="{baseline: {value: 292, period: 2018}, value: 100, deadline: 2026, "
            "set: 2022, history: [{value: 146, set: 2018}]}"
        ),
    ),
    data=DATA,
)
def _goalposts_moved(ctx: Context) -> None:
    for ind in ctx.framework.indicators:
        result = ctx.result(ind.id)
        if result is None:
            continue
        for goal in ind.goals or ((ind.goal,) if ind.goal else ()):
            steps = [(h.value, h.set) for h in goal.history]
            if goal.target is not None and goal.set is not None:
                steps.append((goal.target, goal.set))
            for (old, _), (new, when) in itertools.pairwise(steps):
                lowered = new < old if goal.direction.value == "increase" else new > old
                if not lowered:
                    continue
                short = [
                    o
                    for o in result.series
                    if o.period.start < when.end and not goal.meets(o.value, old)
                ]
                if short:
                    seen = short[-1]
                    ctx.add(
                        "T006",
                        "indicator",
                        ind.id,
                        Message(
                            "lint_T006",
                            old=old,
                            new=new,
                            when=when,
                            period=seen.period,
                            value=seen.value,
                        ),
                        Message("lint_T006_fix"),
                        ("target",),
                    )


@rule(
    code="T007",
    name="deadline-postponed",
    severity=W,
    summary="A target's deadline was moved later, per its `history` (the goalposts moved).",
    bad=doc(
        OBJ,
        ind_yaml(
            target="{baseline: {value: 292, period: 2018}, value: 146, deadline: 2028, "
            "set: 2023, history: [{value: 146, set: 2018, deadline: 2026}]}"
        ),
    ),
    good=doc(
        OBJ,
        ind_yaml(
            target="{baseline: {value: 292, period: 2018}, value: 146, deadline: 2026, "
            "set: 2023, history: [{value: 146, set: 2018, deadline: 2026}]}"
        ),
    ),
)
def _deadline_postponed(ctx: Context) -> None:
    for ind in ctx.framework.indicators:
        for goal in ind.goals or ((ind.goal,) if ind.goal else ()):
            steps: list[tuple[Period, Period | None]] = [
                (h.deadline, h.set) for h in goal.history if h.deadline is not None
            ]
            if goal.deadline is not None:
                steps.append((goal.deadline, goal.set))
            for (old, _), (new, when) in itertools.pairwise(steps):
                if new > old:
                    ctx.add(
                        "T007",
                        "indicator",
                        ind.id,
                        Message("lint_T007", old=old, new=new, when="–" if when is None else when),
                        Message("lint_T007_fix"),
                        ("target",),
                    )
