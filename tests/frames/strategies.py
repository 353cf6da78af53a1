"""Hypothesis strategies for the engine's differential tests: cases of every target form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

import goalframe as gf
from goalframe._frames.methods import frame_methods
from goalframe.schema import FrameworkSpec

ROOT = Path(__file__).resolve().parents[2]


REGIONS = ["", "A", "B", "C"]


#: Every method with a frame form, from the engine's registry: a new one is drawn at once.
METHODS = sorted(frame_methods())


#: Method options: those a frame form reads, those it hands to the reference path, and those
#: another method reads (ignored by this one).
OPTIONS = st.sampled_from(
    [
        {},
        {},
        {},
        {"on_track": 0.8, "acceleration": 0.5},
        {"on_track": 1.0, "acceleration": 0.0},
        {"window": "long"},
        {"window": 8},
        {"window": 3},
        {"confidence": 0.9},
        {"model": "linear", "confidence": 0.6},
        {"model": "log"},
        {"base_year": 2010},
        {"base_year": 2021},
        {"limit": 100},
        {"limit": 50, "thresholds": {"high": 0.02}},
        {"thresholds": {"high": 1.1, "med": 0.5, "low": 0.2}},
    ]
)


def _framework(case: dict[str, Any]) -> gf.Framework:
    if "kind" in case:
        return _level_framework(case)
    target: dict[str, Any] = {"deadline": case["deadline"]}
    # Without a declared baseline (a relative target needs one) each method finds its base in
    # the data: the first figure, or Open SDG's base year.
    if case.get("declared", True) or case["relative"] is not None:
        target["baseline"] = {"value": case["baseline"], "period": case["base_year"]}
    if case["relative"] is not None:
        target["change_percent"] = case["relative"]
    elif not case.get("growth"):  # (growth alone: no target value, Open SDG's method 1)
        target["value"] = case["target"]
    if case["illustrative"]:
        target["provenance"] = "illustrative"
    spec = {
        "id": "t",
        "title": "T",
        "objectives": [{"id": "o", "statement": "O", "indicators": ["x"]}],
        "indicators": [
            {
                "id": "x",
                "name": "X",
                "unit": "kg",
                "direction": case["direction"],
                "method": case.get("method", "trajectory"),
                "options": case.get("options") or {},
                "by": ["region"],
                "target": target,
            }
        ],
    }
    try:
        return gf.compile_framework(FrameworkSpec.model_validate(spec))
    except gf.SpecError:
        assume(False)  # a target the goal file refuses (equal to the baseline, wrong way)
        raise


def _level_framework(case: dict[str, Any]) -> gf.Framework:
    """A range or binary target (their own methods), with or without a deadline."""
    target: dict[str, Any] = {"type": case["kind"]}
    if case["kind"] == "milestones":
        target["milestones"] = case["milestones"]
        if case["final"] is not None:
            target |= {"value": case["final"][1], "deadline": case["final"][0]}
        if case["baseline"] is not None:
            year = case["baseline_year"]
            value = case["baseline"]
            if value == "data":
                own = [v for r, y, v, *_ in case["rows"] if not r and y == year]
                value = own[0] if own else 80.0
            target["baseline"] = {"value": value, "period": year}
    elif case["kind"] == "norms":
        pass
    elif case["kind"] in ("norm", "cumulative"):
        start = case["start"]
        target |= {"value": case["value"], "period": {"start": start, "end": start + case["span"]}}
    elif case["deadline"] is not None:
        target["deadline"] = case["deadline"]
    if case["kind"] == "range":
        target |= {"low": case["low"], "high": case["low"] + case["width"]}
    if case["illustrative"]:
        target["provenance"] = "illustrative"
    indicator: dict[str, Any] = {
        "id": "x", "name": "X", "unit": "kg", "by": ["region"], "target": target,
        "options": case["options"],
    }  # fmt: skip
    if case["kind"] == "norms":  # several norms in turn: the one in force decides
        del indicator["target"]
        indicator["targets"] = [
            {"type": "norm", "value": value, "period": {"start": start, "end": end}}
            for start, end, value in case["norms"]
        ]
    if case["kind"] == "none":  # no target at all: a context indicator or one not set yet
        del indicator["target"]
        indicator |= {"kind": case["indicator_kind"], "method": case["method"]}
    if "direction" in case:
        indicator["direction"] = case["direction"]
    spec = {
        "id": "t",
        "title": "T",
        "objectives": [{"id": "o", "statement": "O", "indicators": ["x"]}],
        "indicators": [indicator],
    }
    return gf.compile_framework(FrameworkSpec.model_validate(spec))


values = st.one_of(
    st.integers(-50, 200).map(float),
    st.sampled_from([0.0, 100.0, 120.0]),
    st.floats(-1e3, 1e3, allow_nan=False).map(lambda v: round(v, 3)),
)


rows = st.lists(
    st.tuples(
        st.sampled_from(REGIONS),
        st.integers(2008, 2026),
        values,
        st.sampled_from(["", "", "", "revised", "provisional", "approx"]),
        st.sampled_from(["kg", "kg", "t"]),
    ),
    min_size=1,
    max_size=45,
    unique_by=lambda r: (r[0], r[1]),
)


cases = st.fixed_dictionaries(
    {
        "rows": rows,
        "direction": st.sampled_from(["increase", "decrease"]),
        "baseline": values,
        "base_year": st.integers(2008, 2018),
        "deadline": st.integers(2012, 2032),
        "target": values,
        "relative": st.one_of(st.none(), st.sampled_from([-50.0, -10.0, 5.0, 25.0])),
        "illustrative": st.booleans(),
        "as_of": st.integers(2012, 2030),
        "method": st.sampled_from(METHODS),
        "options": OPTIONS,
        "declared": st.sampled_from([True, True, False]),
        "growth": st.sampled_from([False, False, False, True]),
    }
).filter(lambda c: c["deadline"] > c["base_year"])


#: Range and binary targets: levels to hold, no baseline. Binary series are mostly 0 and 1.
level_cases = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["range", "binary"]),
        "rows": st.lists(
            st.tuples(
                st.sampled_from(REGIONS),
                st.integers(2008, 2026),
                st.one_of(st.sampled_from([0.0, 1.0, 0.0, 1.0, 2.0, 45.0, 60.0]), values),
                st.sampled_from(["", "", "", "revised", "provisional"]),
                st.sampled_from(["kg", "kg", "t"]),
            ),
            min_size=1,
            max_size=40,
            unique_by=lambda r: (r[0], r[1]),
        ),
        "low": st.sampled_from([-10.0, 0.0, 40.0, 0.5]),
        "width": st.sampled_from([0.5, 20.0, 100.0]),
        "deadline": st.one_of(st.none(), st.integers(2010, 2030)),
        "illustrative": st.booleans(),
        "as_of": st.integers(2010, 2030),
        # Options the method does not read (another method's, or bounds the target has).
        "options": st.sampled_from([{}, {}, {}, {"low": 1}, {"low": 1, "high": 99}, {"window": 3}]),
        "zero_one": st.booleans(),
    }
).map(lambda c: _zero_one(c) if c["kind"] == "binary" and c["zero_one"] else c)


#: Norms (every year of a span must reach a value, at least or at most) and cumulative
#: totals over a span (the frame form reads those whose span is not over yet).
norm_cases = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["norm", "cumulative"]),
        "rows": rows,
        "direction": st.sampled_from(["increase", "decrease"]),
        "value": st.sampled_from([0.0, 50.0, 100.0, 120.0, 400.0]),
        "start": st.integers(2008, 2022),
        "span": st.integers(0, 7),
        "illustrative": st.booleans(),
        "as_of": st.integers(2008, 2030),
        "options": st.sampled_from([{}, {}, {}, {"on_track": 0.9}, {"limit": 100}]),
    }
)


@st.composite
def _milestone_cases(draw: st.DrawFn) -> dict[str, Any]:
    """Milestones in force year by year, with or without a final target after them."""
    years = sorted(draw(st.sets(st.integers(2010, 2026), min_size=1, max_size=4)))
    direction = draw(st.sampled_from(["increase", "decrease"]))
    milestones = {y: draw(st.sampled_from([0.0, 50.0, 100.0, 120.0])) for y in years}
    final = None
    if draw(st.booleans()):
        final = (years[-1] + draw(st.integers(1, 4)), draw(st.sampled_from([50.0, 150.0])))
    # A declared baseline now and then: a number, or the headline's own figure (no mismatch).
    baseline = draw(st.sampled_from([None, None, 0.0, 80.0, "data"]))
    return {
        "kind": "milestones", "rows": draw(rows), "direction": direction,
        "milestones": milestones, "final": final, "baseline": baseline,
        "baseline_year": years[0] - draw(st.integers(1, 4)),
        "illustrative": draw(st.booleans()), "as_of": draw(st.integers(2010, 2030)),
        "options": draw(st.sampled_from([{}, {}, {"on_track": 0.9}])),
    }  # fmt: skip


milestone_cases = _milestone_cases()


@st.composite
def _norms_in_turn(draw: st.DrawFn) -> dict[str, Any]:
    """Two or three norms in turn (as the bundled example's networks tackled), with gaps."""
    start = draw(st.integers(2008, 2018))
    norms = []
    for _ in range(draw(st.integers(2, 3))):
        end = start + draw(st.integers(0, 3))
        norms.append((start, end, draw(st.sampled_from([0.0, 50.0, 100.0, 120.0]))))
        start = end + 1 + draw(st.integers(0, 2))
    return {
        "kind": "norms", "rows": draw(rows), "norms": norms,
        "direction": draw(st.sampled_from(["increase", "decrease"])),
        "illustrative": False, "as_of": draw(st.integers(2008, 2030)), "options": {},
    }  # fmt: skip


norms_in_turn = _norms_in_turn()


#: Indicators without a target: not assessable by any method, with the latest figure (the
#: ``by`` column left out now and then, so the headline's caveat says so).
untargeted_cases = st.fixed_dictionaries(
    {
        "kind": st.just("none"),
        "rows": rows,
        "indicator_kind": st.sampled_from(["context", "outcome"]),
        "method": st.sampled_from(METHODS),
        "illustrative": st.just(False),  # no target to be illustrative
        "as_of": st.integers(2008, 2030),
        "options": st.sampled_from([{}, {}, {"window": 3}]),
        "regions": st.booleans(),
        "deadline": st.none(),
    }
).map(lambda c: c if c["regions"] else {**c, "rows": _national(c["rows"])})


def _national(rows: list[tuple[str, int, float, str, str]]) -> list[Any]:
    """The rows without their region, one per year (a frame whose ``by`` column is empty)."""
    return list({year: ("", year, *rest) for _, year, *rest in rows}.values())


def _zero_one(case: dict[str, Any]) -> dict[str, Any]:
    """A binary series of 0 and 1 only (1 for a value above a half), so that it is graded."""
    rows = [(r, y, float(v > 0.5), f, u) for r, y, v, f, u in case["rows"]]
    return {**case, "rows": rows}


@st.composite
def _long_rows(draw: st.DrawFn) -> list[tuple[str, int, float, str, str]]:
    """Long series (a level, a yearly step and noise; a year dropped now and then).

    The short random series above seldom give a method enough years to grade (a forecast
    needs three from the baseline on); these reach every branch of every method.
    """
    out = []
    for region in REGIONS:
        if region and not draw(st.booleans()):
            continue
        start = draw(st.integers(2008, 2016))
        level = draw(st.floats(-20, 500).map(lambda v: round(v, 2)))
        step = draw(st.floats(-30, 30).map(lambda v: round(v, 2)))
        for i in range(draw(st.integers(1, 14))):
            if draw(st.integers(0, 9)) == 0:
                continue
            noise = draw(st.floats(-10, 10).map(lambda v: round(v, 2)))
            flag = draw(st.sampled_from(["", "", "", "", "revised", "approx"]))
            out.append((region, start + i, round(level + step * i + noise, 3), flag, "kg"))
    return out or [("", 2015, 1.0, "", "kg")]


long_cases = st.fixed_dictionaries(
    {
        "rows": _long_rows(),
        "direction": st.sampled_from(["increase", "decrease"]),
        "baseline": values,
        "base_year": st.integers(2008, 2016),
        "deadline": st.integers(2018, 2034),
        "target": values,
        "relative": st.one_of(st.none(), st.sampled_from([-50.0, -10.0, 5.0, 25.0])),
        "illustrative": st.just(False),
        "as_of": st.integers(2016, 2030),
        "method": st.sampled_from(METHODS),
        "options": OPTIONS,
        "declared": st.sampled_from([True, True, False]),
        "growth": st.sampled_from([False, False, False, True]),
    }
).filter(lambda c: c["deadline"] > c["base_year"])


def _records(case: dict[str, Any]) -> list[dict[str, Any]]:
    quarterly = case.get("quarterly")  # this region's figures are for quarters
    records = [
        {
            "indicator": "x",
            "region": region or None,
            "period": _period(year, quarterly=region == quarterly) if quarterly else year,
            "value": value,
            "unit": unit,
            "flag": flag or None,
        }
        for region, year, value, flag, unit in case["rows"]
    ]
    revised = case.get("revised")
    if revised is None:
        return records
    # Every figure first published the year after its period; every ``revised``-th one
    # published again a year later, one higher (the latest release is the one to read).
    for record in records:
        record["vintage"] = str(int(str(record["period"])[:4]) + 1)
    again = [
        {**r, "value": r["value"] + 1, "vintage": str(int(r["vintage"]) + 1)}
        for r in records[::revised]
    ]
    return records + again


def _period(year: int, *, quarterly: bool) -> str:
    """A year as text, or a quarter of it (which quarter: from the year, so series vary)."""
    return f"{year}Q{1 + year % 4}" if quarterly else str(year)


def _with_quarters(cases: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[Any]:
    """The cases, one in three with one region's figures for quarters, not years.

    The reference path assesses that series; the frame form the others, with a year column
    that has nulls (floats on pandas and Dask). And one in two with every figure's release
    named (``vintage``), some of them revised: the reference path reads the revised series.
    """
    quarterly = st.sampled_from([None, None, "B"])
    revised = st.sampled_from([None, None, 2, 3])
    return st.tuples(cases, quarterly, revised).map(
        lambda c: {**c[0], "quarterly": c[1], "revised": c[2]}
    )


#: Every kind of case, for the engines CI runs with a few examples each (PySpark, Dask).
every_case = _with_quarters(
    st.one_of(
        cases, long_cases, level_cases, norm_cases, milestone_cases, untargeted_cases,
        norms_in_turn,
    )
)  # fmt: skip
