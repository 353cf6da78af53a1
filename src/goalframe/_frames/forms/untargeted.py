"""The form of indicators without a target: the latest figure, never a verdict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import code, null, value_where
from goalframe._frames._reference import with_odd_series
from goalframe._frames._rows import first_pass, form_rows, series_counts
from goalframe._frames.forms._columns import result_columns
from goalframe._periods import Period

if TYPE_CHECKING:
    from goalframe._model import Framework


def assess_untargeted(
    lf: Any,
    framework: Framework,
    ids: Mapping[str, str],
    bcols: list[str],
    cutoff: Period,
    *,
    plain: bool,
    method: str | None,
    progress: bool | None = None,
) -> tuple[Any, Any]:
    """The verdicts of indicators without a target (``ids``: the method each would use).

    As `goalframe._evaluate` gives them: `not_assessable` whatever the method, with the latest
    figure and the number of figures read. Two grouped passes: the latest year, then its
    value. A break does not matter here; a period that is not a year goes to the reference
    path (which orders quarters and months).
    """
    import narwhals as nw

    indicators = [i for i in framework.indicators if i.id in ids]
    keys = ["indicator", "_role", *bcols]
    constants = {"_dy": nw.lit(10_000, dtype=nw.Int64), "_cl": nw.lit(value=False)}
    usable, aside, _ = form_rows(lf, ids, cutoff, constants, plain=plain)
    year = nw.col("_year")
    usable = usable.with_columns(_odd_row=year.is_null().cast(nw.Int64))
    first = first_pass(usable, keys, **series_counts())
    joined = usable.select(*keys, "_year", "_value").join(first, on=keys, how="inner")
    joined = joined.with_columns(_tv=value_where(year == nw.col("_last")))
    second = joined.group_by(keys).agg(_last_value=nw.col("_tv").max())
    series = first.join(second, on=keys, how="inner")

    def verdicts(clean: Any) -> Any:
        absent = (nw.col("_role") != "group") & nw.col("_absent")
        return result_columns(
            clean, status=nw.lit("not_assessable"), label=nw.lit("not_assessable"),
            progress=null(), caveats=nw.concat_str([code(absent, "by-column-absent")]),
            decided=nw.lit(value=False), target=null(), goal={}, bcols=bcols, methods=ids,
        )  # fmt: skip

    return with_odd_series(
        lf, series, first, usable, aside, not plain, verdicts,
        framework, bcols, cutoff, method, indicators, progress,
    )  # fmt: skip
