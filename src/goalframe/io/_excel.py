"""Observations from a spreadsheet (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``), read with calamine.

The sheet has the tidy layout of the CSV file (a header row with ``indicator``, ``period``,
``value``, ``unit``, ...). It is the sheet named ``observations`` (any case), or else the first
sheet. Every row keeps its row number, so messages and rows set aside name ``file[sheet]:row``.
Needs the ``excel`` extra (``pip install 'goalframe[excel]'``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from goalframe._observations import ObservationSet, SetAside, build_observations
from goalframe.errors import Location, ObservationError

#: File name endings read as spreadsheets.
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
MAX_SPREADSHEET_BYTES = 256 * 1024 * 1024


def is_spreadsheet(path: Path) -> bool:
    """Whether a path names a spreadsheet by its ending."""
    return path.suffix.lower() in SPREADSHEETS


def read_spreadsheet(file: Path, name: str) -> ObservationSet:
    """Read the observations sheet of a spreadsheet file."""
    from goalframe.io._columns import KNOWN, REQUIRED
    from goalframe.io._files import check_file

    check_file(file, what="spreadsheet", limit=MAX_SPREADSHEET_BYTES, error=ObservationError)
    try:
        import python_calamine
    except ImportError:
        msg = (
            "reading a spreadsheet needs the 'excel' extra: pip install 'goalframe[excel]' "
            "(or save the sheet as CSV)"
        )
        raise ObservationError(msg, Location(name)) from None
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(file))
        names = list(book.sheet_names)
        chosen = next((s for s in names if s.strip().lower() == "observations"), None)
        if chosen is None and names:
            chosen = names[0]
        if chosen is None:
            msg = "the workbook has no sheets"
            raise ObservationError(msg, Location(name))
        rows = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except ObservationError:
        raise
    except (python_calamine.CalamineError, OSError, ValueError) as exc:  # not a workbook,
        # encrypted, a broken zip
        msg = f"cannot read the spreadsheet ({type(exc).__name__}: {exc}); save it again as .xlsx"
        raise ObservationError(msg, Location(name)) from None
    where = f"{name}[{chosen}]"
    if not rows:
        msg = "the sheet is empty; it needs a header row: indicator, period, value, unit"
        raise ObservationError(msg, Location(where))
    columns = [_text(h).strip().lower() for h in rows[0]]
    while columns and not columns[-1]:
        columns.pop()
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        msg = (
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} in the "
            f"header row; it has {', '.join(repr(c) for c in columns if c)}, and needs at least "
            f"{', '.join(REQUIRED)}"
        )
        raise ObservationError(msg, Location(where, 1))
    dupes = sorted({c for c in columns if c and columns.count(c) > 1})
    if dupes:
        msg = f"column {dupes[0]!r} appears twice in the header; keep one"
        raise ObservationError(msg, Location(where, 1))
    breakdown = tuple(c for c in columns if c and c not in KNOWN)
    blank: list[SetAside] = []

    def records() -> Iterator[tuple[Mapping[str, Any], Location]]:
        for number, cells in enumerate(rows[1:], start=2):
            row = {c: _cell(v) for c, v in zip(columns, cells, strict=False) if c}
            if all(v is None for v in row.values()):
                if any(_cell(v) is not None for v in cells):
                    blank.append(_outside(where, number))
                else:
                    blank.append(SetAside(reason="blank line", location=Location(where, number)))
                continue
            yield row, Location(where, number)

    read = build_observations(records(), source=name, breakdown_columns=breakdown)
    if not blank:
        return read
    import attrs

    merged = sorted(
        (*read.set_aside, *blank), key=lambda s: (s.location.line or 0) if s.location else 0
    )
    return attrs.evolve(read, set_aside=tuple(merged))


def _outside(where: str, number: int) -> SetAside:
    return SetAside(
        reason="cells only in columns without a header (not read)",
        location=Location(where, number),
    )


def _cell(value: object) -> object:
    """A spreadsheet cell as the CSV reader would see it: None for empty, text stripped."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    return value


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)
