"""Which path each indicator takes: a frame form, or the reference path one series at a time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from goalframe._periods import Frequency, Period
from goalframe.schema import TargetType

if TYPE_CHECKING:
    from goalframe._model import Framework, Indicator

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
#: form of their own (`assess_levels`): they have no baseline and no path to it.
LEVEL_METHODS = ("range", "binary")


#: Targets over a span of years, with a frame form of their own (`assess_norms`): norms ("at least
#: 950 a year, 2015-2018") and cumulative totals ("2,000 over 2022-2024").
NORM_METHODS = ("norm", "cumulative")


def split_indicators(
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
    """Whether an indicator without a target has the frame form `assess_untargeted`.

    Context indicators and others with no target: every method says `not_assessable`, and
    the card shows the latest figure. Without a unit the rows are set aside instead, which
    the reference path says.
    """
    return indicator.goal is None and not indicator.goals and indicator.unit is not None


def _frame_form(indicator: Indicator, method: str) -> bool:
    """Whether a trajectory target has the path form `assess_path` under ``method``.

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
    """Whether a range or binary target has the frame form `assess_levels`.

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
    """Whether a norm or a cumulative total has the frame form `assess_norms`.

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


def milestones_of(framework: Framework, ident: str) -> bool:
    """Whether the indicator's target is a milestones target."""
    goal = framework.indicator(ident).goal
    return goal is not None and goal.type is TargetType.MILESTONES


def _milestone_form(indicator: Indicator, method: str) -> bool:
    """Whether a milestones target has the frame form `assess_milestones`.

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
    # open-sdg reads base_year only without a declared baseline (`base_year_of`), and limit
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


def option_values(
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
