"""Both paths on one case: frames of every engine, the reference's verdicts, the comparison."""

from __future__ import annotations

import math
from typing import Any

import pytest

import goalframe as gf
from goalframe._frames._table import LATE_ONLY

from .strategies import (
    _framework,
    _records,
)


def _reference(case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    card = gf.evaluate(
        _framework(case),
        gf.observations_from_records(_records(case)),
        as_of=str(case["as_of"]),
    )
    result = card.indicator("x")
    out = {}
    current = next((k for k, t in enumerate(result.targets) if t.role == "in force"), 0)
    lines = [("", result.assessment, result.series, result.indicator.goal, current)]
    # Every earlier target that was due has a row of its own (the headline's).
    lines += [
        (f"earlier {k}", t.assessment, result.series, t.goal, k)
        for k, t in enumerate(result.targets)
        if t.role == "earlier"
    ]
    lines += [(g.label, g.assessment, g.series, g.goal, current) for g in result.groups]
    for label, a, series, goal, index in lines:
        # A series of figures after the date only has its row too (not assessable).
        late = not label.startswith("earlier") and getattr(a.reason, "key", "") in LATE_ONLY
        if series or late:
            baseline = goal.baseline if goal is not None else None
            out[label] = {
                "target_index": index,
                "provenance": (goal.provenance or "unstated") if goal is not None else None,
                "baseline": baseline.value if baseline else None,
                "baseline_period": str(baseline.period) if baseline else None,
                "status": a.status.value,
                "label": a.label,
                "progress": a.value,
                "expected_progress": a.expected,
                "score": a.score,
                "method": a.method,
                "final": a.final,
                "caveats": sorted({c.code for c in a.caveats}),
                "latest": series[-1].value if series else None,
                "latest_period": str(series[-1].period) if series else None,
            }
    return out


def _frame(case: dict[str, Any], backend: str) -> dict[str, dict[str, Any]]:
    native = _native(_records(case), backend, text_periods=bool(case.get("quarterly")))
    found = gf.evaluate_frame(_framework(case), native, as_of=str(case["as_of"]))
    table = _to_rows(found.results)
    out = {}
    for row in table:
        label = row["region"] if row["role"] == "group" else ""
        if row["target_role"] == "earlier":
            label = f"earlier {row['target_index']}"
        else:
            assert row["target_role"] == "in force"
        out[label] = {
            "target_index": int(row["target_index"]),
            "provenance": _none(row["provenance"]),
            "status": row["status"],
            "label": row["label"],
            "progress": _none(row["progress"]),
            "expected_progress": _none(row["expected_progress"]),
            "score": _none(row["score"]),
            "method": row["method"],
            "final": bool(row["final"]),
            "caveats": sorted(c for c in (row["caveats"] or "").split(",") if c),
            "latest": _none(row["latest"]),
            "latest_period": _none(row["latest_period"]),
            "baseline": _none(row["baseline"]),
            "baseline_period": _none(row["baseline_period"]),
        }
    return out


def _none(value: Any) -> Any:
    """None for an empty cell however an engine gives it back: None, NaN or pandas' NA."""
    if value is None or type(value).__name__ == "NAType":
        return None
    return None if isinstance(value, float) and math.isnan(value) else value


def _as_backend(table: Any, backend: str) -> Any:
    """An arrow table as a frame of ``backend``."""
    if backend == "pyarrow":
        return table
    if backend == "pandas":
        return table.to_pandas()
    if backend == "polars":
        import polars as pl

        return pl.from_arrow(table)
    import duckdb

    return duckdb.from_arrow(table)


def _native(records: list[dict[str, Any]], backend: str, *, text_periods: bool = False) -> Any:
    """The records as a frame of ``backend``: periods as years (or as text: 2016Q1)."""
    import pyarrow as pa

    fields = [
        ("indicator", pa.string()),
        ("region", pa.string()),
        ("period", pa.string() if text_periods else pa.int64()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("flag", pa.string()),
    ]
    if any("vintage" in r for r in records):
        fields.append(("vintage", pa.string()))
    table = pa.Table.from_pylist(records, schema=pa.schema(fields))
    if backend in ("pyarrow", "pandas", "polars", "duckdb"):
        return _as_backend(table, backend)
    if backend == "polars-lazy":
        import polars as pl

        return pl.from_arrow(table).lazy()  # type: ignore[union-attr]
    if backend == "dask":
        import dask.dataframe as dd

        return dd.from_pandas(table.to_pandas(), npartitions=2)
    if backend == "pyspark":
        period = "string" if text_periods else "long"
        ddl = (
            f"indicator string, region string, period {period}, value double, unit string, "
            "flag string"
        )
        names: tuple[str, ...] = ("indicator", "region", "period", "value", "unit", "flag")
        if "vintage" in table.column_names:
            ddl += ", vintage string"
            names += ("vintage",)
        data = [tuple(r.get(n) for n in names) for r in records]
        return _spark().createDataFrame(data, schema=ddl)
    raise AssertionError(backend)


def _to_rows(native: Any) -> list[dict[str, Any]]:
    import narwhals as nw

    frame = nw.from_native(native)
    if isinstance(frame, nw.LazyFrame):
        frame = frame.collect()
    return list(frame.iter_rows(named=True))


def _same(reference: dict[str, dict[str, Any]], frame: dict[str, dict[str, Any]]) -> None:
    assert set(frame) == set(reference)
    for label, want in reference.items():
        got = frame[label]
        for key in (
            "target_index",
            "provenance",
            "status",
            "label",
            "method",
            "final",
            "caveats",
            "latest_period",
            "baseline_period",
        ):
            assert got[key] == want[key], (label, key, got, want)
        for key in ("progress", "expected_progress", "score", "latest", "baseline"):
            if want[key] is None:
                assert got[key] is None, (label, key, got, want)
            else:
                assert got[key] == pytest.approx(want[key], rel=1e-9, abs=1e-9), (label, key)


_SESSION: list[Any] = []


def _spark() -> Any:
    if not _SESSION:
        from pyspark.sql import SparkSession

        session = (
            SparkSession.builder.master("local[1]")
            .appName("goalframe-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        _SESSION.append(session)
    return _SESSION[0]


def _native_table(records: list[dict[str, Any]], backend: str) -> Any:
    import pyarrow as pa

    table = pa.Table.from_pylist(
        records, schema=pa.schema([("z", pa.float64()), ("nu", pa.int64())])
    )
    if backend == "pyarrow":
        return table
    if backend == "polars":
        import polars as pl

        return pl.from_arrow(table)
    import duckdb

    return duckdb.from_arrow(table)


#: From 10 in 2016 to 20 by 2030 (the small cases below).
SMALL = {
    "direction": "increase",
    "baseline": 10.0,
    "base_year": 2016,
    "deadline": 2030,
    "target": 20.0,
    "relative": None,
    "illustrative": False,
}


def _one(records: list[dict[str, Any]]) -> Any:
    pd = pytest.importorskip("pandas")
    found = gf.evaluate_frame(_framework(SMALL), pd.DataFrame(records), as_of="2024")
    return found.results.set_index("region")


def _framework_of(rows: list[dict[str, Any]]) -> gf.Framework:
    del rows
    return _framework(SMALL)


_KEYS = ["a", "b", "c"]


def _native_keys(keys: list[str | None], backend: str) -> Any:
    import pyarrow as pa

    return _as_backend(pa.table({"indicator": pa.array(keys, pa.string())}), backend)
