"""The frame engine's behaviour: backends in and out, the reference fallback, rows set aside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import goalframe as gf
from goalframe.schema import FrameworkSpec

from .._profile import engines
from ._compare import SMALL, _framework_of, _native, _one, _to_rows
from .strategies import ROOT, _framework


def test_the_regional_example_on_a_pandas_frame_from_read_csv() -> None:
    pd = pytest.importorskip("pandas")
    folder = ROOT / "examples" / "nl-drug-policy"
    framework = gf.load_framework(folder / "goals-regional.yaml")
    frame = pd.read_csv(folder / "observations.csv")  # empty cells are NaN
    found = gf.evaluate_frame(framework, frame, as_of="2026")
    table = found.results.set_index("region")
    # Rotterdam: 576 in 2019, target 604.8, 636 in 2020: achieved at the deadline.
    assert table.loc["Rotterdam", "status"] == "achieved"
    assert table.loc["Rotterdam", "target"] == pytest.approx(604.8)
    assert table.loc["Amsterdam", "label"] == "missed, moved away"
    # The police units (2016-2020) have a frame form; the national count's 2021 break (a
    # new source) sends the headline to the reference path.
    assert dict(table.groupby("role")["engine"].unique().map(list)) == {
        "group": ["frame"],
        "headline": ["reference"],
    }
    assert len(table) == 12  # the national headline and eleven police units
    # The same frame gives the same card through gf.evaluate (NaN cells are blank cells).
    card = gf.evaluate(framework, frame, as_of="2026")
    rotterdam = next(
        g
        for g in card.indicator("cannabis_plantations_dismantled").groups
        if g.label == "Rotterdam"
    )
    assert rotterdam.status.value == "achieved"
    aside = found.set_aside.set_index("indicator")["rows"]
    assert aside["opium_act_suspects"] == 2  # not in the regional goal file: reported


def test_the_bundled_example_in_the_frame_engine() -> None:
    pd = pytest.importorskip("pandas")
    folder = ROOT / "examples" / "nl-drug-policy"
    framework = gf.load_framework(folder / "goals.yaml")
    frame = pd.read_csv(folder / "observations.csv")
    found = gf.evaluate_frame(framework, frame, as_of="2026-11-28").results
    card = gf.evaluate(framework, gf.load_observations(folder / "observations.csv"))
    for result in card.indicators:
        if not result.series:
            continue
        rows = found[(found["indicator"] == result.id) & (found["role"] == "headline")]
        row = rows[rows["target_role"] == "in force"]
        assert len(row) == 1, result.id
        assert row["status"].iloc[0] == result.status.value, result.id
        # Every earlier target that was due has a row too, with its final verdict.
        earlier = {
            k: (t.assessment.status.value, t.goal.provenance or "unstated")
            for k, t in enumerate(result.targets)
            if t.role == "earlier"
        }
        found_earlier = rows[rows["target_role"] == "earlier"]
        said = found_earlier[["target_index", "status", "provenance"]].itertuples(index=False)
        assert {int(k): (s, p) for k, s, p in said} == earlier, result.id
    # The networks tackled: norms of 950 (2015-2018) and 1,370 (2019-2022), then 1,530
    # (2023-2026) in force; the two earlier ones are over: three rows.
    networks = found[found["indicator"] == "criminal_networks_tackled"]
    assert sorted(networks["target_index"]) == [0, 1, 2]
    assert list(networks.sort_values("target_index")["target_role"]) == [
        "earlier",
        "earlier",
        "in force",
    ]
    # Every target of the example has a frame form: paths, norms in turn (the one in
    # force decides), milestones, and indicators without a target; the cannabis count's
    # 2021 break (a new source) sends that series to the reference path.
    engines = dict(zip(found["indicator"], found["engine"], strict=True))
    assert {i for i, e in engines.items() if e != "frame"} == {"cannabis_plantations_dismantled"}


def test_a_progress_bar_while_series_are_assessed_one_by_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pd = pytest.importorskip("pandas")
    folder = ROOT / "examples" / "nl-drug-policy"
    framework = gf.load_framework(folder / "goals-regional.yaml")
    frame = pd.read_csv(folder / "observations.csv")
    # A break in the police units' series: those go to the reference path.
    frame.loc[frame["region"] != "NL", "flag"] = "break"
    quiet = gf.evaluate_frame(framework, frame, as_of="2026-11-28")  # not a terminal: no bar
    assert capsys.readouterr().err == ""
    shown = gf.evaluate_frame(framework, frame, as_of="2026-11-28", progress=True)
    err = capsys.readouterr().err
    fallback = quiet.results[quiet.results["engine"] == "reference"]
    assert len(fallback) > 0
    # The bar counts the series without a frame form and ends full.
    assert f"{len(fallback)} series without a frame form, one by one" in err
    assert f"{len(fallback)}/{len(fallback)}" in err
    assert shown.results.equals(quiet.results)
    gf.evaluate_frame(framework, frame, as_of="2026-11-28", progress=False)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("backend", engines("pyarrow", "polars", "duckdb"))
def test_no_indicator_with_a_frame_form(backend: str) -> None:
    # Every series through the reference path (a running total whose span is over, the
    # forecast's Theil-Sen model): pyarrow once refused the empty list of frame-form
    # indicators (found by the differential test).
    pytest.importorskip(backend)
    target = {"baseline": {"value": 100, "period": 2015}, "value": 150, "deadline": 2030}
    spec = {
        "id": "t", "title": "T",
        "objectives": [{"id": "o", "statement": "O", "indicators": ["m", "f"]}],
        "indicators": [
            {"id": "m", "name": "M", "unit": "kg", "direction": "increase", "by": ["region"],
             "target": {"type": "cumulative", "value": 500,
                        "period": {"start": 2015, "end": 2020}}},
            {"id": "f", "name": "F", "unit": "kg", "direction": "increase", "by": ["region"],
             "method": "forecast", "options": {"model": "theil-sen"}, "target": target},
        ],
    }  # fmt: skip
    framework = gf.compile_framework(FrameworkSpec.model_validate(spec))
    records = [
        {"indicator": i, "region": r, "period": y, "value": 100.0 + 3 * (y - 2015) + k,
         "unit": "kg", "flag": None}
        for i in ("m", "f") for k, r in enumerate([None, "A", "B"]) for y in range(2015, 2024)
    ]  # fmt: skip
    found = gf.evaluate_frame(framework, _native(records, backend), as_of="2026-11-28")
    rows = _to_rows(found.results)
    assert len(rows) == 6 and {r["engine"] for r in rows} == {"reference"}
    card = gf.evaluate(framework, gf.observations_from_records(records), as_of="2026-11-28")
    statuses = {r["indicator"]: r["status"] for r in rows if r["role"] == "headline"}
    for result in card.indicators:
        assert statuses[result.id] == result.status.value, result.id


def test_lazy_in_lazy_out() -> None:
    pl = pytest.importorskip("polars")
    folder = ROOT / "examples" / "nl-drug-policy"
    framework = gf.load_framework(folder / "goals-regional.yaml")
    lazy = pl.scan_csv(folder / "observations.csv")
    found = gf.evaluate_frame(framework, lazy, as_of="2026")
    assert isinstance(found.results, pl.LazyFrame)
    assert found.results.collect().height == 12


def test_a_frame_without_a_value_column_is_a_clear_error() -> None:
    pd = pytest.importorskip("pandas")
    framework = gf.load_framework(ROOT / "examples" / "nl-drug-policy" / "goals-regional.yaml")
    frame = pd.DataFrame({"indicator": ["x"], "period": [2020], "unit": ["kg"]})
    with pytest.raises(gf.DataError, match="no column 'value'"):
        gf.evaluate_frame(framework, frame)
    text = pd.DataFrame({"indicator": ["x"], "period": [2020], "unit": ["kg"], "value": ["1,5"]})
    with pytest.raises(gf.DataError, match="not numbers"):
        gf.evaluate_frame(framework, text)


def test_a_card_as_a_frame_matches_the_frame_evaluation() -> None:
    pd = pytest.importorskip("pandas")
    folder = ROOT / "examples" / "nl-drug-policy"
    framework = gf.load_framework(folder / "goals-regional.yaml")
    card = gf.evaluate(framework, gf.load_observations(folder / "observations.csv"), as_of=2026)
    mine = card.to_frame().set_index("region")
    theirs = gf.evaluate_frame(framework, pd.read_csv(folder / "observations.csv"), as_of=2026)
    other = theirs.results.set_index("region")
    assert sorted(mine.index) == sorted(other.index)
    columns = ["status", "label", "final", "caveats", "baseline_period", "latest_period"]
    assert (mine.loc[other.index, columns] == other[columns]).all().all()
    for column in ("progress", "expected_progress", "target", "latest"):
        assert mine.loc[other.index, column].tolist() == pytest.approx(other[column].tolist())
    assert set(mine["engine"]) == {"reference"} and set(other["engine"]) == {"frame", "reference"}
    assert type(card.to_frame("polars")).__module__.startswith("polars")


def test_a_parquet_file_reads_as_its_csv(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    folder = ROOT / "examples" / "nl-drug-policy"
    parquet = tmp_path / "observations.parquet"
    pd.read_csv(folder / "observations.csv").to_parquet(parquet)
    framework = gf.load_framework(folder / "goals.yaml")
    from_parquet = gf.evaluate(framework, gf.load_observations(parquet), as_of=2026).to_dict()
    from_csv = gf.evaluate(
        framework, gf.load_observations(folder / "observations.csv"), as_of=2026
    ).to_dict()
    assert from_parquet["indicators"] == from_csv["indicators"]
    assert len(from_parquet["set_aside"]) == len(from_csv["set_aside"]) == 55
    assert from_parquet["set_aside"][0]["location"].endswith("observations.parquet:23")
    broken = tmp_path / "broken.parquet"
    broken.write_text("not parquet", encoding="utf-8")
    with pytest.raises(gf.DataError, match="not a readable Parquet file"):
        gf.load_observations(broken)


def test_a_break_or_a_quarter_sends_that_series_to_the_reference_path() -> None:
    rows = [
        {"indicator": "x", "region": "A", "period": "2016", "value": 12.0, "unit": "kg"},
        {"indicator": "x", "region": "A", "period": "2020", "value": 15.0, "unit": "kg"},
        {"indicator": "x", "region": "B", "period": "2016", "value": 12.0, "unit": "kg"},
        {"indicator": "x", "region": "B", "period": "2018", "value": 9.0, "unit": "kg",
         "flag": "break"},
        {"indicator": "x", "region": "B", "period": "2020", "value": 14.0, "unit": "kg"},
        {"indicator": "x", "region": "C", "period": "2016Q1", "value": 12.0, "unit": "kg"},
        {"indicator": "x", "region": "C", "period": "2016Q2", "value": 13.0, "unit": "kg"},
    ]  # fmt: skip
    table = _one(rows)
    assert table.loc["A", "engine"] == "frame"
    # A year is written as one even when other periods make the year column a float
    # (pandas): 2020, not 2020.0.
    assert table.loc["A", "latest_period"] == "2020"
    assert table.loc["B", "engine"] == "reference"
    assert "series-break" in table.loc["B", "caveats"]
    assert table.loc["C", "engine"] == "reference"
    card = gf.evaluate(_framework_of(rows), gf.observations_from_records(rows), as_of="2024")
    expected = {g.label: g.status.value for g in card.indicator("x").groups}
    assert table["status"].to_dict() == expected


def test_two_values_for_one_year_are_refused_as_the_scorecard_refuses_them() -> None:
    rows = [
        {"indicator": "x", "region": "A", "period": 2016, "value": 12.0, "unit": "kg"},
        {"indicator": "x", "region": "A", "period": 2016, "value": 13.0, "unit": "kg"},
        {"indicator": "x", "region": "A", "period": 2020, "value": 15.0, "unit": "kg"},
    ]
    with pytest.raises(gf.DataError, match="x 2016 \\(region=A\\) has two different values"):
        _one(rows)
    # The scorecard route refuses the same rows, naming them.
    with pytest.raises(gf.DataError, match="two different values"):
        gf.evaluate(_framework_of(rows), gf.observations_from_records(rows), as_of="2024")


def test_a_lazy_frame_s_repeated_year_gives_no_verdict_and_says_why() -> None:
    # A lazy frame is not read twice to find which rows repeat: the series is not assessed,
    # with the caveat (docs/how-to/frames.md says so).
    pl = pytest.importorskip("polars")
    rows = [
        {"indicator": "x", "region": "A", "period": 2016, "value": 12.0, "unit": "kg"},
        {"indicator": "x", "region": "A", "period": 2016, "value": 12.0, "unit": "kg"},
        {"indicator": "x", "region": "A", "period": 2020, "value": 15.0, "unit": "kg"},
    ]
    found = gf.evaluate_frame(_framework_of(rows), pl.LazyFrame(rows), as_of="2024")
    table = found.results.collect()
    assert table["status"].to_list() == ["not_assessable"]
    assert table["caveats"].to_list() == ["duplicate-periods"]


@pytest.mark.parametrize("backend", engines("polars-lazy", "pyarrow", "duckdb"))
def test_the_reference_fallback_comes_back_in_the_callers_backend(backend: str) -> None:
    pl = pytest.importorskip("polars")
    folder = ROOT / "examples" / "nl-drug-policy"
    # A break in the police units' series sends them to the reference path; without the
    # national count's 2021 break, the headline has a frame form.
    broken = (
        pl.when(pl.col("region") != "NL")
        .then(pl.lit("break"))
        .when(pl.col("flag") == "break")
        .then(pl.lit(None))
        .otherwise(pl.col("flag"))
    )
    table = pl.read_csv(folder / "observations.csv").with_columns(flag=broken).to_arrow()
    native: Any = {
        "polars-lazy": lambda: pl.from_arrow(table).lazy(),  # type: ignore[union-attr]
        "pyarrow": lambda: table,
        "duckdb": lambda: pytest.importorskip("duckdb").from_arrow(table),
    }[backend]()
    framework = gf.load_framework(folder / "goals-regional.yaml")
    found = gf.evaluate_frame(framework, native, as_of="2026-11-28")
    rows = _to_rows(found.results)
    assert type(found.results).__module__.split(".")[0] == type(native).__module__.split(".")[0]
    assert {r["engine"] for r in rows} == {"frame", "reference"}
    assert len(rows) == 12  # the headline and the eleven police units


@pytest.mark.parametrize("backend", engines("pandas", "polars-lazy", "pyarrow", "duckdb"))
@pytest.mark.parametrize("as_of", ["2017", "2020", "2026"])
def test_every_row_of_the_frame_is_used_or_counted_as_set_aside(backend: str, as_of: str) -> None:
    # The frame form, the reference fallback and the rows neither reads: nothing is lost,
    # whatever the assessment date cuts off (rows after it are set aside, with the reason).
    pl = pytest.importorskip("polars")
    folder = ROOT / "examples" / "nl-drug-policy"
    # A break in the police units' series sends them to the reference path.
    broken = pl.when(pl.col("region") != "NL").then(pl.lit("break")).otherwise(pl.col("flag"))
    table = pl.read_csv(folder / "observations.csv").with_columns(flag=broken).to_arrow()
    native: Any = {
        "pandas": lambda: table.to_pandas(),
        "polars-lazy": lambda: pl.from_arrow(table).lazy(),  # type: ignore[union-attr]
        "pyarrow": lambda: table,
        "duckdb": lambda: pytest.importorskip("duckdb").from_arrow(table),
    }[backend]()
    found = gf.evaluate_frame(gf.load_framework(folder / "goals.yaml"), native, as_of=as_of)
    used = sum(r["observations"] for r in _to_rows(found.results) if r["target_role"] == "in force")
    aside = sum(r["rows"] for r in _to_rows(found.set_aside))
    assert used + aside == table.num_rows == 111


@pytest.mark.parametrize("backend", engines("pandas", "polars", "pyarrow", "duckdb"))
def test_a_revised_figure_sends_its_series_to_the_reference_path(backend: str) -> None:
    """Two releases of one year: the latest is read, the earlier set aside, the figure flagged.

    Region A's 2019 was published in 2020 (12) and again in 2021 (13): the reference path
    reads 13 and says the earlier release was replaced. Region B has one release of each
    year: the frame form reads it, its release column notwithstanding.
    """
    pytest.importorskip(backend)
    rows = [
        ("A", 2016, 10.0, "2017"), ("A", 2019, 12.0, "2020"), ("A", 2019, 13.0, "2021"),
        ("B", 2016, 10.0, "2017"), ("B", 2020, 11.0, "2021"),
    ]  # fmt: skip
    records = [
        {"indicator": "x", "region": r, "period": y, "value": v, "unit": "kg", "flag": None,
         "vintage": vintage}
        for r, y, v, vintage in rows
    ]  # fmt: skip
    framework = _framework(SMALL)
    found = gf.evaluate_frame(framework, _native(records, backend), as_of="2024")
    table = {r["region"]: r for r in _to_rows(found.results)}
    a, b = table["A"], table["B"]
    assert (a["engine"], b["engine"]) == ("reference", "frame")
    assert (a["latest"], a["observations"]) == (13.0, 2)
    assert "flagged-values" in a["caveats"]  # the revised figure
    aside = {r["reason"]: r["rows"] for r in _to_rows(found.set_aside)}
    assert aside == {"an earlier release (2020), replaced by the release of 2021": 1}
    # Every row used or set aside.
    assert a["observations"] + b["observations"] + sum(aside.values()) == len(rows)
    card = gf.evaluate(framework, gf.observations_from_records(records), as_of="2024")
    statuses = {g.label: g.status.value for g in card.indicator("x").groups}
    assert statuses == {"A": a["status"], "B": b["status"]}
