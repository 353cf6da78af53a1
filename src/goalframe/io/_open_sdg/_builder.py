"""The import's builder: each indicator's series selected, its target and rows written."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from goalframe.errors import GoalframeError, Location
from goalframe.io._open_sdg._conflicts import conflicts, mixed_frequencies
from goalframe.io._open_sdg._files import (
    DEFAULT_TARGET_YEAR,
    NOT_DISAGGREGATIONS,
    OBSERVATION_ATTRIBUTES,
    _choose,
    _column,
    _flatten,
    _goal_and_target,
    _number,
    _read_data,
    _read_meta,
    _slug,
    _source,
    _year,
    check_lists,
    inside,
    unit_columns,
)
from goalframe.io._open_sdg._result import OpenSdgImport, Skipped
from goalframe.io._open_sdg._units import UNSTATED, counting_unit, registry_unit
from goalframe.io._open_sdg._years import read_year


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
            # each with the repository's own words as its label: cards say "Percentage"
            "units": [
                {"name": name, "label": text.strip()} if text.strip() else {"name": name}
                for text, name in sorted(self.units.items(), key=lambda item: item[1])
            ],  # (a blank Units cell names no label: the goal file refuses an empty one)
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
    def one(self, sdg_id: str, path: Path) -> None:
        """Import one indicator, or set it aside whole with the reason (never a half of it).

        A problem in its files (a data file without ``Year``, metadata that is not YAML, a
        file too large) is the library's own error, with the file and the place; what the
        indicator had added is taken back and the import goes on with the next one.
        """
        before = (
            len(self.indicators), len(self.rows), len(self.skipped), len(self.notes),
            dict(self.objectives), dict(self.units), self.with_options,
        )  # fmt: skip
        try:
            self.indicator(sdg_id, path)
            self._conflicts(before[1])
        except GoalframeError as exc:
            n_ind, n_rows, n_skipped, n_notes, objectives, units, with_options = before
            del self.indicators[n_ind:], self.rows[n_rows:], self.origins[n_rows:]
            del self.skipped[n_skipped:], self.notes[n_notes:]
            self.objectives, self.units, self.with_options = objectives, units, with_options
            where = getattr(exc, "location", None)
            place = f" (line {where.line})" if where is not None and where.line else ""
            reason = getattr(exc, "message", None) or str(exc)
            self._skip(path, "(indicator)", f"set aside{place}: {reason}")

    def _conflicts(self, first: int) -> None:
        """Set aside the rows from ``first`` on that collide (`conflicts`, `mixed_frequencies`)."""
        rows, origins, said = conflicts(self.rows[first:], self.origins[first:])
        rows, origins, mixed = mixed_frequencies(rows, origins)
        self.rows[first:], self.origins[first:] = rows, origins
        self.skipped.extend([*said, *mixed])

    def indicator(self, sdg_id: str, path: Path) -> None:
        inside(self.root, path)
        meta, meta_file = self._meta(sdg_id)
        check_lists(meta, meta_file or path)
        header, records = unit_columns(*_read_data(path))
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
        auto = meta.get("auto_progress_calculation") is True
        units_col = next((c for c in header if c.lower() == "units"), None)
        series_col = next((c for c in header if c.lower() == "series"), None)
        fallback_unit = str(meta.get("computation_units") or "").strip()
        items = self._items(sdg_id, meta, header, path)
        several = len(items) > 1
        origin = path.relative_to(self.root).as_posix()
        used: set[int] = set()
        first: tuple[str, str] | None = None
        for number, item in enumerate(items, start=1):
            gid = f"{sdg_id}--{number}" if several else sdg_id
            chosen = _choose(records, item, series_col, units_col, disaggregations, meta)
            if isinstance(chosen, str):
                self._skip(meta_file or path, f"progress_calculation_options[{number - 1}]", chosen)
                continue
            select, unit_text, chose = chosen
            if chose:
                self.notes.append(f"{sdg_id}: {chose}; the other rows are not assessed")
            unit_text = unit_text or fallback_unit
            if not unit_text:  # the figures are read as given: the card says so
                unit_text = UNSTATED
                self.notes.append(
                    f"{gid}: no Units column and no computation_units in the metadata; "
                    f"the unit is {UNSTATED!r}"
                )
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

    def _items(
        self, sdg_id: str, meta: Mapping[str, Any], header: list[str], path: Path
    ) -> list[Mapping[str, Any]]:
        """The progress options to import (one empty item without them), with their notes."""
        options = meta.get("progress_calculation_options")
        auto = meta.get("auto_progress_calculation") is True
        if auto and isinstance(options, list) and options:
            self.with_options += 1
            items = list(_flatten(options, path, self._skip))
        elif auto:  # sdg-build computes with its defaults (Canada's 1-3-1 is published so)
            items = [{}]
            self.notes.append(
                f"{sdg_id}: no progress_calculation_options; sdg-build's defaults used "
                f"(target year {DEFAULT_TARGET_YEAR}, no target value)"
            )
        else:
            items = [{}]
            manual = str(meta.get("progress_status") or "").strip()
            self.notes.append(
                f"{sdg_id}: auto_progress_calculation is not true; imported without a target"
                + (f" (manual status in the metadata: {manual})" if manual else "")
            )
        ignored = [c for c in header if c.lower() == "geocode"]
        if ignored:
            self.notes.append(f"{sdg_id}: column {ignored[0]} not imported (codes for maps)")
        if any(isinstance(o, Mapping) and "group" in o for o in (options or [])):
            self.notes.append(
                f"{sdg_id}: a group of series is listed series by series; sdg-build averages a "
                "group first, with equal weight, for the indicator's score"
            )
        return items

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
        if not auto:
            spec["kind"] = "context"
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
        spans: list[str] = []
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
            year = read_year(record.get("Year", ""))
            if year.period is None:
                self._skip(origin, f"Year (line {line})", f"row set aside: {year.reason}")
                used.add(line)
                continue
            value = record.get("Value", "").strip()
            progress = (record.get("Progress") or "").strip()
            note = [f"Year cell: {year.note}"] if year.note else []
            if year.span:
                note.append(f"Year {year.span}: a span, read as its first year (as sdg-build)")
                spans.append(year.span)
            if value and not progress:
                try:
                    _number(value)
                except ValueError as exc:
                    self._skip(origin, f"Value (line {line})", f"row set aside: {exc}")
                    used.add(line)
                    continue
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
                    "period": year.period,
                    "value": value,
                    "unit": row_unit,
                    "note": "; ".join(note),
                    **breakdown,
                }
            )
            self.origins.append(Location(origin, line))
            used.add(line)
        if spans and select is not None:  # (the rows no option selects: their own notes)
            self.notes.append(
                f"{gid}: {len(spans)} Year cells are spans of years ({spans[0]}, ...), each "
                "read as its first year, as sdg-build's progress measure reads them"
            )

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
                inside(self.root, path)
                repeated: list[str] = []
                merged.update(_read_meta(path, repeated))
                last = path
                if repeated:
                    where = path.relative_to(self.root).as_posix()
                    self.notes.append(
                        f"{where}: {', '.join(repeated)} written twice; the later value is "
                        "read, as Open SDG reads it"
                    )
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
        known = registry_unit(text)
        if known is not None:  # a share is the registry's percent: signs, limits, axes
            return known
        return counting_unit(text, self.units)
