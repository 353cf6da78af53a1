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
FORMATS = ("table", "markdown", "json", "html", "csv")


def render(
    card: Scorecard, format: str = "table", *, width: int = 100, lang: str | None = None
) -> str:
    """Render a scorecard as text.

    Args:
        card: The scorecard.
        format: ``"table"`` (terminal, plain text), ``"markdown"``, ``"json"``, ``"html"``
            or ``"csv"``.
        width: Width in columns, for ``table``.
        lang: ``en`` or ``nl`` for the fixed texts; default the goal file's language.

    Returns:
        The rendered scorecard.

    Raises:
        UnknownFormatError: ``format`` is not one of `FORMATS`.

    Added in 0.1.
    """
    if format == "table":
        return card.to_text(width=width, lang=lang)
    if format == "markdown":
        return card.to_markdown(lang=lang)
    if format == "json":
        return card.to_json()
    if format == "html":
        return card.to_html(lang=lang)
    if format == "csv":
        return card.to_csv()
    msg = f"unknown format {format!r}; choose one of {', '.join(FORMATS)}"
    raise UnknownFormatError(msg)
