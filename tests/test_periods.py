from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalframe import Frequency, Period


@pytest.mark.parametrize(
    ("raw", "text", "frequency"),
    [
        (2020, "2020", Frequency.YEAR),
        ("2020", "2020", Frequency.YEAR),
        (2020.0, "2020", Frequency.YEAR),
        ("2020Q3", "2020Q3", Frequency.QUARTER),
        ("2020-q3", "2020Q3", Frequency.QUARTER),
        ("2020-3", "2020-03", Frequency.MONTH),
        ("2020-03", "2020-03", Frequency.MONTH),
        ("2020-03-15", "2020-03-15", Frequency.DAY),
        (dt.date(2020, 3, 15), "2020-03-15", Frequency.DAY),
        (dt.datetime(2020, 3, 15, 12, 0), "2020-03-15", Frequency.DAY),
    ],
)
def test_parse_forms(raw: object, text: str, frequency: Frequency) -> None:
    period = Period.parse(raw)
    assert str(period) == text
    assert period.frequency is frequency
    assert Period.parse(str(period)) == period


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("2030-13", "month 13"),
        ("2021-02-30", "not a real date"),
        ("20x", "expected a year"),
        ("2020Q5", "expected a year"),
        (True, "expected a year"),
        (99, "outside"),
        (None, "expected a year"),
        (2020.5, "expected a year"),
    ],
)
def test_parse_rejects(raw: object, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        Period.parse(raw)


def test_one_ordering_across_frequencies() -> None:
    ordered = [
        "2019",
        "2019Q4",
        "2019-12",
        "2020",
        "2020Q1",
        "2020-01",
        "2020-01-01",
        "2020-02",
        "2020Q2",
    ]
    periods = [Period.parse(p) for p in ordered]
    backwards = periods[::-1]
    assert sorted(backwards) == periods


def test_time_axis_in_years() -> None:
    assert Period.parse(2020).time == 2020.0
    assert Period.parse("2020Q3").time == 2020.5
    assert Period.parse("2020-04").time == pytest.approx(2020.25)
    assert Period.parse("2021-07-02").time == pytest.approx(2021 + 182 / 365)
    assert Period.parse("2020-12-31").time == pytest.approx(2020 + 365 / 366)


def test_json_form() -> None:
    assert Period.parse("2020").to_json() == 2020
    assert Period.parse("2020Q1").to_json() == "2020Q1"
    assert repr(Period.parse("2020Q1")) == "Period('2020Q1')"


def test_comparison_with_other_types_is_not_supported() -> None:
    with pytest.raises(TypeError):
        _ = Period.parse(2020) < 2021  # type: ignore[operator]


periods = st.one_of(
    st.integers(1000, 9999).map(Period.parse),
    st.builds(lambda y, q: Period.parse(f"{y}Q{q}"), st.integers(1000, 9999), st.integers(1, 4)),
    st.builds(
        lambda y, m: Period.parse(f"{y}-{m:02d}"), st.integers(1000, 9999), st.integers(1, 12)
    ),
    st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)).map(Period.parse),
)


@given(periods)
def test_text_round_trip(period: Period) -> None:
    assert Period.parse(str(period)) == period
    assert Period.parse(period.to_json()) == period


@given(periods, periods)
def test_ordering_is_total_and_consistent_with_time(a: Period, b: Period) -> None:
    assert (a < b) + (a == b) + (a > b) == 1
    if a.time < b.time:
        assert a < b
