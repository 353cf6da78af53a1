from __future__ import annotations

from goalframe._lint import Rule, Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def doc(objectives: str, indicators: str, head: str = "") -> str:
    """A small goal file for a rule's example."""
    return f"id: demo\ntitle: Demo\n{head}objectives:\n{objectives}\nindicators:\n{indicators}\n"


OBJ = (
    "  - {id: less-waste, level: outcome, indicators: [dumpings],\n"
    "     statement: Halve drug-waste dumpings between 2018 and 2026}"
)
TARGET = "{baseline: {value: 292, period: 2018}, value: 146, deadline: 2026}"


def ind(**fields: str) -> str:
    """The example indicator, with fields replaced (an empty string drops a field)."""
    base = {
        "id": "dumpings",
        "name": "Drug-waste dumpings found",
        "unit": "dumping",
        "direction": "decrease",
        "kind": "outcome",
        "frequency": "yearly",
        "source": "Politie",
        "definition": "Dumpings found by the police per year",
        "interpretation": "More searching finds more",
        "target": TARGET,
    }
    base.update(fields)
    body = ",\n     ".join(f"{k}: {v}" for k, v in base.items() if v)
    return "  - {" + body + "}"


GOOD = doc(OBJ, ind())
CONTEXT = ind(
    id="context", name="Production sites dismantled", kind="context", target="", unit="site"
)
DATA = "indicator,period,value,unit\n" + "".join(
    f"dumpings,{y},{v},dumping\n"
    for y, v in [(2018, 292), (2019, 191), (2020, 178), (2021, 208), (2022, 155), (2023, 191)]
)

RULE_TABLE = (
    # --- Specific ------------------------------------------------------------------------
    Rule(
        code="S001",
        name="objective-without-indicator",
        severity=E,
        summary="An objective is linked to no indicator and has no sub-objectives.",
        bad=doc("  - {id: tackle-crime, statement: Tackle organised drug crime}\n" + OBJ, ind()),
        good=GOOD,
    ),
    Rule(
        code="S002",
        name="vague-statement",
        severity=W,
        summary="A statement uses a vague word (strengthen, improve, tackle, reduce, "
        "versterken, terugdringen, ...) with no number and no indicator with a target.",
        bad=doc(
            "  - {id: versterken, statement: Versterken van de aanpak van "
            "georganiseerde drugscriminaliteit}",
            ind(),
        ),
        good=doc(
            "  - {id: versterken, statement: Halve drug-waste dumpings between 2018 "
            "and 2026, indicators: [dumpings]}",
            ind(),
        ),
    ),
    Rule(
        code="S003",
        name="duplicate-id",
        severity=E,
        summary="Two objectives (or two indicators) share an id.",
        bad=doc(OBJ + "\n" + OBJ, ind()),
        good=GOOD,
    ),
    Rule(
        code="S004",
        name="unlinked-indicator",
        severity=W,
        summary="An indicator is linked to no objective and is no indicator's context.",
        bad=doc(OBJ, ind() + "\n" + ind(id="orphan", name="Orphan")),
        good=GOOD,
    ),
    Rule(
        code="S005",
        name="unknown-reference",
        severity=E,
        summary="An objective or context list names an indicator that does not exist.",
        bad=doc(OBJ.replace("[dumpings]", "[dumpings, dumpngs]"), ind()),
        good=GOOD,
    ),
    Rule(
        code="S006",
        name="broken-tree",
        severity=E,
        summary="An objective's parent does not exist, is itself, or forms a cycle.",
        bad=doc(OBJ.replace("level: outcome", "level: outcome, parent: harm"), ind()),
        good=GOOD,
    ),
    # --- Measurable ----------------------------------------------------------------------
    Rule(
        code="M001",
        name="no-unit",
        severity=E,
        summary="An indicator has no unit.",
        bad=doc(OBJ, ind(unit="")),
        good=GOOD,
    ),
    Rule(
        code="M002",
        name="no-source",
        severity=W,
        summary="An indicator names no source.",
        bad=doc(OBJ, ind(source="")),
        good=GOOD,
    ),
    Rule(
        code="M003",
        name="no-definition",
        severity=W,
        summary="An indicator (not a context one) has no definition.",
        bad=doc(OBJ, ind(definition="")),
        good=GOOD,
    ),
    Rule(
        code="M004",
        name="no-baseline",
        severity=E,
        summary="A trajectory target has no baseline (value and period).",
        bad=doc(OBJ, ind(target="{value: 146, deadline: 2026}")),
        good=GOOD,
    ),
    Rule(
        code="M005",
        name="no-target-value",
        severity=E,
        summary="A trajectory target has no value (or change_percent) to reach.",
        bad=doc(OBJ, ind(target="{baseline: {value: 292, period: 2018}, deadline: 2026}")),
        good=GOOD,
    ),
    Rule(
        code="M006",
        name="no-target",
        severity=E,
        summary="An indicator that measures an objective has no target.",
        bad=doc(OBJ, ind(target="")),
        good=GOOD,
    ),
    Rule(
        code="M007",
        name="unit-not-convertible",
        severity=E,
        summary="A target's unit does not convert into the indicator's unit.",
        bad=doc(
            OBJ,
            ind(
                target="{baseline: {value: 292, period: 2018}, value: 146, "
                "deadline: 2026, unit: kg}"
            ),
        ),
        good=GOOD,
    ),
    Rule(
        code="M008",
        name="target-equals-baseline",
        severity=E,
        summary="A trajectory target equals its baseline, so progress is undefined.",
        bad=doc(
            OBJ, ind(target="{baseline: {value: 292, period: 2018}, value: 292, deadline: 2026}")
        ),
        good=GOOD,
    ),
    Rule(
        code="M009",
        name="unknown-unit",
        severity=E,
        summary="A unit is not defined (or is not a unit expression).",
        bad=doc(OBJ, ind(unit="dumpling")),
        good=GOOD,
    ),
    Rule(
        code="M011",
        name="target-against-direction",
        severity=E,
        summary="A target lies on the wrong side of its baseline for the direction.",
        bad=doc(OBJ, ind(direction="increase")),
        good=GOOD,
    ),
    Rule(
        code="M012",
        name="no-direction",
        severity=E,
        summary="An indicator with a target does not say which way is better.",
        bad=doc(OBJ, ind(direction="")),
        good=GOOD,
    ),
    # --- Achievable ----------------------------------------------------------------------
    Rule(
        code="A001",
        name="implausible-pace",
        severity=W,
        needs_data=True,
        summary="The yearly change the target needs is more than 3 times the fastest "
        "yearly change in the data.",
        bad=doc(
            OBJ,
            ind(
                direction="increase",
                target="{baseline: {value: 292, period: 2018}, value: 5000, deadline: 2024}",
            ),
        ),
        good=GOOD,
        data=DATA,
    ),
    Rule(
        code="A002",
        name="beyond-natural-limit",
        severity=E,
        summary="A target lies outside 0-100 % for a percentage, or below zero for a count.",
        bad=doc(
            OBJ,
            ind(
                unit="percent",
                target="{baseline: {value: 80, period: 2018}, value: 120, deadline: 2026}",
                direction="increase",
            ),
        ),
        good=doc(
            OBJ,
            ind(
                unit="percent",
                target="{baseline: {value: 80, period: 2018}, value: 95, deadline: 2026}",
                direction="increase",
            ),
        ),
    ),
    # --- Relevant ------------------------------------------------------------------------
    Rule(
        code="R001",
        name="outcome-measured-by-outputs",
        severity=W,
        summary="An outcome or impact objective is measured only by output or input indicators.",
        bad=doc(OBJ, ind(kind="output")),
        good=GOOD,
    ),
    Rule(
        code="R002",
        name="enforcement-count-without-context",
        severity=W,
        summary="An enforcement count (an output, or a unit such as plantation, site, "
        "seizure) used as an outcome has no interpretation note and no context indicator.",
        bad=doc(OBJ, ind(interpretation="")),
        good=GOOD,
    ),
    Rule(
        code="R003",
        name="no-outcome-indicator",
        severity=W,
        summary="No indicator in the framework measures an outcome or impact.",
        bad=doc(OBJ.replace("outcome", "output"), ind(kind="output")),
        good=GOOD,
    ),
    Rule(
        code="R004",
        name="conflicting-directions",
        severity=INFO,
        summary="A sub-objective's indicator should move against its parent's indicator in "
        "the same unit.",
        bad=doc(
            OBJ + "\n  - {id: find-more, parent: less-waste, level: output, "
            "statement: Find 10 % more dumpings a year, indicators: [found]}",
            ind()
            + "\n"
            + ind(
                id="found",
                name="Dumpings found by searching",
                direction="increase",
                kind="output",
                target="{baseline: {value: 100, period: 2018}, value: 200, deadline: 2026}",
            ),
        ),
        good=GOOD,
    ),
    # --- Time-bound ----------------------------------------------------------------------
    Rule(
        code="T001",
        name="no-deadline",
        severity=E,
        summary="A trajectory or binary target has no deadline.",
        bad=doc(OBJ, ind(target="{baseline: {value: 292, period: 2018}, value: 146}")),
        good=GOOD,
    ),
    Rule(
        code="T002",
        name="deadline-before-baseline",
        severity=E,
        summary="A deadline is not after its baseline period.",
        bad=doc(
            OBJ, ind(target="{baseline: {value: 292, period: 2018}, value: 146, deadline: 2017}")
        ),
        good=GOOD,
    ),
    Rule(
        code="T003",
        name="deadline-passed-without-data",
        severity=W,
        needs_data=True,
        summary="The deadline has passed and there is no observation for it.",
        bad=doc(
            OBJ,
            ind(
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
    ),
    Rule(
        code="T004",
        name="data-too-infrequent",
        severity=W,
        summary="The data's frequency gives fewer than two observations between baseline "
        "and deadline, too few to see progress in time.",
        bad=doc(
            OBJ, ind(target="{baseline: {value: 292, period: 2024}, value: 146, deadline: 2026}")
        ),
        good=GOOD,
    ),
    Rule(
        code="T005",
        name="milestone-out-of-order",
        severity=E,
        summary="A milestone is not after the baseline, is after the deadline, or shares a "
        "period with another.",
        bad=doc(
            OBJ,
            ind(
                target="{baseline: {value: 292, period: 2018}, value: 146, "
                "deadline: 2026, milestones: {2027: 150}}"
            ),
        ),
        good=GOOD,
    ),
    # --- Data ----------------------------------------------------------------------------
    Rule(
        code="D001",
        name="no-data-since-baseline",
        severity=W,
        needs_data=True,
        summary="An indicator with a target has no observation after its baseline.",
        bad=doc(
            OBJ, ind(target="{baseline: {value: 191, period: 2023}, value: 100, deadline: 2030}")
        ),
        good=GOOD,
        data=DATA,
    ),
    Rule(
        code="D002",
        name="stale-data",
        severity=W,
        needs_data=True,
        summary="The latest observation lies two or more periods of the indicator's "
        "frequency before the latest period in the data.",
        bad=doc(OBJ, ind() + "\n" + CONTEXT),
        good=GOOD,
        good_data=DATA,
        data=DATA + "context,2026,99,site\n",
    ),
    Rule(
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
    ),
    Rule(
        code="D004",
        name="not-assessable",
        severity=W,
        needs_data=True,
        summary="The indicator's method cannot assess it with the data given (too few "
        "points, no data after the baseline, ...).",
        bad=doc(
            OBJ,
            ind(
                method="forecast",
                target="{baseline: {value: 178, period: 2020}, value: 100, deadline: 2030}",
            ),
        ),
        good=GOOD,
        data=DATA.replace("dumpings,2021,208,dumping\n", "").replace(
            "dumpings,2022,155,dumping\n", ""
        ),
    ),
    # --- File ----------------------------------------------------------------------------
    Rule(
        code="F001",
        name="unknown-method",
        severity=E,
        summary="A method named in the file is not registered.",
        bad=doc(OBJ, ind(method="trajectry")),
        good=GOOD,
    ),
    Rule(
        code="F002",
        name="invalid-method-options",
        severity=E,
        summary="Method options are unknown or invalid.",
        bad=doc(OBJ, ind(options="{window: medium}")),
        good=GOOD,
    ),
)
