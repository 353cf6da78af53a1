"""Relevant: the results chain from inputs to impact (R rules).

Each rule stands beside its check and its bad and good examples.
"""

from __future__ import annotations

from goalframe._lint._engine import Context, rule
from goalframe._lint._examples import GOOD, INFO, OBJ, W, doc, ind_yaml
from goalframe._lint._words import ENFORCEMENT_UNITS
from goalframe._messages import Message, Term
from goalframe._model import Indicator
from goalframe.schema import IndicatorKind, Level


def _is_enforcement_count(ind: Indicator) -> bool:
    return ind.kind is IndicatorKind.OUTPUT or (ind.unit or "").strip() in ENFORCEMENT_UNITS


@rule(
    code="R001",
    name="outcome-measured-by-outputs",
    severity=W,
    summary="An outcome or impact objective is measured only by output or input indicators.",
    bad=doc(OBJ, ind_yaml(kind="output")),
    good=GOOD,
)
def _outcome_by_outputs(ctx: Context) -> None:
    for o in ctx.framework.objectives:
        if o.level not in (Level.OUTCOME, Level.IMPACT) or not o.indicators:
            continue
        kinds = [ctx.framework.indicator(i).kind for i in o.indicators]
        if all(k in (IndicatorKind.OUTPUT, IndicatorKind.INPUT) for k in kinds):
            ctx.add(
                "R001",
                "objective",
                o.id,
                Message("lint_R001", level=Term("levels", o.level.value)),
                Message("lint_R001_fix"),
                ("indicators",),
            )


@rule(
    code="R002",
    name="enforcement-count-without-context",
    severity=W,
    summary="An enforcement count (an output, or a unit such as plantation, site, "
    "seizure) used as an outcome has no interpretation note and no context indicator.",
    bad=doc(OBJ, ind_yaml(interpretation="")),
    good=GOOD,
)
def _count_without_context(ctx: Context) -> None:
    for ind in ctx.framework.indicators:
        outcome_use = ind.kind in (IndicatorKind.OUTCOME, IndicatorKind.IMPACT) or any(
            o.level in (Level.OUTCOME, Level.IMPACT) for o in ctx.linked.get(ind.id, [])
        )
        if (
            outcome_use
            and _is_enforcement_count(ind)
            and not ind.interpretation
            and not ind.context
        ):
            ctx.add(
                "R002",
                "indicator",
                ind.id,
                Message("lint_R002"),
                Message("lint_R002_fix", id=ind.id),
            )


@rule(
    code="R003",
    name="no-outcome-indicator",
    severity=W,
    summary="No indicator in the framework measures an outcome or impact.",
    bad=doc(OBJ.replace("outcome", "output"), ind_yaml(kind="output")),
    good=GOOD,
)
def _no_outcome_indicator(ctx: Context) -> None:
    indicators = ctx.framework.indicators
    if indicators and not any(
        i.kind in (IndicatorKind.OUTCOME, IndicatorKind.IMPACT) for i in indicators
    ):
        ctx.add(
            "R003",
            "framework",
            ctx.framework.id,
            Message("lint_R003"),
            Message("lint_R003_fix"),
            ("indicators",),
        )


@rule(
    code="R004",
    name="conflicting-directions",
    severity=INFO,
    summary="A sub-objective's indicator should move against its parent's indicator in "
    "the same unit.",
    bad=doc(
        OBJ + "\n  - {id: find-more, parent: less-waste, level: output, "
        "statement: Find 10 % more dumpings a year, indicators: [found]}",
        ind_yaml()
        + "\n"
        + ind_yaml(
            id="found",
            name="Dumpings found by searching",
            direction="increase",
            kind="output",
            target="{baseline: {value: 100, period: 2018}, value: 200, deadline: 2026}",
        ),
    ),
    good=GOOD,
)
def _conflicting_directions(ctx: Context) -> None:
    by_id = {o.id: o for o in ctx.framework.objectives}
    for child in ctx.framework.objectives:
        parent = by_id.get(child.parent or "")
        if parent is None:
            continue
        for p_id in parent.indicators:
            p_ind = ctx.framework.indicator(p_id)
            for c_id in child.indicators:
                c_ind = ctx.framework.indicator(c_id)
                if (
                    p_ind.unit
                    and p_ind.unit == c_ind.unit
                    and p_ind.direction
                    and c_ind.direction
                    and p_ind.direction is not c_ind.direction
                ):
                    ctx.add(
                        "R004",
                        "objective",
                        child.id,
                        Message(
                            "lint_R004",
                            child=c_id,
                            child_direction=Term("words", c_ind.direction.value),
                            parent=p_id,
                            parent_direction=Term("words", p_ind.direction.value),
                        ),
                        Message("lint_R004_fix"),
                        ("indicators",),
                    )


def _scored_kinds(ctx: Context, objective_id: str) -> list[IndicatorKind | None]:
    """Kinds of the indicators with a target in an objective's subtree."""
    by_id = {o.id: o for o in ctx.framework.objectives}
    kinds: list[IndicatorKind | None] = []
    stack = [objective_id]
    seen: set[str] = set()
    while stack:
        node = by_id.get(stack.pop())
        if node is None or node.id in seen:
            continue
        seen.add(node.id)
        for ref in node.indicators:
            ind = ctx.framework.indicator(ref)
            if ind.goal is not None and ind.kind is not IndicatorKind.CONTEXT:
                kinds.append(ind.kind)
        stack.extend(node.children)
    return kinds


@rule(
    code="R005",
    name="outcome-verdict-from-outputs",
    severity=W,
    summary="An outcome or impact objective whose verdict rolls up, through its "
    "sub-objectives, from output or input indicators only.",
    bad=doc(
        "  - {id: harm, level: impact, statement: Reduce drug crime's harm}\n"
        "  - {id: effort, parent: harm, level: output, indicators: [dumpings],\n"
        "     statement: Find 300 dumpings a year by 2026}",
        ind_yaml(
            kind="output",
            direction="increase",
            interpretation="An enforcement count",
            target="{baseline: {value: 191, period: 2019}, value: 300, deadline: 2026}",
        ),
    ),
    good=doc(
        "  - {id: harm, level: impact, statement: Reduce drug crime's harm}\n"
        "  - {id: less-waste, parent: harm, level: outcome, indicators: [dumpings],\n"
        "     statement: Halve drug-waste dumpings between 2018 and 2026}",
        ind_yaml(),
    ),
)
def _outcome_verdict_from_outputs(ctx: Context) -> None:
    for o in ctx.framework.objectives:
        if o.level not in (Level.OUTCOME, Level.IMPACT) or not o.children:
            continue
        kinds = _scored_kinds(ctx, o.id)
        if kinds and all(k in (IndicatorKind.OUTPUT, IndicatorKind.INPUT) for k in kinds):
            ctx.add(
                "R005",
                "objective",
                o.id,
                Message("lint_R005", level=Term("levels", o.level.value)),
                Message("lint_R005_fix"),
                ("level",),
            )
