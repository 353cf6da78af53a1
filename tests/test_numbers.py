"""The one number syntax: the fast path reads exactly what the full check reads."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalframe._numbers import _NUMBER, _ZERO, MAX_MAGNITUDE, parse_number


def _by_the_rule(text: str) -> float | None:
    """The syntax as the module states it, checked the slow way: None when refused."""
    raw = text.strip()
    if not _NUMBER.fullmatch(raw):
        return None
    value = float(raw)
    if value == 0 and not _ZERO.fullmatch(raw):
        return None
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        return None
    return value


texts = st.one_of(
    st.text(alphabet="0123456789+-.eE_ nainfINFx١٢", max_size=12),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(-1e20, 1e20).map(lambda v: f"{v:.6g}"),
)


@given(texts)
def test_the_fast_path_reads_exactly_what_the_syntax_allows(text: str) -> None:
    expected = _by_the_rule(text)
    if expected is None:
        with pytest.raises(ValueError):
            parse_number(text)
    else:
        assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "value"), [("52.37864770019231", 52.37864770019231), (" -.5e-3 ", -0.0005)]
)
def test_numbers_read(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1_000", "١٢", "1e400", "1e-400"])
def test_what_float_reads_but_goalframe_does_not(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)
