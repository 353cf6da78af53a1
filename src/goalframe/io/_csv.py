from __future__ import annotations

import csv
import logging
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from goalframe._observations import ObservationSet, SetAside, build_observations
from goalframe.errors import Location, ObservationError

#: Observation files larger than this are refused.
MAX_CSV_BYTES = 512 * 1024 * 1024
REQUIRED = ("indicator", "period", "value", "unit")
_log = logging.getLogger(__name__)
KNOWN = (*REQUIRED, "flag", "note", "source", "vintage", "published")


def _sniff_delimiter(header: str) -> str:
    # Spreadsheets set to Dutch (and most of Europe) save CSV with ';'.
    if header.count(";") > header.count(",") and header.count(";") >= 3:
        return ";"
    if header.count("\t") >= 3 and header.count(",") == 0:
        return "\t"
    return ","


def load_observations(
    path: str | os.PathLike[str], *, year_start: int | None = None
) -> ObservationSet:
    """Read observations from a tidy CSV file, one observation a row.

    Columns (header names are case-insensitive, in any order):

    - ``indicator``, ``period``, ``value``, ``unit``: required. Periods are years, quarters,
      months or dates; values use a decimal point; an empty value is set aside as missing.
    - ``flag``: optional; ``approx``, ``derived``, ``revised``, ``provisional``, ``estimated``,
      ``break``, ``suspect``, several separated by ``;``.
    - ``note``, ``source``: optional free text.
    - ``vintage`` (or ``published``): optional; when the figure was published. Several
      releases of one period (a first figure and its revisions) are kept; the latest is used.
    - any other column is a breakdown (disaggregation) such as ``region``; a blank cell means
      the total.

    The delimiter is ``,`` or, where the header uses it, ``;`` or a tab. The file is UTF-8
    (a byte-order mark is fine).

    Args:
        path: The CSV file.
        year_start: The month financial years (``2022/23``, ``FY2023``) start in; default
            April. `goalframe.evaluate` re-reads them with the goal file's ``year_start``.

    Returns:
        The observations, and the rows set aside (empty values, exact duplicates) with reasons.

    Raises:
        DataError: The file is missing or unreadable, a column is missing, or rows cannot be
            read; every such row is named with its line.

    Added in 0.1.
    """
    from goalframe._periods import year_start as reading_years_from
    from goalframe.errors import require

    require(path, (str, os.PathLike), name="load_observations(path)", takes="a file path")
    with reading_years_from(year_start):
        return _load(Path(path), str(path))


def _load(file: Path, name: str) -> ObservationSet:
    from goalframe.io._files import STDIN, check_file, read_checked

    if name == STDIN:
        import io

        text = read_checked(file, what="CSV file", limit=MAX_CSV_BYTES, error=ObservationError)
        return _read_handle(io.StringIO(text, newline=""), name)
    check_file(file, what="CSV file", limit=MAX_CSV_BYTES, error=ObservationError)
    try:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            return _read_handle(handle, name)
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8 CSV"
        raise ObservationError(msg, Location(name)) from None


def _logged(read: ObservationSet) -> ObservationSet:
    _log.debug(
        "read %s: %d observations, %d rows set aside",
        read.source,
        len(read.observations),
        len(read.set_aside),
    )
    return read


def _read_handle(handle: Any, name: str) -> ObservationSet:
    header_line = handle.readline(64 * 1024)
    handle.seek(0)
    delimiter = _sniff_delimiter(header_line)
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    try:
        return _logged(_read(reader, name))
    except csv.Error as exc:
        msg = f"not valid CSV ({exc}); check quoting on this line"
        raise ObservationError(msg, Location(name, reader.line_num)) from None


def _read(reader: Any, name: str) -> ObservationSet:
    header = next(reader, None)
    if header is None:
        msg = "the file is empty; it needs a header row: indicator,period,value,unit"
        raise ObservationError(msg, Location(name))
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        msg = (
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"the header has {', '.join(repr(c) for c in columns)}, and needs at least "
            f"{', '.join(REQUIRED)}"
        )
        raise ObservationError(msg, Location(name, 1))
    dupes = sorted({c for c in columns if columns.count(c) > 1})
    if dupes:
        msg = f"column {dupes[0]!r} appears twice in the header; keep one"
        raise ObservationError(msg, Location(name, 1))
    if "" in columns:
        msg = f"column {columns.index('') + 1} has no name; name it or remove it"
        raise ObservationError(msg, Location(name, 1))
    breakdown = tuple(c for c in columns if c not in KNOWN)
    blank: list[SetAside] = []

    def rows() -> Iterator[tuple[Mapping[str, Any], Location]]:
        for cells in reader:
            line = reader.line_num
            if not cells or all(not c.strip() for c in cells):
                blank.append(SetAside(reason="blank line", location=Location(name, line)))
                continue
            if len(cells) != len(columns):
                msg = (
                    f"{len(cells)} cells where the header has {len(columns)}; check for an "
                    "unquoted delimiter in a value"
                )
                raise ObservationError(msg, Location(name, line))
            yield dict(zip(columns, cells, strict=True)), Location(name, line)

    read = build_observations(rows(), source=name, breakdown_columns=breakdown)
    if not blank:
        return read
    merged = sorted(
        (*read.set_aside, *blank), key=lambda s: (s.location.line or 0) if s.location else 0
    )
    return attrs.evolve(read, set_aside=tuple(merged))
