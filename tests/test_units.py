from __future__ import annotations

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalframe import units
from goalframe.errors import IncompatibleUnitsError, UndefinedUnitError, UnitError


@pytest.mark.parametrize(
    ("source", "target", "value", "expected"),
    [
        ("t", "kg", 2.5, 2500.0),
        ("kilotonne", "t", 1.0, 1000.0),
        ("EUR_million", "EUR", 3.0, 3e6),
        ("MEUR", "EUR_million", 7.0, 7.0),
        ("kEUR", "EUR_million", 1500.0, 1.5),
        ("percent", "percentage_point", 12.0, 12.0),
        ("%", "dimensionless", 50.0, 0.5),
        ("plantations", "plantation", 3.0, 3.0),
        ("degC", "degF", 10.0, 50.0),
        ("€", "EUR", 5.0, 5.0),
    ],
)
def test_conversions(source: str, target: str, value: float, expected: float) -> None:
    assert units.conversion(source, target)(value) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("plantation", "site"),
        ("case", "person"),
        ("kg", "plantation"),
        ("EUR", "USD"),
        ("EUR_million", "percent"),
    ],
)
def test_incompatible_units_are_an_error_naming_both(source: str, target: str) -> None:
    with pytest.raises(IncompatibleUnitsError) as info:
        units.conversion(source, target)
    assert repr(source) in str(info.value)
    assert repr(target) in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("name", ["frobnicate", "", "   ", "1e6 EUR", "EUR €€"])
def test_unknown_units(name: str) -> None:
    with pytest.raises(UndefinedUnitError):
        units.check_unit(name)


def test_pint_traps_are_what_pint_says_and_goalframe_hints() -> None:
    # pint's reading of these spellings is surprising; these tests pin it down.
    assert units.dimension_of("kt") == "[length] / [time]"  # a knot
    assert units.dimension_of("pp") == "[length]"  # a typographic point
    assert units.dimension_of("a") == "[time]"  # a year
    assert units.conversion("ton", "kg")(1) == pytest.approx(907.18474)  # short ton
    assert units.conversion("t", "kg")(1) == 1000.0
    with pytest.raises(IncompatibleUnitsError, match="knot"):
        units.conversion("kg", "kt")
    with pytest.raises(IncompatibleUnitsError, match="percentage_point"):
        units.conversion("pp", "percent")


def test_domain_counting_units_have_their_own_dimensions() -> None:
    for name in ("plantation", "site", "case", "person", "network", "dumping", "seizure"):
        assert units.dimension_of(name) == f"[{name}]"
    assert units.dimension_of("percent") == "dimensionless"
    assert units.check_unit(" case / person ") == "case / person"


def test_identity_conversion() -> None:
    conv = units.conversion("kg", "kg")
    assert conv.is_identity
    assert conv(3.0) == 3.0
    assert "kg" in repr(conv)


def test_logarithmic_units_refused() -> None:
    with pytest.raises(UnitError):
        units.conversion("dB", "dimensionless")


def test_registry_is_lazy_and_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    first = units.get_registry()
    assert units.get_registry() is first
    assert isinstance(first, pint.UnitRegistry)


def test_use_registry_and_reset() -> None:
    own = pint.UnitRegistry()
    own.define("widget = [widget]")
    try:
        units.use_registry(own)
        assert units.get_registry() is own
        assert units.dimension_of("widget") == "[widget]"
        with pytest.raises(UndefinedUnitError):
            units.check_unit("plantation")  # not defined in the application's own registry
    finally:
        units.use_registry(None)
    assert units.dimension_of("plantation") == "[plantation]"


@pytest.mark.parametrize("setting", ["0", "/dev/null/not-a-folder"])
def test_registry_builds_without_a_usable_cache(
    monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.setenv("GOALFRAME_PINT_CACHE", setting)
    units.use_registry(None)
    try:
        assert units.conversion("EUR_million", "EUR")(1) == 1e6
    finally:
        units.use_registry(None)


@given(st.floats(-1e12, 1e12, allow_nan=False))
def test_round_trip_conversion(value: float) -> None:
    there = units.conversion("t", "kg")(value)
    back = units.conversion("kg", "t")(there)
    assert back == pytest.approx(value, rel=1e-12, abs=1e-9)
