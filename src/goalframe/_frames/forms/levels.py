"""The levels form: range and binary targets (a level to hold, done or not done)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._caveats import target_caveats
from goalframe._frames._expr import code, constant, div, null, status_and_label
from goalframe._frames._options import options_unread
from goalframe._frames._reference import with_odd_series
from goalframe._frames._rows import first_pass, form_rows, series_counts
from goalframe._frames._run import FormRun
from goalframe._frames.forms import FrameForm
from goalframe._frames.forms._columns import result_columns
from goalframe._periods import Frequency, Period
from goalframe.schema import Direction, TargetType

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._model import Indicator

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


# Long: the form's three grouped passes, their row columns and aggregations named in one place.
def assess_levels(run: FormRun, ids: Mapping[str, str]) -> tuple[Frame, Frame]:
    """The verdicts of range and binary targets (``ids``: their methods), by expressions.

    As `goalframe.progress.targets` and the judge give them: the range method's latest value
    inside ``[low, high]`` or closer than the one before, the binary method's latest 1 or 0;
    once the deadline is over, the figure for the deadline (`goalframe._judge._final`).
    Three grouped passes: counts and years, the values at those years, and the value before
    the latest (ranges only).
    """
    import narwhals as nw

    bcols, cutoff = run.bcols, run.cutoff

    indicators = run.indicators(ids)
    goal = {i.id: i.goal for i in indicators if i.goal is not None}
    keys = run.keys
    dated = {i: g.deadline for i, g in goal.items() if g.deadline is not None}

    def k(values: Mapping[str, Any], dtype: Any, default: Any = None) -> Any:
        return constant(values, dtype, default, among=ids)

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
    usable, aside, odd_possible = form_rows(run, ids, constants)
    year, value = nw.col("_year"), nw.col("_value")
    lo, hi, tol = nw.col("_lo"), nw.col("_hi"), nw.col("_tol")

    def inside(v: Expr) -> Any:
        return (v >= lo - tol) & (v <= hi + tol)

    read = ~nw.col("_ay").is_null()
    usable = usable.with_columns(
        _in=nw.when(read & inside(value)).then(1).otherwise(0),
        _nb=nw.when(read & (value != 0) & (value != 1)).then(1).otherwise(0),
        _dl_v=nw.when(year == nw.col("_dy")).then(value).otherwise(null()).cast(nw.Float64),
    )
    first = first_pass(
        usable,
        keys,
        **series_counts(),
        _in_n=nw.col("_in").sum(),
        _nb_n=nw.col("_nb").sum(),
        _flagged_any=nw.col("_fl").max(),
        _at_deadline=nw.col("_dl_v").max(),
    )
    joined = usable.select(*keys, "_year", "_value", "_ay").join(first, on=keys, how="inner")
    joined = joined.with_columns(
        _lv=nw.when(year == nw.col("_a_last")).then(value).otherwise(null()).cast(nw.Float64),
        _tv=nw.when(year == nw.col("_last")).then(value).otherwise(null()).cast(nw.Float64),
        _sv=nw.when(year == nw.col("_a_first")).then(value).otherwise(null()).cast(nw.Float64),
        _pv=nw.when(~nw.col("_ay").is_null() & (nw.col("_ay") < nw.col("_a_last")))
        .then(nw.col("_ay"))
        .otherwise(null())
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
            _qv=nw.when(year == nw.col("_prev")).then(value).otherwise(null()).cast(nw.Float64)
        )
        third = before.group_by(keys).agg(_previous=nw.col("_qv").max())
        series = series.join(third, on=keys, how="inner")
    else:
        series = series.with_columns(_previous=null())
    return with_odd_series(
        run, series, first, usable, aside, odd_possible,
        lambda clean: _level_verdicts(clean, goal, bcols, ids, constants),
        indicators,
    )  # fmt: skip


# Long: one expression per branch of the reference's rules (`targets.assess_range`,
# `assess_binary`, `_judge`), read beside them top to bottom.
def _level_verdicts(
    series: Frame,
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

    def inside(v: Expr) -> Any:
        return (v >= lo - tol) & (v <= hi + tol)

    def distance(v: Expr) -> Any:  # max(low - v, v - high, 0)
        gap = nw.when(lo - v > v - hi).then(lo - v).otherwise(v - hi)
        return nw.when(gap > 0).then(gap).otherwise(0.0)

    def meets_done(v: Expr) -> Any:  # the binary target's 1, in its direction
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
        .otherwise(null())
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
    status, label = status_and_label(_LEVELS, "_branch")
    share = div(nw.col("_in_n").cast(nw.Float64), nw.col("_a_n").cast(nw.Float64))
    progress = (
        nw.when(binary)
        .then(nw.when(none_read | (nw.col("_nb_n") > 0)).then(null()).otherwise(latest))
        .otherwise(share)
    )
    last = nw.col("_last")
    missing = nw.when(nw.col("_first") < last).then(last - nw.col("_first") + 1 - nw.col("_years"))

    caveats = nw.concat_str(
        [
            code(nw.col("_flagged_any") > 0, "flagged-values"),
            code(missing.otherwise(0) > 0, "missing-periods"),
            *target_caveats(goal),
        ]
    )
    return result_columns(
        s, status=status, label=label, progress=progress, caveats=caveats, decided=decided,
        target=null(), goal=goal, bcols=bcols, methods=methods,
    )  # fmt: skip


def covers(indicator: Indicator, method: str, cutoff: Period) -> bool:
    """Whether a range or binary target has the levels form.

    One target of the method's own type, in years, with its bounds in the goal file (bounds
    from method options, a per-group table or a start period go to the reference path).
    """
    goal = indicator.goal
    if method not in ("range", "binary") or indicator.unit is None or goal is None:
        return False
    if len(indicator.goals) != 1 or not options_unread(indicator, method):
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


FORM = FrameForm(name="levels", covers=covers, assess=assess_levels)
