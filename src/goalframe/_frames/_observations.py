"""Observations for the reference path (`goalframe.evaluate`) from any data frame."""

from __future__ import annotations

from typing import Any

from goalframe._frames._prepare import REQUIRED
from goalframe.errors import DataError


def observations_from_frame(frame: Any, *, source: str = "<frame>") -> Any:
    """Observations from any data frame narwhals supports, for `goalframe.evaluate`.

    Null and NaN cells (pandas' NaN, None and pd.NA; polars' null) are blank cells, exactly
    as an empty CSV cell: a blank value is set aside with its reason, a blank breakdown cell
    is the total. Lazy frames are collected. The scorecard path makes one observation per
    row; for millions of rows use `evaluate_frame`, which does not.

    Added in 0.2.
    """
    import narwhals as nw

    from goalframe._observations import observations_from_columns

    lf = nw.from_native(frame)
    df = lf.collect() if isinstance(lf, nw.LazyFrame) else lf
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        msg = f"the data frame has no column {', '.join(repr(c) for c in missing)}"
        raise DataError(msg)
    return observations_from_columns({c: df[c].to_list() for c in df.columns}, source=source)
