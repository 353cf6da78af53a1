"""The columnar engine: every series of a data frame assessed by grouped expressions.

`evaluate_frame` takes observations as any data frame narwhals supports (pandas, polars eager
or lazy, pyarrow, DuckDB, PySpark, Dask) and returns the verdicts as a frame of the same
backend, lazy in, lazy out: one row per indicator and series (the headline that ``select``
chooses and every ``by`` group). Nothing on this path becomes one Python object per row:
the data stay in the engine, and Python sees only the distinct periods, units and flags.

The trajectory, Open SDG, Eurostat, UNSD, ESCAP, OKR and forecast (linear) methods have a
frame form here, beside their reference code in `goalframe.progress` and the rules of
`goalframe._judge`: the same numbers, the same statuses, the same caveat codes. A
differential test (``tests/test_frames_engine.py``) keeps the two equal on generated series.
The path form (`_columnar`) covers yearly series of an indicator with one trajectory target
(a declared baseline, or none for the methods in `BASE_FROM_DATA`; a value or a relative
change, a deadline, no milestones; the method options in `_FRAME_OPTIONS`); ranges and
binary targets (`_levels`), norms and running totals (`_norms`), milestones (`_milestones`)
and indicators without a target (`_untargeted`) have forms of their own; an indicator with
several targets in turn is held to the one in force (`_targets_in_force`). Every other
series (another frequency, another option, a break in the series, a revised figure, an ESCAP
series with a gap) is assessed per series by the reference path, and the ``engine`` column
says which path gave each row.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import attrs

from goalframe._messages import Message
from goalframe._periods import Frequency, Period
from goalframe.errors import DataError
from goalframe.schema import Direction, TargetType

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    import narwhals as nw

    from goalframe._model import Framework, Goal, Indicator
    from goalframe._results import IndicatorResult

__all__ = ["FrameEvaluation", "evaluate_frame", "observations_from_frame", "result_rows"]

#: The columns that name a figure's release, as the CSV reader reads them (`vintage`, else
#: `published`).
RELEASES = ("vintage", "published")
#: Columns with a meaning of their own; any other column is a breakdown (region, sex, ...).
KNOWN = ("indicator", "period", "value", "unit", "flag", "note", "source", *RELEASES)
REQUIRED = ("indicator", "period", "value", "unit")
#: Flags the ``flagged-values`` caveat lists (a series break sends a series to the reference).
_FLAGGED = frozenset({"revised", "provisional", "approx", "estimated", "derived", "suspect"})
EPSILON = 1e-9  # as `goalframe.progress._common.EPSILON`


@attrs.frozen
class FrameEvaluation:
    """The verdicts of `evaluate_frame`, as frames of the caller's backend.

    Attributes:
        results: One row per indicator and series: ``indicator``, ``role`` (``headline`` or
            ``group``), the breakdown columns, ``method``, ``status``, ``label``,
            ``progress``, ``expected``, ``score`` (the method's own, such as Open SDG's -5
            to +5), ``baseline``, ``baseline_period``, ``target``,
            ``deadline``, ``latest``, ``latest_period``, ``final``, ``caveats`` (codes,
            comma-separated), ``observations`` (rows used) and ``engine`` (``frame`` or
            ``reference``).
        set_aside: Rows not used, counted by indicator and reason (``indicator``,
            ``reason``, ``rows``).

    Added in 0.3.
    """

    results: Any
    set_aside: Any


def evaluate_frame(
    framework: Framework,
    frame: Any,
    *,
    as_of: str | int | Period | None = None,
    method: str | None = None,
    progress: bool | None = None,
) -> FrameEvaluation:
    """Assess every series of ``frame`` (any narwhals-supported data frame) in its engine.

    Args:
        framework: The goal framework.
        frame: Observations with ``indicator``, ``period``, ``value`` and ``unit`` columns,
            optionally ``flag``; other columns are breakdowns. Null and NaN cells are blank.
        as_of: The assessment date (default today, as `goalframe.evaluate`).
        method: A method for every indicator instead of each one's own.
        progress: A progress bar on standard error while series without a frame form are
            assessed one by one: True always, False never, None (default) when standard
            error is a terminal and there are 3,000 such series or more.

    Returns:
        The verdicts and the rows set aside, as frames of ``frame``'s backend (lazy when
        ``frame`` is lazy).

    Raises:
        DataError: A required column is missing, ``value`` is not numeric, a period cannot be
            read, or a unit cannot be converted into the indicator's.

    Added in 0.3.
    """
    import warnings

    with warnings.catch_warnings():
        # pandas warns on comparisons with missing values, which the expressions handle.
        warnings.simplefilter("ignore", RuntimeWarning)
        return _evaluate_frame(framework, frame, as_of=as_of, method=method, progress=progress)


def _evaluate_frame(
    framework: Framework,
    frame: Any,
    *,
    as_of: str | int | Period | None,
    method: str | None,
    progress: bool | None = None,
) -> FrameEvaluation:
    import narwhals as nw

    cutoff = Period.today() if as_of is None else Period.parse(as_of)
    if method is not None:
        from goalframe.progress import get_method

        get_method(method)
    native_in = frame
    lf = nw.from_native(frame)
    eager = isinstance(lf, nw.DataFrame)
    work: nw.LazyFrame[Any] = lf.lazy() if eager else lf
    names = work.collect_schema().names()
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        msg = (
            f"the data frame has no column {', '.join(repr(c) for c in missing)}; it needs "
            f"{', '.join(REQUIRED)} (it has {', '.join(names)})"
        )
        raise DataError(msg)
    schema = work.collect_schema()
    if not schema["value"].is_numeric():
        msg = (
            f"the data frame's 'value' column is {schema['value']}, not numbers; cast it "
            "(a text column with decimal commas: read it with goalframe.load_observations)"
        )
        raise DataError(msg)
    bcols = [c for c in names if c not in KNOWN]
    framework = _targets_in_force(framework, cutoff, names)
    prepared = _prepare(work, bcols, framework, names)
    frame_ids, reference_ids = _split_indicators(framework, method, cutoff)
    years = _years(prepared, framework)
    known_years = {text: year for text, year in years.items() if year is not None}
    yearly = all(year is not None for year in years.values())
    prepared = prepared.with_columns(_year=_year_of(known_years, yearly=yearly))
    # Whether a series can need the reference path for its periods or releases: not when
    # every period is a year and no row names its release (else the first pass tells).
    plain = yearly and not (set(RELEASES) & set(names))
    prepared = _convert(prepared, framework)
    roles = _roles(prepared, framework, bcols)
    if eager and _backend(native_in) is nw.Implementation.POLARS:
        # The frame is in memory already: the prepared columns are computed once, not again
        # by each of the small distinct queries below and by the plan itself.
        roles = roles.collect().lazy()
    untargeted_ids = {i: m for i, m in frame_ids.items() if framework.indicator(i).goal is None}
    frame_ids = {i: m for i, m in frame_ids.items() if i not in untargeted_ids}
    level_ids = {i: m for i, m in frame_ids.items() if m in LEVEL_METHODS}
    milestone_ids = {i: m for i, m in frame_ids.items() if _milestones_of(framework, i)}
    norm_ids = {i: m for i, m in frame_ids.items() if m in NORM_METHODS and i not in milestone_ids}
    frame_ids = {i: m for i, m in frame_ids.items() if m in FRAME_METHODS}
    parts, asides = [], []
    if frame_ids:
        results, aside = _columnar(
            roles,
            framework,
            frame_ids,
            bcols,
            cutoff,
            plain=plain,
            method=method,
            periods=len(known_years),
            progress=progress,
        )
        parts.append(results)
        asides.append(aside)
    else:  # rows of indicators the goal file does not have are still counted
        asides.append(_aside_counts(roles, set(), cutoff))
    if level_ids:
        results, aside = _levels(
            roles, framework, level_ids, bcols, cutoff, plain=plain, method=method,
            progress=progress,
        )  # fmt: skip
        parts.append(results)
        asides.append(aside)
    if milestone_ids:
        results, aside = _milestones(
            roles, framework, milestone_ids, bcols, cutoff, plain=plain, method=method,
            progress=progress,
        )  # fmt: skip
        parts.append(results)
        asides.append(aside)
    if norm_ids:
        results, aside = _norms(
            roles, framework, norm_ids, bcols, cutoff, plain=plain, method=method,
            progress=progress,
        )  # fmt: skip
        parts.append(results)
        asides.append(aside)
    if untargeted_ids:
        results, aside = _untargeted(
            roles, framework, untargeted_ids, bcols, cutoff, plain=plain, method=method,
            progress=progress,
        )  # fmt: skip
        parts.append(results)
        asides.append(aside)
    fallback = _reference(roles, framework, reference_ids, bcols, cutoff, method, progress)
    if fallback is not None:
        parts.append(fallback[0])
        asides.append(fallback[1])
    if not parts:
        parts.append(_as_frame([], roles, bcols))
    results = nw.concat(parts, how="vertical") if len(parts) > 1 else parts[0]
    aside = nw.concat(asides, how="vertical") if len(asides) > 1 else asides[0]
    if eager:
        return FrameEvaluation(
            results=results.collect(backend=_backend(native_in)).to_native(),
            set_aside=aside.collect(backend=_backend(native_in)).to_native(),
        )
    return FrameEvaluation(results=results.to_native(), set_aside=aside.to_native())


def _targets_in_force(framework: Framework, cutoff: Period, names: list[str]) -> Framework:
    """The framework with each indicator of several targets held to the one in force.

    Which target is in force depends on the assessment date alone, so every series of the
    indicator is assessed against it, as `goalframe._evaluate._in_force` does (the card shows
    the others beside it; the table of verdicts shows the one in force). Targets of mixed
    types (whose method could differ) and frames with releases (whose revision check the
    reference path makes for one target only) keep the reference path.
    """
    from goalframe._evaluate import in_force_index

    if set(RELEASES) & set(names):
        return framework
    indicators = []
    for indicator in framework.indicators:
        goals = indicator.goals
        if len(goals) > 1 and len({g.type for g in goals}) == 1:
            goal = goals[in_force_index(goals, cutoff)]
            indicator = attrs.evolve(indicator, goal=goal, goals=(goal,))
        indicators.append(indicator)
    return attrs.evolve(framework, indicators=tuple(indicators))


def _backend(native: Any) -> Any:
    import narwhals as nw

    return nw.from_native(native).implementation


def _prepare(lf: Any, bcols: list[str], framework: Framework, names: list[str]) -> Any:
    """Blank breakdown cells as "", values as floats (NaN as null), periods as text."""
    import narwhals as nw

    def text(c: str) -> Any:
        return nw.when(nw.col(c).is_null()).then(nw.lit("")).otherwise(nw.col(c).cast(nw.String))

    value = nw.col("value").cast(nw.Float64)
    flag = text("flag") if "flag" in names else nw.lit("")
    release = next((c for c in RELEASES if c in names), None)  # the figure's release
    vintage = nw.lit("") if release is None else text(release)
    return lf.select(
        nw.col("indicator").cast(nw.String).alias("indicator"),
        *(text(c).alias(c) for c in bcols),
        _period_text().alias("_period"),
        nw.when(value.is_null() | value.is_nan()).then(_null()).otherwise(value).alias("_value"),
        text("unit").alias("_unit"),
        flag.alias("_flag"),
        vintage.alias("_vintage"),
    )


def _period_text() -> Any:
    import narwhals as nw

    return nw.col("period").cast(nw.String)


#: The methods with a frame form here.
FRAME_METHODS = ("trajectory", "open-sdg", "eurostat", "unsd", "okr", "forecast", "escap")
#: The methods whose path form also reads a target without a declared baseline, each as its
#: reference code finds the base in the data: the trajectory, OKR and ESCAP from the series'
#: first figure (`FIRST_FIGURE`), Open SDG from its base year (option `base_year`, else 2015,
#: else the next year with a figure), UNSD from 2015 (else the nearest year with a figure,
#: the latest excepted); Eurostat needs none, and the forecast fits every point.
BASE_FROM_DATA = ("trajectory", "okr", "eurostat", "open-sdg", "forecast", "escap", "unsd")
#: The methods whose base, without a declared baseline, is the series' first figure read.
FIRST_FIGURE = ("trajectory", "okr", "eurostat", "escap")
#: Methods of the targets that are a level to hold (a range, done or not done), with a frame
#: form of their own (`_levels`): they have no baseline and no path to it.
LEVEL_METHODS = ("range", "binary")
#: Targets over a span of years, with a frame form of their own (`_norms`): norms ("at least
#: 950 a year, 2015-2018") and cumulative totals ("2,000 over 2022-2024").
NORM_METHODS = ("norm", "cumulative")


def _split_indicators(
    framework: Framework, method: str | None, cutoff: Period
) -> tuple[dict[str, str], set[str]]:
    """The indicators the frame form covers (with their method), and the reference's."""
    from goalframe._evaluate import _method_for

    frame: dict[str, str] = {}
    reference: set[str] = set()
    for indicator in framework.indicators:
        chosen = _method_for(indicator, framework, method)
        path = chosen in FRAME_METHODS and _frame_form(indicator, chosen)
        level = (
            _level_form(indicator, chosen)
            or _norm_form(indicator, chosen, cutoff)
            or _milestone_form(indicator, chosen)
            or _untargeted_form(indicator)
        )
        if (path and _options_read(indicator, chosen)) or level:
            frame[indicator.id] = chosen
        else:
            reference.add(indicator.id)
    return frame, reference


def _untargeted_form(indicator: Indicator) -> bool:
    """Whether an indicator without a target has the frame form `_untargeted`.

    Context indicators and others with no target: every method says `not_assessable`, and
    the card shows the latest figure. Without a unit the rows are set aside instead, which
    the reference path says.
    """
    return indicator.goal is None and not indicator.goals and indicator.unit is not None


def _frame_form(indicator: Indicator, method: str) -> bool:
    """Whether a trajectory target has the path form `_columnar` under ``method``.

    A target value (Open SDG may have none: its method 1) and a deadline in years, no
    milestones; a baseline in years, or none for the methods that find their base in the
    data (`BASE_FROM_DATA`).
    """
    goal = indicator.goal
    if indicator.unit is None or goal is None or len(indicator.goals) != 1:
        return False
    if indicator.direction is None:
        return False
    if goal.baseline is None:
        based = method in BASE_FROM_DATA and goal.base_period is None
    else:
        based = goal.baseline.period.frequency is Frequency.YEAR
    return (
        goal.type is TargetType.TRAJECTORY
        and not goal.groups
        and not goal.milestones
        and based
        and (goal.target is not None or method == "open-sdg")  # (its method 1: growth alone)
        and goal.deadline is not None
        and goal.deadline.frequency is Frequency.YEAR
    )


def _level_form(indicator: Indicator, method: str) -> bool:
    """Whether a range or binary target has the frame form `_levels`.

    One target of the method's own type, in years, with its bounds in the goal file (bounds
    from method options, a per-group table or a start period go to the reference path).
    """
    goal = indicator.goal
    if method not in LEVEL_METHODS or indicator.unit is None or goal is None:
        return False
    if len(indicator.goals) != 1 or not _options_unread(indicator, method):
        return False
    wanted = TargetType.RANGE if method == "range" else TargetType.BINARY
    if goal.type is not wanted or goal.groups or goal.milestones:
        return False
    if goal.baseline is not None or goal.base_period is not None:
        return False
    if goal.deadline is not None and goal.deadline.frequency is not Frequency.YEAR:
        return False
    if goal.type is TargetType.RANGE:
        return goal.low is not None and goal.high is not None and goal.low < goal.high
    return goal.direction is not None


def _norm_form(indicator: Indicator, method: str, cutoff: Period) -> bool:
    """Whether a norm or a cumulative total has the frame form `_norms`.

    One target of the method's type, its span in years in the goal file. A total whose span
    is over goes to the reference path: its final verdict names the totals in words.
    """
    goal = indicator.goal
    if method not in NORM_METHODS or indicator.unit is None or goal is None:
        return False
    if len(indicator.goals) != 1 or indicator.direction is None:
        return False
    if not _options_unread(indicator, method):
        return False
    wanted = TargetType.NORM if method == "norm" else TargetType.CUMULATIVE
    if goal.type is not wanted or goal.groups or goal.milestones or goal.baseline:
        return False
    start, end = goal.base_period, goal.deadline
    if wanted is TargetType.CUMULATIVE and (end is None or end.ended_by(cutoff)):
        return False
    return (
        goal.target is not None
        and start is not None
        and end is not None
        and start.frequency is Frequency.YEAR
        and end.frequency is Frequency.YEAR
        and start.year <= end.year
    )


def _options_unread(indicator: Indicator, method: str) -> bool:
    """Whether ``method``'s verdict is the same without the indicator's options.

    Options of other methods (kept for ``--method`` or a comparison) change nothing; a range
    reads ``low`` and ``high`` only when its target has none (the goal file asks for both).
    """
    from goalframe.progress import get_method

    read = set(indicator.options) & set(get_method(method).options)
    goal = indicator.goal
    if method == "range" and goal is not None and goal.low is not None and goal.high is not None:
        read -= {"low", "high"}
    return not read


def _milestones_of(framework: Framework, ident: str) -> bool:
    """Whether the indicator's target is a milestones target."""
    goal = framework.indicator(ident).goal
    return goal is not None and goal.type is TargetType.MILESTONES


def _milestone_form(indicator: Indicator, method: str) -> bool:
    """Whether a milestones target has the frame form `_milestones`.

    Milestones in years (and a final target with its deadline, or neither), read by the norm
    method, with or without a baseline in years (each group's baseline is its own figure
    for that year).
    """
    goal = indicator.goal
    if method != "norm" or indicator.unit is None or goal is None:
        return False
    if len(indicator.goals) != 1 or indicator.direction is None:
        return False
    if not _options_unread(indicator, method):
        return False
    if goal.type is not TargetType.MILESTONES or goal.groups or goal.base_period is not None:
        return False
    if goal.baseline is not None and goal.baseline.period.frequency is not Frequency.YEAR:
        return False
    if (goal.target is None) != (goal.deadline is None) or not goal.milestones:
        return False
    periods = [m.period for m in goal.milestones]
    periods += [goal.deadline] if goal.deadline is not None else []
    return all(p.frequency is Frequency.YEAR for p in periods)


#: The options each frame form reads (the method's other options change its verdict, so a
#: series with one of them goes to the reference path). Options a method does not read at all
#: make no difference to it.
_FRAME_OPTIONS: Mapping[str, frozenset[str]] = {
    "trajectory": frozenset({"on_track", "acceleration"}),
    "eurostat": frozenset({"window"}),
    "forecast": frozenset({"confidence", "model", "window"}),  # the linear and log models
    # open-sdg reads base_year only without a declared baseline (`_base_year_of`), and limit
    # only without a target (its method 1: the reference path)
    "open-sdg": frozenset({"base_year", "limit", "thresholds"}),
}


def _options_read(indicator: Indicator, method: str) -> bool:
    """Whether the frame form reads every option of ``indicator`` that ``method`` reads.

    The options must also be valid for the method (else the reference path says why not).
    """
    from goalframe.progress import get_method

    options = indicator.options
    if not options:
        return True
    info = get_method(method)
    read = set(options) & set(info.options)
    if not read <= _FRAME_OPTIONS.get(method, frozenset()):
        return False
    if method == "forecast" and options.get("model", "linear") not in ("linear", "log"):
        return False  # Theil-Sen's median of pairwise slopes: the reference path
    try:
        if info.validate is not None:
            info.validate(options)
    except (TypeError, ValueError):
        return False
    if method == "open-sdg":  # a base year, not a quarter
        from goalframe.progress.open_sdg import _base_year

        chosen = _base_year(options)
        return chosen is None or chosen.frequency is Frequency.YEAR
    return True


def _option_values(
    indicators: list[Indicator], methods: Mapping[str, str]
) -> dict[str, dict[str, float]]:
    """Per indicator, the numbers its method's options set (the defaults when not given)."""
    from goalframe.progress.eurostat import _window
    from goalframe.progress.forecast import _settings
    from goalframe.progress.open_sdg import DEFAULT_BASE_YEAR, _base_year, _limit, _thresholds
    from goalframe.progress.trajectory import _cut_offs

    out: dict[str, dict[str, float]] = {}
    for indicator in indicators:
        method, options = methods[indicator.id], indicator.options
        on_track, acceleration = _cut_offs(options if method == "trajectory" else {})
        window, min_span = _window(options if method == "eurostat" else {})
        # Open SDG's method 2 with a target; its method 1 (growth alone) without one
        goal = indicator.goal
        growth = method == "open-sdg" and goal is not None and goal.target is None
        thresholds = _thresholds(options if method == "open-sdg" else {}, 1 if growth else 2)
        base_year = _base_year(options) if method == "open-sdg" else None
        limit = _limit(options) if growth else None
        out[indicator.id] = {
            "on_track": on_track,
            "acceleration": acceleration,
            "window": window,
            "min_span": min_span,
            **thresholds,  # Open SDG's high, med and low
            # Open SDG's natural limit (method 1 only), and whether one is set
            "limit": 0.0 if limit is None else limit,
            "has_limit": float(limit is not None),
            "log": float(method == "forecast" and options.get("model") == "log"),
            # Open SDG's base year when the goal file declares no baseline
            "base_year": float(DEFAULT_BASE_YEAR if base_year is None else base_year.year),
            # the forecast's fitting window in years (none: every point from the baseline on)
            "fit_window": (_settings(options)[2] if method == "forecast" else None) or 0.0,
        }
    return out


def _years(lf: Any, framework: Framework) -> dict[str, int | None]:
    """Each distinct period, read once: its year when it is a calendar year, else None."""
    from goalframe._periods import DEFAULT_YEAR_START, with_year_start

    distinct = lf.select("_period").unique().collect()["_period"].to_list()
    start = framework.spec.year_start or DEFAULT_YEAR_START
    out: dict[str, int | None] = {}
    bad: list[str] = []
    for text in distinct:
        if text is None:
            bad.append("(blank)")
            continue
        try:
            period = Period.parse(_integral(text))
        except Exception:  # noqa: BLE001 - every unreadable period is listed below
            bad.append(text)
            continue
        if period.frequency is Frequency.FISCAL_YEAR:
            period = with_year_start(period, start)
        out[text] = period.year if period.frequency is Frequency.YEAR else None
    if bad:
        shown = ", ".join(repr(b) for b in sorted(bad)[:5])
        msg = (
            f"the data frame has {len(bad)} period value(s) goalframe cannot read: {shown}; "
            "write years (2020), quarters (2020Q1), months (2020-01), dates or financial years"
        )
        raise DataError(msg)
    return out


def _year_of(known: Mapping[str, int], *, yearly: bool) -> Any:
    """Each row's year, from its period's text; null for a period that is not a year.

    With such periods the years are floats (exact), as Dask's integer columns (numpy's) have
    no null, and Dask cannot fill a missing mapping with one: the mapping gets a stand-in
    year, replaced by a typed null.
    """
    import narwhals as nw

    if yearly and all(text == str(year) for text, year in known.items()):
        return nw.col("_period").cast(nw.Int64)  # the text is the year: read, not looked up
    if yearly:
        return _constant(known, nw.Int64, column="_period")
    if not known:
        return _null()
    found = _constant(known, nw.Float64, default=0.0, column="_period")
    return nw.when(nw.col("_period").is_in(list(known))).then(found).otherwise(_null())


def _integral(text: str) -> str:
    """``2020.0`` (a year read as a float) as ``2020``."""
    if text.endswith(".0") and text[:-2].lstrip("-").isdigit():
        return text[:-2]
    return text


def _convert(lf: Any, framework: Framework) -> Any:
    """Values in the indicator's unit: one affine map per (indicator, unit) pair, joined in."""
    import narwhals as nw

    from goalframe.errors import UnitError
    from goalframe.units import conversion

    pairs = lf.select("indicator", "_unit").unique().collect().rows()
    scale: dict[str, float] = {}
    shift: dict[str, float] = {}
    for indicator_id, unit in pairs:
        key = f"{indicator_id}\x1f{unit}"
        indicator = framework._indicators.get(indicator_id)
        if indicator is None or indicator.unit is None or not unit:
            continue
        try:
            convert = conversion(unit, indicator.unit)
        except UnitError as exc:
            from goalframe._evaluate import unit_mismatch

            rows = "the data frame has rows"
            raise unit_mismatch(indicator, unit, exc, rows=rows) from None
        zero = convert(0.0)
        scale[key], shift[key] = convert(1.0) - zero, zero
    if all(scale[key] == 1 and shift[key] == 0 for key in scale):
        # Every unit is its indicator's own (the usual case): no arithmetic, no key per row.
        measured = [i.id for i in framework.indicators if i.unit is not None]
        return lf.with_columns(_unit_ok=(nw.col("_unit") != "") & _among(measured))
    lf = lf.with_columns(_key=nw.concat_str([nw.col("indicator"), nw.lit("\x1f"), nw.col("_unit")]))
    a = _constant(scale, nw.Float64, column="_key")
    b = _constant(shift, nw.Float64, column="_key")
    return lf.with_columns(_value=nw.col("_value") * a + b, _unit_ok=~a.is_null())


def _among(ids: list[str]) -> Any:
    """Whether a row's indicator is one of ``ids`` (pyarrow refuses ``is_in`` of an empty list)."""
    import narwhals as nw

    return nw.col("indicator").is_in(ids) if ids else nw.lit(value=False)


def _constant(
    values: Mapping[str, Any],
    dtype: Any,
    default: Any = None,
    *,
    column: str = "indicator",
    among: Collection[str] = (),
) -> Any:
    """A per-indicator constant as an expression (the indicator's value, else ``default``).

    ``among``: the keys every row has, when the caller knows them (a form's rows are those of
    its indicators). One value for every key then needs no lookup of each row's key (a
    deadline every indicator shares: measured, ``replace_strict`` took a third of the grouped
    pass's time on 2.5 M rows).
    """
    import narwhals as nw

    if not values:
        return nw.lit(default, dtype=dtype)
    distinct = set(values.values())
    if len(distinct) == 1:
        (only,) = distinct
        literal = nw.lit(only, dtype=dtype)
        if (type(only) is type(default) and only == default) or (
            among and set(among) <= values.keys()
        ):
            return literal
        if default is not None:  # (a typed null literal is not an integer column on pandas)
            return (
                nw.when(nw.col(column).is_in(list(values)))
                .then(literal)
                .otherwise(nw.lit(default, dtype=dtype))
            )
    return nw.col(column).replace_strict(dict(values), default=default, return_dtype=dtype)


def _roles(lf: Any, framework: Framework, bcols: list[str]) -> Any:
    """Each row's role: ``headline``, ``group``, ``other`` or ``unknown``.

    ``headline`` rows are those ``select`` chooses, ``group`` rows a ``by`` series; ``other``
    is a breakdown the indicator does not assess, ``unknown`` an indicator not in the file.
    """
    import narwhals as nw

    headline = nw.lit(value=True)
    group = nw.lit(value=True)
    for c in bcols:
        chosen = {i.id: dict(i.select).get(c, "") for i in framework.indicators}
        by = {i.id: c in i.by for i in framework.indicators}
        sel = _constant(chosen, nw.String, "")
        grouped = _constant(by, nw.Boolean, default=False)
        headline = headline & (nw.col(c) == sel)
        group = group & ((grouped & (nw.col(c) != "")) | (~grouped & (nw.col(c) == sel)))
    any_by = _constant({i.id: bool(i.by) for i in framework.indicators}, nw.Boolean, False)
    role = (
        nw.when(headline)
        .then(nw.lit("headline"))
        .otherwise(nw.when(group & any_by).then(nw.lit("group")).otherwise(nw.lit("other")))
    )
    known = _among([i.id for i in framework.indicators])
    return lf.with_columns(_role=nw.when(known).then(role).otherwise(nw.lit("unknown")))


def _columnar(
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
    settings = _option_values(indicators, ids)
    keys = ["indicator", "_role", *bcols]
    cut_year = _last_year_before(cutoff)
    goal = {i.id: i.goal for i in indicators}
    assert all(g is not None for g in goal.values())

    def k(values: Mapping[str, Any], dtype: Any) -> Any:
        return _constant(values, dtype, among=ids)

    # The base year the method looks its base up in: the declared baseline's, else Open
    # SDG's base year; -1 (no year) for the methods that start from the first figure.
    base_years = {i: _base_year_of(g, ids[i], settings[i]) for i, g in goal.items()}  # type: ignore[arg-type]
    b_year = k(base_years, nw.Int64)
    d_year = k({i: g.deadline.year for i, g in goal.items()}, nw.Int64)  # type: ignore[union-attr]
    declared = {i: g.baseline is not None for i, g in goal.items()}  # type: ignore[union-attr]
    from_data = not all(declared.values())
    closed_map = {i: g.deadline.ended_by(cutoff) for i, g in goal.items()}  # type: ignore[union-attr]
    closed = k(closed_map, nw.Boolean)

    flags = _flag_table(lf)
    odd_possible = any(flags[1].values()) or not plain
    rows = lf.filter(_among(sorted(ids)) & nw.col("_role").is_in(["headline", "group"]))
    rows = rows.with_columns(
        _flagged=_constant(flags[0], nw.Boolean, default=False, column="_flag"),
        _break=_constant(flags[1], nw.Boolean, default=False, column="_flag"),
    )
    aside = _aside_counts(lf, set(ids), cutoff)
    usable = rows.filter(~nw.col("_value").is_null() & nw.col("_unit_ok"))
    usable = usable.filter(nw.col("_year").is_null() | (nw.col("_year") <= cut_year))
    # Row-level columns first, then plain aggregations (every backend groups those alike).
    year, value = nw.col("_year"), nw.col("_value")
    usable = usable.with_columns(_by=b_year, _dy=d_year, _cl=closed, _jb=k(declared, nw.Boolean))
    by, dy = nw.col("_by"), nw.col("_dy")
    # Typed explicitly: a when/then with a null branch is an object column on Dask (years
    # with nulls as floats: exact, and numpy's integers have no null).
    usable = usable.with_columns(
        _ay=nw.when(nw.col("_cl") & (year > dy)).then(_null()).otherwise(year).cast(nw.Float64),
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
        _own_v=nw.when(look == by).then(value).otherwise(_null()).cast(nw.Float64),
        _dl_v=nw.when(year == dy).then(value).otherwise(_null()).cast(nw.Float64),
        _fl=nw.when(counted).then(nw.col("_flagged").cast(nw.Int64)).otherwise(0),
        _ir=nw.when(counted).then(1).otherwise(0),
        _pv=nw.when(look < by).then(look).otherwise(_null()).cast(nw.Float64),
        _nx=nw.when(look > by).then(look).otherwise(_null()).cast(nw.Float64),
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
            _ev=nw.when(point).then(value).otherwise(_null()).cast(nw.Float64),
            _ea=nw.when(point & (year > by)).then(year).otherwise(_null()).cast(nw.Float64),
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
            _fx=nw.when(point).then(year - by).otherwise(_null()).cast(nw.Float64),
            _fy=nw.when(point)
            .then(nw.when(log).then(logged).otherwise(value))
            .otherwise(_null())
            .cast(nw.Float64),
            _fv=nw.when(point).then(value).otherwise(_null()).cast(nw.Float64),
        )
        usable = usable.with_columns(_fa=nw.col("_fy").abs())
    if forecast and not windowed:
        fit |= _fit_sums()
    if from_data:  # the first figure: the judge's start, and the base of a method from it
        fit |= {"_first": year.min(), "_a_first": nw.col("_ay").min()}
    first = _first_pass(
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
        joined = _centred(joined)
        centred = _centred_sums()
    joined = joined.with_columns(
        _lv=nw.when(year == nw.col("_a_last")).then(value).otherwise(_null()).cast(nw.Float64),
        _tv=nw.when(year == nw.col("_last")).then(value).otherwise(_null()).cast(nw.Float64),
        _bv=nw.when(year == nw.col("_prev")).then(value).otherwise(_null()).cast(nw.Float64),
        _av=nw.when(year == nw.col("_next")).then(value).otherwise(_null()).cast(nw.Float64),
        _sv=(
            nw.when(year == nw.col("_a_first")).then(value).otherwise(_null())
            if from_data
            else _null()
        ).cast(nw.Float64),
    )
    eurostat = "eurostat" in ids.values()
    # Eurostat's window: the first assessed year at or after the latest minus five (or the
    # window the indicator's options give).
    years_back = k({i: v["window"] for i, v in settings.items()}, nw.Float64)
    window = nw.when(nw.col("_ay") >= nw.col("_a_last") - years_back).then(nw.col("_ay"))
    joined = joined.with_columns(
        _wv=(window.otherwise(_null()) if eurostat else _null()).cast(nw.Float64)
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
        series = series.with_columns(_first=_null(), _a_first=_null())
    if windowed:
        fit_window = k({i: v["fit_window"] for i, v in settings.items()}, nw.Float64)
        series = series.join(_windowed_fit(usable, first, keys, fit_window), on=keys, how="inner")
    elif forecast:  # the residuals about the fitted line: one more pass, only when used
        products = second.select(*keys, "_f_sxx", "_f_sxy")
        series = series.join(_residual_sum(joined, products, keys), on=keys, how="inner")
    if eurostat:  # the window's first value: one more pass, only when a series needs it
        starts = usable.select(*keys, "_year", "_value").join(
            second.select(*keys, "_ws"), on=keys, how="inner"
        )
        # A row-level column, then a plain aggregation (as above: every backend agrees).
        starts = starts.with_columns(
            _yv=nw.when(year == nw.col("_ws")).then(value).otherwise(_null()).cast(nw.Float64)
        )
        third = starts.group_by(keys).agg(_ys=nw.col("_yv").max())
        series = series.join(third, on=keys, how="inner")
    else:
        series = series.with_columns(_ys=_null())
    if escap:  # ESCAP's weighted growth: each year's step from the year before, one more pass
        steps = _escap_steps(usable, point, keys, goal, first if from_data else None)
        series = series.join(steps, on=keys, how="left")
    absent = _absent_by(lf, indicators, bcols)
    series = series.with_columns(
        _absent=_constant(dict.fromkeys(absent, True), nw.Boolean, default=False)
    )
    # A series with a non-yearly period or a break goes to the reference path; whether any
    # can exist is known from the distinct periods and flags (usually none can).
    clean = _clean()
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
        clean = clean & ((_constant(ids, nw.String) != "escap") | whole)
        odd_possible = True
    if odd_possible:
        # Whether any series needs the reference path: a look at the first grouped pass
        # alone, so that the whole plan is not run a second time only to find none.
        odd_possible = _any_row(first.filter(~clean))
    results = _verdicts(
        series.filter(clean), goal, closed_map, bcols, ids, periods=periods, settings=settings
    )
    if odd_possible:
        odd = series.filter(~clean).select(keys)
        odd_rows = usable.join(odd, on=keys, how="inner")
        extra, extra_aside = _reference_rows(
            odd_rows, framework, bcols, cutoff, method, absent=absent, progress=progress
        )
        results = nw.concat([results, extra], how="vertical")
        aside = nw.concat([aside, extra_aside], how="vertical")
    return results, aside


def _base_year_of(goal: Goal, method: str, settings: Mapping[str, float]) -> int:
    """The year a path form looks its base up in (`_columnar`): -1 when it is the first figure.

    The declared baseline's; without one, Open SDG's base year, UNSD's 2015, else -1.
    """
    if goal.baseline is not None:
        return goal.baseline.period.year
    if method == "open-sdg":
        return int(settings["base_year"])
    if method == "unsd":
        from goalframe.progress.unsd import DEFAULT_BASE_YEAR

        return DEFAULT_BASE_YEAR
    return -1


#: The range and binary methods' branches (`goalframe.progress.targets`), and the judge's once
#: the deadline is over: status and label.
_LEVELS = {
    "na": ("not_assessable", "not_assessable"),
    "in": ("achieved", "in_range"),
    "out": ("insufficient_progress", "outside_range"),
    "closer": ("needs_acceleration", "outside_range_approaching"),
    "away": ("moving_away", "outside_range_departing"),
    "done": ("achieved", "done"),
    "not_done": ("insufficient_progress", "not_done"),
    "unknown": ("outcome_unknown", "outcome_unknown"),
    "met": ("achieved", "met_at_deadline"),
    "missed": ("missed", "missed"),
    "missed_same": ("missed", "missed, no change"),
    "missed_towards": ("missed", "missed, moved towards the target"),
    "missed_away": ("missed", "missed, moved away"),
}


def _levels(
    lf: Any,
    framework: Framework,
    ids: Mapping[str, str],
    bcols: list[str],
    cutoff: Period,
    *,
    plain: bool,
    method: str | None,
    progress: bool | None = None,
) -> tuple[Any, Any]:
    """The verdicts of range and binary targets (``ids``: their methods), by expressions.

    As `goalframe.progress.targets` and the judge give them: the range method's latest value
    inside ``[low, high]`` or closer than the one before, the binary method's latest 1 or 0;
    once the deadline is over, the figure for the deadline (`goalframe._judge._final`).
    Three grouped passes: counts and years, the values at those years, and the value before
    the latest (ranges only).
    """
    import narwhals as nw

    indicators = [i for i in framework.indicators if i.id in ids]
    goal = {i.id: i.goal for i in indicators if i.goal is not None}
    keys = ["indicator", "_role", *bcols]
    dated = {i: g.deadline for i, g in goal.items() if g.deadline is not None}

    def k(values: Mapping[str, Any], dtype: Any, default: Any = None) -> Any:
        return _constant(values, dtype, default, among=ids)

    constants = {
        # No deadline: a year no series reaches, so that nothing is cut or decided by it.
        "_dy": k({i: d.year for i, d in dated.items()}, nw.Int64, 10_000),
        "_cl": k({i: d.ended_by(cutoff) for i, d in dated.items()}, nw.Boolean, False),
        "_lo": k({i: g.low for i, g in goal.items() if g.low is not None}, nw.Float64, 0.0),
        "_hi": k({i: g.high for i, g in goal.items() if g.high is not None}, nw.Float64, 1.0),
        "_tol": k({i: g.tolerance for i, g in goal.items()}, nw.Float64, 0.0),
        "_inc": k({i: g.direction is Direction.INCREASE for i, g in goal.items()}, nw.Boolean),
        "_bin": k({i: m == "binary" for i, m in ids.items()}, nw.Boolean, False),
    }
    usable, aside, odd_possible = _form_rows(lf, ids, cutoff, constants, plain=plain)
    year, value = nw.col("_year"), nw.col("_value")
    lo, hi, tol = nw.col("_lo"), nw.col("_hi"), nw.col("_tol")

    def inside(v: Any) -> Any:
        return (v >= lo - tol) & (v <= hi + tol)

    read = ~nw.col("_ay").is_null()
    usable = usable.with_columns(
        _in=nw.when(read & inside(value)).then(1).otherwise(0),
        _nb=nw.when(read & (value != 0) & (value != 1)).then(1).otherwise(0),
        _dl_v=nw.when(year == nw.col("_dy")).then(value).otherwise(_null()).cast(nw.Float64),
    )
    first = _first_pass(
        usable,
        keys,
        **_series_counts(),
        _in_n=nw.col("_in").sum(),
        _nb_n=nw.col("_nb").sum(),
        _flagged_any=nw.col("_fl").max(),
        _at_deadline=nw.col("_dl_v").max(),
    )
    joined = usable.select(*keys, "_year", "_value", "_ay").join(first, on=keys, how="inner")
    joined = joined.with_columns(
        _lv=nw.when(year == nw.col("_a_last")).then(value).otherwise(_null()).cast(nw.Float64),
        _tv=nw.when(year == nw.col("_last")).then(value).otherwise(_null()).cast(nw.Float64),
        _sv=nw.when(year == nw.col("_a_first")).then(value).otherwise(_null()).cast(nw.Float64),
        _pv=nw.when(~nw.col("_ay").is_null() & (nw.col("_ay") < nw.col("_a_last")))
        .then(nw.col("_ay"))
        .otherwise(_null())
        .cast(nw.Float64),
    )
    second = joined.group_by(keys).agg(
        _latest=nw.col("_lv").max(),
        _last_value=nw.col("_tv").max(),
        _start=nw.col("_sv").max(),
        _prev=nw.col("_pv").max(),
    )
    series = first.join(second, on=keys, how="inner")
    if "range" in ids.values():  # the value before the latest: one more pass
        before = usable.select(*keys, "_year", "_value").join(
            second.select(*keys, "_prev"), on=keys, how="inner"
        )
        before = before.with_columns(
            _qv=nw.when(year == nw.col("_prev")).then(value).otherwise(_null()).cast(nw.Float64)
        )
        third = before.group_by(keys).agg(_previous=nw.col("_qv").max())
        series = series.join(third, on=keys, how="inner")
    else:
        series = series.with_columns(_previous=_null())
    return _with_odd_series(
        lf, series, first, usable, aside, odd_possible,
        lambda clean: _level_verdicts(clean, goal, bcols, ids, constants),
        framework, bcols, cutoff, method, indicators, progress,
    )  # fmt: skip


def _untargeted(
    lf: Any,
    framework: Framework,
    ids: Mapping[str, str],
    bcols: list[str],
    cutoff: Period,
    *,
    plain: bool,
    method: str | None,
    progress: bool | None = None,
) -> tuple[Any, Any]:
    """The verdicts of indicators without a target (``ids``: the method each would use).

    As `goalframe._evaluate` gives them: `not_assessable` whatever the method, with the latest
    figure and the number of figures read. Two grouped passes: the latest year, then its
    value. A break does not matter here; a period that is not a year goes to the reference
    path (which orders quarters and months).
    """
    import narwhals as nw

    indicators = [i for i in framework.indicators if i.id in ids]
    keys = ["indicator", "_role", *bcols]
    constants = {"_dy": nw.lit(10_000, dtype=nw.Int64), "_cl": nw.lit(value=False)}
    usable, aside, _ = _form_rows(lf, ids, cutoff, constants, plain=plain)
    year = nw.col("_year")
    usable = usable.with_columns(_odd_row=year.is_null().cast(nw.Int64))
    first = _first_pass(usable, keys, **_series_counts())
    joined = usable.select(*keys, "_year", "_value").join(first, on=keys, how="inner")
    joined = joined.with_columns(_tv=_value_where(year == nw.col("_last")))
    second = joined.group_by(keys).agg(_last_value=nw.col("_tv").max())
    series = first.join(second, on=keys, how="inner")

    def verdicts(clean: Any) -> Any:
        absent = (nw.col("_role") != "group") & nw.col("_absent")
        return _level_columns(
            clean, status=nw.lit("not_assessable"), label=nw.lit("not_assessable"),
            progress=_null(), caveats=nw.concat_str([_code(absent, "by-column-absent")]),
            decided=nw.lit(value=False), target=_null(), goal={}, bcols=bcols, methods=ids,
        )  # fmt: skip

    return _with_odd_series(
        lf, series, first, usable, aside, not plain, verdicts,
        framework, bcols, cutoff, method, indicators, progress,
    )  # fmt: skip


#: The norm method's branches (`goalframe.progress.targets.assess_norm`) and the judge's
#: (`goalframe._judge._final`, `_in_force`): status and label (the judge's labels with counts
#: are built in `_norm_verdicts`).
_NORMS = {
    "na": ("not_assessable", "not_assessable"),
    "met_all": ("achieved", "norm_met"),
    "met_gaps": ("achieved", "norm_met_with_gaps"),
    "so_far": ("on_track", "norm_met_so_far"),
    "missed_all": ("moving_away", "norm_missed"),
    "partly_acc": ("needs_acceleration", "norm_partly_met"),
    "partly_ins": ("insufficient_progress", "norm_partly_met"),
    "due_unknown": ("outcome_unknown", "norm_outcome_unknown"),
    "f_unknown": ("outcome_unknown", "outcome_unknown"),
    "f_met": ("achieved", "met_at_deadline"),
    "f_missed": ("missed", "missed"),
    "c_reached": ("achieved", "total_reached"),
    "c_on": ("on_track", "on_pace"),
    "c_behind": ("needs_acceleration", "behind_pace"),
    "c_far": ("insufficient_progress", "far_behind_pace"),
    "c_cap": ("missed", "cap_exceeded"),
    "c_within": ("on_track", "within_pace"),
    "c_above": ("needs_acceleration", "above_pace"),
}


def _last_year_ended(cutoff: Period) -> int:
    """The last calendar year that has ended by the assessment date."""
    year = cutoff.end.year
    return year if Period.parse(year).ended_by(cutoff) else year - 1


def _norms(
    lf: Any,
    framework: Framework,
    ids: Mapping[str, str],
    bcols: list[str],
    cutoff: Period,
    *,
    plain: bool,
    method: str | None,
    progress: bool | None = None,
) -> tuple[Any, Any]:
    """The verdicts of targets over a span of years, by expressions: norms and totals.

    A norm (every year of the span must reach a value), as `goalframe.progress.targets.
    assess_norm` and the judge give it: the share of the years due so far that met the
    value; before the deadline, a year due without a figure makes the outcome unknown; after
    it, every year of the span decides. A cumulative total whose span is not over, as
    `assess_cumulative`: the running total against the share of the span gone. Two grouped
    passes.
    """
    import narwhals as nw

    indicators = [i for i in framework.indicators if i.id in ids]
    goal = {i.id: i.goal for i in indicators if i.goal is not None}
    keys = ["indicator", "_role", *bcols]
    ended = _last_year_ended(cutoff)
    spans: dict[str, tuple[int, Period]] = {}
    for i, g in goal.items():
        assert g.base_period is not None  # as `_norm_form` checked
        assert g.deadline is not None
        spans[i] = (g.base_period.year, g.deadline)
    # The last year of the span that is over, for those that have one.
    due = {i: min(end.year, ended) for i, (first, end) in spans.items() if first <= ended}

    def k(values: Mapping[str, Any], dtype: Any, default: Any = None) -> Any:
        return _constant(values, dtype, default, among=ids)

    constants = {
        "_sy": k({i: first for i, (first, _) in spans.items()}, nw.Int64),
        "_dy": k({i: end.year for i, (_, end) in spans.items()}, nw.Int64),
        "_cl": k({i: end.ended_by(cutoff) for i, (_, end) in spans.items()}, nw.Boolean, False),
        "_tgt": k({i: g.target for i, g in goal.items()}, nw.Float64),
        "_tol": k({i: g.tolerance for i, g in goal.items()}, nw.Float64, 0.0),
        "_inc": k({i: g.direction is Direction.INCREASE for i, g in goal.items()}, nw.Boolean),
        "_due": k(due, nw.Int64, -1),  # -1: no year of the span is over yet
        "_cum": k({i: m == "cumulative" for i, m in ids.items()}, nw.Boolean, False),
    }
    usable, aside, odd_possible = _form_rows(lf, ids, cutoff, constants, plain=plain)
    year, value = nw.col("_year"), nw.col("_value")
    sy, dy, target, tol = nw.col("_sy"), nw.col("_dy"), nw.col("_tgt"), nw.col("_tol")
    in_span = (year >= sy) & (year <= dy)
    meets = nw.when(nw.col("_inc")).then(value >= target - tol).otherwise(value <= target + tol)
    read = ~nw.col("_ay").is_null()

    def year_if(which: Any) -> Any:
        return nw.when(which).then(year).otherwise(_null()).cast(nw.Float64)

    usable = usable.with_columns(
        _m=nw.when(read & in_span & meets).then(1).otherwise(0),
        _cv=_value_where(read & in_span),
        _cy=year_if(read & in_span),
        _x=nw.when(read & in_span & ~meets).then(1).otherwise(0),
        _sv=_value_where(year == sy),
        _dl_v=_value_where(year == dy),
        _dv=_value_where(year == nw.col("_due")),
        _fs=nw.when(year >= sy).then(nw.col("_fl")).otherwise(0),
        _ms=nw.when(in_span & (year <= ended)).then(1).otherwise(0),
        _pv=year_if(year < sy),
        _nx=year_if(year > sy),
    )
    first = _first_pass(
        usable,
        keys,
        **_series_counts(),
        _met=nw.col("_m").sum(),
        _total=nw.col("_cv").sum(),
        _c_n=nw.col("_cv").count(),
        _c_last=nw.col("_cy").max(),
        _miss=nw.col("_x").sum(),
        _start=nw.col("_sv").max(),
        _at_deadline=nw.col("_dl_v").max(),
        _due_v=nw.col("_dv").max(),
        _fl_all=nw.col("_fl").max(),
        _fl_span=nw.col("_fs").max(),
        _seen=nw.col("_ms").sum(),
        _prev=nw.col("_pv").max(),
        _next=nw.col("_nx").min(),
    )
    joined = usable.select(*keys, "_year", "_value").join(first, on=keys, how="inner")
    joined = joined.with_columns(
        _lv=_value_where(year == nw.col("_a_last")),
        _tv=_value_where(year == nw.col("_last")),
        _bv=_value_where(year == nw.col("_prev")),
        _av=_value_where(year == nw.col("_next")),
    )
    second = joined.group_by(keys).agg(
        _latest=nw.col("_lv").max(),
        _last_value=nw.col("_tv").max(),
        _before=nw.col("_bv").max(),
        _after=nw.col("_av").max(),
    )
    series = first.join(second, on=keys, how="inner")
    return _with_odd_series(
        lf, series, first, usable, aside, odd_possible,
        lambda clean: _norm_verdicts(clean, goal, bcols, ids, constants, ended),
        framework, bcols, cutoff, method, indicators, progress,
    )  # fmt: skip


def _norm_verdicts(
    series: Any,
    goal: Mapping[str, Any],
    bcols: list[str],
    methods: Mapping[str, str],
    constants: Mapping[str, Any],
    ended: int,
) -> Any:
    """The norm and cumulative methods and the judge's rules, over one row per series."""
    import narwhals as nw

    s = series.with_columns(**constants)
    sy = nw.col("_sy").cast(nw.Float64)
    dy = nw.col("_dy").cast(nw.Float64)
    met, miss = nw.col("_met"), nw.col("_miss")
    observed = met + miss
    a_last, latest, start = nw.col("_a_last"), nw.col("_latest"), nw.col("_start")
    at_deadline = nw.col("_at_deadline")
    upto = nw.when(a_last < dy).then(a_last).otherwise(dy)
    due_n = nw.when(upto >= sy).then(upto - sy + 1).otherwise(0.0)
    share = _div(met.cast(nw.Float64), observed.cast(nw.Float64))
    running = (
        nw.when((nw.col("_a_n") == 0) | (observed == 0))
        .then(nw.lit("na"))
        .when(miss == 0)
        .then(
            nw.when(a_last >= dy)
            .then(
                nw.when(due_n - observed > 0).then(nw.lit("met_gaps")).otherwise(nw.lit("met_all"))
            )
            .otherwise(nw.lit("so_far"))
        )
        .when(met == 0)
        .then(nw.lit("missed_all"))
        .when(share >= 0.75 - EPSILON)
        .then(nw.lit("partly_acc"))
        .otherwise(nw.lit("partly_ins"))
    )
    # Before the deadline, the year due last must have a figure (`_judge._in_force`).
    unknown_due = (nw.col("_due") >= 0) & nw.col("_due_v").is_null()
    running = nw.when(unknown_due).then(nw.lit("due_unknown")).otherwise(running)
    n_span = dy - sy + 1
    final = (
        nw.when(miss > 0)
        .then(nw.lit("f_missed"))
        .when(n_span - observed > 0)
        .then(nw.lit("f_unknown"))
        .otherwise(nw.lit("f_met"))
    )
    # A cumulative total (its span not over): the running total against the share of the
    # span elapsed (`goalframe.progress.targets.assess_cumulative`).
    cumulative, target, tol = nw.col("_cum"), nw.col("_tgt"), nw.col("_tol")
    total, no_total = nw.col("_total"), nw.col("_c_n") == 0
    part = (nw.col("_c_last") - sy + 1) / n_span
    made = nw.when(target == 0).then(0.0).otherwise(_div(total, target))
    reached = nw.when(nw.col("_inc")).then(total >= target - tol).otherwise(total <= target + tol)
    pace = _div(made, part)
    totals = (
        nw.when(no_total)
        .then(nw.lit("na"))
        .when(nw.col("_inc"))
        .then(
            nw.when(reached)
            .then(nw.lit("c_reached"))
            .when(pace >= 0.95 - EPSILON)
            .then(nw.lit("c_on"))
            .when(pace >= 0.6 - EPSILON)
            .then(nw.lit("c_behind"))
            .otherwise(nw.lit("c_far"))
        )
        .when(~reached)
        .then(nw.lit("c_cap"))
        .when(total <= target * part + tol)
        .then(nw.lit("c_within"))
        .otherwise(nw.lit("c_above"))
    )
    s = s.with_columns(
        _branch=nw.when(cumulative).then(totals).when(nw.col("_cl")).then(final).otherwise(running)
    )
    status, label = _status_and_label(_NORMS, "_branch")
    # Missed: how the figure moved from the span's first year to the deadline (or the latest).
    end = nw.when(~at_deadline.is_null()).then(at_deadline).otherwise(latest)
    end_year = nw.when(~at_deadline.is_null()).then(dy).otherwise(a_last)
    change = end - start
    moved = (
        nw.when(start.is_null() | end.is_null() | (sy >= end_year))
        .then(nw.lit("missed"))
        .when(change == 0)
        .then(nw.lit("missed, no change"))
        .when(nw.when(nw.col("_inc")).then(change > 0).otherwise(change < 0))
        .then(nw.lit("missed, moved towards the target"))
        .otherwise(nw.lit("missed, moved away"))
    )
    several = n_span > 1
    counted = met.cast(nw.Int64).cast(nw.String)
    of = n_span.cast(nw.Int64).cast(nw.String)
    label = (
        nw.when((nw.col("_branch") == "f_missed") & several)
        .then(nw.concat_str([moved, nw.lit(" ("), counted, nw.lit(" of "), of, nw.lit(" met)")]))
        .when(nw.col("_branch") == "f_missed")
        .then(moved)
        .when((nw.col("_branch") == "f_met") & several)
        .then(nw.concat_str([nw.lit("met ("), counted, nw.lit(" of "), of, nw.lit(")")]))
        .otherwise(label)
    )
    # The data caveats, as `_judge._data_caveats` gives them for a norm.
    n_ended = nw.when(dy < ended).then(dy).otherwise(float(ended)) - sy + 1
    missing = nw.when(n_ended > 0).then(n_ended - nw.col("_seen")).otherwise(0.0)
    flagged = nw.when(start.is_null()).then(nw.col("_fl_all")).otherwise(nw.col("_fl_span"))
    extreme = _extreme(start)

    caveats = nw.concat_str(
        [
            _code(flagged > 0, "flagged-values"),
            _code(missing > 0, "missing-periods"),
            _code(extreme, "baseline-extreme"),
            *_target_caveats(goal),
        ]
    )
    targets = _constant({i: g.target for i, g in goal.items()}, nw.Float64)
    progress = nw.when(~cumulative).then(share).when(no_total).then(_null()).otherwise(made)
    return _level_columns(
        s, status=status, label=label, progress=progress, caveats=caveats,
        decided=nw.col("_cl"), target=targets, goal=goal, bcols=bcols, methods=methods,
        expected=nw.when(cumulative & ~no_total).then(part).otherwise(_null()),
    )  # fmt: skip


def _level_columns(
    s: Any,
    *,
    status: Any,
    label: Any,
    progress: Any,
    caveats: Any,
    decided: Any,
    target: Any,
    goal: Mapping[str, Any],
    bcols: list[str],
    methods: Mapping[str, str],
    expected: Any = None,
    baseline: Any = None,
    baseline_period: Any = None,
) -> Any:
    """The results' columns (see `FrameEvaluation`) for the targets without a path.

    ``decided`` says which verdicts are final; a series with two rows for one year has no
    verdict (``duplicate_periods``), as in `_verdicts`. Without a ``baseline`` (and its
    ``baseline_period``) those columns are empty.
    """
    import narwhals as nw

    duplicated = nw.col("_years") != nw.col("_n")
    deadline = {i: str(g.deadline) for i, g in goal.items() if g.deadline is not None}
    no_number = _null()
    return s.select(
        nw.col("indicator"),
        nw.col("_role").alias("role"),
        *(nw.col(c) for c in bcols),
        _constant(methods, nw.String).alias("method"),
        nw.when(duplicated).then(nw.lit("not_assessable")).otherwise(status).alias("status"),
        nw.when(duplicated).then(nw.lit("duplicate_periods")).otherwise(label).alias("label"),
        nw.when(duplicated).then(no_number).otherwise(progress).cast(nw.Float64).alias("progress"),
        nw.when(duplicated)
        .then(no_number)
        .otherwise(no_number if expected is None else expected)
        .cast(nw.Float64)
        .alias("expected"),
        no_number.alias("score"),
        (no_number if baseline is None else baseline).cast(nw.Float64).alias("baseline"),
        (nw.lit(None, dtype=nw.String) if baseline_period is None else baseline_period).alias(
            "baseline_period"
        ),
        target.cast(nw.Float64).alias("target"),
        _constant(deadline, nw.String).alias("deadline"),
        nw.col("_last_value").cast(nw.Float64).alias("latest"),
        nw.col("_last").cast(nw.Int64).cast(nw.String).alias("latest_period"),
        (decided & ~duplicated).alias("final"),
        nw.when(duplicated)
        .then(nw.lit("duplicate-periods"))
        .otherwise(caveats.str.strip_chars(","))
        .alias("caveats"),
        nw.col("_n").cast(nw.Int64).alias("observations"),
        nw.lit("frame").alias("engine"),
    )


#: The norm method's branches for milestones and the judge's (labels with counts and
#: movements are built in `_milestone_verdicts`).
_MILESTONES = {
    "na": ("not_assessable", "not_assessable"),
    "met": ("on_track", "milestone_met"),
    "final_met": ("achieved", "target_met"),
    "missed": ("missed", "milestone_missed"),
    "unknown": ("outcome_unknown", "milestone_outcome_unknown"),
    "f_unknown": ("outcome_unknown", "outcome_unknown"),
    "f_met": ("achieved", "met_at_deadline"),
    "f_missed": ("missed", "missed"),
}

#: A year no series has: a check an indicator does not have.
_NO_YEAR = 99_999


def _milestones(
    lf: Any,
    framework: Framework,
    ids: Mapping[str, str],
    bcols: list[str],
    cutoff: Period,
    *,
    plain: bool,
    method: str | None,
    progress: bool | None = None,
) -> tuple[Any, Any]:
    """The verdicts of milestones targets, by expressions (three grouped passes).

    As the norm method reads them (`goalframe.progress.targets.assess_norm`): the milestone
    in force decides (met, missed and how the figure moved, or not known); before the last
    one, a milestone due without a figure makes the outcome unknown; after it, every
    milestone decides (`goalframe._judge._final`). Each indicator's checks (its milestones,
    and its target at its deadline) are constants ``_c<k>`` (years) and ``_v<k>`` (values).
    """
    import narwhals as nw

    indicators = [i for i in framework.indicators if i.id in ids]
    goal = {i.id: i.goal for i in indicators if i.goal is not None}
    keys = ["indicator", "_role", *bcols]
    ended = _last_year_ended(cutoff)
    checks: dict[str, list[tuple[int, float]]] = {}
    for i, g in goal.items():
        found = [(m.period.year, m.value) for m in g.milestones]
        if g.target is not None and g.deadline is not None:
            found.append((g.deadline.year, g.target))
        checks[i] = sorted(found)
    most = max(len(c) for c in checks.values())
    based = {i: g.baseline for i, g in goal.items() if g.baseline is not None}

    def k(values: Mapping[str, Any], dtype: Any, default: Any = None) -> Any:
        return _constant(values, dtype, default, among=ids)

    constants: dict[str, Any] = {
        "_dy": k({i: c[-1][0] for i, c in checks.items()}, nw.Int64),
        "_cl": k(
            {i: Period.parse(c[-1][0]).ended_by(cutoff) for i, c in checks.items()},
            nw.Boolean,
            False,
        ),
        "_tol": k({i: g.tolerance for i, g in goal.items()}, nw.Float64, 0.0),
        "_inc": k({i: g.direction is Direction.INCREASE for i, g in goal.items()}, nw.Boolean),
        "_nck": k({i: len(c) for i, c in checks.items()}, nw.Int64),
        # The last check that is over, and how many are (none yet: a year no row has).
        "_due": k(
            {i: max(y for y, _ in c if y <= ended) for i, c in checks.items() if c[0][0] <= ended},
            nw.Int64,
            -1,
        ),
        "_ndue": k({i: sum(y <= ended for y, _ in c) for i, c in checks.items()}, nw.Int64, 0),
        # A declared baseline: its year and value (each group's own figure replaces the value).
        "_hb": k(dict.fromkeys(based, True), nw.Boolean, False),
        "_bly": k({i: b.period.year for i, b in based.items()}, nw.Int64, _NO_YEAR),
        "_blv": k({i: b.value for i, b in based.items()}, nw.Float64),
    }
    for n in range(most):
        years = {i: c[n][0] for i, c in checks.items() if n < len(c)}
        constants[f"_c{n}"] = k(years, nw.Int64, _NO_YEAR)
        constants[f"_v{n}"] = k({i: c[n][1] for i, c in checks.items() if n < len(c)}, nw.Float64)
    usable, aside, odd_possible = _form_rows(lf, ids, cutoff, constants, plain=plain)
    year, value, tol = nw.col("_year"), nw.col("_value"), nw.col("_tol")

    def meets(v: Any, threshold: Any) -> Any:
        return nw.when(nw.col("_inc")).then(v >= threshold - tol).otherwise(v <= threshold + tol)

    in_force: Any = _null()  # the value the row's year must reach, where it is a check
    for n in reversed(range(most)):
        in_force = nw.when(year == nw.col(f"_c{n}")).then(nw.col(f"_v{n}")).otherwise(in_force)
    usable = usable.with_columns(_mv=in_force.cast(nw.Float64))
    read, check = ~nw.col("_ay").is_null(), ~nw.col("_mv").is_null()
    usable = usable.with_columns(
        _m=nw.when(read & check & meets(value, nw.col("_mv"))).then(1).otherwise(0),
        _x=nw.when(read & check & ~meets(value, nw.col("_mv"))).then(1).otherwise(0),
        _mc=nw.when(check & (year <= ended)).then(1).otherwise(0),
        _dv=_value_where(year == nw.col("_due")),
        _fv=_value_where(year == nw.col("_dy")),
        # The baseline year's own figure, the flags from it on, the years either side of it.
        _ov=_value_where(year == nw.col("_bly")),
        _fb=nw.when(year >= nw.col("_bly")).then(nw.col("_fl")).otherwise(0),
        _pb=nw.when(year < nw.col("_bly")).then(year).otherwise(_null()).cast(nw.Float64),
        _nb=nw.when(year > nw.col("_bly")).then(year).otherwise(_null()).cast(nw.Float64),
    )
    first = _first_pass(
        usable,
        keys,
        **_series_counts(),
        _met=nw.col("_m").sum(),
        _miss=nw.col("_x").sum(),
        _seen=nw.col("_mc").sum(),
        _due_v=nw.col("_dv").max(),
        _at_final=nw.col("_fv").max(),
        _fl_all=nw.col("_fl").max(),
        _own=nw.col("_ov").max(),
        _fl_base=nw.col("_fb").max(),
        _prev=nw.col("_pb").max(),
        _next=nw.col("_nb").min(),
    )
    # The milestone in force: the last check at or before the latest figure the method read.
    last_due: Any = _null()
    for n in range(most):
        check_year = constants[f"_c{n}"].cast(nw.Float64)  # the aggregate has no constants
        last_due = nw.when(check_year <= nw.col("_a_last")).then(check_year).otherwise(last_due)
    first = first.with_columns(_ld=last_due.cast(nw.Float64))
    joined = usable.select(*keys, "_year", "_value", "_ay").join(first, on=keys, how="inner")
    joined = joined.with_columns(
        _lv=_value_where(year == nw.col("_a_last")),
        _tv=_value_where(year == nw.col("_last")),
        _sv=_value_where(year == nw.col("_a_first")),
        _ldv=_value_where(year == nw.col("_ld")),
        _pd=nw.when(~nw.col("_ay").is_null() & (nw.col("_ay") < nw.col("_ld")))
        .then(nw.col("_ay"))
        .otherwise(_null())
        .cast(nw.Float64),
        _bv=_value_where(year == nw.col("_prev")),
        _av=_value_where(year == nw.col("_next")),
    )
    second = joined.group_by(keys).agg(
        _latest=nw.col("_lv").max(),
        _last_value=nw.col("_tv").max(),
        _start=nw.col("_sv").max(),
        _in_force_value=nw.col("_ldv").max(),
        _before_due=nw.col("_pd").max(),
        _before=nw.col("_bv").max(),
        _after=nw.col("_av").max(),
    )
    # The figure before the milestone in force (how it moved): one more pass.
    before = usable.select(*keys, "_year", "_value").join(
        second.select(*keys, "_before_due"), on=keys, how="inner"
    )
    before = before.with_columns(_qv=_value_where(year == nw.col("_before_due")))
    third = before.group_by(keys).agg(_before_due_value=nw.col("_qv").max())
    series = first.join(second, on=keys, how="inner").join(third, on=keys, how="inner")
    return _with_odd_series(
        lf, series, first, usable, aside, odd_possible,
        lambda clean: _milestone_verdicts(clean, goal, bcols, ids, constants, most),
        framework, bcols, cutoff, method, indicators, progress,
    )  # fmt: skip


def _milestone_verdicts(
    series: Any,
    goal: Mapping[str, Any],
    bcols: list[str],
    methods: Mapping[str, str],
    constants: Mapping[str, Any],
    most: int,
) -> Any:
    """The norm method on milestones and the judge's rules, over one row per series."""
    import narwhals as nw

    s = series.with_columns(**constants)
    tol, inc = nw.col("_tol"), nw.col("_inc")
    met, miss = nw.col("_met"), nw.col("_miss")
    observed = met + miss
    value, in_force = nw.col("_in_force_value"), _null()
    for n in range(most):
        reached = nw.col(f"_c{n}").cast(nw.Float64) <= nw.col("_a_last")
        in_force = nw.when(reached).then(nw.col(f"_v{n}")).otherwise(in_force)
    meets_in_force = nw.when(inc).then(value >= in_force - tol).otherwise(value <= in_force + tol)
    running = (
        nw.when((nw.col("_a_n") == 0) | (observed == 0))
        .then(nw.lit("na"))
        .when(~value.is_null() & meets_in_force)
        .then(
            nw.when(nw.col("_a_last") >= nw.col("_dy").cast(nw.Float64))
            .then(nw.lit("final_met"))
            .otherwise(nw.lit("met"))
        )
        .when(~value.is_null())
        .then(nw.lit("missed"))
        .otherwise(nw.lit("unknown"))
    )
    # Before the last milestone, the one due last must have a figure (`_judge._in_force`).
    unknown_due = (nw.col("_due") >= 0) & nw.col("_due_v").is_null()
    running = nw.when(unknown_due).then(nw.lit("unknown")).otherwise(running)
    n_checks = nw.col("_nck")
    final = (
        nw.when(miss > 0)
        .then(nw.lit("f_missed"))
        .when(n_checks - observed > 0)
        .then(nw.lit("f_unknown"))
        .otherwise(nw.lit("f_met"))
    )
    s = s.with_columns(_branch=nw.when(nw.col("_cl")).then(final).otherwise(running))
    status, label = _status_and_label(_MILESTONES, "_branch")
    # A declared baseline: the headline's as written, a group's its own figure for that year
    # (a group without one is not assessable, as `goalframe._evaluate._group` says).
    based, group, own = nw.col("_hb"), nw.col("_role") == "group", nw.col("_own")
    base_value = nw.when(group).then(own).otherwise(nw.col("_blv"))
    no_own = based & group & own.is_null()
    # How the milestone in force was missed: its figure against the one before (else the
    # baseline), as `targets._movement` says it.
    earlier = nw.col("_before_due_value")
    earlier = nw.when(earlier.is_null() & based).then(base_value).otherwise(earlier)
    movement = (
        nw.when(earlier.is_null() | (value == earlier))
        .then(nw.lit("no change seen"))
        .when(nw.when(inc).then(value > earlier).otherwise(value < earlier))
        .then(nw.lit("moved towards it"))
        .otherwise(nw.lit("moved away"))
    )
    # Missed after the last milestone: from the start (the baseline, else the first figure
    # read) to the figure for the last period (else the latest), as `_missed_label`.
    start = nw.when(based).then(base_value).otherwise(nw.col("_start"))
    start_year = nw.when(based).then(nw.col("_bly").cast(nw.Float64)).otherwise(nw.col("_a_first"))
    at_final = nw.col("_at_final")
    end = nw.when(~at_final.is_null()).then(at_final).otherwise(nw.col("_latest"))
    end_year = (
        nw.when(~at_final.is_null())
        .then(nw.col("_dy").cast(nw.Float64))
        .otherwise(nw.col("_a_last"))
    )
    change = end - start
    moved = (
        nw.when(start.is_null() | end.is_null() | (start_year >= end_year))
        .then(nw.lit("missed"))
        .when(change == 0)
        .then(nw.lit("missed, no change"))
        .when(nw.when(inc).then(change > 0).otherwise(change < 0))
        .then(nw.lit("missed, moved towards the target"))
        .otherwise(nw.lit("missed, moved away"))
    )
    several = n_checks > 1
    counted = met.cast(nw.Int64).cast(nw.String)
    of = n_checks.cast(nw.String)
    branch = nw.col("_branch")
    label = (
        nw.when(branch == "missed")
        .then(nw.concat_str([nw.lit("milestone_missed, "), movement]))
        .when((branch == "f_missed") & several)
        .then(nw.concat_str([moved, nw.lit(" ("), counted, nw.lit(" of "), of, nw.lit(" met)")]))
        .when(branch == "f_missed")
        .then(moved)
        .when((branch == "f_met") & several)
        .then(nw.concat_str([nw.lit("met ("), counted, nw.lit(" of "), of, nw.lit(")")]))
        .otherwise(label)
    )
    # The data caveats, as `_judge._data_caveats` gives them for milestones: flags from the
    # baseline on (every flag without one), a headline's baseline that its own figure
    # contradicts, a baseline year that is a peak or a trough of the series.
    missing = nw.col("_ndue") - nw.col("_seen")
    flagged = nw.when(based).then(nw.col("_fl_base")).otherwise(nw.col("_fl_all"))
    mismatch = based & ~group & _mismatch(own, nw.col("_blv"))
    extreme = based & _extreme(own)
    caveats = nw.concat_str(
        [
            _code(flagged > 0, "flagged-values"),
            _code(missing > 0, "missing-periods"),
            _code(mismatch, "baseline-mismatch"),
            _code(extreme, "baseline-extreme"),
            *_target_caveats(goal),
        ]
    )
    targets = _constant({i: g.target for i, g in goal.items() if g.target is not None}, nw.Float64)
    share = _div(met.cast(nw.Float64), observed.cast(nw.Float64))
    na = nw.lit("not_assessable")
    return _level_columns(
        s,
        status=nw.when(no_own).then(na).otherwise(status),
        label=nw.when(no_own).then(na).otherwise(label),
        progress=nw.when(no_own).then(_null()).otherwise(share),
        caveats=nw.when(no_own).then(nw.lit("")).otherwise(caveats),
        decided=nw.col("_cl") & ~no_own,
        target=targets, goal=goal, bcols=bcols, methods=methods,
        baseline=nw.when(based & ~no_own).then(base_value).otherwise(_null()),
        baseline_period=nw.when(based & ~no_own).then(nw.col("_bly").cast(nw.String)),
    )  # fmt: skip


def _mismatch(observed: Any, declared: Any) -> Any:
    """``baseline-mismatch``: the series' own baseline figure is not the declared one.

    As `goalframe._judge._data_caveats`: they differ by more than the tolerance.
    """
    import narwhals as nw

    size = nw.when(declared.abs() > 1).then(declared.abs()).otherwise(1.0)
    slack = nw.col("_tol") + EPSILON * size
    return ~observed.is_null() & ((observed - declared).abs() > slack)


def _extreme(here: Any) -> Any:
    """``baseline-extreme``: the baseline's figure ``here`` is a peak or a trough.

    As `goalframe._judge._extreme`: against the figures before and after it (``_before``,
    ``_after``).
    """
    import narwhals as nw

    before, after = nw.col("_before"), nw.col("_after")
    peak = (here > before) & (here > after)
    trough = (here < before) & (here < after)
    return ~here.is_null() & ~before.is_null() & ~after.is_null() & (peak | trough)


def _code(condition: Any, name: str) -> Any:
    """A caveat code and a comma where ``condition`` holds, else nothing (see `_verdicts`)."""
    import narwhals as nw

    return nw.when(condition).then(nw.lit(name + ",")).otherwise(nw.lit(""))


def _target_caveats(goal: Mapping[str, Any]) -> list[Any]:
    """The caveats every form adds from the goal file: its provenance, a ``by`` column absent."""
    import narwhals as nw

    provenance = _constant({i: g.provenance or "" for i, g in goal.items()}, nw.String, "")
    return [
        _code(provenance == "illustrative", "illustrative-target"),
        _code(provenance == "proposed", "proposed-target"),
        _code((nw.col("_role") != "group") & nw.col("_absent"), "by-column-absent"),
    ]


def _series_counts() -> dict[str, Any]:
    """The first pass's counts of a series: rows, years, odd rows and the years it spans.

    ``_first`` and ``_last`` span every row; ``_a_n``, ``_a_first`` and ``_a_last`` the rows
    the method reads (``_ay``).
    """
    import narwhals as nw

    year = nw.col("_year")
    return {
        "_n": nw.len(),
        "_years": year.n_unique(),
        "_odd": nw.col("_odd_row").sum(),
        "_releases": nw.col("_vr").sum(),
        "_first": year.min(),
        "_last": year.max(),
        "_a_n": nw.col("_ay").count(),
        "_a_first": nw.col("_ay").min(),
        "_a_last": nw.col("_ay").max(),
    }


def _first_pass(usable: Any, keys: list[str], **aggregations: Any) -> Any:
    """A form's first grouped pass over its rows: ``aggregations`` per series.

    Dask counts distinct values per partition and adds them up, so a year with two rows in
    different partitions counted twice in ``_years`` (found with revised figures): there the
    distinct years come from one more pass over the distinct (series, year) pairs.
    """
    import narwhals as nw

    first = usable.group_by(keys).agg(**aggregations)
    if "_years" not in aggregations or usable.implementation is not nw.Implementation.DASK:
        return first
    years = usable.select(*keys, "_year").unique().group_by(keys).agg(_years=nw.len())
    return first.drop("_years").join(years, on=keys, how="inner")


def _any_row(lf: Any) -> bool:
    """Whether a lazy frame has a row: counted, since Dask's ``head`` reads one partition."""
    import narwhals as nw

    return bool(lf.select(nw.len()).collect().item() > 0)


def _clean() -> Any:
    """Whether a series (a first pass's row) is one the frame forms read.

    Not with a period that is not a year or a break (``_odd``), nor with two figures for one
    year when rows name their release: the reference path keeps the latest release, sets
    the earlier ones aside and flags the figure revised.
    """
    import narwhals as nw

    revised = (nw.col("_releases") > 0) & (nw.col("_years") != nw.col("_n"))
    return (nw.col("_odd") == 0) & ~revised


def _value_where(condition: Any) -> Any:
    """The row's value where ``condition`` holds, else null (to aggregate by ``max``)."""
    import narwhals as nw

    return nw.when(condition).then(nw.col("_value")).otherwise(_null()).cast(nw.Float64)


def _form_rows(
    lf: Any, ids: Mapping[str, str], cutoff: Period, constants: Mapping[str, Any], *, plain: bool
) -> tuple[Any, Any, bool]:
    """The rows a level or norm form reads, the rows set aside, and whether odd series can be.

    Each row gets the per-indicator ``constants``, ``_ay`` (its year, when the method reads it:
    up to the deadline once that is over, as `Series.until`), ``_odd_row`` (a period that is
    not a year, or a break) and ``_fl`` (a flag the caveat lists).
    """
    import narwhals as nw

    cut_year = _last_year_before(cutoff)
    flags = _flag_table(lf)
    rows = lf.filter(_among(sorted(ids)) & nw.col("_role").is_in(["headline", "group"]))
    rows = rows.with_columns(
        _flagged=_constant(flags[0], nw.Boolean, default=False, column="_flag"),
        _break=_constant(flags[1], nw.Boolean, default=False, column="_flag"),
    )
    aside = _aside_counts(lf, set(ids), cutoff, unknown=False)
    usable = rows.filter(~nw.col("_value").is_null() & nw.col("_unit_ok"))
    usable = usable.filter(nw.col("_year").is_null() | (nw.col("_year") <= cut_year))
    year = nw.col("_year")
    usable = usable.with_columns(**constants).with_columns(
        _ay=nw.when(nw.col("_cl") & (year > nw.col("_dy")))
        .then(_null())
        .otherwise(year)
        .cast(nw.Float64),
        _odd_row=(year.is_null() | nw.col("_break")).cast(nw.Int64),
        _vr=(nw.col("_vintage") != "").cast(nw.Int64),  # a row that names its release
        _fl=nw.col("_flagged").cast(nw.Int64),
    )
    return usable, aside, any(flags[1].values()) or not plain


def _with_odd_series(
    lf: Any,
    series: Any,
    first: Any,
    usable: Any,
    aside: Any,
    odd_possible: bool,
    verdicts: Callable[[Any], Any],
    framework: Framework,
    bcols: list[str],
    cutoff: Period,
    method: str | None,
    indicators: list[Indicator],
    progress: bool | None,
) -> tuple[Any, Any]:
    """The ``verdicts`` of the clean series, and the reference path's of the odd ones.

    A series with a break or a period that is not a year goes to the reference path; whether
    any can is known from the first pass alone. Whether an indicator's ``by`` columns have
    values is a fact about the whole frame ``lf``.
    """
    import narwhals as nw

    keys = ["indicator", "_role", *bcols]
    absent = _absent_by(lf, indicators, bcols)
    series = series.with_columns(
        _absent=_constant(dict.fromkeys(absent, True), nw.Boolean, default=False)
    )
    clean = _clean()
    if odd_possible:
        odd_possible = _any_row(first.filter(~clean))
    results = verdicts(series.filter(clean))
    if odd_possible:
        odd = series.filter(~clean).select(keys)
        extra, extra_aside = _reference_rows(
            usable.join(odd, on=keys, how="inner"),
            framework, bcols, cutoff, method, absent=absent, progress=progress,
        )  # fmt: skip
        results = nw.concat([results, extra], how="vertical")
        aside = nw.concat([aside, extra_aside], how="vertical")
    return results, aside


def _level_verdicts(
    series: Any,
    goal: Mapping[str, Any],
    bcols: list[str],
    methods: Mapping[str, str],
    constants: Mapping[str, Any],
) -> Any:
    """The range and binary methods and the judge's rules, over one row per series."""
    import narwhals as nw

    s = series.with_columns(**constants)
    lo, hi, tol = nw.col("_lo"), nw.col("_hi"), nw.col("_tol")
    latest, at_deadline = nw.col("_latest"), nw.col("_at_deadline")

    def inside(v: Any) -> Any:
        return (v >= lo - tol) & (v <= hi + tol)

    def distance(v: Any) -> Any:  # max(low - v, v - high, 0)
        gap = nw.when(lo - v > v - hi).then(lo - v).otherwise(v - hi)
        return nw.when(gap > 0).then(gap).otherwise(0.0)

    def meets_done(v: Any) -> Any:  # the binary target's 1, in its direction
        return nw.when(nw.col("_inc")).then(v >= 1 - tol).otherwise(v <= 1 + tol)

    binary = nw.col("_bin")
    none_read = nw.col("_a_n") == 0
    running = (
        nw.when(binary)
        .then(
            nw.when(none_read | (nw.col("_nb_n") > 0))
            .then(nw.lit("na"))
            .when(latest == 1)
            .then(nw.lit("done"))
            .otherwise(nw.lit("not_done"))
        )
        .when(none_read)
        .then(nw.lit("na"))
        .when(inside(latest))
        .then(nw.lit("in"))
        .when(nw.col("_a_n") < 2)
        .then(nw.lit("out"))
        .when(distance(latest) < distance(nw.col("_previous")))
        .then(nw.lit("closer"))
        .otherwise(nw.lit("away"))
    )
    # Missed at the deadline: how far it got from the first figure the method read.
    start = nw.col("_start")
    change = at_deadline - start
    moved = (
        nw.when(nw.col("_a_first") >= nw.col("_dy").cast(nw.Float64))
        .then(nw.lit("missed"))
        .when(nw.when(binary).then(change == 0).otherwise(distance(at_deadline) == distance(start)))
        .then(nw.lit("missed_same"))
        .when(
            nw.when(binary)
            .then(nw.when(nw.col("_inc")).then(change > 0).otherwise(change < 0))
            .otherwise(distance(at_deadline) < distance(start))
        )
        .then(nw.lit("missed_towards"))
        .otherwise(nw.lit("missed_away"))
    )
    # A binary target done before its deadline, with no figure for it, is done.
    point = (
        nw.when(~at_deadline.is_null())
        .then(at_deadline)
        .when(binary & ~latest.is_null() & meets_done(latest))
        .then(latest)
        .otherwise(_null())
    )
    final = (
        nw.when(point.is_null())
        .then(nw.lit("unknown"))
        .when(nw.when(binary).then(meets_done(point)).otherwise(inside(point)))
        .then(nw.lit("met"))
        .otherwise(moved)
    )
    # The method's refusal of values other than 0 and 1 stands after the deadline too.
    decided = nw.col("_cl") & ~(binary & (nw.col("_nb_n") > 0))
    branch = nw.when(decided).then(final).otherwise(running)
    s = s.with_columns(_branch=branch)
    status, label = _status_and_label(_LEVELS, "_branch")
    share = _div(nw.col("_in_n").cast(nw.Float64), nw.col("_a_n").cast(nw.Float64))
    progress = (
        nw.when(binary)
        .then(nw.when(none_read | (nw.col("_nb_n") > 0)).then(_null()).otherwise(latest))
        .otherwise(share)
    )
    last = nw.col("_last")
    missing = nw.when(nw.col("_first") < last).then(last - nw.col("_first") + 1 - nw.col("_years"))

    caveats = nw.concat_str(
        [
            _code(nw.col("_flagged_any") > 0, "flagged-values"),
            _code(missing.otherwise(0) > 0, "missing-periods"),
            *_target_caveats(goal),
        ]
    )
    return _level_columns(
        s, status=status, label=label, progress=progress, caveats=caveats, decided=decided,
        target=_null(), goal=goal, bcols=bcols, methods=methods,
    )  # fmt: skip


def _fit_sums() -> dict[str, Any]:
    """The forecast's per-series sums over its points (``_fx``, ``_fy``, ``_fv``, ``_fa``)."""
    import narwhals as nw

    return {
        "_f_n": nw.col("_fx").count(),
        "_f_sx": nw.col("_fx").sum(),
        "_f_sy": nw.col("_fy").sum(),
        "_f_max": nw.col("_fa").max(),
        "_f_min": nw.col("_fv").min(),
    }


def _centred(rows: Any) -> Any:
    """Each point's deviations from its series' means, and their products (``_fxx``, ``_fxy``).

    Centred first, then multiplied and summed: no cancellation between large raw sums.
    """
    import narwhals as nw

    rows = rows.with_columns(
        _fdx=nw.col("_fx") - _div(nw.col("_f_sx"), nw.col("_f_n")),
        _fdy=nw.col("_fy") - _div(nw.col("_f_sy"), nw.col("_f_n")),
    )
    return rows.with_columns(
        _fxx=nw.col("_fdx") * nw.col("_fdx"), _fxy=nw.col("_fdx") * nw.col("_fdy")
    )


def _centred_sums() -> dict[str, Any]:
    """``Sxx`` and ``Sxy`` from `_centred` rows."""
    import narwhals as nw

    return {"_f_sxx": nw.col("_fxx").sum(), "_f_sxy": nw.col("_fxy").sum()}


def _residual_sum(rows: Any, products: Any, keys: list[str]) -> Any:
    """Per series, the sum of squared residuals about the fitted line (``_f_ssr``).

    ``rows`` are `_centred` rows; ``products`` has each series' ``_f_sxx`` and ``_f_sxy``.
    """
    import narwhals as nw

    slope = _div(nw.col("_f_sxy"), nw.col("_f_sxx"))
    lines = rows.select(*keys, "_fdx", "_fdy").join(products, on=keys, how="inner")
    lines = lines.with_columns(_fr=nw.col("_fdy") - slope * nw.col("_fdx"))
    lines = lines.with_columns(_frr=nw.col("_fr") * nw.col("_fr"))
    return lines.group_by(keys).agg(_f_ssr=nw.col("_frr").sum())


def _windowed_fit(usable: Any, first: Any, keys: list[str], fit_window: Any) -> Any:
    """The forecast's least-squares sums over its last ``fit_window`` years (0: all points).

    The reference keeps the points from ``t_last - window`` on, ``t_last`` the last point:
    known after the first pass, so the sums, the centred sums and the residuals take three
    passes here (`_columnar` needs one when no indicator sets a window).
    """
    import narwhals as nw

    rows = usable.select(*keys, "_year", "_fx", "_fy", "_fv").join(
        first.select(*keys, "_a_last"), on=keys, how="inner"
    )
    start = nw.col("_a_last").cast(nw.Float64) - fit_window - 1e-9
    inside = (fit_window <= 0) | (nw.col("_year").cast(nw.Float64) >= start)

    def kept(column: str) -> Any:
        return nw.when(inside).then(nw.col(column)).otherwise(_null()).cast(nw.Float64)

    rows = rows.with_columns(_fx=kept("_fx"), _fy=kept("_fy"), _fv=kept("_fv"))
    rows = rows.with_columns(_fa=nw.col("_fy").abs())
    sums = rows.group_by(keys).agg(**_fit_sums())
    centred = _centred(rows.select(*keys, "_fx", "_fy").join(sums, on=keys, how="inner"))
    products = centred.group_by(keys).agg(**_centred_sums())
    residuals = _residual_sum(centred, products, keys)
    return sums.join(products, on=keys, how="inner").join(residuals, on=keys, how="inner")


def _escap_steps(
    usable: Any, point: Any, keys: list[str], goal: Mapping[str, Any], first: Any = None
) -> Any:
    """Per series, ESCAP's sums ``Σ w_i ln(v_i / v_{i-1})`` and ``Σ w_i`` over yearly steps.

    ``w_i = (T - t_0) / (T - t_i)`` with ``t_0`` the baseline year (the first figure's year
    without a declared baseline: ``first``, the first pass, gives it). Each point after the
    baseline is joined with the point of the year before (no window functions); the step from
    the baseline year uses the declared baseline when the series has no figure for that year.
    A series with a gap goes to the reference path (see `_columnar`), so every step is one
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
    declared = _constant(
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
    weight = _div(
        nw.col("_dy").cast(nw.Float64) - nw.col("_e_t0"),
        (nw.col("_dy") - year).cast(nw.Float64),
    )
    steps = steps.with_columns(_e_w=weight, _e_lr=ratio.cast(nw.Float64).log())
    steps = steps.with_columns(_e_wl=nw.col("_e_w") * nw.col("_e_lr"))
    return steps.group_by(keys).agg(_e_num=nw.col("_e_wl").sum(), _e_den=nw.col("_e_w").sum())


def _absent_by(lf: Any, indicators: list[Indicator], bcols: list[str]) -> set[str]:
    """The indicators with a ``by`` column that has no value in any of their rows.

    A column the frame does not have is absent for every indicator that names it; for one
    it has, the indicators with a value in it are found once (a small distinct query).
    """
    import narwhals as nw

    absent: set[str] = set()
    for column in sorted({c for i in indicators for c in i.by}):
        names = {i.id for i in indicators if column in i.by}
        if column not in bcols:
            absent |= names
            continue
        found = lf.filter(nw.col(column) != "").select("indicator").unique().collect()
        absent |= names - {i for i in found["indicator"].to_list() if i is not None}
    return absent


def _flag_table(lf: Any) -> tuple[dict[str, bool], dict[str, bool]]:
    """For each distinct flag cell: whether it holds a flag the caveat lists, and a break."""
    from goalframe._observations import parse_flags

    flagged: dict[str, bool] = {}
    broken: dict[str, bool] = {}
    for text in lf.select("_flag").unique().collect()["_flag"].to_list():
        if not text:
            continue
        try:
            found = parse_flags(text)
        except ValueError as exc:
            msg = f"the data frame's flag column has {text!r}: {exc}"
            raise DataError(msg) from None
        flagged[text] = bool(found & _FLAGGED)
        broken[text] = "break" in found
    return flagged, broken


def _last_year_before(cutoff: Period) -> int:
    """The last calendar year that starts before the assessment date ends."""
    import datetime as dt

    end = cutoff.end
    return end.year if end > dt.date(end.year, 1, 1) else end.year - 1


def _aside_counts(lf: Any, ids: set[str], cutoff: Period, *, unknown: bool = True) -> Any:
    """Rows of the frame-form indicators not used, counted by indicator and reason.

    The reasons are the reference path's words, so both paths' counts read alike. Rows of
    indicators the goal file does not have are counted too, unless ``unknown`` is False
    (they are counted once, by the first frame form).
    """
    import narwhals as nw

    cut_year = _last_year_before(cutoff)

    chosen = _among(sorted(ids))
    if unknown:
        chosen = chosen | (nw.col("_role") == "unknown")
    mine = lf.filter(chosen)
    reason = (
        nw.when(nw.col("_role") == "unknown")
        .then(nw.lit("no such indicator in the goal file"))
        .when(nw.col("_role") == "other")
        .then(nw.lit("breakdown not assessed"))
        .when(nw.col("_value").is_null())
        .then(nw.lit(str(Message("empty_cell"))))
        .when(~nw.col("_unit_ok"))
        .then(nw.lit(str(Message("no_unit"))))
        .when(~nw.col("_year").is_null() & (nw.col("_year") > cut_year))
        .then(nw.lit(str(Message("after_as_of", period=cutoff))))
        .otherwise(None)
    )
    return (
        mine.with_columns(reason=reason)
        .filter(~nw.col("reason").is_null())
        .group_by("indicator", "reason")
        .agg(rows=nw.len())
        .with_columns(nw.col("rows").cast(nw.Int64))
    )


#: The trajectory method's branches: status and label, as `goalframe.progress.trajectory` and
#: `Verdicts.target_met_at_start` name them.
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


def _verdicts(
    series: Any,
    goal: Mapping[str, Any],
    closed: Mapping[str, bool],
    bcols: list[str],
    methods: Mapping[str, str],
    *,
    periods: int,
    settings: Mapping[str, Mapping[str, float]],
) -> Any:
    """The methods and the judge's rules, as expressions over one row per series.

    Each indicator's method (``methods``) gives the running verdict: the trajectory method's
    branches, or Open SDG's progress value and label (`_open_sdg`). The judge's rules (the
    final verdict once the deadline is over, the data caveats) are the same for both.
    """
    import narwhals as nw

    def k(values: Mapping[str, Any], dtype: Any) -> Any:
        return _constant(values, dtype, among=methods)

    inc = k({i: g.direction is Direction.INCREASE for i, g in goal.items()}, nw.Boolean)
    tol = k({i: g.tolerance for i, g in goal.items()}, nw.Float64)
    # The year the method looks its base up in (`_base_year_of`), and whether it is declared.
    by = k({i: _base_year_of(g, methods[i], settings[i]) for i, g in goal.items()}, nw.Int64)
    dy = k({i: g.deadline.year for i, g in goal.items()}, nw.Int64)
    based = {i: g.baseline is not None for i, g in goal.items()}
    jb = k(based, nw.Boolean)
    # Open SDG without a declared baseline: its base year's figure, else the next one's.
    base_year_first = k({i: not based[i] and methods[i] == "open-sdg" for i in goal}, nw.Boolean)
    declared = k({i: g.baseline.value for i, g in goal.items() if g.baseline}, nw.Float64)
    target_declared = k({i: g.target for i, g in goal.items() if g.target is not None}, nw.Float64)
    pct = {i: g.change_percent for i, g in goal.items() if g.change_percent is not None}
    pts = {i: g.target - g.baseline.value for i, g in goal.items() if g.change_points is not None}
    has_pct = k({i: i in pct for i in goal}, nw.Boolean)
    has_pts = k({i: i in pts for i in goal}, nw.Boolean)
    pct_v = k(pct, nw.Float64)
    pts_v = k(pts, nw.Float64)
    is_closed = k(closed, nw.Boolean)
    option = {
        name: k({i: v[name] for i, v in settings.items()}, nw.Float64)
        for name in (
            "on_track",
            "acceleration",
            "min_span",
            "high",
            "med",
            "low",
            "log",
            "limit",
            "has_limit",
        )
    }

    group = nw.col("_role") == "group"
    own = nw.col("_own")
    has_own = ~own.is_null()
    # UNSD without a baseline: 2015's figure, else the nearest year's but the latest's (the
    # earlier on a tie; `_columnar` sends a series whose figures all precede 2015 to the
    # reference path).
    nearest = k({i: not based[i] and methods[i] == "unsd" for i in goal}, nw.Boolean)
    above = nw.when(nw.col("_next") != nw.col("_a_last")).then(nw.col("_next"))
    by_f = by.cast(nw.Float64)
    closer_before = ~nw.col("_prev").is_null() & (
        above.is_null() | ((by_f - nw.col("_prev")) <= (above - by_f))
    )
    before = nw.when(closer_before).then(nw.lit(value=True)).otherwise(nw.lit(value=False))
    # The method's base: declared (a group's own figure for that year); Open SDG's base
    # year's figure, else the next year's; UNSD's as above; else the first figure
    # (`resolve_baseline`).
    base = (
        nw.when(jb)
        .then(nw.when(group).then(own).otherwise(declared))
        .when(base_year_first)
        .then(nw.when(has_own).then(own).otherwise(nw.col("_after")))
        .when(nearest)
        .then(
            nw.when(has_own)
            .then(own)
            .when(before)
            .then(nw.col("_before"))
            .when(~above.is_null())
            .then(nw.col("_after"))
            .otherwise(_null())
        )
        .otherwise(nw.col("_start_value"))
    )
    # The year of that base; the forecast's origin for its years (-1) without a baseline.
    first_figure = k({i: not based[i] and methods[i] in FIRST_FIGURE for i in goal}, nw.Boolean)
    base_at = (
        nw.when(nearest & ~has_own)
        .then(nw.when(before).then(nw.col("_prev")).otherwise(above))
        .when(base_year_first & ~has_own)
        .then(nw.col("_next"))
        .when(first_figure)
        .then(nw.col("_a_first"))
        .otherwise(by.cast(nw.Float64))
    )
    target = (
        nw.when(group & has_pct)
        .then(own * (1 + pct_v / 100))
        .when(group & has_pts)
        .then(own + pts_v)
        .otherwise(target_declared)
    )
    s = series.with_columns(
        _b=base.cast(nw.Float64),
        _t=target.cast(nw.Float64),
        _by=base_at.cast(nw.Float64),
        _jb=jb,
        _dy=dy,
        _closed=is_closed,
        _on=option["on_track"],
        _acc=option["acceleration"],
        _min_span=option["min_span"],
        _high=option["high"],
        _med=option["med"],
        _low=option["low"],
        _log=option["log"] == 1,
        _lim=option["limit"],
        _has_lim=option["has_limit"] == 1,
        _inc=inc,
        _tol=tol,
    )
    latest = nw.col("_latest")

    def meets(value: Any) -> Any:
        return (
            nw.when(nw.col("_inc"))
            .then(value >= nw.col("_t") - nw.col("_tol"))
            .otherwise(value <= nw.col("_t") + nw.col("_tol"))
        )

    span = nw.col("_t") - nw.col("_b")
    elapsed = _div(
        (nw.col("_a_last") - nw.col("_by")).cast(nw.Float64),
        (nw.col("_dy") - nw.col("_by")).cast(nw.Float64),
    )
    expected = nw.when(elapsed > 1).then(1.0).otherwise(elapsed)
    progress = _div(latest - nw.col("_b"), span)
    no_own = group & nw.col("_jb") & own.is_null()
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
    s = s.with_columns(_na=na_reason, _held=meets(nw.col("_b")))
    s = s.with_columns(
        _progress=nw.when(~nw.col("_na").is_null())
        .then(_null())
        .when(nw.col("_held"))
        .then(latest)
        .otherwise(progress)
        .cast(nw.Float64),
        _expected=nw.when(~nw.col("_na").is_null() | nw.col("_held"))
        .then(_null())
        .otherwise(expected)
        .cast(nw.Float64),
    )
    ratio = _div(nw.col("_progress"), nw.col("_expected"))
    # Which branch of the trajectory method the series takes, then its status and label.
    branch = (
        nw.when(~nw.col("_na").is_null())
        .then(nw.lit("na"))
        .when(nw.col("_held"))
        .then(nw.when(meets(latest)).then(nw.lit("held")).otherwise(nw.lit("fell_back")))
        .when(meets(latest))
        .then(nw.lit("met"))
        .when(nw.col("_progress") < 0)
        .then(nw.lit("away"))
        .when(ratio >= nw.col("_on") - EPSILON)
        .then(nw.lit("on"))
        .when(ratio >= nw.col("_acc") - EPSILON)
        .then(nw.lit("behind"))
        .otherwise(nw.lit("far"))
    )
    s = s.with_columns(_branch=branch)
    used = set(methods.values())
    for name, form in _FORMS.items():
        if name in used:  # the forecast's t distribution has a term per possible point
            s = form(s, meets, periods=periods) if name == "forecast" else form(s, meets)
    trajectory_status, trajectory_label = _status_and_label(_BRANCHES, "_branch")
    prefix = {name: _PREFIX[name] for name in _FORMS if name in used}

    def by_method(trajectory: Any, column: str, *, others: Any = None) -> Any:
        """Each series' own method's expression.

        The trajectory's for the trajectory, else the method's ``_<letter>_<column>``
        (``others`` instead, for every method, when given).
        """
        chosen = None
        for name, letter in prefix.items():
            then = others if others is not None else nw.col(f"_{letter}_{column}")
            when = nw.col("_method") == name
            chosen = nw.when(when).then(then) if chosen is None else chosen.when(when).then(then)
        return trajectory if chosen is None else chosen.otherwise(trajectory)

    s = s.with_columns(_method=_constant(methods, nw.String))
    run_status = by_method(trajectory_status, "status")
    run_label = by_method(trajectory_label, "label")
    s = s.with_columns(
        _progress=by_method(nw.col("_progress"), "value").cast(nw.Float64),
        _expected=by_method(nw.col("_expected"), "expected").cast(nw.Float64),
        _score=by_method(_null(), "score").cast(nw.Float64),
    )
    at_deadline = nw.col("_at_deadline")
    # The verdict once the deadline is over: the figure for the deadline decides.
    # Measured from the judge's start: the declared baseline, else the first figure read.
    start_value = nw.when(nw.col("_jb")).then(nw.col("_b")).otherwise(nw.col("_start_value"))
    start_year = nw.when(nw.col("_jb")).then(nw.col("_by")).otherwise(nw.col("_a_first"))
    end = nw.when(at_deadline.is_null()).then(latest).otherwise(at_deadline)
    change = end - start_value
    better = nw.when(nw.col("_inc")).then(change > 0).otherwise(change < 0)
    missed_label = (
        nw.when(
            start_year
            >= nw.when(at_deadline.is_null()).then(nw.col("_a_last")).otherwise(nw.col("_dy"))
        )
        .then(nw.lit("missed"))
        .when(change == 0)
        .then(nw.lit("missed, no change"))
        .when(better)
        .then(nw.lit("missed, moved towards the target"))
        .otherwise(nw.lit("missed, moved away"))
    )
    final_status = (
        nw.when(at_deadline.is_null())
        .then(nw.lit("outcome_unknown"))
        .when(meets(at_deadline))
        .then(nw.lit("achieved"))
        .otherwise(nw.lit("missed"))
    )
    final_label = (
        nw.when(at_deadline.is_null())
        .then(nw.lit("outcome_unknown"))
        .when(meets(at_deadline))
        .then(nw.lit("met_at_deadline"))
        .otherwise(missed_label)
    )
    # Two rows for one year: no verdict (the reference path refuses such data with an error).
    duplicated = nw.col("_years") != nw.col("_n")
    # Once the deadline is over, the figure for it decides; without a target value (Open
    # SDG's method 1) nothing does, and the method's verdict stays (not final).
    decided = nw.col("_closed") & ~nw.col("_t").is_null()
    status = (
        nw.when(no_own | duplicated)
        .then(nw.lit("not_assessable"))
        .when(decided)
        .then(final_status)
        .otherwise(run_status)
    )
    label = (
        nw.when(duplicated)
        .then(nw.lit("duplicate_periods"))
        .when(no_own)
        .then(nw.lit("not_assessable"))
        .when(decided)
        .then(final_label)
        .otherwise(run_label)
    )
    # Caveat codes, as `goalframe._judge` gives them for these series.
    last = nw.col("_last")
    # Missing years from the judge's start in every figure: the declared baseline, else the
    # first figure.
    counted_from = nw.when(nw.col("_jb")).then(nw.col("_by")).otherwise(nw.col("_first"))
    missing = (
        nw.when(counted_from < last)
        .then((last - counted_from + 1) - nw.col("_in_range"))
        .otherwise(0)
    )
    mismatch = ~group & nw.col("_jb") & _mismatch(own, nw.col("_b"))
    extreme = nw.col("_jb") & _extreme(own)
    met_at_start = by_method(nw.col("_na").is_null() & nw.col("_held"), "start")

    caveats = nw.concat_str(
        [
            _code(
                (nw.col("_method") == "open-sdg")
                & (nw.col("_t") == 0)
                & ~nw.col("_a_last").is_null()
                & ~nw.col("_b").is_null(),  # (no base found: no verdict, so no caveat)
                "zero-replaced",
            ),
            _code((nw.col("_method") == "eurostat") & nw.col("_e_early"), "window-before-baseline")
            if "eurostat" in used
            else nw.lit(""),
            _code(met_at_start, "target-met-at-start"),
            _code(nw.col("_flagged_any") > 0, "flagged-values"),
            _code(missing > 0, "missing-periods"),
            _code(mismatch, "baseline-mismatch"),
            _code(extreme, "baseline-extreme"),
            *_target_caveats(goal),
        ]
    )
    caveats = (
        nw.when(duplicated)
        .then(nw.lit("duplicate-periods"))
        .when(no_own)
        .then(nw.lit(""))
        .otherwise(caveats)
    )
    out = s.with_columns(
        _status=status,
        _label=label,
        _caveats=caveats.str.strip_chars(","),
        _final=nw.when(no_own | duplicated).then(nw.lit(value=False)).otherwise(decided),
    )
    return out.select(
        nw.col("indicator"),
        nw.col("_role").alias("role"),
        *(nw.col(c) for c in bcols),
        _constant(methods, nw.String).alias("method"),
        nw.col("_status").alias("status"),
        nw.col("_label").alias("label"),
        nw.when(no_own)
        .then(_null())
        .otherwise(nw.col("_progress"))
        .cast(nw.Float64)
        .alias("progress"),
        nw.when(no_own)
        .then(_null())
        .otherwise(nw.col("_expected"))
        .cast(nw.Float64)
        .alias("expected"),
        nw.when(no_own | duplicated)
        .then(_null())
        .otherwise(nw.col("_score"))
        .cast(nw.Float64)
        .alias("score"),
        # The declared baseline (a group's own figure for its year), as the card's goal has
        # it: a group without that figure, or a target without a baseline, has none.
        nw.when(nw.col("_jb")).then(nw.col("_b")).otherwise(_null()).alias("baseline"),
        nw.when(nw.col("_jb") & ~no_own).then(by.cast(nw.String)).alias("baseline_period"),
        nw.col("_t").cast(nw.Float64).alias("target"),
        nw.col("_dy").cast(nw.String).alias("deadline"),
        nw.col("_last_value").cast(nw.Float64).alias("latest"),
        nw.col("_last").cast(nw.Int64).cast(nw.String).alias("latest_period"),
        nw.col("_final").alias("final"),
        nw.col("_caveats").alias("caveats"),
        nw.col("_n").cast(nw.Int64).alias("observations"),
        nw.lit("frame").alias("engine"),
    )


def _open_sdg(s: Any, meets: Any) -> Any:
    """Open SDG's progress measure, as in `open_sdg`.

    With a target (its method 2) ``pv = s * d * CAGR(base -> current) / |CAGR(base ->
    target)|``; without one (method 1) ``pv = s * d * CAGR(base -> current)``, its thresholds
    times the natural-limit factor ``C`` when the option ``limit`` is set. The base is the
    figure for the base year (`_verdicts`' ``_b`` when there is none); a zero base or target
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
    ratio = nw.when(observable).then(_div(current, used)).otherwise(1.0)
    observed = ratio ** _div(nw.lit(1.0), nw.when(observable).then(years).otherwise(1.0)) - 1
    wanted = _div(aim, used)
    reachable = wanted >= 0
    required = nw.when(reachable).then(wanted).otherwise(1.0) ** _div(nw.lit(1.0), horizon) - 1
    growth = target.is_null()  # method 1
    s = s.with_columns(
        _o_value=nw.when(growth & observable)
        .then(sign * d * observed)
        .when(~growth & observable & reachable & (required != 0))
        .then(sign * d * _div(observed, required.abs()))
        .otherwise(_null())
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
    capped = _div(500 * pv, c) - 5
    growth_score = (
        nw.when(pv < low - EPSILON)
        .then(nw.when(below < -5).then(-5.0).otherwise(below))
        .when(c == 0)
        .then(5.0)
        .when(pv >= high - EPSILON)
        .then(nw.when(capped > 5).then(5.0).otherwise(capped))
        .when(pv >= med - EPSILON)
        .then(_div(250 * pv, c) - 1.25)
        .otherwise(_div(500 * pv, c) - 2.5)
    )
    score = (
        nw.when(nw.col("_o_label") == "target_achieved")
        .then(5.0)
        .when(pv.is_null())
        .then(_null())
        .when(growth)
        .then(growth_score)
        .when(pv >= med - EPSILON)
        .then(nw.when(upper > 5).then(5.0).otherwise(upper))
        .otherwise(nw.when(lower < -5).then(-5.0).otherwise(lower))
    )
    statuses = {label: status.value for label, status in LABELS.items()}
    return s.with_columns(
        _o_status=_constant(statuses, nw.String, column="_o_label"),
        _o_score=score.cast(nw.Float64),
        _o_expected=_null(),
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
    x = nw.when(inside).then(_div(b, lim)).when(between).then(_div(2 * lim - b, lim)).otherwise(0.0)
    return nw.when(near).then(1 - x**LIMIT_EXPONENT).otherwise(1.0).cast(nw.Float64)


def _null() -> Any:
    """A null number: typed, since an untyped null makes an object column on Dask."""
    import narwhals as nw

    return nw.lit(None, dtype=nw.Float64)


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


def _eurostat(s: Any, meets: Any) -> Any:
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
        nw.when(readable).then(_div(latest, first)).otherwise(1.0)
        ** _div(nw.lit(1.0), nw.when(readable).then(years).otherwise(1.0))
        - 1
    )
    reachable = readable & (horizon > 0) & (target > 0)
    required = (
        nw.when(reachable).then(_div(target, first)).otherwise(1.0)
        ** _div(nw.lit(1.0), nw.when(reachable).then(horizon).otherwise(1.0))
        - 1
    )
    s = s.with_columns(_e_ratio=nw.when(reachable).then(_div(actual, required)).otherwise(_null()))
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
    status, label = _status_and_label(_EUROSTAT, "_e_branch")
    return s.with_columns(
        _e_status=status,
        _e_label=label,
        _e_value=nw.when(judged).then(ratio).otherwise(_null()).cast(nw.Float64),
        _e_early=(nw.col("_e_branch") != "na") & (start < nw.col("_by")),
        _e_score=_null(),
        _e_expected=_null(),
        _e_start=nw.col("_e_branch") == "at_start",
    )


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


def _unsd(s: Any, meets: Any) -> Any:
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
        nw.when(readable).then(_div(latest, base)).otherwise(1.0)
        ** _div(nw.lit(1.0), nw.when(readable).then(years).otherwise(1.0))
        - 1
    )
    ahead = (nw.col("_dy").cast(nw.Float64) - t).cast(nw.Float64)
    projected = latest * (1 + actual) ** nw.when(readable).then(ahead).otherwise(0.0)
    ratio = _div(projected - base, target - base)
    # The reference refuses numbers that leave the finite range; NaN fails this test too.
    finite = (projected.abs() < 1e308) & (ratio.abs() < 1e308)
    s = s.with_columns(
        _u_ratio=nw.when(readable & finite).then(ratio).otherwise(_null()).cast(nw.Float64),
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
        .when(r >= 0.95 - EPSILON)
        .then(nw.lit("on"))
        .when(r >= 0.10 - EPSILON)
        .then(nw.lit("accelerate"))
        .when(nw.col("_u_directed") < 0)
        .then(nw.lit("regression"))
        .otherwise(nw.lit("stagnation"))
    )
    s = s.with_columns(_u_branch=branch)
    graded = nw.col("_u_branch").is_in(["on", "accelerate", "stagnation", "regression"])
    status, label = _status_and_label(_UNSD, "_u_branch")
    return s.with_columns(
        _u_status=status,
        _u_label=label,
        _u_value=nw.when(graded)
        .then(r)
        .when(nw.col("_u_branch") == "fell_back")
        .then(latest)
        .otherwise(_null())
        .cast(nw.Float64),
        _u_score=_null(),
        _u_expected=_null(),
        _u_start=nw.col("_u_branch") == "fell_back",
    )


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


def _okr(s: Any, meets: Any) -> Any:
    """The OKR grade ``clamp((latest - start) / (target - start), 0, 1)``, as in `okr`.

    The start is the declared baseline (a group's own). Adds ``_k_branch``, ``_k_status``,
    ``_k_label``, ``_k_value``, ``_k_score`` and ``_k_start``.
    """
    import narwhals as nw

    latest, base, target = nw.col("_latest"), nw.col("_b"), nw.col("_t")
    raw = _div(latest - base, target - base)
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
        .when(grade >= 0.7 - EPSILON)
        .then(nw.lit("green"))
        .when(grade >= 0.4 - EPSILON)
        .then(nw.lit("yellow"))
        .when(nw.col("_k_raw") < 0)
        .then(nw.lit("away"))
        .otherwise(nw.lit("red"))
    )
    s = s.with_columns(_k_branch=branch)
    held = nw.col("_k_branch").is_in(["held", "fell_back"])
    graded = ~held & (nw.col("_k_branch") != "na")
    status, label = _status_and_label(_OKR, "_k_branch")
    return s.with_columns(
        _k_status=status,
        _k_label=label,
        _k_value=nw.when(held)
        .then(latest)
        .when(graded)
        .then(grade)
        .otherwise(_null())
        .cast(nw.Float64),
        _k_score=nw.when(graded).then(grade).otherwise(_null()).cast(nw.Float64),
        _k_expected=_null(),
        _k_start=held,
    )


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


def _escap(s: Any, meets: Any) -> Any:
    """ESCAP's current status and anticipated progress indices, as in `escap`.

    ``CSI = min(1, (latest - I_0) / (I_T - I_0))`` against the share of time gone, and
    ``AP = (Î_T - I_0) / (I_T - I_0)`` with ``Î_T = latest · exp(g (T - t_cr))``, ``g`` the
    recency-weighted mean log growth from `_escap_steps`. Adds ``_s_branch``, ``_s_status``,
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
    csi = _div(latest - base, span)
    elapsed = _div(t_cr - b, big_t - b)
    growth = _div(nw.col("_e_num"), nw.col("_e_den"))
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
        _s_ap=_div(projected - base, span),
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
    status, label = _status_and_label(_ESCAP, "_s_branch")
    return s.with_columns(
        _s_status=status,
        _s_label=label,
        _s_value=nw.when(held)
        .then(latest)
        .when(name == "met")
        .then(nw.col("_s_csi"))
        .when(graded)
        .then(ap)
        .otherwise(_null())
        .cast(nw.Float64),
        _s_expected=nw.when(name == "met")
        .then(nw.col("_s_now"))
        .when(graded)
        .then(1.0)
        .otherwise(_null())
        .cast(nw.Float64),
        _s_score=_null(),
        _s_start=held,
    )


#: The forecast method's branches (its linear model), as `goalframe.progress.forecast` names them.
_FORECAST = {
    "na": ("not_assessable", "not_assessable"),
    "met": ("achieved", "target_met"),
    "likely": ("on_track", "likely"),
    "uncertain": ("needs_acceleration", "uncertain"),
    "away": ("moving_away", "unlikely"),
    "unlikely": ("insufficient_progress", "unlikely"),
}


def _forecast(s: Any, meets: Any, *, periods: int) -> Any:
    """The forecast method's linear model, as in `forecast`: P(target met) at the deadline.

    Least squares on the points from the baseline on (``_f_n``, the sums ``_f_sx``,
    ``_f_sy``, the centred ``_f_sxx``, ``_f_sxy`` and the residuals' ``_f_ssr``, from
    `_columnar`'s passes), the projection ``ŷ_T`` with its standard error ``se = s sqrt(1 +
    1/n + (T - x̄)²/Sxx)``, and ``P = 1 - F(z)`` (``F(z)`` for a decrease) with ``z = (target
    - ŷ_T) / se``, ``F`` Student's t distribution with ``n - 2`` degrees of freedom in its
    closed form (`_student_t`). ``periods`` bounds ``n``, and so the number of terms. Adds
    ``_f_branch``, ``_f_status``, ``_f_label``, ``_f_value``, ``_f_score`` and ``_f_start``.
    """
    import narwhals as nw

    from goalframe.progress.forecast import LIKELY, UNCERTAIN

    n = nw.col("_f_n").cast(nw.Float64)
    x_mean, y_mean = _div(nw.col("_f_sx"), n), _div(nw.col("_f_sy"), n)
    slope = _div(nw.col("_f_sxy"), nw.col("_f_sxx"))
    ahead = (nw.col("_dy") - nw.col("_by")).cast(nw.Float64) - x_mean
    fitted = n >= 3
    s = s.with_columns(
        _f_slope=slope,
        _f_centre=y_mean + slope * ahead,
        _f_nu=nw.when(fitted).then(n - 2).otherwise(1.0),
        _f_lever=_div(ahead * ahead, nw.col("_f_sxx")),
    )
    nu = nw.col("_f_nu")
    residual_sd = (_div(nw.col("_f_ssr"), nu)).sqrt()
    se = residual_sd * (1 + _div(nw.lit(1.0), n) + nw.col("_f_lever")).sqrt()
    s = s.with_columns(_f_se=nw.when(fitted).then(se).otherwise(_null()).cast(nw.Float64))
    se = nw.col("_f_se")
    # The target on the fitted scale: its logarithm for the log model.
    positive_target = nw.when(nw.col("_t") > 0).then(nw.col("_t")).otherwise(1.0)
    s = s.with_columns(
        _f_goal=nw.when(nw.col("_log"))
        .then(positive_target.cast(nw.Float64).log())
        .otherwise(nw.col("_t"))
        .cast(nw.Float64)
    )
    z = _div(nw.col("_f_goal") - nw.col("_f_centre"), se)
    # Past ±1e150 the distribution is 0 or 1 to the last bit; z² stays finite.
    s = s.with_columns(
        _f_z=nw.when(z > 1e150).then(1e150).when(z < -1e150).then(-1e150).otherwise(z)
    )
    s = _student_t(s, "_f_z", "_f_nu", "_f_cdf", terms=periods // 2 + 1)
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
        .when(nw.col("_log") & ((nw.col("_f_min") <= 0) | (nw.col("_t") <= 0)))
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
    status, label = _status_and_label(_FORECAST, "_f_branch")
    return s.with_columns(
        _f_status=status,
        _f_label=label,
        _f_value=nw.when(nw.col("_f_branch") == "na")
        .then(_null())
        .when(nw.col("_f_branch") == "met")
        .then(1.0)
        .otherwise(p)
        .cast(nw.Float64),
        _f_score=_null(),
        _f_expected=_null(),
        _f_start=nw.lit(value=False),
    )


def _student_t(s: Any, z: str, nu: str, out: str, *, terms: int) -> Any:
    """Student's t distribution ``F(z)`` with ``nu`` (whole) degrees of freedom, as ``out``.

    The closed form for whole degrees of freedom (Abramowitz and Stegun 26.7.3-4): with
    ``θ = atan(z / sqrt(d))``, ``F = (1 + A) / 2``, where ``A = sin θ Σ a_k cos^2k θ`` for an
    even ``d`` (``a_0 = 1``, ``a_k = a_{k-1} (2k - 1) / 2k``, ``k < d/2``) and ``A = 2/π (θ +
    sin θ cos θ Σ b_k cos^2k θ)`` for an odd one (``b_k = b_{k-1} 2k / (2k + 1)``, ``k <
    (d - 1)/2``; ``A = 2θ/π`` for ``d = 1``). The arc tangent comes from three half-angle
    steps and nine terms of its Taylor series. Only arithmetic and square roots: every engine
    computes it, within 1e-13 of `goalframe.progress._stats.t_cdf`. ``terms`` bounds ``d/2``.
    ``z`` must be finite with ``z²`` finite (the caller clips it).
    """
    import narwhals as nw

    zc, nc = nw.col(z), nw.col(nu).cast(nw.Float64)
    s = s.with_columns(_st_r=nc + zc * zc)
    r = nw.col("_st_r")
    s = s.with_columns(_st_sin=zc / r.sqrt(), _st_c2=nc / r, _st_u=zc / nc.sqrt())
    for _ in range(3):  # atan(u) = 2 atan(u / (1 + sqrt(1 + u²))): |u| ends below tan(π/16)
        u = nw.col("_st_u")
        s = s.with_columns(_st_u=u / (1 + (1 + u * u).sqrt()))
    u = nw.col("_st_u")
    series = nw.lit(0.0)
    for k in range(9):  # error below 0.2**19 / 19
        series = series + (-1) ** k * u ** (2 * k + 1) / (2 * k + 1)
    s = s.with_columns(_st_theta=series * 8)
    c2, sin, theta = nw.col("_st_c2"), nw.col("_st_sin"), nw.col("_st_theta")
    whole = nw.col(nu).cast(nw.Int64)
    even, odd = nw.lit(0.0), nw.lit(0.0)
    a = b = 1.0
    for k in range(terms):
        if k:
            a *= (2 * k - 1) / (2 * k)
            b *= (2 * k) / (2 * k + 1)
        power = c2**k if k else nw.lit(1.0)
        even = even + nw.when(whole >= 2 * k + 2).then(a * power).otherwise(0.0)
        odd = odd + nw.when(whole >= 2 * k + 3).then(b * power).otherwise(0.0)
    two_over_pi = 2 / math.pi
    share = (
        nw.when(whole % 2 == 0)
        .then(sin * even)
        .when(whole == 1)
        .then(theta * two_over_pi)
        .otherwise((theta + sin * c2.sqrt() * odd) * two_over_pi)
    )
    return s.with_columns(((share + 1) * 0.5).cast(nw.Float64).alias(out))


#: The methods with a frame form besides the trajectory, with the letter of their columns:
#: each adds ``_<letter>_status``, ``_label``, ``_value``, ``_expected``, ``_score`` and
#: ``_start``.
_FORMS: dict[str, Callable[..., Any]] = {
    "open-sdg": _open_sdg,
    "eurostat": _eurostat,
    "unsd": _unsd,
    "okr": _okr,
    "forecast": _forecast,
    "escap": _escap,
}
_PREFIX = {
    "open-sdg": "o",
    "eurostat": "e",
    "unsd": "u",
    "okr": "k",
    "forecast": "f",
    "escap": "s",
}


def _status_and_label(branches: Mapping[str, tuple[str, str]], column: str) -> tuple[Any, Any]:
    """A method's status and label expressions, from the branch each series took."""
    import narwhals as nw

    status = {branch: pair[0] for branch, pair in branches.items()}
    label = {branch: pair[1] for branch, pair in branches.items()}
    return (
        _constant(status, nw.String, column=column),
        _constant(label, nw.String, column=column),
    )


def _div(numerator: Any, denominator: Any) -> Any:
    """``numerator / denominator``, null where the denominator is 0 (no backend raises)."""
    import narwhals as nw

    safe = nw.when(denominator == 0).then(_null()).otherwise(denominator).cast(nw.Float64)
    return numerator.cast(nw.Float64) / safe


def _reference(
    lf: Any,
    framework: Framework,
    ids: set[str],
    bcols: list[str],
    cutoff: Period,
    method: str | None,
    progress: bool | None = None,
) -> tuple[Any, Any] | None:
    """The indicators without a frame form, assessed per series by the reference path."""
    import narwhals as nw

    if not ids:
        return None
    rows = lf.filter(_among(sorted(ids)))
    results, assessed_aside = _reference_rows(
        rows, framework, bcols, cutoff, method, progress=progress
    )
    other = (
        rows.filter(nw.col("_role") == "other")
        .with_columns(reason=nw.lit("breakdown not assessed"))
        .group_by("indicator", "reason")
        .agg(rows=nw.len())
        .with_columns(nw.col("rows").cast(nw.Int64))
    )
    return results, nw.concat([other, assessed_aside], how="vertical")


def _reference_rows(
    rows: Any,
    framework: Framework,
    bcols: list[str],
    cutoff: Period,
    method: str | None,
    *,
    absent: set[str] | None = None,
    progress: bool | None = None,
) -> tuple[Any, Any]:
    """Assess the series of ``rows`` one by one with the reference path (`goalframe._evaluate`).

    These rows are brought into Python: the series the frame form cannot read are few.
    Returns the results and the rows the reference path set aside (an empty cell, a row
    after the assessment date, an earlier release), counted by indicator and reason.

    When ``rows`` are some series of an indicator, not all, whether its ``by`` columns have
    values is a fact about the whole frame: ``absent`` (the indicators without) decides the
    headline's ``by-column-absent`` caveat then.
    """
    import narwhals as nw

    from goalframe._evaluate import assess_all
    from goalframe._observations import build_observations

    ids = sorted(set(rows.select("indicator").unique().collect()["indicator"].to_list()))
    data = rows.filter(nw.col("_role").is_in(["headline", "group"])).collect()
    records = []
    series: set[tuple[Any, ...]] = set()
    for row in data.iter_rows(named=True):
        series.add((row["indicator"], *(row[c] for c in bcols)))
        record = {c: (row[c] or None) for c in bcols}
        record.update(
            indicator=row["indicator"],
            period=row["_period"],
            value=row["_value"],
            unit=framework.indicator(row["indicator"]).unit,
            flag=row["_flag"] or None,
            vintage=row["_vintage"] or None,
        )
        records.append(record)
    from goalframe.errors import Location

    observations = build_observations(
        ((r, Location("<frame>", i + 1)) for i, r in enumerate(records)),
        source="<frame>",
        breakdown_columns=tuple(bcols),
    )
    with _progress_bar(len(series), progress):
        evaluation = assess_all(framework, observations, as_of=cutoff, method=method)
    chosen = [r for r in evaluation.indicators if r.id in ids]
    out = result_rows(chosen, bcols, engine="reference")
    if absent is not None:
        for row in out:
            if row["role"] != "headline":
                continue
            codes = [c for c in row["caveats"].split(",") if c and c != "by-column-absent"]
            if row["indicator"] in absent:
                codes.append("by-column-absent")
            row["caveats"] = ",".join(codes)
    results = _as_frame(out, rows, bcols)
    counts: dict[tuple[str, str], int] = {}
    for aside in evaluation.set_aside:
        key = (aside.indicator or "", str(aside.reason))
        counts[key] = counts.get(key, 0) + 1
    data = {
        "indicator": [i for i, _ in counts],
        "reason": [r for _, r in counts],
        "rows": list(counts.values()),
    }
    schema: dict[str, Any] = {"indicator": nw.String, "reason": nw.String, "rows": nw.Int64}
    small = nw.from_dict(data, schema=schema, backend="pyarrow")
    return results, _into(small, rows)


#: Series the reference path assesses in about a second: the automatic progress bar shows
#: from here on (about 200-400 µs per series, see docs/explanation/performance.md).
PROGRESS_FROM = 3000


@contextmanager
def _progress_bar(total: int, progress: bool | None) -> Iterator[None]:
    """A progress bar on standard error while ``total`` series are assessed one by one.

    ``progress`` True shows it, False never; None (the default) shows it when standard error
    is a terminal and there are `PROGRESS_FROM` series or more.
    """
    import sys

    show = progress if progress is not None else total >= PROGRESS_FROM and sys.stderr.isatty()
    if not show or total == 0:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from goalframe._judge import ticking

    bar = Progress(
        TextColumn("goalframe: {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    task = bar.add_task(f"{total:,} series without a frame form, one by one", total=total)
    with bar, ticking(lambda n: bar.advance(task, n)):
        yield
        bar.update(task, completed=total)


def result_rows(
    results: Iterable[IndicatorResult], bcols: list[str], *, engine: str
) -> list[dict[str, Any]]:
    """The results' columns (see `FrameEvaluation`), one dict per indicator and series."""
    out: list[dict[str, Any]] = []
    for result in results:
        lines: list[tuple[str, Any, Any, Any, Any]] = [
            ("headline", result.breakdown, result, result.assessment, result.indicator.goal)
        ]
        lines += [("group", g.group, g, g.assessment, g.goal) for g in result.groups]
        for role, breakdown, item, a, goal in lines:
            if not item.series:
                continue
            cells = dict(breakdown)
            baseline = goal.baseline if goal is not None else None
            latest = item.latest
            out.append(
                {
                    "indicator": result.id,
                    "role": role,
                    **{c: cells.get(c, "") for c in bcols},
                    "method": a.method,
                    "status": a.status.value,
                    "label": a.label,
                    "progress": _finite(a.value),
                    "expected": _finite(a.expected),
                    "score": _finite(a.score),
                    "baseline": baseline.value if baseline else None,
                    "baseline_period": str(baseline.period) if baseline else None,
                    "target": goal.target if goal is not None else None,
                    "deadline": str(goal.deadline) if goal and goal.deadline else None,
                    "latest": latest.value if latest else None,
                    "latest_period": str(latest.period) if latest else None,
                    "final": a.final,
                    "caveats": ",".join(dict.fromkeys(c.code for c in a.caveats)),
                    "observations": len(item.series),
                    "engine": engine,
                }
            )
    return out


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


_COLUMNS = (
    "indicator", "role", "method", "status", "label", "progress", "expected", "score",
    "baseline", "baseline_period", "target", "deadline", "latest", "latest_period", "final",
    "caveats", "observations", "engine",
)  # fmt: skip


def _as_frame(out: list[dict[str, Any]], like: Any, bcols: list[str]) -> Any:
    """Python rows as a lazy frame of ``like``'s backend, with the results' columns and types."""
    return _into(result_table(out, bcols, "pyarrow"), like)


def result_table(out: list[dict[str, Any]], bcols: list[str], backend: Any) -> Any:
    """`result_rows` as an eager narwhals frame of ``backend``, with the results' types."""
    import narwhals as nw

    names = ["indicator", "role", *bcols, *_COLUMNS[2:]]
    types = {
        "progress": nw.Float64, "expected": nw.Float64, "score": nw.Float64,
        "baseline": nw.Float64, "target": nw.Float64, "latest": nw.Float64,
        "final": nw.Boolean, "observations": nw.Int64,
    }  # fmt: skip
    schema: dict[str, Any] = {n: types.get(n, nw.String) for n in names}
    data = {n: [r[n] for r in out] for n in names}
    return nw.from_dict(data, schema=schema, backend=backend)


def _into(small: Any, like: Any) -> Any:
    """A small eager frame as a lazy frame of ``like``'s backend (for concatenation)."""
    from narwhals import Implementation

    impl = like.implementation
    if impl in (Implementation.PANDAS, Implementation.MODIN, Implementation.CUDF):
        import narwhals as nw

        return nw.from_native(small.to_pandas()).lazy()
    if impl is Implementation.POLARS:
        return small.lazy("polars")
    if impl is Implementation.PYARROW:
        return small.lazy()
    if impl is Implementation.PYSPARK:
        return small.lazy("pyspark", session=like.to_native().sparkSession)
    return small.lazy(impl)


def observations_from_frame(frame: Any, *, source: str = "<frame>") -> Any:
    """Observations from any data frame narwhals supports, for `goalframe.evaluate`.

    Null and NaN cells (pandas' NaN, None and pd.NA; polars' null) are blank cells, exactly
    as an empty CSV cell: a blank value is set aside with its reason, a blank breakdown cell
    is the total. Lazy frames are collected. The scorecard path makes one observation per
    row; for millions of rows use `evaluate_frame`, which does not.

    Added in 0.3.
    """
    import narwhals as nw

    from goalframe._observations import observations_from_columns

    lf = nw.from_native(frame)
    df = lf.collect() if isinstance(lf, nw.LazyFrame) else lf
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        msg = f"the data frame has no column {', '.join(repr(c) for c in missing)}"
        raise DataError(msg)
    return observations_from_columns({c: df[c].to_list() for c in df.columns}, source=source)
