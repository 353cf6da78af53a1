"""The rows a form reads, its first grouped pass, and the rows it sets aside."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import among, constant, last_year_ended, null
from goalframe._frames._prepare import FlagTable, flag_table
from goalframe._messages import Message
from goalframe._periods import Period

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._frames._run import FormRun


def series_counts() -> dict[str, Expr]:
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


def first_pass(usable: Frame, keys: list[str], **aggregations: Expr) -> Frame:
    """A form's first grouped pass over its rows: ``aggregations`` per series.

    Dask counts distinct values per partition and adds them up, so a year with two rows in
    different partitions counted twice in ``read_years`` (found with revised figures): there the
    distinct years come from one more pass over the distinct (series, year) pairs.
    """
    import narwhals as nw

    first = usable.group_by(keys).agg(**aggregations)
    backend: Any = usable.implementation  # (typed as the lazy frame's default, polars)
    if "_years" not in aggregations or backend is not nw.Implementation.DASK:
        return first
    years = usable.select(*keys, "_year").unique().group_by(keys).agg(_years=nw.len())
    return first.drop("_years").join(years, on=keys, how="inner")


def readable_rows(run: FormRun, ids: Mapping[str, str]) -> tuple[Frame, Frame, FlagTable]:
    """The rows of ``ids`` a form reads, the rows it sets aside (counted), and the flags.

    A row is read when it is a headline's or a group's, has a value and a unit that converts,
    and a period before the assessment date ends; each gets ``_flagged`` (a flag the caveat
    lists) and ``_break``.
    """
    import narwhals as nw

    lf, cutoff = run.rows, run.cutoff
    flags = flag_table(lf)
    rows = lf.filter(among(sorted(ids)) & nw.col("_role").is_in(["headline", "group"]))
    rows = rows.with_columns(
        _flagged=constant(flags[0], nw.Boolean, default=False, column="_flag"),
        _break=constant(flags[1], nw.Boolean, default=False, column="_flag"),
    )
    late = run.late
    aside = aside_counts(lf, set(ids), cutoff, unknown=False, late=late, vintage=run.vintage)
    usable = rows.filter(~nw.col("_value").is_null() & nw.col("_unit_ok"))
    cut_year = last_year_ended(cutoff)
    usable = usable.filter(nw.col("_year").is_null() | (nw.col("_year") <= cut_year))
    if late is not None:  # releases published after the date: not known then
        usable = usable.filter(~late)
    return usable, aside, flags


def late_releases(lf: Frame, vintage: Period) -> Expr | None:
    """Whether a row's release was published after ``vintage`` (None: no row's was).

    The distinct release cells are read once per run (`goalframe._frames._engine`), as the
    reference path reads a ``vintage`` column: a release that starts at or after the end of
    ``vintage`` was not known then.
    """
    import narwhals as nw

    late: dict[str, bool] = {}
    for text in lf.select("_vintage").unique().collect()["_vintage"].to_list():
        if not text:
            continue
        try:
            late[text] = Period.parse(text).start >= vintage.end
        except (TypeError, ValueError):
            continue  # (an unreadable release: the reference path says why)
    if not any(late.values()):
        return None
    return constant(late, nw.Boolean, default=False, column="_vintage")


def form_rows(
    run: FormRun, ids: Mapping[str, str], constants: Mapping[str, Any]
) -> tuple[Frame, Frame, bool]:
    """The rows a level or norm form reads, the rows set aside, and whether odd series can be.

    Each row gets the per-indicator ``constants``, ``_ay`` (its year, when the method reads it:
    up to the deadline once that is over, as `Series.until`), ``_odd_row`` (a period that is
    not a year, or a break) and ``_fl`` (a flag the caveat lists).
    """
    import narwhals as nw

    usable, aside, flags = readable_rows(run, ids)
    year = nw.col("_year")
    usable = usable.with_columns(**constants).with_columns(
        _ay=nw.when(nw.col("_cl") & (year > nw.col("_dy")))
        .then(null())
        .otherwise(year)
        .cast(nw.Float64),
        _odd_row=(year.is_null() | nw.col("_break")).cast(nw.Int64),
        _vr=(nw.col("_vintage") != "").cast(nw.Int64),  # a row that names its release
        _fl=nw.col("_flagged").cast(nw.Int64),
    )
    return usable, aside, any(flags[1].values()) or not run.plain


def aside_counts(
    lf: Frame,
    ids: set[str],
    cutoff: Period,
    *,
    unknown: bool = True,
    late: Expr | None = None,
    vintage: Period | None = None,
) -> Frame:
    """Rows of the frame-form indicators not used, counted by indicator and reason.

    The reasons are the reference path's words, so both paths' counts read alike. Rows of
    indicators the goal file does not have are counted too, unless ``unknown`` is False
    (they are counted once, by the first frame form). ``late``: rows released after
    ``vintage`` (`late_releases`).
    """
    import narwhals as nw

    cut_year = last_year_ended(cutoff)

    chosen = among(sorted(ids))
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
        .when(~nw.col("_year").is_null() & (nw.col("_year") > cut_year))
        .then(nw.lit(str(Message("after_as_of", period=cutoff))))
    )
    if late is not None:
        reason = reason.when(late).then(nw.lit(str(Message("after_vintage", period=vintage))))
    # Last, as on the row-by-row path: a later row is set aside for its date, whatever its unit.
    reason = reason.when(~nw.col("_unit_ok")).then(nw.lit(str(Message("no_unit"))))
    return (
        mine.with_columns(reason=reason.otherwise(None))
        .filter(~nw.col("reason").is_null())
        .group_by("indicator", "reason")
        .agg(rows=nw.len())
        .with_columns(nw.col("rows").cast(nw.Int64))
    )
