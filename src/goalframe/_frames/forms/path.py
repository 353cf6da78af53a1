"""The path form: a trajectory target under any method with a frame form, in grouped passes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import among, any_row, clean_series, constant, last_year_before, null
from goalframe._frames._plan import option_values
from goalframe._frames._prepare import absent_by, flag_table
from goalframe._frames._reference import reference_rows
from goalframe._frames._rows import aside_counts, first_pass
from goalframe._frames.forms.path_verdicts import base_year_of, path_verdicts
from goalframe._frames.methods.escap import escap_steps
from goalframe._frames.methods.forecast import (
    centre,
    centred_sums,
    fit_sums,
    residual_sum,
    windowed_fit,
)
from goalframe._periods import Period

if TYPE_CHECKING:
    from goalframe._model import Framework


def assess_path(
    lf: Any,
    framework: Framework,
    ids: Mapping[str, str],
    bcols: list[str],
    cutoff: Period,
    *,
    plain: bool,
    method: str | None,
    periods: int,
    progress: bool | None = None,
) -> tuple[Any, Any]:
    """The verdicts of the frame-form indicators (``ids``: their methods), by expressions.

    ``periods`` is the number of distinct years in the frame: no series the frame form reads has
    more points.
    """
    import narwhals as nw

    indicators = [i for i in framework.indicators if i.id in ids]
    settings = option_values(indicators, ids)
    keys = ["indicator", "_role", *bcols]
    cut_year = last_year_before(cutoff)
    goal = {i.id: i.goal for i in indicators}
    assert all(g is not None for g in goal.values())

    def k(values: Mapping[str, Any], dtype: Any) -> Any:
        return constant(values, dtype, among=ids)

    # The base year the method looks its base up in: the declared baseline's, else Open
    # SDG's base year; -1 (no year) for the methods that start from the first figure.
    base_years = {i: base_year_of(g, ids[i], settings[i]) for i, g in goal.items()}  # type: ignore[arg-type]
    b_year = k(base_years, nw.Int64)
    d_year = k({i: g.deadline.year for i, g in goal.items()}, nw.Int64)  # type: ignore[union-attr]
    declared = {i: g.baseline is not None for i, g in goal.items()}  # type: ignore[union-attr]
    from_data = not all(declared.values())
    closed_map = {i: g.deadline.ended_by(cutoff) for i, g in goal.items()}  # type: ignore[union-attr]
    closed = k(closed_map, nw.Boolean)

    flags = flag_table(lf)
    odd_possible = any(flags[1].values()) or not plain
    rows = lf.filter(among(sorted(ids)) & nw.col("_role").is_in(["headline", "group"]))
    rows = rows.with_columns(
        _flagged=constant(flags[0], nw.Boolean, default=False, column="_flag"),
        _break=constant(flags[1], nw.Boolean, default=False, column="_flag"),
    )
    aside = aside_counts(lf, set(ids), cutoff)
    usable = rows.filter(~nw.col("_value").is_null() & nw.col("_unit_ok"))
    usable = usable.filter(nw.col("_year").is_null() | (nw.col("_year") <= cut_year))
    # Row-level columns first, then plain aggregations (every backend groups those alike).
    year, value = nw.col("_year"), nw.col("_value")
    usable = usable.with_columns(_by=b_year, _dy=d_year, _cl=closed, _jb=k(declared, nw.Boolean))
    by, dy = nw.col("_by"), nw.col("_dy")
    # Typed explicitly: a when/then with a null branch is an object column on Dask (years
    # with nulls as floats: exact, and numpy's integers have no null).
    usable = usable.with_columns(
        _ay=nw.when(nw.col("_cl") & (year > dy)).then(null()).otherwise(year).cast(nw.Float64),
    )
    # A declared baseline is looked up in every figure (the card's check of it too); a base
    # found in the data, in the figures the method reads (up to the deadline once it is over).
    # The judge counts flags and missing years from the declared baseline, else from the first
    # figure. (With every baseline declared, the usual case, no choice is made per row.)
    look, counted = year, year >= by
    if from_data:
        look = nw.when(nw.col("_jb")).then(year.cast(nw.Float64)).otherwise(nw.col("_ay"))
        counted = ~nw.col("_jb") | (year >= by)
    usable = usable.with_columns(
        _own_v=nw.when(look == by).then(value).otherwise(null()).cast(nw.Float64),
        _dl_v=nw.when(year == dy).then(value).otherwise(null()).cast(nw.Float64),
        _fl=nw.when(counted).then(nw.col("_flagged").cast(nw.Int64)).otherwise(0),
        _ir=nw.when(counted).then(1).otherwise(0),
        _pv=nw.when(look < by).then(look).otherwise(null()).cast(nw.Float64),
        _nx=nw.when(look > by).then(look).otherwise(null()).cast(nw.Float64),
        _odd_row=(year.is_null() | nw.col("_break")).cast(nw.Int64),
        _vr=(nw.col("_vintage") != "").cast(nw.Int64),  # a row that names its release
    )
    forecast = "forecast" in ids.values()
    escap = "escap" in ids.values()
    # The points a forecast or ESCAP's projection uses: assessed years from the baseline on.
    point = ~nw.col("_ay").is_null() & (year >= by)
    fit: dict[str, Any] = {}
    if escap:
        usable = usable.with_columns(
            _ev=nw.when(point).then(value).otherwise(null()).cast(nw.Float64),
            _ea=nw.when(point & (year > by)).then(year).otherwise(null()).cast(nw.Float64),
        )
        fit = {
            "_e_n": nw.col("_ev").count(),
            "_e_after": nw.col("_ea").count(),
            "_e_min": nw.col("_ev").min(),
        }
    # A forecast fitted on the last years only (option `window`) needs the last year first.
    windowed = forecast and any(v["fit_window"] > 0 for v in settings.values())
    if forecast:  # x = year - baseline year; y the value, or its logarithm (model: log)
        log = k({i: v["log"] == 1 for i, v in settings.items()}, nw.Boolean)
        # A value that is not positive has no logarithm: 1 stands in, and the method then
        # refuses the series for it (from `_f_min`), so the sums are not used.
        logged = nw.when(value > 0).then(value).otherwise(1.0).cast(nw.Float64).log()
        usable = usable.with_columns(
            _fx=nw.when(point).then(year - by).otherwise(null()).cast(nw.Float64),
            _fy=nw.when(point)
            .then(nw.when(log).then(logged).otherwise(value))
            .otherwise(null())
            .cast(nw.Float64),
            _fv=nw.when(point).then(value).otherwise(null()).cast(nw.Float64),
        )
        usable = usable.with_columns(_fa=nw.col("_fy").abs())
    if forecast and not windowed:
        fit |= fit_sums()
    if from_data:  # the first figure: the judge's start, and the base of a method from it
        fit |= {"_first": year.min(), "_a_first": nw.col("_ay").min()}
    first = first_pass(
        usable,
        keys,
        **fit,
        _n=nw.len(),
        _n_assessed=nw.col("_ay").count(),
        _years=year.n_unique(),
        _odd=nw.col("_odd_row").sum(),
        _releases=nw.col("_vr").sum(),
        _last=year.max(),
        _a_last=nw.col("_ay").max(),
        _own=nw.col("_own_v").max(),
        _at_deadline=nw.col("_dl_v").max(),
        _flagged_any=nw.col("_fl").max(),
        _in_range=nw.col("_ir").sum(),
        _prev=nw.col("_pv").max(),
        _next=nw.col("_nx").min(),
    )
    fit_columns = ["_fx", "_fy"] if forecast and not windowed else []
    joined = usable.select(*keys, "_year", "_value", "_ay", *fit_columns).join(
        first, on=keys, how="inner"
    )
    centred: dict[str, Any] = {}
    if forecast and not windowed:  # deviations from the means, then their products
        joined = centre(joined)
        centred = centred_sums()
    joined = joined.with_columns(
        _lv=nw.when(year == nw.col("_a_last")).then(value).otherwise(null()).cast(nw.Float64),
        _tv=nw.when(year == nw.col("_last")).then(value).otherwise(null()).cast(nw.Float64),
        _bv=nw.when(year == nw.col("_prev")).then(value).otherwise(null()).cast(nw.Float64),
        _av=nw.when(year == nw.col("_next")).then(value).otherwise(null()).cast(nw.Float64),
        _sv=(
            nw.when(year == nw.col("_a_first")).then(value).otherwise(null())
            if from_data
            else null()
        ).cast(nw.Float64),
    )
    eurostat = "eurostat" in ids.values()
    # Eurostat's window: the first assessed year at or after the latest minus five (or the
    # window the indicator's options give).
    years_back = k({i: v["window"] for i, v in settings.items()}, nw.Float64)
    window = nw.when(nw.col("_ay") >= nw.col("_a_last") - years_back).then(nw.col("_ay"))
    joined = joined.with_columns(
        _wv=(window.otherwise(null()) if eurostat else null()).cast(nw.Float64)
    )
    second = joined.group_by(keys).agg(
        _latest=nw.col("_lv").max(),
        _last_value=nw.col("_tv").max(),
        _before=nw.col("_bv").max(),
        _after=nw.col("_av").max(),
        _ws=nw.col("_wv").min(),
        _start_value=nw.col("_sv").max(),
        **centred,
    )
    series = first.join(second, on=keys, how="inner")
    if not from_data:
        series = series.with_columns(_first=null(), _a_first=null())
    if windowed:
        fit_window = k({i: v["fit_window"] for i, v in settings.items()}, nw.Float64)
        series = series.join(windowed_fit(usable, first, keys, fit_window), on=keys, how="inner")
    elif forecast:  # the residuals about the fitted line: one more pass, only when used
        products = second.select(*keys, "_f_sxx", "_f_sxy")
        series = series.join(residual_sum(joined, products, keys), on=keys, how="inner")
    if eurostat:  # the window's first value: one more pass, only when a series needs it
        starts = usable.select(*keys, "_year", "_value").join(
            second.select(*keys, "_ws"), on=keys, how="inner"
        )
        # A row-level column, then a plain aggregation (as above: every backend agrees).
        starts = starts.with_columns(
            _yv=nw.when(year == nw.col("_ws")).then(value).otherwise(null()).cast(nw.Float64)
        )
        third = starts.group_by(keys).agg(_ys=nw.col("_yv").max())
        series = series.join(third, on=keys, how="inner")
    else:
        series = series.with_columns(_ys=null())
    if escap:  # ESCAP's weighted growth: each year's step from the year before, one more pass
        steps = escap_steps(usable, point, keys, goal, first if from_data else None)
        series = series.join(steps, on=keys, how="left")
    absent = absent_by(lf, indicators, bcols)
    series = series.with_columns(
        _absent=constant(dict.fromkeys(absent, True), nw.Boolean, default=False)
    )
    # A series with a non-yearly period or a break goes to the reference path; whether any
    # can exist is known from the distinct periods and flags (usually none can).
    clean = clean_series()
    nearest = {i: not declared[i] and m == "unsd" for i, m in ids.items()}
    if any(nearest.values()):
        # UNSD's base without a baseline is the figure nearest 2015 but the latest; when
        # every figure read is before 2015, that is the one before the latest, which the
        # passes above do not give: such a series goes to the reference path.
        before_all = nw.col("_own").is_null() & (nw.col("_prev") == nw.col("_a_last"))
        odd = nw.when(k(nearest, nw.Boolean) & before_all).then(nw.lit(value=True))
        clean = clean & ~odd.otherwise(nw.lit(value=False))
        odd_possible = True
    if escap:  # and so does an ESCAP series with a gap from the baseline on
        b_float = b_year.cast(nw.Float64)
        after = nw.col("_a_last").cast(nw.Float64) - b_float
        whole = nw.col("_a_last").is_null() | (after <= 0) | (nw.col("_e_after") == after)
        if from_data:  # from the first figure: every year from it to the latest has one
            span = nw.col("_a_last").cast(nw.Float64) - nw.col("_a_first").cast(nw.Float64)
            whole_from_first = nw.col("_a_last").is_null() | (span == nw.col("_e_n") - 1)
            whole = nw.when(k(declared, nw.Boolean)).then(whole).otherwise(whole_from_first)
        clean = clean & ((constant(ids, nw.String) != "escap") | whole)
        odd_possible = True
    if odd_possible:
        # Whether any series needs the reference path: a look at the first grouped pass
        # alone, so that the whole plan is not run a second time only to find none.
        odd_possible = any_row(first.filter(~clean))
    results = path_verdicts(
        series.filter(clean), goal, closed_map, bcols, ids, periods=periods, settings=settings
    )
    if odd_possible:
        odd = series.filter(~clean).select(keys)
        odd_rows = usable.join(odd, on=keys, how="inner")
        extra, extra_aside = reference_rows(
            odd_rows, framework, bcols, cutoff, method, absent=absent, progress=progress
        )
        results = nw.concat([results, extra], how="vertical")
        aside = nw.concat([aside, extra_aside], how="vertical")
    return results, aside
