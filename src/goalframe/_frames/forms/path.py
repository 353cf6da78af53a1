"""The path form: a trajectory target under any method with a frame form, in grouped passes.

A first pass counts each series and finds its years (the latest, the base year's figure and
the years either side of it, the deadline's); a second finds the values at those years. Each
method adds what it needs (`goalframe._frames.methods.FrameMethod`: row columns, aggregations,
further passes) and its verdict (`path_verdicts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import constant, null
from goalframe._frames._options import options_valid
from goalframe._frames._reference import with_odd_series
from goalframe._frames._rows import first_pass, readable_rows
from goalframe._frames._run import FormRun
from goalframe._frames.forms import FrameForm
from goalframe._frames.forms._path_verdicts import base_year_of, path_verdicts, running_forms
from goalframe._frames.methods import (
    Passes,
    PathRun,
    frame_method,
    frame_methods,
    unit_settings,
)
from goalframe._periods import Frequency
from goalframe.schema import TargetType

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._model import Goal, Indicator
    from goalframe._periods import Period


def assess_path(run: FormRun, ids: Mapping[str, str]) -> tuple[Frame, Frame]:
    """The verdicts of the path form's indicators (``ids``: their methods), by expressions."""
    import narwhals as nw

    indicators = run.indicators(ids)
    goal: dict[str, Goal] = {i.id: i.goal for i in indicators if i.goal is not None}
    settings = settings_of(indicators, ids)
    # The base year the method looks its base up in: the declared baseline's, else its own
    # (Open SDG's, UNSD's); -1 (no year) for the methods that start from the first figure.
    base_years = {i: base_year_of(g, ids[i], settings[i]) for i, g in goal.items()}

    def k(values: Mapping[str, Any], dtype: Any) -> Expr:
        return constant(values, dtype, among=ids)

    year = nw.col("_year")
    path = PathRun(
        keys=run.keys,
        ids=ids,
        goal=goal,
        settings=settings,
        declared={i: g.baseline is not None for i, g in goal.items()},
        base_year=k(base_years, nw.Int64),
        # The points a forecast or ESCAP's projection uses: assessed years from the base on.
        point=~nw.col("_ay").is_null() & (year >= nw.col("_by")),
        constant=k,
        periods=run.periods,
    )
    closed = {i: g.deadline.ended_by(run.cutoff) for i, g in goal.items() if g.deadline}
    usable, aside, odd_possible = _rows(run, path, closed)
    forms = running_forms(ids)
    passes = _passes(path, usable, forms)
    series = passes.first.join(passes.second, on=path.keys, how="inner")
    if not path.from_data:
        series = series.with_columns(_first=null(), _a_first=null())
    keeps: Expr | None = None
    for form in forms:
        if form.passes is not None:
            series = form.passes(path, series, passes)
        kept = form.keeps(path) if form.keeps is not None else None
        if kept is not None:
            keeps = kept if keeps is None else keeps & kept
            odd_possible = True

    def verdicts(clean: Frame) -> Frame:
        return path_verdicts(clean, path, closed, run.bcols, periods=run.periods)

    return with_odd_series(
        run, series, passes.first, passes.usable, aside, odd_possible, verdicts, indicators,
        keeps=keeps,
    )  # fmt: skip


def _rows(run: FormRun, path: PathRun, closed: Mapping[str, bool]) -> tuple[Frame, Frame, bool]:
    """The rows the form reads, with their row-level columns; the rows set aside.

    Also whether a series can need the reference path for its periods or flags.
    """
    import narwhals as nw

    k = path.constant
    usable, aside, flags = readable_rows(run, path.ids)
    # Row-level columns first, then plain aggregations (every backend groups those alike).
    year, value = nw.col("_year"), nw.col("_value")
    deadlines = {i: g.deadline.year for i, g in path.goal.items() if g.deadline}
    usable = usable.with_columns(
        _by=path.base_year,
        _dy=k(deadlines, nw.Int64),
        _cl=k(closed, nw.Boolean),
        _jb=k(path.declared, nw.Boolean),
    )
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
    if path.from_data:
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
    return usable, aside, any(flags[1].values()) or not run.plain


def _passes(path: PathRun, usable: Frame, forms: list[Any]) -> Passes:
    """The first pass (counts and years) and the second (the values at those years)."""
    import narwhals as nw

    keys, year, value = path.keys, nw.col("_year"), nw.col("_value")
    fit: dict[str, Expr] = {}
    for form in forms:
        if form.rows is not None:
            usable, aggregations = form.rows(path, usable)
            fit |= aggregations
    if path.from_data:  # the first figure: the judge's start, and the base of a method from it
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
    carried = [c for f in forms if f.carried is not None for c in f.carried(path)]
    joined = usable.select(*keys, "_year", "_value", "_ay", *carried).join(
        first, on=keys, how="inner"
    )
    more: dict[str, Expr] = {}
    for form in forms:
        if form.joined is not None:
            joined, aggregations = form.joined(path, joined)
            more |= aggregations

    def at(column: str) -> Expr:
        return nw.when(year == nw.col(column)).then(value).otherwise(null()).cast(nw.Float64)

    joined = joined.with_columns(
        _lv=at("_a_last"),
        _tv=at("_last"),
        _bv=at("_prev"),
        _av=at("_next"),
        _sv=at("_a_first") if path.from_data else null(),
    )
    second = joined.group_by(keys).agg(
        _latest=nw.col("_lv").max(),
        _last_value=nw.col("_tv").max(),
        _before=nw.col("_bv").max(),
        _after=nw.col("_av").max(),
        _start_value=nw.col("_sv").max(),
        **more,
    )
    return Passes(usable=usable, first=first, second=second, joined=joined)


def settings_of(
    indicators: list[Indicator], methods: Mapping[str, str]
) -> dict[str, dict[str, float]]:
    """Per indicator, the numbers its method's options set (every method's defaults too).

    The other methods' defaults are the same for every indicator: read once per method.
    """
    forms = frame_methods()
    defaults = {name: form.settings({}, None) for name, form in forms.items()}
    for name, form in forms.items():
        if form.limits:
            defaults[name] |= unit_settings(None)
    out: dict[str, dict[str, float]] = {}
    for indicator in indicators:
        own = methods[indicator.id]
        values: dict[str, float] = {}
        for name, form in forms.items():
            if name == own:
                values |= form.settings(indicator.options, indicator.goal)
                if form.limits:  # (pint is asked only for a method that reads them)
                    values |= unit_settings(indicator.unit)
            else:
                values |= defaults[name]
        out[indicator.id] = values
    return out


def covers(indicator: Indicator, method: str, cutoff: Period) -> bool:
    """Whether the path form reads ``indicator``'s target under ``method``.

    One trajectory target with a target value (Open SDG may have none: its method 1) and a
    deadline in years, no milestones and no per-group table; a baseline in years, or none (each
    method finds its base in the data); the method's options all read by its frame form.
    """
    form = frame_method(method)
    goal = indicator.goal
    if form is None or indicator.unit is None or goal is None or len(indicator.goals) != 1:
        return False
    if indicator.direction is None:
        return False
    if goal.baseline is None:
        based = goal.base_period is None
    else:
        based = goal.baseline.period.frequency is Frequency.YEAR
    return (
        goal.type is TargetType.TRAJECTORY
        and not goal.groups
        and not goal.milestones
        and based
        and (goal.target is not None or form.growth_alone)
        and goal.deadline is not None
        and goal.deadline.frequency is Frequency.YEAR
        and _options_read(indicator, method)
    )


def _options_read(indicator: Indicator, method: str) -> bool:
    """Whether the frame form reads every option of ``indicator`` that ``method`` reads.

    The options must also be valid for the method (else the reference path says why not).
    """
    from goalframe.progress import get_method

    options = indicator.options
    if not options:
        return True
    form = frame_method(method)
    read = set(options) & set(get_method(method).options)
    if form is None or not read <= form.reads or not options_valid(options, method):
        return False
    return form.accepts(options)


FORM = FrameForm(name="path", covers=covers, assess=assess_path)
