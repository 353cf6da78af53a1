"""The form of indicators without a target: the latest figure, never a verdict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import code, null, value_where
from goalframe._frames._reference import with_odd_series
from goalframe._frames._rows import first_pass, form_rows, series_counts
from goalframe._frames._run import FormRun
from goalframe._frames.forms import FrameForm
from goalframe._frames.forms._columns import result_columns
from goalframe._periods import Period

if TYPE_CHECKING:
    from goalframe._frames._expr import Frame
    from goalframe._model import Indicator


def assess_untargeted(run: FormRun, ids: Mapping[str, str]) -> tuple[Frame, Frame]:
    """The verdicts of indicators without a target (``ids``: the method each would use).

    As `goalframe._evaluate` gives them: `not_assessable` whatever the method, with the latest
    figure and the number of figures read. Two grouped passes: the latest year, then its
    value. A break does not matter here; a period that is not a year goes to the reference
    path (which orders quarters and months).
    """
    import narwhals as nw

    bcols = run.bcols

    indicators = run.indicators(ids)
    keys = run.keys
    constants = {"_dy": nw.lit(10_000, dtype=nw.Int64), "_cl": nw.lit(value=False)}
    usable, aside, _ = form_rows(run, ids, constants)
    year = nw.col("_year")
    usable = usable.with_columns(_odd_row=year.is_null().cast(nw.Int64))
    first = first_pass(usable, keys, **series_counts())
    joined = usable.select(*keys, "_year", "_value").join(first, on=keys, how="inner")
    joined = joined.with_columns(_tv=value_where(year == nw.col("_last")))
    second = joined.group_by(keys).agg(_last_value=nw.col("_tv").max())
    series = first.join(second, on=keys, how="inner")

    def verdicts(clean: Frame) -> Any:
        absent = (nw.col("_role") != "group") & nw.col("_absent")
        return result_columns(
            clean, status=nw.lit("not_assessable"), label=nw.lit("not_assessable"),
            progress=null(), caveats=nw.concat_str([code(absent, "by-column-absent")]),
            decided=nw.lit(value=False), target=null(), goal={}, bcols=bcols, methods=ids,
        )  # fmt: skip

    return with_odd_series(
        run, series, first, usable, aside, not run.plain, verdicts,
        indicators,
    )  # fmt: skip


def covers(indicator: Indicator, method: str, cutoff: Period) -> bool:
    """Whether an indicator without a target has this form.

    Context indicators and others with no target: every method says `not_assessable`, and
    the card shows the latest figure. Without a unit the rows are set aside instead, which
    the reference path says.
    """
    return indicator.goal is None and not indicator.goals and indicator.unit is not None


FORM = FrameForm(name="untargeted", covers=covers, assess=assess_untargeted)
