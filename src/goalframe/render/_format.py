from __future__ import annotations

import math
from typing import TYPE_CHECKING

from goalframe._assessment import Status

if TYPE_CHECKING:
    from goalframe._scorecard import IndicatorResult, Trend

STATUS_SYMBOL = {
    Status.ACHIEVED: "✔",
    Status.ON_TRACK: "▲",
    Status.NEEDS_ACCELERATION: "◆",
    Status.INSUFFICIENT_PROGRESS: "▼",
    Status.MOVING_AWAY: "✖",
    Status.NOT_ASSESSABLE: "?",
}

FLAG_MARK = {
    "approx": "~",
    "derived": "d",
    "revised": "r",
    "provisional": "p",
    "estimated": "e",
    "break": "b",
    "suspect": "s",
}


def number(value: float | None) -> str:
    """Numbers people read: thousands separators, at most four significant decimals."""
    if value is None or not math.isfinite(value):
        return "–"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.1f}"
    if magnitude >= 1:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.4g}"


def percent(share: float | None) -> str:
    """A share as a whole percentage: 0.734 -> 73 %."""
    if share is None or not math.isfinite(share):
        return "–"
    return f"{share * 100:.0f} %"


def flags(marks: frozenset[str]) -> str:
    """Flag marks in a fixed order: ``~r``."""
    return "".join(FLAG_MARK[f] for f in FLAG_MARK if f in marks)


def trend_arrow(trend: Trend | None) -> str:
    """↑ / ↓ / → for the latest change, with ✓ or ✗ for better or worse."""
    if trend is None:
        return ""
    arrow = "→" if trend.change == 0 else ("↑" if trend.change > 0 else "↓")
    if trend.better is None:
        return arrow
    return arrow + ("✓" if trend.better else "✗")


def unit(result: IndicatorResult) -> str:
    """The indicator's unit as written in the goal file."""
    return result.indicator.unit or ""
