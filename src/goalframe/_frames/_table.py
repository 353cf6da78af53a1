"""The results' columns, as Python rows and as small frames of the caller's backend."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from goalframe._verdict_columns import RESULT_COLUMNS, RESULTS

if TYPE_CHECKING:
    from collections.abc import Iterable

    import narwhals as nw

    from goalframe._frames._expr import Frame
    from goalframe._model import Goal
    from goalframe._results import IndicatorResult


def result_rows(
    results: Iterable[IndicatorResult], bcols: list[str], *, engine: str
) -> list[dict[str, Any]]:
    """The results' columns (see `FrameEvaluation`), one dict per indicator, series and target.

    The headline has a row for the target in force and one for each earlier target (with its
    final verdict: every target that was due counts); a group, for the target in force.
    """
    out: list[dict[str, Any]] = []
    for result in results:
        current = next((k for k, t in enumerate(result.targets) if t.role == "in force"), 0)
        head = result.indicator.goal
        lines: list[tuple[str, Any, Any, Any, Any, int, str]] = [
            ("headline", result.breakdown, result, result.assessment, head, current, "in force")
        ]
        lines += [
            ("headline", result.breakdown, result, t.assessment, t.goal, k, "earlier")
            for k, t in enumerate(result.targets)
            if t.role == "earlier"
        ]
        lines += [
            ("group", g.group, g, g.assessment, g.goal, current, "in force") for g in result.groups
        ]
        for role, breakdown, item, a, goal, index, held in lines:
            if not item.series and not (held == "in force" and _late_only(a)):
                continue  # (a series of late rows only has its row: it exists, unassessed)
            cells = dict(breakdown)
            baseline = goal.baseline if goal is not None else None
            latest = item.latest
            out.append(
                {
                    "indicator": result.id,
                    "role": role,
                    **{c: cells.get(c, "") for c in bcols},
                    "method": a.method,
                    "status": a.status.value,
                    "label": a.label,
                    "progress": _finite(a.value),
                    "expected_progress": _finite(a.expected),
                    "score": _finite(a.score),
                    "baseline": baseline.value if baseline else None,
                    "baseline_period": str(baseline.period) if baseline else None,
                    "target": goal.target if goal is not None else None,
                    "deadline": str(goal.deadline) if goal and goal.deadline else None,
                    "target_index": index,
                    "target_role": held,
                    "provenance": provenance(goal),
                    "latest": latest.value if latest else None,
                    "latest_period": str(latest.period) if latest else None,
                    "final": a.final,
                    "caveats": ",".join(dict.fromkeys(c.code for c in a.caveats)),
                    "observations": len(item.series),
                    "engine": engine,
                }
            )
    return out


def _late_only(assessment: Any) -> bool:
    """Whether a verdict is "not assessable" because every figure is after the date."""
    return getattr(assessment.reason, "key", None) in LATE_ONLY


#: The reasons of a series whose every figure is after the date (or its vintage date).
LATE_ONLY = ("all_after_as_of", "all_after_vintage")


def provenance(goal: Goal | None) -> str | None:
    """A target's provenance as the table says it: ``unstated`` when the goal file is silent."""
    if goal is None:
        return None
    return goal.provenance or "unstated"


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def as_frame(out: list[dict[str, Any]], like: Frame, bcols: list[str]) -> Frame:
    """Python rows as a lazy frame of ``like``'s backend, with the results' columns and types."""
    return into(result_table(out, bcols, "pyarrow"), like)


def result_table(out: list[dict[str, Any]], bcols: list[str], backend: Any) -> Any:
    """`result_rows` as an eager narwhals frame of ``backend``, with the results' types."""
    import narwhals as nw

    names = ["indicator", "role", *bcols, *RESULT_COLUMNS[2:]]
    types = {n: RESULTS[n][0] if n in RESULTS else "String" for n in names}
    schema: dict[str, Any] = {n: getattr(nw, t) for n, t in types.items()}
    data = {n: [r[n] for r in out] for n in names}
    return nw.from_dict(data, schema=schema, backend=backend)


def into(small: nw.DataFrame[Any], like: Frame) -> Frame:
    """A small eager frame as a lazy frame of ``like``'s backend (for concatenation)."""
    from narwhals import Implementation

    impl: Any = like.implementation  # (typed as the lazy frame's default, polars)
    if impl in (Implementation.PANDAS, Implementation.MODIN, Implementation.CUDF):
        import narwhals as nw

        pandas: Frame = nw.from_native(small.to_pandas()).lazy()
        return pandas
    if impl is Implementation.POLARS:
        return small.lazy("polars")
    if impl is Implementation.PYARROW:
        return small.lazy()
    if impl is Implementation.PYSPARK:
        return _spark(small, like.to_native().sparkSession)
    return small.lazy(impl)


def _spark(small: nw.DataFrame[Any], session: Any) -> Frame:
    """A small eager frame as a Spark frame, with its schema given rather than inferred.

    PySpark 3.5 infers a schema from the values, and refuses a column that holds only
    nulls ("CANNOT_DETERMINE_TYPE"): a table of odd series with no baseline anywhere has one.
    """
    import narwhals as nw
    from pyspark.sql import types

    kinds = {
        "String": types.StringType(),
        "Float64": types.DoubleType(),
        "Int64": types.LongType(),
        "Boolean": types.BooleanType(),
    }
    schema = types.StructType(
        [
            types.StructField(name, kinds.get(str(dtype), types.StringType()), nullable=True)
            for name, dtype in small.schema.items()
        ]
    )
    spark: Frame = nw.from_native(session.createDataFrame(small.rows(), schema=schema))
    return spark
