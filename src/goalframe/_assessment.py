from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from goalframe._periods import Period

__all__ = ["Assessment", "Series", "Status"]


class Status(enum.StrEnum):
    """The verdict vocabulary every method maps its own labels onto.

    From best to worst: ``achieved``, ``on_track``, ``needs_acceleration``,
    ``insufficient_progress``, ``moving_away``; and ``not_assessable``, which always comes
    with a reason.

    Added in 0.1.
    """

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    INSUFFICIENT_PROGRESS = "insufficient_progress"
    MOVING_AWAY = "moving_away"
    NOT_ASSESSABLE = "not_assessable"

    @property
    def rank(self) -> int | None:
        """4 for achieved down to 0 for moving away; None for not assessable."""
        return _RANK.get(self)

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
}


def _tuple_of_floats(values: Iterable[float]) -> tuple[float, ...]:
    return tuple(float(v) for v in values)


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

    @classmethod
    def from_pairs(
        cls,
        pairs: Iterable[tuple[Any, float]] | Mapping[Any, float],
        *,
        unit: str | None = None,
    ) -> Series:
        """Build a series from ``period -> value`` pairs in any order.

        Raises:
            ValueError: A period cannot be read, occurs twice, or a value is not finite.
        """
        items = pairs.items() if isinstance(pairs, Mapping) else pairs
        points: dict[Period, float] = {}
        for raw_period, raw_value in items:
            period = Period.parse(raw_period)
            value = float(raw_value)
            if not math.isfinite(value):
                msg = f"value at {period} is {raw_value!r}; values must be finite numbers"
                raise ValueError(msg)
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
        """The part of the series at or before ``as_of`` (all of it when None)."""
        if as_of is None:
            return self
        keep = sum(1 for p in self.periods if p <= as_of)
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
        for p, v in zip(self.periods, self.values, strict=True):
            if p == period:
                return v
        return None


Component = float | int | str | None


def _frozen_components(value: Mapping[str, Component] | None) -> Mapping[str, Component]:
    return MappingProxyType(dict(value or {}))


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

    Added in 0.1.
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

    def explain(self) -> str:
        """Explain the verdict: the formula, the numbers plugged in, the verdict, the source."""
        lines = [f"method: {self.method}"]
        if self.formula:
            lines.append(f"formula: {self.formula}")
        for name, value in self.components.items():
            lines.append(f"  {name} = {_fmt(value)}")
        verdict = f"verdict: {self.status.label} ({self.label})"
        if self.reason:
            verdict += f": {self.reason}"
        lines.append(verdict)
        if self.citation:
            lines.append(f"source: {self.citation}")
        return "\n".join(lines)


def _fmt(value: Component) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    return "none" if value is None else str(value)


def not_assessable(method: str, reason: str, **components: Component) -> Assessment:
    """A verdict that a series cannot be assessed, with the reason."""
    return Assessment(
        method=method,
        status=Status.NOT_ASSESSABLE,
        label="not_assessable",
        reason=reason,
        components=components,
    )
