"""The path form's verdicts: each method's running verdict and the judge's rules, per series."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._caveats import baseline_extreme, baseline_mismatch, target_caveats
from goalframe._frames._expr import EPSILON, code, constant, div, null, status_and_label
from goalframe._frames._plan import FIRST_FIGURE
from goalframe._frames.methods.escap import escap
from goalframe._frames.methods.eurostat import eurostat
from goalframe._frames.methods.forecast import forecast
from goalframe._frames.methods.okr import okr
from goalframe._frames.methods.open_sdg import open_sdg
from goalframe._frames.methods.unsd import unsd
from goalframe.schema import Direction

if TYPE_CHECKING:
    from goalframe._model import Goal

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


def path_verdicts(
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
    branches, or Open SDG's progress value and label (`open_sdg`). The judge's rules (the
    final verdict once the deadline is over, the data caveats) are the same for both.
    """
    import narwhals as nw

    def k(values: Mapping[str, Any], dtype: Any) -> Any:
        return constant(values, dtype, among=methods)

    inc = k({i: g.direction is Direction.INCREASE for i, g in goal.items()}, nw.Boolean)
    tol = k({i: g.tolerance for i, g in goal.items()}, nw.Float64)
    # The year the method looks its base up in (`base_year_of`), and whether it is declared.
    by = k({i: base_year_of(g, methods[i], settings[i]) for i, g in goal.items()}, nw.Int64)
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
    # earlier on a tie; `assess_path` sends a series whose figures all precede 2015 to the
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
            .otherwise(null())
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
    elapsed = div(
        (nw.col("_a_last") - nw.col("_by")).cast(nw.Float64),
        (nw.col("_dy") - nw.col("_by")).cast(nw.Float64),
    )
    expected = nw.when(elapsed > 1).then(1.0).otherwise(elapsed)
    progress = div(latest - nw.col("_b"), span)
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
        .then(null())
        .when(nw.col("_held"))
        .then(latest)
        .otherwise(progress)
        .cast(nw.Float64),
        _expected=nw.when(~nw.col("_na").is_null() | nw.col("_held"))
        .then(null())
        .otherwise(expected)
        .cast(nw.Float64),
    )
    ratio = div(nw.col("_progress"), nw.col("_expected"))
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
    trajectory_status, trajectory_label = status_and_label(_BRANCHES, "_branch")
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

    s = s.with_columns(_method=constant(methods, nw.String))
    run_status = by_method(trajectory_status, "status")
    run_label = by_method(trajectory_label, "label")
    s = s.with_columns(
        _progress=by_method(nw.col("_progress"), "value").cast(nw.Float64),
        _expected=by_method(nw.col("_expected"), "expected").cast(nw.Float64),
        _score=by_method(null(), "score").cast(nw.Float64),
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
    mismatch = ~group & nw.col("_jb") & baseline_mismatch(own, nw.col("_b"))
    extreme = nw.col("_jb") & baseline_extreme(own)
    met_at_start = by_method(nw.col("_na").is_null() & nw.col("_held"), "start")

    caveats = nw.concat_str(
        [
            code(
                (nw.col("_method") == "open-sdg")
                & (nw.col("_t") == 0)
                & ~nw.col("_a_last").is_null()
                & ~nw.col("_b").is_null(),  # (no base found: no verdict, so no caveat)
                "zero-replaced",
            ),
            code((nw.col("_method") == "eurostat") & nw.col("_e_early"), "window-before-baseline")
            if "eurostat" in used
            else nw.lit(""),
            code(met_at_start, "target-met-at-start"),
            code(nw.col("_flagged_any") > 0, "flagged-values"),
            code(missing > 0, "missing-periods"),
            code(mismatch, "baseline-mismatch"),
            code(extreme, "baseline-extreme"),
            *target_caveats(goal),
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
        constant(methods, nw.String).alias("method"),
        nw.col("_status").alias("status"),
        nw.col("_label").alias("label"),
        nw.when(no_own)
        .then(null())
        .otherwise(nw.col("_progress"))
        .cast(nw.Float64)
        .alias("progress"),
        nw.when(no_own)
        .then(null())
        .otherwise(nw.col("_expected"))
        .cast(nw.Float64)
        .alias("expected"),
        nw.when(no_own | duplicated)
        .then(null())
        .otherwise(nw.col("_score"))
        .cast(nw.Float64)
        .alias("score"),
        # The declared baseline (a group's own figure for its year), as the card's goal has
        # it: a group without that figure, or a target without a baseline, has none.
        nw.when(nw.col("_jb")).then(nw.col("_b")).otherwise(null()).alias("baseline"),
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


#: The methods with a frame form besides the trajectory, with the letter of their columns:
#: each adds ``_<letter>_status``, ``_label``, ``_value``, ``_expected``, ``_score`` and
#: ``_start``.
_FORMS: dict[str, Callable[..., Any]] = {
    "open-sdg": open_sdg,
    "eurostat": eurostat,
    "unsd": unsd,
    "okr": okr,
    "forecast": forecast,
    "escap": escap,
}


_PREFIX = {
    "open-sdg": "o",
    "eurostat": "e",
    "unsd": "u",
    "okr": "k",
    "forecast": "f",
    "escap": "s",
}


def base_year_of(goal: Goal, method: str, settings: Mapping[str, float]) -> int:
    """The year a path form looks its base up in (`assess_path`): -1 when it is the first figure.

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
