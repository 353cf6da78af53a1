"""Measurable: units, sources, definitions, baselines and targets (M rules).

Each rule stands beside its check and its bad and good examples.
"""

from __future__ import annotations

from typing import Any

from goalframe._lint._engine import Context, problem, rule, targets_of
from goalframe._lint._examples import GOOD, OBJ, TARGET, E, W, doc, ind_yaml
from goalframe._lint._words import PERCENT_UNITS
from goalframe._messages import Message, Term
from goalframe.schema import IndicatorKind, TargetType


@rule(
    code="M001",
    name="no-unit",
    severity=E,
    summary="An indicator has no unit.",
    bad=doc(OBJ, ind_yaml(unit="")),
    good=GOOD,
)
def _no_unit(ctx: Context) -> None:
    for spec in ctx.framework.spec.indicators:
        if spec.unit is None:
            ctx.add(
                "M001",
                "indicator",
                spec.id,
                Message("lint_M001"),
                Message("lint_M001_fix", id=spec.id),
            )


@rule(
    code="M002",
    name="no-source",
    severity=W,
    summary="An indicator names no source.",
    bad=doc(OBJ, ind_yaml(source="")),
    good=GOOD,
)
def _no_source(ctx: Context) -> None:
    for spec in ctx.framework.spec.indicators:
        if spec.source is None:
            ctx.add(
                "M002",
                "indicator",
                spec.id,
                Message("lint_M002"),
                Message("lint_M002_fix", id=spec.id),
            )


@rule(
    code="M003",
    name="no-definition",
    severity=W,
    summary="An indicator (not a context one) has no definition.",
    bad=doc(OBJ, ind_yaml(definition="")),
    good=GOOD,
)
def _no_definition(ctx: Context) -> None:
    for spec in ctx.framework.spec.indicators:
        if spec.definition is None and spec.kind is not IndicatorKind.CONTEXT:
            ctx.add(
                "M003",
                "indicator",
                spec.id,
                Message("lint_M003"),
                Message("lint_M003_fix", id=spec.id),
            )


@rule(
    code="M004",
    name="no-baseline",
    severity=E,
    summary="A trajectory target has no baseline (value and period).",
    bad=doc(OBJ, ind_yaml(target="{value: 146, deadline: 2026}")),
    good=GOOD,
)
def _no_baseline(ctx: Context) -> None:
    for spec in ctx.framework.spec.indicators:
        for where, target in targets_of(spec):
            if target.type is TargetType.TRAJECTORY and target.baseline is None:
                ctx.add(
                    "M004",
                    "indicator",
                    spec.id,
                    Message("lint_M004"),
                    Message("lint_M004_fix", id=spec.id),
                    where,
                )


@rule(
    code="M005",
    name="no-target-value",
    severity=E,
    summary="A trajectory target has no value (or change_percent) to reach.",
    bad=doc(OBJ, ind_yaml(target="{baseline: {value: 292, period: 2018}, deadline: 2026}")),
    good=GOOD,
)
def _no_target_value(ctx: Context) -> None:
    for spec in ctx.framework.spec.indicators:
        for where, target in targets_of(spec):
            if (
                target.type is TargetType.TRAJECTORY
                and target.value is None
                and target.change_percent is None
                and target.change_points is None
            ):
                ctx.add(
                    "M005",
                    "indicator",
                    spec.id,
                    Message("lint_M005"),
                    Message("lint_M005_fix", id=spec.id),
                    where,
                )


@rule(
    code="M006",
    name="no-target",
    severity=E,
    summary="An indicator that measures an objective has no target.",
    bad=doc(OBJ, ind_yaml(target="")),
    good=GOOD,
)
def _no_target(ctx: Context) -> None:
    for spec in ctx.framework.spec.indicators:
        if (
            not spec.all_targets
            and spec.kind is not IndicatorKind.CONTEXT
            and spec.id in ctx.linked
        ):
            ctx.add(
                "M006",
                "indicator",
                spec.id,
                Message("lint_M006"),
                Message("lint_M006_fix", id=spec.id),
            )


problem(
    code="M007",
    name="unit-not-convertible",
    severity=E,
    summary="A target's unit does not convert into the indicator's unit.",
    bad=doc(
        OBJ,
        ind_yaml(
            target="{baseline: {value: 292, period: 2018}, value: 146, deadline: 2026, unit: kg}"
        ),
    ),
    good=GOOD,
    fix="give the target in a unit that converts into the indicator's (or fix the unit)",
)


problem(
    code="M008",
    name="target-equals-baseline",
    severity=E,
    summary="A trajectory target equals its baseline, so progress is undefined.",
    bad=doc(
        OBJ, ind_yaml(target="{baseline: {value: 292, period: 2018}, value: 292, deadline: 2026}")
    ),
    good=GOOD,
    fix="set the value the indicator should reach; to keep a level, use `type: norm`",
)


problem(
    code="M009",
    name="unknown-unit",
    severity=E,
    summary="A unit is not defined (or is not a unit expression).",
    bad=doc(OBJ, ind_yaml(unit="dumpling")),
    good=GOOD,
    fix="use a unit pint or goalframe defines, or define it",
)


problem(
    code="M011",
    name="target-against-direction",
    severity=E,
    summary="A target lies on the wrong side of its baseline for the direction.",
    bad=doc(OBJ, ind_yaml(direction="increase")),
    good=GOOD,
    fix="fix `direction:` or the target value",
)


problem(
    code="M012",
    name="no-direction",
    severity=E,
    summary="An indicator with a target does not say which way is better.",
    bad=doc(OBJ, ind_yaml(direction="")),
    good=GOOD,
    fix="add `direction: increase` or `direction: decrease`",
)


@rule(
    code="M013",
    name="unit-trap",
    severity=W,
    summary="A unit that pint reads as something else than a policy analyst means "
    "('ton' is the US short ton, 'kt' a knot, 'pp' a typographic point, 'a' a year).",
    bad=doc(OBJ, ind_yaml(unit="ton")),
    good=doc(OBJ, ind_yaml(unit="t")),
)
def _unit_trap(ctx: Context) -> None:
    from goalframe.units import trap_token

    for spec in ctx.framework.spec.indicators:
        units: list[tuple[tuple[str | int, ...], str | None]] = [(("unit",), spec.unit)]
        units += [((*where, "unit"), t.unit) for where, t in targets_of(spec)]
        for field, value in units:
            token = trap_token(value) if value else None
            if token:
                ctx.add(
                    "M013",
                    "indicator",
                    spec.id,
                    Message("lint_M013", unit=repr(value), trap=Message(f"trap_{token}")),
                    Message(f"trap_{token}_fix"),
                    field,
                )


@rule(
    code="M014",
    name="illustrative-target-without-note",
    severity=W,
    summary="A target marked illustrative or proposed has no note saying what it is.",
    bad=doc(OBJ, ind_yaml(target=TARGET.replace("{", "{provenance: illustrative, ", 1))),
    good=doc(
        OBJ,
        ind_yaml(
            target=TARGET.replace(
                "{", "{provenance: illustrative, note: No official target; an example, ", 1
            )
        ),
    ),
)
def _illustrative_without_note(ctx: Context) -> None:
    for spec in ctx.framework.spec.indicators:
        for where, target in targets_of(spec):
            if target.provenance is None or target.note:
                continue
            if target.provenance.value in ("illustrative", "proposed"):
                ctx.add(
                    "M014",
                    "indicator",
                    spec.id,
                    Message(
                        "lint_M014",
                        provenance=Term("explain", f"provenance_{target.provenance.value}"),
                    ),
                    Message("lint_M014_fix"),
                    (*where, "provenance"),
                )


@rule(
    code="M015",
    name="change-percent-on-a-percentage",
    severity=W,
    summary="A relative target (`change_percent`) on an indicator measured in percent: "
    "'+10' reads as 10 % of the value, not 10 percentage points.",
    bad=doc(
        OBJ,
        ind_yaml(
            unit="percent",
            direction="increase",
            target="{baseline: {value: 35, period: 2020}, change_percent: 10, deadline: 2025}",
        ),
    ),
    good=doc(
        OBJ,
        ind_yaml(
            unit="percent",
            direction="increase",
            target="{baseline: {value: 35, period: 2020}, change_points: 10, deadline: 2025}",
        ),
    ),
)
def _change_percent_on_a_percentage(ctx: Context) -> None:
    for spec in ctx.framework.spec.indicators:
        for where, target in targets_of(spec):
            _percent_change(ctx, spec, where, target)


def _percent_change(ctx: Context, spec: Any, where: tuple[str | int, ...], target: Any) -> None:
    unit = (target.unit or spec.unit) or ""
    if target.change_percent is None or target.baseline is None:
        return
    if unit.replace(" ", "") in PERCENT_UNITS:
        base, change = target.baseline.value, target.change_percent
        ctx.add(
            "M015",
            "indicator",
            spec.id,
            Message(
                "lint_M015",
                change=change,
                base=base,
                factor=1 + change / 100,
                relative=float(f"{base * (1 + change / 100):g}"),
                points=base + change,
            ),
            Message("lint_M015_fix", change=change),
            (*where, "change_percent"),
        )


problem(
    code="M016",
    name="bad-unit-definition",
    severity=E,
    summary="A unit the goal file defines under `units:` clashes with an existing unit or "
    "cannot be read.",
    bad=doc(OBJ, ind_yaml(), head="units:\n  - {name: kg}\n"),
    good=doc(OBJ, ind_yaml(), head="units:\n  - {name: county_line, aliases: [county_lines]}\n"),
    fix="choose a name pint does not use (e.g. add a prefix), or fix the definition",
)
