"""Text helpers shared by every output: Markdown escaping and numbers people read.

Lint reports and scorecard renderers both write user text and numbers; they take them from
here so that one rule holds everywhere. This module imports nothing from goalframe.
"""

from __future__ import annotations

import math
import re

__all__ = ["escape_markdown", "number", "percent"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape_markdown(text: str) -> str:
    """Escape user text for Markdown: no markup, no HTML, no broken table cells."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


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
