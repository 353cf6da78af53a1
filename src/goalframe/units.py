"""Units of measurement: one lazily built pint registry for the whole application.

goalframe keeps values as plain floats in each indicator's unit. pint is used at the edges only:
to check that a unit exists, that two units measure the same thing, and to work out once per
pair of units the conversion that is then applied to plain floats. pint is imported the first
time one of these functions runs, never when goalframe is imported.

The registry is pint's default one extended with goalframe's counting units (``plantation``,
``site``, ``case``, ``person``, ``network``, ``dumping``, ...), currencies (``EUR``,
``EUR_million``, ``USD``; each currency is a dimension of its own, never converted into
another) and ``percentage_point``. See ``units.txt`` in the package for the full list.

Environment:
    GOALFRAME_PINT_CACHE: pint's on-disk cache makes building the registry about nine times
        faster. Unset: pint's own cache folder. ``0``: no cache (read-only or sandboxed
        machines). Any other value: that folder. A cache that cannot be used is ignored.

Added in 0.1.
"""

from __future__ import annotations

import functools
import math
import os
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

from goalframe._messages import Message
from goalframe.errors import IncompatibleUnitsError, UndefinedUnitError, UnitError

if TYPE_CHECKING:
    import pint

    Registry = pint.UnitRegistry[Any]

__all__ = [
    "Conversion",
    "check_unit",
    "conversion",
    "define_unit",
    "dimension_of",
    "get_registry",
    "unit_trap",
    "use_registry",
]

# Spellings that pint accepts but that mean something other than what a policy analyst means.
TRAPS: dict[str, str] = {
    "kt": "'kt' is a knot (a speed) in pint; for kilotonnes write 'kilotonne'",
    "pp": "'pp' is a typographic point (a length) in pint; write 'percentage_point'",
    "a": "'a' is a year (annum) in pint; write the unit you mean, e.g. 'case' or 'are'",
    "ton": "'ton' is the US short ton (907 kg) in pint; for metric tonnes write 't' or 'tonne'",
    "mass": "'mass' is a milliarcsecond in pint; write a unit such as 'kg'",
    "mil": "'mil' is a thousandth of an inch in pint; for millions write e.g. 'EUR_million'",
    "pt": "'pt' is a pint (a volume) in pint; for points write 'percentage_point'",
    "ct": "'ct' is a carat (a mass) in pint; for cents or counts write the unit you mean",
    "gal": "'gal' is the US gallon (3.785 litres) in pint; for litres write 'l'",
}


def unit_trap(expression: str) -> str | None:
    """What pint reads in a unit expression that a policy analyst probably did not mean.

    Returns the first trap's explanation and fix (``'ton' is the US short ton ...``), or None.
    Reads only the spelling: no registry is built.

    Added in 0.2.
    """
    token = trap_token(expression)
    return TRAPS[token] if token else None


def trap_token(expression: str) -> str | None:
    """The first name in a unit expression that is one of `TRAPS` (``ton``), or None."""
    import re

    return next((t for t in re.split(r"[\s*/^()]+", expression) if t in TRAPS), None)


def trap_message(token: str) -> Message:
    """A trap of `TRAPS` as a catalogue message (``'ton' is the US short ton ...; write 't'``)."""
    return Message("trap", meaning=Message(f"trap_{token}"), fix=Message(f"trap_{token}_fix"))


_state: dict[str, Any] = {}


def _build_registry() -> Registry:
    import pint

    setting = os.environ.get("GOALFRAME_PINT_CACHE", ":auto:")
    registry: Registry | None = None
    if setting != "0":
        try:
            registry = pint.UnitRegistry(cache_folder=setting)
        except Exception:  # noqa: BLE001 - a broken or unwritable cache must not stop the user
            registry = None
    if registry is None:
        registry = pint.UnitRegistry()
    with resources.as_file(resources.files("goalframe") / "units.txt") as path:
        registry.load_definitions(str(path))
    return registry


def get_registry() -> Registry:
    """Return the application's unit registry, building it on first use.

    Returns:
        The registry set with `use_registry`, or goalframe's own, extended from ``units.txt``.

    Examples:
        >>> from goalframe.units import get_registry
        >>> str(get_registry().parse_units("EUR_million"))
        'MEUR'

    Added in 0.1.
    """
    registry = _state.get("registry")
    if registry is None:
        registry = _state["registry"] = _build_registry()
    return registry


def use_registry(registry: Registry | None) -> None:
    """Make goalframe use an application's own pint registry (None: back to goalframe's).

    The registry should define the units that goal files use; `goalframe.units` defines its
    own counting units only in the registry it builds itself.

    Args:
        registry: A `pint.UnitRegistry`, or None to drop it.

    Added in 0.1.
    """
    _state.clear()
    if registry is not None:
        _state["registry"] = registry
        _state["custom"] = True
    _parse.cache_clear()
    conversion.cache_clear()


_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
#: Units goal files defined in this session: name -> definition (to refuse a different one).
_defined: dict[str, str] = {}


def define_unit(name: str, definition: str | None = None, aliases: tuple[str, ...] = ()) -> None:
    """Define a unit a goal file needs: a counting unit of its own, or a scale of another.

    ``define_unit("county_line")`` makes a new countable thing (its own dimension, so it never
    converts into plantations); ``define_unit("per_100k", "1e-5")`` a scale of a number;
    ``define_unit("kt_cocaine", "kilotonne")`` another name for a unit. Defining the same unit
    again the same way is fine.

    Raises:
        UnitError: The name is not a valid unit name, clashes with a unit pint or goalframe
            already defines, or the definition cannot be read; the message says which.

    Added in 0.2.
    """
    import pint

    if not _NAME.match(name):
        msg = f"unit name {name!r} must be letters, digits and '_', starting with a letter"
        raise UnitError(msg)
    body = (definition or f"[{name}]").strip()
    full = f"{name} = {body}" + "".join(f" = {a}" for a in (("_", *aliases) if aliases else ()))
    if name in _defined:
        if _defined[name] != full:
            msg = f"unit {name!r} is already defined differently ({_defined[name]})"
            raise UnitError(msg)
        return
    registry = get_registry()
    for word in (name, *aliases):
        try:
            registry.parse_units(word)
        except pint.errors.UndefinedUnitError:
            continue
        except Exception:  # noqa: BLE001 - any other parse failure: not a clash
            continue
        msg = (
            f"unit {word!r} clashes with a unit pint already knows "
            f"({dimension_of(word)}); choose another name"
        )
        raise UnitError(msg)
    try:
        registry.define(full)
    except Exception as exc:  # noqa: BLE001 - pint raises several kinds for a bad definition
        msg = f"cannot define unit {name!r} as {body!r}: {exc}"
        raise UnitError(msg) from None
    _defined[name] = full
    _parse.cache_clear()
    conversion.cache_clear()


def _normalise(expression: str) -> str:
    return expression.strip().replace("€", "EUR")


#: The longest unit expression goalframe parses (``kg/(person*year)`` is 16 characters).
MAX_UNIT_LENGTH = 200


@functools.lru_cache(maxsize=4096)
def _parse(expression: str) -> Any:
    import pint

    text = _normalise(expression)
    if not text:
        raise UndefinedUnitError(Message("unit_empty"))
    if len(text) > MAX_UNIT_LENGTH:  # pint's parser takes minutes on a 200,000-character text
        message = Message("unit_too_long", start=repr(text[:40]), length=len(text))
        raise UndefinedUnitError(message)
    registry = get_registry()
    try:
        return registry.parse_units(text)
    except pint.UndefinedUnitError as exc:
        message = Message("unit_unknown", unit=repr(expression), why=str(exc))
        raise UndefinedUnitError(message) from None
    except Exception as exc:  # noqa: BLE001 - pint raises many kinds on malformed text
        message = Message("unit_not_expression", unit=repr(expression), kind=type(exc).__name__)
        raise UndefinedUnitError(message) from None


#: Plain unit names every goalframe registry knows, checked without importing pint (which
#: takes about 0.2 s to import): the names in ``units.txt`` and common pint units. A test
#: checks each one parses in goalframe's registry; an application registry
#: (`use_registry`) always goes through pint.
_COMMON = frozenset(
    {
        "percent", "kg", "g", "t", "tonne", "kilogram", "gram", "km", "m", "metre", "meter",
        "litre", "liter", "l", "hour", "day", "week", "year", "month", "second", "minute",
        "ha", "hectare", "kilotonne", "kWh", "MWh", "GWh", "TWh",
    }
)  # fmt: skip


@functools.cache
def _plain_names() -> frozenset[str]:
    """Every name (and alias) ``units.txt`` defines, read from the file, and `_COMMON`."""
    text = (resources.files("goalframe") / "units.txt").read_text(encoding="utf-8")
    names: set[str] = set(_COMMON)
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if "=" not in line:
            continue
        parts = [p.strip() for p in line.split("=")]
        names.add(parts[0])
        names.update(p for p in parts[2:] if p and p != "_" and _NAME.match(p))
    return frozenset(names)


def _known_without_pint(expression: str) -> bool:
    """A plain name goalframe's own registry defines: valid without importing pint."""
    return "custom" not in _state and _normalise(expression) in _plain_names()


def check_unit(expression: str) -> str:
    """Check that a unit expression is defined, and return it stripped.

    Args:
        expression: A pint unit expression such as ``"plantation"`` or ``"case / person"``.

    Returns:
        The expression without surrounding white space.

    Raises:
        UndefinedUnitError: The expression names an unknown unit or is not a unit at all.

    Added in 0.1.
    """
    if not _known_without_pint(expression):
        _parse(expression)
    return expression.strip()


def dimension_of(expression: str) -> str:
    """Describe what a unit measures, e.g. ``[mass]`` or ``[plantation]``.

    Args:
        expression: A unit expression.

    Returns:
        pint's dimensionality as text; ``dimensionless`` for pure numbers and percentages.

    Raises:
        UndefinedUnitError: The unit is unknown.

    Added in 0.1.
    """
    units = _parse(expression)
    dims = str(units.dimensionality)
    return dims if dims not in ("", "dimensionless") else "dimensionless"


class Conversion:
    """An affine map ``y = offset + scale * x`` from one unit to another, on plain floats.

    Attributes:
        source: The unit converted from.
        target: The unit converted to.
        scale: The factor.
        offset: The shift (zero for all but offset units such as degC).

    Added in 0.1.
    """

    __slots__ = ("offset", "scale", "source", "target")

    def __init__(self, source: str, target: str, scale: float, offset: float = 0.0) -> None:
        self.source = source
        self.target = target
        self.scale = scale
        self.offset = offset

    @property
    def is_identity(self) -> bool:
        """True when converting changes nothing."""
        return self.scale == 1.0 and self.offset == 0.0

    def __call__(self, value: float) -> float:
        """Convert one value."""
        return self.offset + self.scale * value if not self.is_identity else value

    def __repr__(self) -> str:
        return f"Conversion({self.source!r} -> {self.target!r}: {self.offset} + {self.scale}*x)"


@functools.lru_cache(maxsize=4096)
def conversion(source: str, target: str) -> Conversion:
    """Work out, once, how to convert plain values from one unit to another.

    Args:
        source: The unit the values are in.
        target: The unit they should be in.

    Returns:
        A callable `Conversion`; apply it to each float.

    Raises:
        UndefinedUnitError: One of the units is unknown.
        IncompatibleUnitsError: The units measure different things; the message names both
            and what each measures.

    Examples:
        >>> from goalframe.units import conversion
        >>> conversion("t", "kg")(2.5)
        2500.0

    Added in 0.1.
    """
    if _normalise(source) == _normalise(target) and _known_without_pint(source):
        return Conversion(source, target, 1.0)  # the same unit: no pint needed
    import pint

    src, dst = _parse(source), _parse(target)
    if src == dst:
        return Conversion(source, target, 1.0)
    registry = get_registry()
    try:
        zero = float(registry.Quantity(0.0, src).to(dst).magnitude)
        one = float(registry.Quantity(1.0, src).to(dst).magnitude)
        ten = float(registry.Quantity(10.0, src).to(dst).magnitude)
    except pint.DimensionalityError:
        hints = [trap_message(u.strip()) for u in (source, target) if u.strip() in TRAPS]
        message = Message(
            "unit_incompatible_hint" if hints else "unit_incompatible",
            source=repr(source),
            source_dimension=dimension_of(source),
            target=repr(target),
            target_dimension=dimension_of(target),
            hints=hints,
        )
        raise IncompatibleUnitsError(message) from None
    except pint.PintError as exc:  # logarithmic units and other non-affine conversions
        message = Message(
            "unit_not_convertible", source=repr(source), target=repr(target), why=str(exc)
        )
        raise UnitError(message) from None
    scale = one - zero
    affine = math.isclose(ten, zero + 10 * scale, rel_tol=1e-9, abs_tol=1e-12)
    if not (math.isfinite(scale) and math.isfinite(zero)) or scale == 0 or not affine:
        raise UnitError(Message("unit_not_linear", source=repr(source), target=repr(target)))
    return Conversion(source, target, scale, zero)
