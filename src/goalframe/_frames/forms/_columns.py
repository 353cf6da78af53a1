"""The results' columns of the forms without a path (levels, norms, milestones, no target)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import constant, null

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame


def result_columns(
    s: Frame,
    *,
    status: Expr,
    label: Expr,
    progress: Expr,
    caveats: Expr,
    decided: Expr,
    target: Expr,
    goal: Mapping[str, Any],
    bcols: list[str],
    methods: Mapping[str, str],
    expected: Expr | None = None,
    baseline: Expr | None = None,
    baseline_period: Expr | None = None,
) -> Any:
    """The results' columns (see `FrameEvaluation`) for the targets without a path.

    ``decided`` says which verdicts are final; a series with two rows for one year has no
    verdict (``duplicate_periods``), as in `path_verdicts`. Without a ``baseline`` (and its
    ``baseline_period``) those columns are empty.
    """
    import narwhals as nw

    duplicated = nw.col("_years") != nw.col("_n")
    deadline = {i: str(g.deadline) for i, g in goal.items() if g.deadline is not None}
    no_number = null()
    return s.select(
        nw.col("indicator"),
        nw.col("_role").alias("role"),
        *(nw.col(c) for c in bcols),
        constant(methods, nw.String).alias("method"),
        nw.when(duplicated).then(nw.lit("not_assessable")).otherwise(status).alias("status"),
        nw.when(duplicated).then(nw.lit("duplicate_periods")).otherwise(label).alias("label"),
        nw.when(duplicated).then(no_number).otherwise(progress).cast(nw.Float64).alias("progress"),
        nw.when(duplicated)
        .then(no_number)
        .otherwise(no_number if expected is None else expected)
        .cast(nw.Float64)
        .alias("expected_progress"),
        no_number.alias("score"),
        (no_number if baseline is None else baseline).cast(nw.Float64).alias("baseline"),
        (nw.lit(None, dtype=nw.String) if baseline_period is None else baseline_period).alias(
            "baseline_period"
        ),
        target.cast(nw.Float64).alias("target"),
        constant(deadline, nw.String).alias("deadline"),
        nw.col("_last_value").cast(nw.Float64).alias("latest"),
        nw.col("_last").cast(nw.Int64).cast(nw.String).alias("latest_period"),
        (decided & ~duplicated).alias("final"),
        nw.when(duplicated)
        .then(nw.lit("duplicate-periods"))
        .otherwise(caveats.str.strip_chars(","))
        .alias("caveats"),
        nw.col("_n").cast(nw.Int64).alias("observations"),
        nw.lit("frame").alias("engine"),
    )
