"""The rows made ready once: periods as years, values in the indicator's unit, each row's role."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from goalframe._frames._expr import among, constant, null
from goalframe._numbers import MAX_MAGNITUDE
from goalframe._observations import KNOWN_COLUMNS, RELEASE_COLUMNS, REQUIRED_COLUMNS
from goalframe._periods import Frequency, Period
from goalframe.errors import DataError

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._model import Framework, Indicator

#: The columns that name a figure's release, and those with a meaning of their own (any other
#: column is a breakdown): the one table of `goalframe._observations`.
RELEASES = RELEASE_COLUMNS
KNOWN = KNOWN_COLUMNS
REQUIRED = REQUIRED_COLUMNS


#: Flags the ``flagged-values`` caveat lists (a series break sends a series to the reference).
FLAGGED = frozenset({"revised", "provisional", "approx", "estimated", "derived", "suspect"})


def prepare(lf: Frame, bcols: list[str], framework: Framework, names: list[str]) -> Frame:
    """Blank breakdown cells as "", values as floats (NaN as null), periods as text.

    Text cells lose their surrounding spaces, as the row-by-row reader's do (`` cases ``
    is the indicator ``cases`` on both paths).
    """
    import narwhals as nw

    def text(c: str) -> Expr:
        cell = nw.col(c).cast(nw.String).str.strip_chars()
        return nw.when(nw.col(c).is_null()).then(nw.lit("")).otherwise(cell)

    value = nw.col("value").cast(nw.Float64)
    flag = text("flag") if "flag" in names else nw.lit("")
    release = next((c for c in RELEASES if c in names), None)  # the figure's release
    vintage = nw.lit("") if release is None else text(release)
    return lf.select(
        nw.col("indicator").cast(nw.String).str.strip_chars().alias("indicator"),
        *(text(c).alias(c) for c in bcols),
        period_text(lf).alias("_period"),
        nw.when(value.is_null() | value.is_nan()).then(null()).otherwise(value).alias("_value"),
        text("unit").alias("_unit"),
        flag.alias("_flag"),
        vintage.alias("_vintage"),
    )


def period_text(lf: Frame) -> Expr:
    """The period as text: a whole number in a float column (``2020.0``) as ``2020``.

    As the row-by-row reader reads a number cell; a period written as the text ``2020.0`` is
    refused on both paths (a float period column holds years read as floats, as pandas makes
    them beside a missing value; a text column holds what someone wrote).
    """
    import narwhals as nw

    period = nw.col("period")
    if lf.collect_schema()["period"] in (nw.Float64, nw.Float32):
        whole = period.round(0) == period
        return (
            nw.when(whole)
            .then(period.cast(nw.Int64).cast(nw.String))
            .otherwise(period.cast(nw.String))
        )
    return period.cast(nw.String).str.strip_chars()


def read_years(lf: Frame, framework: Framework) -> dict[str, int | None]:
    """Each distinct period, read once: its year when it is a calendar year, else None."""
    from goalframe._periods import DEFAULT_YEAR_START, with_year_start

    distinct = lf.select("_period").unique().collect()["_period"].to_list()
    start = framework.spec.year_start or DEFAULT_YEAR_START
    out: dict[str, int | None] = {}
    bad: list[str] = []
    for text in distinct:
        if text is None:
            bad.append("(blank)")
            continue
        try:
            period = Period.parse(text)
        except Exception:  # noqa: BLE001 - every unreadable period is listed below
            bad.append(text)
            continue
        if period.frequency is Frequency.FISCAL_YEAR:
            period = with_year_start(period, start)
        out[text] = period.year if period.frequency is Frequency.YEAR else None
    if bad:
        shown = ", ".join(repr(b) for b in sorted(bad)[:5])
        msg = (
            f"the data frame has {len(bad)} period value(s) goalframe cannot read: {shown}; "
            "write years (2020), quarters (2020Q1), months (2020-01), dates or financial years"
        )
        raise DataError(msg)
    return out


def year_of(known: Mapping[str, int], *, yearly: bool) -> Expr:
    """Each row's year, from its period's text; null for a period that is not a year.

    With such periods the years are floats (exact), as Dask's integer columns (numpy's) have
    no null, and Dask cannot fill a missing mapping with one: the mapping gets a stand-in
    year, replaced by a typed null.
    """
    import narwhals as nw

    if yearly and all(text == str(year) for text, year in known.items()):
        return nw.col("_period").cast(nw.Int64)  # the text is the year: read, not looked up
    if yearly:
        return constant(known, nw.Int64, column="_period")
    if not known:
        return null()
    found = constant(known, nw.Float64, default=0.0, column="_period")
    return nw.when(nw.col("_period").is_in(list(known))).then(found).otherwise(null())


def convert(lf: Frame, framework: Framework, cutoff: Period) -> Frame:
    """Values in the indicator's unit: one affine map per (indicator, unit) pair, joined in.

    A unit must convert on the rows a method reads: a headline's or a group's, up to the
    assessment date (a later row is set aside first, as the row-by-row path sets it aside).
    """
    import narwhals as nw

    from goalframe._frames._expr import last_year_ended
    from goalframe.errors import UnitError
    from goalframe.units import conversion

    # The distinct (indicator, unit) pairs, with each one's largest magnitude and whether a
    # row the methods read has it: one pass that also holds every value to the range the
    # row-by-row reader holds each cell to.
    year = nw.col("_year")
    in_time = year.is_null() | (year <= last_year_ended(cutoff))
    used = (nw.col("_role").is_in(["headline", "group"]) & in_time).cast(nw.Int64)
    pairs = (
        lf.select("indicator", "_unit", _abs=nw.col("_value").abs(), _used=used)
        .group_by("indicator", "_unit")
        .agg(_largest=nw.col("_abs").max(), _used=nw.col("_used").max())
        .collect()
        .rows()
    )
    if any(largest is not None and not largest <= MAX_MAGNITUDE for _, _, largest, _ in pairs):
        beyond_range(lf)
    _no_id_or_unit(pairs)
    scale: dict[str, float] = {}
    shift: dict[str, float] = {}
    unread = False  # a unit that does not convert, on rows no method reads (set aside)
    for indicator_id, unit, _, in_use in pairs:
        key = f"{indicator_id}\x1f{unit}"
        indicator = framework._indicators.get(indicator_id)
        if indicator is None or indicator.unit is None or not unit:
            continue
        try:
            convert = conversion(unit, indicator.unit)
        except UnitError as exc:
            if not in_use:  # (a breakdown not assessed: its rows are set aside as such)
                unread = True
                continue
            from goalframe._evaluate import unit_mismatch

            rows = "the data frame has rows"
            raise unit_mismatch(indicator, unit, exc, rows=rows) from None
        zero = convert(0.0)
        scale[key], shift[key] = convert(1.0) - zero, zero
    if not unread and all(scale[key] == 1 and shift[key] == 0 for key in scale):
        # Every unit is its indicator's own (the usual case): no arithmetic, no key per row.
        measured = [i.id for i in framework.indicators if i.unit is not None]
        return lf.with_columns(_unit_ok=(nw.col("_unit") != "") & among(measured))
    lf = lf.with_columns(_key=nw.concat_str([nw.col("indicator"), nw.lit("\x1f"), nw.col("_unit")]))
    a = constant(scale, nw.Float64, column="_key")
    b = constant(shift, nw.Float64, column="_key")
    # A unit that does not convert (on rows no method reads) keeps its figure, unread.
    value = nw.when(a.is_null()).then(nw.col("_value")).otherwise(nw.col("_value") * a + b)
    return lf.with_columns(_value=value, _unit_ok=~a.is_null())


def _no_id_or_unit(pairs: list[tuple[Any, ...]]) -> None:
    """Refuse rows without an indicator, and figures without a unit, as the row reader does.

    ``pairs``: the distinct (indicator, unit, largest magnitude, read by a method) rows.
    """
    from goalframe._messages import Message
    from goalframe.errors import DataError

    if any(not indicator for indicator, *_ in pairs):
        msg = f"the data frame has rows without an indicator: {Message('data_no_indicator')}"
        raise DataError(msg)
    unitless = sorted({i for i, unit, largest, _ in pairs if not unit and largest is not None})
    if unitless:  # a figure without its unit
        which = ", ".join(repr(i) for i in unitless[:5])
        msg = f"the data frame has figures of {which} with no unit: {Message('data_no_unit')}"
        raise DataError(msg)


def beyond_range(lf: Frame) -> None:
    """Raise the error naming the rows whose value is infinite or beyond ±1e15.

    The row-by-row reader refuses such a cell in place (`goalframe._numbers`); a frame has no
    lines, so its rows are named by indicator and period.
    """
    import narwhals as nw

    from goalframe._numbers import check_number

    value = nw.col("_value")
    found = lf.filter(~(value.abs() <= MAX_MAGNITUDE) & ~value.is_null())
    count = int(found.select(nw.len()).collect().item())
    shown = found.select("indicator", "_period", "_value").head(5).collect().rows()
    said: list[str] = []
    for indicator, period, number in shown:
        try:
            check_number(number)
        except ValueError as exc:
            said.append(f"indicator {indicator!r}, period {period!r}: {exc}")
    more = f"; and {count - len(shown)} more" if count > len(shown) else ""
    msg = f"the data frame has {count} value(s) goalframe does not read: {'; '.join(said)}{more}"
    raise DataError(msg)


def with_roles(lf: Frame, framework: Framework, bcols: list[str]) -> Frame:
    """Each row's role: ``headline``, ``group``, ``other`` or ``unknown``.

    ``headline`` rows are those ``select`` chooses, ``group`` rows a ``by`` series; ``other``
    is a breakdown the indicator does not assess, ``unknown`` an indicator not in the file.
    """
    import narwhals as nw

    headline = nw.lit(value=True)
    group = nw.lit(value=True)
    for c in bcols:
        chosen = {i.id: dict(i.select).get(c, "") for i in framework.indicators}
        by = {i.id: c in i.by for i in framework.indicators}
        sel = constant(chosen, nw.String, "")
        grouped = constant(by, nw.Boolean, default=False)
        headline = headline & (nw.col(c) == sel)
        group = group & ((grouped & (nw.col(c) != "")) | (~grouped & (nw.col(c) == sel)))
    any_by = constant({i.id: bool(i.by) for i in framework.indicators}, nw.Boolean, False)
    role = (
        nw.when(headline)
        .then(nw.lit("headline"))
        .otherwise(nw.when(group & any_by).then(nw.lit("group")).otherwise(nw.lit("other")))
    )
    known = among([i.id for i in framework.indicators])
    return lf.with_columns(_role=nw.when(known).then(role).otherwise(nw.lit("unknown")))


def absent_by(lf: Frame, indicators: list[Indicator], bcols: list[str]) -> set[str]:
    """The indicators with a ``by`` column that has no value in any of their rows.

    A column the frame does not have is absent for every indicator that names it; for one
    it has, the indicators with a value in it are found once (a small distinct query).
    """
    import narwhals as nw

    absent: set[str] = set()
    for column in sorted({c for i in indicators for c in i.by}):
        names = {i.id for i in indicators if column in i.by}
        if column not in bcols:
            absent |= names
            continue
        found = lf.filter(nw.col(column) != "").select("indicator").unique().collect()
        absent |= names - {i for i in found["indicator"].to_list() if i is not None}
    return absent


#: For each distinct flag cell: whether it holds a flag the caveat lists, and a break.
FlagTable = tuple[dict[str, bool], dict[str, bool]]


def flag_table(lf: Frame) -> FlagTable:
    """For each distinct flag cell: whether it holds a flag the caveat lists, and a break."""
    from goalframe._observations import parse_flags

    flagged: dict[str, bool] = {}
    broken: dict[str, bool] = {}
    for text in lf.select("_flag").unique().collect()["_flag"].to_list():
        if not text:
            continue
        try:
            found = parse_flags(text)
        except ValueError as exc:
            msg = f"the data frame's flag column has {text!r}: {exc}"
            raise DataError(msg) from None
        flagged[text] = bool(found & FLAGGED)
        broken[text] = "break" in found
    return flagged, broken
