"""The facade's work: compile, evaluate and lint, and hand the results to a scorecard.

`goalframe.evaluate` and `goalframe.compare` live here, above evaluation, lint and the
renderers: evaluation never calls lint; this module runs both and puts the measurability
figure on the card.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from goalframe._evaluate import assess_all, prepare
from goalframe._lint import lint, measurability
from goalframe._model import Framework
from goalframe._observations import Observation, ObservationSet
from goalframe._outputs import Comparison, Scorecard
from goalframe._periods import Period
from goalframe._results import Evaluation
from goalframe._scorecard import Measurability
from goalframe.progress import get_method
from goalframe.progress import methods as all_methods
from goalframe.schema import FrameworkSpec

__all__ = ["compare", "evaluate"]
_log = logging.getLogger(__name__)

#: Column order of a comparison: the default method first, then the peers' methods.
PREFERRED = ("trajectory", "open-sdg", "eurostat", "unsd", "escap", "okr", "forecast")


def _as_of(as_of: Period | str | int | None) -> Period:
    """The assessment date: the period given, or today."""
    return Period.today() if as_of is None else Period.parse(as_of)


def _card(
    framework: Framework,
    obs_set: ObservationSet,
    evaluation: Evaluation,
    score: Measurability | None,
    *,
    as_of_given: bool = True,
) -> Scorecard:
    """The scorecard of an evaluation: its results with the framework's context."""
    return Scorecard(
        spec=framework.spec,
        as_of=evaluation.as_of,
        method=evaluation.method,
        indicators=evaluation.indicators,
        objectives=evaluation.objectives,
        set_aside=evaluation.set_aside,
        groups=evaluation.groups,
        origin=framework.origin,
        data_source=obs_set.source,
        measurability=score,
        as_of_given=as_of_given,
    )


#: Modules whose data frames `evaluate` reads through narwhals.
_FRAME_MODULES = ("pandas", "polars", "pyarrow", "duckdb", "pyspark", "dask", "modin", "cudf")


def _is_frame(value: object) -> bool:
    """Whether ``value`` is a data frame (pandas, polars, pyarrow, DuckDB, Spark, Dask)."""
    return type(value).__module__.split(".")[0] in _FRAME_MODULES


def evaluate(
    framework: Framework | FrameworkSpec,
    observations: ObservationSet | Iterable[Observation],
    *,
    as_of: Period | str | int | None = None,
    method: str | None = None,
    vintage: Period | str | int | None = None,
) -> Scorecard:
    """Assess every indicator of a framework against observations.

    Observations are matched to indicators by id, converted into each indicator's unit
    (once per unit, then plain floats), cut at ``as_of``, and assessed with the indicator's
    method (or ``method`` for all). Objectives are rolled up by the framework's rule.
    Nothing is dropped silently: every observation not used is on the card's ``set_aside``
    list with the reason.

    Args:
        framework: From `goalframe.load_framework`, or a `FrameworkSpec` to compile.
        observations: From `goalframe.load_observations` or
            `goalframe.observations_from_records`, or a data frame (pandas, polars, pyarrow,
            DuckDB, PySpark, Dask) with ``indicator``, ``period``, ``value`` and ``unit``
            columns; null and NaN cells are blank cells. For millions of rows use
            `goalframe.evaluate_frame`, which keeps them in the frame's engine.
        as_of: The assessment date: evaluate as if at the end of this period. Later
            observations are set aside, and a target whose deadline (norm span, last
            milestone) is over by then gets a final verdict: achieved, missed or outcome
            unknown. Default: today (``SOURCE_DATE_EPOCH`` when set), shown in the card's
            header; pass it for a card that does not change with the day it is made.
        method: Use this method for every indicator instead of each one's own.
        vintage: Assess the figures as published on this date: of several releases of a
            figure (a ``vintage`` column), the latest published by then. Default: the
            assessment date when ``as_of`` is given (the card shows what could have been known
            then), else the latest.

    Returns:
        The scorecard.

    Raises:
        DataError: Observations are in a unit that does not convert into the indicator's,
            or two rows give one period.
        UnknownMethodError: ``method`` is not registered.

    Examples:
        >>> import goalframe as gf
        >>> fw = gf.load_framework("examples/nl-drug-policy/goals.yaml")
        >>> obs = gf.load_observations("examples/nl-drug-policy/observations.csv")
        >>> card = gf.evaluate(fw, obs, as_of=2020)
        >>> card.indicator("drug_waste_dumpings").status
        <Status.ON_TRACK: 'on_track'>

    Added in 0.1.
    """
    if _is_frame(observations):
        from goalframe._frames import observations_from_frame

        observations = observations_from_frame(observations)
    framework, obs_set = prepare(framework, observations)
    score = measurability(framework, lint(framework))
    if vintage is None and as_of is not None:
        vintage = as_of  # what could have been known then: no release after the date
    evaluation = assess_all(framework, obs_set, as_of=_as_of(as_of), method=method, vintage=vintage)
    _log.debug(
        "assessed %d indicators as of %s; %d observations set aside",
        len(evaluation.indicators),
        evaluation.as_of,
        len(evaluation.set_aside),
    )
    return _card(framework, obs_set, evaluation, score, as_of_given=as_of is not None)


def compare(
    framework: Framework | FrameworkSpec,
    observations: ObservationSet | Iterable[Observation],
    *,
    methods: Sequence[str] | None = None,
    as_of: Period | str | int | None = None,
) -> Comparison:
    """Assess every indicator with several methods, to see where the verdict depends on it.

    Args:
        framework: The goal framework.
        observations: The observations.
        methods: Methods to compare; by default every general method (those that assess
            trajectory targets: trajectory, open-sdg, eurostat, unsd, escap, okr, forecast,
            and any plugin that declares itself general).
        as_of: The assessment date (see `evaluate`); default today.

    Returns:
        The comparison, with each indicator's own verdict beside every method's.

    Added in 0.1.
    """
    framework, obs_set = prepare(framework, observations)
    if methods is None:
        general = [m.name for m in all_methods() if m.general]
        order = {name: i for i, name in enumerate(PREFERRED)}
        chosen = tuple(sorted(general, key=lambda n: (order.get(n, len(order)), n)))
    else:
        chosen = tuple(methods)
    for name in chosen:
        get_method(name)
    # One lint run for the measurability score, shared by every card.
    score = measurability(framework, lint(framework))
    day = _as_of(as_of)
    from goalframe._judge import sharing

    with sharing():  # each series is cut, converted and checked for caveats once
        own, *cards = (
            _card(
                framework,
                obs_set,
                # Known then, as `evaluate` reads it: no release after the assessment date.
                assess_all(framework, obs_set, as_of=day, method=m, vintage=as_of),
                score,
                as_of_given=as_of is not None,
            )
            for m in (None, *chosen)
        )
    return Comparison(methods=chosen, own=own, cards=tuple(cards))
