"""Eurostat's short-term assessment as expressions (`goalframe.progress.eurostat`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import EPSILON, div, null, status_and_label
from goalframe._frames.methods import Base, FrameMethod
from goalframe.progress.eurostat import MODERATE, SIGNIFICANT, window_of

#: Eurostat's branches with a target: status and label, as `eurostat` names them.
_EUROSTAT = {
    "na": ("not_assessable", "not_assessable"),
    "met": ("achieved", "significant_progress"),
    "at_start": ("moving_away", "movement_away"),
    "significant": ("on_track", "significant_progress"),
    "moderate": ("needs_acceleration", "moderate_progress"),
    "insufficient": ("insufficient_progress", "insufficient_progress"),
    "away": ("moving_away", "movement_away"),
}

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._frames.methods import Meets, Passes, PathRun
    from goalframe._model import Goal


def eurostat(s: Frame, meets: Meets, *, periods: int) -> Frame:
    """Eurostat's assessment with a target over the short-term window, as in `eurostat`.

    The window ends at the latest assessed year ``t`` and starts at the first at or after
    ``t - 5`` (``s``); ``RR = CAGR(y_s -> y_t) / CAGR(y_s -> target by T)``. Adds ``_e_branch``,
    ``_e_status``, ``_e_label``, ``_e_value`` and ``_e_early`` (the window starts before the
    declared baseline).
    """
    import narwhals as nw

    t, start = nw.col("_a_last"), nw.col("_ws")
    latest, first = nw.col("_latest"), nw.col("_ys")
    target, deadline = nw.col("_t"), nw.col("_dy").cast(nw.Float64)
    years = (t - start).cast(nw.Float64)
    horizon = deadline - start
    readable = (
        (nw.col("_n_assessed") >= 2)
        & (years >= nw.col("_opt_min_span") - 1e-9)
        & (first > 0)
        & (latest > 0)
    )
    # Masked before the power, so that no engine meets a negative base or a zero span.
    actual = (
        nw.when(readable).then(div(latest, first)).otherwise(1.0)
        ** div(nw.lit(1.0), nw.when(readable).then(years).otherwise(1.0))
        - 1
    )
    reachable = readable & (horizon > 0) & (target > 0)
    required = (
        nw.when(reachable).then(div(target, first)).otherwise(1.0)
        ** div(nw.lit(1.0), nw.when(reachable).then(horizon).otherwise(1.0))
        - 1
    )
    s = s.with_columns(_e_ratio=nw.when(reachable).then(div(actual, required)).otherwise(null()))
    ratio = nw.col("_e_ratio")
    branch = (
        nw.when(~readable)
        .then(nw.lit("na"))
        .when(meets(latest))
        .then(nw.lit("met"))
        .when(~reachable)
        .then(nw.lit("na"))
        .when(meets(first))
        .then(nw.lit("at_start"))
        .when(ratio.is_null())
        .then(nw.lit("na"))  # the required growth is zero: the reference's arithmetic fails
        .when(ratio >= SIGNIFICANT - EPSILON)
        .then(nw.lit("significant"))
        .when(ratio >= MODERATE - EPSILON)
        .then(nw.lit("moderate"))
        .when(ratio >= -EPSILON)
        .then(nw.lit("insufficient"))
        .otherwise(nw.lit("away"))
    )
    s = s.with_columns(_e_branch=branch)
    judged = nw.col("_e_branch").is_in(["significant", "moderate", "insufficient", "away"])
    status, label = status_and_label(_EUROSTAT, "_e_branch")
    return s.with_columns(
        _e_status=status,
        _e_label=label,
        _e_value=nw.when(judged).then(ratio).otherwise(null()).cast(nw.Float64),
        _e_early=(nw.col("_e_branch") != "na") & (start < nw.col("_by")),
        _e_score=null(),
        _e_expected=null(),
        _e_start=nw.col("_e_branch") == "at_start",
    )


def _settings(options: Mapping[str, Any], goal: Goal | None) -> dict[str, float]:
    window, min_span = window_of(options)
    return {"window": window, "min_span": min_span}


def _joined(run: PathRun, joined: Frame) -> tuple[Frame, dict[str, Expr]]:
    """The window's start: the first assessed year at or after the latest minus its years."""
    import narwhals as nw

    years_back = run.setting("window")
    window = nw.when(nw.col("_ay") >= nw.col("_a_last") - years_back).then(nw.col("_ay"))
    joined = joined.with_columns(_wv=window.otherwise(null()).cast(nw.Float64))
    return joined, {"_ws": nw.col("_wv").min()}


def _passes(run: PathRun, series: Frame, passes: Passes) -> Frame:
    """The window's first value (``_ys``): one more pass."""
    import narwhals as nw

    keys = run.keys
    starts = passes.usable.select(*keys, "_year", "_value").join(
        passes.second.select(*keys, "_ws"), on=keys, how="inner"
    )
    # A row-level column, then a plain aggregation (every backend groups those alike).
    year, value = nw.col("_year"), nw.col("_value")
    starts = starts.with_columns(
        _yv=nw.when(year == nw.col("_ws")).then(value).otherwise(null()).cast(nw.Float64)
    )
    third = starts.group_by(keys).agg(_ys=nw.col("_yv").max())
    return series.join(third, on=keys, how="inner")


def _early() -> tuple[str, Expr]:
    import narwhals as nw

    return "window-before-baseline", nw.col("_e_early")


FORM = FrameMethod(
    name="eurostat",
    letter="e",
    assess=eurostat,
    base=Base.FIRST_FIGURE,
    reads=frozenset({"window"}),
    settings=_settings,
    joined=_joined,
    passes=_passes,
    caveat=_early,
)
