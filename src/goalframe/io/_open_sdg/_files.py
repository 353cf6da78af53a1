"""Reading an Open SDG repository's files: data CSVs, metadata, ids, years and numbers."""

from __future__ import annotations

import csv
import functools
import itertools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goalframe.errors import Location, ObservationError

if TYPE_CHECKING:
    pass


DEFAULT_TARGET_YEAR = 2030


_ID = re.compile(r"^indicator_(\d+(?:-[0-9a-z]+)+)\.csv$")


#: Columns of an Open SDG data file that are not disaggregations (sdg-build's default
#: non-disaggregation columns, and Canada's).
NOT_DISAGGREGATIONS = ("year", "series", "units", "value", "geocode", "progress")


OBSERVATION_ATTRIBUTES = ("observation status", "observation_status", "comment")

#: SDMX's unit attributes as Open SDG files name them: not breakdowns (`unit_columns`).
_UNIT_MEASURE = ("unit measure", "unit_measure")
_UNIT_MULTIPLIER = ("unit multiplier", "unit_multiplier", "unit_mult")
_NO_MULTIPLIER = ("", "units", "unit", "1", "0")


def unit_columns(
    header: list[str], records: list[tuple[int, dict[str, str]]]
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The rows with SDMX's unit attributes read as the unit, not as breakdowns.

    ``Unit measure`` is the units column where there is no ``Units``; a ``Unit multiplier``
    other than ``Units`` becomes part of the unit (``Number (Thousands)``: a counting unit
    of its own, nothing converted by guesswork), so thousands and units are never one series.
    """
    lower = {c.lower(): c for c in header}
    units = lower.get("units") or next((lower[c] for c in _UNIT_MEASURE if c in lower), None)
    multiplier = next((lower[c] for c in _UNIT_MULTIPLIER if c in lower), None)
    measure = next((lower[c] for c in _UNIT_MEASURE if c in lower), None)
    dropped = {c for c in (multiplier, measure) if c is not None and c != units}
    if units is None and not dropped:
        return header, records
    out = []
    for line, record in records:
        unit = (record.get(units, "") if units else "").strip()
        times = (record.get(multiplier, "") if multiplier else "").strip()
        if times.lower() not in _NO_MULTIPLIER and times != unit:
            unit = f"{unit} ({times})" if unit else times
        kept = {k: v for k, v in record.items() if k not in dropped and k != units}
        if unit:
            kept["Units"] = unit
        out.append((line, kept))
    names = [c for c in header if c not in dropped and c != units]
    return [*names, "Units"], out


def _flatten(
    options: Iterable[Any], path: Path, skip: Any, where: str = "progress_calculation_options"
) -> Iterable[Mapping[str, Any]]:
    """Options as a flat list (groups averaged with equal weight by sdg-build are listed)."""
    for i, item in enumerate(options):
        if isinstance(item, Mapping) and "group" in item:
            yield from _flatten(item["group"] or [], path, skip, f"{where}[{i}].group")
        elif isinstance(item, Mapping):
            yield item
        else:
            skip(path, f"{where}[{i}]", "not a mapping")


def _matches(row: Mapping[str, str], select: Mapping[str, str], columns: list[str]) -> bool:
    """Whether a row's disaggregation cells are those selected (a field not selected: empty)."""
    return all(row.get(c, "").strip() == select.get(_column(c), "") for c in columns)


def _choose(
    records: list[tuple[int, dict[str, str]]],
    item: Mapping[str, Any],
    series_col: str | None,
    units_col: str | None,
    disaggregations: list[str],
    meta: Mapping[str, Any],
) -> tuple[dict[str, str], str, str] | str:
    """The breakdown an option selects, its unit text and a note, or why none can be chosen.

    An indicator without progress options (``item`` empty: shown, not scored) with several
    series or units shows the one with the most rows; the note says so, and the other rows
    are written as breakdowns not assessed.
    """
    select: dict[str, str] = {}
    notes: list[str] = []
    rows = [r for _, r in records]
    if item.get("series") is not None:
        if series_col is None:
            return "names a series, but the data file has no Series column"
        wanted = str(item["series"])
        if not any(r.get(series_col, "").strip() == wanted for r in rows):
            return f"series {wanted!r} is not in the data"
        select[_column(series_col)] = wanted
        rows = [r for r in rows if r.get(series_col, "").strip() == wanted]
    wanted_disaggregation = item.get("disaggregation")
    if wanted_disaggregation is None and not item and meta.get("data_start_values"):
        wanted_disaggregation = meta["data_start_values"]  # the headline Open SDG shows first
    for pair in wanted_disaggregation or []:
        if not isinstance(pair, Mapping) or "field" not in pair or "value" not in pair:
            return "a disaggregation item needs a field and a value"
        wanted = str(pair["field"]).strip()
        value = "" if pair["value"] is None else str(pair["value"]).strip()  # (empty: none)
        if units_col is not None and wanted.lower() == units_col.lower():
            if value and item.get("unit") is None:  # the unit, named as a disaggregation
                item = {**item, "unit": value}
            continue
        if series_col is not None and wanted.lower() == series_col.lower():
            if value and item.get("series") is None:  # the series, named as a disaggregation
                item = {**item, "series": value}
                select[_column(series_col)] = value
                rows = [r for r in rows if r.get(series_col, "").strip() == value]
            continue
        field = next((c for c in disaggregations if c.lower() == wanted.lower()), None)
        if field is None:
            return f"disaggregation field {pair['field']!r} is not a column of the data"
        if value:
            select[_column(field)] = value
    if item.get("series") is None and series_col is not None:
        # The series of the rows the disaggregation selects (a disaggregation may belong to
        # one series of several: Canada's 12-2-1 names none).
        matching = [r for r in rows if _matches(r, select, disaggregations)]
        values = sorted({r.get(series_col, "").strip() for r in matching} - {""})
        if len(values) > 1 and not item:
            values = [_most(matching, series_col, values)]
            notes.append(f"several series; shown: {values[0]!r}, the one with the most rows")
        if len(values) > 1:
            return f"the data has several series ({', '.join(values[:4])}); name one with `series`"
        if values:
            select[_column(series_col)] = values[0]
            rows = [r for r in rows if r.get(series_col, "").strip() == values[0]]
    chosen = [r for r in rows if _matches(r, select, disaggregations)]
    if not chosen and not item and rows:  # shown, not scored: something to show
        chosen = _shown(
            rows, select, disaggregations, notes, starts=bool(meta.get("data_start_values"))
        )
    if not chosen:
        return "no rows of the data match it (no headline rows, and no disaggregation given)"
    unit_text = _unit_of(chosen, item, units_col, notes) if units_col is not None else ""
    if unit_text is None:
        return notes.pop()  # why no unit could be chosen
    return select, unit_text, "; ".join(notes)


def _unit_of(
    chosen: list[dict[str, str]], item: Mapping[str, Any], units_col: str, notes: list[str]
) -> str | None:
    """The unit text of the chosen rows (noted when one of several is shown).

    None when no unit can be chosen; the reason is then the last of ``notes``.
    """
    units = sorted({r.get(units_col, "").strip() for r in chosen} - {""})
    if item.get("unit") is not None:
        if str(item["unit"]) in units:
            return str(item["unit"])
        notes.append(f"unit {item['unit']!r} is not in the selected rows")
        return None
    if len(units) > 1 and not item:
        unit_text = _most(chosen, units_col, units)
        notes.append(f"several units; shown: {unit_text!r}, the one with the most rows")
        return unit_text
    if len(units) > 1:
        notes.append(
            f"the selected rows have several units ({', '.join(units)}); name one with `unit`"
        )
        return None
    return units[0] if units else ""


def _shown(
    rows: list[dict[str, str]],
    select: dict[str, str],
    disaggregations: list[str],
    notes: list[str],
    *,
    starts: bool,
) -> list[dict[str, str]]:
    """The rows an indicator without options shows when its selection names none.

    `data_start_values` naming no row (Canada's 13-1-1 names one field twice): the headline
    rows; without headline rows, the breakdown most rows have. ``select`` is updated and
    ``notes`` say which.
    """
    for column in disaggregations:
        select.pop(_column(column), None)
    chosen = [r for r in rows if _matches(r, select, disaggregations)]
    if chosen:
        if starts:
            notes.append("data_start_values select no row; shown: the headline rows")
        return chosen
    shown = _most_breakdown(rows, disaggregations)
    select.update((_column(c), v) for c, v in shown.items())
    said = ", ".join(f"{c}: {v}" for c, v in shown.items())
    notes.append(f"no headline rows; shown: {said}, the breakdown with the most rows")
    return [r for r in rows if _matches(r, select, disaggregations)]


def _most_breakdown(rows: list[dict[str, str]], columns: list[str]) -> dict[str, str]:
    """The disaggregation cells the most rows share (the first such row's on a tie)."""
    counts: dict[tuple[str, ...], int] = {}
    for r in rows:
        key = tuple(r.get(c, "").strip() for c in columns)
        counts[key] = counts.get(key, 0) + 1
    best = max(counts, key=lambda k: counts[k])
    return {c: v for c, v in zip(columns, best, strict=True) if v}


def _most(rows: list[dict[str, str]], column: str, values: list[str]) -> str:
    """The value of ``column`` the most rows have (the first of ``values`` on a tie)."""
    counts = dict.fromkeys(values, 0)
    for r in rows:
        v = r.get(column, "").strip()
        if v in counts:
            counts[v] += 1
    return max(values, key=lambda v: counts[v])


def _read_data(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    from goalframe.io._files import check_file

    check_file(path, what="Open SDG data file", limit=256 * 1024 * 1024, error=ObservationError)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            # Blank lines before the header are skipped, as pandas (and so Open SDG) reads
            # them: the UK's indicator_3-3-5.csv starts with one. Lines keep their numbers.
            lines = iter(handle)
            blank = 0
            first = next(lines, "")
            while first and not first.strip():
                blank += 1
                first = next(lines, "")
            reader = csv.DictReader(itertools.chain([first], lines))
            header = [h.strip() for h in (reader.fieldnames or [])]
            if "Year" not in header or "Value" not in header:
                shown = ", ".join(header) or "no header (an empty file)"
                msg = f"an Open SDG data file needs Year and Value columns; it has {shown}"
                raise ObservationError(msg, Location(str(path), blank + 1))
            twice = next((h for k, h in enumerate(header) if h and h in header[:k]), None)
            if twice is not None:  # (a dict would keep the last silently)
                msg = f"column {twice!r} appears twice in the header; keep one"
                raise ObservationError(msg, Location(str(path), blank + 1))
            records = []
            ended = reader.line_num  # where the header ended
            for row in reader:
                line, began, ended = blank + reader.line_num, blank + ended + 1, reader.line_num
                cells = {k.strip(): (v or "") for k, v in row.items() if k}
                if any("\n" in v or "\r" in v for v in cells.values()):
                    line = began  # (the line the unclosed quote opened on)
                    msg = (
                        "a cell runs over several lines, so a quote is not closed (the rows "
                        "after it would be read into it); close the quote"
                    )
                    raise ObservationError(msg, Location(str(path), line))
                records.append((line, cells))
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8 CSV"
        raise ObservationError(msg, Location(str(path))) from None
    except csv.Error as exc:  # a cell over the field limit, a NUL byte
        msg = f"not CSV the reader can read ({exc}); check the quoting"
        raise ObservationError(msg, Location(str(path))) from None
    return header, records


def _read_meta(path: Path, repeated: list[str] | None = None) -> dict[str, Any]:
    """An indicator's metadata, read as safely as a goal file (no aliases, a size cap).

    Numbers stay text, as in goal files; the mapping reads them with goalframe's number syntax.
    A key written twice is listed in ``repeated`` and the later value read, as the Open SDG
    toolchain reads it.
    """
    from goalframe.io._files import read_checked
    from goalframe.io._yaml import load_yaml

    text = read_checked(path, what="metadata file", limit=8 * 1024 * 1024, error=ObservationError)
    if path.suffix == ".md":
        parts = text.split("---", 2)
        text = parts[1] if text.lstrip().startswith("---") and len(parts) == 3 else ""
    loaded, _ = load_yaml(text, str(path), repeated=repeated) if text.strip() else ({}, None)
    return loaded if isinstance(loaded, dict) else {}


def _goal_and_target(sdg_id: str, meta: Mapping[str, Any]) -> tuple[str, str]:
    parts = sdg_id.split("-")
    target = str(meta.get("target_id") or "").strip() or ".".join(parts[:2])
    return parts[0], target


def _source(meta: Mapping[str, Any]) -> dict[str, Any] | None:
    name = str(meta.get("source_organisation_1") or "").strip()
    url = str(meta.get("source_url_1") or "").strip()
    if not name:
        return None
    source: dict[str, Any] = {"name": name}
    if url.startswith(("http://", "https://")):
        source["url"] = url
    return source


def _natural(path: Path) -> tuple[tuple[int, str], ...]:
    """``indicator_3-1-1`` before ``indicator_16-a-1``: numbers by value, letters after them."""
    parts = path.stem.removeprefix("indicator_").split("-")
    return tuple((int(p), "") if p.isdigit() else (10**6, p) for p in parts)


@functools.lru_cache(maxsize=4096)
def _column(name: str) -> str:
    """A data column's name as a goalframe breakdown column (cached: asked once per cell).

    A name that an observations file reads with a meaning of its own (the UK's ``Source``
    disaggregation, say, against the ``source`` of a figure) is suffixed ``_breakdown``:
    read back, the rows would otherwise lose that breakdown and collide. So is the name of a
    column of the verdict table (Canada's ``Status`` disaggregation against ``status``).
    """
    from goalframe._observations import KNOWN_COLUMNS
    from goalframe._verdict_columns import RESULT_COLUMNS

    column = _slug(name).replace("-", "_") or "column"
    taken = column in KNOWN_COLUMNS or column in RESULT_COLUMNS
    return f"{column}_breakdown" if taken else column


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _year(value: object) -> int:
    """A year as Open SDG metadata writes it (``2030``, ``"2030"``); ValueError otherwise."""
    text = str(value).strip()
    if not text.isdigit() or len(text) != 4:
        msg = f"not a year: {value!r}"
        raise ValueError(msg)
    return int(text)


def _number(value: object) -> float:
    from goalframe._numbers import parse_number

    return parse_number(str(value), what="number")


#: Metadata fields that hold a list (of mappings): another kind sets the indicator aside.
_LISTS = ("progress_calculation_options", "data_start_values")


def check_lists(meta: Mapping[str, Any], where: Path) -> None:
    """Refuse (for this indicator) a list field of another kind: ``data_start_values: 5``."""
    from goalframe.errors import DataError

    for field in _LISTS:
        value = meta.get(field)
        if value is None or value == "":
            continue
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            msg = f"{field} should be a list of mappings, not {value!r:.60}"
            raise DataError(msg)


def inside(root: Path, path: Path) -> None:
    """Refuse (for this indicator) a file that is a link out of the repository.

    The import reads the repository and nothing else: a data or metadata file linked to
    a file elsewhere is neither followed nor echoed in a message.
    """
    if not path.resolve().is_relative_to(root.resolve()):
        where = path.relative_to(root).as_posix()
        msg = f"{where} is a link to a file outside the repository: not read"
        raise ObservationError(msg, Location(where))
