from __future__ import annotations

import pytest

from goalframe import Period, Series, Status
from goalframe._assessment import not_assessable


def test_from_pairs_sorts_and_checks() -> None:
    series = Series.from_pairs([("2021", 2.0), (2019, 1.0)], unit="kg")
    assert [str(p) for p in series.periods] == ["2019", "2021"]
    assert series.values == (1.0, 2.0)
    assert series.flags == (frozenset(), frozenset())
    assert series.times == (2019.0, 2021.0)
    assert series.value_at(Period.parse(2021)) == 2.0
    assert series.value_at(Period.parse(2020)) is None
    with pytest.raises(ValueError, match="occurs twice"):
        Series.from_pairs([(2019, 1.0), ("2019", 2.0)])
    with pytest.raises(ValueError, match="finite"):
        Series.from_pairs({2019: float("nan")})


def test_constructor_invariants() -> None:
    p = Period.parse
    with pytest.raises(ValueError, match="strictly increasing"):
        Series(periods=(p(2020), p(2019)), values=[1, 2])
    with pytest.raises(ValueError, match="2 periods but 1 values"):
        Series(periods=(p(2019), p(2020)), values=[1])
    with pytest.raises(ValueError, match="flag sets"):
        Series(periods=(p(2019),), values=[1], flags=(frozenset(), frozenset()))


def test_until() -> None:
    series = Series.from_pairs({2018: 1, 2019: 2, 2020: 3})
    assert series.until(None) is series
    assert series.until(Period.parse(2025)) is series
    assert series.until(Period.parse(2019)).values == (1.0, 2.0)
    assert len(series.until(Period.parse(2000))) == 0


def test_status_ranks() -> None:
    assert [s.rank for s in Status] == [4, 3, 2, 1, 0, 0, None, None]
    assert Status.from_rank(2) is Status.NEEDS_ACCELERATION
    assert Status.from_rank(0) is Status.MOVING_AWAY  # the forward-looking reading of rank 0
    assert [s for s in Status if s.forward_looking] == [
        Status.ON_TRACK,
        Status.NEEDS_ACCELERATION,
        Status.INSUFFICIENT_PROGRESS,
        Status.MOVING_AWAY,
    ]
    assert Status.NEEDS_ACCELERATION.label == "needs acceleration"
    with pytest.raises(ValueError, match="ranks run from 0 to 4"):
        Status.from_rank(7)


def test_not_assessable_explains_itself() -> None:
    result = not_assessable("trajectory", "no data", count=0)
    assert result.status is Status.NOT_ASSESSABLE
    assert result.explain().splitlines() == [
        "method: trajectory",
        "  count = 0",
        "verdict: not assessable (not_assessable): no data",
    ]
