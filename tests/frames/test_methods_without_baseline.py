"""Each method's base found in the data (no declared baseline) on the frame engine."""

from __future__ import annotations

from typing import Any

import pytest

import goalframe as gf
from goalframe.schema import FrameworkSpec

from .._profile import engines
from ._compare import _as_backend, _frame, _native, _none, _reference, _same, _to_rows
from .strategies import _framework, _records


def _undeclared(method: str, target: float, direction: str, options: dict[str, Any]) -> Any:
    """A goal file with one indicator (kg) `by: [region]` whose target declares no baseline."""
    case = {"deadline": 2030, "declared": False, "relative": None, "target": target}
    case |= {"illustrative": False, "direction": direction, "method": method, "options": options}
    return _framework(case)


def _by_region(
    rows: list[tuple[str, int, float]], framework: gf.Framework, backend: str, as_of: str
) -> dict[str, dict[str, Any]]:
    """Indicator x's rows (region, year, kg) through the frame engine: a result per region."""
    records = [
        {"indicator": "x", "region": r, "period": y, "value": v, "unit": "kg", "flag": ""}
        for r, y, v in rows
    ]
    found = gf.evaluate_frame(framework, _native(records, backend), as_of=as_of)
    got = {r["region"]: r for r in _to_rows(found.results)}
    assert {r["engine"] for r in got.values()} == {"frame"}
    return got


_UNSD_CASE = {
    "deadline": 2030, "declared": False, "relative": None, "target": 20.0, "illustrative": False,
    "direction": "increase", "method": "unsd", "options": {}, "as_of": 2020,
}  # fmt: skip


@pytest.mark.parametrize("backend", engines("pandas", "polars", "duckdb"))
def test_open_sdg_without_a_declared_baseline_in_the_frame(backend: str) -> None:
    """As `goalframe import open-sdg` writes targets: no baseline, so Open SDG's base year.

    Region A holds Statistics Canada's poverty rates (indicator 1-2-1) to 7.25 % by 2030,
    base year 2015 (sdg-build's default): observed CAGR (10.2 / 14.5)^(1/8) - 1 = -0.0430174,
    required (7.25 / 14.5)^(1/15) - 1 = -0.0451584, pv = -1 * -0.0430174 / 0.0451584 =
    0.952590: substantial progress, the value and score sdg-build published
    (tests/data/opensdg_canada_progress_components.yml). Region B has no figure for 2015, so
    the next year's is the base: 16 in 2016, 12 in 2023: observed (12/16)^(1/7) - 1 =
    -0.0402644, required (7.25/16)^(1/14) - 1 = -0.0549732, pv = 0.732437 (moderate: 0.6 to
    0.95), score 7.1429 * 0.732437 - 4.2857 = 0.946026. Region C has no figure in or after
    2015: not available.
    """
    rows = [("A", 2015, 14.5), ("A", 2016, 13.9), ("A", 2018, 12.1), ("A", 2020, 11.0)]
    rows += [("A", 2023, 10.2), ("B", 2014, 20.0), ("B", 2016, 16.0), ("B", 2023, 12.0)]
    rows += [("C", 2012, 9.0), ("C", 2013, 8.0)]
    got = _by_region(rows, _undeclared("open-sdg", 7.25, "decrease", {}), backend, "2024")
    a, b, c = got["A"], got["B"], got["C"]
    assert (a["status"], a["label"]) == ("on_track", "substantial_progress")
    assert a["progress"] == pytest.approx(0.9525901792032172, rel=1e-12)
    assert a["score"] == pytest.approx(2.5185563910306596, rel=1e-9)
    observed, required = (12 / 16) ** (1 / 7) - 1, (7.25 / 16) ** (1 / 14) - 1
    assert -observed / abs(required) == pytest.approx(0.732437, abs=1e-6)
    assert (b["status"], b["label"]) == ("needs_acceleration", "moderate_progress")
    assert b["progress"] == pytest.approx(-observed / abs(required), rel=1e-12)
    assert b["score"] == pytest.approx(7.1429 * -observed / abs(required) - 4.2857, rel=1e-12)
    assert (c["status"], c["label"]) == ("not_assessable", "not_available")
    # No baseline was declared, so the table shows none (as the card's goal has none).
    assert all(_none(r["baseline"]) is None for r in got.values())
    assert all(_none(r["baseline_period"]) is None for r in got.values())


@pytest.mark.parametrize("backend", engines("pandas", "polars", "duckdb"))
def test_trajectory_from_the_first_figure_in_the_frame(backend: str) -> None:
    """No declared baseline: the trajectory starts from each series' first figure.

    Region A: 40 in 2016, 46 in 2020, target 60 by 2030: progress (46 - 40) / (60 - 40) = 0.3,
    expected (2020 - 2016) / (2030 - 2016) = 0.285714, ratio 1.05 >= 0.95: on track; 2017 to
    2019 are missing from the first figure on. Region B starts at 50 in 2018 and is at 48 in
    2020: progress (48 - 50) / (60 - 50) = -0.2: moving away.
    """
    rows = [("A", 2016, 40.0), ("A", 2020, 46.0), ("B", 2018, 50.0), ("B", 2019, 49.0)]
    rows += [("B", 2020, 48.0)]
    got = _by_region(rows, _undeclared("trajectory", 60.0, "increase", {}), backend, "2020")
    a, b = got["A"], got["B"]
    assert (a["status"], a["label"]) == ("on_track", "on_trajectory")
    assert a["progress"] == pytest.approx(0.3, rel=1e-12)
    assert a["expected_progress"] == pytest.approx(4 / 14, rel=1e-12)
    assert a["caveats"] == "missing-periods"
    assert (b["status"], b["label"], b["caveats"]) == ("moving_away", "moving_away", "")
    assert b["progress"] == pytest.approx(-0.2, rel=1e-12)
    assert all(_none(r["baseline"]) is None for r in got.values())
    assert all(_none(r["baseline_period"]) is None for r in got.values())


# Long: a worked example: the hand arithmetic for each case is written out beside it.
@pytest.mark.parametrize("backend", engines("pandas", "polars", "pyarrow", "duckdb"))
def test_open_sdg_growth_alone_with_a_natural_limit_in_the_frame(backend: str) -> None:
    """Open SDG's method 1 (no target value), with Statistics Canada's 1-3-1 figures.

    Children covered by social protection: 90 % in 2015, 93.2 % in 2021, natural limit 100:
    C = 1 - (90 / 100)^4.44 = 0.373622; pv = (93.2 / 90)^(1/6) - 1 = 0.0058400 >= 0.015 C =
    0.0056043: substantial progress; score 500 pv / C - 5 = 2.81539. Older persons receiving
    a pension, base year 2017 (option): pv = (92.7 / 93.4)^(1/4) - 1 = -0.00187895 < 0:
    deterioration, score 125 pv - 2.5 = -2.73487. Both are sdg-build's published figures
    (tests/data/opensdg_canada_progress_components.yml). No target: no final verdict once
    the deadline is over, only the figures up to it read: with a deadline of 2020, the
    children's latest is 91.5 % in 2018, pv = (91.5 / 90)^(1/3) - 1 = 0.0055257, between
    0.005 C = 0.0018681 and 0.015 C: moderate progress, not final.
    """
    import pyarrow as pa

    children = "Proportion of children covered by social protection benefits"
    pensions = "Proportion of older persons receiving a pension"
    rows = [(children, 2015, 90.0), (children, 2018, 91.5), (children, 2021, 93.2)]
    rows += [(pensions, 2016, 94.0), (pensions, 2017, 93.4), (pensions, 2021, 92.7)]
    table = pa.Table.from_pylist(
        [
            {"indicator": i, "series": s, "period": y, "value": v, "unit": "percent"}
            for s, y, v in rows
            for i in ("children-2030", "pensions-2030", "children-2020")
        ]
    )

    def indicator(ident: str, series: str, options: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": ident,
            "name": ident,
            "unit": "percent",
            "direction": "increase",
            "method": "open-sdg",
            "options": {"limit": 100, **options},
            "select": {"series": series},
            "target": {"deadline": int(ident.rsplit("-", 1)[1])},
        }

    spec = {
        "id": "t",
        "title": "T",
        "objectives": [{"id": "o", "statement": "O", "indicators": ["children-2030"]}],
        "indicators": [
            indicator("children-2030", children, {}),
            indicator("pensions-2030", pensions, {"base_year": 2017}),
            indicator("children-2020", children, {}),
        ],
    }
    framework = gf.compile_framework(FrameworkSpec.model_validate(spec))
    found = gf.evaluate_frame(framework, _as_backend(table, backend), as_of="2021")
    got = {r["indicator"]: r for r in _to_rows(found.results)}
    c = 1 - 0.9**4.44
    assert c == pytest.approx(0.373622, abs=1e-6)
    pv = (93.2 / 90) ** (1 / 6) - 1
    assert pv == pytest.approx(0.0058400, abs=1e-7)
    assert pv >= 0.015 * c
    child = got["children-2030"]
    assert (child["engine"], child["status"], child["label"]) == (
        "frame",
        "on_track",
        "substantial_progress",
    )
    assert child["progress"] == pytest.approx(0.005839995229728112, rel=1e-12)
    assert child["score"] == pytest.approx(2.815386645395768, rel=1e-9)
    assert child["score"] == pytest.approx(500 * pv / c - 5, rel=1e-12)
    pension = got["pensions-2030"]
    assert (pension["engine"], pension["status"], pension["label"]) == (
        "frame",
        "moving_away",
        "deterioration",
    )
    assert pension["progress"] == pytest.approx(-0.0018789507235312808, rel=1e-12)
    assert pension["score"] == pytest.approx(-2.7348688404414103, rel=1e-9)
    assert not child["final"] and not pension["final"]
    assert _none(pension["target"]) is None
    over = got["children-2020"]
    early = (91.5 / 90) ** (1 / 3) - 1
    assert 0.005 * c < early < 0.015 * c
    assert (over["status"], over["label"], over["final"]) == (
        "needs_acceleration",
        "moderate_progress",
        False,
    )
    assert over["progress"] == pytest.approx(early, rel=1e-12)
    assert (over["latest"], over["latest_period"]) == (93.2, "2021")  # the card's latest


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("norm", {"on_track": 0.9}),  # the trajectory's, kept for `--method` or a comparison
        ("range", {"low": 1, "high": 99}),  # bounds the target has: the range reads its own
        ("binary", {"window": 3}),
    ],
)
def test_options_a_method_does_not_read_keep_the_frame_form(
    kind: str, options: dict[str, Any]
) -> None:
    """Options of another method do not change the verdict, so they do not send the series
    to the reference path; the verdicts are the reference's."""
    pl = pytest.importorskip("polars")
    base = {"rows": [("", y, 1.0 if y > 2016 else 0.0, "", "kg") for y in range(2014, 2021)]}
    case = base | {"illustrative": False, "as_of": 2020, "options": options, "kind": kind}
    if kind == "norm":
        case |= {"direction": "increase", "value": 1.0, "start": 2017, "span": 2}
    elif kind == "range":
        case |= {"low": 0.5, "width": 20.0, "deadline": 2019, "direction": "increase"}
    else:
        case |= {"deadline": 2019, "direction": "increase"}
    native = _native(_records(case), "polars")
    found = gf.evaluate_frame(_framework(case), native, as_of="2020").results
    assert found["engine"].to_list() == ["frame"]
    assert found.filter(pl.col("role") == "headline")["status"].to_list() == ["achieved"]
    _same(_reference(case), _frame(case, "polars"))


@pytest.mark.parametrize("backend", engines("pandas", "polars", "duckdb"))
def test_forecast_and_escap_without_a_declared_baseline_in_the_frame(backend: str) -> None:
    """The forecast fits every point, ESCAP starts from the first figure.

    Region A: 10, 12, 14 in 2016-2018, target 30 by 2030: the line fits exactly (slope 2),
    projected 14 + 2 * 12 = 38 >= 30 with no error, so P(met) = 1: likely. Region B: 10,
    11, 12.1 (10 % a year), target 20 by 2026, under ESCAP: base 10 (2016), growth ln 1.1 a
    year, projected 12.1 * 1.1^8 = 25.9374, AP = (25.9374 - 10) / (20 - 10) = 1.59374 >= 1:
    maintain (on track).
    """
    records = [
        {"indicator": i, "region": r, "period": y, "value": v, "unit": "percent", "flag": ""}
        for i, r, rows in (
            ("f", "A", [(2016, 10.0), (2017, 12.0), (2018, 14.0)]),
            ("e", "B", [(2016, 10.0), (2017, 11.0), (2018, 12.1)]),
        )
        for y, v in rows
    ]

    def indicator(ident: str, method: str, value: float, deadline: int) -> dict[str, Any]:
        return {
            "id": ident, "name": ident, "unit": "percent", "direction": "increase",
            "method": method, "by": ["region"],
            "target": {"value": value, "deadline": deadline},
        }  # fmt: skip

    spec = {
        "id": "t",
        "title": "T",
        "objectives": [{"id": "o", "statement": "O", "indicators": ["f", "e"]}],
        "indicators": [indicator("f", "forecast", 30.0, 2030), indicator("e", "escap", 20.0, 2026)],
    }
    framework = gf.compile_framework(FrameworkSpec.model_validate(spec))
    found = gf.evaluate_frame(framework, _native(records, backend), as_of="2018")
    got = {r["indicator"]: r for r in _to_rows(found.results) if r["role"] == "group"}
    assert {r["engine"] for r in got.values()} == {"frame"}
    f, e = got["f"], got["e"]
    assert (f["status"], f["label"], f["progress"]) == ("on_track", "likely", 1.0)
    projected = 12.1 * 1.1**8
    assert projected == pytest.approx(25.9374, abs=1e-4)
    assert (e["status"], e["label"]) == ("on_track", "maintain")
    assert e["progress"] == pytest.approx((projected - 10) / 10, rel=1e-9)


@pytest.mark.parametrize("backend", engines("pandas", "polars", "duckdb"))
def test_unsd_from_the_year_nearest_2015_in_the_frame(backend: str) -> None:
    """UNSD without a declared baseline: 2015's figure, else the nearest year's but the latest.

    Target 20 by 2030. Region A (2013: 10, 2016: 12, 2020: 16): 2016 is nearer 2015 than 2013,
    so the base is 12; CAGR (16 / 12)^(1/4) - 1 = 0.0745699, projected 16 * 1.0745699^10 =
    32.8448, ratio (32.8448 - 12) / (20 - 12) = 2.60560: on track. Region B (2014: 10, 2016:
    11, 2020: 13): a tie, so the earlier year, 10; CAGR (13 / 10)^(1/6) - 1 = 0.0446975,
    projected 20.1302, ratio 1.01302. Region C has figures before 2015 only: its base is the
    figure before the latest, which the reference path finds.
    """
    rows = [("A", 2013, 10.0), ("A", 2016, 12.0), ("A", 2020, 16.0)]
    rows += [("B", 2014, 10.0), ("B", 2016, 11.0), ("B", 2020, 13.0)]
    rows += [("C", 2010, 5.0), ("C", 2012, 6.0)]
    case = {"rows": [(r, y, v, "", "kg") for r, y, v in rows], **_UNSD_CASE}
    found = gf.evaluate_frame(_framework(case), _native(_records(case), backend), as_of="2020")
    got = {r["region"]: r for r in _to_rows(found.results)}
    assert (got["A"]["engine"], got["B"]["engine"], got["C"]["engine"]) == (
        "frame",
        "frame",
        "reference",
    )
    a_growth, b_growth = (16 / 12) ** (1 / 4) - 1, (13 / 10) ** (1 / 6) - 1
    a_ratio = (16 * (1 + a_growth) ** 10 - 12) / 8
    b_ratio = (13 * (1 + b_growth) ** 10 - 10) / 10
    assert a_ratio == pytest.approx(2.60560, abs=1e-5)
    assert b_ratio == pytest.approx(1.01302, abs=1e-5)
    assert (got["A"]["status"], got["A"]["label"]) == ("on_track", "on_track")
    assert got["A"]["progress"] == pytest.approx(a_ratio, rel=1e-12)
    assert got["B"]["progress"] == pytest.approx(b_ratio, rel=1e-12)
    _same(_reference(case), _frame(case, backend))
