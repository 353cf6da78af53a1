"""Projections cut at the unit's natural limits, with a caveat (issue 28, point 5).

Found: a forecast of dismantled cannabis plantations projected ``-95.6`` plantations (lower
bound ``-354.7``) on the card, with no word that a count cannot be below zero.
"""

from __future__ import annotations

import math

import pytest

import goalframe as gf
from goalframe._unit_limits import natural_limits

GOALS = """\
id: p
title: P
objectives: [{{id: o, statement: O, indicators: [x]}}]
indicators:
  - id: x
    name: X
    unit: {unit}
    direction: {direction}
    method: forecast
    target: {{value: {target}, deadline: 2030}}
"""


def _card(unit: str, values: list[float], *, direction: str, target: float) -> gf.Scorecard:
    framework = gf.parse_framework(GOALS.format(unit=unit, direction=direction, target=target))
    rows = [
        {"indicator": "x", "period": 2020 + n, "value": v, "unit": unit}
        for n, v in enumerate(values)
    ]
    return gf.evaluate(framework, gf.observations_from_records(rows), as_of=2024)


@pytest.mark.parametrize(
    ("unit", "limits"),
    [
        ("plantation", (0, math.inf)),
        ("kg", (0, math.inf)),
        ("litre", (0, math.inf)),
        ("percent", (0, 100)),
        ("percentage_point", (-math.inf, math.inf)),  # a difference of shares
        ("EUR_million", (-math.inf, math.inf)),  # money can be owed
        ("degC", (-math.inf, math.inf)),
        ("case / person", (-math.inf, math.inf)),
    ],
)
def test_the_natural_limits_of_units(unit: str, limits: tuple[float, float]) -> None:
    assert natural_limits(unit) == limits


def test_a_count_projected_below_zero_is_cut_at_zero_with_a_caveat() -> None:
    # 100, 80, 60, 40 in 2020-2023: a perfect line, slope -20 a year (x̄ = 1.5, ȳ = 70,
    # intercept 100). At 2030 (x = 10): 100 - 20 * 10 = -100 plantations, with no spread
    # (se = 0), so the interval is -100 to -100 too. A count is never below zero.
    card = _card("plantation", [100, 80, 60, 40], direction="decrease", target=10)
    a = card.indicator("x").assessment
    assert a.components["fitted_projected"] == pytest.approx(-100)
    assert (a.components["projected"], a.components["lower"], a.components["upper"]) == (0, 0, 0)
    assert a.value == pytest.approx(1.0)  # P(target met): the fit's, unchanged
    (cut,) = [c for c in a.caveats if c.code == "projection-cut"]
    assert "-100 for 2030" in cut.message and "(0)" in cut.message
    assert "plantages" in cut.message.say("nl")
    assert "projection cut" in card.to_markdown()


def test_a_share_projected_above_100_percent_is_cut_at_100() -> None:
    # 70, 80, 90, 95 % in 2020-2023 rising to 2030: the fitted line passes 100 %.
    card = _card("percent", [70, 80, 90, 95], direction="increase", target=99)
    a = card.indicator("x").assessment
    assert a.components["fitted_projected"] > 100 and a.components["projected"] == 100
    assert a.components["upper"] == 100
    assert any(c.code == "projection-cut" for c in a.caveats)


@pytest.mark.parametrize("unit", ["percentage_point", "EUR_million"])
def test_a_unit_without_limits_keeps_its_projection(unit: str) -> None:
    card = _card(unit, [100, 80, 60, 40], direction="decrease", target=10)
    a = card.indicator("x").assessment
    assert a.components["projected"] == pytest.approx(-100)
    assert "fitted_projected" not in a.components
    assert not any(c.code == "projection-cut" for c in a.caveats)


def test_within_limits_nothing_is_cut_and_pint_is_not_asked() -> None:
    natural_limits.cache_clear()
    card = _card("plantation", [100, 90, 85, 80], direction="decrease", target=40)
    a = card.indicator("x").assessment
    assert a.components["lower"] > 0 and "fitted_lower" not in a.components
    assert natural_limits.cache_info().misses == 0  # the unit was not even looked up


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_the_frame_engine_gives_the_same_caveat(engine: str) -> None:
    pytest.importorskip(engine)
    from tests.frames._compare import _native, _to_rows

    for unit, values, direction, target in (
        ("plantation", [100, 80, 60, 40], "decrease", 10),
        ("percent", [70, 80, 90, 95], "increase", 99),
        ("percentage_point", [100, 80, 60, 40], "decrease", 10),
        ("plantation", [100, 90, 85, 80], "decrease", 40),
    ):
        framework = gf.parse_framework(GOALS.format(unit=unit, direction=direction, target=target))
        rows = [
            {"indicator": "x", "region": None, "period": 2020 + n, "value": float(v),
             "unit": unit, "flag": None}
            for n, v in enumerate(values)
        ]  # fmt: skip
        found = gf.evaluate_frame(framework, _native(rows, engine), as_of=2024)
        (row,) = _to_rows(found.results)
        assert row["engine"] == "frame"
        reference = _card(unit, values, direction=direction, target=target)
        want = {c.code for c in reference.indicator("x").assessment.caveats}
        assert set(filter(None, (row["caveats"] or "").split(","))) == want, unit
