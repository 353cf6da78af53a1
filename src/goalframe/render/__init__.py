"""Scorecard renderers: each reads a finished `goalframe.Scorecard` and returns text.

Renderers never compute a verdict; every number they print is on the scorecard already.

Added in 0.1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goalframe.errors import UnknownFormatError

if TYPE_CHECKING:
    from goalframe._scorecard import Scorecard

__all__ = ["FORMATS", "render"]

#: Output formats `render` accepts.
FORMATS = ("table", "markdown", "json")


def render(card: Scorecard, format: str = "table", *, width: int = 100) -> str:
    """Render a scorecard as text.

    Args:
        card: The scorecard.
        format: ``"table"`` (terminal, plain text), ``"markdown"`` or ``"json"``.
        width: Width in columns, for ``table``.

    Returns:
        The rendered scorecard.

    Raises:
        UnknownFormatError: ``format`` is not one of `FORMATS`.

    Added in 0.1.
    """
    if format == "table":
        return card.to_text(width=width)
    if format == "markdown":
        return card.to_markdown()
    if format == "json":
        return card.to_json()
    msg = f"unknown format {format!r}; choose one of {', '.join(FORMATS)}"
    raise UnknownFormatError(msg)
