from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status
from goalframe.progress.escap import weighted_growth


def okr(obs: dict[int, float], **kw: object) -> gf.Assessment:
    # Assessed in the year of the latest figure: these tests are about the way to a deadline.
    kw.setdefault("as_of", max(obs, default=2000))
    return gf.assess(obs, method="okr", **kw)  # type: ignore[arg-type]


def escap(obs: dict[int, float], **kw: object) -> gf.Assessment:
    # Assessed in the year of the latest figure: these tests are about the way to a deadline.
    kw.setdefault("as_of", max(obs, default=2000))
    return gf.assess(obs, method="escap", **kw)  # type: ignore[arg-type]


def test_okr_rework_example() -> None:
    # re:Work: "launch six new features", three launched -> 0.5, yellow.
    result = okr({2024: 0, 2025: 3}, direction="increase", target=6)
    assert result.value == 0.5 and result.score == 0.5
    assert (result.label, result.status) == ("yellow", Status.NEEDS_ACCELERATION)


@pytest.mark.parametrize(
    ("latest", "label", "status"),
    [
        (6, "green", Status.ACHIEVED),
        (4.2, "green", Status.ON_TRACK),
        (2.4, "yellow", Status.NEEDS_ACCELERATION),
        (2.3, "red", Status.INSUFFICIENT_PROGRESS),
        (0, "red", Status.INSUFFICIENT_PROGRESS),
        (-1, "red", Status.MOVING_AWAY),
    ],
)
def test_okr_bands(latest: float, label: str, status: Status) -> None:
    result = okr({2024: 0, 2025: latest}, direction="increase", target=6)
    assert (result.label, result.status) == (label, status)
    assert 0 <= (result.value or 0) <= 1


def test_okr_start_equals_current_is_zero() -> None:
    # Operately #4427: start 8, current 8 -> 0 %.
    assert okr({2024: 8, 2025: 8}, direction="increase", target=10).value == 0


def test_okr_needs_target() -> None:
    assert okr({2024: 8}, direction="increase").status is Status.NOT_ASSESSABLE
    assert (
        okr({2024: 8}, direction="increase", target=8).reason == "the target equals the start value"
    )


def test_weighted_growth_matches_published_formula_on_yearly_data() -> None:
    times, values, horizon = [2015.0, 2016.0, 2017.0, 2018.0], [100.0, 104.0, 105.0, 110.0], 2030
    weights = [(horizon - 2015) / (horizon - t) for t in times[1:]]
    product = math.prod((values[i] / values[i - 1]) ** weights[i - 1] for i in range(1, 4))
    published = values[-1] * product ** ((horizon - times[-1]) / sum(weights))
    ours = values[-1] * math.exp(weighted_growth(times, values, horizon) * (horizon - 2018))
    assert ours == pytest.approx(published, rel=1e-12)


def test_escap_indices() -> None:
    obs = {2015: 100.0, 2016: 104.0, 2017: 105.0, 2018: 110.0}
    result = escap(obs, direction="increase", target=150, target_period=2030)
    assert result.components["current_status_index"] == pytest.approx(10 / 50)
    assert result.components["expected_progress"] == pytest.approx(3 / 15)
    assert result.components["expected_reached"] is True
    growth = weighted_growth(list(map(float, obs)), list(obs.values()), 2030)
    projected = 110 * math.exp(growth * 12)
    assert result.value == pytest.approx((projected - 100) / 50)
    assert (result.label, result.status) == ("maintain", Status.ON_TRACK)


@pytest.mark.parametrize(
    ("obs", "label", "status"),
    [
        ({2015: 100.0, 2020: 101.0}, "accelerate", Status.NEEDS_ACCELERATION),
        ({2015: 100.0, 2020: 95.0}, "reverse", Status.MOVING_AWAY),
        ({2015: 100.0, 2020: 160.0}, "maintain", Status.ACHIEVED),
        ({2015: 100.0}, "insufficient_data", Status.NOT_ASSESSABLE),
    ],
)
def test_escap_labels(obs: dict[int, float], label: str, status: Status) -> None:
    result = escap(obs, direction="increase", target=150, target_period=2030)
    assert (result.label, result.status) == (label, status)


def test_escap_edges() -> None:
    assert escap({2015: 1.0, 2020: 2.0}, direction="increase").status is Status.NOT_ASSESSABLE
    met = escap({2015: 5.0, 2020: 6.0}, direction="increase", target=5.5, target_period=2030)
    assert (met.label, met.status) == ("maintain", Status.ACHIEVED)
    same = escap({2015: 5.0, 2020: 6.0}, direction="increase", target=5, target_period=2030)
    assert same.reason == "the target equals the baseline"
    negative = escap({2015: -5.0, 2020: -4.0}, direction="increase", target=5, target_period=2030)
    assert negative.reason == "geometric extrapolation needs positive values"
    declared = gf.assess(
        {2018: 110.0, 2020: 120.0},
        direction="increase",
        target=150,
        target_period=2030,
        baseline=100.0,
        baseline_period=2015,
        method="escap",
    )
    assert declared.components["baseline"] == 100.0
    assert declared.status is not Status.NOT_ASSESSABLE


@given(st.floats(1, 1e5), st.floats(1, 1e5), st.floats(1, 1e5))
def test_escap_and_okr_monotone(base: float, a: float, b: float) -> None:
    low, high = sorted((a, b))
    for method in (escap, okr):
        lo = method(
            {2015: base, 2020: low}, direction="increase", target=base * 2, target_period=2030
        )
        hi = method(
            {2015: base, 2020: high}, direction="increase", target=base * 2, target_period=2030
        )
        assert (hi.status.rank or 0) >= (lo.status.rank or 0)
