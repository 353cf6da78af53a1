from __future__ import annotations

import contextvars
import datetime as dt
import enum
import numbers
import operator
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import attrs

from goalframe._messages import Message

__all__ = ["Frequency", "Period", "parse_period"]


class Frequency(enum.StrEnum):
    """How long a period lasts: the granularity of a value's time stamp.

    Added in 0.1.
    """

    YEAR = "year"
    FISCAL_YEAR = "fiscal_year"
    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"


_SPAN = {
    Frequency.YEAR: 4,
    Frequency.FISCAL_YEAR: 4,
    Frequency.QUARTER: 3,
    Frequency.MONTH: 2,
    Frequency.DAY: 1,
}
#: The month a financial (fiscal, school) year starts in: 4 (April, the UK and Dutch-school
#: convention) unless a goal file's `year_start` says otherwise (7 Australia, 10 US federal).
DEFAULT_YEAR_START = 4
_YEAR_START: contextvars.ContextVar[int] = contextvars.ContextVar(
    "goalframe_year_start", default=DEFAULT_YEAR_START
)
_FISCAL_SLASH = re.compile(r"^(\d{4})/(\d{2}|\d{4})$")
_FISCAL_DASH = re.compile(r"^(\d{4})-(\d{2})$")
_FISCAL_FY = re.compile(r"^[Ff][Yy]\s?(\d{4})$")
_SDMX = re.compile(r"^(\d{4})-([AMSWDT])(\d{1,3})$")
_YEAR = re.compile(r"^\d{4}$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MIN_YEAR, _MAX_YEAR = 1000, 9999


@attrs.frozen(order=False, repr=False)
class Period:
    """A year (``2020``), quarter (``2020Q1``), month (``2020-03``) or day (``2020-03-15``).

    Periods of every frequency share one ordering: by the moment they start, and for periods
    that start together, the longer one first (``2020 < 2020Q1 < 2020-01 < 2020-01-01``).
    `time` places a period on a continuous axis in years (``2020Q2`` -> 2020.25), which is what
    the assessment methods use for elapsed time.

    Build one with `Period.parse`; ``str(period)`` gives back the canonical text.

    Added in 0.1.
    """

    frequency: Frequency
    year: int
    sub: int = 0
    day: int = 0
    # Computed once: periods are compared and placed in time millions of times per run.
    _order: tuple[int, int] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _time: float = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_order", (self.start.toordinal(), -_SPAN[self.frequency]))
        object.__setattr__(self, "_time", self._compute_time())

    @classmethod
    def parse(cls, value: object) -> Period:
        """Read a period from an int, a string or a date.

        Args:
            value: ``2020``, ``"2020"``, ``"2020Q1"``, ``"2020-Q1"``, ``"2020-03"``,
                ``"2020-03-15"``, a `datetime.date` or a `Period`.

        Returns:
            The period.

        Raises:
            ValueError: The value is not one of the forms above (the message lists them).
        """
        return parse_period(value)

    @classmethod
    def today(cls) -> Period:
        """Today's date as a period: the default assessment date.

        Honours ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC), the reproducible-builds
        convention, so that a published card can be rebuilt byte for byte.
        """
        import os

        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            day = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        else:
            day = dt.datetime.now(tz=dt.UTC).astimezone().date()
        return cls.parse(day)

    @property
    def start(self) -> dt.date:
        """The first day of the period."""
        if self.frequency is Frequency.YEAR:
            return dt.date(self.year, 1, 1)
        if self.frequency is Frequency.FISCAL_YEAR:
            # `year` is the year the financial year ends in; `sub` its first month.
            return dt.date(self.year - (1 if self.sub > 1 else 0), self.sub, 1)
        if self.frequency is Frequency.QUARTER:
            return dt.date(self.year, 3 * self.sub - 2, 1)
        if self.frequency is Frequency.MONTH:
            return dt.date(self.year, self.sub, 1)
        return dt.date(self.year, self.sub, self.day)

    @property
    def end(self) -> dt.date:
        """The first day after the period (its end, exclusive): ``2020`` -> 2021-01-01."""
        if self.frequency is Frequency.YEAR:
            return dt.date(self.year + 1, 1, 1) if self.year < 9999 else dt.date.max
        if self.frequency is Frequency.FISCAL_YEAR:
            begin = self.start
            return dt.date(begin.year + 1, begin.month, 1) if begin.year < 9999 else dt.date.max
        if self.frequency is Frequency.QUARTER:
            return _month_after(self.year, 3 * self.sub)
        if self.frequency is Frequency.MONTH:
            return _month_after(self.year, self.sub)
        start = self.start
        return start + dt.timedelta(days=1) if start < dt.date.max else dt.date.max

    def ended_by(self, other: Period) -> bool:
        """Whether this period is over by the end of ``other``: ``2020Q4.ended_by(2020)``."""
        return self.end <= other.end

    @property
    def time(self) -> float:
        """The start of the period in decimal years: ``2020`` -> 2020.0, ``2020Q3`` -> 2020.5."""
        return self._time

    def _compute_time(self) -> float:
        if self.frequency is Frequency.YEAR:
            return float(self.year)
        if self.frequency is Frequency.FISCAL_YEAR:
            return self.start.year + (self.start.month - 1) / 12
        if self.frequency is Frequency.QUARTER:
            return self.year + (self.sub - 1) / 4
        if self.frequency is Frequency.MONTH:
            return self.year + (self.sub - 1) / 12
        start = self.start
        days = 366 if _is_leap(self.year) else 365
        return self.year + (start.timetuple().tm_yday - 1) / days

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._order < other._order

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._order <= other._order

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._order > other._order

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._order >= other._order

    def __str__(self) -> str:
        if self.frequency is Frequency.YEAR:
            return f"{self.year:04d}"
        if self.frequency is Frequency.FISCAL_YEAR:
            if self.day == 1 or self.sub == 1:  # written FY2023 (or a year starting in January)
                return f"FY{self.year:04d}"
            return f"{self.year - 1:04d}/{self.year % 100:02d}"
        if self.frequency is Frequency.QUARTER:
            return f"{self.year:04d}Q{self.sub}"
        if self.frequency is Frequency.MONTH:
            return f"{self.year:04d}-{self.sub:02d}"
        return f"{self.year:04d}-{self.sub:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"

    def to_json(self) -> int | str:
        """The period as goal files write it: an int for a year, else the canonical string."""
        return self.year if self.frequency is Frequency.YEAR else str(self)


def _month_after(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year + 1, 1, 1) if year < 9999 else dt.date.max
    return dt.date(year, month + 1, 1)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@contextmanager
def year_start(month: int | None) -> Iterator[None]:
    """Read financial years (``2022/23``, ``FY2023``) as starting in this month, inside.

    A goal file's ``year_start`` applies while it and its observations are read.
    """
    if month is None:
        yield
        return
    if not 1 <= month <= 12:
        raise ValueError(Message("period_year_start", month=repr(month)))
    token = _YEAR_START.set(month)
    try:
        yield
    finally:
        _YEAR_START.reset(token)


def fiscal(end_year: int, start_month: int, *, fy_style: bool = False) -> Period:
    """The financial year that ends in ``end_year`` and starts in ``start_month``."""
    return Period(
        Frequency.FISCAL_YEAR, end_year, start_month, 1 if fy_style or start_month == 1 else 0
    )


def with_year_start(period: Period, start_month: int) -> Period:
    """A financial year re-read with another start month (other periods unchanged)."""
    if period.frequency is not Frequency.FISCAL_YEAR or period.sub == start_month:
        return period
    return fiscal(period.year, start_month, fy_style=period.day == 1)


def _check_year(year: int, text: object) -> int:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(
            Message(
                "period_year",
                period=repr(text),
                year=str(year),
                first=str(_MIN_YEAR),
                last=str(_MAX_YEAR),
            )
        )
    return year


def _plain_number(value: Any) -> Any:
    """A data frame's integer or float scalar (numpy's int64, float32) as a plain one."""
    if hasattr(value, "__index__"):
        return operator.index(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return value


def parse_period(value: Any) -> Period:
    """Read a period; see `Period.parse`."""
    if isinstance(value, Period):
        return value
    if isinstance(value, bool):  # bool is an int: refuse `yes`/`no` read from YAML 1.1
        raise ValueError(Message("period_form", got=repr(value)))
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, str | int | float | dt.date):
        value = _plain_number(value)
    if isinstance(value, dt.date):
        return Period(Frequency.DAY, _check_year(value.year, value), value.month, value.day)
    if isinstance(value, int):
        return Period(Frequency.YEAR, _check_year(value, value))
    if isinstance(value, float) and value.is_integer():
        return Period(Frequency.YEAR, _check_year(int(value), value))
    if not isinstance(value, str):
        raise ValueError(Message("period_form", got=repr(value)))
    text = value.strip()
    if _YEAR.match(text):
        return Period(Frequency.YEAR, _check_year(int(text), value))
    if found := _parse_fiscal(text, value):
        return found
    if m := _SDMX.match(text):
        return _parse_sdmx(m, value)
    if m := _QUARTER.match(text):
        return Period(Frequency.QUARTER, _check_year(int(m[1]), value), int(m[2]))
    if m := _MONTH.match(text):
        month = int(m[2])
        if not 1 <= month <= 12:
            raise ValueError(Message("period_month", period=repr(value), month=str(month)))
        return Period(Frequency.MONTH, _check_year(int(m[1]), value), month)
    if m := _DAY.match(text):
        year, month, day_number = int(m[1]), int(m[2]), int(m[3])
        if not 1 <= month <= 12:
            raise ValueError(Message("period_month", period=repr(value), month=str(month)))
        try:
            day = dt.date(year, month, day_number)
        except ValueError:
            raise ValueError(
                Message(
                    "period_day",
                    period=repr(value),
                    day=str(day_number),
                    month=str(month),
                    year=str(year),
                )
            ) from None
        return Period(Frequency.DAY, _check_year(day.year, value), day.month, day.day)
    raise ValueError(Message("period_form", got=repr(value)))


def _parse_fiscal(text: str, value: object) -> Period | None:
    """``2022/23``, ``2022/2023``, ``2022-23`` (when 23 cannot be a month) and ``FY2023``."""
    start_month = _YEAR_START.get()
    if m := _FISCAL_FY.match(text):
        return fiscal(_check_year(int(m[1]), value), start_month, fy_style=True)
    m = _FISCAL_SLASH.match(text) or _FISCAL_DASH.match(text)
    if not m:
        return None
    first = _check_year(int(m[1]), value)
    second = int(m[2])
    if len(m[2]) == 2:
        if text[4] == "-" and second <= 12:
            return None  # 2011-12 is December 2011; write 2011/12 for the financial year
        second += (first // 100) * 100
        if second <= first:
            second += 100
    if second != first + 1 and text[4] == "-":
        return None  # 2030-13 is a month out of range, said as such below
    if second != first + 1:
        raise ValueError(
            Message(
                "period_fiscal_span",
                period=repr(value),
                first=str(first),
                second=str(second),
                fix=f"{first}/{(first + 1) % 100:02d}",
            )
        )
    if start_month == 1:
        raise ValueError(Message("period_fiscal_calendar", period=repr(value), year=str(first + 1)))
    return fiscal(_check_year(second, value), start_month)


def _parse_sdmx(m: re.Match[str], value: object) -> Period:
    """SDMX's period forms: 2020-A1 (a year), 2020-Q1, 2020-M03; others are refused."""
    year, kind, number = _check_year(int(m[1]), value), m[2], int(m[3])
    if kind == "A" and number == 1:
        return Period(Frequency.YEAR, year)
    if kind == "M" and 1 <= number <= 12:
        return Period(Frequency.MONTH, year, number)
    if kind == "S":
        raise ValueError(Message("period_semester", period=repr(value)))
    if kind in ("W", "D", "T"):
        raise ValueError(Message("period_sdmx_week", period=repr(value)))
    raise ValueError(Message("period_sdmx", period=repr(value)))
