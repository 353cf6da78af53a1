"""Reading observations files: one table of the formats, one reader per format.

`load_observations` reads a file into observations one row at a time (the scorecard's path);
`read_frame` reads it into a data frame for the columnar engine (`goalframe verdicts`,
`goalframe.evaluate_frame`). Both choose the reader by the file's ending, from `READERS`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from goalframe._collector import while_paused
from goalframe._messages import Message
from goalframe._observations import ObservationSet
from goalframe.errors import Location, ObservationError
from goalframe.io._csv import DECIMALS, MAX_CSV_BYTES, _logged, _read_handle, _sniff_delimiter

__all__ = ["READERS", "Reader", "load_observations", "read_frame", "reader_for"]

#: The frame reader refuses no file for its size: the engine keeps the data in its own memory.
NO_LIMIT = 1 << 62


def _spreadsheet(file: Path, name: str) -> ObservationSet:
    from goalframe.io._excel import read_spreadsheet

    return read_spreadsheet(file, name)


def _parquet(file: Path, name: str) -> ObservationSet:
    from goalframe.io._parquet import read_parquet

    return read_parquet(file, name)


def _csv(file: Path, name: str) -> ObservationSet:
    return _load(file, name)


@attrs.frozen(kw_only=True)
class Reader:
    """A format of observations files.

    Attributes:
        name: The format's name.
        suffixes: The file endings read in it (any other ending is read as CSV).
        read: Reads a file into observations (``file``, the name to report it by).
        frames: Whether `read_frame` reads it into a data frame too.
        extra: The install extra it needs, if any.
    """

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path, str], ObservationSet]
    frames: bool
    extra: str = ""


#: Every format observations are read from; CSV (the last) for any other ending. SDMX-CSV is
#: CSV, told apart by its header.
READERS = (
    Reader(
        name="spreadsheet",
        suffixes=(".xlsx", ".xlsm", ".xls", ".ods"),
        read=_spreadsheet,
        frames=False,
        extra="excel",
    ),
    Reader(name="parquet", suffixes=(".parquet", ".pq"), read=_parquet, frames=True),
    Reader(name="csv", suffixes=(".csv", ".tsv", ".txt"), read=_csv, frames=True),
)


def reader_for(file: Path) -> Reader:
    """The reader of a file, by its ending (CSV for any ending no other reader has)."""
    ending = file.suffix.lower()
    return next((r for r in READERS if ending in r.suffixes), READERS[-1])


def load_observations(
    path: str | os.PathLike[str], *, year_start: int | None = None, decimal: str | None = None
) -> ObservationSet:
    """Read observations from a tidy CSV file (or spreadsheet), one observation a row.

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
    (a byte-order mark is fine). A ``.xlsx``, ``.xlsm``, ``.xls`` or ``.ods`` file is read
    as a spreadsheet with the same columns, from its sheet named ``observations`` or else its
    first sheet (the ``excel`` extra). A ``.parquet`` file is read with the same columns by
    pyarrow or polars, whichever is installed; its rows are named by number.

    A ``;`` or tab file may write decimals with a comma, as spreadsheets set to Dutch do
    (``27,4``, ``1.234,5``): the reader takes the separator the values show. A file whose
    values could be read either way (only cells such as ``1.234``) or that mixes both is an
    error showing both readings; ``decimal`` says which it is.

    Args:
        path: The CSV file.
        year_start: The month financial years (``2022/23``, ``FY2023``) start in; default
            April. `goalframe.evaluate` re-reads them with the goal file's ``year_start``.
        decimal: ``"."`` or ``","``: the decimal separator of the values. Default: a point,
            or what the values of a ``;`` or tab file show.

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
    if decimal is not None and decimal not in DECIMALS:
        from goalframe.errors import UsageError

        msg = f"decimal must be '.' or ',', not {decimal!r}"
        raise UsageError(msg)
    with reading_years_from(year_start):
        return _load(Path(path), str(path), decimal)


@while_paused
def _load(file: Path, name: str, decimal: str | None = None) -> ObservationSet:
    from goalframe.io._files import STDIN, check_file, read_checked

    reader = reader_for(file)
    if reader.name != "csv":
        return _logged(reader.read(file, name))
    if name == STDIN:
        import io

        text = read_checked(file, what="CSV file", limit=MAX_CSV_BYTES, error=ObservationError)
        return _read_handle(io.StringIO(text, newline=""), name, decimal)
    check_file(file, what="CSV file", limit=MAX_CSV_BYTES, error=ObservationError)
    try:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            return _read_handle(handle, name, decimal)
    except UnicodeDecodeError as exc:
        message = Message("data_not_utf8", byte=str(exc.start))
        raise ObservationError(message, Location(name)) from None


def read_frame(path: str | os.PathLike[str]) -> Any:
    """Read an observations file into a data frame, for `goalframe.evaluate_frame`.

    The columns are those `load_observations` reads (header names matched without case or
    surrounding spaces); every column is text except ``value``, a number. CSV (``,``, ``;``
    or tab) and Parquet files are read by polars, or by pyarrow when polars is not installed;
    the frame is that library's (a ``polars.DataFrame`` or a ``pyarrow.Table``), in memory,
    since the engine reads it several times. For a spreadsheet, or a file larger than memory,
    read it with your engine (DuckDB scans it) and pass the frame.

    Raises:
        DataError: The file is missing or unreadable, of a format this reader does not read,
            or neither polars nor pyarrow is installed.

    Added in 0.3.
    """
    from goalframe.errors import DataError, ObservationError, require
    from goalframe.io._files import check_file

    require(path, (str, os.PathLike), name="read_frame(path)", takes="a file path")
    data = Path(path)
    if str(data) == "-":
        msg = "read_frame reads a file (its engine scans it); give the file's path"
        raise DataError(msg)
    reader = reader_for(data)
    if not reader.frames:
        framed = ", ".join(s for r in READERS if r.frames for s in r.suffixes)
        msg = (
            f"{data}: a {reader.name} file is read one row at a time (load_observations), not "
            f"into a data frame; the frame reader reads {framed} files (save it as CSV, or read "
            "it with your engine)"
        )
        raise DataError(msg)
    check_file(data, what="data file", limit=NO_LIMIT, error=ObservationError)
    parquet = reader.name == "parquet"
    try:
        import polars as pl
    except ImportError:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            msg = (
                f"{data}: the frame reader reads data with polars or pyarrow, and neither "
                "is installed; install one (pip install 'goalframe[polars]') or use "
                "load_observations (`goalframe scorecard`)"
            )
            raise DataError(msg) from None
        return _scan_pyarrow(data, parquet=parquet)
    # Read into memory once: the engine looks at the data several times (distinct periods,
    # units and flags first), and a lazy scan would read the file again each time (measured:
    # 2.4 s against 3.3 s for 2.5 M rows). Larger-than-memory files: DuckDB, from Python.
    if parquet:
        frame = pl.read_parquet(data)
        return frame.rename({n: n.strip().lower() for n in frame.columns})
    from goalframe.io._frame_values import numbers_checked

    return numbers_checked(_polars_csv(data), str(data))


def _polars_csv(data: Path) -> Any:
    """A CSV file read by polars, every column text, held to the row-by-row reader's contract.

    A row of too many cells or an unclosed quote is read again row by row (whose error names
    the line). Polars 1 reads a row of too few cells as a row padded with empty ones, and 1.0
    an unclosed quote as a cell to the end of the file: where its last column has an empty
    cell, the rows' widths are counted in Python (only then, only on such a polars).
    """
    import polars as pl

    columns, separator = _header(data)
    types: dict[str, Any] = dict.fromkeys(columns, pl.String)  # values too: checked later
    try:
        frame = pl.read_csv(
            data, separator=separator, schema=types, has_header=False, skip_rows=1, encoding="utf8"
        )
    except pl.exceptions.NoDataError:  # a header alone (polars 1 cannot skip it: no rows)
        return pl.DataFrame(schema=types)
    except pl.exceptions.PolarsError:
        return pl.DataFrame(_rows_read_one_by_one(data), schema=types, orient="row")
    if frame[columns[-1]].null_count() and _pads_short_rows() and _ragged(data, separator):
        return pl.DataFrame(_rows_read_one_by_one(data), schema=types, orient="row")
    # A blank line is no row (some polars versions read it as a row of empty cells);
    # cells lose the spaces around them, as the row-by-row reader's do (before the
    # engine looks for repeated rows: ` i0 ` and `i0` are one indicator on both paths).
    frame = frame.filter(~pl.all_horizontal(pl.all().is_null()))
    return frame.with_columns(pl.all().str.strip_chars())


@functools.cache
def _pads_short_rows() -> bool:
    """Whether the installed polars reads a row of too few cells without an error (1.x)."""
    import io

    import polars as pl

    try:
        pl.read_csv(io.BytesIO(b"a,b\nx\n"), schema={"a": pl.String, "b": pl.String})
    except pl.exceptions.PolarsError:
        return False
    return True


def _ragged(data: Path, separator: str) -> bool:
    """Whether a row of a CSV file (not blank) has other than the header's number of cells."""
    import csv

    with data.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter=separator)
        width = len(next(rows, []))
        return any(len(row) != width and any(c.strip() for c in row) for row in rows)


def row_reader_problem(path: Path) -> None:
    """Raise the row-by-row reader's error for a CSV file, if it has one (nothing if not).

    The engine's reader names a problem by file; the row-by-row reader (`load_observations`,
    the scorecard's) names its line and the fix. Both paths hold a file to one contract, so
    when the engine refuses a file the row-by-row reader's words are said (for files up to
    `LOCATE_BYTES`: a larger file keeps the engine's).
    """
    from goalframe.errors import ObservationError

    try:
        if reader_for(path).name != "csv" or path.stat().st_size > LOCATE_BYTES:
            return
    except OSError:  # (not there, or not a file: the engine's words stand)
        return
    try:
        load_observations(path)
    except ObservationError as exc:  # a row's problem; the header's, the engine names well
        if exc.location.line is not None and exc.location.line > 1:
            raise


#: The largest CSV file read again row by row to name the line of a problem the engine found.
LOCATE_BYTES = 64 * 1024 * 1024


def _rows_read_one_by_one(data: Path) -> list[list[str]]:
    """A CSV file the engine's reader refused, read as the row-by-row reader reads it.

    The row-by-row reader's error, with its line, when it refuses the file too (a row of
    too many cells, an unclosed quote); else the rows, without blank lines (which polars
    reads as rows of one cell).
    """
    import csv

    load_observations(data)
    columns, separator = _header(data)
    with data.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=separator))
    width = len(columns)  # (every row has as many cells: the reader above checked)
    return [
        ([c.strip() for c in row] + [""] * width)[:width]
        for row in rows[1:]
        if any(c.strip() for c in row)
    ]


def _header(data: Path) -> tuple[list[str], str]:
    """The CSV header's column names (lower case, stripped) and its delimiter."""
    import csv

    from goalframe._messages import Message
    from goalframe.errors import Location, ObservationError
    from goalframe.io._columns import check_names

    try:
        with data.open(encoding="utf-8-sig", newline="") as handle:
            line = handle.readline(64 * 1024)
    except UnicodeDecodeError as exc:
        message = Message("data_not_utf8", byte=str(exc.start))
        raise ObservationError(message, Location(str(data))) from None
    if not line.strip():
        raise ObservationError(Message("data_empty"), Location(str(data)))
    separator = _sniff_delimiter(line)
    cells = next(csv.reader([line], delimiter=separator), [])
    columns = [c.strip().lower() for c in cells]
    # The CSV reader's own check (a missing column: the engine names it and what the file has).
    check_names(columns, str(data))
    from goalframe.io._sdmx import is_sdmx

    if is_sdmx(columns):  # its codes, flags and confidential values: the row reader's work
        raise ObservationError(Message("frame_sdmx"), Location(str(data), 1))
    return columns, separator


def _scan_pyarrow(data: Path, *, parquet: bool) -> Any:
    import pyarrow as pa

    if parquet:
        import pyarrow.parquet as pq

        table = pq.read_table(data)
    else:
        import pyarrow.csv as pacsv

        columns, separator = _header(data)
        types = {c: pa.string() for c in columns}  # values too: checked below
        try:
            table = pacsv.read_csv(
                data,
                read_options=pacsv.ReadOptions(column_names=columns, skip_rows=1),
                parse_options=pacsv.ParseOptions(delimiter=separator),
                convert_options=pacsv.ConvertOptions(column_types=types),
            )
        except pa.ArrowInvalid:
            rows = _rows_read_one_by_one(data)
            table = pa.table(
                {c: [r[k] for r in rows] for k, c in enumerate(columns)}, schema=pa.schema(types)
            )
    table = table.rename_columns([n.strip().lower() for n in table.column_names])
    if parquet:
        return table
    import pyarrow.compute as pc

    table = pa.table(
        [pc.utf8_trim_whitespace(column) for column in table.columns], names=table.column_names
    )  # (every column is text: cells without the spaces around them, as above)
    from goalframe.io._frame_values import numbers_checked

    return numbers_checked(table, str(data))
