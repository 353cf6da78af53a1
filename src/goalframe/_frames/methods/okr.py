"""The OKR grade as expressions (`goalframe.progress.okr`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from goalframe._frames._expr import EPSILON, div, null, status_and_label
from goalframe._frames.methods import Base, FrameMethod
from goalframe.progress.okr import GREEN, YELLOW

#: The OKR method's branches, as `goalframe.progress.okr` names them.
_OKR = {
    "na": ("not_assessable", "not_assessable"),
    "held": ("achieved", "target_held"),
    "fell_back": ("moving_away", "fell_back_past_target"),
    "met": ("achieved", "green"),
    "green": ("on_track", "green"),
    "yellow": ("needs_acceleration", "yellow"),
    "away": ("moving_away", "red"),
    "red": ("insufficient_progress", "red"),
}

if TYPE_CHECKING:
    from goalframe._frames._expr import Frame
    from goalframe._frames.methods import Meets


def okr(s: Frame, meets: Meets, *, periods: int) -> Frame:
    """The OKR grade ``clamp((latest - start) / (target - start), 0, 1)``, as in `okr`.

    The start is the declared baseline (a group's own). Adds ``_k_branch``, ``_k_status``,
    ``_k_label``, ``_k_value``, ``_k_score`` and ``_k_start``.
    """
    import narwhals as nw

    latest, base, target = nw.col("_latest"), nw.col("_b"), nw.col("_t")
    raw = div(latest - base, target - base)
    s = s.with_columns(
        _k_raw=raw,
        _k_grade=nw.when(raw > 1).then(1.0).when(raw < 0).then(0.0).otherwise(raw),
    )
    grade = nw.col("_k_grade")
    branch = (
        nw.when(
            nw.col("_a_last").is_null() | (target == base) | (nw.col("_a_last") <= nw.col("_by"))
        )
        .then(nw.lit("na"))
        .when(meets(base))
        .then(nw.when(meets(latest)).then(nw.lit("held")).otherwise(nw.lit("fell_back")))
        .when(meets(latest))
        .then(nw.lit("met"))
        .when(grade >= GREEN - EPSILON)
        .then(nw.lit("green"))
        .when(grade >= YELLOW - EPSILON)
        .then(nw.lit("yellow"))
        .when(nw.col("_k_raw") < 0)
        .then(nw.lit("away"))
        .otherwise(nw.lit("red"))
    )
    s = s.with_columns(_k_branch=branch)
    held = nw.col("_k_branch").is_in(["held", "fell_back"])
    graded = ~held & (nw.col("_k_branch") != "na")
    status, label = status_and_label(_OKR, "_k_branch")
    return s.with_columns(
        _k_status=status,
        _k_label=label,
        _k_value=nw.when(held)
        .then(latest)
        .when(graded)
        .then(grade)
        .otherwise(null())
        .cast(nw.Float64),
        _k_score=nw.when(graded).then(grade).otherwise(null()).cast(nw.Float64),
        _k_expected=null(),
        _k_start=held,
    )


FORM = FrameMethod(name="okr", letter="k", assess=okr, base=Base.FIRST_FIGURE)
