"""Import an Open SDG data repository: a goal file and tidy observations from its files.

An Open SDG data repository keeps, per indicator ``1-2-1``:

- ``data/indicator_1-2-1.csv``: columns ``Year``, optional ``Series`` and ``Units``, any
  disaggregation columns, ``Value``; optionally ``GeoCode``, ``Observation status`` and
  ``Progress`` (a value used for the progress calculation instead of ``Value``);
- metadata in ``meta/1-2-1.yml`` (or ``.md`` with YAML front matter) and/or
  ``indicator-config/1-2-1.yml`` (which wins where both set a field): ``indicator_name``,
  ``target_id``, ``target``, ``computation_units``, ``reporting_status``,
  ``auto_progress_calculation``, ``progress_calculation_options``, ``progress_status``,
  ``source_organisation_1``, ``source_url_1``, ``data_start_values``.

The mapping follows sdg-build 2.4.0's progress measure (see the `open-sdg` method): one
objective per SDG target under one per goal; one goalframe indicator per item of
``progress_calculation_options`` (the series it selects: ``series``, ``unit`` and
``disaggregation`` values, else the headline rows, the ones whose disaggregation cells are all
empty); direction ``positive``/``negative`` (sdg-build's default is ``negative``, and the
summary says when it was used); ``target`` and ``target_year`` (default 2030) as the target;
``base_year`` and ``limit`` as method options. ``Year`` is cut to its first four characters, as
sdg-build does. Every unit text becomes a counting unit of its own in the goal file's
``units:`` section, so nothing is converted by guesswork. Whatever cannot be mapped is listed
with its file and field in `OpenSdgImport.skipped`; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from goalframe.errors import DataError, Location, ObservationError

if TYPE_CHECKING:
    from goalframe._model import Framework
    from goalframe._observations import ObservationSet

__all__ = ["OpenSdgImport", "import_open_sdg"]

DEFAULT_TARGET_YEAR = 2030
_ID = re.compile(r"^indicator_(\d+(?:-[0-9a-z]+)+)\.csv$")
#: Columns of an Open SDG data file that are not disaggregations (sdg-build's default
#: non-disaggregation columns, and Canada's).
NOT_DISAGGREGATIONS = ("year", "series", "units", "value", "geocode", "progress")
OBSERVATION_ATTRIBUTES = ("observation status", "observation_status", "comment")


@attrs.frozen(kw_only=True)
class Skipped:
    """Something the import could not map, with where it is and why."""

    file: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.reason}"


@attrs.frozen(kw_only=True)
class OpenSdgImport:
    """An Open SDG repository read as a goal document and tidy observation rows.

    Attributes:
        framework: The goal file, loaded and checked like any other.
        observations: The observations; rows set aside name the repository's data file and
            line.
        document: The goal file, as a mapping (write it with `goal_file_text`).
        rows: The observations, one mapping a row (the tidy CSV columns).
        indicators: How many Open SDG indicators were read.
        with_options: How many of them have automatic progress options.
        skipped: Everything that could not be mapped, with its file, field and reason.
        notes: What a reader of the import should know (defaults used, manual statuses).

    Added in 0.2.
    """

    framework: Framework
    observations: ObservationSet
    document: Mapping[str, Any]
    rows: tuple[Mapping[str, Any], ...]
    indicators: int
    with_options: int
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """One line: ``5 indicators imported, 3 with progress options, 1 skipped (...)``."""
        skipped = len({s.file for s in self.skipped if s.field == "(indicator)"})
        why = sorted({s.reason for s in self.skipped if s.field == "(indicator)"})
        tail = f" ({'; '.join(why)})" if why else ""
        return (
            f"{self.indicators - skipped} indicators imported, {self.with_options} with "
            f"progress options, {skipped} skipped{tail}"
        )

    def goal_file_text(self) -> str:
        """The goal file as YAML."""
        from goalframe.io._yaml import dump_yaml

        header = (
            "# Imported from an Open SDG data repository by `goalframe import open-sdg`.\n"
            f"# {self.summary}\n"
        )
        return header + dump_yaml(dict(self.document))

    def observations_text(self) -> str:
        """The observations as a tidy CSV file."""
        import io

        columns: dict[str, None] = dict.fromkeys(("indicator", "period", "value", "unit"))
        for row in self.rows:
            columns.update(dict.fromkeys(row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows)
        return buffer.getvalue()


def import_open_sdg(folder: str | Path) -> OpenSdgImport:
    """Read an Open SDG data repository (its ``data/`` and ``meta/`` or ``indicator-config/``).

    Raises:
        DataError: The folder has no ``data/indicator_*.csv`` files, or a data file cannot
            be read (its name and line are given).
    """
    root = Path(folder)
    data = root / "data"
    found = data.glob("indicator_*.csv") if data.is_dir() else ()
    files = sorted((p for p in found if _ID.match(p.name)), key=_natural)
    if not files:
        msg = (
            "no Open SDG data files here: expected data/indicator_<id>.csv (e.g. "
            "data/indicator_1-2-1.csv) under this folder"
        )
        raise DataError(msg, Location(str(root)))
    builder = _Builder(root)
    for path in files:
        match = _ID.match(path.name)
        assert match is not None  # filtered above
        builder.indicator(match[1], path)
    return builder.result(len(files))


class _Builder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.objectives: dict[str, dict[str, Any]] = {}
        self.indicators: list[dict[str, Any]] = []
        self.units: dict[str, str] = {}
        self.rows: list[dict[str, Any]] = []
        self.origins: list[Location] = []
        self.skipped: list[Skipped] = []
        self.notes: list[str] = []
        self.with_options = 0

    def _skip(self, file: Path | str, field: str, reason: str) -> None:
        name = file.relative_to(self.root).as_posix() if isinstance(file, Path) else file
        self.skipped.append(Skipped(file=name, field=field, reason=reason))

    def result(self, count: int) -> OpenSdgImport:
        document = {
            "id": _slug(self.root.resolve().name) or "open-sdg",
            "title": f"Open SDG indicators ({self.root.resolve().name})",
            "default_method": "open-sdg",
            "units": [{"name": name} for name in sorted(set(self.units.values()))],
            "objectives": list(self.objectives.values()),
            "indicators": self.indicators,
        }
        from goalframe._observations import build_observations
        from goalframe.io import parse_framework
        from goalframe.io._yaml import dump_yaml

        name = f"{self.root}/goals.yaml (imported)"
        framework = parse_framework(dump_yaml(document), name=name)
        columns = dict.fromkeys(k for r in self.rows for k in r)
        mapped = ("indicator", "period", "value", "unit", "note")
        observations = build_observations(
            zip(self.rows, self.origins, strict=True),
            source=str(self.root),
            breakdown_columns=tuple(c for c in columns if c not in mapped),
        )
        return OpenSdgImport(
            framework=framework,
            observations=observations,
            document=document,
            rows=tuple(self.rows),
            indicators=count,
            with_options=self.with_options,
            skipped=tuple(self.skipped),
            notes=tuple(self.notes),
        )

    # ----------------------------------------------------------------- one indicator
    def indicator(self, sdg_id: str, path: Path) -> None:
        meta, meta_file = self._meta(sdg_id)
        header, records = _read_data(path)
        disaggregations = [
            c for c in header if c.lower() not in NOT_DISAGGREGATIONS + OBSERVATION_ATTRIBUTES
        ]
        status = str(meta.get("reporting_status") or "").strip()
        if status == "notapplicable":
            self._skip(path, "(indicator)", "reporting_status notapplicable")
            return
        if not records:
            self._skip(path, "(indicator)", "no data rows")
            return
        goal, target = _goal_and_target(sdg_id, meta)
        objective = self._objective(goal, target, meta)
        name = str(meta.get("indicator_name") or f"SDG indicator {sdg_id.replace('-', '.')}")
        source = _source(meta)
        options = meta.get("progress_calculation_options")
        auto = meta.get("auto_progress_calculation") is True
        units_col = next((c for c in header if c.lower() == "units"), None)
        series_col = next((c for c in header if c.lower() == "series"), None)
        fallback_unit = str(meta.get("computation_units") or "").strip()
        if auto and isinstance(options, list) and options:
            self.with_options += 1
            items = list(_flatten(options, path, self._skip))
        else:
            items = [{}]
            manual = str(meta.get("progress_status") or "").strip()
            why = (
                "auto_progress_calculation is not true"
                if not auto
                else "no progress_calculation_options"
            )
            self.notes.append(
                f"{sdg_id}: {why}; imported without a target"
                + (f" (manual status in the metadata: {manual})" if manual else "")
            )
        several = len(items) > 1
        origin = path.relative_to(self.root).as_posix()
        ignored = [c for c in header if c.lower() == "geocode"]
        if ignored:
            self.notes.append(f"{sdg_id}: column {ignored[0]} not imported (codes for maps)")
        if any(isinstance(o, Mapping) and "group" in o for o in (options or [])):
            self.notes.append(
                f"{sdg_id}: a group of series is listed series by series; sdg-build averages a "
                "group first, with equal weight, for the indicator's score"
            )
        used: set[int] = set()
        first: tuple[str, str] | None = None
        for number, item in enumerate(items, start=1):
            gid = f"{sdg_id}--{number}" if several else sdg_id
            chosen = _choose(records, item, series_col, units_col, disaggregations, meta)
            if isinstance(chosen, str):
                self._skip(meta_file or path, f"progress_calculation_options[{number - 1}]", chosen)
                continue
            select, unit_text = chosen
            unit_text = unit_text or fallback_unit
            if not unit_text:
                self._skip(
                    path, "Units", "no Units column and no computation_units in the metadata"
                )
                continue
            unit = self._unit(unit_text)
            spec = self._indicator_spec(gid, name, item, select, unit, source, auto, several)
            if spec is None:
                continue
            self.indicators.append(spec)
            objective["indicators"].append(gid)
            self._rows(
                gid, records, series_col, units_col, disaggregations, select, unit, used, origin
            )
            first = first or (gid, unit)
        if first is None:
            self._skip(path, "(indicator)", "no series could be selected")
            return
        # Rows no option selects (other series, disaggregations) go with the first indicator:
        # the scorecard lists them as set aside ("breakdown not assessed"), never loses them.
        self._rows(
            first[0], records, series_col, units_col, disaggregations, None, first[1], used, origin
        )

    def _indicator_spec(
        self,
        gid: str,
        name: str,
        item: Mapping[str, Any],
        select: dict[str, str],
        unit: str,
        source: dict[str, Any] | None,
        auto: bool,
        several: bool,
    ) -> dict[str, Any] | None:
        label = name
        if several:
            shown = ", ".join(f"{v}" for v in select.values()) or "headline"
            label = f"{name} ({shown})"
        spec: dict[str, Any] = {"id": gid, "name": label, "unit": unit, "method": "open-sdg"}
        if source:
            spec["source"] = dict(source)  # a copy each: no YAML alias
        if select:
            spec["select"] = dict(select)
        if not auto or not item:
            spec["kind"] = "context" if not auto else "outcome"
            return spec
        direction = str(item.get("direction") or "").strip().lower()
        if direction not in ("positive", "negative"):
            if direction:
                self._skip(gid, "direction", f"{direction!r} is not positive or negative")
                return None
            self.notes.append(f"{gid}: no direction given; sdg-build's default 'negative' used")
            direction = "negative"
        spec["direction"] = "increase" if direction == "positive" else "decrease"
        spec["kind"] = "outcome"
        given: dict[str, Any] = {}
        for field in ("target_year", "target", "base_year", "limit"):
            if item.get(field) is None:
                continue
            is_year = field.endswith("year")
            try:
                given[field] = _year(item[field]) if is_year else _number(item[field])
            except ValueError:
                why = f"{item[field]!r} is not a {'year' if is_year else 'number'}"
                self._skip(gid, field, why + "; the indicator is not imported")
                return None
        target: dict[str, Any] = {"deadline": given.get("target_year", DEFAULT_TARGET_YEAR)}
        if "target" in given:
            target["value"] = given["target"]
        spec["target"] = target
        options = {k: given[k] for k in ("base_year", "limit") if k in given}
        if options:
            spec["options"] = options
        return spec

    def _rows(
        self,
        gid: str,
        records: list[tuple[int, dict[str, str]]],
        series_col: str | None,
        units_col: str | None,
        disaggregations: list[str],
        select: dict[str, str] | None,
        unit: str,
        used: set[int],
        origin: str,
    ) -> None:
        """Write the rows an indicator selects (``select`` None: every row not yet used)."""
        keys = [c for c in (series_col, *disaggregations) if c]
        for line, record in records:
            if line in used:
                continue
            breakdown = {_column(c): record.get(c, "").strip() for c in keys}
            breakdown = {k: v for k, v in breakdown.items() if v}
            row_unit = unit
            if select is not None:
                if breakdown != select:
                    continue  # another series: written once, for the indicator that selects it
                if units_col and self._unit(record.get(units_col, "").strip() or "") != unit:
                    continue
            elif units_col and record.get(units_col, "").strip():
                row_unit = self._unit(record[units_col].strip())
                if row_unit != unit:
                    breakdown["units"] = record[units_col].strip()
            value = record.get("Value", "").strip()
            progress = (record.get("Progress") or "").strip()
            note = []
            if progress:
                note.append(f"Progress column used for the calculation (Value {value or 'empty'})")
                value = progress
            status = next(
                (
                    record[c].strip()
                    for c in record
                    if c.lower() in OBSERVATION_ATTRIBUTES and record[c].strip()
                ),
                "",
            )
            if status:
                note.append(f"Observation status: {status}")
            self.rows.append(
                {
                    "indicator": gid,
                    "period": record.get("Year", "").strip()[:4],
                    "value": value,
                    "unit": row_unit,
                    "note": "; ".join(note),
                    **breakdown,
                }
            )
            self.origins.append(Location(origin, line))
            used.add(line)

    # ----------------------------------------------------------------- helpers
    def _meta(self, sdg_id: str) -> tuple[dict[str, Any], Path | None]:
        merged: dict[str, Any] = {}
        last: Path | None = None
        for path in (
            self.root / "meta" / f"{sdg_id}.yml",
            self.root / "meta" / f"{sdg_id}.md",
            self.root / "indicator-config" / f"{sdg_id}.yml",
        ):
            if path.is_file():
                merged.update(_read_meta(path))
                last = path
        return merged, last

    def _objective(self, goal: str, target: str, meta: Mapping[str, Any]) -> dict[str, Any]:
        goal_id = f"goal-{goal}"
        if goal_id not in self.objectives:
            self.objectives[goal_id] = {
                "id": goal_id,
                "statement": f"Sustainable Development Goal {goal}",
                "level": "impact",
                "indicators": [],
            }
        target_id = f"target-{target.replace('.', '-')}"
        if target_id not in self.objectives:
            statement = str(meta.get("target") or f"SDG target {target}").strip()
            self.objectives[target_id] = {
                "id": target_id,
                "statement": statement,
                "parent": goal_id,
                "level": "outcome",
                "indicators": [],
            }
        return self.objectives[target_id]

    def _unit(self, text: str) -> str:
        if text not in self.units:
            name = "u_" + (_slug(text).replace("-", "_") or "unit")
            taken = set(self.units.values())
            base, n = name, 2
            while name in taken:
                name, n = f"{base}_{n}", n + 1
            self.units[text] = name
        return self.units[text]


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


def _choose(
    records: list[tuple[int, dict[str, str]]],
    item: Mapping[str, Any],
    series_col: str | None,
    units_col: str | None,
    disaggregations: list[str],
    meta: Mapping[str, Any],
) -> tuple[dict[str, str], str] | str:
    """The breakdown an option selects and its unit text, or why none can be chosen."""
    select: dict[str, str] = {}
    rows = [r for _, r in records]
    if item.get("series") is not None:
        if series_col is None:
            return "names a series, but the data file has no Series column"
        wanted = str(item["series"])
        if not any(r.get(series_col, "").strip() == wanted for r in rows):
            return f"series {wanted!r} is not in the data"
        select[_column(series_col)] = wanted
        rows = [r for r in rows if r.get(series_col, "").strip() == wanted]
    elif series_col is not None:
        values = sorted({r.get(series_col, "").strip() for r in rows} - {""})
        if len(values) > 1:
            return f"the data has several series ({', '.join(values[:4])}); name one with `series`"
        if values:
            select[_column(series_col)] = values[0]
    wanted_disaggregation = item.get("disaggregation")
    if wanted_disaggregation is None and not item and meta.get("data_start_values"):
        wanted_disaggregation = meta["data_start_values"]  # the headline Open SDG shows first
    for pair in wanted_disaggregation or []:
        if not isinstance(pair, Mapping) or "field" not in pair or "value" not in pair:
            return "a disaggregation item needs a field and a value"
        field = next((c for c in disaggregations if c == str(pair["field"])), None)
        if field is None:
            return f"disaggregation field {pair['field']!r} is not a column of the data"
        select[_column(field)] = str(pair["value"])
    chosen = [
        r
        for r in rows
        if all((r.get(c, "").strip() == select.get(_column(c), "")) for c in disaggregations)
    ]
    if not chosen:
        return "no rows of the data match it (no headline rows, and no disaggregation given)"
    unit_text = ""
    if units_col is not None:
        units = sorted({r.get(units_col, "").strip() for r in chosen} - {""})
        if item.get("unit") is not None:
            if str(item["unit"]) not in units:
                return f"unit {item['unit']!r} is not in the selected rows"
            unit_text = str(item["unit"])
        elif len(units) > 1:
            return (
                f"the selected rows have several units ({', '.join(units)}); name one with `unit`"
            )
        elif units:
            unit_text = units[0]
    return select, unit_text


def _read_data(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    from goalframe.io._files import check_file

    check_file(path, what="Open SDG data file", limit=256 * 1024 * 1024, error=ObservationError)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in (reader.fieldnames or [])]
            if "Year" not in header or "Value" not in header:
                shown = ", ".join(header)
                msg = f"an Open SDG data file needs Year and Value columns; it has {shown}"
                raise ObservationError(msg, Location(str(path), 1))
            records = [
                (reader.line_num, {k.strip(): (v or "") for k, v in row.items() if k})
                for row in reader
            ]
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8 CSV"
        raise ObservationError(msg, Location(str(path))) from None
    return header, records


def _read_meta(path: Path) -> dict[str, Any]:
    """An indicator's metadata, read as safely as a goal file (no aliases, a size cap).

    Numbers stay text, as in goal files; the mapping reads them with goalframe's number syntax.
    """
    from goalframe.io._files import read_checked
    from goalframe.io._yaml import load_yaml

    text = read_checked(path, what="metadata file", limit=8 * 1024 * 1024, error=ObservationError)
    if path.suffix == ".md":
        parts = text.split("---", 2)
        text = parts[1] if text.lstrip().startswith("---") and len(parts) == 3 else ""
    loaded, _ = load_yaml(text, str(path)) if text.strip() else ({}, None)
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


def _column(name: str) -> str:
    """A data column's name as a goalframe breakdown column."""
    return _slug(name).replace("-", "_") or "column"


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
