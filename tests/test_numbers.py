"""The one number syntax: the fast path reads exactly what the full check reads."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
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


@settings(max_examples=300, deadline=None)
@given(
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False).filter(
        lambda v: v == 0 or abs(v) >= 1e-15
    ),
    st.sampled_from(["en", "nl"]),
)
def test_a_number_on_a_card_reads_back_as_itself(value: float, lang: str) -> None:
    # Issue 30, point 6: small values printed as 1e-05 in every language. A card's number is
    # plain digits in the locale's way (no exponent), and babel's parser of that locale reads
    # it back to the number within the card's rounding (four significant digits, one decimal
    # from 100 up, two from 1 up).
    from babel.numbers import parse_decimal

    from goalframe._messages import number

    shown = number(value, lang)
    assert "e" not in shown.lower()
    back = float(parse_decimal(shown.replace("−", "-"), locale=lang, strict=False))
    slack = 0.05 if abs(value) >= 100 else 0.005 if abs(value) >= 1 else 5e-4 * abs(value)
    assert abs(back - value) <= slack * 1.0001 + abs(value) * 1e-12, (value, shown, back)
