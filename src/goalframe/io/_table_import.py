"""Goal files from an indicator table: the spreadsheet many ministries keep their goals in.

`import_table` reads a CSV file or a workbook (``.xlsx``, ``.xls``, ``.ods``: the sheet named
``indicators``/``indicatoren``, else the first) with a row per indicator and the columns of
`goalframe.io._table_columns` (English or Dutch headers, found in the first ten rows: a title
above the table is skipped), and writes a goal file that `goalframe lint` then checks. What it
cannot read is never guessed: a row without an id or name, or without a unit, is set aside
with its line; a target that is prose (``halveren``), a year that is no period, a direction or
kind it does not know is left out of the goal file and said in a note, so that lint names the
gap (the WODC finding this tool exists for: goals stated in general terms).

Added in 0.3.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from goalframe.errors import DataError, ObservationError
from goalframe.io._open_sdg._result import Skipped
from goalframe.io._table_columns import DIRECTION_WORDS, KIND_WORDS, TABLE_COLUMNS

__all__ = ["TableImport", "import_table"]

_HEADERS = {h: c.field for c in TABLE_COLUMNS for h in c.headers}
_SHEETS = ("indicators", "indicatoren")
_SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")


@attrs.frozen(kw_only=True)
class TableImport:
    """What `import_table` read: the goal file, and what it left out and why.

    Attributes:
        document: The goal file (a mapping, as YAML would hold it).
        rows: How many rows under the header were read (blank ones not counted).
        skipped: Each row set aside, with its place and reason.
        notes: What was left out of an imported indicator, and why.
    """

    document: Mapping[str, Any]
    rows: int
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """``3 indicators imported from 4 rows, 1 set aside, 2 notes``."""
        n = len(self.document["indicators"])
        return (
            f"{n} indicator{'s' if n != 1 else ''} imported from {self.rows} rows, "
            f"{len(self.skipped)} set aside, {len(self.notes)} notes"
        )

    def goal_file_text(self) -> str:
        """The goal file as YAML."""
        from goalframe.io._yaml import dump_yaml

        return dump_yaml(dict(self.document))


def import_table(path: str | os.PathLike[str]) -> TableImport:
    """Read an indicator table (CSV or a workbook) into a goal file.

    A row per indicator; the columns (English or Dutch headers, found in the first ten rows)
    are listed in the docs ("Bring your data"). A row without an id or name, or without a
    unit, is set aside with its line; a cell that cannot be read (a target in prose, a year
    that is no period) is left out and said in ``notes``, for `goalframe.lint` to flag.

    Args:
        path: The table: ``.csv`` (``,`` or ``;``), ``.xlsx``, ``.xlsm``, ``.xls`` or ``.ods``
            (the sheet ``indicators`` or ``indicatoren``, else the first).

    Returns:
        The goal file (``document``, ``goal_file_text()``), what was set aside and noted.

    Raises:
        DataError: The file cannot be read, no header row names an indicator and its unit,
            or no row could be imported.

    Examples:
        >>> import goalframe as gf
        >>> imported = gf.import_table("indicators.xlsx")  # doctest: +SKIP
        >>> framework = gf.parse_framework(imported.goal_file_text())  # doctest: +SKIP

    Added in 0.3.
    """
    file = Path(path)
    where, rows = _read(file)
    at, fields = _header(rows, where)
    builder = _Builder(file)
    count = 0
    for number, cells in rows[at + 1 :]:
        record = {f: _text(cells[k]) for k, f in fields.items() if k < len(cells)}
        if not any(record.values()):
            continue  # a blank row
        count += 1
        builder.row(record, f"{where}:{number}")
    if not builder.indicators:
        msg = f"{where}: no row could be imported (each needs an id or a name, and a unit)"
        raise DataError(msg + "".join(f"\n  {s}" for s in builder.skipped[:10]))
    return TableImport(
        document=builder.document(), rows=count, skipped=tuple(builder.skipped),
        notes=tuple(builder.notes),
    )  # fmt: skip


def _read(file: Path) -> tuple[str, list[tuple[int, list[object]]]]:
    """The table's rows, numbered as a reader of the file numbers them, and its name."""
    from goalframe.io._csv import MAX_CSV_BYTES, _sniff_delimiter
    from goalframe.io._files import check_file

    if file.suffix.lower() in _SPREADSHEETS:
        return _read_sheet(file)
    check_file(file, what="indicator table", limit=MAX_CSV_BYTES, error=ObservationError)
    import csv

    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"{file}: byte {exc.start} is not UTF-8; save the table as CSV UTF-8"
        raise DataError(msg) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    rows = csv.reader(text.splitlines(), delimiter=_sniff_delimiter(first))
    try:
        return str(file), [(n, list(cells)) for n, cells in enumerate(rows, start=1)]
    except csv.Error as exc:  # a cell over the csv module's limit (131,072 characters)
        msg = f"{file}:{rows.line_num}: not CSV that can be read ({exc}); save the table again"
        raise DataError(msg) from None


def _read_sheet(file: Path) -> tuple[str, list[tuple[int, list[object]]]]:
    from goalframe.io._excel import MAX_SPREADSHEET_BYTES, _check_unpacked
    from goalframe.io._files import check_file

    check_file(file, what="spreadsheet", limit=MAX_SPREADSHEET_BYTES, error=ObservationError)
    _check_unpacked(file, str(file))
    try:
        import python_calamine
    except ImportError:
        msg = f"{file}: reading a workbook needs the excel extra: pip install 'goalframe[excel]'"
        raise DataError(msg) from None
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(file))
        names = list(book.sheet_names)
        sheet = next((s for s in names if s.strip().lower() in _SHEETS), names[0] if names else "")
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False) if sheet else []
    except (python_calamine.CalamineError, OSError, ValueError) as exc:
        msg = f"{file}: not a workbook that can be read ({type(exc).__name__}: {exc})"
        raise DataError(msg) from None
    return f"{file}[{sheet}]", [(n, list(cells)) for n, cells in enumerate(rows, start=1)]


def _key(header: object) -> str:
    """A header as matched: lower case, single spaces, without a parenthesis or a colon."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", _text(header)).replace(":", " ")
    return " ".join(text.lower().split())


def _header(rows: list[tuple[int, list[object]]], where: str) -> tuple[int, dict[int, str]]:
    """The header row's index (among the first ten) and the field of each column it names."""
    for at, (_, cells) in enumerate(rows[:10]):
        fields: dict[int, str] = {}
        for k, cell in enumerate(cells):
            field = _HEADERS.get(_key(cell))
            if field is not None and field not in fields.values():
                fields[k] = field
        if "unit" in fields.values() and {"indicator", "name"} & set(fields.values()):
            return at, fields
    known = ", ".join(c.headers[0] for c in TABLE_COLUMNS)
    msg = (
        f"{where}: no header row in the first 10 rows names an indicator (or its name) and its "
        f"unit; the columns read are {known} (Dutch too: naam, eenheid, nulmeting, "
        "streefwaarde, streefjaar, ...)"
    )
    raise DataError(msg)


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):  # a date cell
        return str(value.isoformat())[:10]
    return "" if value is None else " ".join(str(value).split())


class _Builder:
    """The goal file, one row at a time."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.indicators: list[dict[str, Any]] = []
        self.objectives: dict[str, dict[str, Any]] = {}
        self.units: dict[str, str] = {}
        self.skipped: list[Skipped] = []
        self.notes: list[str] = []

    def row(self, record: Mapping[str, str], place: str) -> None:
        from goalframe.io._open_sdg._files import _slug

        name = record.get("name", "")
        ident = record.get("indicator", "") or _slug(name).replace("-", "_")
        ident = re.sub(r"[^A-Za-z0-9_.-]+", "_", ident).strip("_.-")
        if not ident:
            self._skip(place, "indicator", "no id and no name")
            return
        if any(i["id"] == ident for i in self.indicators):
            self._skip(place, "indicator", f"{ident!r} is in the table twice: the first is kept")
            return
        if not record.get("unit"):
            self._skip(place, "unit", f"{ident}: no unit; a goal needs one to be measured")
            return
        spec: dict[str, Any] = {"id": ident, "name": name or ident, "unit": self._unit(record)}
        self._fields(spec, record, place)
        objective = record.get("objective") or f"Indicators of {self.file.name}"
        oid = "o_" + (_slug(objective).replace("-", "_")[:60] or "table")
        entry = self.objectives.setdefault(
            objective, {"id": oid, "statement": objective, "indicators": []}
        )
        entry["indicators"].append(ident)
        self.indicators.append(spec)

    def _fields(self, spec: dict[str, Any], record: Mapping[str, str], place: str) -> None:
        ident = spec["id"]
        if direction := record.get("direction", ""):
            found = DIRECTION_WORDS.get(direction.lower())
            if found is None:
                self.notes.append(f"{place}: {ident}: direction {direction!r} not read")
            else:
                spec["direction"] = found
        if kind := record.get("kind", ""):
            if (found := KIND_WORDS.get(kind.lower())) is None:
                self.notes.append(f"{place}: {ident}: kind {kind!r} not read")
            else:
                spec["kind"] = found
        if source := record.get("source", ""):
            url = source if source.startswith(("http://", "https://")) else None
            spec["source"] = {"name": source, **({"url": url} if url else {})}
        target = self._target(spec, record, place)
        if target is not None:
            spec["target"] = target

    def _target(
        self, spec: dict[str, Any], record: Mapping[str, str], place: str
    ) -> dict[str, Any] | None:
        ident = spec["id"]
        value = self._number(record, "target", place, ident)
        deadline = self._period(record, "deadline", place, ident)
        base = self._number(record, "baseline", place, ident)
        base_period = self._period(record, "baseline_year", place, ident)
        if value is None:
            return None
        target: dict[str, Any] = {"value": value}
        if deadline is not None:
            target["deadline"] = deadline
        if base is not None and base_period is not None:
            target["baseline"] = {"value": base, "period": base_period}
        elif base is not None:
            self.notes.append(f"{place}: {ident}: baseline {base:g} has no year; not written")
        if "direction" not in spec:
            if base is None or base == value:
                self.notes.append(
                    f"{place}: {ident}: the target {value:g} has no direction (increase or "
                    "decrease); not written"
                )
                return None
            spec["direction"] = "increase" if value > base else "decrease"
            self.notes.append(
                f"{place}: {ident}: direction {spec['direction']} read from the baseline "
                f"{base:g} and the target {value:g}"
            )
        return target

    def _number(self, record: Mapping[str, str], field: str, place: str, ident: str) -> Any:
        from goalframe._numbers import parse_number

        text = record.get(field, "")
        if not text:
            return None
        plain = text.rstrip("%").strip()
        if re.fullmatch(r"-?\d+,\d+", plain):  # a decimal comma (a Dutch table)
            plain = plain.replace(",", ".")
        try:
            number = parse_number(plain, what=field)
        except ValueError:
            self.notes.append(f"{place}: {ident}: {field} {text!r} is not a number; not written")
            return None
        return int(number) if number.is_integer() else number

    def _period(self, record: Mapping[str, str], field: str, place: str, ident: str) -> Any:
        from goalframe._periods import parse_period

        text = record.get(field, "")
        if not text:
            return None
        try:
            period = parse_period(text)
        except ValueError:
            self.notes.append(f"{place}: {ident}: {field} {text!r} is not a period; not written")
            return None
        return int(text) if text.isdigit() else str(period)

    def _unit(self, record: Mapping[str, str]) -> str:
        from goalframe.errors import UnitError
        from goalframe.io._open_sdg._units import counting_unit, registry_unit
        from goalframe.units import check_unit

        text = record["unit"]
        known = registry_unit(text)
        if known is not None:
            return known
        try:
            return check_unit(text)
        except (UnitError, ValueError):  # not a unit of the registry: one of the goal file
            return counting_unit(text, self.units)

    def _skip(self, place: str, field: str, reason: str) -> None:
        self.skipped.append(Skipped(file=place, field=field, reason=reason))

    def document(self) -> dict[str, Any]:
        from goalframe.io._open_sdg._files import _slug

        return {
            "schema_version": 1,
            "id": _slug(self.file.stem) or "table",
            "title": f"Goals from {self.file.name}",
            **(
                {"units": [{"name": n, "label": t} for t, n in self.units.items()]}
                if self.units
                else {}
            ),
            "objectives": list(self.objectives.values()),
            "indicators": self.indicators,
        }
