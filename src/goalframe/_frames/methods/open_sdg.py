"""Open SDG's progress measure as expressions (`goalframe.progress.open_sdg`)."""

from __future__ import annotations

from typing import Any

from goalframe._frames._expr import EPSILON, constant, div, null


def open_sdg(s: Any, meets: Any) -> Any:
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

    from goalframe.progress.open_sdg import LABELS, ZERO_REPLACEMENT

    high, med, low = nw.col("_high"), nw.col("_med"), nw.col("_low")
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
        _o_c=_natural_limit(base, nw.col("_lim"), growth & nw.col("_has_lim")),
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


def _natural_limit(base: Any, limit: Any, applies: Any) -> Any:
    """Open SDG's natural-limit factor ``C`` (`open_sdg.natural_limit_factor`), 1 elsewhere.

    ``C = 1`` when ``|base| >= 2|limit|``, ``1 - (|base| / |limit|)^4.44`` when ``|base| <=
    |limit|``, else ``1 - ((2|limit| - |base|) / |limit|)^4.44``; each ratio masked to its
    own branch before the power, so that no engine meets a negative base.
    """
    import narwhals as nw

    from goalframe.progress.open_sdg import LIMIT_EXPONENT

    b, lim = base.abs(), limit.abs()
    near = applies & (b < 2 * lim)
    inside = near & (b <= lim)
    between = near & (b > lim)
    x = nw.when(inside).then(div(b, lim)).when(between).then(div(2 * lim - b, lim)).otherwise(0.0)
    return nw.when(near).then(1 - x**LIMIT_EXPONENT).otherwise(1.0).cast(nw.Float64)
