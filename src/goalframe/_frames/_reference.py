"""The series no frame form covers, assessed one by one by the reference path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import among, any_row, clean_series, constant
from goalframe._frames._prepare import absent_by
from goalframe._frames._table import as_frame, into, result_rows
from goalframe._periods import Period

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._frames._run import FormRun
    from goalframe._model import Framework, Indicator


def with_odd_series(
    run: FormRun,
    series: Frame,
    first: Frame,
    usable: Frame,
    aside: Frame,
    odd_possible: bool,
    verdicts: Callable[[Frame], Frame],
    indicators: list[Indicator],
    keeps: Expr | None = None,
) -> tuple[Frame, Frame]:
    """The ``verdicts`` of the clean series, and the reference path's of the odd ones.

    A series with a break or a period that is not a year goes to the reference path; whether
    any can is known from the first pass alone. Whether an indicator's ``by`` columns have
    values is a fact about the whole frame (``run.rows``).
    """
    import narwhals as nw

    keys, bcols = run.keys, run.bcols
    absent = absent_by(run.rows, indicators, bcols)
    series = series.with_columns(
        _absent=constant(dict.fromkeys(absent, True), nw.Boolean, default=False)
    )
    # Beside a break or a period that is not a year, a method may leave series to the
    # reference path (``keeps``: the ones it reads).
    clean = clean_series() if keeps is None else clean_series() & keeps
    if odd_possible:
        odd_possible = any_row(first.filter(~clean))
    results = verdicts(series.filter(clean))
    if odd_possible:
        odd = series.filter(~clean).select(keys)
        extra, extra_aside = reference_rows(
            usable.join(odd, on=keys, how="inner"), run.framework, bcols, run.cutoff,
            run.method, absent=absent, progress=run.progress, vintage=run.vintage,
        )  # fmt: skip
        # The target's columns are the pass's (`_frames._targets.Held.columns`) for both.
        extra = extra.select(results.collect_schema().names())
        results = nw.concat([results, extra], how="vertical")
        aside = nw.concat([aside, extra_aside], how="vertical")
    return results, aside


def late_only(run: FormRun, ids: set[str]) -> Frame | None:
    """The verdict rows of the series of ``ids`` whose every figure is after the date.

    Such a series exists in the data but has nothing to assess then: the reference path's
    verdict (not assessable, with the reason) stands in the table, as on a card. Its rows are
    counted as set aside by the forms already. Nothing is queried unless a row's year is
    after the assessment date.
    """
    import narwhals as nw

    from goalframe._frames._expr import last_year_ended
    from goalframe._frames._prepare import absent_by

    cut = last_year_ended(run.cutoff)
    if not ids or (run.late is None and (run.last_year is None or run.last_year <= cut)):
        return None
    rows = run.rows.filter(
        among(sorted(ids)) & nw.col("_role").is_in(["headline", "group"])
        & ~nw.col("_value").is_null()
    )  # fmt: skip
    # A row the forms read: up to the date (a period that is not a year goes on to the
    # reference path, which cuts it there) and released by the vintage date.
    known = nw.col("_year").is_null() | (nw.col("_year") <= cut)
    if run.late is not None:
        known = known & ~run.late
    early = nw.when(known).then(nw.lit(1)).otherwise(nw.lit(0))
    keys = run.keys
    late = (
        rows.with_columns(_early=early)
        .group_by(keys)
        .agg(nw.col("_early").max())
        .filter(nw.col("_early") == 0)
        .select(keys)
    )
    found = {str(i) for i in late.select("indicator").collect()["indicator"].to_list()}
    if not found:
        return None
    absent = absent_by(run.rows, run.indicators(dict.fromkeys(found, "")), run.bcols)
    # Joined lazily, in the engine's own types (a small frame made in Python would not match
    # Dask's string columns).
    results, _ = reference_rows(
        rows.join(late, on=keys, how="inner"), run.framework, run.bcols, run.cutoff,
        run.method, absent=absent, vintage=run.vintage,
    )  # fmt: skip
    late_rows: Frame = results
    return late_rows


def assess_reference(
    lf: Frame,
    framework: Framework,
    ids: set[str],
    bcols: list[str],
    cutoff: Period,
    method: str | None,
    progress: bool | None = None,
    vintage: Period | None = None,
) -> tuple[Any, Any] | None:
    """The indicators without a frame form, assessed per series by the reference path."""
    import narwhals as nw

    if not ids:
        return None
    rows = lf.filter(among(sorted(ids)))
    results, assessed_aside = reference_rows(
        rows, framework, bcols, cutoff, method, progress=progress, vintage=vintage
    )
    other = (
        rows.filter(nw.col("_role") == "other")
        .with_columns(reason=nw.lit("breakdown not assessed"))
        .group_by("indicator", "reason")
        .agg(rows=nw.len())
        .with_columns(nw.col("rows").cast(nw.Int64))
    )
    return results, nw.concat([other, assessed_aside], how="vertical")


def reference_rows(
    rows: Frame,
    framework: Framework,
    bcols: list[str],
    cutoff: Period,
    method: str | None,
    *,
    absent: set[str] | None = None,
    progress: bool | None = None,
    vintage: Period | None = None,
) -> tuple[Any, Any]:
    """Assess the series of ``rows`` one by one with the reference path (`goalframe._evaluate`).

    ``vintage``: the figures as released by then (the assessment date when one was given, as
    `goalframe.evaluate` reads them).

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
    with progress_bar(len(series), progress):
        evaluation = assess_all(
            framework, observations, as_of=cutoff, method=method, vintage=vintage
        )
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
    results = as_frame(out, rows, bcols)
    counts: dict[tuple[str, str], int] = {}
    for aside in evaluation.set_aside:
        key = (aside.indicator or "", str(aside.reason))
        counts[key] = counts.get(key, 0) + 1
    columns: dict[str, list[Any]] = {
        "indicator": [i for i, _ in counts],
        "reason": [r for _, r in counts],
        "rows": list(counts.values()),
    }
    schema: dict[str, Any] = {"indicator": nw.String, "reason": nw.String, "rows": nw.Int64}
    small = nw.from_dict(columns, schema=schema, backend="pyarrow")
    return results, into(small, rows)


#: Series the reference path assesses in about a second: the automatic progress bar shows
#: from here on (about 200-400 µs per series, see docs/explanation/performance.md).
PROGRESS_FROM = 3000


@contextmanager
def progress_bar(total: int, progress: bool | None) -> Iterator[None]:
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
