"""Observations from a pandas data frame read the same as the CSV file it was read from.

The route documented in "Load observations": ``gf.observations_from_records(
frame.to_dict("records"))``. pandas writes an empty cell as NaN (or pd.NA with nullable
types), reads a period column with a gap as floats, and hands out numpy scalars; each must read
exactly as the CSV reader reads the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import goalframe as gf
from goalframe import Status

pd = pytest.importorskip("pandas")  # in the test extras: runs in CI

EXAMPLE = Path(__file__).parent.parent / "examples" / "nl-drug-policy"

CSV = """\
indicator,region,period,value,unit,flag,note
n,,2020,1,count,,
n,,2021,,count,,a gap
n,,2022,3.5,count,revised,revised in 2023
n,North,2022,2,count,,
n,South,2022,4,count,approx,
"""


def _read(observations: gf.ObservationSet) -> tuple[list[object], list[str]]:
    used = [
        (str(o.period), o.value, o.breakdown, sorted(o.flags), o.note)
        for o in observations.observations
    ]
    return used, [s.reason for s in observations.set_aside]


def test_a_read_csv_frame_with_empty_cells_reads_like_the_file(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text(CSV, encoding="utf-8")
    frame = pd.read_csv(path)
    # pandas made NaN of every empty cell: region, value, flag and note.
    assert frame["region"].isna().sum() == 3 and frame["value"].isna().sum() == 1
    from_frame = gf.observations_from_records(frame.to_dict("records"))
    from_file = gf.load_observations(path)
    assert _read(from_frame) == _read(from_file)
    used, set_aside = _read(from_frame)
    # The blank region is the total, not a region called "nan"; the empty value set aside.
    assert [u for u in used if u[2] == ()] == [
        ("2020", 1.0, (), [], None),
        ("2022", 3.5, (), ["revised"], "revised in 2023"),
    ]
    assert set_aside == ["no value (empty cell)"]


def test_nullable_types_and_a_period_column_with_a_gap(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text(CSV, encoding="utf-8")
    frame = pd.read_csv(path, dtype={"region": "string", "flag": "string", "note": "string"})
    frame["value"] = frame["value"].astype("Float64")  # pd.NA, not NaN
    assert frame["value"].isna().sum() == 1
    assert _read(gf.observations_from_records(frame.to_dict("records"))) == _read(
        gf.load_observations(path)
    )
    # A missing period makes the column float (2020.0): whole years still read as years; the
    # row without a period is an error naming it, as in the file.
    gap = pd.DataFrame(
        {"indicator": ["n", "n"], "period": [2020, None], "value": [1, 2], "unit": ["count"] * 2}
    )
    assert gap["period"].dtype == "float64"
    with pytest.raises(gf.DataError, match=r"<records>:2: column 'period'"):
        gf.observations_from_records(gap.to_dict("records"))
    years = gap.dropna()
    assert [
        str(o.period) for o in gf.observations_from_records(years.to_dict("records")).observations
    ] == ["2020"]


def test_the_bundled_example_from_a_frame_gives_the_same_card() -> None:
    framework = gf.load_framework(EXAMPLE / "goals.yaml")
    from_file = gf.evaluate(framework, gf.load_observations(EXAMPLE / "observations.csv"))
    frame = pd.read_csv(EXAMPLE / "observations.csv")
    from_frame = gf.evaluate(framework, gf.observations_from_records(frame.to_dict("records")))
    statuses = [(r.indicator.id, r.status, r.assessment.value) for r in from_file.indicators]
    assert statuses == [
        (r.indicator.id, r.status, r.assessment.value) for r in from_frame.indicators
    ]
    assert any(s is not Status.NOT_ASSESSABLE for _, s, _ in statuses)
    assert len(from_file.set_aside) == len(from_frame.set_aside)
