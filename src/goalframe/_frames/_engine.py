"""`evaluate_frame`: the plan read, each form run, the results of every path joined."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from goalframe._frames._duplicates import has_repeated_periods, without_duplicates
from goalframe._frames._prepare import (
    KNOWN,
    RELEASES,
    REQUIRED,
    convert,
    prepare,
    read_years,
    with_roles,
    year_of,
)
from goalframe._frames._reference import assess_reference, late_only
from goalframe._frames._rows import aside_counts, late_releases
from goalframe._frames._run import FormRun
from goalframe._frames._table import as_frame
from goalframe._frames._targets import Held, target_passes
from goalframe._frames.forms import frame_forms, plan
from goalframe._periods import Period
from goalframe._verdict_columns import RESULT_COLUMNS
from goalframe.errors import DataError

if TYPE_CHECKING:
    from goalframe._frames._expr import Frame
    from goalframe._model import Framework


@attrs.frozen
class FrameEvaluation:
    """The verdicts of `evaluate_frame`, as frames of the caller's backend.

    Attributes:
        results: One row per indicator and series, with the columns of the verdict table
            (``indicator``, ``role``, the breakdown columns, ``method``, ``status``,
            ``label``, ``progress``, ``expected_progress``, ``score``, ``baseline``,
            ``baseline_period``, ``target``, ``deadline``, ``latest``, ``latest_period``,
            ``final``, ``caveats``, ``observations`` and ``engine``: see the docs' table of
            them, made from `goalframe._frames._table.RESULTS`).
        set_aside: Rows not used, counted by indicator and reason (``indicator``,
            ``reason``, ``rows``).

    Added in 0.2.
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

    Added in 0.2.
    """
    import warnings

    from goalframe._collector import paused

    # The collector paused (see `goalframe._collector`): the plan makes many small objects,
    # and a collection walks every object of a large goal file again.
    with paused(), warnings.catch_warnings():
        # pandas warns on comparisons with missing values, which the expressions handle.
        warnings.simplefilter("ignore", RuntimeWarning)
        found = _evaluate_frame(framework, frame, as_of=as_of, method=method, progress=progress)
        if _is_eager(frame) and has_repeated_periods(found.results):
            # exact duplicates set aside, conflicting ones refused: as the reference path
            import narwhals as nw

            data = nw.from_native(frame, eager_only=True)
            bcols = [c for c in data.columns if c not in KNOWN]
            unique, dropped = without_duplicates(data, bcols)
            found = _evaluate_frame(
                framework, unique.to_native(), as_of=as_of, method=method, progress=progress
            )
            counted = nw.from_native(found.set_aside)
            dropped = dropped.select(*(nw.col(c).cast(t) for c, t in counted.schema.items()))
            aside = nw.concat([counted, dropped], how="vertical")
            found = FrameEvaluation(results=found.results, set_aside=aside.to_native())
        return found


def _is_eager(frame: Any) -> bool:
    import narwhals as nw

    return isinstance(nw.from_native(frame), nw.DataFrame)


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
    lf = nw.from_native(frame)
    eager = isinstance(lf, nw.DataFrame)
    work: nw.LazyFrame[Any] = lf.lazy() if eager else lf
    names = _checked_columns(work)
    passes = target_passes(framework, cutoff, names)
    framework = passes[0].framework
    run = _prepared(work, framework, names, cutoff, method=method, progress=progress)
    if as_of is not None:  # what could have been known then, as `goalframe.evaluate` reads it
        run = attrs.evolve(run, vintage=cutoff)
        if set(RELEASES) & set(names):  # (one small query, only when rows name releases)
            run = attrs.evolve(run, late=late_releases(run.rows, cutoff))
    if eager and _backend(frame) is nw.Implementation.POLARS:
        # The frame is in memory already: the prepared columns are computed once, not again
        # by each of the small distinct queries of the forms and by the plan itself.
        run = attrs.evolve(run, rows=run.rows.collect().lazy())
    # Rows of indicators the goal file does not have are counted once, here.
    asides: list[Frame] = [aside_counts(run.rows, set(), cutoff)]
    parts: list[Frame] = []
    for held in passes:
        found, set_aside = _one_pass(attrs.evolve(run, framework=held.framework), held)
        parts += found
        if held.role == "in force":  # (an earlier target's pass reads the same rows again)
            asides += set_aside
    columns = ["indicator", "role", *run.bcols, *RESULT_COLUMNS[2:]]
    parts = [p.select(*columns) for p in parts] or [as_frame([], run.rows, run.bcols)]
    results = nw.concat(parts, how="vertical") if len(parts) > 1 else parts[0]
    aside = nw.concat(asides, how="vertical") if len(asides) > 1 else asides[0]
    if eager:
        return FrameEvaluation(
            results=results.collect(backend=_backend(frame)).to_native(),
            set_aside=aside.collect(backend=_backend(frame)).to_native(),
        )
    return FrameEvaluation(results=results.to_native(), set_aside=aside.to_native())


def _checked_columns(work: Frame) -> list[str]:
    """The frame's columns, once the required ones are found and ``value`` holds numbers."""
    schema = work.collect_schema()
    names = schema.names()
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        others = [n for n in names if n not in REQUIRED]
        hints = [_column_hint(c, others) for c in missing]
        msg = (
            f"the data frame has no column {', '.join(hints)}; it needs "
            f"{', '.join(REQUIRED)} (it has {', '.join(names)})"
        )
        raise DataError(msg)
    if not schema["value"].is_numeric():
        msg = (
            f"the data frame's 'value' column is {schema['value']}, not numbers; cast it "
            "(a text column with decimal commas: read it with goalframe.load_observations)"
        )
        raise DataError(msg)
    clash = [c for c in names if c not in KNOWN and (c in RESULT_COLUMNS or c.startswith("_"))]
    if clash:
        name = clash[0]
        why = (
            "the engine's own columns start with '_'"
            if name.startswith("_")
            else ("the verdict table has a column of that name")
        )
        msg = (
            f"the data frame's column {name!r} would be a breakdown, but {why}; rename it "
            f"(for example to '{name.strip('_')}_group')"
        )
        raise DataError(msg)
    return names


#: Names a frame often gives a required column (``year`` for ``period``).
_USUAL = {"period": ("year", "time", "date", "time_period"), "value": ("obs_value", "val")}


def _column_hint(column: str, others: list[str]) -> str:
    """``'period' (rename 'year'?)``: a usual other name the frame has, else a close one."""
    from goalframe._suggest import close_matches

    usual = [o for o in others if o.lower() in _USUAL.get(column, ())]
    found = usual or close_matches(column, others, limit=1)
    return f"{column!r} (rename {found[0]!r}?)" if found else repr(column)


def _prepared(
    work: Frame,
    framework: Framework,
    names: list[str],
    cutoff: Period,
    *,
    method: str | None,
    progress: bool | None,
) -> FormRun:
    """The rows made ready once (`goalframe._frames._prepare`), and what every form is given."""
    bcols = [c for c in names if c not in KNOWN]
    prepared = prepare(work, bcols, framework, names)
    years = read_years(prepared, framework)
    known_years = {text: year for text, year in years.items() if year is not None}
    yearly = all(year is not None for year in years.values())
    prepared = prepared.with_columns(_year=year_of(known_years, yearly=yearly))
    prepared = convert(with_roles(prepared, framework, bcols), framework, cutoff)
    return FormRun(
        rows=prepared,
        framework=framework,
        bcols=bcols,
        cutoff=cutoff,
        # Whether a series can need the reference path for its periods or releases: not
        # when every period is a year and no row names its release (else a first pass tells).
        plain=yearly and not (set(RELEASES) & set(names)),
        method=method,
        periods=len(known_years),
        last_year=max(known_years.values(), default=None),
        progress=progress,
    )


def _one_pass(run: FormRun, held: Held) -> tuple[list[Frame], list[Frame]]:
    """The forms and the reference path over the indicators of one pass (see `Held`)."""
    chosen, reference_ids = plan(run.framework, run.method, run.cutoff)
    if held.only is not None:
        chosen = {f: {i: m for i, m in ids.items() if i in held.only} for f, ids in chosen.items()}
        reference_ids &= held.only
    parts: list[Frame] = []
    asides: list[Frame] = []
    for form in frame_forms():
        if chosen[form.name]:
            results, aside = form.assess(run, chosen[form.name])
            parts.append(held.columns(results, reference=False))
            asides.append(aside)
    if held.role == "in force":  # a series of late rows only: a row of its own, unassessed
        late = late_only(run, {i for ids in chosen.values() for i in ids})
        if late is not None:
            parts.append(held.columns(late, reference=True))
    fallback = assess_reference(
        run.rows,
        run.framework,
        reference_ids,
        run.bcols,
        run.cutoff,
        run.method,
        run.progress,
        run.vintage,
    )
    if fallback is not None:
        parts.append(held.columns(fallback[0], reference=True))
        asides.append(fallback[1])
    return parts, asides


def _backend(native: Any) -> Any:
    import narwhals as nw

    return nw.from_native(native).implementation
