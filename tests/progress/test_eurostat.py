from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status


def assess(obs: dict[int, float], **kw: object) -> gf.Assessment:
    # Assessed in the year of the latest figure: these tests are about the way to a deadline.
    kw.setdefault("as_of", max(obs, default=2000))
    return gf.assess(obs, method="eurostat", **kw)  # type: ignore[arg-type]


def test_with_target_worked_example() -> None:
    # Criminal networks 2015-2020 (short window: 2015 is exactly 5 years before 2020).
    obs = {2015: 1188, 2016: 1369, 2017: 1361, 2019: 1522, 2020: 1529}
    result = assess(obs, direction="increase", target=1530, target_period=2026)
    actual = (1529 / 1188) ** (1 / 5) - 1
    required = (1530 / 1188) ** (1 / 11) - 1
    assert result.components["cagr_actual"] == pytest.approx(actual)
    assert result.components["cagr_required"] == pytest.approx(required)
    assert result.value == pytest.approx(actual / required)
    assert (result.label, result.status) == ("significant_progress", Status.ON_TRACK)


@pytest.mark.parametrize(
    ("ratio", "label", "status"),
    [
        (1.2, "significant_progress", Status.ON_TRACK),
        (0.95, "significant_progress", Status.ON_TRACK),
        (0.94, "moderate_progress", Status.NEEDS_ACCELERATION),
        (0.6, "moderate_progress", Status.NEEDS_ACCELERATION),
        (0.3, "insufficient_progress", Status.INSUFFICIENT_PROGRESS),
        (0.0, "insufficient_progress", Status.INSUFFICIENT_PROGRESS),
        (-0.2, "movement_away", Status.MOVING_AWAY),
    ],
)
def test_target_ratio_bands(ratio: float, label: str, status: Status) -> None:
    required = 2 ** (1 / 10) - 1  # 100 in 2015 -> 200 in 2025
    latest = 100 * (1 + ratio * required) ** 5
    result = assess({2015: 100, 2020: latest}, direction="increase", target=200, target_period=2025)
    assert result.value == pytest.approx(ratio)
    assert (result.label, result.status) == (label, status)


@pytest.mark.parametrize(
    ("growth", "direction", "label"),
    [
        (0.02, "increase", "significant_progress"),
        (0.005, "increase", "moderate_progress"),
        (0.0, "increase", "moderate_movement_away"),
        (-0.01, "increase", "moderate_movement_away"),
        (-0.02, "increase", "significant_movement_away"),
        (-0.02, "decrease", "significant_progress"),
    ],
)
def test_no_target_bands(growth: float, direction: str, label: str) -> None:
    result = assess({2015: 100, 2020: 100 * (1 + growth) ** 5}, direction=direction)
    assert result.label == label


def test_windows() -> None:
    obs = {y: 100 * 1.02 ** (y - 2000) for y in range(2000, 2021)}
    obs[2000] = 1.0  # outside both windows
    short = assess(obs, direction="increase")
    assert short.components["start_period"] == "2015"
    long = assess(obs, direction="increase", window="long")
    assert long.components["start_period"] == "2005"
    assert short.value == pytest.approx(0.02) and long.value == pytest.approx(0.02)
    explicit = assess(obs, direction="increase", window=3)
    assert explicit.components["start_period"] == "2017"


def test_window_start_is_first_observation_inside() -> None:
    result = assess({2014: 1, 2016: 100, 2020: 110}, direction="increase")
    assert result.components["start_period"] == "2016"


@pytest.mark.parametrize(
    ("obs", "kw", "reason"),
    [
        ({2020: 5.0}, {}, "needs two"),
        ({2019: 5.0, 2020: 6.0}, {}, "needs at least 3"),
        ({2005: 5.0, 2020: 6.0}, {"window": "long"}, None),
        ({2015: 0.0, 2020: 6.0}, {}, "positive values"),
        ({2015: 5.0, 2020: 6.0}, {"target": 9}, "no deadline"),
    ],
)
def test_not_assessable(obs: dict[int, float], kw: dict[str, object], reason: str | None) -> None:
    result = assess(obs, direction="increase", **kw)
    if reason is None:
        assert result.status is not Status.NOT_ASSESSABLE
    else:
        assert result.status is Status.NOT_ASSESSABLE
        assert result.reason is not None and reason in result.reason


def test_a_deadline_before_the_first_figure_is_outcome_unknown() -> None:
    # Eurostat's window would start after the target year; read after the deadline, the
    # question is only whether the 2014 target was met, and no figure for 2014 exists.
    result = assess({2015: 5.0, 2020: 6.0}, direction="increase", target=9, target_period=2014)
    assert (result.status, result.final) == (Status.OUTCOME_UNKNOWN, True)
    assert result.reason is not None and "no figure in the data for 2014" in result.reason


def test_target_met_and_target_left_behind() -> None:
    met = assess({2015: 100, 2020: 210}, direction="increase", target=200, target_period=2025)
    assert met.status is Status.ACHIEVED
    left = assess({2015: 210, 2020: 190}, direction="increase", target=200, target_period=2025)
    assert left.label == "movement_away"


def test_bad_window_option() -> None:
    with pytest.raises(gf.MethodError, match="window"):
        assess({2015: 1, 2020: 2}, direction="increase", window="medium")


@given(st.floats(1, 1e6), st.floats(1, 1e6), st.floats(1, 1e6))
def test_monotone(base: float, a: float, b: float) -> None:
    low, high = sorted((a, b))
    for target in (None, base * 3):
        lo = assess(
            {2015: base, 2020: low}, direction="increase", target=target, target_period=2030
        )
        hi = assess(
            {2015: base, 2020: high}, direction="increase", target=target, target_period=2030
        )
        assert (hi.status.rank or 0) >= (lo.status.rank or 0)
