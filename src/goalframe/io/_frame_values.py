"""A text file's ``value`` column read by the frame reader under goalframe's one number syntax.

`read_frame` reads ``value`` as text and this module turns it into numbers on the frame's own
engine (polars or pyarrow, through narwhals), with the rule the row-by-row reader applies to
each cell (`goalframe._numbers`): ASCII digits with an optional sign, decimal point and
exponent; finite; within ±1e15; a written number that is not zero must not round to zero
(``1e-400``). A cell that breaks the rule makes the file's error, every such line listed with
the reference reader's own words, so both paths refuse the same file the same way. Blank
cells stay missing (set aside later as empty cells).
"""

from __future__ import annotations

from typing import Any

from goalframe._numbers import MAX_MAGNITUDE

__all__ = ["numbers_checked"]

_NUMBER = r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
_ZERO = r"^[+-]?(?:0+(?:\.0*)?|\.0+)(?:[eE][+-]?[0-9]+)?$"


def numbers_checked(native: Any, name: str) -> Any:
    """``native`` (a polars frame or pyarrow table) with ``value`` read as numbers.

    Raises:
        DataError: Some value cell is not a number goalframe reads; each is named with its
            line (the header is line 1), as `goalframe.load_observations` names it.
    """
    import narwhals as nw

    frame = nw.from_native(native, eager_only=True)
    if "value" not in frame.columns or frame.schema["value"] != nw.String:
        return native  # numbers already (Parquet): the engine checks their range
    text = nw.col("value").str.strip_chars()
    cells = nw.when(text != "").then(text).otherwise(nw.lit(None, dtype=nw.String))
    try:  # the usual file: every cell parses, so no regular expression runs on every row
        parsed = frame.with_columns(value=cells.cast(nw.Float64))
    except Exception:  # noqa: BLE001 - an engine's own parse error: the full check names it
        parsed = None
    if parsed is not None and _plain(parsed, frame):
        return parsed.to_native()
    number = nw.when(text.str.contains(_NUMBER)).then(text).otherwise(None).cast(nw.Float64)
    blank = nw.col("value").is_null() | (text == "")
    bad = ~blank & (
        number.is_null()
        | (number.abs() > MAX_MAGNITUDE)
        | ((number == 0) & ~text.str.contains(_ZERO))
    )
    checked = frame.with_columns(_bad=bad)
    if checked["_bad"].any():
        _refuse(checked, name)
    return frame.with_columns(value=number).to_native()


def _plain(parsed: Any, frame: Any) -> bool:
    """Whether every number parsed is one goalframe reads.

    The engines also read ``inf``, ``nan`` and ``Infinity``, which the range check finds,
    and an underflow (``1e-400``) as 0, which the zeros' own text shows.
    """
    import narwhals as nw

    value = nw.col("value")
    if parsed.select((~(value.abs() <= MAX_MAGNITUDE) & ~value.is_null()).any()).item():
        return False
    zero = parsed.select(_zero=value == 0)["_zero"]
    if not zero.any():
        return True
    texts = frame.filter(zero)["value"].str.strip_chars()
    return bool(texts.str.contains(_ZERO).all())


def _refuse(checked: Any, name: str) -> None:
    """Raise the reference reader's error: the count, then each line's problem."""
    import narwhals as nw

    from goalframe._observations._build import _MAX_PROBLEMS, _cell, _Collector
    from goalframe._observations._values import parse_value
    from goalframe.errors import DataError, Location

    lines = checked.with_row_index("_line").filter(nw.col("_bad")).head(_MAX_PROBLEMS)
    total = int(checked["_bad"].sum())
    problems = _Collector(name)
    for line, cell in zip(lines["_line"].to_list(), lines["value"].to_list(), strict=True):
        try:
            parse_value(cell)
        except ValueError as exc:
            problems.error(_cell("value", exc), Location(name, int(line) + 2))
    problems.errors.extend([""] * (total - len(problems.errors)))  # counted, not shown
    try:
        problems.raise_if_any()
    except DataError as exc:
        if not any("," in str(cell) for cell in lines["value"].to_list()):
            raise
        hint = "decimal commas: `goalframe scorecard --decimal ,` reads them"
        msg = f"{exc}\n  ({hint})"
        raise DataError(msg) from None
