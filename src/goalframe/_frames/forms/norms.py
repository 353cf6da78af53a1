"""The norms form: targets over a span of years (every year a value, or a running total)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._caveats import target_caveats
from goalframe._frames._expr import (
    EPSILON,
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
    from goalframe._frames._expr import Frame
    from goalframe._model import Indicator

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
    "e_missed": ("missed", "missed"),  # a year of the span failed it (`_judge._early`)
    "c_reached": ("achieved", "total_reached"),
    "c_on": ("on_track", "on_pace"),
    "c_behind": ("needs_acceleration", "behind_pace"),
    "c_far": ("insufficient_progress", "far_behind_pace"),
    "c_cap": ("missed", "cap_exceeded"),
    "c_within": ("on_track", "within_pace"),
    "c_above": ("needs_acceleration", "above_pace"),
}


# Long: the form's two grouped passes, their row columns and aggregations named in one place.
def assess_norms(run: FormRun, ids: Mapping[str, str]) -> tuple[Frame, Frame]:
    """The verdicts of targets over a span of years, by expressions: norms and totals.

    A norm (every year of the span must reach a value), as `goalframe.progress.targets.
    assess_norm` and the judge give it: the share of the years due so far that met the
    value; before the deadline, a year due without a figure makes the outcome unknown; after
    it, every year of the span decides. A cumulative total whose span is not over, as
    `assess_cumulative`: the running total against the share of the span gone. Two grouped
    passes.
    """
    import narwhals as nw

    bcols, cutoff = run.bcols, run.cutoff

    indicators = run.indicators(ids)
    goal = {i.id: i.goal for i in indicators if i.goal is not None}
    keys = run.keys
    ended = last_year_ended(cutoff)
    spans: dict[str, tuple[int, Period]] = {}
    for i, g in goal.items():
        assert g.base_period is not None  # as `_norm_form` checked
        assert g.deadline is not None
        spans[i] = (g.base_period.year, g.deadline)
    # The last year of the span that is over, for those that have one.
    due = {i: min(end.year, ended) for i, (first, end) in spans.items() if first <= ended}

    def k(values: Mapping[str, Any], dtype: Any, default: Any = None) -> Any:
        return constant(values, dtype, default, among=ids)

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
    usable, aside, odd_possible = form_rows(run, ids, constants)
    year, value = nw.col("_year"), nw.col("_value")
    sy, dy, target, tol = nw.col("_sy"), nw.col("_dy"), nw.col("_tgt"), nw.col("_tol")
    in_span = (year >= sy) & (year <= dy)
    meets = nw.when(nw.col("_inc")).then(value >= target - tol).otherwise(value <= target + tol)
    read = ~nw.col("_ay").is_null()

    def year_if(which: Any) -> Any:
        return nw.when(which).then(year).otherwise(null()).cast(nw.Float64)

    usable = usable.with_columns(
        _m=nw.when(read & in_span & meets).then(1).otherwise(0),
        _cv=value_where(read & in_span),
        _cy=year_if(read & in_span),
        _x=nw.when(read & in_span & ~meets).then(1).otherwise(0),
        _sv=value_where(year == sy),
        _dl_v=value_where(year == dy),
        _dv=value_where(year == nw.col("_due")),
        _fs=nw.when(year >= sy).then(nw.col("_fl")).otherwise(0),
        _ms=nw.when(in_span & (year <= ended)).then(1).otherwise(0),
    )
    first = first_pass(
        usable,
        keys,
        **series_counts(),
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
    )
    joined = usable.select(*keys, "_year", "_value").join(first, on=keys, how="inner")
    joined = joined.with_columns(
        _lv=value_where(year == nw.col("_a_last")),
        _tv=value_where(year == nw.col("_last")),
    )
    second = joined.group_by(keys).agg(
        _latest=nw.col("_lv").max(),
        _last_value=nw.col("_tv").max(),
    )
    series = first.join(second, on=keys, how="inner")
    return with_odd_series(
        run, series, first, usable, aside, odd_possible,
        lambda clean: _norm_verdicts(clean, goal, bcols, ids, constants, ended),
        indicators,
    )  # fmt: skip


# Long: one expression per branch of the reference's rules (`targets.assess_norm`,
# `assess_cumulative`, `_judge`), read beside them top to bottom.
def _norm_verdicts(
    series: Frame,
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
    share = div(met.cast(nw.Float64), observed.cast(nw.Float64))
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
    made = nw.when(target == 0).then(0.0).otherwise(div(total, target))
    reached = nw.when(nw.col("_inc")).then(total >= target - tol).otherwise(total <= target + tol)
    pace = div(made, part)
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
    # A norm failed in a year of the span is missed from then on (`_judge._early`).
    s = s.with_columns(
        _branch=nw.when(cumulative)
        .then(totals)
        .when(nw.col("_cl"))
        .then(final)
        .when(miss > 0)
        .then(nw.lit("e_missed"))
        .otherwise(running)
    )
    status, label = status_and_label(_NORMS, "_branch")
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
    seen = observed.cast(nw.Int64).cast(nw.String)
    label = (
        nw.when((nw.col("_branch") == "f_missed") & several)
        .then(nw.concat_str([moved, nw.lit(" ("), counted, nw.lit(" of "), of, nw.lit(" met)")]))
        .when(nw.col("_branch") == "f_missed")
        .then(moved)
        .when(nw.col("_branch") == "e_missed")
        .then(nw.concat_str([moved, nw.lit(" ("), counted, nw.lit(" of "), seen, nw.lit(" met)")]))
        .when((nw.col("_branch") == "f_met") & several)
        .then(nw.concat_str([nw.lit("met ("), counted, nw.lit(" of "), of, nw.lit(")")]))
        .otherwise(label)
    )
    # The data caveats, as `_judge._data_caveats` gives them for a norm.
    n_ended = nw.when(dy < ended).then(dy).otherwise(float(ended)) - sy + 1
    missing = nw.when(n_ended > 0).then(n_ended - nw.col("_seen")).otherwise(0.0)
    flagged = nw.when(start.is_null()).then(nw.col("_fl_all")).otherwise(nw.col("_fl_span"))

    caveats = nw.concat_str(
        [
            code(flagged > 0, "flagged-values"),
            code(missing > 0, "missing-periods"),
            *target_caveats(goal),
        ]
    )
    targets = constant({i: g.target for i, g in goal.items()}, nw.Float64)
    decided = nw.col("_cl") | nw.col("_branch").is_in(["e_missed", "c_cap"])
    progress = nw.when(~cumulative).then(share).when(no_total).then(null()).otherwise(made)
    return result_columns(
        s, status=status, label=label, progress=progress, caveats=caveats,
        decided=decided, target=targets, goal=goal, bcols=bcols, methods=methods,
        expected=nw.when(cumulative & ~no_total).then(part).otherwise(null()),
    )  # fmt: skip


def covers(indicator: Indicator, method: str, cutoff: Period) -> bool:
    """Whether a norm or a cumulative total has the norms form.

    One target of the method's type, its span in years in the goal file. A total whose span
    is over goes to the reference path: its final verdict names the totals in words.
    """
    goal = indicator.goal
    if method not in ("norm", "cumulative") or indicator.unit is None or goal is None:
        return False
    if len(indicator.goals) != 1 or indicator.direction is None:
        return False
    if not options_unread(indicator, method):
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


FORM = FrameForm(name="norms", covers=covers, assess=assess_norms)
