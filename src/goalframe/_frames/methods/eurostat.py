"""Eurostat's short-term assessment as expressions (`goalframe.progress.eurostat`)."""

from __future__ import annotations

from typing import Any

from goalframe._frames._expr import EPSILON, div, null, status_and_label

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


def eurostat(s: Any, meets: Any) -> Any:
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
        & (years >= nw.col("_min_span") - 1e-9)
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
        .when(ratio >= 0.95 - EPSILON)
        .then(nw.lit("significant"))
        .when(ratio >= 0.6 - EPSILON)
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
