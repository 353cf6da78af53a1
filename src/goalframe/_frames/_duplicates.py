"""Repeated rows on the engine, read as the row-by-row reader reads them.

The reference path sets an exact duplicate aside (the same indicator, breakdown, period,
release, value and unit: "duplicate of an earlier row (same value)") and assesses the series;
two different values for one period are an error naming both. The engine's first pass only
sees that a series has more rows than periods (``duplicate-periods``), so when a run finds one,
the rows are read once more here: conflicting values raise the reference path's error, exact
duplicates are dropped and counted, and the run is made again on the rest. A run without
repeated rows pays nothing for this.
"""

from __future__ import annotations

from typing import Any

from goalframe._frames._prepare import RELEASES
from goalframe._messages import Message
from goalframe.errors import DataError

__all__ = ["has_repeated_periods", "without_duplicates"]


def has_repeated_periods(results: Any) -> bool:
    """Whether a verdict of ``results`` (a computed frame) says its series repeats a period."""
    import narwhals as nw

    frame = nw.from_native(results, eager_only=True)
    return bool(frame["caveats"].str.contains("duplicate-periods").any())


def without_duplicates(work: Any, bcols: list[str]) -> tuple[Any, Any]:
    """The rows of ``work`` (in memory) without exact duplicates; the dropped ones counted.

    ``work`` is a narwhals data frame; the count is one by indicator (``indicator``,
    ``reason``, ``rows``).

    Raises:
        DataError: One period of a series has two different values (or units), as the
            reference path's error says it.
    """
    import narwhals as nw

    names = work.collect_schema().names()
    keys = ["indicator", *bcols, "period", *(c for c in RELEASES if c in names)]
    figure = nw.concat_str(
        [nw.col("value").cast(nw.String), nw.lit(" "), nw.col("unit").cast(nw.String)]
    )
    counted = (
        work.with_columns(_figure=figure)
        .group_by(keys)
        .agg(
            _n=nw.len(),
            _figures=nw.col("_figure").n_unique(),
            _first=nw.col("_figure").min(),
            _last=nw.col("_figure").max(),
        )
        .filter(nw.col("_n") > 1)
    )
    conflicting = counted.filter(nw.col("_figures") > 1)
    if len(conflicting):
        row = conflicting.row(0)
        at = dict(zip(conflicting.columns, row, strict=True))
        where = ", ".join(f"{c}={at[c]}" for c in bcols if at[c] not in (None, ""))
        series = f"{at['indicator']} {at['period']}" + (f" ({where})" if where else "")
        message = Message(
            "data_two_values",
            series=series,
            first=str(at["_first"]),
            where="an earlier row",
            second=str(at["_last"]),
        )
        raise DataError(str(message))
    dropped = (
        counted.with_columns(rows=nw.col("_n") - 1)
        .group_by("indicator")
        .agg(nw.col("rows").sum())
        .with_columns(
            reason=nw.lit(str(Message("duplicate_row_earlier"))), rows=nw.col("rows").cast(nw.Int64)
        )
        .select("indicator", "reason", "rows")
    )
    unique = work.unique(subset=[*keys, "value", "unit"], keep="any")
    return unique, dropped
