"""The judge's caveats beside each verdict: breaks, gaps, flags, baselines, unit traps."""

from __future__ import annotations

from pathlib import Path

import pytest

import goalframe as gf
from goalframe import Status

from ._helpers import Write


def test_a_flagged_break_applies_the_documented_rule() -> None:
    # 100 (2015), 110, then a new definition: 60 (2017, flagged break), 66 (2018). Target 200
    # by 2025 from the declared 100 (2015). From the break on: baseline 60 (2017); progress
    # (66 - 60) / (200 - 60) = 0.0429; expected (2018 - 2017) / (2025 - 2017) = 0.125;
    # ratio 0.343 < 0.6: insufficient progress (from 2015 the fall would read moving away).
    series = gf.Series(
        periods=tuple(gf.Period.parse(p) for p in (2015, 2016, 2017, 2018)),
        values=[100, 110, 60, 66],
        flags=(frozenset(), frozenset(), frozenset({"break"}), frozenset()),
    )
    result = gf.assess(
        series,
        direction="increase",
        target=200,
        baseline_period=2015,
        baseline=100,
        target_period=2025,
        as_of=2018,
    )
    assert result.status is Status.INSUFFICIENT_PROGRESS
    assert result.components["baseline"] == 60 and result.components["baseline_period"] == "2017"
    assert result.value == pytest.approx(6 / 140)
    assert result.expected == pytest.approx(1 / 8)
    assert result.caveats[0].code == "series-break"
    assert "assessed from 2017 on, with 2017 (60) as the new baseline" in result.caveats[0].message


def test_caveats_for_gaps_flags_and_baselines() -> None:
    series = gf.Series(
        periods=tuple(gf.Period.parse(p) for p in (2017, 2018, 2019, 2021)),
        values=[206, 292, 191, 150],
        flags=(frozenset(), frozenset(), frozenset({"revised"}), frozenset({"provisional"})),
    )
    result = gf.assess(
        series,
        direction="decrease",
        target=146,
        baseline_period=2018,
        baseline=280,
        target_period=2026,
        as_of=2021,
    )
    codes = {c.code: c.message for c in result.caveats}
    assert codes["missing-periods"] == "no figure for 2020"
    assert codes["flagged-values"] == "revised: 2019; provisional: 2021"
    assert codes["baseline-mismatch"] == (
        "the declared baseline 280 (2018) differs from the observation for that period (292); "
        "the verdict uses the declared baseline"
    )
    # 292 is above both 206 (2017) and 191 (2019): a local peak.
    assert codes["baseline-extreme"].startswith("the baseline 2018 (292) is a local peak")


def test_gap_in_a_norm_span_is_not_achieved() -> None:
    # At least 950 a year, 2015-2018; no figure for 2017; read in 2020: outcome unknown.
    result = gf.assess(
        {2015: 1000, 2016: 1000, 2018: 1000},
        method="norm",
        direction="increase",
        target=950,
        baseline_period=2015,
        target_period=2018,
        as_of=2020,
    )
    assert result.status is Status.OUTCOME_UNKNOWN
    assert [(c.code, c.message) for c in result.caveats] == [
        ("missing-periods", "no figure for 2017")
    ]


def test_zero_target_replaced_for_open_sdg() -> None:
    result = gf.assess(
        {2015: 10, 2020: 5},
        method="open-sdg",
        direction="decrease",
        target=0,
        target_period=2030,
        as_of=2020,
    )
    assert "zero-replaced" in {c.code for c in result.caveats}


def test_eurostat_window_before_the_baseline() -> None:
    result = gf.assess(
        {2014: 10, 2016: 11, 2019: 12},
        method="eurostat",
        direction="increase",
        baseline_period=2016,
        baseline=11,
        target=20,
        target_period=2030,
        as_of=2019,
    )
    assert "window-before-baseline" in {c.code for c in result.caveats}


def test_every_caveat_code_is_documented() -> None:
    from goalframe._judge import CAVEATS

    page = (Path(__file__).parents[2] / "docs" / "reference" / "caveats.md").read_text()
    for code in CAVEATS:
        assert f"`{code}`" in page


def test_validate_warns_about_unit_traps(write: Write) -> None:
    from typer.testing import CliRunner

    from goalframe.cli import app

    goals = write(
        "g.yaml",
        """
        id: x
        title: T
        indicators:
          - {id: coke, name: Cocaine, unit: ton, direction: decrease}
          - {id: share, name: Share, unit: pp, direction: increase}
        """,
    )
    result = CliRunner().invoke(app, ["validate", str(goals)])
    assert result.exit_code == 0  # a warning, not an error: pint does read the unit
    assert (
        f"{goals}:4:37: indicator 'coke': unit 'ton': 'ton' is the US short ton (907 kg) in "
        "pint; for metric tonnes write 't' or 'tonne' (M013)"
    ) in result.stderr
    assert "unit 'pp': 'pp' is a typographic point" in result.stderr
    findings = gf.lint(gf.load_framework(goals))
    assert [(f.code, f.subject_id) for f in findings if f.code == "M013"] == [
        ("M013", "coke"),
        ("M013", "share"),
    ]


def test_lint_reports_a_baseline_that_disagrees_with_the_data(write: Write) -> None:
    # Declared 44.45 for 2018; the data say 49 for 2018.
    goals = write(
        "g.yaml",
        """
        id: x
        title: T
        objectives: [{id: o, statement: Raise it to 60 by 2026, indicators: [i]}]
        indicators:
          - id: i
            name: Share
            unit: percent
            direction: increase
            target: {baseline: {value: 44.45, period: 2018}, value: 60, deadline: 2026}
        """,
    )
    data = write("d.csv", "indicator,period,value,unit\ni,2018,49,percent\ni,2020,52,percent\n")
    findings = gf.lint(gf.load_framework(goals), gf.load_observations(data))
    d005 = [f for f in findings if f.code == "D005"]
    assert [f.message for f in d005] == [
        "the baseline 44.45 (2018) differs from the observation for 2018: 49"
    ]
    card = gf.evaluate(gf.load_framework(goals), gf.load_observations(data), as_of=2020)
    assert "baseline-mismatch" in {c.code for c in card.indicator("i").caveats}


def test_a002_spares_a_percent_change(write: Write) -> None:
    text = """
        id: x
        title: T
        objectives: [{{id: o, statement: Cut the yearly change to -13 % by 2026, indicators: [i]}}]
        indicators:
          - id: i
            name: {name}
            unit: percent
            direction: decrease
            target: {{baseline: {{value: 5, period: 2018}}, value: -13, deadline: 2026}}
        """
    change = gf.lint(gf.load_framework(write("a.yaml", text.format(name="Year-on-year change"))))
    share = gf.lint(gf.load_framework(write("b.yaml", text.format(name="Share of users"))))
    assert "A002" not in {f.code for f in change}
    assert "A002" in {f.code for f in share}
