"""Scorecard renderers: each reads a finished `goalframe.Scorecard` and returns text.

Renderers never compute a verdict; every number they print is on the scorecard already.

Added in 0.1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goalframe.errors import UnknownFormatError
from goalframe.render._formats import text_formats

if TYPE_CHECKING:
    from goalframe._scorecard import ScorecardData

__all__ = ["FORMATS", "render"]

#: Output formats `render` accepts: every text format of the formats table
#: (`goalframe.render._formats`); the workbook is `Scorecard.to_xlsx`.
FORMATS = text_formats()


def render(
    card: ScorecardData, format: str = "table", *, width: int = 100, lang: str | None = None
) -> str:
    """Render a scorecard as text.

    Args:
        card: The scorecard.
        format: ``"table"`` (terminal, plain text), ``"markdown"``, ``"json"``, ``"html"``,
            ``"csv"`` or ``"open-sdg"`` (Open SDG's progress output, added in 0.3).
        width: Width in columns, for ``table``.
        lang: ``en`` or ``nl`` for the fixed texts; default the goal file's language.

    Returns:
        The rendered scorecard.

    Raises:
        UnknownFormatError: ``format`` is not one of `FORMATS`.

    Added in 0.1.
    """
    if format == "table":
        from goalframe.render.terminal import render_text

        return render_text(card, width=width, lang=lang)
    if format == "markdown":
        from goalframe.render.markdown import render_markdown

        return render_markdown(card, lang)
    if format == "json":
        from goalframe.render._json_text import dumps
        from goalframe.render.json import scorecard_to_dict

        return dumps(scorecard_to_dict(card)) + "\n"
    if format == "html":
        from goalframe.render.html import render_html

        return render_html(card, lang)
    if format == "csv":
        from goalframe.render.csv import render_csv

        return render_csv(card)
    if format == "open-sdg":
        from goalframe.render.open_sdg import render_open_sdg

        return render_open_sdg(card)
    msg = f"unknown format {format!r}; choose one of {', '.join(FORMATS)}"
    raise UnknownFormatError(msg)
