"""The values of observations: an observation, a row set aside, the set, the columns and flags."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from goalframe._messages import Message
from goalframe._numbers import check_number, parse_number
from goalframe._periods import Period
from goalframe.errors import Location

#: The flags an observation may carry, and what each means.
FLAGS: Mapping[str, str] = {
    "approx": "approximate: the source rounds ('almost', 'over')",
    "derived": "computed from other published values",
    "revised": "a later publication replaced the first figure",
    "provisional": "may still change",
    "estimated": "an estimate, not a count",
    "break": "break in series: the definition or method changed from this period",
    "suspect": "looks wrong (for example carried forward)",
}


Breakdown = tuple[tuple[str, str], ...]


@attrs.frozen(kw_only=True)
class Observation:
    """One observed value of one indicator (and breakdown) at one period, in its own unit.

    Attributes:
        indicator: The indicator's id.
        period: When.
        value: The value, in ``unit``.
        unit: The unit the source gave.
        breakdown: Disaggregation as sorted ``(column, value)`` pairs; ``()`` is the total.
        flags: Flags from `FLAGS` (approx, revised, provisional, break, ...).
        note: Free text from the file.
        location: Where it was read.
        vintage: When this figure was published (a ``vintage`` or ``published`` column): one
            period can hold several releases, and `goalframe.evaluate` uses the latest (or
            the one in force at its ``vintage`` date).

    Added in 0.1.
    """

    indicator: str
    period: Period
    value: float
    unit: str
    breakdown: Breakdown = ()
    flags: frozenset[str] = frozenset()
    note: str | None = None
    location: Location | None = None
    vintage: Period | None = None


@attrs.frozen(kw_only=True)
class SetAside:
    """An observation (or row) that was read but not used, and why.

    Attributes:
        reason: Why it was not used.
        indicator: The indicator id on the row, if any.
        period: The period as written.
        value: The value as written.
        location: Where the row is.

    Added in 0.1.
    """

    reason: str
    indicator: str | None = None
    period: str | None = None
    value: str | None = None
    location: Location | None = None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        what = " ".join(str(x) for x in (self.indicator, self.period) if x)
        return f"{where}{what + ': ' if what else ''}{self.reason}"


@attrs.frozen(kw_only=True)
class ObservationSet:
    """Observations read from one source, plus the rows set aside while reading.

    Attributes:
        observations: Usable observations, in file order.
        set_aside: Rows that were read but cannot be used, with the reason.
        source: The file or other source, for messages.

    Added in 0.1.
    """

    observations: tuple[Observation, ...]
    set_aside: tuple[SetAside, ...] = ()
    source: str = "<records>"

    def __len__(self) -> int:
        return len(self.observations)

    @property
    def indicators(self) -> tuple[str, ...]:
        """Indicator ids that have observations, in first-seen order."""
        return tuple(dict.fromkeys(o.indicator for o in self.observations))


def parse_value(text: Any) -> float:
    """Read a numeric value; raise ValueError with a fix for anything else.

    Text follows goalframe's one number syntax (`goalframe._numbers`): ASCII digits, an
    optional sign, decimal point and exponent, within ``±1e15``.
    """
    if isinstance(text, bool):
        raise ValueError(Message("number_not", number=Message("number_value", shown=repr(text))))
    if isinstance(text, int | float):
        return check_number(text)
    return parse_number(str(text))


def parse_flags(text: str | None) -> frozenset[str]:
    """Read ``approx``, ``approx;revised``, ``approx|revised`` into a set of known flags."""
    if not text:
        return frozenset()
    parts = {p.strip().lower() for p in text.replace("|", ";").replace(",", ";").split(";")}
    parts.discard("")
    unknown = sorted(parts - FLAGS.keys())
    if unknown:
        raise ValueError(Message("data_flag", flag=repr(unknown[0]), flags=", ".join(FLAGS)))
    return frozenset(parts)


#: The columns of a table of observations with a meaning of their own, and what each holds;
#: any other column is a breakdown (region, sex, age, ...). Every reader (CSV, spreadsheets,
#: SDMX-CSV, Open SDG, data frames) and the frame engine read this table.
COLUMNS: Mapping[str, str] = {
    "indicator": "the indicator's id in the goal file",
    "period": "a year (2020), quarter (2020-Q1), month (2020-01), date or financial year (2022/23)",
    "value": "the figure: a number, or blank (set aside with the reason)",
    "unit": "the figure's unit; converted into the indicator's",
    "flag": "flags such as revised, provisional, break (see FLAGS), comma-separated",
    "note": "a note on the figure, shown beside it",
    "source": "where the figure was published",
    "vintage": "when this release of the figure was published (revised figures by vintage)",
    "published": "another name for vintage",
}


#: The columns every table of observations needs.
REQUIRED_COLUMNS = ("indicator", "period", "value", "unit")


#: The columns that name a figure's release, as the readers read them (vintage, else published).
RELEASE_COLUMNS = ("vintage", "published")


#: Columns with a meaning of their own in a table of observations; others are breakdowns.
KNOWN_COLUMNS = tuple(COLUMNS)


def describe_breakdown(breakdown: Breakdown) -> str:
    """``region=NL, sex=F``, or ``the total`` for the empty breakdown."""
    return ", ".join(f"{k}={v}" for k, v in breakdown) if breakdown else "the total"
