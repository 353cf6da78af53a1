from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

from goalframe._messages import Message
from goalframe._observations import ObservationSet, SetAside, build_observations
from goalframe.errors import Location, ObservationError
from goalframe.io._columns import KNOWN, check_header, with_blank_lines
from goalframe.io._sdmx import is_sdmx, sdmx_columns, sdmx_rows

#: Observation files larger than this are refused.
MAX_CSV_BYTES = 512 * 1024 * 1024
_log = logging.getLogger(__name__)


#: The decimal separators a file may use.
DECIMALS = (".", ",")
# A number written with a decimal comma, thousands grouped by points or not: 27,4  1.234,5  -0,25
_COMMA_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?:[eE][+-]?\d+)?$")
# Cells that read as two different numbers: 1.234 (1.234 or 1234) and 1,234 (1234 or 1.234).
_GROUPED = {sep: re.compile(rf"^[+-]?[1-9]\d{{0,2}}(?:\{sep}\d{{3}})+$") for sep in DECIMALS}
_POINT_NUMBER = re.compile(r"^[+-]?\d*\.\d+(?:[eE][+-]?\d+)?$")


def _sniff_delimiter(header: str) -> str:
    # Spreadsheets set to Dutch (and most of Europe) save CSV with ';'.
    if header.count(";") > header.count(",") and header.count(";") >= 3:
        return ";"
    if header.count("\t") >= 3 and header.count(",") == 0:
        return "\t"
    return ","


def _logged(read: ObservationSet) -> ObservationSet:
    _log.debug(
        "read %s: %d observations, %d rows set aside",
        read.source,
        len(read.observations),
        len(read.set_aside),
    )
    return read


def _read_handle(handle: Any, name: str, decimal: str | None = None) -> ObservationSet:
    header_line = handle.readline(64 * 1024)
    handle.seek(0)
    delimiter = _sniff_delimiter(header_line)
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    if decimal is None and delimiter == ",":
        decimal = "."  # a comma-separated file cannot have unquoted decimal commas
    try:
        return _logged(_read(reader, name, decimal))
    except csv.Error as exc:
        message = Message("data_not_csv", error=str(exc))
        raise ObservationError(message, Location(name, reader.line_num)) from None


def _decimal_of(values: list[tuple[str, int]], name: str) -> str:
    """The decimal separator a ``;`` or tab file's values show; an error when they do not say.

    ``values`` are the value cells with their lines. A cell such as ``27,4`` or ``0,125``
    shows a decimal comma, ``27.4`` or ``0.125`` a decimal point; ``1.234`` and ``1,234`` can
    be read either way and decide nothing.
    """
    seen: dict[str, tuple[str, int]] = {}
    ambiguous: tuple[str, int] | None = None
    for text, line in values:
        cell = text.strip()
        if not cell or cell.lstrip("+-").isdigit():
            continue
        if _GROUPED["."].match(cell) or _GROUPED[","].match(cell):
            ambiguous = ambiguous or (cell, line)
        elif "," in cell and _COMMA_NUMBER.match(cell):
            seen.setdefault(",", (cell, line))
        elif _POINT_NUMBER.match(cell):
            seen.setdefault(".", (cell, line))
    if len(seen) == 2:
        (comma, at_comma), (point, at_point) = seen[","], seen["."]
        message = Message(
            "data_mixed_decimals",
            comma_line=str(at_comma),
            comma=repr(comma),
            point_line=str(at_point),
            point=repr(point),
        )
        raise ObservationError(message, Location(name, max(at_comma, at_point)))
    if seen:
        return next(iter(seen))
    if ambiguous is not None:
        cell, line = ambiguous
        as_point = _to_point(cell, ".") if "." in cell else cell.replace(",", "")
        as_comma = _to_point(cell, ",")
        try:
            readings = f"{float(as_point):g}", f"{float(as_comma):g}"
        except ValueError:  # '1,234,567', '1.000.000': grouped, which no reading allows
            raise ObservationError(_not_a_number(cell), Location(name, line)) from None
        message = Message(
            "data_ambiguous_decimal", cell=repr(cell), as_point=readings[0], as_comma=readings[1]
        )
        raise ObservationError(message, Location(name, line))
    return "."


def _refuse_points(held: list[tuple[list[str], int]], where: int, width: int, name: str) -> None:
    """In a decimal-comma file, refuse values whose point is not a thousands separator.

    ``1.500`` groups thousands (1500); ``1.50`` cannot, and read as a decimal point it would
    silently mean 1.5 beside a 1500 in the same file. Every such line is named.
    """
    from goalframe._observations._build import _Collector

    problems = _Collector(name)
    for cells, line in held:
        cell = cells[where].strip() if len(cells) == width else ""
        if "." in cell and not _COMMA_NUMBER.match(cell):
            problems.error(
                Message("data_point_in_comma_file", cell=repr(cell)), Location(name, line)
            )
    problems.raise_if_any()


def _not_a_number(cell: str) -> Message:
    """The value cell's problem, in the row reader's words (``column 'value': ...``)."""
    from goalframe._observations._build import _cell
    from goalframe._observations._values import parse_value

    try:
        parse_value(cell)
    except ValueError as exc:
        return _cell("value", exc)
    return Message("data_cell", column="'value'", problem=repr(cell))  # (always refused)


def _to_point(cell: str, decimal: str) -> str:
    """A value written with ``decimal`` as goalframe's number syntax (decimal point)."""
    if decimal == "." or not _COMMA_NUMBER.match(cell.strip()):
        return cell
    return cell.strip().replace(".", "").replace(",", ".")


def _read(reader: Any, name: str, decimal: str | None = ".") -> ObservationSet:
    header = next(reader, None)
    if header is None:
        raise ObservationError(Message("data_empty"), Location(name))
    columns = [h.strip().lower() for h in header]
    sdmx = is_sdmx(columns)
    if sdmx:
        columns, sdmx_breakdown = sdmx_columns(columns, name)
    check_header(columns, name)
    breakdown = sdmx_breakdown if sdmx else tuple(c for c in columns if c not in KNOWN)
    blank: list[SetAside] = []
    lines: Iterator[tuple[list[str], int]] = ((cells, reader.line_num) for cells in reader)
    if decimal != ".":
        held = list(lines)  # read once to see which separator the values use
        where = columns.index("value")
        if decimal is None:
            values = [(c[where], line) for c, line in held if len(c) == len(columns)]
            decimal = _decimal_of(values, name)
        if decimal == ",":
            _refuse_points(held, where, len(columns), name)
            for cells, _ in held:
                if len(cells) == len(columns):
                    cells[where] = _to_point(cells[where], ",")
        lines = iter(held)

    def rows() -> Iterator[tuple[Mapping[str, Any], Location]]:
        for cells, line in lines:
            if not cells or not "".join(cells).strip():  # every cell blank (C-speed test)
                blank.append(SetAside(reason=Message("blank_line"), location=Location(name, line)))
                continue
            if len(cells) != len(columns):
                message = Message("data_cells", cells=str(len(cells)), columns=str(len(columns)))
                raise ObservationError(message, Location(name, line))
            yield dict(zip(columns, cells, strict=True)), Location(name, line)

    tidy = sdmx_rows(rows(), blank) if sdmx else rows()
    read = build_observations(tidy, source=name, breakdown_columns=breakdown)
    return with_blank_lines(read, blank)
