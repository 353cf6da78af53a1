"""The natural limits of a unit: what no figure in it can be below (or above).

A count (plantations, cases, persons) and a physical amount (kilograms, litres, hours) is
never below zero; a percentage is between 0 and 100. Money, percentage points, rates of one
count per another and plain numbers have no limit goalframe can know. A projection past a
limit (a trend of plantations fitted to below zero) is shown cut at it, with a caveat.
"""

from __future__ import annotations

import functools
import math

__all__ = ["natural_limits"]


@functools.lru_cache(maxsize=1024)
def natural_limits(unit: str | None) -> tuple[float, float]:
    """The lowest and highest figure ``unit`` allows.

    ``(0, 100)`` for percent, ``(0, inf)`` for a count or a physical amount, ``(-inf, inf)``
    otherwise (or for an unknown unit). Uses pint's dimensionality; call it only when a
    figure is past zero or 100, so that a card whose units are all its indicators' own does
    not import pint.
    """
    unbounded = (-math.inf, math.inf)
    if not unit:
        return unbounded
    from goalframe.errors import UnitError
    from goalframe.units import get_registry

    try:
        from goalframe.units import _parse

        units = _parse(unit)
    except UnitError:
        return unbounded
    dims = dict(units.dimensionality)
    if not dims:  # percentage points, the difference of two shares, can be negative
        return (0.0, 100.0) if units == get_registry().percent else unbounded
    if len(dims) != 1:
        return unbounded  # a rate (cases per person), a speed: a quotient has no limit here
    ((name, power),) = dims.items()
    if power <= 0 or name.startswith("[currency") or name == "[temperature]":
        return unbounded  # money can be owed; temperatures go below zero
    return (0.0, math.inf)
