"""One number syntax and one range for every number goalframe reads.

A number is ASCII digits with an optional sign, an optional decimal point and an optional
exponent (``-12``, ``3.5``, ``.5``, ``1.2e3``). Nothing else is read as a number: no
underscores (``1_000``), no digits of other scripts (Arabic-Indic, full-width), no ``nan`` or
``inf``, no hex, no thousands separators. A number must lie within ``±MAX_MAGNITUDE``, and a
written number that is not zero must not round to zero (``1e-400``). A refusal is a
ValueError whose text is a catalogue `Message` (English as a string, said in every
language); this module imports nothing else from goalframe.
"""

from __future__ import annotations

import math
import re

from goalframe._messages import Message

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
        raise ValueError(Message("number_too_small", number=_name(what, raw)))
    return check_number(value, what=what, shown=raw)


def check_number(value: float, *, what: str = "value", shown: object = None) -> float:
    """Check that a number is finite and within range; return it as a float.

    Raises:
        ValueError: NaN, an infinity, or a magnitude beyond ``MAX_MAGNITUDE``.
    """
    # The text for a message is made only when there is one: this runs once per figure read.
    if type(value) is float and -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
        return value  # the usual case (NaN fails both comparisons)
    name = _name(what, shown if shown is not None else value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(Message("number_not", number=name))
    if isinstance(value, int) and abs(value) > MAX_MAGNITUDE:
        raise ValueError(Message("number_beyond", number=name, largest=f"{MAX_MAGNITUDE:g}"))
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(Message("number_not_finite", number=name))
    if abs(number) > MAX_MAGNITUDE:
        raise ValueError(Message("number_beyond", number=name, largest=f"{MAX_MAGNITUDE:g}"))
    return number


def _why_not(raw: str, what: str) -> Message:
    if not raw:
        return Message("number_empty", number=_name(what, None))
    if raw.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        return Message("number_not_finite_cell", number=_name(what, raw))
    if "_" in raw:
        fix = "underscore"
    elif any(c.isdigit() and not c.isascii() for c in raw):
        fix = "digits"
    elif "," in raw:
        fix = "comma"
    else:
        fix = "syntax"
    return Message(f"number_not_{fix}", number=_name(what, raw))


def _name(what: str, shown: object) -> Message | str:
    """The number named for a message: ``value '12x'`` (said in each language), ``'12x'``."""
    text = "" if shown is None else repr(shown)
    if what == "value":
        return Message("number_value", shown=text) if text else Message("number_the_value")
    if not what:
        return text or Message("number_the_number")
    return f"{what} {text}" if text else what
