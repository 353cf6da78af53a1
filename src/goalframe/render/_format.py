from __future__ import annotations

from typing import TYPE_CHECKING

from goalframe import _messages
from goalframe._assessment import Status

__all__ = ["FLAG_MARK", "STATUS_SYMBOL", "flags", "number", "percent", "trend_arrow", "unit"]

if TYPE_CHECKING:
    from goalframe._results import IndicatorResult, Trend

STATUS_SYMBOL = {
    Status.ACHIEVED: "✔",
    Status.ON_TRACK: "▲",
    Status.NEEDS_ACCELERATION: "◆",
    Status.INSUFFICIENT_PROGRESS: "▼",
    Status.MOVING_AWAY: "✖",
    Status.MISSED: "✗",
    Status.OUTCOME_UNKNOWN: "○",  # not …, which also marks text cut short
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


def number(value: float | None, lang: str = "en") -> str:
    """A number as ``lang`` writes it (separators from babel's data for its locale)."""
    return _messages.number(value, lang)


def percent(share: float | None, lang: str = "en") -> str:
    """A share as a whole percentage, as ``lang`` writes it (``57%``)."""
    return _messages.percent(share, lang)


#: Verdict colours (text, fill), as the HTML card's style sheet sets them; for the
#: renderers that cannot use it (Excel, notebook fragments).
COLOURS: dict[Status, tuple[str, str]] = {
    Status.ACHIEVED: ("#00573f", "#d7f0e6"),
    Status.ON_TRACK: ("#074a73", "#d9ecf8"),
    Status.NEEDS_ACCELERATION: ("#6e4500", "#fcefd2"),
    Status.INSUFFICIENT_PROGRESS: ("#7f2e00", "#fbe2d3"),
    Status.MOVING_AWAY: ("#74133a", "#f3d3de"),
    Status.MISSED: ("#6a0d23", "#f0c8cf"),
    Status.OUTCOME_UNKNOWN: ("#3d2f6b", "#e9e5f3"),
    Status.NOT_ASSESSABLE: ("#3f3f46", "#ececef"),
}
