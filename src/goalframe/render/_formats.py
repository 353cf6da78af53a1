"""The scorecard's output formats, one record each: the one list every caller reads.

`goalframe.render.render`, the command line's ``--format`` choices and its ``-o`` suffixes,
the configuration file's ``format`` key and the docs read this table; a new format is one
record here and a renderer module (see CONTRIBUTING.md).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

__all__ = ["FORMATS_BY_NAME", "Format", "format_for_suffix", "text_formats"]


@attrs.frozen(kw_only=True)
class Format:
    """An output format.

    Attributes:
        name: The name ``--format`` and ``render`` take.
        suffixes: The file endings that ask for it (``-o card.html``), first the usual one.
        writer: The `goalframe.Scorecard` method that writes it (``to_html``).
        summary: One line on what it is for.
        binary: Whether it is bytes, not text (a workbook).
        comparison: Whether a comparison of methods (``--method all``) can be written in it.
        lang: Whether it is written in the reader's language (``--lang``).
    """

    name: str
    suffixes: tuple[str, ...]
    writer: str
    summary: str
    binary: bool = False
    comparison: bool = True
    lang: bool = True


_ALL = (
    Format(
        name="table",
        suffixes=(".txt",),
        writer="to_text",
        summary="a plain-text table; in colour on a terminal",
    ),
    Format(
        name="markdown",
        suffixes=(".md", ".markdown"),
        writer="to_markdown",
        summary="Markdown, for a report or a pull request",
    ),
    Format(
        name="json",
        suffixes=(".json",),
        writer="to_json",
        summary="every number and caveat, for programs (its JSON Schema is published)",
        lang=False,
    ),
    Format(
        name="html",
        suffixes=(".html", ".htm"),
        writer="to_html",
        summary="a self-contained page with charts (no scripts, no external requests)",
        comparison=False,
    ),
    Format(
        name="csv",
        suffixes=(".csv",),
        writer="to_csv",
        summary="one row per indicator and series, for spreadsheets",
        comparison=False,
        lang=False,
    ),
    Format(
        name="xlsx",
        suffixes=(".xlsx",),
        writer="to_xlsx",
        summary="an Excel workbook: the card, the series and the rows set aside",
        binary=True,
        comparison=False,
    ),
    Format(
        name="open-sdg",
        suffixes=(".yml", ".yaml"),
        writer="to_open_sdg",
        summary="Open SDG's progress output (indicator_calculation_components.yml), for a site",
        comparison=False,
        lang=False,
    ),
)

#: Every output format, by name, in the order the help and the docs list them.
FORMATS_BY_NAME: Mapping[str, Format] = {f.name: f for f in _ALL}


def text_formats() -> tuple[str, ...]:
    """The formats written as text (`goalframe.render.render` returns a string for these)."""
    return tuple(f.name for f in _ALL if not f.binary)


def format_for_suffix(suffix: str) -> Format | None:
    """The format a file ending asks for (``.html`` -> html), if any; case does not matter."""
    wanted = suffix.lower()
    return next((f for f in _ALL if wanted in f.suffixes), None)
