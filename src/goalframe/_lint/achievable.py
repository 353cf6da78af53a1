"""Achievable: pace and natural limits of targets (A rules).

Each rule stands beside its check and its bad and good examples.
"""

from __future__ import annotations

from goalframe._lint._engine import Context, rule
from goalframe._lint._examples import DATA, GOOD, OBJ, E, W, doc, ind_yaml
from goalframe._lint._words import ENFORCEMENT_UNITS, PERCENT_UNITS
from goalframe._messages import Message
from goalframe._model import Indicator


@rule(
    code="A001",
    name="implausible-pace",
    severity=W,
    needs_data=True,
    summary="The yearly change the target needs is more than 3 times the fastest "
    "yearly change in the data.",
    bad=doc(
        OBJ,
        ind_yaml(
            direction="increase",
            target="{baseline: {value: 292, period: 2018}, value: 5000, deadline: 2024}",
        ),
    ),
    good=GOOD,
    data=DATA,
)
def _implausible_pace(ctx: Context) -> None:
    factor = 3.0
    for ind in ctx.framework.indicators:
        result = ctx.result(ind.id)
        goal = ind.goal
        if (
            result is None
            or goal is None
            or goal.target is None
            or goal.deadline is None
            or len(result.series) < 2
            or result.latest is None
        ):
            continue
        steps = [
            abs(b.value - a.value) / (b.period.time - a.period.time)
            for a, b in zip(result.series, result.series[1:], strict=False)
        ]
        years_left = goal.deadline.time - result.latest.period.time
        if years_left <= 0 or goal.meets(result.latest.value):
            continue
        needed = abs(goal.target - result.latest.value) / years_left
        fastest = max(steps)
        if needed > factor * fastest:
            ctx.add(
                "A001",
                "indicator",
                ind.id,
                Message(
                    "lint_A001",
                    target=goal.target,
                    deadline=goal.deadline,
                    needed=float(f"{needed:.4g}"),
                    fastest=float(f"{fastest:.4g}"),
                ),
                Message("lint_A001_fix"),
                ("target",),
            )


#: Words that mark a percentage as a change or rate, which has no 0-100 % limit.
CHANGE_WORDS = (
    "change",
    "growth",
    "increase",
    "decrease",
    "difference",
    "year-on-year",
    "verandering",
    "groei",
    "toename",
    "afname",
    "mutatie",
    "verschil",
)


def _is_change(ind: Indicator) -> bool:
    text = f"{ind.name} {ind.definition or ''}".lower()
    return any(word in text for word in CHANGE_WORDS)


@rule(
    code="A002",
    name="beyond-natural-limit",
    severity=E,
    summary="A target lies outside 0-100 % for a percentage, or below zero for a count.",
    bad=doc(
        OBJ,
        ind_yaml(
            unit="percent",
            target="{baseline: {value: 80, period: 2018}, value: 120, deadline: 2026}",
            direction="increase",
        ),
    ),
    good=doc(
        OBJ,
        ind_yaml(
            unit="percent",
            target="{baseline: {value: 80, period: 2018}, value: 95, deadline: 2026}",
            direction="increase",
        ),
    ),
)
def _beyond_limit(ctx: Context) -> None:
    for spec, ind in zip(ctx.framework.spec.indicators, ctx.framework.indicators, strict=True):
        goal = ind.goal
        if goal is None or ind.unit is None:
            continue
        values = [v for v in (goal.target, goal.low, goal.high) if v is not None]
        values += [m.value for m in goal.milestones]
        unit = ind.unit.replace(" ", "")
        if unit in PERCENT_UNITS and _is_change(ind):
            continue  # a percent change can be negative or above 100
        if unit in PERCENT_UNITS:
            out = [v for v in values if not 0 <= v <= 100]
            limit = "0-100 %"
        elif unit in ENFORCEMENT_UNITS or unit in {"person", "persons", "people"}:
            out = [v for v in values if v < 0]
            limit = "zero or more (a count)"
        else:
            continue
        if out:
            ctx.add(
                "A002",
                "indicator",
                spec.id,
                Message("lint_A002", target=out[0], limit=limit),
                Message("lint_A002_fix"),
                ("target",),
            )
