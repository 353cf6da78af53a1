"""The columns of a tidy observations file, shared by the CSV and spreadsheet readers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from goalframe._messages import Message
from goalframe._observations import KNOWN_COLUMNS, REQUIRED_COLUMNS
from goalframe.errors import Location, ObservationError

if TYPE_CHECKING:
    from goalframe._observations import ObservationSet, SetAside

#: Columns every observations file needs; those with a meaning of their own (any other column
#: is a breakdown). One table for every reader: `goalframe._observations.COLUMNS`.
REQUIRED = REQUIRED_COLUMNS
KNOWN = KNOWN_COLUMNS


def check_header(columns: list[str], where: str) -> None:
    """Refuse a header without the required columns, with a column twice, or one unnamed."""
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        message = Message(
            "data_missing_columns" if len(missing) > 1 else "data_missing_column",
            missing=missing,
            header=[repr(c) for c in columns],
            required=list(REQUIRED),
        )
        raise ObservationError(message, Location(where, 1))
    check_names(columns, where)


def check_names(columns: list[str], where: str) -> None:
    """Refuse a header that names a column twice, or leaves one unnamed."""
    dupes = sorted({c for c in columns if columns.count(c) > 1})
    if dupes:
        message = Message("data_column_twice", column=repr(dupes[0]))
        raise ObservationError(message, Location(where, 1))
    if "" in columns:
        message = Message("data_column_unnamed", position=str(columns.index("") + 1))
        raise ObservationError(message, Location(where, 1))


def with_blank_lines(read: ObservationSet, blank: list[SetAside]) -> ObservationSet:
    """The rows set aside, with the blank lines among them, in file order."""
    if not blank:
        return read
    import attrs

    merged = sorted(
        (*read.set_aside, *blank), key=lambda s: (s.location.line or 0) if s.location else 0
    )
    return attrs.evolve(read, set_aside=tuple(merged))
