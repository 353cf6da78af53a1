"""Narwhals expression helpers every form uses: typed nulls, safe division, constants."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._periods import Period

if TYPE_CHECKING:
    from collections.abc import Collection
    from typing import TypeAlias

    import narwhals as nw

    #: A narwhals expression, of any backend.
    Expr: TypeAlias = nw.Expr
    #: A lazy narwhals frame, of any backend (the engine's rows and results).
    Frame: TypeAlias = nw.LazyFrame[Any]

EPSILON = 1e-9  # as `goalframe.progress._method_parts.EPSILON`


def among(ids: list[str]) -> Expr:
    """Whether a row's indicator is one of ``ids`` (pyarrow refuses ``is_in`` of an empty list)."""
    import narwhals as nw

    return nw.col("indicator").is_in(ids) if ids else nw.lit(value=False)


def constant(
    values: Mapping[str, Any],
    dtype: Any,
    default: Any = None,
    *,
    column: str = "indicator",
    among: Collection[str] = (),
) -> Expr:
    """A per-indicator constant as an expression (the indicator's value, else ``default``).

    ``among``: the keys every row has, when the caller knows them (a form's rows are those of
    its indicators). One value for every key then needs no lookup of each row's key (a
    deadline every indicator shares: measured, ``replace_strict`` took a third of the grouped
    pass's time on 2.5 M rows).
    """
    import narwhals as nw

    if default is None and None in values.values():
        # A key whose value is the default needs no entry: a None among the values is an
        # object column on pandas and Dask, which their cast to numbers refuses (pd.NA).
        values = {k: v for k, v in values.items() if v is not None}
    if not values:
        return nw.lit(default, dtype=dtype)
    distinct = set(values.values())
    if len(distinct) == 1:
        (only,) = distinct
        literal = nw.lit(only, dtype=dtype)
        if (type(only) is type(default) and only == default) or (
            among and set(among) <= values.keys()
        ):
            return literal
        if default is not None:  # (a typed null literal is not an integer column on pandas)
            return (
                nw.when(nw.col(column).is_in(list(values)))
                .then(literal)
                .otherwise(nw.lit(default, dtype=dtype))
            )
    if default is None and dtype == nw.Float64 and not (among and set(among) <= values.keys()):
        # Rows whose key has no value are null. Dask cannot cast the object column that a
        # lookup with a null default gives (pd.NA) to floats: the lookup fills a number that
        # the null branch then replaces (a frame mixing `change_percent` and `value`).
        known = nw.col(column).is_in(list(values))
        filled = next(iter(values.values()))
        looked_up = nw.col(column).replace_strict(dict(values), default=filled, return_dtype=dtype)
        return nw.when(known).then(looked_up).otherwise(nw.lit(None, dtype=dtype))
    return nw.col(column).replace_strict(dict(values), default=default, return_dtype=dtype)


def last_year_ended(cutoff: Period) -> int:
    """The last calendar year that has ended by the assessment date."""
    year = cutoff.end.year
    return year if Period.parse(year).ended_by(cutoff) else year - 1


def code(condition: Expr, name: str) -> Expr:
    """A caveat code and a comma where ``condition`` holds, else nothing (see `path_verdicts`)."""
    import narwhals as nw

    return nw.when(condition).then(nw.lit(name + ",")).otherwise(nw.lit(""))


def any_row(lf: Frame) -> bool:
    """Whether a lazy frame has a row: counted, since Dask's ``head`` reads one partition."""
    import narwhals as nw

    return bool(lf.select(nw.len()).collect().item() > 0)


def clean_series() -> Expr:
    """Whether a series (a first pass's row) is one the frame forms read.

    Not with a period that is not a year or a break (``_odd``), nor with two figures for one
    year when rows name their release: the reference path keeps the latest release, sets
    the earlier ones aside and flags the figure revised.
    """
    import narwhals as nw

    revised = (nw.col("_releases") > 0) & (nw.col("_years") != nw.col("_n"))
    return (nw.col("_odd") == 0) & ~revised


def value_where(condition: Expr) -> Expr:
    """The row's value where ``condition`` holds, else null (to aggregate by ``max``)."""
    import narwhals as nw

    return nw.when(condition).then(nw.col("_value")).otherwise(null()).cast(nw.Float64)


def last_year_before(cutoff: Period) -> int:
    """The last calendar year that starts before the assessment date ends."""
    import datetime as dt

    end = cutoff.end
    return end.year if end > dt.date(end.year, 1, 1) else end.year - 1


def null() -> Expr:
    """A null number: typed, since an untyped null makes an object column on Dask."""
    import narwhals as nw

    return nw.lit(None, dtype=nw.Float64)


def status_and_label(branches: Mapping[str, tuple[str, str]], column: str) -> tuple[Expr, Expr]:
    """A method's status and label expressions, from the branch each series took."""
    import narwhals as nw

    status = {branch: pair[0] for branch, pair in branches.items()}
    label = {branch: pair[1] for branch, pair in branches.items()}
    return (
        constant(status, nw.String, column=column),
        constant(label, nw.String, column=column),
    )


def div(numerator: Expr, denominator: Expr) -> Expr:
    """``numerator / denominator``, null where the denominator is 0 (no backend raises)."""
    import narwhals as nw

    safe = nw.when(denominator == 0).then(null()).otherwise(denominator).cast(nw.Float64)
    return numerator.cast(nw.Float64) / safe
