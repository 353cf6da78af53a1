"""The forecast's linear and log models as expressions (`goalframe.progress.forecast`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import EPSILON, div, null, status_and_label
from goalframe._frames.methods import Base, FrameMethod
from goalframe._frames.methods._student_t import student_t
from goalframe.progress.forecast import settings_of

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._frames.methods import Meets, Passes, PathRun
    from goalframe._model import Goal


def fit_sums() -> dict[str, Any]:
    """The forecast's per-series sums over its points (``_fx``, ``_fy``, ``_fv``, ``_fa``)."""
    import narwhals as nw

    return {
        "_f_n": nw.col("_fx").count(),
        "_f_sx": nw.col("_fx").sum(),
        "_f_sy": nw.col("_fy").sum(),
        "_f_max": nw.col("_fa").max(),
        "_f_min": nw.col("_fv").min(),
    }


def centre(rows: Frame) -> Any:
    """Each point's deviations from its series' means, and their products (``_fxx``, ``_fxy``).

    Centred first, then multiplied and summed: no cancellation between large raw sums.
    """
    import narwhals as nw

    rows = rows.with_columns(
        _fdx=nw.col("_fx") - div(nw.col("_f_sx"), nw.col("_f_n")),
        _fdy=nw.col("_fy") - div(nw.col("_f_sy"), nw.col("_f_n")),
    )
    return rows.with_columns(
        _fxx=nw.col("_fdx") * nw.col("_fdx"), _fxy=nw.col("_fdx") * nw.col("_fdy")
    )


def centred_sums() -> dict[str, Any]:
    """``Sxx`` and ``Sxy`` from `centre` rows."""
    import narwhals as nw

    return {"_f_sxx": nw.col("_fxx").sum(), "_f_sxy": nw.col("_fxy").sum()}


def residual_sum(rows: Frame, products: Frame, keys: list[str]) -> Any:
    """Per series, the sum of squared residuals about the fitted line (``_f_ssr``).

    ``rows`` are `centre` rows; ``products`` has each series' ``_f_sxx`` and ``_f_sxy``.
    """
    import narwhals as nw

    slope = div(nw.col("_f_sxy"), nw.col("_f_sxx"))
    lines = rows.select(*keys, "_fdx", "_fdy").join(products, on=keys, how="inner")
    lines = lines.with_columns(_fr=nw.col("_fdy") - slope * nw.col("_fdx"))
    lines = lines.with_columns(_frr=nw.col("_fr") * nw.col("_fr"))
    return lines.group_by(keys).agg(_f_ssr=nw.col("_frr").sum())


def windowed_fit(usable: Frame, first: Frame, keys: list[str], fit_window: Expr) -> Any:
    """The forecast's least-squares sums over its last ``fit_window`` years (0: all points).

    The reference keeps the points from ``t_last - window`` on, ``t_last`` the last point:
    known after the first pass, so the sums, the centred sums and the residuals take three
    passes here (`assess_path` needs one when no indicator sets a window).
    """
    import narwhals as nw

    rows = usable.select(*keys, "_year", "_fx", "_fy", "_fv").join(
        first.select(*keys, "_a_last"), on=keys, how="inner"
    )
    start = nw.col("_a_last").cast(nw.Float64) - fit_window - 1e-9
    inside = (fit_window <= 0) | (nw.col("_year").cast(nw.Float64) >= start)

    def kept(column: str) -> Any:
        return nw.when(inside).then(nw.col(column)).otherwise(null()).cast(nw.Float64)

    rows = rows.with_columns(_fx=kept("_fx"), _fy=kept("_fy"), _fv=kept("_fv"))
    rows = rows.with_columns(_fa=nw.col("_fy").abs())
    sums = rows.group_by(keys).agg(**fit_sums())
    centred = centre(rows.select(*keys, "_fx", "_fy").join(sums, on=keys, how="inner"))
    products = centred.group_by(keys).agg(**centred_sums())
    residuals = residual_sum(centred, products, keys)
    return sums.join(products, on=keys, how="inner").join(residuals, on=keys, how="inner")


#: The forecast method's branches (its linear model), as `goalframe.progress.forecast` names them.
_FORECAST = {
    "na": ("not_assessable", "not_assessable"),
    "met": ("achieved", "target_met"),
    "likely": ("on_track", "likely"),
    "uncertain": ("needs_acceleration", "uncertain"),
    "away": ("moving_away", "unlikely"),
    "unlikely": ("insufficient_progress", "unlikely"),
}


# Long: the fit, its standard error, the t distribution and the verdict in the reference's order.
def forecast(s: Frame, meets: Meets, *, periods: int) -> Frame:
    """The forecast method's linear model, as in `forecast`: P(target met) at the deadline.

    Least squares on the points from the baseline on (``_f_n``, the sums ``_f_sx``,
    ``_f_sy``, the centred ``_f_sxx``, ``_f_sxy`` and the residuals' ``_f_ssr``, from
    `assess_path`'s passes), the projection ``ŷ_T`` with its standard error ``se = s sqrt(1 +
    1/n + (T - x̄)²/Sxx)``, and ``P = 1 - F(z)`` (``F(z)`` for a decrease) with ``z = (target
    - ŷ_T) / se``, ``F`` Student's t distribution with ``n - 2`` degrees of freedom in its
    closed form (`student_t`). ``periods`` bounds ``n``, and so the number of terms. Adds
    ``_f_branch``, ``_f_status``, ``_f_label``, ``_f_value``, ``_f_score`` and ``_f_start``.
    """
    import narwhals as nw

    from goalframe.progress.forecast import LIKELY, UNCERTAIN

    n = nw.col("_f_n").cast(nw.Float64)
    x_mean, y_mean = div(nw.col("_f_sx"), n), div(nw.col("_f_sy"), n)
    slope = div(nw.col("_f_sxy"), nw.col("_f_sxx"))
    ahead = (nw.col("_dy") - nw.col("_by")).cast(nw.Float64) - x_mean
    fitted = n >= 3
    s = s.with_columns(
        _f_slope=slope,
        _f_centre=y_mean + slope * ahead,
        _f_nu=nw.when(fitted).then(n - 2).otherwise(1.0),
        _f_lever=div(ahead * ahead, nw.col("_f_sxx")),
    )
    nu = nw.col("_f_nu")
    residual_sd = (div(nw.col("_f_ssr"), nu)).sqrt()
    se = residual_sd * (1 + div(nw.lit(1.0), n) + nw.col("_f_lever")).sqrt()
    s = s.with_columns(_f_se=nw.when(fitted).then(se).otherwise(null()).cast(nw.Float64))
    se = nw.col("_f_se")
    # The target on the fitted scale: its logarithm for the log model.
    positive_target = nw.when(nw.col("_t") > 0).then(nw.col("_t")).otherwise(1.0)
    s = s.with_columns(
        _f_goal=nw.when(nw.col("_opt_log") == 1)
        .then(positive_target.cast(nw.Float64).log())
        .otherwise(nw.col("_t"))
        .cast(nw.Float64)
    )
    z = div(nw.col("_f_goal") - nw.col("_f_centre"), se)
    # Past ±1e150 the distribution is 0 or 1 to the last bit; z² stays finite.
    s = s.with_columns(
        _f_z=nw.when(z > 1e150).then(1e150).when(z < -1e150).then(-1e150).otherwise(z)
    )
    s = student_t(s, "_f_z", "_f_nu", "_f_cdf", terms=periods // 2 + 1)
    below = (
        nw.when(se > 0)
        .then(nw.col("_f_cdf"))
        .when(nw.col("_f_centre") < nw.col("_f_goal"))
        .then(1.0)
        .when(nw.col("_f_centre") > nw.col("_f_goal"))
        .then(0.0)
        .otherwise(0.5)
    )
    s = s.with_columns(_f_below=below.cast(nw.Float64))
    probability = nw.when(nw.col("_inc")).then(1 - nw.col("_f_below")).otherwise(nw.col("_f_below"))
    s = s.with_columns(_f_p=probability)
    p = nw.col("_f_p")
    biggest = nw.col("_f_max")
    scale = nw.when(biggest.is_null() | (biggest == 0)).then(1.0).otherwise(biggest)
    directed = nw.when(nw.col("_inc")).then(nw.col("_f_slope")).otherwise(nw.col("_f_slope") * -1)
    branch = (
        nw.when(~fitted)
        .then(nw.lit("na"))
        .when(meets(nw.col("_latest")))
        .then(nw.lit("met"))
        .when((nw.col("_opt_log") == 1) & ((nw.col("_f_min") <= 0) | (nw.col("_t") <= 0)))
        .then(nw.lit("na"))  # the log model needs positive values and a positive target
        .when(p >= LIKELY - EPSILON)
        .then(nw.lit("likely"))
        .when(p >= UNCERTAIN - EPSILON)
        .then(nw.lit("uncertain"))
        .when(directed < scale * -1e-9)
        .then(nw.lit("away"))
        .otherwise(nw.lit("unlikely"))
    )
    s = s.with_columns(_f_branch=branch)
    status, label = status_and_label(_FORECAST, "_f_branch")
    return s.with_columns(
        _f_status=status,
        _f_label=label,
        _f_value=nw.when(nw.col("_f_branch") == "na")
        .then(null())
        .when(nw.col("_f_branch") == "met")
        .then(1.0)
        .otherwise(p)
        .cast(nw.Float64),
        _f_score=null(),
        _f_expected=null(),
        _f_start=nw.lit(value=False),
    )


def _settings(options: Mapping[str, Any], goal: Goal | None) -> dict[str, float]:
    # The fitting window in years (none: every point from the base on), the log model and
    # the interval's confidence.
    _, confidence, window = settings_of(options if goal is not None else {})
    log = goal is not None and options.get("model") == "log"
    return {"log": float(log), "fit_window": window or 0.0, "confidence": confidence}


def _windowed(run: PathRun) -> bool:
    """Whether a forecast is fitted on its last years only (option ``window``)."""
    return any(v["fit_window"] > 0 for v in run.settings.values())


def _rows(run: PathRun, usable: Frame) -> tuple[Frame, dict[str, Expr]]:
    """The points: x = year - base year; y the value, or its logarithm (model: log)."""
    import narwhals as nw

    year, value, point = nw.col("_year"), nw.col("_value"), run.point
    log = run.constant({i: v["log"] == 1 for i, v in run.settings.items()}, nw.Boolean)
    # A value that is not positive has no logarithm: 1 stands in, and the method then
    # refuses the series for it (from `_f_min`), so the sums are not used.
    logged = nw.when(value > 0).then(value).otherwise(1.0).cast(nw.Float64).log()
    usable = usable.with_columns(
        _fx=nw.when(point).then(year - nw.col("_by")).otherwise(null()).cast(nw.Float64),
        _fy=nw.when(point)
        .then(nw.when(log).then(logged).otherwise(value))
        .otherwise(null())
        .cast(nw.Float64),
        _fv=nw.when(point).then(value).otherwise(null()).cast(nw.Float64),
    )
    usable = usable.with_columns(_fa=nw.col("_fy").abs())
    # A window needs the last year first: its sums come in passes of their own.
    return usable, {} if _windowed(run) else fit_sums()


def _carried(run: PathRun) -> tuple[str, ...]:
    return () if _windowed(run) else ("_fx", "_fy")


def _joined(run: PathRun, joined: Frame) -> tuple[Frame, dict[str, Expr]]:
    """Deviations from the means, then their products (without a window)."""
    if _windowed(run):
        return joined, {}
    return centre(joined), centred_sums()


def _passes(run: PathRun, series: Frame, passes: Passes) -> Frame:
    """The fit's further passes, and the interval's t quantile (``_f_q``).

    The windowed fit takes three passes, else the residuals about the fitted line one.
    """
    keys = run.keys
    if _windowed(run):
        fitted = windowed_fit(passes.usable, passes.first, keys, run.setting("fit_window"))
        series = series.join(fitted, on=keys, how="inner")
    else:
        products = passes.second.select(*keys, "_f_sxx", "_f_sxy")
        series = series.join(residual_sum(passes.joined, products, keys), on=keys, how="inner")
    return series.with_columns(_f_q=_quantile(run))


def _quantile(run: PathRun) -> Expr:
    """The t quantile of the interval, ``t(n-2)`` at ``0.5 + confidence/2``.

    As the reference finds it (`t_ppf`): one literal per confidence in use and number of
    points.
    """
    import narwhals as nw

    from goalframe.progress._stats import t_ppf

    confidences = sorted({v["confidence"] for v in run.settings.values()})
    nu, setting = nw.col("_f_n") - 2, run.setting("confidence")  # (one lookup, not one a branch)
    chosen: Any = None
    for confidence in confidences:
        for dof in range(1, max(run.periods - 1, 2)):
            when = (setting == confidence) & (nu == dof)
            q = t_ppf(0.5 + confidence / 2, dof)
            chosen = nw.when(when).then(q) if chosen is None else chosen.when(when).then(q)
    return (chosen.otherwise(null()) if chosen is not None else null()).cast(nw.Float64)


def _projection_cut() -> tuple[str, Expr]:
    """``projection-cut``: the projection or its interval past the unit's natural limits.

    As `goalframe.progress.forecast._cut_at_limits`: the lower end below the unit's low
    limit, or the upper end above its high one, by more than rounding; the log model's
    figures are ``exp`` of the fitted scale (never below zero).
    """
    import narwhals as nw

    from goalframe.progress.forecast import LIMIT_SLACK

    centre, half = nw.col("_f_centre"), nw.col("_f_q") * nw.col("_f_se")
    log = nw.col("_opt_log") == 1
    lower = nw.when(log).then((centre - half).exp()).otherwise(centre - half)
    upper = nw.when(log).then((centre + half).exp()).otherwise(centre + half)
    scale = nw.when(log).then(upper).otherwise(centre.abs() + half)
    slack = nw.when(scale > 1).then(scale).otherwise(1.0) * LIMIT_SLACK
    past = (lower < nw.col("_opt_unit_low") - slack) | (upper > nw.col("_opt_unit_high") + slack)
    fitted = ~nw.col("_f_branch").is_in(["na", "met"]) & ~half.is_null()
    return "projection-cut", fitted & past


def _accepts(options: Mapping[str, Any]) -> bool:
    # Theil-Sen's median of pairwise slopes: the reference path.
    return options.get("model", "linear") in ("linear", "log")


FORM = FrameMethod(
    name="forecast",
    letter="f",
    assess=forecast,
    base=Base.EVERY_POINT,
    reads=frozenset({"confidence", "model", "window"}),
    accepts=_accepts,
    settings=_settings,
    rows=_rows,
    carried=_carried,
    joined=_joined,
    passes=_passes,
    caveat=_projection_cut,
    limits=True,
)
