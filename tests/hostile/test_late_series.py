"""A series whose every figure is after the assessment date (issue 29, point 7, last finding).

Found: a group whose rows all fall after ``--as-of`` had no row in `goalframe verdicts` (the
engine never saw its rows, the reference path's table skipped a series without figures)
while the card listed it as not assessable, with the wrong reason ("no figure for the
baseline period"). Now it has a row on both paths, not assessable, and the card says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalframe as gf
from goalframe.io import parse_framework

from .._profile import examples
from ..frames._compare import _native as native
from ._helpers import SHARE_GOALS, cli

pl = pytest.importorskip("polars")
nw = pytest.importorskip("narwhals")

FRAMEWORK = parse_framework(SHARE_GOALS.format(by="region"), name="goals.yaml")
LATE = "every figure of this series is for a period not over by the assessment date 2022"


def records(series: dict[str, list[int]]) -> list[dict[str, Any]]:
    """Rows of the share: ``{"": years}`` is the headline, ``{"north": years}`` a group."""
    return [
        {"indicator": "share", "region": area, "period": year, "value": 50.0 + (year - 2015) * 0.7,
         "unit": "percent"}
        for area, years in series.items()
        for year in years
    ]  # fmt: skip


def rows(series: dict[str, list[int]]) -> Any:
    return pl.DataFrame(records(series))


def verdicts(found: Any) -> dict[tuple[str, str], str]:
    table = nw.from_native(found.results)
    table = table.collect() if isinstance(table, nw.LazyFrame) else table
    return {
        (r["role"], r["region"]): r["status"]
        for r in table.iter_rows(named=True)
        if r["target_role"] == "in force"
    }


def card_verdicts(card: gf.Scorecard) -> dict[tuple[str, str], str]:
    table = nw.from_native(card.to_frame(), eager_only=True)
    return {
        (r["role"], r.get("region") or ""): r["status"]
        for r in table.iter_rows(named=True)
        if r["target_role"] == "in force"
    }


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_a_group_of_late_figures_only_has_its_row_on_both_paths(engine: str) -> None:
    data = rows({"": [2015, 2018, 2020], "north": [2015, 2020], "south": [2024, 2025]})
    native = data.to_pandas() if engine == "pandas" else data
    card = gf.evaluate(FRAMEWORK, native, as_of=2022)
    south = next(g for g in card.indicators[0].groups if g.label == "south")
    assert south.status is gf.Status.NOT_ASSESSABLE
    assert south.assessment.reason == LATE  # not "no figure for the baseline period 2015"
    assert south.goal is not None
    assert south.goal.baseline is None  # the headline's baseline is not this series'
    expected = {
        ("headline", ""): "on_track",  # 2020: 53.5 on a path at 50 + 10 * 5/15 = 53.33
        ("group", "north"): "on_track",
        ("group", "south"): "not_assessable",
    }
    assert card_verdicts(card) == expected
    found = gf.evaluate_frame(FRAMEWORK, native, as_of=2022)
    assert verdicts(found) == expected
    aside = nw.from_native(found.set_aside).to_dict(as_series=False)
    assert aside["rows"] == [2]  # south's two rows are set aside, and counted once
    assert aside["reason"] == ["not over by the assessment date 2022"]


def test_a_headline_of_late_figures_only_is_not_blamed_on_select() -> None:
    card = gf.evaluate(FRAMEWORK, rows({"": [2024], "north": [2015, 2020]}), as_of=2022)
    assert card.indicators[0].assessment.reason == LATE
    found = gf.evaluate_frame(FRAMEWORK, rows({"": [2024], "north": [2015, 2020]}), as_of=2022)
    assert (
        verdicts(found)
        == card_verdicts(card)
        == {
            ("headline", ""): "not_assessable",
            ("group", "north"): "on_track",
        }
    )


def test_verdicts_lists_the_late_group_and_the_card_says_why(tmp_path: Path) -> None:
    goals = tmp_path / "goals.yaml"
    goals.write_text(SHARE_GOALS.format(by="region"), encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text(
        "indicator,period,value,unit,region\nshare,2015,50,percent,\nshare,2020,52,percent,\n"
        "share,2015,50,percent,north\nshare,2024,58,percent,south\n",
        encoding="utf-8",
    )
    table = cli("verdicts", goals, "-d", data, "--as-of", "2022")
    assert table.code == 0
    lines = [line.split(",") for line in table.out.splitlines()]
    south = [line for line in lines if "south" in line]
    assert len(south) == 1
    assert south[0][lines[0].index("status")] == "not_assessable"
    card = cli("scorecard", goals, "-d", data, "--as-of", "2022", "-f", "markdown")
    assert LATE in card.out
    dutch = cli("scorecard", goals, "-d", data, "--as-of", "2022", "-f", "markdown", "--lang", "nl")
    assert "op de peildatum 2022 nog niet voorbij was" in dutch.out


@settings(max_examples=examples(40), deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["", "north", "south", "east"]),
        st.sets(st.integers(2015, 2026), min_size=1, max_size=5),
        min_size=1,
    ),
    st.integers(2014, 2027),
)
def test_every_series_in_the_data_has_one_verdict_on_both_paths(
    backend: str, series: dict[str, set[int]], as_of: int
) -> None:
    data = records({area: sorted(years) for area, years in series.items()})
    card = card_verdicts(gf.evaluate(FRAMEWORK, pl.DataFrame(data), as_of=as_of))
    engine = verdicts(gf.evaluate_frame(FRAMEWORK, native(data, backend), as_of=as_of))
    assert engine == card
    # Every series has its row: the groups by name, the headline when it has rows.
    named = {("headline" if area == "" else "group", area) for area in series}
    assert set(card) == named
