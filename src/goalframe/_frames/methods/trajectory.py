"""The trajectory method as expressions (`goalframe.progress.trajectory`).

Progress made ``p = (latest - base) / (target - base)`` against the share of the time gone
``e = min(1, (t - b) / (T - b))``; the branches and labels of `goalframe.progress.trajectory`,
the target held since the start as `MethodResults.target_met_at_start` says it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import EPSILON, div, null, status_and_label
from goalframe._frames.methods import Base, FrameMethod
from goalframe.progress.trajectory import cut_offs

if TYPE_CHECKING:
    from goalframe._frames._expr import Frame
    from goalframe._frames.methods import Meets
    from goalframe._model import Goal

#: The trajectory method's branches: status and label, as `goalframe.progress.trajectory` and
#: `MethodResults.target_met_at_start` name them.
_BRANCHES = {
    "na": ("not_assessable", "not_assessable"),
    "held": ("achieved", "target_held"),
    "fell_back": ("moving_away", "fell_back_past_target"),
    "met": ("achieved", "target_met"),
    "away": ("moving_away", "moving_away"),
    "on": ("on_track", "on_trajectory"),
    "behind": ("needs_acceleration", "behind_trajectory"),
    "far": ("insufficient_progress", "far_behind_trajectory"),
}


def trajectory(s: Frame, meets: Meets, *, periods: int) -> Frame:
    """The trajectory method's verdict: adds the ``_tr_`` columns (see `MethodForm`)."""
    import narwhals as nw

    latest = nw.col("_latest")
    span = nw.col("_t") - nw.col("_b")
    elapsed = div(
        (nw.col("_a_last") - nw.col("_by")).cast(nw.Float64),
        (nw.col("_dy") - nw.col("_by")).cast(nw.Float64),
    )
    expected = nw.when(elapsed > 1).then(1.0).otherwise(elapsed)
    progress = div(latest - nw.col("_b"), span)
    na_reason = (
        nw.when(nw.col("_years") != nw.col("_n"))
        .then(nw.lit("duplicate_periods"))
        .when(nw.col("_a_last").is_null())
        .then(nw.lit("no_observations"))
        .when(nw.col("_dy") <= nw.col("_by"))
        .then(nw.lit("deadline_before_baseline"))
        .when(span == 0)
        .then(nw.lit("target_equals_baseline"))
        .when(nw.col("_a_last") <= nw.col("_by"))
        .then(nw.lit("no_observation_after_baseline"))
        .otherwise(None)
    )
    s = s.with_columns(_tr_na=na_reason, _tr_held=meets(nw.col("_b")))
    na, held = ~nw.col("_tr_na").is_null(), nw.col("_tr_held")
    s = s.with_columns(
        _tr_value=nw.when(na)
        .then(null())
        .when(held)
        .then(latest)
        .otherwise(progress)
        .cast(nw.Float64),
        _tr_expected=nw.when(na | held).then(null()).otherwise(expected).cast(nw.Float64),
    )
    ratio = div(nw.col("_tr_value"), nw.col("_tr_expected"))
    branch = (
        nw.when(na)
        .then(nw.lit("na"))
        .when(held)
        .then(nw.when(meets(latest)).then(nw.lit("held")).otherwise(nw.lit("fell_back")))
        .when(meets(latest))
        .then(nw.lit("met"))
        .when(nw.col("_tr_value") < 0)
        .then(nw.lit("away"))
        .when(ratio >= nw.col("_opt_on_track") - EPSILON)
        .then(nw.lit("on"))
        .when(ratio >= nw.col("_opt_acceleration") - EPSILON)
        .then(nw.lit("behind"))
        .otherwise(nw.lit("far"))
    )
    s = s.with_columns(_tr_branch=branch)
    status, label = status_and_label(_BRANCHES, "_tr_branch")
    return s.with_columns(
        _tr_status=status,
        _tr_label=label,
        _tr_score=null(),
        _tr_start=~na & held,
    )


def _settings(options: Mapping[str, Any], goal: Goal | None) -> dict[str, float]:
    on_track, acceleration = cut_offs(options)
    return {"on_track": on_track, "acceleration": acceleration}


FORM = FrameMethod(
    name="trajectory",
    letter="tr",
    assess=trajectory,
    base=Base.FIRST_FIGURE,
    reads=frozenset({"on_track", "acceleration"}),
    settings=_settings,
)
