"""ESCAP's progress indices as expressions (`goalframe.progress.escap`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import EPSILON, constant, div, null, status_and_label
from goalframe._frames.methods import Base, FrameMethod

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._frames.methods import Meets, Passes, PathRun


def escap_steps(
    usable: Frame, point: Expr, keys: list[str], goal: Mapping[str, Any], first: Frame | None = None
) -> Any:
    """Per series, ESCAP's sums ``Σ w_i ln(v_i / v_{i-1})`` and ``Σ w_i`` over yearly steps.

    ``w_i = (T - t_0) / (T - t_i)`` with ``t_0`` the baseline year (the first figure's year
    without a declared baseline: ``first``, the first pass, gives it). Each point after the
    baseline is joined with the point of the year before (no window functions); the step from
    the baseline year uses the declared baseline when the series has no figure for that year.
    A series with a gap goes to the reference path (see `assess_path`), so every step is one
    year long. A ratio that is not positive counts as 1: the method then refuses the series
    for its non-positive values, and the sums are not used.
    """
    import narwhals as nw

    year, value = nw.col("_year"), nw.col("_value")
    points = usable.filter(point).select(*keys, "_year", "_value", "_by", "_dy", "_jb")
    start = nw.col("_by").cast(nw.Float64)
    if first is not None:
        points = points.join(first.select(*keys, "_a_first"), on=keys, how="inner")
        start = nw.when(nw.col("_jb")).then(start).otherwise(nw.col("_a_first"))
    points = points.with_columns(_e_t0=start.cast(nw.Float64))
    before = points.select(*keys, (year + 1).alias("_year"), value.alias("_e_prev"))
    steps = points.filter(year > nw.col("_e_t0")).join(before, on=[*keys, "_year"], how="left")
    declared = constant(
        {i: g.baseline.value for i, g in goal.items() if g.baseline is not None}, nw.Float64
    )
    previous = (
        nw.when(nw.col("_e_prev").is_null() & (year - 1 == nw.col("_by")) & nw.col("_jb"))
        .then(declared)
        .otherwise(nw.col("_e_prev"))
    )
    steps = steps.with_columns(_e_pv=previous.cast(nw.Float64))
    prev = nw.col("_e_pv")
    ratio = nw.when((value > 0) & (prev > 0)).then(value / prev).otherwise(1.0)
    weight = div(
        nw.col("_dy").cast(nw.Float64) - nw.col("_e_t0"),
        (nw.col("_dy") - year).cast(nw.Float64),
    )
    steps = steps.with_columns(_e_w=weight, _e_lr=ratio.cast(nw.Float64).log())
    steps = steps.with_columns(_e_wl=nw.col("_e_w") * nw.col("_e_lr"))
    return steps.group_by(keys).agg(_e_num=nw.col("_e_wl").sum(), _e_den=nw.col("_e_w").sum())


#: ESCAP's branches, as `goalframe.progress.escap` names them.
_ESCAP = {
    "insufficient": ("not_assessable", "insufficient_data"),
    "na": ("not_assessable", "not_assessable"),
    "held": ("achieved", "target_held"),
    "fell_back": ("moving_away", "fell_back_past_target"),
    "met": ("achieved", "maintain"),
    "maintain": ("on_track", "maintain"),
    "accelerate": ("needs_acceleration", "accelerate"),
    "reverse": ("moving_away", "reverse"),
}


def escap(s: Frame, meets: Meets, *, periods: int) -> Frame:
    """ESCAP's current status and anticipated progress indices, as in `escap`.

    ``CSI = min(1, (latest - I_0) / (I_T - I_0))`` against the share of time gone, and
    ``AP = (Î_T - I_0) / (I_T - I_0)`` with ``Î_T = latest · exp(g (T - t_cr))``, ``g`` the
    recency-weighted mean log growth from `escap_steps`. Adds ``_s_branch``, ``_s_status``,
    ``_s_label``, ``_s_value``, ``_s_expected``, ``_s_score`` and ``_s_start``.
    """
    import narwhals as nw

    latest, base, target = nw.col("_latest"), nw.col("_b"), nw.col("_t")
    t_cr = nw.col("_a_last").cast(nw.Float64)
    big_t, b = nw.col("_dy").cast(nw.Float64), nw.col("_by").cast(nw.Float64)
    # No figure for the baseline year: the declared baseline is the first point.
    inserted = nw.col("_jb") & nw.col("_own").is_null()
    count = nw.col("_e_n") + nw.when(inserted).then(1).otherwise(0)
    lowest = nw.col("_e_min")
    positive = (lowest.is_null() | (lowest > 0)) & (~inserted | (base > 0))
    span = target - base
    csi = div(latest - base, span)
    elapsed = div(t_cr - b, big_t - b)
    growth = div(nw.col("_e_num"), nw.col("_e_den"))
    projected = (
        nw.when(t_cr >= big_t)
        .then(latest)
        .otherwise(
            latest * (nw.when(t_cr < big_t).then(growth * (big_t - t_cr)).otherwise(0.0)).exp()
        )
    )
    s = s.with_columns(
        _s_csi=nw.when(csi > 1).then(1.0).otherwise(csi),
        _s_now=nw.when(elapsed > 1).then(1.0).otherwise(elapsed),
        _s_ap=div(projected - base, span),
    )
    ap = nw.col("_s_ap")
    branch = (
        nw.when(nw.col("_a_last").is_null() | (count < 2))
        .then(nw.lit("insufficient"))
        .when((span == 0) | (big_t <= b))
        .then(nw.lit("na"))
        .when(meets(base))
        .then(nw.when(meets(latest)).then(nw.lit("held")).otherwise(nw.lit("fell_back")))
        .when(meets(latest))
        .then(nw.lit("met"))
        .when(~positive)
        .then(nw.lit("na"))
        .when(ap >= 1 - EPSILON)
        .then(nw.lit("maintain"))
        .when(ap > 0)
        .then(nw.lit("accelerate"))
        .otherwise(nw.lit("reverse"))
    )
    s = s.with_columns(_s_branch=branch)
    name = nw.col("_s_branch")
    held = name.is_in(["held", "fell_back"])
    graded = name.is_in(["maintain", "accelerate", "reverse"])
    status, label = status_and_label(_ESCAP, "_s_branch")
    return s.with_columns(
        _s_status=status,
        _s_label=label,
        _s_value=nw.when(held)
        .then(latest)
        .when(name == "met")
        .then(nw.col("_s_csi"))
        .when(graded)
        .then(ap)
        .otherwise(null())
        .cast(nw.Float64),
        _s_expected=nw.when(name == "met")
        .then(nw.col("_s_now"))
        .when(graded)
        .then(1.0)
        .otherwise(null())
        .cast(nw.Float64),
        _s_score=null(),
        _s_start=held,
    )


def _rows(run: PathRun, usable: Frame) -> tuple[Frame, dict[str, Expr]]:
    """The points ESCAP's projection uses (assessed years from the base on), counted."""
    import narwhals as nw

    year, value, by = nw.col("_year"), nw.col("_value"), nw.col("_by")
    usable = usable.with_columns(
        _ev=nw.when(run.point).then(value).otherwise(null()).cast(nw.Float64),
        _ea=nw.when(run.point & (year > by)).then(year).otherwise(null()).cast(nw.Float64),
    )
    counts = {
        "_e_n": nw.col("_ev").count(),
        "_e_after": nw.col("_ea").count(),
        "_e_min": nw.col("_ev").min(),
    }
    return usable, counts


def _passes(run: PathRun, series: Frame, passes: Passes) -> Frame:
    """ESCAP's weighted growth: each year's step from the year before, one more pass."""
    first = passes.first if run.from_data else None
    steps = escap_steps(passes.usable, run.point, run.keys, run.goal, first)
    return series.join(steps, on=run.keys, how="left")


def _keeps(run: PathRun) -> Expr:
    """A series with a gap from the base on goes to the reference path."""
    import narwhals as nw

    b_float = run.base_year.cast(nw.Float64)
    after = nw.col("_a_last").cast(nw.Float64) - b_float
    whole = nw.col("_a_last").is_null() | (after <= 0) | (nw.col("_e_after") == after)
    if run.from_data:  # from the first figure: every year from it to the latest has one
        span = nw.col("_a_last").cast(nw.Float64) - nw.col("_a_first").cast(nw.Float64)
        whole_from_first = nw.col("_a_last").is_null() | (span == nw.col("_e_n") - 1)
        declared = run.constant(run.declared, nw.Boolean)
        whole = nw.when(declared).then(whole).otherwise(whole_from_first)
    return (constant(run.ids, nw.String) != "escap") | whole


FORM = FrameMethod(
    name="escap",
    letter="s",
    assess=escap,
    base=Base.FIRST_FIGURE,
    rows=_rows,
    passes=_passes,
    keeps=_keeps,
)
