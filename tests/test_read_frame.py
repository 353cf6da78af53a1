"""`goalframe.read_frame`: an observations file into a data frame, by the one readers table."""

from __future__ import annotations

from pathlib import Path

import pytest

import goalframe as gf

from .conftest import EXAMPLE

pl = pytest.importorskip("polars")


def test_a_csv_file_reads_as_the_engine_reads_it() -> None:
    frame = gf.read_frame(EXAMPLE / "observations.csv")
    assert isinstance(frame, pl.DataFrame)
    assert {"indicator", "period", "value", "unit"} <= set(frame.columns)
    assert frame.schema["value"] == pl.Float64
    assert frame.schema["period"] == pl.String  # periods stay text: 2022/23, 2020-Q1
    framework = gf.load_framework(EXAMPLE / "goals.yaml")
    card = gf.evaluate(framework, gf.load_observations(EXAMPLE / "observations.csv"), as_of="2026")
    found = gf.evaluate_frame(framework, frame, as_of="2026")
    on_card = {(r.id, r.status.value) for r in card.indicators if r.series}
    assert {(r["indicator"], r["status"]) for r in found.results.to_dicts()} == on_card


def test_a_semicolon_file_with_spaced_upper_case_headers(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text(" Indicator ;PERIOD;Value;Unit\nx;2020;1.5;kg\n", encoding="utf-8")
    frame = gf.read_frame(path)
    assert frame.columns == ["indicator", "period", "value", "unit"]
    assert frame.row(0) == ("x", "2020", 1.5, "kg")


def test_a_spreadsheet_is_refused_with_the_formats_it_reads(tmp_path: Path) -> None:
    # `goalframe verdicts` on an .xlsx said "not UTF-8 text" (byte 10) instead.
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(gf.DataError, match=r"spreadsheet file.*\.parquet, \.pq, \.csv"):
        gf.read_frame(path)


def test_parquet_reads_as_its_csv(tmp_path: Path) -> None:
    csv = gf.read_frame(EXAMPLE / "observations.csv")
    path = tmp_path / "data.parquet"
    csv.write_parquet(path)
    assert gf.read_frame(path).equals(csv)


def test_a_path_is_required() -> None:
    with pytest.raises(gf.GoalframeError, match="read_frame"):
        gf.read_frame(12)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rows", "ragged"),
    [
        ("i,2020,1,kg\ni,2021,2,\n", False),  # an empty last cell is a cell
        ("i,2020,1,kg\n\n   \n", False),  # blank lines are no rows
        ("i,2020\n", True),  # too few cells (polars 1 pads them)
        ('i,2020,"1,kg\n', True),  # an unclosed quote to the end (polars 1.0 reads it)
        ('i,2020,"1\n2",kg\n', False),  # a quoted line break is inside one cell
    ],
)
def test_a_row_of_another_width_is_found(tmp_path: Path, rows: str, ragged: bool) -> None:
    from goalframe.io._load_observations import _ragged

    data = tmp_path / "obs.csv"
    data.write_text("indicator,period,value,unit\n" + rows, encoding="utf-8")
    assert _ragged(data, ",") is ragged


def test_a_polars_that_pads_short_rows_still_reads_empty_last_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a polars that pads short rows, an empty last cell costs a count of widths, no more."""
    pytest.importorskip("polars")
    from goalframe.io import _load_observations as loading

    data = tmp_path / "obs.csv"
    data.write_text("indicator,period,value,unit\ni,2020,1,kg\ni,2021,2,\n", encoding="utf-8")
    expected = loading.read_frame(data).rows()
    monkeypatch.setattr(loading, "_pads_short_rows", lambda: True)
    assert (
        loading.read_frame(data).rows()
        == expected
        == [("i", "2020", 1.0, "kg"), ("i", "2021", 2.0, None)]
    )
