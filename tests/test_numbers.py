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


#: Locales whose numbers differ from English in more than the two symbols: narrow no-break
#: space groups (French), groups of two (India, Bangladesh), the Arabic separators of Egypt's
#: numbering system, no-break space groups (Polish). Not Swiss German: babel 2.19 writes
#: 1'234 but 1234567 without groups (its apostrophe is read as a quote of the pattern).
OTHER_LOCALES = ["nl_NL", "fr_FR", "hi_IN", "ar_EG", "bn_BD", "pl_PL", "en_GB", "de_DE"]


@settings(max_examples=200, deadline=None)
@given(
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False).filter(
        lambda v: v == 0 or abs(v) >= 1e-15
    ),
    st.sampled_from(OTHER_LOCALES),
)
def test_a_locale_writes_goalframes_digits_as_babel_does(value: float, name: str) -> None:
    # Issue 30, point 6: numbers were English text with two symbols swapped, so a locale
    # with other group sizes or other digits would be wrong. The digits are goalframe's
    # (`_text.number`); how they look is what babel's format_decimal writes for the locale
    # with its own numbering system, and babel's parser of that locale reads it back.
    from decimal import Decimal

    from babel import Locale
    from babel.numbers import format_decimal, parse_decimal

    from goalframe._locale_numbers import for_locale
    from goalframe._text import number

    english = number(value)
    ours = for_locale(name).localise(english)
    assert for_locale(name).number(english) == ours  # the fast path, the same text
    locale = Locale.parse(name)
    system = locale.default_numbering_system
    # The locale's own pattern, with exactly goalframe's decimals (babel would drop a
    # trailing zero that goalframe writes: 101.0).
    decimals = len(english.partition(".")[2])
    pattern = locale.decimal_formats[None].pattern.split(";")[0].split(".")[0]
    pattern += "." + "0" * decimals if decimals else ""
    theirs = format_decimal(
        Decimal(english.replace(",", "")), format=pattern, locale=locale, numbering_system=system
    )
    assert ours == theirs, (english, ours, theirs)
    back = parse_decimal(ours, locale=locale, numbering_system=system)
    assert back == Decimal(english.replace(",", "")), (ours, back)


def test_locales_with_groups_of_two_and_their_own_separators() -> None:
    # Worked examples: 12,345,678.25 in India is 1,23,45,678.25; Egypt's separators are the
    # Arabic ones (babel writes Latin digits everywhere); a Swiss group is an apostrophe.
    from goalframe._locale_numbers import for_locale

    assert for_locale("hi_IN").localise("12,345,678.25") == "1,23,45,678.25"
    assert for_locale("ar_EG").localise("12,345.5") == "12٬345٫5"
    from babel.numbers import get_group_symbol

    swiss = get_group_symbol("de_CH")  # an apostrophe or a right single quote, by CLDR version
    assert for_locale("de_CH").localise("-1,234,567.5") == f"-1{swiss}234{swiss}567.5"
    assert for_locale("nl_NL").localise("the total is 1,300 of 2,000.5") == (
        "the total is 1.300 of 2.000,5"
    )
    assert for_locale("fr_FR").percent == "{}\u00a0%"  # 57 %, with CLDR's no-break space
