"""One number syntax and one range for every number goalframe reads.

A number is ASCII digits with an optional sign, an optional decimal point and an optional
exponent (``-12``, ``3.5``, ``.5``, ``1.2e3``). Nothing else is read as a number: no
underscores (``1_000``), no digits of other scripts (Arabic-Indic, full-width), no ``nan`` or
``inf``, no hex, no thousands separators. A number must lie within ``±MAX_MAGNITUDE``, and a
written number that is not zero must not round to zero (``1e-400``). This module imports
nothing from goalframe.
"""

from __future__ import annotations

import math
import re

__all__ = ["MAX_MAGNITUDE", "check_number", "parse_number"]

#: The largest magnitude goalframe reads: far beyond any indicator (world GDP in euros is
#: about 1e14), small enough that sums, differences and growth rates stay finite.
MAX_MAGNITUDE = 1e15
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_ZERO = re.compile(r"[+-]?(?:0+(?:\.0*)?|\.0+)(?:[eE][+-]?[0-9]+)?")


def parse_number(text: str, *, what: str = "value") -> float:
    """Read a number written as text, or raise ValueError saying what is wrong and the fix.

    Args:
        text: The text, e.g. ``"1234.5"`` or ``"-1.2e3"``; surrounding spaces are ignored.
        what: What the number is, for the message (``"value"``, ``"target"``).

    Returns:
        The number, within ``±MAX_MAGNITUDE``.

    Raises:
        ValueError: The text is not a number in the syntax above, or out of range.
    """
    raw = text.strip()
    # Fast path: ASCII text without "_" that float() reads as a finite non-zero number is
    # exactly a number of the syntax above (float's other forms, nan, inf, 1_000 and other
    # scripts' digits, fail this test and take the full check below).
    if raw.isascii() and "_" not in raw:
        try:
            value = float(raw)
        except ValueError:
            value = 0.0
        if value != 0 and -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
            return value
    if not _NUMBER.fullmatch(raw):
        raise ValueError(_why_not(raw, what))
    value = float(raw)
    if value == 0 and not _ZERO.fullmatch(raw):
        msg = f"{_name(what, repr(raw))} is too small to represent (it would read as 0)"
        raise ValueError(msg)
    return check_number(value, what=what, shown=raw)


def check_number(value: float, *, what: str = "value", shown: object = None) -> float:
    """Check that a number is finite and within range; return it as a float.

    Raises:
        ValueError: NaN, an infinity, or a magnitude beyond ``MAX_MAGNITUDE``.
    """
    # The text for a message is made only when there is one: this runs once per figure read.
    if type(value) is float and -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
        return value  # the usual case (NaN fails both comparisons)
    text = repr(shown if shown is not None else value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"{_name(what, text)} is not a number"
        raise ValueError(msg)
    if isinstance(value, int) and abs(value) > MAX_MAGNITUDE:
        msg = f"{_name(what, text)} is beyond ±{MAX_MAGNITUDE:g}, the largest magnitude read"
        raise ValueError(msg)
    number = float(value)
    if not math.isfinite(number):
        msg = f"{_name(what, text)} is not a finite number"
        raise ValueError(msg)
    if abs(number) > MAX_MAGNITUDE:
        msg = f"{_name(what, text)} is beyond ±{MAX_MAGNITUDE:g}, the largest magnitude read"
        raise ValueError(msg)
    return number


def _why_not(raw: str, what: str) -> str:
    if not raw:
        return f"{what or 'the number'} is empty"
    if "_" in raw:
        fix = "write digits without '_' (1000, not 1_000)"
    elif any(c.isdigit() and not c.isascii() for c in raw):
        fix = "write the digits 0-9"
    elif raw.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        missing = "leave the cell empty for a missing value"
        return f"{_name(what, repr(raw))} is not a finite number; {missing}"
    elif "," in raw:
        fix = "write decimals with a point and no thousands separators (1234.5)"
    else:
        fix = "write a number such as 12, -3.5 or 1.2e3"
    return f"{_name(what, repr(raw))} is not a number; {fix}"


def _name(what: str, shown: str) -> str:
    return f"{what} {shown}" if what else shown
