"""Worked examples per target form on the frame engine: ranges, norms, totals, milestones."""

from __future__ import annotations

import pytest

import goalframe as gf
from goalframe.schema import FrameworkSpec

from .._profile import engines
from ._compare import _frame, _native, _none, _reference, _same, _to_rows
from .strategies import _framework, _records


@pytest.mark.parametrize("backend", engines("pandas", "polars", "pyarrow", "duckdb"))
@pytest.mark.parametrize(
    ("kind", "deadline", "as_of"),
    [("range", 2020, 2019), ("range", 2020, 2022), ("range", None, 2022),
     ("binary", 2020, 2019), ("binary", 2020, 2022)],
)  # fmt: skip
def test_ranges_and_binary_targets_in_the_frame(
    backend: str, kind: str, deadline: int | None, as_of: int
) -> None:
    # Every branch of both methods and of the judge after the deadline, in the frame form:
    # in range, outside and closer or not, one figure only; done, not done, values that are
    # not 0 or 1; met at the deadline, missed (no change, away, towards), no figure for it.
    pytest.importorskip(backend)
    rows = [
        ("", 2018, 30.0, "", "kg"), ("", 2019, 35.0, "revised", "kg"), ("", 2021, 70.0, "", "kg"),
        ("A", 2019, 50.0, "", "kg"), ("A", 2020, 65.0, "", "kg"), ("B", 2020, 1.0, "", "kg"),
        ("C", 2018, 0.0, "", "kg"), ("C", 2019, 1.0, "", "kg"), ("C", 2020, 0.0, "", "kg"),
        ("D", 2019, 20.0, "", "kg"), ("D", 2020, 30.0, "", "kg"), ("D", 2021, 1.0, "", "kg"),
        ("E", 2019, 1.0, "", "kg"), ("E", 2020, 0.0, "", "kg"),
    ]  # fmt: skip
    case = {
        "kind": kind, "rows": rows, "low": 40.0, "width": 20.0, "deadline": deadline,
        "illustrative": False, "as_of": as_of, "options": {},
    }  # fmt: skip
    reference, frame = _reference(case), _frame(case, backend)
    _same(reference, frame)
    found = gf.evaluate_frame(_framework(case), _native(_records(case), backend), as_of=str(as_of))
    # (a series of figures after the date only is said by the reference path: nothing to assess)
    assert {row["engine"] for row in _to_rows(found.results) if row["observations"]} == {"frame"}
    # Every row is read or set aside with its reason (those after the assessment date).
    used = sum(r["observations"] for r in _to_rows(found.results) if r["target_role"] == "in force")
    assert used + sum(r["rows"] for r in _to_rows(found.set_aside)) == len(rows)
    if (kind, as_of) == ("range", 2022) and deadline:
        assert frame["A"]["label"] == "missed, moved away"  # 50 -> 65: 0 -> 5 from the range
        assert frame["D"]["label"] == "missed, moved towards the target"  # 20 -> 30: 20 -> 10
        assert frame[""]["status"] == "outcome_unknown"  # no 2020 figure
    if (kind, as_of) == ("binary", 2022):
        assert frame["C"]["label"] == "missed, no change"  # 0 in 2018, 0 at the deadline
        assert frame["E"]["label"] == "missed, moved away"  # done in 2019, undone by 2020
        assert frame["B"]["label"] == "met_at_deadline"


@pytest.mark.parametrize("backend", engines("pandas", "polars", "pyarrow", "duckdb"))
@pytest.mark.parametrize("as_of", ["2014", "2016", "2017", "2018-06-30", "2020"])
def test_norms_in_the_frame(backend: str, as_of: str) -> None:
    # At least 950 a year in 2015-2018, every branch: met so far, three of four (needs
    # acceleration), fewer, none, a year due without a figure (not known yet), and after the
    # deadline "missed, moved away (3 of 4 met)", "met (4 of 4)", not known. In mid-2018 the
    # 2018 figures are not known yet (the year is not over): every series is "met so far" or
    # worse on 2015-2017 alone.
    pytest.importorskip(backend)
    rows = [
        ("", 2014, 800.0, "", "kg"), ("", 2015, 1188.0, "", "kg"),
        ("", 2016, 1369.0, "revised", "kg"), ("", 2017, 1361.0, "", "kg"),
        ("", 2018, 900.0, "", "kg"), ("A", 2015, 1000.0, "", "kg"), ("A", 2017, 990.0, "", "kg"),
        ("B", 2016, 900.0, "", "kg"), ("B", 2018, 960.0, "", "kg"),
        ("C", 2014, 1200.0, "", "kg"), ("C", 2015, 900.0, "", "kg"),
        ("C", 2016, 1000.0, "", "kg"), ("C", 2017, 951.0, "", "kg"),
        ("E", 2015, 960.0, "", "kg"), ("E", 2016, 970.0, "", "kg"),
        ("E", 2017, 980.0, "", "kg"), ("E", 2018, 990.0, "", "kg"),
        ("F", 2015, 960.0, "", "kg"), ("F", 2017, 980.0, "", "kg"), ("F", 2018, 990.0, "", "kg"),
        ("G", 2015, 1000.0, "", "kg"), ("G", 2016, 1000.0, "", "kg"),
        ("G", 2017, 1000.0, "", "kg"), ("G", 2018, 900.0, "", "kg"),
    ]  # fmt: skip
    case = {
        "kind": "norm", "rows": rows, "direction": "increase", "value": 950.0, "start": 2015,
        "span": 3, "illustrative": False, "as_of": as_of, "options": {},
    }  # fmt: skip
    reference, frame = _reference(case), _frame(case, backend)
    _same(reference, frame)
    found = gf.evaluate_frame(_framework(case), _native(_records(case), backend), as_of=as_of)
    assert {row["engine"] for row in _to_rows(found.results) if row["observations"]} == {"frame"}
    # Every row is read or set aside with its reason (those after the assessment date).
    used = sum(r["observations"] for r in _to_rows(found.results) if r["target_role"] == "in force")
    assert used + sum(r["rows"] for r in _to_rows(found.set_aside)) == len(rows)
    if as_of == "2018-06-30":
        assert frame["E"]["label"] == "norm_met_so_far"  # 3 of 3 due; 2018 not over yet
        assert frame["F"]["label"] == "norm_met_so_far"  # 2015 and 2017 met, 2016 no figure
        assert (frame["G"]["status"], frame["G"]["progress"]) == ("on_track", 1.0)  # 900: 2018
    if as_of == "2020":
        assert frame[""]["label"] == "missed, moved away (3 of 4 met)"  # 1,188 -> 900
        assert frame["E"]["label"] == "met (4 of 4)"
        assert frame["A"]["status"] == "outcome_unknown"  # no 2016 or 2018 figure


@pytest.mark.parametrize("backend", engines("pandas", "polars", "pyarrow", "duckdb"))
@pytest.mark.parametrize("direction", ["increase", "decrease"])
@pytest.mark.parametrize("as_of", ["2014", "2015", "2016", "2017", "2019"])
def test_cumulative_totals_in_the_frame(backend: str, direction: str, as_of: str) -> None:
    # 2,000 over 2015-2018 (at least, or at most). Read in 2016 the headline has 600 + 700 =
    # 1,300 of 2,000 (0.65) with half the span gone (0.5): on pace for "at least", above pace
    # for "at most"; C has 300 + 200 = 500 (0.25): far behind, or within pace. Once the span
    # is over (2019) the verdict names the totals in words: the reference path gives it.
    pytest.importorskip(backend)
    rows = [
        ("", 2014, 800.0, "", "kg"), ("", 2015, 600.0, "", "kg"),
        ("", 2016, 700.0, "revised", "kg"), ("", 2017, 600.0, "", "kg"),
        ("A", 2015, 1000.0, "", "kg"), ("A", 2017, 990.0, "", "kg"), ("B", 2016, 100.0, "", "kg"),
        ("C", 2014, 1200.0, "", "kg"), ("C", 2015, 300.0, "", "kg"), ("C", 2016, 200.0, "", "kg"),
        ("D", 2016, 1100.0, "", "kg"), ("E", 2015, 2500.0, "", "kg"), ("F", 2016, 700.0, "", "kg"),
    ]  # fmt: skip
    case = {
        "kind": "cumulative", "rows": rows, "direction": direction, "value": 2000.0,
        "start": 2015, "span": 3, "illustrative": False, "as_of": as_of, "options": {},
    }  # fmt: skip
    reference, frame = _reference(case), _frame(case, backend)
    _same(reference, frame)
    found = gf.evaluate_frame(_framework(case), _native(_records(case), backend), as_of=as_of)
    engines = {row["engine"] for row in _to_rows(found.results) if row["observations"]}
    assert engines == ({"reference"} if as_of == "2019" else {"frame"})
    used = sum(r["observations"] for r in _to_rows(found.results) if r["target_role"] == "in force")
    assert used + sum(r["rows"] for r in _to_rows(found.set_aside)) == len(rows)
    if as_of == "2016":
        label = {"increase": "on_pace", "decrease": "above_pace"}[direction]
        assert (frame[""]["label"], frame[""]["progress"], frame[""]["expected_progress"]) == (
            label,
            pytest.approx(0.65),
            pytest.approx(0.5),
        )
        assert (
            frame["C"]["label"]
            == {"increase": "far_behind_pace", "decrease": "within_pace"}[direction]
        )
        # D: 1,100 of 2,000 (0.55) against 0.5: on pace, or above it for "at most"; F: 700
        # (0.35, a ratio of 0.7 to the half gone): behind pace, or within it; E: 2,500 is
        # the total reached, or a cap exceeded.
        assert frame["D"]["label"] == {"increase": "on_pace", "decrease": "above_pace"}[direction]
        assert (
            frame["F"]["label"] == {"increase": "behind_pace", "decrease": "within_pace"}[direction]
        )
        assert (
            frame["E"]["label"]
            == {"increase": "total_reached", "decrease": "cap_exceeded"}[direction]
        )


@pytest.mark.parametrize("backend", engines("pandas", "polars", "pyarrow", "duckdb"))
@pytest.mark.parametrize("direction", ["increase", "decrease"])
@pytest.mark.parametrize("as_of", ["2022", "2023", "2024", "2025", "2026", "2028"])
def test_milestones_in_the_frame(backend: str, direction: str, as_of: str) -> None:
    # Milestones 190, 200, 210, 220 in 2023-2026 (the EUR million of assets seized): the one
    # in force decides (met, missed and how the figure moved from the one before, or not
    # known when it has no figure); after 2026 every milestone does: "met (4 of 4)",
    # "missed, moved away (2 of 4 met)", or not known.
    pytest.importorskip(backend)
    rows = [
        ("", 2021, 170.0, "", "kg"), ("", 2022, 185.0, "", "kg"), ("", 2023, 195.0, "", "kg"),
        ("", 2024, 198.0, "revised", "kg"), ("", 2025, 215.0, "", "kg"),
        ("", 2026, 221.0, "", "kg"), ("A", 2023, 180.0, "", "kg"), ("A", 2024, 205.0, "", "kg"),
        ("A", 2026, 219.0, "", "kg"), ("B", 2022, 200.0, "", "kg"), ("B", 2023, 189.0, "", "kg"),
        ("B", 2025, 212.0, "", "kg"), ("C", 2024, 100.0, "", "kg"), ("D", 2021, 150.0, "", "kg"),
        ("D", 2022, 300.0, "", "kg"), ("D", 2023, 200.0, "", "kg"),
        ("E", 2023, 191.0, "", "kg"), ("E", 2024, 201.0, "", "kg"),
        ("E", 2025, 211.0, "", "kg"), ("E", 2026, 221.0, "", "kg"),
    ]  # fmt: skip
    case = {
        "kind": "milestones", "rows": rows, "direction": direction,
        "milestones": {2023: 190.0, 2024: 200.0, 2025: 210.0, 2026: 220.0}, "final": None,
        "baseline": None, "illustrative": False, "as_of": as_of, "options": {},
    }  # fmt: skip
    reference, frame = _reference(case), _frame(case, backend)
    _same(reference, frame)
    found = gf.evaluate_frame(_framework(case), _native(_records(case), backend), as_of=as_of)
    assert {row["engine"] for row in _to_rows(found.results) if row["observations"]} == {"frame"}
    used = sum(r["observations"] for r in _to_rows(found.results) if r["target_role"] == "in force")
    assert used + sum(r["rows"] for r in _to_rows(found.set_aside)) == len(rows)
    if (direction, as_of) == ("increase", "2024"):
        assert frame["A"]["label"] == "milestone_met"  # 205 against 200
        assert frame[""]["label"] == "milestone_missed, moved towards it"  # 198 < 200, up from 195
        assert frame["B"]["label"] == "milestone_outcome_unknown"  # no 2024 figure
    if (direction, as_of) == ("increase", "2026"):
        assert frame["E"]["label"] == "met (4 of 4)"
        assert frame[""]["label"] == "missed, moved towards the target (3 of 4 met)"


@pytest.mark.parametrize("backend", engines("pandas", "polars", "pyarrow", "duckdb"))
def test_an_indicator_without_a_target_in_the_frame(backend: str) -> None:
    """Not assessable by any method, with the latest figure read up to the assessment date.

    Region A: 2016, 2019 (provisional) and 2025, after the assessment date 2024: latest 2019's
    9.5 from two figures, the third set aside. Region B counts quarters: the reference path
    orders those. A break changes nothing here (there is no verdict to break).
    """
    pytest.importorskip({"polars-lazy": "polars"}.get(backend, backend))
    case = {
        "kind": "none", "indicator_kind": "context", "method": "eurostat", "options": {},
        "illustrative": False, "deadline": None,
    }  # fmt: skip
    rows = [
        {"indicator": "x", "region": "A", "period": "2016", "value": 12.0, "unit": "kg"},
        {"indicator": "x", "region": "A", "period": "2019", "value": 9.5, "unit": "kg",
         "flag": "provisional"},
        {"indicator": "x", "region": "A", "period": "2025", "value": 7.0, "unit": "kg"},
        {"indicator": "x", "region": "B", "period": "2016Q1", "value": 3.0, "unit": "kg"},
        {"indicator": "x", "region": "B", "period": "2016Q2", "value": 4.0, "unit": "kg"},
        {"indicator": "x", "region": "C", "period": "2017", "value": 2.0, "unit": "t",
         "flag": "break"},
        {"indicator": "x", "region": "C", "period": "2018", "value": 2500.0, "unit": "kg"},
        {"indicator": "x", "region": None, "period": "2018", "value": 40.0, "unit": "kg"},
        {"indicator": "x", "region": None, "period": "2018", "value": None, "unit": "kg"},
    ]  # fmt: skip
    records = [{"flag": None, **r} for r in rows]
    framework = _framework(case)
    native = _native(records, backend, text_periods=True)
    found = gf.evaluate_frame(framework, native, as_of="2024")
    table = {(r["role"], r["region"] or ""): r for r in _to_rows(found.results)}
    a, b, c = table["group", "A"], table["group", "B"], table["group", "C"]
    headline = table["headline", ""]
    for row in (a, b, c, headline):
        assert (row["status"], row["label"], row["method"]) == (
            "not_assessable", "not_assessable", "eurostat"
        )  # fmt: skip
        assert not row["final"] and _none(row["progress"]) is None and _none(row["target"]) is None
    assert (a["latest"], a["latest_period"], a["observations"]) == (9.5, "2019", 2)
    assert (c["latest"], c["latest_period"], c["observations"]) == (2500.0, "2018", 2)
    assert (headline["latest"], headline["observations"]) == (40.0, 1)
    assert [a["engine"], b["engine"], c["engine"], headline["engine"]] == [
        "frame", "reference", "frame", "frame"
    ]  # fmt: skip
    assert (b["latest"], b["latest_period"]) == (4.0, "2016Q2")
    # Every row used or set aside: 7 used, the 2025 figure and the empty cell set aside.
    aside = {r["reason"]: r["rows"] for r in _to_rows(found.set_aside)}
    assert sum(r["observations"] for r in table.values()) + sum(aside.values()) == len(rows)
    assert sorted(aside.values()) == [1, 1]
    # The card says the same.
    card = gf.evaluate(framework, gf.observations_from_records(records), as_of="2024")
    result = card.indicator("x")
    assert {g.label: g.series[-1].value for g in result.groups} == {"A": 9.5, "B": 4.0, "C": 2500.0}


@pytest.mark.parametrize("backend", engines("pandas", "polars", "pyarrow", "duckdb"))
def test_milestones_with_a_declared_baseline_in_the_frame(backend: str) -> None:
    """Milestones 60 by 2018 and 70 by 2020 from a baseline of 50 in 2016, assessed in 2024.

    The headline's own 2016 figure is 55, not the declared 50 (a mismatch); both milestones
    missed (58, 65), and from the baseline's 50 to 2020's 65 it moved towards the target
    (from its first figure, 2015's 70, it would have moved away). Its 2015 flag is before the
    baseline: no caveat. Region A's own baseline is its 55, a peak between 40 and 45; it met
    both. Region B has no 2016 figure: not assessable, as on the card.
    """
    pytest.importorskip(backend)
    spec = {
        "id": "t", "title": "T",
        "objectives": [{"id": "o", "statement": "O", "indicators": ["x"]}],
        "indicators": [
            {"id": "x", "name": "X", "unit": "kg", "direction": "increase", "by": ["region"],
             "target": {"type": "milestones", "milestones": {2018: 60, 2020: 70},
                        "baseline": {"value": 50, "period": 2016}}},
        ],
    }  # fmt: skip
    framework = gf.compile_framework(FrameworkSpec.model_validate(spec))
    figures = {
        None: {2015: 70.0, 2016: 55.0, 2017: 45.0, 2018: 58.0, 2020: 65.0},
        "A": {2015: 40.0, 2016: 55.0, 2017: 45.0, 2018: 61.0, 2020: 71.0},
        "B": {2017: 50.0, 2018: 62.0, 2020: 72.0},
    }
    records = [
        {"indicator": "x", "region": region, "period": year, "value": value, "unit": "kg",
         "flag": "provisional" if (region, year) == (None, 2015) else None}
        for region, series in figures.items() for year, value in series.items()
    ]  # fmt: skip
    found = gf.evaluate_frame(framework, _native(records, backend), as_of="2024")
    table = {r["region"] or "": r for r in _to_rows(found.results)}
    assert {r["engine"] for r in table.values()} == {"frame"}
    headline, a, b = table[""], table["A"], table["B"]
    assert (headline["status"], headline["label"]) == (
        "missed", "missed, moved towards the target (0 of 2 met)"
    )  # fmt: skip
    assert headline["caveats"] == "baseline-mismatch"
    assert (headline["baseline"], headline["baseline_period"]) == (50.0, "2016")
    assert (a["status"], a["label"], a["caveats"]) == (
        "achieved",
        "met (2 of 2)",
        "baseline-extreme",
    )
    assert (a["baseline"], a["baseline_period"]) == (55.0, "2016")
    assert (b["status"], b["label"], b["caveats"] or "") == ("not_assessable", "not_assessable", "")
    assert _none(b["baseline"]) is None and _none(b["baseline_period"]) is None and not b["final"]
    # The card says the same.
    card = gf.evaluate(framework, gf.observations_from_records(records), as_of="2024")
    result = card.indicator("x")
    assert result.assessment.label == headline["label"]
    assert {c.code for c in result.assessment.caveats} == {"baseline-mismatch"}
    by_label = {g.label: g.assessment for g in result.groups}
    assert (by_label["A"].label, by_label["B"].status.value) == ("met (2 of 2)", "not_assessable")
    assert {c.code for c in by_label["A"].caveats} == {"baseline-extreme"}
