from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import goalframe as gf
from goalframe.errors import DataError, ObservationError

Write = Callable[[str, str], Path]


def test_reads_tidy_csv_with_breakdowns_flags_and_notes(write: Write) -> None:
    path = write(
        "obs.csv",
        """
        Indicator,Region,Period,Value,Unit,Flag,Note
        dumpings,,2018,292,dumping,,
        dumpings,,2019,191,dumping,approx;revised,"a note, with a comma"
        dumpings,Limburg,2019,20,dumping,,
        """,
    )
    obs = gf.load_observations(path)
    assert len(obs) == 3
    first, second, third = obs.observations
    assert (first.indicator, str(first.period), first.value, first.unit) == (
        "dumpings",
        "2018",
        292.0,
        "dumping",
    )
    assert first.breakdown == ()
    assert second.flags == frozenset({"approx", "revised"})
    assert second.note == "a note, with a comma"
    assert third.breakdown == (("region", "Limburg"),)
    assert str(third.location) == f"{path}:4"
    assert obs.indicators == ("dumpings",)


def test_semicolon_csv_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "nl.csv"
    path.write_bytes("\ufeffindicator;period;value;unit\nx;2020;1.5;kg\n".encode())
    obs = gf.load_observations(path)
    assert obs.observations[0].value == 1.5


def test_empty_values_and_exact_duplicates_are_set_aside_with_reasons(write: Write) -> None:
    path = write(
        "obs.csv",
        """
        indicator,period,value,unit
        x,2018,,kg

        x,2019,5,kg
        x,2019,5,kg
        """,
    )
    obs = gf.load_observations(path)
    assert len(obs) == 1
    reasons = [(str(s.location), s.reason) for s in obs.set_aside]
    assert reasons == [
        (f"{path}:2", "no value (empty cell)"),
        (f"{path}:3", "blank line"),  # counted: every row is used or reported
        (f"{path}:5", "duplicate of obs.csv:4 (same value)"),  # file name only: published
    ]
    assert str(obs.set_aside[0]).startswith(f"{path}:2: x 2018: no value")


def test_every_bad_row_is_named_with_its_line(write: Write) -> None:
    path = write(
        "obs.csv",
        """
        indicator,period,value,unit,flag
        x,2016,abc,kg,
        x,2017,nan,kg,
        x,20x,1,kg,
        x,2015,1,kg,
        x,2015,2,kg,
        x,2019,3,,
        x,2020,1,kg,aprox
        ,2021,1,kg,
        x,2022,"1,5",kg,
        x,2023,inf,kg,
        """,
    )
    with pytest.raises(DataError) as info:
        gf.load_observations(path)
    message = str(info.value)
    assert f"{path}: 9 rows cannot be read" in message
    for fragment in [
        f"{path}:2: column 'value': value 'abc' is not a number",
        f"{path}:3: column 'value': value 'nan' is not a finite number",
        f"{path}:4: column 'period': expected a year",
        f"{path}:6: x 2015 has two different values: 1 kg ({path}:5) and 2 kg",
        f"{path}:7: the unit cell is empty",
        f"{path}:8: column 'flag': unknown flag 'aprox'",
        f"{path}:9: the indicator cell is empty",
        f"{path}:10: column 'value': value '1,5' is not a number; write decimals with a point",
        f"{path}:11: column 'value': value 'inf' is not a finite number",
    ]:
        assert fragment in message


def test_many_bad_rows_are_capped(write: Write) -> None:
    rows = "\n".join(f"x,{2000 + i},bad,kg" for i in range(30))
    path = write("obs.csv", "indicator,period,value,unit\n" + rows + "\n")
    with pytest.raises(DataError, match=r"30 rows cannot be read[\s\S]*and 10 more"):
        gf.load_observations(path)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", ": the file is empty"),
        ("indicator,period,value\nx,2020,1\n", ":1: missing column unit"),
        ("indicator,period,value,unit,unit\n", ":1: column 'unit' appears twice"),
        ("indicator,period,value,unit,\n", ":1: column 5 has no name"),
        ("indicator,period,value,unit\nx,2020,1\n", ":2: 3 cells where the header has 4"),
        ('indicator,period,value,unit\nx,2020,"1,kg\n', "not valid CSV"),
    ],
)
def test_malformed_files(write: Write, text: str, fragment: str) -> None:
    path = write("obs.csv", text)
    with pytest.raises(ObservationError) as info:
        gf.load_observations(path)
    assert str(path) in str(info.value)
    assert fragment in str(info.value)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ObservationError, match="check the path"):
        gf.load_observations(tmp_path / "missing.csv")
    with pytest.raises(ObservationError, match="folder"):
        gf.load_observations(tmp_path)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("indicator,period,value,unit\ncaf\xe9,2020,1,kg\n".encode("latin-1"))
    with pytest.raises(ObservationError, match="not UTF-8"):
        gf.load_observations(latin)


def test_records() -> None:
    obs = gf.observations_from_records(
        [
            {"indicator": "x", "period": 2020, "value": 1, "unit": "kg", "region": "NL"},
            {
                "indicator": "x",
                "period": "2021",
                "value": 2.5,
                "unit": "kg",
                "region": "NL",
                "flag": "provisional",
            },
        ]
    )
    assert [o.value for o in obs.observations] == [1.0, 2.5]
    assert obs.observations[1].breakdown == (("region", "NL"),)
    with pytest.raises(ObservationError, match="record 1 is a list"):
        gf.observations_from_records([[1, 2]])  # type: ignore[list-item]
    with pytest.raises(DataError, match="value True is not a number"):
        gf.observations_from_records(
            [{"indicator": "x", "period": 2020, "value": True, "unit": "kg"}]
        )
