"""Observations from a spreadsheet (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``), read with calamine.

The sheet has the tidy layout of the CSV file (a header row with ``indicator``, ``period``,
``value``, ``unit``, ...). It is the sheet named ``observations`` (any case), or else the first
sheet. Every row keeps its row number, so messages and rows set aside name ``file[sheet]:row``.
Needs the ``excel`` extra (``pip install 'goalframe[excel]'``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from goalframe._messages import Message
from goalframe._observations import ObservationSet, SetAside, build_observations
from goalframe.errors import Location, ObservationError

#: File name endings read as spreadsheets.
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
MAX_SPREADSHEET_BYTES = 256 * 1024 * 1024


#: The most a workbook may unpack to, and the most cells a sheet may declare: a packed file of
#: a few MB can hold millions of rows (3,000,000 needed 4.2 GB before the reader gave up).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_CELLS = 10_000_000
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+[0-9]+:([A-Z]+)([0-9]+)"')


def _check_unpacked(file: Path, name: str) -> None:
    """Refuse a workbook that unpacks, or whose sheets declare cells, beyond the limits.

    Checked before calamine reads it: the zip's table of contents and the first bytes of each
    sheet (its ``<dimension ref="A1:E3000000">``). ``.xls`` (not a zip) has the file limit.
    """
    import zipfile

    if not zipfile.is_zipfile(file):
        return
    with zipfile.ZipFile(file) as book:
        unpacked = sum(info.file_size for info in book.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            message = Message("data_sheet_too_big", size=f"{unpacked // 1_000_000:,} MB")
            raise ObservationError(message, Location(name))
        for info in book.infolist():
            if not info.filename.startswith("xl/worksheets/"):
                continue
            with book.open(info) as sheet:
                found = _DIMENSION.search(sheet.read(4096))
            if found is None:
                continue
            columns = 0
            for letter in found[1].decode():
                columns = columns * 26 + ord(letter) - 64
            cells = columns * int(found[2])
            if cells > MAX_CELLS:
                message = Message("data_sheet_too_many_cells", cells=f"{cells:,}")
                raise ObservationError(message, Location(name))


def is_spreadsheet(path: Path) -> bool:
    """Whether a path names a spreadsheet by its ending."""
    return path.suffix.lower() in SPREADSHEETS


def read_spreadsheet(file: Path, name: str) -> ObservationSet:
    """Read the observations sheet of a spreadsheet file."""
    from goalframe.io._columns import KNOWN, check_header, with_blank_lines
    from goalframe.io._files import check_file

    check_file(file, what="spreadsheet", limit=MAX_SPREADSHEET_BYTES, error=ObservationError)
    _check_unpacked(file, name)
    try:
        import python_calamine
    except ImportError:
        raise ObservationError(Message("data_needs_excel"), Location(name)) from None
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(file))
        names = list(book.sheet_names)
        chosen = next((s for s in names if s.strip().lower() == "observations"), None)
        if chosen is None and names:
            chosen = names[0]
        if chosen is None:
            raise ObservationError(Message("data_no_sheets"), Location(name))
        rows = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except ObservationError:
        raise
    except (python_calamine.CalamineError, OSError, ValueError) as exc:  # not a workbook,
        # encrypted, a broken zip
        message = Message("data_sheet_unreadable", error=f"{type(exc).__name__}: {exc}")
        raise ObservationError(message, Location(name)) from None
    where = f"{name}[{chosen}]"
    if not rows:
        raise ObservationError(Message("data_sheet_empty"), Location(where))
    columns = [_text(h).strip().lower() for h in rows[0]]
    while columns and not columns[-1]:  # a sheet's used area often reaches past the header
        columns.pop()
    check_header(columns, where)
    breakdown = tuple(c for c in columns if c not in KNOWN)
    blank: list[SetAside] = []
    odd = _odd_values(file, chosen, columns, rows)

    def records() -> Iterator[tuple[Mapping[str, Any], Location]]:
        for number, cells in enumerate(rows[1:], start=2):
            stray = next((i for i in range(len(columns), len(cells)) if _cell(cells[i])), None)
            if stray is not None:
                message = Message("data_unnamed_value", column=str(stray + 1))
                raise ObservationError(message, Location(where, number))
            row = {c: _cell(v) for c, v in zip(columns, cells, strict=False)}
            if number in odd:  # an error or a formula's missing result, not an empty cell
                kind, shown = odd[number]
                key = "data_cell_error" if kind == "error" else "data_cell_formula"
                place = Location(where, number, columns.index("value") + 1)
                raise ObservationError(Message(key, cell=shown), place)
            if all(v is None for v in row.values()):
                blank.append(
                    SetAside(reason=Message("blank_line"), location=Location(where, number))
                )
                continue
            yield row, Location(where, number)

    read = build_observations(records(), source=name, breakdown_columns=breakdown)
    return with_blank_lines(read, blank)


def _odd_values(
    file: Path, sheet: str, columns: list[str], rows: Sequence[Sequence[object]]
) -> dict[int, tuple[str, str]]:
    """The rows whose value cell calamine reads as empty but holds an error or a formula."""
    from goalframe.io._excel_cells import odd_cells

    at = columns.index("value")
    empty = {
        number
        for number, cells in enumerate(rows[1:], start=2)
        if at >= len(cells) or _cell(cells[at]) is None
        if any(_cell(c) is not None for c in cells)
    }
    return odd_cells(file, sheet, at, empty) if empty else {}


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
