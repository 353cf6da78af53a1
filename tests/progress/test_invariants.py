"""Properties every general method shares: unit changes and row order never change verdicts."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf

GENERAL = [m.name for m in gf.methods() if m.general]
series_st = st.dictionaries(st.integers(2010, 2030), st.floats(1, 1e6), min_size=1, max_size=12)


@pytest.mark.parametrize("method", GENERAL)
@given(
    points=series_st,
    target=st.floats(1, 1e6),
    seed=st.integers(0, 2**16),
    direction=st.sampled_from(["increase", "decrease"]),
)
def test_unit_and_order_do_not_change_the_verdict(
    method: str, points: dict[int, float], target: float, seed: int, direction: str
) -> None:
    kw = {
        "direction": direction,
        "target": target,
        "target_period": 2032,
        "baseline_period": min(points),
        "method": method,
    }
    in_kg = gf.assess(points, **kw)  # type: ignore[arg-type]
    items = [(p, v / 1000) for p, v in points.items()]
    random.Random(seed).shuffle(items)
    in_t = gf.assess(dict(items), **{**kw, "target": target / 1000})  # type: ignore[arg-type]
    assert in_t.status == in_kg.status
    assert in_t.label == in_kg.label


@pytest.mark.parametrize("method", GENERAL)
@given(
    points=series_st,
    target=st.one_of(st.none(), st.floats(-1e6, 1e6)),
    direction=st.sampled_from(["increase", "decrease"]),
)
def test_methods_never_raise_on_data(
    method: str, points: dict[int, float], target: float | None, direction: str
) -> None:
    result = gf.assess(
        points, direction=direction, target=target, target_period=2031, method=method
    )
    assert result.status in gf.Status
    if result.status is gf.Status.NOT_ASSESSABLE:
        assert result.reason  # not assessable always says why
