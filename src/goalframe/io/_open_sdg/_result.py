"""What an import gives: the goal file, the observations and what was skipped, with reasons."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from goalframe._model import Framework
    from goalframe._observations import ObservationSet


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

    def report(self) -> dict[str, Any]:
        """What the import did, for machines: ``import-report.json`` beside the output.

        ``read`` (data files), ``imported`` (goalframe indicators, one per progress option),
        ``with_options``, ``rows`` (observation rows written), ``set_aside`` (each with
        ``file``, ``field`` and ``reason``) and ``notes``.

        Added in 0.3.
        """
        return {
            "read": self.indicators,
            "imported": len(self.framework.indicators),
            "with_options": self.with_options,
            "rows": len(self.rows),
            "set_aside": [
                {"file": s.file, "field": s.field, "reason": str(s.reason)} for s in self.skipped
            ],
            "notes": [str(n) for n in self.notes],
        }

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
