"""The milestones form: a value by each milestone year, the last one deciding."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._caveats import baseline_extreme, baseline_mismatch, target_caveats
from goalframe._frames._expr import (
    code,
    constant,
    div,
    last_year_ended,
    null,
    status_and_label,
    value_where,
)
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
    from goalframe._model import Goal, Indicator

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


def assess_milestones(run: FormRun, ids: Mapping[str, str]) -> tuple[Frame, Frame]:
    """The verdicts of milestones targets, by expressions (three grouped passes).

    As the norm method reads them (`goalframe.progress.targets.assess_norm`): the milestone
    in force decides (met, missed and how the figure moved, or not known); before the last
    one, a milestone due without a figure makes the outcome unknown; after it, every
    milestone decides (`goalframe._judge._final`). Each indicator's checks (its milestones,
    and its target at its deadline) are constants ``_c<k>`` (years) and ``_v<k>`` (values).
    """
    indicators = run.indicators(ids)
    goal = {i.id: i.goal for i in indicators if i.goal is not None}
    constants, most = _constants(run, ids, goal)
    usable, aside, odd_possible = form_rows(run, ids, constants)
    usable, first = _first(usable, run.keys, most, last_year_ended(run.cutoff))
    series = _later(usable, first, run.keys, constants, most)
    return with_odd_series(
        run, series, first, usable, aside, odd_possible,
        lambda clean: _milestone_verdicts(clean, goal, run.bcols, ids, constants, most),
        indicators,
    )  # fmt: skip


def _constants(
    run: FormRun, ids: Mapping[str, str], goal: Mapping[str, Goal]
) -> tuple[dict[str, Expr], int]:
    """Each indicator's checks as constants (``_c<k>`` years, ``_v<k>`` values); the most."""
    import narwhals as nw

    cutoff = run.cutoff
    ended = last_year_ended(cutoff)
    checks: dict[str, list[tuple[int, float]]] = {}
    for i, g in goal.items():
        found = [(m.period.year, m.value) for m in g.milestones]
        if g.target is not None and g.deadline is not None:
            found.append((g.deadline.year, g.target))
        checks[i] = sorted(found)
    most = max(len(c) for c in checks.values())
    based = {i: g.baseline for i, g in goal.items() if g.baseline is not None}

    def k(values: Mapping[str, Any], dtype: Any, default: Any = None) -> Any:
        return constant(values, dtype, default, among=ids)

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
    return constants, most


def _first(usable: Frame, keys: list[str], most: int, ended: int) -> tuple[Frame, Frame]:
    """The rows' columns (the check in force, met or not) and the first pass over them.

    The first pass counts each series and finds the years either side of the baseline.
    """
    import narwhals as nw

    year, value, tol = nw.col("_year"), nw.col("_value"), nw.col("_tol")

    def meets(v: Expr, threshold: Any) -> Any:
        return nw.when(nw.col("_inc")).then(v >= threshold - tol).otherwise(v <= threshold + tol)

    in_force: Any = null()  # the value the row's year must reach, where it is a check
    for n in reversed(range(most)):
        in_force = nw.when(year == nw.col(f"_c{n}")).then(nw.col(f"_v{n}")).otherwise(in_force)
    usable = usable.with_columns(_mv=in_force.cast(nw.Float64))
    read, check = ~nw.col("_ay").is_null(), ~nw.col("_mv").is_null()
    usable = usable.with_columns(
        _m=nw.when(read & check & meets(value, nw.col("_mv"))).then(1).otherwise(0),
        _x=nw.when(read & check & ~meets(value, nw.col("_mv"))).then(1).otherwise(0),
        _mc=nw.when(check & (year <= ended)).then(1).otherwise(0),
        _dv=value_where(year == nw.col("_due")),
        _fv=value_where(year == nw.col("_dy")),
        # The baseline year's own figure, the flags from it on, the years either side of it.
        _ov=value_where(year == nw.col("_bly")),
        _fb=nw.when(year >= nw.col("_bly")).then(nw.col("_fl")).otherwise(0),
        _pb=nw.when(year < nw.col("_bly")).then(year).otherwise(null()).cast(nw.Float64),
        _nb=nw.when(year > nw.col("_bly")).then(year).otherwise(null()).cast(nw.Float64),
    )
    first = first_pass(
        usable,
        keys,
        **series_counts(),
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
    return usable, first


def _later(
    usable: Frame, first: Frame, keys: list[str], constants: Mapping[str, Expr], most: int
) -> Frame:
    """The second and third passes: the values at the years the first found.

    The third finds the figure before the milestone in force (how it moved).
    """
    import narwhals as nw

    year = nw.col("_year")
    # The milestone in force: the last check at or before the latest figure the method read.
    last_due: Any = null()
    for n in range(most):
        check_year = constants[f"_c{n}"].cast(nw.Float64)  # the aggregate has no constants
        last_due = nw.when(check_year <= nw.col("_a_last")).then(check_year).otherwise(last_due)
    first = first.with_columns(_ld=last_due.cast(nw.Float64))
    joined = usable.select(*keys, "_year", "_value", "_ay").join(first, on=keys, how="inner")
    joined = joined.with_columns(
        _lv=value_where(year == nw.col("_a_last")),
        _tv=value_where(year == nw.col("_last")),
        _sv=value_where(year == nw.col("_a_first")),
        _ldv=value_where(year == nw.col("_ld")),
        _pd=nw.when(~nw.col("_ay").is_null() & (nw.col("_ay") < nw.col("_ld")))
        .then(nw.col("_ay"))
        .otherwise(null())
        .cast(nw.Float64),
        _bv=value_where(year == nw.col("_prev")),
        _av=value_where(year == nw.col("_next")),
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
    before = before.with_columns(_qv=value_where(year == nw.col("_before_due")))
    third = before.group_by(keys).agg(_before_due_value=nw.col("_qv").max())
    return first.join(second, on=keys, how="inner").join(third, on=keys, how="inner")


# Long: one expression per branch of the reference's rules (`targets.assess_norm`, `_judge`), read
# beside them top to bottom.
def _milestone_verdicts(
    series: Frame,
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
    value, in_force = nw.col("_in_force_value"), null()
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
    status, label = status_and_label(_MILESTONES, "_branch")
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
    mismatch = based & ~group & baseline_mismatch(own, nw.col("_blv"))
    extreme = based & baseline_extreme(own)
    caveats = nw.concat_str(
        [
            code(flagged > 0, "flagged-values"),
            code(missing > 0, "missing-periods"),
            code(mismatch, "baseline-mismatch"),
            code(extreme, "baseline-extreme"),
            *target_caveats(goal),
        ]
    )
    targets = constant({i: g.target for i, g in goal.items() if g.target is not None}, nw.Float64)
    share = div(met.cast(nw.Float64), observed.cast(nw.Float64))
    na = nw.lit("not_assessable")
    return result_columns(
        s,
        status=nw.when(no_own).then(na).otherwise(status),
        label=nw.when(no_own).then(na).otherwise(label),
        progress=nw.when(no_own).then(null()).otherwise(share),
        caveats=nw.when(no_own).then(nw.lit("")).otherwise(caveats),
        decided=nw.col("_cl") & ~no_own,
        target=targets, goal=goal, bcols=bcols, methods=methods,
        baseline=nw.when(based & ~no_own).then(base_value).otherwise(null()),
        baseline_period=nw.when(based & ~no_own).then(nw.col("_bly").cast(nw.String)),
    )  # fmt: skip


def covers(indicator: Indicator, method: str, cutoff: Period) -> bool:
    """Whether a milestones target has the milestones form.

    Milestones in years (and a final target with its deadline, or neither), read by the norm
    method, with or without a baseline in years (each group's baseline is its own figure
    for that year).
    """
    goal = indicator.goal
    if method != "norm" or indicator.unit is None or goal is None:
        return False
    if len(indicator.goals) != 1 or indicator.direction is None:
        return False
    if not options_unread(indicator, method):
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


FORM = FrameForm(name="milestones", covers=covers, assess=assess_milestones)
