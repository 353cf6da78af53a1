"""What every frame form is given: the prepared rows and the run's settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from goalframe._frames._expr import Expr, Frame
    from goalframe._model import Framework, Indicator
    from goalframe._periods import Period

__all__ = ["FormRun"]


@attrs.frozen(kw_only=True)
class FormRun:
    """What every form is given: the prepared rows and the run's settings.

    Attributes:
        rows: The prepared rows of the whole frame, with their roles (`_prepare.with_roles`).
        framework: The goal framework (each indicator held to its target in force).
        bcols: The breakdown columns.
        cutoff: The assessment date.
        plain: Whether every period is a year and no row names its release (then no series
            can need the reference path for its periods or releases).
        method: The method asked for every indicator, if any.
        periods: The number of distinct years in the frame (no series has more points).
        progress: Whether to show a progress bar for series assessed one by one.
        vintage: The figures as released by this date (of several releases of a figure):
            the assessment date when one was given, else the latest.
        late: Whether a row was released after ``vintage`` (None: no row was).
        last_year: The latest year of any row (None: no period is a year).
    """

    rows: Frame
    framework: Framework
    bcols: list[str]
    cutoff: Period
    plain: bool
    method: str | None
    periods: int
    progress: bool | None
    vintage: Period | None = None
    late: Expr | None = None
    last_year: int | None = None

    @property
    def keys(self) -> list[str]:
        """The columns that name a series."""
        return ["indicator", "_role", *self.bcols]

    def indicators(self, ids: Mapping[str, str]) -> list[Indicator]:
        """The framework's indicators among ``ids``, in the goal file's order."""
        return [i for i in self.framework.indicators if i.id in ids]
