"""The UN SDG Progress Chart rule as expressions (`goalframe.progress.unsd`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from goalframe._frames._expr import EPSILON, div, null, status_and_label
from goalframe._frames.methods import Base, FrameMethod
from goalframe.progress.unsd import ACCELERATION, DEFAULT_BASE_YEAR, ON_TRACK

#: The UN SDG Progress Chart's branches with a target: status and label, as `unsd` names them.
_UNSD = {
    "na": ("not_assessable", "not_assessable"),
    "met": ("achieved", "target_achieved"),
    "fell_back": ("moving_away", "fell_back_past_target"),
    "on": ("on_track", "on_track"),
    "accelerate": ("needs_acceleration", "acceleration_needed"),
    "stagnation": ("insufficient_progress", "stagnation_or_regression"),
    "regression": ("moving_away", "stagnation_or_regression"),
}

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._frames.methods import Meets, PathRun


def unsd(s: Frame, meets: Meets, *, periods: int) -> Frame:
    """The UN SDG Progress Chart rule with a target, as in `unsd`, from its base (`_b`).

    ``CAGR = (v_t / v_b)^(1/(t-b)) - 1``, the latest value projected to the deadline
    ``v_T = v_t (1 + CAGR)^(T - t)`` and ``r = (v_T - v_b) / (target - v_b)``. Adds
    ``_u_branch``, ``_u_status``, ``_u_label`` and ``_u_value``.
    """
    import narwhals as nw

    latest, base, target = nw.col("_latest"), nw.col("_b"), nw.col("_t")
    t, b = nw.col("_a_last"), nw.col("_by").cast(nw.Float64)
    years = (t - b).cast(nw.Float64)
    readable = (
        ~t.is_null() & ~base.is_null() & (years > 0) & (base > 0) & (latest > 0) & (target != base)
    )
    actual = (
        nw.when(readable).then(div(latest, base)).otherwise(1.0)
        ** div(nw.lit(1.0), nw.when(readable).then(years).otherwise(1.0))
        - 1
    )
    ahead = (nw.col("_dy").cast(nw.Float64) - t).cast(nw.Float64)
    projected = latest * (1 + actual) ** nw.when(readable).then(ahead).otherwise(0.0)
    ratio = div(projected - base, target - base)
    # The reference refuses numbers that leave the finite range; NaN fails this test too.
    finite = (projected.abs() < 1e308) & (ratio.abs() < 1e308)
    s = s.with_columns(
        _u_ratio=nw.when(readable & finite).then(ratio).otherwise(null()).cast(nw.Float64),
        # `* -1`, not unary minus: older narwhals (2.20) had no `-expr`.
        _u_directed=nw.when(nw.col("_inc")).then(actual).otherwise(actual * -1),
    )
    r = nw.col("_u_ratio")
    branch = (
        nw.when(t.is_null())
        .then(nw.lit("na"))
        .when(meets(latest))
        .then(nw.lit("met"))
        .when(~readable)
        .then(nw.lit("na"))
        .when(meets(base))
        .then(nw.lit("fell_back"))
        .when(r.is_null())
        .then(nw.lit("na"))
        .when(r >= ON_TRACK - EPSILON)
        .then(nw.lit("on"))
        .when(r >= ACCELERATION - EPSILON)
        .then(nw.lit("accelerate"))
        .when(nw.col("_u_directed") < 0)
        .then(nw.lit("regression"))
        .otherwise(nw.lit("stagnation"))
    )
    s = s.with_columns(_u_branch=branch)
    graded = nw.col("_u_branch").is_in(["on", "accelerate", "stagnation", "regression"])
    status, label = status_and_label(_UNSD, "_u_branch")
    return s.with_columns(
        _u_status=status,
        _u_label=label,
        _u_value=nw.when(graded)
        .then(r)
        .when(nw.col("_u_branch") == "fell_back")
        .then(latest)
        .otherwise(null())
        .cast(nw.Float64),
        _u_score=null(),
        _u_expected=null(),
        _u_start=nw.col("_u_branch") == "fell_back",
    )


def _keeps(run: PathRun) -> Expr | None:
    """Without a baseline, a series whose every figure precedes the base year: the reference.

    UNSD's base without a baseline is the figure nearest 2015 but the latest; when every
    figure read is before 2015, that is the one before the latest, which the path form's
    passes do not give.
    """
    import narwhals as nw

    nearest = {i: not run.declared[i] and m == "unsd" for i, m in run.ids.items()}
    if not any(nearest.values()):
        return None
    before_all = nw.col("_own").is_null() & (nw.col("_prev") == nw.col("_a_last"))
    odd = nw.when(run.constant(nearest, nw.Boolean) & before_all).then(nw.lit(value=True))
    return ~odd.otherwise(nw.lit(value=False))


FORM = FrameMethod(
    name="unsd",
    letter="u",
    assess=unsd,
    base=Base.NEAREST,
    base_year=lambda settings: DEFAULT_BASE_YEAR,
    keeps=_keeps,
)
