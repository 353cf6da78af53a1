"""The caveat codes several forms add: the baseline's, and the goal file's own."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from goalframe._frames._expr import EPSILON, code, constant

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr
    from goalframe._model import Goal


def baseline_mismatch(observed: Expr, declared: Expr) -> Expr:
    """``baseline-mismatch``: the series' own baseline figure is not the declared one.

    As `goalframe._judge._data_caveats`: they differ by more than the tolerance.
    """
    import narwhals as nw

    size = nw.when(declared.abs() > 1).then(declared.abs()).otherwise(1.0)
    slack = nw.col("_tol") + EPSILON * size
    return ~observed.is_null() & ((observed - declared).abs() > slack)


def baseline_extreme(here: Expr) -> Expr:
    """``baseline-extreme``: the baseline's figure ``here`` is a peak or a trough.

    As `goalframe._judge._extreme`: against the figures before and after it (``_before``,
    ``_after``).
    """
    import narwhals as nw

    before, after = nw.col("_before"), nw.col("_after")
    peak = (here > before) & (here > after)
    trough = (here < before) & (here < after)
    return ~here.is_null() & ~before.is_null() & ~after.is_null() & (peak | trough)


def target_caveats(goal: Mapping[str, Goal]) -> list[Expr]:
    """The caveats every form adds from the goal file: its provenance, a ``by`` column absent."""
    import narwhals as nw

    provenance = constant({i: g.provenance or "" for i, g in goal.items()}, nw.String, "")
    return [
        code(provenance == "illustrative", "illustrative-target"),
        code(provenance == "proposed", "proposed-target"),
        code((nw.col("_role") != "group") & nw.col("_absent"), "by-column-absent"),
    ]
