from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status


def assess(obs: dict[int, float], **kw: object) -> gf.Assessment:
    # Assessed in the year of the latest figure: these tests are about the way to a deadline.
    kw.setdefault("as_of", max(obs, default=2000))
    return gf.assess(obs, method="unsd", **kw)  # type: ignore[arg-type]


def test_worked_example() -> None:
    # Drug-waste dumpings: 178 in 2020 from 292 in 2018 (base), target 146 by 2026.
    result = assess(
        {2018: 292, 2020: 178},
        direction="decrease",
        target=146,
        target_period=2026,
        baseline_period=2018,
    )
    growth = (178 / 292) ** (1 / 2) - 1
    projected = 178 * (1 + growth) ** 6
    assert result.components["projected"] == pytest.approx(projected)
    assert result.value == pytest.approx((projected - 292) / (146 - 292))
    assert (result.label, result.status) == ("on_track", Status.ON_TRACK)


@pytest.mark.parametrize(
    ("ratio", "label", "status"),
    [
        (0.95, "on_track", Status.ON_TRACK),
        (0.5, "acceleration_needed", Status.NEEDS_ACCELERATION),
        (0.10, "acceleration_needed", Status.NEEDS_ACCELERATION),
        (0.05, "stagnation_or_regression", Status.INSUFFICIENT_PROGRESS),
        (-0.3, "stagnation_or_regression", Status.MOVING_AWAY),
    ],
)
def test_ratio_bands(ratio: float, label: str, status: Status) -> None:
    # base 100 (2015), target 200 (2030); choose the 2020 value whose projection gives ratio.
    projected = 100 + ratio * 100
    latest = 100 * (projected / 100) ** (5 / 15)
    result = assess({2015: 100, 2020: latest}, direction="increase", target=200, target_period=2030)
    assert result.value == pytest.approx(ratio)
    assert (result.label, result.status) == (label, status)


@pytest.mark.parametrize(
    ("growth", "label"),
    [
        (0.02, "on_track"),
        (0.01, "acceleration_needed"),
        (0.005, "acceleration_needed"),
        (0.001, "stagnation_or_regression"),
    ],
)
def test_no_target(growth: float, label: str) -> None:
    result = assess({2015: 100, 2020: 100 * (1 + growth) ** 5}, direction="increase")
    assert result.label == label


def test_achieved_regardless_of_trend_and_base_fallback() -> None:
    achieved = assess({2015: 50, 2020: 40}, direction="decrease", target=45, target_period=2030)
    assert achieved.label == "target_achieved"
    nearest = assess({2013: 100, 2016: 110, 2020: 120}, direction="increase")
    assert nearest.components["base_period"] == "2016"
    tie = assess({2014: 100, 2016: 110, 2020: 120}, direction="increase")
    assert tie.components["base_period"] == "2014"


@pytest.mark.parametrize(
    ("obs", "kw", "reason"),
    [
        ({}, {}, "no observations"),
        ({2020: 3.0}, {}, "no observation to serve"),
        ({2015: -1.0, 2020: 3.0}, {}, "positive"),
        ({2015: 1.0, 2020: 3.0}, {"target": 9}, "no deadline"),
        ({2015: 9.0, 2020: 3.0}, {"target": 10, "target_period": 2030}, None),
        ({2015: 9.0, 2020: 3.0}, {"target": 9, "target_period": 2030}, "equals the base"),
        ({2016: 1.0, 2020: 3.0}, {"baseline_period": 2020}, "no observation after"),
    ],
)
def test_edges(obs: dict[int, float], kw: dict[str, object], reason: str | None) -> None:
    result = assess(obs, direction="increase", **kw)
    if reason is None:
        assert result.status is Status.MOVING_AWAY
    else:
        assert result.reason is not None and reason in result.reason


@given(st.floats(1, 1e5), st.floats(1, 1e5), st.floats(1, 1e5))
def test_monotone(base: float, a: float, b: float) -> None:
    low, high = sorted((a, b))
    for target in (None, base * 2):
        lo = assess(
            {2015: base, 2020: low}, direction="increase", target=target, target_period=2030
        )
        hi = assess(
            {2015: base, 2020: high}, direction="increase", target=target, target_period=2030
        )
        assert (hi.status.rank or 0) >= (lo.status.rank or 0)
