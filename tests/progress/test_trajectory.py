from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from goalframe import Goal, Period, Point, Series, Status
from goalframe.progress import get_method
from goalframe.schema import Direction

trajectory = get_method("trajectory")


def goal(
    base: float,
    base_year: int,
    target: float | None,
    deadline: int | None,
    direction: str = "increase",
    milestones: dict[int, float] | None = None,
    tolerance: float = 0.0,
) -> Goal:
    return Goal(
        direction=Direction(direction),
        baseline=Point(period=Period.parse(base_year), value=base),
        target=target,
        deadline=None if deadline is None else Period.parse(deadline),
        milestones=tuple(
            Point(period=Period.parse(p), value=v) for p, v in sorted((milestones or {}).items())
        ),
        tolerance=tolerance,
    )


def test_worked_example_drug_waste_dumpings() -> None:
    # 292 dumpings in 2018, to be halved by 2026; 191 found in 2023 (police figures).
    series = Series.from_pairs({2018: 292, 2019: 191, 2020: 178, 2021: 208, 2022: 155, 2023: 191})
    result = trajectory(series, goal(292, 2018, 146, 2026, "decrease"), {})
    assert result.status is Status.ON_TRACK
    assert result.label == "on_trajectory"
    assert result.value == pytest.approx(101 / 146)  # (191 - 292) / (146 - 292)
    assert result.expected == pytest.approx(5 / 8)  # 5 of 8 years gone
    assert result.components["ratio"] == pytest.approx((101 / 146) / (5 / 8))
    assert result.components["expected_value"] == pytest.approx(292 - 146 * 5 / 8)
    text = result.explain()
    assert "progress = (latest - baseline)" in text
    assert "expected_progress = 0.625" in text
    assert "verdict: on track (on_trajectory)" in text


def test_worked_example_with_milestone() -> None:
    # Criminal networks: 1,188 in 2015; 1,370 by 2021; 1,530 by 2026; 1,529 in 2020.
    series = Series.from_pairs({2015: 1188, 2016: 1369, 2017: 1361, 2019: 1522, 2020: 1529})
    result = trajectory(series, goal(1188, 2015, 1530, 2026, milestones={2021: 1370}), {})
    expected_value = 1188 + (1370 - 1188) * 5 / 6
    assert result.components["expected_value"] == pytest.approx(expected_value)
    assert result.expected == pytest.approx((expected_value - 1188) / 342)
    assert result.value == pytest.approx(341 / 342)
    assert result.status is Status.ON_TRACK


@pytest.mark.parametrize(
    ("latest", "status", "label"),
    [
        (100.0, Status.ACHIEVED, "target_met"),
        (120.0, Status.ACHIEVED, "target_met"),
        (50.0, Status.ON_TRACK, "on_trajectory"),  # ratio 1.0
        (47.5, Status.ON_TRACK, "on_trajectory"),  # ratio 0.95 exactly: inclusive
        (47.0, Status.NEEDS_ACCELERATION, "behind_trajectory"),
        (30.0, Status.NEEDS_ACCELERATION, "behind_trajectory"),  # ratio 0.6 exactly
        (29.0, Status.INSUFFICIENT_PROGRESS, "far_behind_trajectory"),
        (0.0, Status.INSUFFICIENT_PROGRESS, "far_behind_trajectory"),  # no change
        (-1.0, Status.MOVING_AWAY, "moving_away"),
    ],
)
def test_verdict_bands(latest: float, status: Status, label: str) -> None:
    # Baseline 0 in 2010, target 100 in 2020; in 2015 half the time is gone.
    result = trajectory(Series.from_pairs({2015: latest}), goal(0, 2010, 100, 2020), {})
    assert (result.status, result.label) == (status, label)


def test_threshold_that_floats_put_just_below_is_inclusive() -> None:
    # 0.1 + 0.2 style error: progress 0.3 / expected 0.5 must count as exactly 0.6.
    base, target = 0.1, 1.1
    latest = base + 0.3 * (target - base)
    result = trajectory(Series.from_pairs({2015: latest}), goal(base, 2010, target, 2020), {})
    assert result.status is Status.NEEDS_ACCELERATION


def test_options_change_the_cut_offs() -> None:
    series = Series.from_pairs({2015: 40.0})
    strict = trajectory(series, goal(0, 2010, 100, 2020), {"on_track": 0.9, "acceleration": 0.85})
    assert strict.status is Status.INSUFFICIENT_PROGRESS
    assert trajectory(series, goal(0, 2010, 100, 2020), {"acceleration": "x"}).reason
    assert "acceleration" in (
        trajectory(series, goal(0, 2010, 100, 2020), {"acceleration": 0.99}).reason or ""
    )


def test_tolerance_counts_near_misses_as_achieved() -> None:
    series = Series.from_pairs({2019: 1529})
    assert (
        trajectory(series, goal(1188, 2015, 1530, 2026, tolerance=1), {}).status is Status.ACHIEVED
    )
    assert trajectory(series, goal(1188, 2015, 1530, 2026), {}).status is Status.ON_TRACK


def test_past_deadline_expects_the_whole_way() -> None:
    result = trajectory(Series.from_pairs({2025: 80}), goal(0, 2010, 100, 2020), {})
    assert result.expected == 1.0
    assert result.status is Status.NEEDS_ACCELERATION


def test_baseline_falls_back_to_first_observation() -> None:
    g = Goal(direction=Direction.INCREASE, target=10.0, deadline=Period.parse(2030))
    result = trajectory(Series.from_pairs({2020: 0, 2025: 5}), g, {})
    assert result.components["baseline_from"].startswith("first observation")
    assert result.status is Status.ON_TRACK


@pytest.mark.parametrize(
    ("series", "g", "reason"),
    [
        (
            {2016: 5},
            Goal(direction=Direction.INCREASE, deadline=Period.parse(2020)),
            "no target value",
        ),
        ({2016: 5}, Goal(direction=Direction.INCREASE, target=9.0), "no deadline"),
        ({}, goal(0, 2010, 100, 2020), "no observations"),
        ({2009: 1, 2010: 2}, goal(0, 2010, 100, 2020), "no observation after the baseline"),
        ({2015: 1}, goal(5, 2010, 5, 2020), "target equals the baseline"),
        ({2015: 1}, goal(5, 2010, 9, 2005), "not after the baseline"),
        (
            {2015: 1},
            Goal(direction=Direction.INCREASE, target=9.0, deadline=Period.parse(2015)),
            "not after the baseline",
        ),
    ],
)
def test_not_assessable_always_says_why(series: dict[int, float], g: Goal, reason: str) -> None:
    result = trajectory(Series.from_pairs(series), g, {})
    assert result.status is Status.NOT_ASSESSABLE
    assert result.reason is not None and reason in result.reason
    assert reason in result.explain()


# --- properties --------------------------------------------------------------------------

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def cases(draw: st.DrawFn) -> tuple[Goal, int]:
    direction = draw(st.sampled_from(["increase", "decrease"]))
    base = draw(finite)
    step = draw(st.floats(1e-2, 1e6))
    target = base + step if direction == "increase" else base - step
    base_year = draw(st.integers(1990, 2030))
    deadline = base_year + draw(st.integers(1, 20))
    latest_year = base_year + draw(st.integers(1, 25))
    return goal(base, base_year, target, deadline, direction), latest_year


@given(cases())
def test_progress_is_zero_at_baseline_and_one_at_target(case: tuple[Goal, int]) -> None:
    g, year = case
    assert g.baseline is not None and g.target is not None
    at_base = trajectory(Series.from_pairs({year: g.baseline.value}), g, {})
    at_target = trajectory(Series.from_pairs({year: g.target}), g, {})
    assert at_base.value == 0
    assert at_target.value == pytest.approx(1.0)
    assert at_target.status is Status.ACHIEVED


@given(cases(), finite, finite)
def test_better_latest_value_never_gives_a_worse_verdict(
    case: tuple[Goal, int], a: float, b: float
) -> None:
    g, year = case
    worse, better = sorted((a, b))
    if g.direction is Direction.DECREASE:
        worse, better = better, worse
    rank_worse = trajectory(Series.from_pairs({year: worse}), g, {}).status.rank
    rank_better = trajectory(Series.from_pairs({year: better}), g, {}).status.rank
    assert rank_worse is not None and rank_better is not None
    assert rank_better >= rank_worse


@given(cases(), finite, st.floats(-1e5, 1e5, allow_nan=False))
def test_shifting_everything_leaves_progress_unchanged(
    case: tuple[Goal, int], latest: float, shift: float
) -> None:
    g, year = case
    assert g.baseline is not None and g.target is not None and g.deadline is not None
    moved = goal(
        g.baseline.value + shift,
        int(str(g.baseline.period)),
        g.target + shift,
        int(str(g.deadline)),
        g.direction.value,
    )
    one = trajectory(Series.from_pairs({year: latest}), g, {})
    two = trajectory(Series.from_pairs({year: latest + shift}), moved, {})
    assume(one.value is not None and abs(one.value) < 1e6)
    assert two.value == pytest.approx(one.value, rel=1e-6, abs=1e-6)


@given(st.dictionaries(st.integers(1990, 2040), finite, max_size=8), cases())
def test_never_raises_on_data(points: dict[int, float], case: tuple[Goal, int]) -> None:
    result = trajectory(Series.from_pairs(points), case[0], {})
    assert result.status in Status
    if result.value is not None:
        assert math.isfinite(result.value)
