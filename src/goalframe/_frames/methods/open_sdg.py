"""Open SDG's progress measure as expressions (`goalframe.progress.open_sdg`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import EPSILON, constant, div, null
from goalframe._frames.methods import Base, FrameMethod
from goalframe._periods import Frequency
from goalframe.progress.open_sdg import (
    DEFAULT_BASE_YEAR,
    LABELS,
    LIMIT_EXPONENT,
    ZERO_REPLACEMENT,
    base_year_of,
    limit_of,
    thresholds_of,
)

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._frames.methods import Meets
    from goalframe._model import Goal


# Long: sdg-build's measure as one chain: growth, label, score; each step as the reference names
# it.
def open_sdg(s: Frame, meets: Meets, *, periods: int) -> Frame:
    """Open SDG's progress measure, as in `open_sdg`.

    With a target (its method 2) ``pv = s * d * CAGR(base -> current) / |CAGR(base ->
    target)|``; without one (method 1) ``pv = s * d * CAGR(base -> current)``, its thresholds
    times the natural-limit factor ``C`` when the option ``limit`` is set. The base is the
    figure for the base year (`path_verdicts`' ``_b`` when there is none); a zero base or target
    is replaced by 0.001; the label follows sdg-build's thresholds, the score its linear
    pieces. Adds ``_o_value``, ``_o_label``, ``_o_status``, ``_o_score`` and ``_o_start``
    (the target met in the base year).
    """
    import narwhals as nw

    high, med, low = nw.col("_opt_high"), nw.col("_opt_med"), nw.col("_opt_low")
    own, current, target = nw.col("_own"), nw.col("_latest"), nw.col("_t")
    base = nw.when(own.is_null()).then(nw.col("_b")).otherwise(own)
    s = s.with_columns(_o_base=base.cast(nw.Float64))
    base = nw.col("_o_base")
    used = nw.when(base == 0).then(ZERO_REPLACEMENT).otherwise(base)
    aim = nw.when(target == 0).then(ZERO_REPLACEMENT).otherwise(target)
    sign = nw.when(base < 0).then(-1.0).otherwise(1.0)
    d = nw.when(nw.col("_inc")).then(1.0).otherwise(-1.0)
    # No base: no figure in or after the base year (without a declared baseline).
    known = ~nw.col("_a_last").is_null() & ~base.is_null()
    years = (nw.col("_a_last") - nw.col("_by")).cast(nw.Float64)
    horizon = (nw.col("_dy") - nw.col("_by")).cast(nw.Float64)
    opposite = ((used > 0) & (current < 0)) | ((used < 0) & (current > 0))
    observable = known & ~opposite & (years >= 1)
    # Masked before the power, so that no engine meets a negative base or a zero span.
    ratio = nw.when(observable).then(div(current, used)).otherwise(1.0)
    observed = ratio ** div(nw.lit(1.0), nw.when(observable).then(years).otherwise(1.0)) - 1
    wanted = div(aim, used)
    reachable = wanted >= 0
    required = nw.when(reachable).then(wanted).otherwise(1.0) ** div(nw.lit(1.0), horizon) - 1
    growth = target.is_null()  # method 1
    s = s.with_columns(
        _o_value=nw.when(growth & observable)
        .then(sign * d * observed)
        .when(~growth & observable & reachable & (required != 0))
        .then(sign * d * div(observed, required.abs()))
        .otherwise(null())
        .cast(nw.Float64),
        _o_achieved=known
        & ~growth
        & nw.when(nw.col("_inc")).then(current >= aim).otherwise(current <= aim),
        _o_c=_natural_limit(base, nw.col("_opt_limit"), growth & (nw.col("_opt_has_limit") == 1)),
    )
    # Method 1's thresholds shrink near a natural limit (C is 1 otherwise).
    c = nw.col("_o_c")
    high, med, low = high * c, med * c, low * c
    pv = nw.col("_o_value")
    label = (
        nw.when(~known)
        .then(nw.lit("not_available"))
        .when(nw.col("_o_achieved"))
        .then(nw.lit("target_achieved"))
        .when(pv.is_null())
        .then(nw.lit("not_available"))
        .when(pv >= high - EPSILON)
        .then(nw.lit("substantial_progress"))
        .when(pv >= med - EPSILON)
        .then(nw.lit("moderate_progress"))
        .when(pv >= low - EPSILON)
        .then(nw.lit("limited_progress"))
        .otherwise(nw.lit("deterioration"))
    )
    s = s.with_columns(_o_label=label)
    upper, lower = 7.1429 * pv - 4.2857, 4.1667 * pv - 2.5
    # sdg-build's method 1 score: -2 % -> -5, 0 -> -2.5, 0.5 % -> 0, 1.5 % -> 2.5, 2 % -> 5
    # (divided by C), capped at 5 and floored at -5.
    below = 125 * pv - 2.5
    capped = div(500 * pv, c) - 5
    growth_score = (
        nw.when(pv < low - EPSILON)
        .then(nw.when(below < -5).then(-5.0).otherwise(below))
        .when(c == 0)
        .then(5.0)
        .when(pv >= high - EPSILON)
        .then(nw.when(capped > 5).then(5.0).otherwise(capped))
        .when(pv >= med - EPSILON)
        .then(div(250 * pv, c) - 1.25)
        .otherwise(div(500 * pv, c) - 2.5)
    )
    score = (
        nw.when(nw.col("_o_label") == "target_achieved")
        .then(5.0)
        .when(pv.is_null())
        .then(null())
        .when(growth)
        .then(growth_score)
        .when(pv >= med - EPSILON)
        .then(nw.when(upper > 5).then(5.0).otherwise(upper))
        .otherwise(nw.when(lower < -5).then(-5.0).otherwise(lower))
    )
    statuses = {label: status.value for label, status in LABELS.items()}
    return s.with_columns(
        _o_status=constant(statuses, nw.String, column="_o_label"),
        _o_score=score.cast(nw.Float64),
        _o_expected=null(),
        _o_start=known & ~growth & meets(base),
    )


def _natural_limit(base: Expr, limit: Expr, applies: Expr) -> Any:
    """Open SDG's natural-limit factor ``C`` (`open_sdg.natural_limit_factor`), 1 elsewhere.

    ``C = 1`` when ``|base| >= 2|limit|``, ``1 - (|base| / |limit|)^4.44`` when ``|base| <=
    |limit|``, else ``1 - ((2|limit| - |base|) / |limit|)^4.44``; each ratio masked to its
    own branch before the power, so that no engine meets a negative base.
    """
    import narwhals as nw

    b, lim = base.abs(), limit.abs()
    near = applies & (b < 2 * lim)
    inside = near & (b <= lim)
    between = near & (b > lim)
    x = nw.when(inside).then(div(b, lim)).when(between).then(div(2 * lim - b, lim)).otherwise(0.0)
    return nw.when(near).then(1 - x**LIMIT_EXPONENT).otherwise(1.0).cast(nw.Float64)


def _settings(options: Mapping[str, Any], goal: Goal | None) -> dict[str, float]:
    # Open SDG's method 2 with a target; its method 1 (growth alone) without one.
    growth = goal is not None and goal.target is None
    limit = limit_of(options) if growth else None
    base_year = base_year_of(options) if goal is not None else None
    return {
        **thresholds_of(options, 1 if growth else 2),  # high, med and low
        # the natural limit (method 1 only), and whether one is set
        "limit": 0.0 if limit is None else limit,
        "has_limit": float(limit is not None),
        # the base year when the goal file declares no baseline
        "base_year": float(DEFAULT_BASE_YEAR if base_year is None else base_year.year),
    }


def _accepts(options: Mapping[str, Any]) -> bool:
    chosen = base_year_of(options)  # a base year, not a quarter
    return chosen is None or chosen.frequency is Frequency.YEAR


def _zero_replaced() -> tuple[str, Expr]:
    import narwhals as nw

    replaced = (
        (nw.col("_t") == 0)
        & ~nw.col("_a_last").is_null()
        & ~nw.col("_b").is_null()  # (no base found: no verdict, so no caveat)
    )
    return "zero-replaced", replaced


FORM = FrameMethod(
    name="open-sdg",
    letter="o",
    assess=open_sdg,
    base=Base.BASE_YEAR,
    # base_year is read only without a declared baseline, limit only without a target
    reads=frozenset({"base_year", "limit", "thresholds"}),
    accepts=_accepts,
    settings=_settings,
    base_year=lambda settings: int(settings["base_year"]),
    growth_alone=True,
    caveat=_zero_replaced,
)
