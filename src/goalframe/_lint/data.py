"""Data: what the observations say about the goals (D rules; they need data).

Each rule stands beside its check and its bad and good examples.
"""

from __future__ import annotations

from goalframe._assessment import Status
from goalframe._lint._engine import Context, rule
from goalframe._lint._examples import CONTEXT, DATA, GOOD, INFO, OBJ, W, doc, ind_yaml
from goalframe._lint._words import STEPS_PER_YEAR
from goalframe._messages import Message


@rule(
    code="D001",
    name="no-data-since-baseline",
    severity=W,
    needs_data=True,
    summary="An indicator with a target has no observation after its baseline.",
    bad=doc(
        OBJ, ind_yaml(target="{baseline: {value: 191, period: 2023}, value: 100, deadline: 2030}")
    ),
    good=GOOD,
    data=DATA,
)
def _no_data_since_baseline(ctx: Context) -> None:
    for ind in ctx.framework.indicators:
        goal, result = ind.goal, ctx.result(ind.id)
        if goal is None or result is None:
            continue
        start = goal.baseline.period if goal.baseline else goal.base_period
        if not result.series or (
            start is not None and all(o.period <= start for o in result.series)
        ):
            ctx.add(
                "D001",
                "indicator",
                ind.id,
                Message("lint_D001_after" if result.series else "lint_D001"),
                Message("lint_D001_fix", id=ind.id),
            )


@rule(
    code="D002",
    name="stale-data",
    severity=W,
    needs_data=True,
    summary="The latest observation lies two or more periods of the indicator's "
    "frequency before the latest period in the data.",
    bad=doc(OBJ, ind_yaml() + "\n" + CONTEXT),
    good=GOOD,
    good_data=DATA,
    data=DATA + "context,2026,99,site\n",
)
def _stale(ctx: Context) -> None:
    if ctx.now is None:
        return
    for ind in ctx.framework.indicators:
        result = ctx.result(ind.id)
        per_year = STEPS_PER_YEAR.get(ind.frequency or "")
        if result is None or result.latest is None or per_year is None:
            continue
        behind = (ctx.now.time - result.latest.period.time) * per_year
        if behind >= 2 - 1e-9:
            ctx.add(
                "D002",
                "indicator",
                ind.id,
                Message(
                    "lint_D002",
                    period=result.latest.period,
                    behind=round(behind),
                    frequency=ind.frequency,
                    now=ctx.now,
                ),
                Message("lint_D002_fix"),
                ("frequency",),
            )


@rule(
    code="D003",
    name="series-break",
    severity=W,
    needs_data=True,
    summary="A break in series (flag `break`) falls inside the assessment window.",
    bad=GOOD,
    good=GOOD,
    good_data=DATA,
    data=DATA.replace("indicator,period,value,unit\n", "indicator,period,value,unit,flag\n")
    .replace(",dumping\n", ",dumping,\n")
    .replace("2021,208,dumping,", "2021,208,dumping,break"),
)
def _series_break(ctx: Context) -> None:
    for ind in ctx.framework.indicators:
        result, goal = ctx.result(ind.id), ind.goal
        if result is None:
            continue
        start = (
            goal.baseline.period if goal and goal.baseline else goal.base_period if goal else None
        )
        breaks = [
            o for o in result.series if "break" in o.flags and (start is None or o.period > start)
        ]
        if breaks:
            ctx.add(
                "D003",
                "indicator",
                ind.id,
                Message("lint_D003", period=breaks[0].period),
                Message("lint_D003_fix"),
            )


@rule(
    code="D004",
    name="not-assessable",
    severity=W,
    needs_data=True,
    summary="The indicator's method cannot assess it with the data given (too few "
    "points, no data after the baseline, ...).",
    bad=doc(
        OBJ,
        ind_yaml(
            method="forecast",
            target="{baseline: {value: 178, period: 2020}, value: 100, deadline: 2030}",
        ),
    ),
    good=GOOD,
    data=DATA.replace("dumpings,2021,208,dumping\n", "").replace("dumpings,2022,155,dumping\n", ""),
)
def _not_assessable(ctx: Context) -> None:
    if ctx.card is None:
        return
    for result in ctx.card.indicators:
        a = result.assessment
        if result.indicator.goal is not None and a.status is Status.NOT_ASSESSABLE:
            ctx.add(
                "D004",
                "indicator",
                result.id,
                Message("lint_D004", method=a.method, reason=a.reason),
                Message("lint_D004_fix"),
            )


@rule(
    code="D005",
    name="baseline-disagrees-with-data",
    severity=W,
    summary="The baseline declared in the goal file differs from the observation for the "
    "same period (more than the target's tolerance).",
    needs_data=True,
    bad=GOOD.replace("value: 292, period: 2018", "value: 250, period: 2018"),
    good=GOOD,
    data=DATA,
)
def _baseline_disagrees(ctx: Context) -> None:
    for ind in ctx.framework.indicators:
        result, goal = ctx.result(ind.id), ind.goal
        if result is None or goal is None or goal.baseline is None:
            continue
        observed = next((o for o in result.series if o.period == goal.baseline.period), None)
        declared = goal.baseline.value
        slack = goal.tolerance + 1e-9 * max(1.0, abs(declared))
        if observed is not None and abs(observed.value - declared) > slack:
            ctx.add(
                "D005",
                "indicator",
                ind.id,
                Message(
                    "lint_D005",
                    declared=declared,
                    period=goal.baseline.period,
                    observed=observed.value,
                ),
                Message("lint_D005_fix"),
                ("target", "baseline"),
            )


@rule(
    code="D006",
    name="rows-set-aside",
    severity=INFO,
    summary="Rows of the data that were read but not used, counted by reason (every row is "
    "used or reported).",
    needs_data=True,
    bad=GOOD,
    good=GOOD,
    data=DATA + "dumpings,2023,191,dumping\n",
    good_data=DATA,
)
def _rows_set_aside(ctx: Context) -> None:
    if ctx.card is None:
        return
    by_reason: dict[str, list[str]] = {}
    for aside in ctx.card.set_aside:
        by_reason.setdefault(aside.reason, []).append(str(aside.location or "?"))
    for reason, places in sorted(by_reason.items()):
        shown = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
        ctx.add(
            "D006",
            "framework",
            ctx.framework.id,
            Message("lint_D006", count=len(places), reason=reason, shown=shown),
            Message("lint_D006_fix"),
        )
