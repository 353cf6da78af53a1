"""Series from observations: units converted, releases chosen, rows set aside with reasons."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise

import attrs

from goalframe._assessment import Series
from goalframe._messages import Message, Term, message_of
from goalframe._model import Goal, Indicator
from goalframe._observations import Observation, SetAside, describe_breakdown
from goalframe._periods import Period
from goalframe._results import (
    Observed,
)
from goalframe._suggest import did_you_mean
from goalframe.errors import DataError, IncompatibleUnitsError, UnitError


def _convert(indicator: Indicator, rows: list[Observation]) -> list[Observation]:
    """Bring every observation into the indicator's unit (one conversion per unit)."""
    from goalframe.units import conversion

    assert indicator.unit is not None
    by_unit: dict[str, list[Observation]] = defaultdict(list)
    for row in rows:
        by_unit[row.unit].append(row)
    out: list[Observation] = []
    for unit, group in by_unit.items():
        try:
            convert = conversion(unit, indicator.unit)
        except UnitError as exc:
            where = f"{group[0].location}: " if group[0].location else ""
            count = Message("unit_rows", count=len(group))
            raise unit_mismatch(indicator, unit, exc, rows=count, where=where) from None
        if convert.is_identity:
            out.extend(group)
        else:
            out.extend(
                Observation(
                    indicator=o.indicator,
                    period=o.period,
                    value=convert(o.value),
                    unit=indicator.unit,
                    breakdown=o.breakdown,
                    flags=o.flags,
                    note=o.note,
                    location=o.location,
                )
                for o in group
            )
    return out


def unit_mismatch(
    indicator: Indicator, unit: str, exc: UnitError, *, rows: str, where: str = ""
) -> DataError | IncompatibleUnitsError:
    """The error for figures in a unit that does not convert into the indicator's."""
    kind = IncompatibleUnitsError if isinstance(exc, IncompatibleUnitsError) else DataError
    message = Message(
        "unit_mismatch",
        where=where,
        indicator=repr(indicator.id),
        unit=repr(indicator.unit),
        rows=rows,
        other=repr(unit),
        why=message_of(exc),
    )
    return kind(message)


def _series_and_points(rows: list[Observation], unit: str | None) -> tuple[Series, list[Observed]]:
    rows = sorted(rows, key=lambda o: o.period)
    for before, after in pairwise(rows):
        if before.period == after.period:  # same period from rows in different units
            message = Message(
                "data_two_periods",
                indicator=repr(after.indicator),
                period=str(after.period),
                other=str(before.location),
            )
            raise DataError(Message("data_at", where=str(after.location), problem=message))
        if before.period.frequency is not after.period.frequency:
            message = Message(
                "data_mixed_frequencies",
                indicator=repr(after.indicator),
                first=Term("frequencies", before.period.frequency.value),
                second=Term("frequencies", after.period.frequency.value),
                first_period=str(before.period),
                where=str(before.location),
                second_period=str(after.period),
            )
            raise DataError(Message("data_at", where=str(after.location), problem=message))
    points = [Observed(period=o.period, value=o.value, flags=o.flags, note=o.note) for o in rows]
    series = Series(
        periods=tuple(o.period for o in rows),
        values=[o.value for o in rows],
        flags=tuple(o.flags for o in rows),
        unit=unit,
    )
    return series, points


def _cut(
    rows: list[Observation], as_of: Period, release_date: Period | None
) -> tuple[list[Observation], list[SetAside], list[Observation] | None]:
    """A series' rows up to the assessment date, one release per period (see `_releases`).

    Returns the rows to use, those set aside (later than ``as_of``, earlier releases) and
    the first releases when a figure was revised.
    """
    # Known then: a period not over by the assessment date had no figure yet (a 2020 figure
    # does not exist on 2020-06-30).
    later = [o for o in rows if not o.period.ended_by(as_of)]
    aside = _aside(later, Message("after_as_of", period=as_of)) if later else []
    kept = [o for o in rows if o.period.ended_by(as_of)] if later else rows
    kept, replaced, firsts = _releases(kept, release_date)
    return kept, aside + replaced, firsts


def _all_later(rows: list[Observation], as_of: Period, release_date: Period | None) -> Message:
    """Why a series with rows has none to assess: all after the date, or published later."""
    if release_date is None or all(not o.period.ended_by(as_of) for o in rows):
        return Message("all_after_as_of", period=as_of)
    return Message("all_after_vintage", period=release_date)


def _split(
    indicator: Indicator, rows: list[Observation]
) -> tuple[list[Observation], dict[Breakdown, list[Observation]], list[Observation]]:
    """The headline rows (``select``), each ``by:`` group's rows, and the rest.

    A row belongs to a group when it has a value in every ``by`` column and its other
    breakdown columns are those of ``select``; the headline row itself is never a group's.
    """
    select = indicator.select
    if not indicator.by:
        chosen = [o for o in rows if o.breakdown == select]
        return chosen, {}, [o for o in rows if o.breakdown != select]
    by = indicator.by
    fixed = tuple((c, v) for c, v in select if c not in by)
    headline: list[Observation] = []
    groups: dict[Breakdown, list[Observation]] = {}
    others: list[Observation] = []
    for row in rows:
        if row.breakdown == select:
            headline.append(row)
            continue
        cells = dict(row.breakdown)
        rest = tuple((c, v) for c, v in row.breakdown if c not in by)
        if rest == fixed and all(c in cells for c in by):
            groups.setdefault(tuple((c, cells[c]) for c in by), []).append(row)
        else:
            others.append(row)
    return headline, dict(sorted(groups.items())), others


def _converted_series(
    indicator: Indicator, rows: list[Observation]
) -> tuple[Series, list[Observed]]:
    """The rows in the indicator's unit, as a series and as the points a card shows."""
    return _series_and_points(_convert(indicator, rows), indicator.unit)


def _own_baseline(goal: Goal, series: Series) -> float | None:
    """A series' own figure for the target's baseline period (None without either)."""
    return None if goal.baseline is None else series.value_at(goal.baseline.period)


def _point_words(observation: Observation) -> Message:
    return Message("period_value", period=observation.period, value=observation.value)


def _first_period(goal: Goal) -> Period | None:
    """Where a target's span starts: its baseline, its span's start, its first milestone."""
    if goal.baseline is not None:
        return goal.baseline.period
    if goal.base_period is not None:
        return goal.base_period
    return goal.milestones[0].period if goal.milestones else None


def _nothing_selected(indicator: Indicator, rows: list[Observation]) -> str:
    """Why no row was assessed although the indicator has rows: name what the data hold."""
    if not indicator.select:
        kinds = sorted({describe_breakdown(o.breakdown) for o in rows})
        return (
            "no row for the total (all breakdown cells blank); the data have "
            f"{', '.join(kinds[:8])}: add `select:` to the indicator"
        )
    columns = {c for o in rows for c, _ in o.breakdown}
    parts = []
    for column, wanted in indicator.select:
        if column not in columns:
            hint = did_you_mean(column, columns)
            parts.append(f"the data have no breakdown column {column!r}{hint}")
            continue
        values = sorted({v for o in rows for c, v in o.breakdown if c == column})
        if wanted not in values:
            hint = did_you_mean(wanted, values)
            shown = ", ".join(values[:12]) + (" ..." if len(values) > 12 else "")
            parts.append(f"{column}={wanted!r} is not in the data{hint}; they have {shown}")
    detail = "; ".join(parts) or "no row matches every value of `select:`"
    return f"no observations for {describe_breakdown(indicator.select)}: {detail}"


def _aside(rows: Iterable[Observation], reason: str) -> list[SetAside]:
    return [
        SetAside(
            reason=reason,
            indicator=o.indicator,
            period=str(o.period),
            value=f"{o.value:g}",
            location=o.location,
        )
        for o in rows
    ]


Breakdown = tuple[tuple[str, str], ...]


def _releases(
    rows: list[Observation], release_date: Period | None
) -> tuple[list[Observation], list[SetAside], list[Observation] | None]:
    """One figure per period: the latest release (by ``release_date``, if given).

    Returns the figures to use (a revised one flagged ``revised``), the releases set aside
    with the reason, and, when some figure was revised, the first releases (to tell whether
    the revision changed the verdict); None when nothing was revised.
    """
    if all(o.vintage is None for o in rows):
        return rows, [], None
    by_key: dict[tuple[Period, tuple[tuple[str, str], ...]], list[Observation]] = defaultdict(list)
    for o in rows:
        by_key[(o.period, o.breakdown)].append(o)
    used: list[Observation] = []
    firsts: list[Observation] = []
    aside: list[SetAside] = []
    revised = False
    for group in by_key.values():
        group.sort(key=lambda o: (o.vintage is not None, o.vintage or Period.parse(1000)))
        late = [
            o
            for o in group
            if release_date is not None
            and o.vintage is not None
            and o.vintage.start >= release_date.end
        ]
        known = [o for o in group if o not in late]
        aside += _aside(late, Message("after_vintage", period=release_date))
        if not known:
            continue
        latest, first = known[-1], known[0]
        for older in known[:-1]:
            aside += _aside(
                [older],
                Message(
                    "earlier_release",
                    vintage=older.vintage or Term("words", "undated"),
                    latest=latest.vintage or Term("words", "undated"),
                ),
            )
        if first.value != latest.value:
            revised = True
            latest = attrs.evolve(latest, flags=latest.flags | {"revised"})
        used.append(latest)
        firsts.append(first)
    return used, aside, firsts if revised else None
