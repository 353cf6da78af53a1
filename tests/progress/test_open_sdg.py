from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status
from goalframe.progress.open_sdg import natural_limit_factor


def assess(obs: dict[int, float], **kw: object) -> gf.Assessment:
    # Assessed in the year of the latest figure: these tests are about the way to a deadline.
    kw.setdefault("as_of", max(obs, default=2000))
    return gf.assess(obs, method="open-sdg", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("base", "limit", "factor"),
    [
        (90, 100, 0.373622),
        (99.47, 100, 0.023318),
        (50, 100, 0.953929),
        (9, 11, 0.589746),
        (1.5, 1, 0.953929),
        (5, 1, 1.0),
        (100, 100, 0.0),
    ],
)
def test_natural_limit_factor_table(base: float, limit: float, factor: float) -> None:
    # The table of C values in the methodology notes.
    assert natural_limit_factor(base, limit) == pytest.approx(factor, abs=1e-6)


def test_method_2_worked_example() -> None:
    # Canada 1-2-1: 14.5 (2015) -> 10.2 (2023), target 7.25 by 2030, decrease desired.
    result = assess({2015: 14.5, 2023: 10.2}, direction="decrease", target=7.25, target_period=2030)
    observed = (10.2 / 14.5) ** (1 / 8) - 1
    required = (7.25 / 14.5) ** (1 / 15) - 1
    ratio = -1 * observed / abs(required)
    assert result.value == pytest.approx(ratio, rel=1e-12)
    assert result.label == "substantial_progress"
    assert result.status is Status.ON_TRACK
    assert result.score == pytest.approx(7.1429 * ratio - 4.2857)
    assert result.components["cagr_required"] == pytest.approx(required)
    assert "CAGR" in result.explain()


def test_method_1_with_limit() -> None:
    # 90 % -> 93.2 % over six years toward a natural maximum of 100 %.
    result = assess({2015: 90.0, 2021: 93.2}, direction="increase", limit=100)
    pv = (93.2 / 90) ** (1 / 6) - 1
    coeff = 1 - 0.9**4.44
    assert result.value == pytest.approx(pv)
    assert result.components["coefficient"] == pytest.approx(coeff)
    assert result.components["high"] == pytest.approx(0.015 * coeff)
    assert result.label == "substantial_progress"
    assert result.score == pytest.approx(min(500 * pv / coeff - 5, 5))


@pytest.mark.parametrize(
    ("current", "label", "score"),
    [
        (100 * 1.02**5, "substantial_progress", 5.0),
        (100 * 1.015**5, "substantial_progress", 2.5),
        (100 * 1.005**5, "moderate_progress", 0.0),
        (100.0, "limited_progress", -2.5),  # flat is limited progress, not stagnation
        (100 * 0.98**5, "deterioration", -5.0),
    ],
)
def test_method_1_breakpoints(current: float, label: str, score: float) -> None:
    result = assess({2015: 100.0, 2020: current}, direction="increase")
    assert result.label == label
    assert result.score == pytest.approx(score, abs=1e-9)


@pytest.mark.parametrize(
    ("ratio", "score"), [(-0.6, -5.0), (0.0, -2.5), (0.6, 0.0), (0.95, 2.5), (1.3, 5.0)]
)
def test_method_2_score_breakpoints(ratio: float, score: float) -> None:
    # base 100 in 2015, target 200 in 2025: choose the current value that gives the ratio.
    required = 2 ** (1 / 10) - 1
    current = 100 * (1 + ratio * required) ** 5
    result = assess(
        {2015: 100.0, 2020: current}, direction="increase", target=200, target_period=2025
    )
    assert result.value == pytest.approx(ratio)
    assert result.score == pytest.approx(score, abs=1e-3)


def test_ratio_exactly_on_a_threshold_lands_where_the_text_says() -> None:
    required = 2 ** (1 / 10) - 1
    current = 100 * (1 + 0.6 * required) ** 5
    result = assess(
        {2015: 100.0, 2020: current}, direction="increase", target=200, target_period=2025
    )
    assert result.label == "moderate_progress"


def test_target_achieved_whatever_the_trend() -> None:
    result = assess({2015: 5.0, 2020: 8.0}, direction="decrease", target=9, target_period=2030)
    assert (result.label, result.score, result.status) == ("target_achieved", 5.0, Status.ACHIEVED)
    single = assess({2020: 8.0}, direction="decrease", target=9)
    assert single.label == "target_achieved"


def test_base_year_defaults_to_2015_and_falls_forward() -> None:
    result = assess({2010: 1.0, 2016: 100.0, 2020: 110.0}, direction="increase")
    assert result.components["base_year"] == "2016"
    assert result.components["base_value"] == 100.0
    explicit = assess(
        {2010: 1.0, 2016: 100.0, 2020: 110.0}, direction="increase", baseline_period=2010
    )
    assert explicit.components["base_year"] == "2010"


def test_default_target_year_is_2030() -> None:
    result = assess({2015: 100.0, 2020: 120.0}, direction="increase", target=200)
    assert result.components["target_year"] == "2030"


def test_zero_base_and_zero_target_become_0_001() -> None:
    result = assess({2015: 0.0, 2020: 2.0}, direction="increase")
    assert result.components["base_value_used"] == 0.001
    assert result.value == pytest.approx((2 / 0.001) ** (1 / 5) - 1)
    zero_target = assess({2015: 5.0, 2020: 4.0}, direction="decrease", target=0)
    assert zero_target.components["target"] == 0.001


def test_negative_values_flip_the_sign() -> None:
    result = assess({2015: -10.0, 2020: -5.0}, direction="increase")
    assert result.components["sign"] == -1
    assert result.value is not None and result.value > 0
    assert result.label == "substantial_progress"


@pytest.mark.parametrize(
    ("obs", "reason"),
    [
        ({2015: 10.0, 2020: -5.0}, "opposite signs"),
        ({2015: 10.0}, "fewer than two years"),
        ({2010: 10.0, 2012: 11.0}, "no observation in or after the base year 2015"),
        ({}, "no observations"),
    ],
)
def test_not_available(obs: dict[int, float], reason: str) -> None:
    result = assess(obs, direction="increase")
    assert result.label == "not_available"
    assert result.status is Status.NOT_ASSESSABLE
    assert result.reason is not None and reason in result.reason


def test_custom_thresholds_and_bad_options() -> None:
    result = assess(
        {2015: 100.0, 2020: 104.0}, direction="increase", thresholds={"high": 0.05, "med": 0.001}
    )
    assert result.label == "moderate_progress"
    with pytest.raises(gf.MethodError, match="limit"):
        assess({2015: 1.0, 2020: 2.0}, direction="increase", limit="a lot")
    with pytest.raises(gf.MethodError, match="high, med and low"):
        assess({2015: 1.0, 2020: 2.0}, direction="increase", thresholds={"top": 1})


@given(st.floats(1, 1e6), st.floats(1, 1e6), st.floats(1, 1e6))
def test_monotone_in_the_latest_value(base: float, a: float, b: float) -> None:
    low, high = sorted((a, b))
    rank = {
        "deterioration": 0,
        "limited_progress": 1,
        "moderate_progress": 2,
        "substantial_progress": 3,
        "target_achieved": 4,
    }
    for target in (None, base * 2):
        r_low = assess({2015: base, 2020: low}, direction="increase", target=target)
        r_high = assess({2015: base, 2020: high}, direction="increase", target=target)
        assert rank[r_high.label] >= rank[r_low.label]
        assert r_high.score is not None and r_low.score is not None
        assert r_high.score >= r_low.score - 1e-9
