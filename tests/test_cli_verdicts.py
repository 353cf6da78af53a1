"""`goalframe verdicts`: the columnar engine from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ._profile import examples
from .conftest import EXAMPLE
from .test_cli import Write, run

pl = pytest.importorskip("polars")

REGIONAL = EXAMPLE / "goals-regional.yaml"
DATA = EXAMPLE / "observations.csv"


def _table(text: str) -> list[dict[str, object]]:
    return pl.read_csv(io.StringIO(text), infer_schema_length=0).to_dicts()


def test_the_regional_example_as_a_table_of_verdicts_like_the_card() -> None:
    code, out, err = run("verdicts", REGIONAL, "--data", DATA, "--as-of", "2026-11-28")
    assert code == 0, err
    rows = _table(out)
    # The headline and the eleven police units, each with its verdict.
    assert len(rows) == 12
    assert sorted(r["role"] for r in rows) == ["group"] * 11 + ["headline"]
    # The national count's 2021 break (a new source) sends the headline to the reference
    # path; the police units' series (2016-2020) have a frame form.
    assert {(r["role"], r["engine"]) for r in rows} == {
        ("group", "frame"),
        ("headline", "reference"),
    }
    # The same verdicts as the JSON card of the same files.
    code, card_text, _ = run(
        "scorecard", REGIONAL, "--data", DATA, "--as-of", "2026-11-28", "--format", "json"
    )
    card = json.loads(card_text)
    indicator = card["indicators"][0]
    by_region = {g["group"]["region"]: g["status"] for g in indicator["groups"]}
    for row in rows:
        if row["role"] == "group":
            assert row["status"] == by_region[row["region"]], row["region"]
        else:
            assert row["status"] == indicator["status"]
    rotterdam = next(r for r in rows if r["region"] == "Rotterdam")
    assert rotterdam["status"] == "achieved"
    # 576 in 2019 plus 5 %: 604.8; Rotterdam's 636 in 2020 meets it.
    assert float(rotterdam["target"]) == pytest.approx(604.8)
    assert float(rotterdam["latest"]) == 636.0


def test_every_row_is_used_or_counted_as_set_aside(tmp_path: Path) -> None:
    aside = tmp_path / "aside.csv"
    code, out, err = run("verdicts", REGIONAL, "--data", DATA, "--set-aside", aside)
    assert code == 0, err
    used = sum(int(r["observations"]) for r in _table(out))
    counted = pl.read_csv(aside)
    set_aside = int(counted["rows"].sum())
    data_rows = len(DATA.read_text(encoding="utf-8").splitlines()) - 1
    assert used + set_aside == data_rows
    # Standard error says so too, with the reasons.
    assert f"{used} rows used, {set_aside} rows set aside" in err
    assert "set aside: no such indicator in the goal file" in err


def test_parquet_out_is_the_csv_in_full_precision(tmp_path: Path) -> None:
    target = tmp_path / "verdicts.parquet"
    code, _, err = run("verdicts", REGIONAL, "--data", DATA, "-o", target, "--as-of", "2026")
    assert code == 0, err
    frame = pl.read_parquet(target)
    code, out, _ = run("verdicts", REGIONAL, "--data", DATA, "--as-of", "2026")
    text = pl.read_csv(io.StringIO(out))
    assert frame.height == text.height == 12
    # CSV rounds computed shares to six decimals, as the scorecard's CSV; Parquet does not.
    for full, rounded in zip(frame["progress"], text["progress"], strict=True):
        assert rounded == pytest.approx(full, abs=5e-7)
    assert any(round(v, 6) != v for v in frame["progress"] if v is not None)


def test_parquet_in(tmp_path: Path) -> None:
    source = tmp_path / "obs.parquet"
    pl.read_csv(DATA, infer_schema_length=0).with_columns(
        pl.col("value").cast(pl.Float64)
    ).write_parquet(source)
    code, out, err = run("verdicts", REGIONAL, "--data", source, "--as-of", "2026")
    assert code == 0, err
    code, from_csv, _ = run("verdicts", REGIONAL, "--data", DATA, "--as-of", "2026")
    key = ["indicator", "role", "region"]
    assert (
        pl.read_csv(io.StringIO(out)).sort(key).equals(pl.read_csv(io.StringIO(from_csv)).sort(key))
    )


def test_text_that_reads_as_a_formula_is_quoted_in_csv(write: Write) -> None:
    goals = write(
        "goals.yaml",
        """
        id: f
        title: F
        objectives: [{id: o, statement: O, indicators: [x]}]
        indicators:
          - id: x
            name: X
            unit: case
            direction: increase
            by: [region]
            target: {baseline: {value: 10, period: 2020}, value: 20, deadline: 2030}
        """,
    )
    data = write(
        "obs.csv",
        """
        indicator,region,period,value,unit
        x,=HYPERLINK("http://x"),2020,10,case
        x,=HYPERLINK("http://x"),2022,12,case
        """,
    )
    code, out, err = run("verdicts", goals, "--data", data, "--as-of", "2024")
    assert code == 0, err
    assert "'=HYPERLINK" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-o", "out.json"], "write the verdicts to a .csv or .parquet file"),
        (["-o", "obs.csv"], "would overwrite the input"),
        (["--as-of", "someday"], "--as-of"),
        (["-m", "nonsense"], "nonsense"),
    ],
)
def test_bad_usage_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "obs.csv").write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("verdicts", REGIONAL, "--data", "obs.csv", *args)
    assert code == 2
    assert expected in err
    assert (tmp_path / "obs.csv").read_text(encoding="utf-8") == DATA.read_text(encoding="utf-8")


def test_a_value_the_engine_cannot_read_names_the_file_and_the_way_out(write: Write) -> None:
    data = write(
        "obs.csv",
        """
        indicator,region,period,value,unit
        cannabis_plantations_dismantled,NL,2019,"3.635,0",plantation
        """,
    )
    code, _, err = run("verdicts", REGIONAL, "--data", data)
    assert code == 2
    assert "obs.csv:2: column 'value': value '3.635,0' is not a number" in err
    assert "goalframe scorecard --decimal ," in err  # the way out
    assert "Traceback" not in err


def test_a_missing_file_or_column(write: Write) -> None:
    code, _, err = run("verdicts", REGIONAL, "--data", "no-such.csv")
    assert code == 2 and "no such file" in err
    data = write("obs.csv", "indicator,period,unit\nx,2020,case\n")
    code, _, err = run("verdicts", REGIONAL, "--data", data)
    assert code == 2 and "'value'" in err
    # The CSV reader's own header check, with its words and place.
    data = write("twice.csv", "indicator,period,value,value,unit\nx,2020,1,1,case\n")
    code, _, err = run("verdicts", REGIONAL, "--data", data)
    assert code == 2 and "twice.csv:1: column 'value' appears twice in the header" in err
    data = write("empty.csv", "")
    code, _, err = run("verdicts", REGIONAL, "--data", data)
    assert code == 2 and "the file is empty; it needs a header row" in err


def test_without_polars_pyarrow_reads_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    code, with_polars, _ = run("verdicts", REGIONAL, "--data", DATA, "--as-of", "2026")
    monkeypatch.setitem(sys.modules, "polars", None)  # `import polars` fails
    code, out, err = run("verdicts", REGIONAL, "--data", DATA, "--as-of", "2026")
    assert code == 0, err
    assert out.splitlines()[0] == with_polars.splitlines()[0]  # the same columns
    assert sorted(out.splitlines()) == sorted(with_polars.splitlines())


_CELL_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6)


@settings(max_examples=examples(200), deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.none() | st.floats(allow_nan=False, allow_infinity=False),
            st.none() | st.floats(min_value=-1e-3, max_value=1e-3),
            st.none() | _CELL_TEXT,
            st.none() | st.integers(-(2**62), 2**62),
        ),
        max_size=8,
    )
)
def test_polars_writes_the_csv_pythons_writer_writes(
    rows: list[tuple[float | None, float | None, str | None, int | None]],
) -> None:
    """polars writes the verdicts' CSV fast; its bytes are those of Python's `csv` writer.

    Any float (tiny ones are where the two lay numbers out differently), any text (a
    carriage return inside is quoted by both), nulls and empty text.
    """
    import narwhals as nw

    from goalframe.cli._verdicts import _polars_csv, _python_csv

    schema = {"x": pl.Float64, "tiny": pl.Float64, "name": pl.String, "n": pl.Int64}
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    assert _polars_csv(frame) == _python_csv(nw.from_native(frame))


def test_a_carriage_return_in_a_cell_is_quoted_by_pythons_writer() -> None:
    """The pyarrow path's writer quotes a cell with a carriage return, as polars does: bare,
    a reader would end the row there and read two rows."""
    import csv
    import io

    import narwhals as nw
    import pyarrow as pa

    from goalframe.cli._verdicts import _python_csv

    table = pa.table({"area": ["North\rEast", "South", "a,b"], "n": [1, 2, 3]})
    text = _python_csv(nw.from_native(table))
    assert text == 'area,n\n"North\rEast",1\nSouth,2\n"a,b",3\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["area", "n"],
        ["North\rEast", "1"],
        ["South", "2"],
        ["a,b", "3"],
    ]


def test_floats_are_written_as_python_writes_them() -> None:
    from goalframe.cli._verdicts import _float_text

    values = pl.Series([1e-7, 1e-5, 0.0001, None, 2.5, 1e16, -3e-9, -0.0, 123456.75])
    assert _float_text(values).to_list() == [
        "1e-07", "1e-05", "0.0001", None, "2.5", "1e+16", "-3e-09", "-0.0", "123456.75"
    ]  # fmt: skip


def test_every_computed_share_is_rounded_in_csv(write: Write) -> None:
    # The rounded columns were named apart from the table's own names once (`expected` beside
    # `expected_progress`): a share the engine renamed came out unrounded.
    goals = write(
        "goals.yaml",
        """
        id: t
        title: T
        indicators:
          - id: x
            name: X
            unit: kg
            direction: decrease
            target: {baseline: {value: 90, period: 2018}, value: 20, deadline: 2021}
        """,
    )
    # 2019: a third of the time gone, 10/70 = 1/7 of the way made.
    data = write("data.csv", "indicator,period,value,unit\nx,2018,90,kg\nx,2019,80,kg\n")
    code, out, err = run("verdicts", goals, "--data", data, "--as-of", "2020-01-01")
    assert code == 0, err
    (row,) = _table(out)
    assert row["progress"] == "0.142857"
    assert row["expected_progress"] == "0.333333"


def test_a_file_without_the_required_columns_is_named(write: Write) -> None:
    # An Open SDG data file (Year, Value) given to `verdicts`: the engine's message now names
    # the file it read.
    data = write("archived-1-a-1.csv", "Year,Value\n2015,3\n")
    code, _, err = run("verdicts", REGIONAL, "--data", data)
    assert code == 2
    assert err.startswith(f"goalframe: error: {data}: the data frame has no column")
