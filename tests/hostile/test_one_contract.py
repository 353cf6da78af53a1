"""One input contract on both paths (issue 29, point 1): same verdict or the same refusal.

Found: the frame engine (`goalframe verdicts`, `gf.evaluate_frame`) used ``inf``, ``1e300``,
``1e15+1``, int64 values beyond 2^53 and ``1e-400`` (read as 0) where `scorecard` and
`gf.evaluate` refuse the file; an exact duplicate row made a series not assessable on the
engine while the reference path set it aside; ``2015.0`` written as text was a period on one
path and an error on the other.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalframe as gf
from goalframe.errors import DataError
from goalframe.io import parse_framework

from ._helpers import SHARE_GOALS, cli

pl = pytest.importorskip("polars")
nw = pytest.importorskip("narwhals")

GOALS = SHARE_GOALS.format(by="area")
FRAMEWORK = parse_framework(GOALS, name="goals.yaml")
YEARS = [2015, 2018, 2020, 2022]


def frame(values: list[Any], periods: list[Any] | None = None) -> Any:
    periods = periods if periods is not None else YEARS[: len(values)]
    return pl.DataFrame(
        {
            "indicator": ["share"] * len(values),
            "area": ["north"] * len(values),
            "period": periods,
            "value": values,
            "unit": ["percent"] * len(values),
        },
        strict=False,
    )


def both(data: Any) -> tuple[str, str]:
    """Each path's answer: the group's status, or ``refused``."""
    answers = []
    for path in ("reference", "engine"):
        try:
            if path == "reference":
                card = gf.evaluate(FRAMEWORK, data, as_of=2024)
                answers.append(card.indicators[0].groups[0].status.value)
            else:
                found = gf.evaluate_frame(FRAMEWORK, data, as_of=2024)
                answers.append(nw.from_native(found.results)["status"].to_list()[0])
        except DataError:
            answers.append("refused")
    return answers[0], answers[1]


@pytest.mark.parametrize("hostile", [math.inf, -math.inf, 1e300, 1e15 + 1, -2e15, 2**60], ids=repr)
@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_a_value_out_of_range_is_refused_on_both_paths(hostile: float, engine: str) -> None:
    data = frame([50, 52, hostile, 55])
    native = data.to_pandas() if engine == "pandas" else data
    with pytest.raises(DataError, match=r"share.*2020|2020.*share|<frame>:3"):
        gf.evaluate(FRAMEWORK, native, as_of=2024)
    with pytest.raises(DataError, match="period '2020'") as raised:
        gf.evaluate_frame(FRAMEWORK, native, as_of=2024)
    assert "1 value(s) goalframe does not read" in str(raised.value)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
            st.sampled_from([math.inf, -math.inf, 1e300, 1e15 + 1, 2e15, 1e15]),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_differential_same_verdict_or_same_refusal(values: list[float]) -> None:
    reference, engine = both(frame(values))
    assert reference == engine, (values, reference, engine)


def test_a_whole_float_period_is_a_year_and_text_2015_0_is_refused_on_both() -> None:
    # the path 50 (2015) -> 60 (2030) expects 50 + 10 * 5/15 = 53.3 in 2020; 55 is above it
    assert both(frame([50.0, 52.0, 55.0], [2015.0, 2018.0, 2020.0])) == ("on_track", "on_track")
    assert both(frame([50.0, 52.0], ["2015.0", "2018"])) == ("refused", "refused")
    assert both(frame([50.0, 52.0], [2015.0, 2018.5])) == ("refused", "refused")


def test_an_exact_duplicate_is_set_aside_on_both_paths_and_the_series_assessed() -> None:
    data = frame([50.0, 53.0, 55.0, 55.0], [2015, 2018, 2020, 2020])
    reference, engine = both(data)
    assert reference == engine != "not_assessable"
    found = gf.evaluate_frame(FRAMEWORK, data, as_of=2024)
    aside = nw.from_native(found.set_aside).rows()
    assert ("share", "duplicate of an earlier row (same value)", 1) in aside
    card = gf.evaluate(FRAMEWORK, data, as_of=2024)
    assert [a.reason for a in card.set_aside] == ["duplicate of <frame>:3 (same value)"]


def test_two_values_for_one_period_are_refused_on_both_paths() -> None:
    data = frame([50.0, 53.0, 55.0, 56.0], [2015, 2018, 2020, 2020])
    assert both(data) == ("refused", "refused")
    with pytest.raises(DataError, match="share 2020 \\(area=north\\) has two different values"):
        gf.evaluate_frame(FRAMEWORK, data, as_of=2024)


CELLS = {
    "abc": "value 'abc' is not a number",
    "1e-400": "value '1e-400' is too small to represent",
    "inf": "value 'inf' is not a finite number",
    "2e15": "value '2e15' is beyond",
    "1_000": "value '1_000'",
}


@pytest.mark.parametrize("cell", sorted(CELLS))
def test_a_csv_cell_is_refused_by_verdicts_as_by_scorecard_with_its_line(
    cell: str, tmp_path: Path
) -> None:
    (tmp_path / "goals.yaml").write_text(GOALS, encoding="utf-8")
    rows = [("2015", "50"), ("2018", "52"), ("2020", cell), ("2022", "55")]
    text = "indicator,area,period,value,unit\n" + "".join(
        f"share,north,{p},{v},percent\n" for p, v in rows
    )
    (tmp_path / "data.csv").write_text(text, encoding="utf-8")
    goals, data = tmp_path / "goals.yaml", tmp_path / "data.csv"
    card = cli("scorecard", goals, "-d", data, "--as-of", "2024")
    table = cli("verdicts", goals, "-d", data, "--as-of", "2024", "-o", "-")
    assert card.code == table.code == 2
    for ended in (card, table):
        assert f"data.csv:4: column 'value': {CELLS[cell]}" in ended.err, ended.err


@pytest.mark.parametrize("cell", ["1e-400", "inf", "nan", "Infinity"])
def test_the_pyarrow_reader_holds_cells_to_the_same_rule(cell: str, tmp_path: Path) -> None:
    from goalframe.io._load_observations import _scan_pyarrow

    data = tmp_path / "data.csv"
    data.write_text(
        f"indicator,period,value,unit\nshare,2020,0,percent\nshare,2021,{cell},percent\n"
    )
    with pytest.raises(DataError, match=f"data.csv:3: column 'value': value '{cell}'"):
        _scan_pyarrow(data, parquet=False)
    data.write_text("indicator,period,value,unit\nshare,2020,0,percent\nshare,2021, 5 ,percent\n")
    assert _scan_pyarrow(data, parquet=False).column("value").to_pylist() == [0.0, 5.0]
