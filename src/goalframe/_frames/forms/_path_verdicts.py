"""The path form's verdicts: each method's running verdict and the judge's rules, per series.

Over one row per series: the method's base and target (`_with_base`), each series' own
method's running verdict (`goalframe._frames.methods`), then the judge's rules once the
deadline is over (`_decided`) and the data caveats (`_caveats`), as `goalframe._judge`
gives them on the reference path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from goalframe._frames._caveats import baseline_extreme, baseline_mismatch, target_caveats
from goalframe._frames._expr import code, constant, null
from goalframe._frames.methods import Base, FrameMethod, frame_methods
from goalframe.schema import Direction

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._frames.methods import Meets, PathRun
    from goalframe._model import Goal

#: The columns each method's form adds, after its letter (``_<letter>_<column>``).
_RUNNING = ("status", "label", "value", "expected", "score", "start")


def running_forms(ids: Mapping[str, str]) -> list[FrameMethod]:
    """The frame forms of the methods among ``ids``' (by name, so the plan does not vary)."""
    used = set(ids.values())
    return [form for name, form in sorted(frame_methods().items()) if name in used]


def path_verdicts(
    series: Frame,
    path: PathRun,
    closed: Mapping[str, bool],
    bcols: list[str],
    *,
    periods: int,
) -> Frame:
    """The methods and the judge's rules, as expressions over one row per series.

    Each indicator's method (``path.ids``) gives the running verdict; the judge's rules (the
    final verdict once the deadline is over, the data caveats) are the same for every method.
    """
    import narwhals as nw

    s = _with_base(series, path, closed)

    def meets(value: Expr) -> Expr:
        return (
            nw.when(nw.col("_inc"))
            .then(value >= nw.col("_t") - nw.col("_tol"))
            .otherwise(value <= nw.col("_t") + nw.col("_tol"))
        )

    forms = running_forms(path.ids)
    for form in forms:  # (the forecast's t distribution has a term per possible point)
        s = form.assess(s, meets, periods=periods)
    s = s.with_columns(_method=constant(path.ids, nw.String))
    running = {c: _by_method(forms, c) for c in _RUNNING}
    s = s.with_columns(
        _progress=running["value"].cast(nw.Float64),
        _expected=running["expected"].cast(nw.Float64),
        _score=running["score"].cast(nw.Float64),
    )
    group = nw.col("_role") == "group"
    no_own = group & nw.col("_jb") & nw.col("_own").is_null()
    # Two rows for one year: no verdict (the reference path refuses such data with an error).
    duplicated = nw.col("_years") != nw.col("_n")
    # Once the deadline is over, the figure for it decides; without a target value (Open
    # SDG's method 1) nothing does, and the method's verdict stays (not final).
    decided = nw.col("_closed") & ~nw.col("_t").is_null()
    final_status, final_label = _decided(meets)
    status = (
        nw.when(no_own | duplicated)
        .then(nw.lit("not_assessable"))
        .when(decided)
        .then(final_status)
        .otherwise(running["status"])
    )
    label = (
        nw.when(duplicated)
        .then(nw.lit("duplicate_periods"))
        .when(no_own)
        .then(nw.lit("not_assessable"))
        .when(decided)
        .then(final_label)
        .otherwise(running["label"])
    )
    caveats = (
        nw.when(duplicated)
        .then(nw.lit("duplicate-periods"))
        .when(no_own)
        .then(nw.lit(""))
        .otherwise(_caveats(forms, path.goal, met_at_start=running["start"]))
    )
    out = s.with_columns(
        _status=status,
        _label=label,
        _caveats=caveats.str.strip_chars(","),
        _final=nw.when(no_own | duplicated).then(nw.lit(value=False)).otherwise(decided),
    )
    return _columns(out, path, bcols, no_own=no_own, duplicated=duplicated)


def _by_method(forms: list[FrameMethod], column: str) -> Expr:
    """Each series' own method's ``_<letter>_<column>``."""
    import narwhals as nw

    chosen: Any = None
    for form in forms:
        then, when = nw.col(f"_{form.letter}_{column}"), nw.col("_method") == form.name
        chosen = nw.when(when).then(then) if chosen is None else chosen.when(when).then(then)
    if column in ("status", "label"):
        otherwise = nw.lit(None, dtype=nw.String)
    else:
        otherwise = nw.lit(value=False) if column == "start" else null()
    return cast("Expr", chosen.otherwise(otherwise))


def _with_base(series: Frame, path: PathRun, closed: Mapping[str, bool]) -> Frame:
    """The series with each method's base (``_b``, its year ``_by``) and target (``_t``).

    The base is declared (a group's own figure for that year), or found as each method finds
    it (`Base`): Open SDG's base year's figure, else the next year's; UNSD's figure nearest
    its base year but the latest (the earlier on a tie; a series whose figures all precede
    it goes to the reference path); else the first figure (`resolve_baseline`). A relative
    target of a group is measured from its own figure.
    """
    import narwhals as nw

    k, goal, methods = path.constant, path.goal, path.ids
    forms = frame_methods()
    found = {i: None if path.declared[i] else forms[methods[i]].base for i in goal}
    base_year_first = k({i: b is Base.BASE_YEAR for i, b in found.items()}, nw.Boolean)
    nearest = k({i: b is Base.NEAREST for i, b in found.items()}, nw.Boolean)
    first_figure = k({i: b is Base.FIRST_FIGURE for i, b in found.items()}, nw.Boolean)
    jb, by = k(path.declared, nw.Boolean), path.base_year
    group, own = nw.col("_role") == "group", nw.col("_own")
    has_own = ~own.is_null()
    above = nw.when(nw.col("_next") != nw.col("_a_last")).then(nw.col("_next"))
    by_f = by.cast(nw.Float64)
    closer_before = ~nw.col("_prev").is_null() & (
        above.is_null() | ((by_f - nw.col("_prev")) <= (above - by_f))
    )
    before = nw.when(closer_before).then(nw.lit(value=True)).otherwise(nw.lit(value=False))
    declared = k({i: g.baseline.value for i, g in goal.items() if g.baseline}, nw.Float64)
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
    base_at = (
        nw.when(nearest & ~has_own)
        .then(nw.when(before).then(nw.col("_prev")).otherwise(above))
        .when(base_year_first & ~has_own)
        .then(nw.col("_next"))
        .when(first_figure)
        .then(nw.col("_a_first"))
        .otherwise(by_f)
    )
    return series.with_columns(
        _b=base.cast(nw.Float64),
        _t=_target(path, own, group).cast(nw.Float64),
        _by=base_at.cast(nw.Float64),
        _jb=jb,
        _dy=k({i: g.deadline.year for i, g in goal.items() if g.deadline}, nw.Int64),
        _closed=k(closed, nw.Boolean),
        _inc=k({i: g.direction is Direction.INCREASE for i, g in goal.items()}, nw.Boolean),
        _tol=k({i: g.tolerance for i, g in goal.items()}, nw.Float64),
        **_options(path),
    )


def _target(path: PathRun, own: Expr, group: Expr) -> Expr:
    """The target: declared, or a group's own figure moved by the relative change."""
    import narwhals as nw

    k, goal = path.constant, path.goal
    pct = {i: g.change_percent for i, g in goal.items() if g.change_percent is not None}
    pts = {
        i: g.target - g.baseline.value
        for i, g in goal.items()
        if g.change_points is not None and g.target is not None and g.baseline is not None
    }
    return (
        nw.when(group & k({i: i in pct for i in goal}, nw.Boolean))
        .then(own * (1 + k(pct, nw.Float64) / 100))
        .when(group & k({i: i in pts for i in goal}, nw.Boolean))
        .then(own + k(pts, nw.Float64))
        .otherwise(k({i: g.target for i, g in goal.items() if g.target is not None}, nw.Float64))
    )


def _options(path: PathRun) -> dict[str, Expr]:
    """Every option number as a column ``_opt_<name>`` (`FrameMethod.settings`)."""
    names = sorted({name for values in path.settings.values() for name in values})
    return {f"_opt_{name}": path.setting(name) for name in names}


def _decided(meets: Meets) -> tuple[Expr, Expr]:
    """The verdict once the deadline is over: the figure for the deadline decides.

    Missed is measured from the judge's start: the declared baseline, else the first figure.
    """
    import narwhals as nw

    at_deadline, latest = nw.col("_at_deadline"), nw.col("_latest")
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
    return final_status, final_label


def _caveats(forms: list[FrameMethod], goal: Mapping[str, Goal], *, met_at_start: Expr) -> Expr:
    """The caveat codes, as `goalframe._judge` gives them for these series."""
    import narwhals as nw

    last = nw.col("_last")
    # Missing years from the judge's start in every figure: the declared baseline, else the
    # first figure.
    counted_from = nw.when(nw.col("_jb")).then(nw.col("_by")).otherwise(nw.col("_first"))
    missing = (
        nw.when(counted_from < last)
        .then((last - counted_from + 1) - nw.col("_in_range"))
        .otherwise(0)
    )
    group, own = nw.col("_role") == "group", nw.col("_own")
    mismatch = ~group & nw.col("_jb") & baseline_mismatch(own, nw.col("_b"))
    extreme = nw.col("_jb") & baseline_extreme(own)
    own_caveats = []
    for form in forms:  # (a series has one method, so at most one of these applies)
        if form.caveat is not None:
            name, applies = form.caveat()
            own_caveats.append(code((nw.col("_method") == form.name) & applies, name))
    return nw.concat_str(
        [
            *own_caveats,
            code(met_at_start, "target-met-at-start"),
            code(nw.col("_flagged_any") > 0, "flagged-values"),
            code(missing > 0, "missing-periods"),
            code(mismatch, "baseline-mismatch"),
            code(extreme, "baseline-extreme"),
            *target_caveats(goal),
        ]
    )


def _columns(
    out: Frame, path: PathRun, bcols: list[str], *, no_own: Expr, duplicated: Expr
) -> Frame:
    """The results' columns (see `goalframe.FrameEvaluation`)."""
    import narwhals as nw

    def unless(condition: Expr, column: str) -> Expr:
        return nw.when(condition).then(null()).otherwise(nw.col(column)).cast(nw.Float64)

    return out.select(
        nw.col("indicator"),
        nw.col("_role").alias("role"),
        *(nw.col(c) for c in bcols),
        constant(path.ids, nw.String).alias("method"),
        nw.col("_status").alias("status"),
        nw.col("_label").alias("label"),
        unless(no_own, "_progress").alias("progress"),
        unless(no_own, "_expected").alias("expected_progress"),
        unless(no_own | duplicated, "_score").alias("score"),
        # The declared baseline (a group's own figure for its year), as the card's goal has
        # it: a group without that figure, or a target without a baseline, has none.
        nw.when(nw.col("_jb")).then(nw.col("_b")).otherwise(null()).alias("baseline"),
        nw.when(nw.col("_jb") & ~no_own)
        .then(path.base_year.cast(nw.String))
        .alias("baseline_period"),
        nw.col("_t").cast(nw.Float64).alias("target"),
        nw.col("_dy").cast(nw.String).alias("deadline"),
        nw.col("_last_value").cast(nw.Float64).alias("latest"),
        nw.col("_last").cast(nw.Int64).cast(nw.String).alias("latest_period"),
        nw.col("_final").alias("final"),
        nw.col("_caveats").alias("caveats"),
        nw.col("_n").cast(nw.Int64).alias("observations"),
        nw.lit("frame").alias("engine"),
    )


def base_year_of(goal: Goal, method: str, settings: Mapping[str, float]) -> int:
    """The year a path form looks its base up in: -1 when it is the first figure.

    The declared baseline's; without one, the method's own (`FrameMethod.base_year`: Open
    SDG's base year, UNSD's 2015), else -1.
    """
    if goal.baseline is not None:
        return goal.baseline.period.year
    return frame_methods()[method].base_year(settings)
