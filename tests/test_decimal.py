"""Decimal commas: CSV files saved by spreadsheets set to Dutch (``;`` and ``27,4``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import goalframe as gf
from goalframe.cli import app
from goalframe.errors import UsageError

EXAMPLE = Path(__file__).parent.parent / "examples" / "nl-drug-policy"
ENV = {"SOURCE_DATE_EPOCH": "1795824000", "NO_COLOR": "1"}


def _values(path: Path, **options: str) -> list[float]:
    return [o.value for o in gf.load_observations(path, **options).observations]  # type: ignore[arg-type]


def _write(tmp_path: Path, *values: str, name: str = "obs.csv") -> Path:
    path = tmp_path / name
    rows = "".join(f"n;{2000 + i};{v};count\n" for i, v in enumerate(values))
    path.write_text("indicator;period;value;unit\n" + rows, encoding="utf-8")
    return path


def test_decimal_commas_and_grouped_thousands(tmp_path: Path) -> None:
    # 27,4 says "decimal comma", so 1.234,5 is 1234.5 and 1.234 is 1234 (points group).
    path = _write(tmp_path, "27,4", "1.234,5", "1.234", "-0,25", "3")
    assert _values(path) == [27.4, 1234.5, 1234.0, -0.25, 3.0]


def test_decimal_points_in_a_semicolon_file(tmp_path: Path) -> None:
    assert _values(_write(tmp_path, "27.4", "0.125", "3")) == [27.4, 0.125, 3.0]


def test_an_ambiguous_file_shows_both_readings(tmp_path: Path) -> None:
    path = _write(tmp_path, "1.234", "3")
    with pytest.raises(gf.DataError) as caught:
        gf.load_observations(path)
    assert str(caught.value) == (
        f"{path}:2: value '1.234' reads as 1.234 with a decimal point, or as 1234 with a "
        "decimal comma (points grouping thousands), and no other value says which; give "
        "--decimal . or --decimal , (decimal= in Python)"
    )
    assert _values(path, decimal=",") == [1234.0, 3.0]
    assert _values(path, decimal=".") == [1.234, 3.0]


def test_a_file_mixing_both_is_refused_with_both_cells(tmp_path: Path) -> None:
    path = _write(tmp_path, "27,4", "3.5")
    with pytest.raises(gf.DataError, match=r"obs.csv:3: the values mix a decimal comma \(line 2"):
        gf.load_observations(path)


def test_a_comma_file_keeps_decimal_points(tmp_path: Path) -> None:
    # In a ','-separated file a decimal comma would need quotes; the point is the rule, and a
    # quoted "1,5" is an error unless --decimal , says so.
    path = tmp_path / "obs.csv"
    path.write_text('indicator,period,value,unit\nn,2020,"1,5",count\n', encoding="utf-8")
    with pytest.raises(gf.DataError, match="column 'value'"):
        gf.load_observations(path)
    assert _values(path, decimal=",") == [1.5]


def test_a_wrong_decimal_argument_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="decimal must be"):
        gf.load_observations(_write(tmp_path, "1"), decimal=";")


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda x: round(x, 3)))
def test_a_comma_file_reads_the_numbers_a_point_file_does(value: float) -> None:
    import tempfile

    text = f"{value:.3f}"
    with tempfile.TemporaryDirectory() as folder:
        point = _write(Path(folder), text, "0.5", name="point.csv")
        comma = _write(Path(folder), text.replace(".", ","), "0,5", name="comma.csv")
        assert _values(point) == _values(comma)


def _dutch_copy(tmp_path: Path) -> Path:
    """The bundled observations as a spreadsheet set to Dutch saves them."""
    with (EXAMPLE / "observations.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    where = rows[0].index("value")
    path = tmp_path / "waarnemingen.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(rows[0])
        for row in rows[1:]:
            row[where] = row[where].replace(".", ",")
            writer.writerow(row)
    return path


def test_the_dutch_spreadsheet_csv_gives_the_same_card(tmp_path: Path) -> None:
    dutch = _dutch_copy(tmp_path)
    assert ";416,5;" in dutch.read_text(encoding="utf-8")  # a real decimal comma in it

    def card(data: Path) -> dict[str, object]:
        ended = CliRunner().invoke(
            app,
            ["scorecard", str(EXAMPLE / "goals.yaml"), "-d", str(data), "-f", "json"],
            env=ENV,
        )
        assert ended.exit_code == 0, ended.output
        out = json.loads(ended.stdout)
        for row in out["set_aside"]:
            row["location"] = row["location"].rsplit(":", 1)[-1]  # the line, not the file
        out.pop("sources")
        return out

    tidy = card(EXAMPLE / "observations.csv")
    assert card(dutch) == tidy
    assert any(i["status"] != "not_assessable" for i in tidy["indicators"])  # type: ignore[index, union-attr]


def test_the_command_line_says_which_with_decimal(tmp_path: Path) -> None:
    goals = tmp_path / "goals.yaml"
    goals.write_text(
        "id: x\ntitle: T\nobjectives: [{id: o, statement: S, indicators: [n]}]\n"
        "indicators: [{id: n, name: N, unit: count, direction: increase}]\n",
        encoding="utf-8",
    )
    data = _write(tmp_path, "1.234", "2.345")
    args = ["scorecard", str(goals), "-d", str(data), "-f", "json"]
    ended = CliRunner().invoke(app, args, env=ENV)
    assert ended.exit_code == 2
    assert "reads as 1.234 with a decimal point, or as 1234 with a decimal comma" in ended.stderr
    ended = CliRunner().invoke(app, [*args, "--decimal", ","], env=ENV)
    assert ended.exit_code == 0, ended.output
    latest = json.loads(ended.stdout)["indicators"][0]["latest"]
    assert latest["value"] == 2345.0


def test_a_decimal_point_in_a_decimal_comma_file_is_refused_with_its_line(
    tmp_path: Path,
) -> None:
    # Found (issue 29, point 5): with --decimal , the cell 1.500 read as 1500 and the cell
    # 1.50 as 1.5, in the same file: a point that cannot group thousands is now refused.
    data = tmp_path / "data.csv"
    data.write_text(
        "indicator;period;value;unit\nx;2015;1.500;kg\nx;2016;1.50;kg\nx;2017;2,5;kg\n",
        encoding="utf-8",
    )
    with pytest.raises(gf.DataError) as raised:
        gf.load_observations(data, decimal=",")
    said = str(raised.value)
    assert "data.csv:3: value '1.50' has a decimal point" in said
    assert ":2:" not in said and ":4:" not in said  # 1.500 groups thousands; 2,5 is a comma
    data.write_text(
        "indicator;period;value;unit\nx;2015;1.500;kg\nx;2017;2,5;kg\n", encoding="utf-8"
    )
    values = [o.value for o in gf.load_observations(data, decimal=",").observations]
    assert values == [1500.0, 2.5]
