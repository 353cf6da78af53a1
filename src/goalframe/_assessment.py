from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from goalframe._messages import Term, catalogue, label, say
from goalframe._numbers import check_number, parse_number
from goalframe._periods import Period

__all__ = ["Assessment", "Caveat", "Deciding", "Series", "Status", "TargetCounts"]


class Status(enum.StrEnum):
    """The verdict vocabulary every method maps its own labels onto.

    Before a deadline, from best to worst: ``achieved`` (the target is met now),
    ``on_track``, ``needs_acceleration``, ``insufficient_progress``, ``moving_away``.
    Once the deadline (the end of a norm's span, a milestone's period) is at or before the
    assessment date, only final statuses remain: ``achieved`` (met at the deadline),
    ``missed`` (not met; the label says whether the values moved towards the target or
    away) and ``outcome_unknown`` (no figure for the deadline period yet). And
    ``not_assessable``, which always comes with a reason.

    Added in 0.1; ``missed`` and ``outcome_unknown`` added in 0.2.
    """

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    INSUFFICIENT_PROGRESS = "insufficient_progress"
    MOVING_AWAY = "moving_away"
    MISSED = "missed"
    OUTCOME_UNKNOWN = "outcome_unknown"
    NOT_ASSESSABLE = "not_assessable"

    @property
    def rank(self) -> int | None:
        """4 for achieved down to 0 for moving away and missed; else None.

        ``not_assessable`` and ``outcome_unknown`` have no place on the scale.
        """
        return _RANK.get(self)

    @property
    def forward_looking(self) -> bool:
        """Whether the status speaks of the way to a deadline still ahead.

        ``on_track``, ``needs_acceleration``, ``insufficient_progress`` and ``moving_away``
        are; no result after its deadline carries one of them.
        """
        return self in _FORWARD

    @property
    def label(self) -> str:
        """The status in plain words: ``needs acceleration``."""
        return self.value.replace("_", " ")

    @classmethod
    def from_rank(cls, rank: int) -> Status:
        """The status with this rank (0-4)."""
        for status, r in _RANK.items():
            if r == rank:
                return status
        msg = f"no status has rank {rank}; ranks run from 0 to 4"
        raise ValueError(msg)


_RANK = {
    Status.ACHIEVED: 4,
    Status.ON_TRACK: 3,
    Status.NEEDS_ACCELERATION: 2,
    Status.INSUFFICIENT_PROGRESS: 1,
    Status.MOVING_AWAY: 0,
    Status.MISSED: 0,
}
_FORWARD = frozenset(
    {
        Status.ON_TRACK,
        Status.NEEDS_ACCELERATION,
        Status.INSUFFICIENT_PROGRESS,
        Status.MOVING_AWAY,
    }
)


@attrs.frozen(kw_only=True)
class Caveat:
    """A fact a reader needs beside a verdict: a break, a gap, a revised figure, ...

    Attributes:
        code: A stable code (``series-break``, ``missing-periods``, ...; the reference lists
            every code with its meaning).
        message: What it means for this verdict, with the numbers.

    Added in 0.2.
    """

    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


def _tuple_of_floats(values: Iterable[float]) -> tuple[float, ...]:
    return tuple(map(float, values))


@attrs.frozen(kw_only=True)
class Series:
    """A time series of plain floats in one unit, sorted by period, one value per period.

    This is what methods work on: no pint quantities, no pydantic models.

    Attributes:
        periods: Periods, strictly increasing.
        values: Values in ``unit``, one per period.
        flags: Flags per value (approx, revised, break, ...).
        unit: The unit of every value.

    Added in 0.1.
    """

    periods: tuple[Period, ...]
    values: tuple[float, ...] = attrs.field(converter=_tuple_of_floats)
    flags: tuple[frozenset[str], ...] = ()
    unit: str | None = None
    #: Each period's value, made on the first look-up of a long series (a daily norm looks
    #: up every day of its span: a scan each time was quadratic, 22 s at 8,000 days).
    _index: dict[Period, float] | None = attrs.field(
        default=None, init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if len(self.periods) != len(self.values):
            msg = f"{len(self.periods)} periods but {len(self.values)} values"
            raise ValueError(msg)
        if self.flags and len(self.flags) != len(self.values):
            msg = f"{len(self.flags)} flag sets but {len(self.values)} values"
            raise ValueError(msg)
        if not self.flags:
            object.__setattr__(self, "flags", tuple(frozenset() for _ in self.values))
        for before, after in zip(self.periods, self.periods[1:], strict=False):
            if not before < after:
                msg = f"periods must be strictly increasing: {before} then {after}"
                raise ValueError(msg)
            if before.frequency is not after.frequency:
                # 2015 and 2015Q1 start on the same day: elapsed time between them is zero,
                # and no method can say which figure is the later one.
                msg = (
                    f"periods of one series must share one frequency: {before} "
                    f"({before.frequency.value}) and {after} ({after.frequency.value}); give "
                    "the series in one frequency (e.g. all years, or all quarters)"
                )
                raise ValueError(msg)

    @classmethod
    def from_pairs(
        cls,
        pairs: Iterable[tuple[Any, float]] | Mapping[Any, float],
        *,
        unit: str | None = None,
    ) -> Series:
        """Build a series from ``period -> value`` pairs in any order.

        Raises:
            ValueError: A period cannot be read, occurs twice, periods mix frequencies, or a
                value is not finite.
        """
        items = pairs.items() if isinstance(pairs, Mapping) else pairs
        points: dict[Period, float] = {}
        for raw_period, raw_value in items:
            period = Period.parse(raw_period)
            what = f"value at {period}"
            if isinstance(raw_value, str):
                value = parse_number(raw_value, what=what)
            else:
                value = check_number(raw_value, what=what)
            if period in points:
                msg = f"period {period} occurs twice; give one value per period"
                raise ValueError(msg)
            points[period] = value
        ordered = sorted(points.items())
        return cls(periods=tuple(p for p, _ in ordered), values=[v for _, v in ordered], unit=unit)

    def __len__(self) -> int:
        return len(self.values)

    @property
    def times(self) -> tuple[float, ...]:
        """Each period's start in decimal years (see `Period.time`)."""
        return tuple(p.time for p in self.periods)

    def until(self, as_of: Period | None) -> Series:
        """The part of the series that starts before ``as_of`` ends (all of it when None).

        ``until(2020)`` keeps 2020 and 2020Q4; it drops 2021.
        """
        if as_of is None:
            return self
        end = as_of.end
        keep = sum(1 for p in self.periods if p.start < end)
        if keep == len(self.periods):
            return self
        return Series(
            periods=self.periods[:keep],
            values=self.values[:keep],
            flags=self.flags[:keep],
            unit=self.unit,
        )

    def value_at(self, period: Period) -> float | None:
        """The value at exactly this period, or None."""
        if len(self.periods) <= 16:  # a short series: a scan is as quick as a look-up
            for p, v in zip(self.periods, self.values, strict=True):
                if p == period:
                    return v
            return None
        if self._index is None:
            object.__setattr__(self, "_index", dict(zip(self.periods, self.values, strict=True)))
        assert self._index is not None
        return self._index.get(period)


#: A component: a number, a text, a list of periods (``("2015", "2017")``) or nothing.
Component = float | int | str | tuple[str, ...] | None


def _frozen_components(value: Mapping[str, Component] | None) -> Mapping[str, Component]:
    return MappingProxyType(dict(value or {}))


@attrs.frozen(kw_only=True)
class TargetCounts:
    """How many targets were due and how they ended, and how many are not due yet.

    Attributes:
        met: Due and met.
        missed: Due and missed.
        unknown: Due, with no figure for the period that decides them.
        not_due: Not due yet (a running verdict).

    Added in 0.3.
    """

    met: int = 0
    missed: int = 0
    unknown: int = 0
    not_due: int = 0

    @property
    def due(self) -> int:
        """Every target that was due: met, missed or unknown."""
        return self.met + self.missed + self.unknown

    def add(self, status: Status, *, final: bool) -> TargetCounts:
        """These counts with one more target of ``status`` (``final``: its deadline is over)."""
        if not final:
            return attrs.evolve(self, not_due=self.not_due + 1)
        if status is Status.ACHIEVED:
            return attrs.evolve(self, met=self.met + 1)
        if status is Status.MISSED:
            return attrs.evolve(self, missed=self.missed + 1)
        return attrs.evolve(self, unknown=self.unknown + 1)


@attrs.frozen(kw_only=True)
class Deciding:
    """The figure a final verdict was decided on: its period and value.

    Added in 0.3.
    """

    period: Period
    value: float


@attrs.frozen(kw_only=True)
class Assessment:
    """One method's verdict on one series, with every number it used.

    Attributes:
        method: The method's registered name.
        status: The shared verdict (`Status`).
        label: The method's own category code.
        value: The method's key number (for ``trajectory``, the progress ratio).
        expected: The value ``value`` was compared with (for ``trajectory``, the progress
            expected by the latest period), where the method has one.
        score: A score where the method defines one, else None.
        reason: Why the series is ``not_assessable``; None otherwise.
        components: Every input and intermediate number, by name.
        formula: The method's formula, in words and symbols.
        citation: Where the method is defined.
        caveats: Facts a reader needs beside the verdict (breaks, gaps, revised figures, a
            baseline that disagrees with the data, ...), each with a stable code.
        final: True once the deadline is at or before the assessment date: the status is
            then ``achieved``, ``missed`` or ``outcome_unknown`` (or ``not_assessable``).
        deciding: The figure a final verdict was decided on (the one for the deadline period;
            for a norm or milestones, the last period checked), None when none decided it
            (outcome unknown, a running verdict, a total).

    Added in 0.1; ``caveats`` and ``final`` added in 0.2; ``deciding`` added in 0.3.
    """

    method: str
    status: Status
    label: str
    value: float | None = None
    expected: float | None = None
    score: float | None = None
    reason: str | None = None
    components: Mapping[str, Component] = attrs.field(factory=dict, converter=_frozen_components)
    formula: str = ""
    citation: str = ""
    caveats: tuple[Caveat, ...] = ()
    final: bool = False
    deciding: Deciding | None = None

    def __repr__(self) -> str:
        value = "" if self.value is None else f", value {_fmt(self.value)}"
        expected = "" if self.expected is None else f", expected {_fmt(self.expected)}"
        final = ", final" if self.final else ""
        caveats = f", {len(self.caveats)} caveat(s)" if self.caveats else ""
        return (
            f"<Assessment {self.method}: {self.status.value} ({self.label}){value}{expected}"
            f"{final}{caveats}>"
        )

    def _repr_html_(self) -> str:
        # A notebook shows the verdict and its explanation; the styles touch nothing else.
        from html import escape

        return (
            f'<div class="goalframe-assessment"><p style="margin:0 0 4px;font-weight:600">'
            f"{escape(self.status.label)} ({escape(self.method)})</p>"
            f'<pre style="white-space:pre-wrap;margin:0">{escape(self.explain())}</pre></div>\n'
        )

    def explain(self, lang: str = "en") -> str:
        """Explain the verdict: the formula, the numbers plugged in, the verdict, the source.

        ``lang`` says the words and the texts built from data in another language; the
        formula and the components keep the method's own notation.
        """
        word = catalogue(lang)["explain"]
        lines = [f"{word['method']}: {self.method}"]
        if self.formula:
            lines.append(f"{word['formula']}: {self.formula}")
        for name, value in self.components.items():
            lines.append(f"  {name} = {_fmt(value)}")
        status = Term("status", self.status.value).say(lang)
        verdict = f"{word['verdict']}: {status} ({label(self.label, lang)})"
        if self.reason:
            verdict += f": {say(self.reason, lang)}"
        if self.final:
            verdict += f" [{word['final']}]"
        lines.append(verdict)
        lines.extend(f"{word['caveat']} {c.code}: {say(c.message, lang)}" for c in self.caveats)
        if self.citation:
            lines.append(f"{word['source']}: {self.citation}")
        return "\n".join(lines)


def _fmt(value: Component) -> str:
    if isinstance(value, float):
        return f"{value + 0.0:.6g}"  # + 0.0 turns -0.0 into 0.0: no "-0" for a reader
    if isinstance(value, tuple):
        return ", ".join(value) or "none"
    return "none" if value is None else str(value)


def not_assessable(method: str, reason: str, /, **components: Component) -> Assessment:
    """A verdict that a series cannot be assessed, with the reason."""
    return Assessment(
        method=method,
        status=Status.NOT_ASSESSABLE,
        label="not_assessable",
        reason=reason,
        components=components,
    )
