"""Rows read into observations; what cannot be read is set aside with the reason."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from goalframe._messages import Lines, Message, message_of
from goalframe._observations._values import (
    COLUMNS,
    KNOWN_COLUMNS,
    Breakdown,
    Observation,
    ObservationSet,
    SetAside,
    describe_breakdown,
    parse_flags,
    parse_value,
)
from goalframe._periods import Period, parse_period
from goalframe.errors import DataError, Location, ObservationError

_MAX_PROBLEMS = 20


class _Collector:
    """Gathers row problems so that one error lists them all (up to a limit).

    Each problem is a catalogue `Message` (or plain text); an error listing several is `Lines`,
    so the command line can say it in the reader's language.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[str] = []

    def error(self, message: str, location: Location | None) -> None:
        if location:
            message = Message("data_at", where=str(location), problem=message)
        self.errors.append(message)

    def raise_if_any(self) -> None:
        if not self.errors:
            return
        if len(self.errors) == 1:
            raise DataError(self.errors[0])
        shown = self.errors[:_MAX_PROBLEMS]
        more = len(self.errors) - len(shown)
        count = Message("data_rows", count=len(self.errors))
        head = Message("data_at", where=self.source, problem=count)
        lines = [head, *shown]
        if more:
            lines.append(Message("data_more", count=more))
        raise DataError(Lines(lines))


def _is_blank(cell: object) -> bool:
    """Whether a cell is a data frame's missing value: None, NaN (any float type), pd.NA, NaT.

    Checked without importing pandas or numpy: a missing value is the one that is not equal to
    itself (NaN, NaT), or pandas' NA, whose comparisons cannot be made true or false.
    """
    if cell is None:
        return True
    if isinstance(cell, str | int | bytes):
        return False
    if type(cell).__name__ in ("NAType", "NaTType"):
        return True
    try:
        return bool(cell != cell)
    except (TypeError, ValueError):
        return False


def _blanks_as_none(row: Mapping[str, Any]) -> Mapping[str, Any]:
    """A record with every missing cell as None, exactly like an empty CSV cell."""
    if not any(_is_blank(v) for v in row.values()):
        return row
    return {k: (None if _is_blank(v) else v) for k, v in row.items()}


def observations_from_columns(
    columns: Mapping[str, Sequence[Any]], *, source: str
) -> ObservationSet:
    """Observations from a table held as columns (a data frame's, a Parquet file's).

    Missing cells (None, NaN, pandas' NA and NaT) are blank cells, exactly like an empty CSV
    cell; each row is named by its number (``obs.parquet:12`` is the twelfth row).
    """
    names = list(columns)
    missing = [c for c in ("indicator", "period", "value", "unit") if c not in names]
    if missing:
        msg = (
            f"the table has no column {', '.join(repr(c) for c in missing)}; it needs "
            f"indicator, period, value and unit (it has {', '.join(names)})"
        )
        raise ObservationError(msg, Location(source))
    size = len(columns[names[0]]) if names else 0
    breakdowns = tuple(c for c in names if c not in KNOWN_COLUMNS)

    def rows() -> Iterable[tuple[Mapping[str, Any], Location | None]]:
        for i in range(size):
            yield _blanks_as_none({c: columns[c][i] for c in names}), Location(source, i + 1)

    return build_observations(rows(), source=source, breakdown_columns=breakdowns)


# Long: one pass over the rows: each cell read and checked where it stands, the row set aside on
# the first problem.
def build_observations(
    rows: Iterable[tuple[Mapping[str, Any], Location | None]],
    *,
    source: str,
    breakdown_columns: tuple[str, ...] = (),
) -> ObservationSet:
    """Turn raw rows into observations: parse, check, drop exact duplicates, report the rest."""
    problems = _Collector(source)
    columns = tuple(sorted(set(breakdown_columns)))  # sorted once: the pairs come out sorted
    known = frozenset(columns)
    # One object per distinct id, unit and breakdown: a long file repeats a few thousand.
    shared: dict[Any, Any] = {}
    kept: dict[tuple[str, Breakdown, Period, Period | None], Observation] = {}
    set_aside: list[SetAside] = []
    periods: dict[tuple[type, Any], Period] = {}
    for row, location in rows:
        indicator = str(row.get("indicator") or "").strip()
        indicator = shared.setdefault(indicator, indicator)  # one string per distinct id
        period_text = row.get("period")
        value_text = row.get("value")
        value_str = None if value_text is None else str(value_text).strip()
        if not indicator:
            problems.error(Message("data_no_indicator"), location)
            continue
        # Each distinct period is read once: a long file repeats a few dozen of them.
        period_key = (type(period_text), period_text)
        try:
            period = periods.get(period_key)
        except TypeError:  # an unhashable cell: read it below, and do not keep it
            period = None
        if period is None:
            try:
                period = parse_period(
                    period_text if not isinstance(period_text, str) else period_text.strip()
                )
            except ValueError as exc:
                problems.error(_cell("period", exc), location)
                continue
            with contextlib.suppress(TypeError):
                periods[period_key] = period
        if value_str is None or value_str == "":
            set_aside.append(
                SetAside(
                    reason=Message("empty_cell"),
                    indicator=indicator,
                    period=str(period),
                    value="",
                    location=location,
                )
            )
            continue
        try:
            value = parse_value(value_text)
        except ValueError as exc:
            problems.error(_cell("value", exc), location)
            continue
        unit = str(row.get("unit") or "").strip()
        unit = shared.setdefault(unit, unit)
        if not unit:
            problems.error(Message("data_no_unit"), location)
            continue
        try:
            flags = parse_flags(row.get("flag"))
        except ValueError as exc:
            problems.error(_cell("flag", exc), location)
            continue
        breakdown = shared.setdefault(found := _breakdown(row, columns, known), found)
        note = row.get("note")
        vintage_text = row.get("vintage", row.get("published"))
        vintage = None
        if vintage_text is not None and str(vintage_text).strip():
            try:
                vintage = parse_period(str(vintage_text).strip())
            except ValueError as exc:
                problems.error(_cell("vintage", exc), location)
                continue
        observation = Observation(
            indicator=indicator,
            period=period,
            value=value,
            unit=unit,
            breakdown=breakdown,
            flags=flags,
            note=str(note).strip() or None if note is not None else None,
            location=location,
            vintage=vintage,
        )
        key = (indicator, breakdown, period, vintage)
        first = kept.get(key)
        if first is None:
            kept[key] = observation
        elif first.value == value and first.unit == unit:
            set_aside.append(
                SetAside(
                    reason=_duplicate(first.location),
                    indicator=indicator,
                    period=str(period),
                    value=value_str,
                    location=location,
                )
            )
        else:
            problems.error(
                Message(
                    "data_two_values",
                    series=f"{indicator} {period}"
                    + (f" ({describe_breakdown(breakdown)})" if breakdown else ""),
                    first=f"{first.value:g} {first.unit}",
                    where=str(first.location) if first.location else Message("data_earlier_row"),
                    second=f"{value:g} {unit}",
                ),
                location,
            )
    problems.raise_if_any()
    return ObservationSet(
        observations=tuple(kept.values()), set_aside=tuple(set_aside), source=source
    )


def _cell(column: str, exc: ValueError) -> Message:
    """A cell's problem: ``column 'period': ...``, with the reader's reason (a `Message`)."""
    return Message("data_cell", column=repr(column), problem=message_of(exc))


def _breakdown(
    row: Mapping[str, Any], columns: tuple[str, ...], known: frozenset[str] = frozenset()
) -> Breakdown:
    """The row's non-blank breakdown cells as sorted ``(column, value)`` pairs.

    A row of few cells among many breakdown columns (``known``, the same columns as a set:
    an Open SDG import has a hundred, each file its own) is read by its own cells.
    """
    if known and len(row) * 4 < len(columns):
        pairs = []
        for column, cell in row.items():
            if column in known and cell is not None:
                text = cell.strip() if isinstance(cell, str) else str(cell).strip()
                if text:
                    pairs.append((column, text))
        pairs.sort()
        return tuple(pairs)
    pairs = []
    for column in columns:
        cell = row.get(column)
        if cell is None:
            continue
        text = cell.strip() if isinstance(cell, str) else str(cell).strip()
        if text:
            pairs.append((column, text))
    return tuple(pairs)


def observations_from_records(
    records: Iterable[Mapping[str, Any]], *, source: str = "<records>"
) -> ObservationSet:
    """Build observations from Python mappings, as if read from a tidy CSV file.

    Each record has ``indicator``, ``period``, ``value`` and ``unit``, optionally ``flag`` and
    ``note``; any other key is a breakdown (disaggregation) column such as ``region``.

    Args:
        records: The rows.
        source: How to name them in messages.

    Returns:
        The observations and the rows set aside.

    Raises:
        DataError: A row cannot be read (all such rows are listed).

    Examples:
        >>> import goalframe as gf
        >>> obs = gf.observations_from_records([
        ...     {"indicator": "dumpings", "period": 2022, "value": 155, "unit": "dumping"},
        ...     {"indicator": "dumpings", "period": 2023, "value": 191, "unit": "dumping"},
        ... ])
        >>> len(obs)
        2

    Added in 0.1.
    """
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        from goalframe.errors import UsageError

        msg = (
            "observations_from_records takes a list (or other iterable) of mappings, one per "
            f"row, not {type(records).__name__}"
        )
        raise UsageError(msg)
    rows: list[Any] = list(records)
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            msg = f"record {i + 1} is a {type(row).__name__}, not a mapping"
            raise ObservationError(msg, Location(source))
    columns = tuple(dict.fromkeys(k for r in rows for k in r if k not in COLUMNS))
    return build_observations(
        ((_blanks_as_none(row), Location(source, i + 1)) for i, row in enumerate(rows)),
        source=source,
        breakdown_columns=columns,
    )


def _duplicate(first: Location | None) -> Message:
    """Why a row repeating an earlier one is set aside, naming that row by file name and line.

    The file's name only, never its folders: the reason is published on every card.
    """
    if first is None:
        return Message("duplicate_row_earlier")
    name = first.file.replace("\\", "/").rsplit("/", 1)[-1]
    return Message("duplicate_row", where=f"{name}:{first.line}" if first.line else name)
