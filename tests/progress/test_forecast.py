from __future__ import annotations

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

import goalframe as gf
from goalframe import Status
from goalframe.progress._stats import betainc, ols, t_cdf, t_ppf, theil_sen


def forecast(obs: dict[int, float], **kw: object) -> gf.Assessment:
    # Assessed in the year of the latest figure: these tests are about the way to a deadline.
    kw.setdefault("as_of", max(obs, default=2000))
    return gf.assess(obs, method="forecast", **kw)  # type: ignore[arg-type]


@given(st.integers(1, 1000), st.floats(0.001, 0.999))
def test_t_quantile_matches_scipy(df: int, q: float) -> None:
    assert t_ppf(q, df) == pytest.approx(stats.t.ppf(q, df), rel=1e-9, abs=1e-9)


@given(st.floats(0.5, 200), st.floats(-50, 50))
def test_t_cdf_matches_scipy(df: float, x: float) -> None:
    assert t_cdf(x, df) == pytest.approx(stats.t.cdf(x, df), abs=1e-11)


def test_stats_edges() -> None:
    assert betainc(2, 3, 0) == 0 and betainc(2, 3, 1) == 1
    assert t_cdf(math.inf, 3) == 1 and t_cdf(-math.inf, 3) == 0
    assert t_ppf(0.5, 4) == 0
    with pytest.raises(ValueError, match="outside"):
        t_ppf(1.0, 3)


def test_fits_match_scipy() -> None:
    rnd = random.Random(7)
    xs = [2000.0 + i for i in range(15)]
    ys = [50 - 1.8 * i + rnd.gauss(0, 2) for i in range(15)]
    ys[4] += 30  # an outlier
    fit = ols(xs, ys)
    ref = stats.linregress(xs, ys)
    assert fit.slope == pytest.approx(ref.slope)
    assert fit.predict(2020) == pytest.approx(ref.intercept + ref.slope * 2020)
    robust = theil_sen(xs, ys)
    ref_ts = stats.theilslopes(ys, xs, method="joint")
    assert robust.slope == pytest.approx(ref_ts.slope)
    assert robust.predict(0) == pytest.approx(ref_ts.intercept)


def test_prediction_interval_and_probability_by_hand() -> None:
    obs = {2015: 10.0, 2016: 12.0, 2017: 13.0, 2018: 15.0, 2019: 16.0}
    result = forecast(obs, direction="increase", target=25, target_period=2025, confidence=0.9)
    xs, ys = list(map(float, obs)), list(obs.values())
    ref = stats.linregress(xs, ys)
    n, x_mean = 5, sum(xs) / 5
    residuals = [y - (ref.intercept + ref.slope * x) for x, y in zip(xs, ys, strict=True)]
    s = math.sqrt(sum(r * r for r in residuals) / (n - 2))
    sxx = sum((x - x_mean) ** 2 for x in xs)
    centre = ref.intercept + ref.slope * 2025
    se = s * math.sqrt(1 + 1 / n + (2025 - x_mean) ** 2 / sxx)
    half = stats.t.ppf(0.95, n - 2) * se
    assert result.components["projected"] == pytest.approx(centre)
    assert result.components["lower"] == pytest.approx(centre - half)
    assert result.components["upper"] == pytest.approx(centre + half)
    assert result.value == pytest.approx(1 - stats.t.cdf((25 - centre) / se, n - 2))
    assert result.label == ("likely" if result.value >= 0.75 else "uncertain")


def test_log_model_on_exact_growth() -> None:
    obs = {2015 + i: 100 * 0.93**i for i in range(8)}
    result = forecast(obs, direction="decrease", target=35, target_period=2030, model="log")
    assert result.components["annual_growth"] == pytest.approx(-0.07)
    assert result.components["projected"] == pytest.approx(100 * 0.93**15)
    assert result.value == 1.0  # a perfect fit below the target: certain
    bad = forecast(
        {2015: 1.0, 2016: -1.0, 2017: 2.0},
        direction="increase",
        target=3,
        target_period=2030,
        model="log",
    )
    assert bad.status is Status.NOT_ASSESSABLE


@pytest.mark.parametrize(
    ("obs", "label", "status"),
    [
        ({2015: 10, 2016: 11.1, 2017: 11.9, 2018: 13}, "likely", Status.ON_TRACK),
        ({2015: 10, 2016: 9.5, 2017: 9, 2018: 8.6}, "unlikely", Status.MOVING_AWAY),
        ({2015: 10, 2016: 10.1, 2017: 10.1, 2018: 10.2}, "unlikely", Status.INSUFFICIENT_PROGRESS),
        ({2015: 10, 2016: 12, 2017: 21}, "target_met", Status.ACHIEVED),
    ],
)
def test_labels(obs: dict[int, float], label: str, status: Status) -> None:
    result = forecast(obs, direction="increase", target=19, target_period=2025)
    assert (result.label, result.status) == (label, status)


def test_uncertain_band() -> None:
    obs = {2015: 10.0, 2016: 13.0, 2017: 11.0, 2018: 14.0, 2019: 12.0}
    result = forecast(obs, direction="increase", target=16, target_period=2025)
    assert 0.4 <= (result.value or 0) < 0.75
    assert result.label == "uncertain"


def test_needs_three_points_target_and_valid_options() -> None:
    two = forecast({2015: 1.0, 2016: 2.0}, direction="increase", target=5, target_period=2030)
    assert "at least 3" in (two.reason or "")
    assert forecast({2015: 1.0, 2016: 2.0, 2017: 3.0}, direction="increase").reason
    windowed = forecast(
        {2000: 50.0, 2015: 1.0, 2016: 2.0, 2017: 3.0},
        direction="increase",
        target=9,
        target_period=2030,
        window=3,
    )
    assert windowed.components["points"] == 3
    with pytest.raises(gf.MethodError, match="model"):
        forecast({2015: 1.0}, direction="increase", model="spline")
    with pytest.raises(gf.MethodError, match="confidence"):
        forecast({2015: 1.0}, direction="increase", confidence=1.5)


def test_baseline_period_starts_the_fit() -> None:
    obs = {2010: 100.0, 2015: 10.0, 2016: 11.0, 2017: 12.0, 2018: 13.0}
    result = forecast(
        obs, direction="increase", target=20, target_period=2025, baseline_period=2015
    )
    assert result.components["points"] == 4
    assert result.components["slope"] == pytest.approx(1.0)


@given(st.lists(st.floats(1, 1000), min_size=3, max_size=8), st.floats(1, 1000))
def test_projection_is_monotone_in_the_latest_value(values: list[float], bump: float) -> None:
    # The probability is not monotone (the residual spread changes too), but the projection is.
    obs = {2015 + i: v for i, v in enumerate(values)}
    target = (max(values) + bump) * 10
    before = forecast(obs, direction="increase", target=target, target_period=2035)
    obs[2015 + len(values) - 1] += bump
    after = forecast(obs, direction="increase", target=target, target_period=2035)
    assert after.components["projected"] >= before.components["projected"] - 1e-9


def test_a_constant_series_has_no_direction_in_any_unit() -> None:
    # 1.4 three times: the fitted slope is 0 in kg, and about -1e-19 in tonnes after rounding.
    # Neither is "moving away" (found by a hypothesis run at the lowest dependency versions).
    kw = {"direction": "increase", "target_period": 2032, "baseline_period": 2010, "as_of": 2016}
    kg = forecast({2010: 1.4, 2011: 1.4, 2016: 1.4}, target=2.0, **kw)
    t = forecast({2010: 1.4e-3, 2011: 1.4e-3, 2016: 1.4e-3}, target=2.0e-3, **kw)
    assert kg.status is t.status is Status.INSUFFICIENT_PROGRESS
