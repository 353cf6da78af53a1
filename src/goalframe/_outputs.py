"""The public `Scorecard` and `Comparison`: their data, with every output format.

They sit above the renderers, so that the data classes below (`goalframe._scorecard`) never
import their presentation: each ``to_...()`` method hands the data to its renderer.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from goalframe._scorecard import ComparisonData, ScorecardData
from goalframe.render.csv import render_csv
from goalframe.render.html import render_html
from goalframe.render.json import comparison_to_dict, scorecard_to_dict
from goalframe.render.markdown import render_comparison_markdown, render_markdown

__all__ = ["Comparison", "Scorecard"]


@attrs.frozen(kw_only=True)
class Scorecard(ScorecardData):
    """The result of `goalframe.evaluate`: every verdict, ready for any output.

    Renderers only read a scorecard; all numbers are computed by the time it exists.

    Attributes:
        spec: The goal file, as validated (title, owner, sources, ...).
        as_of: The assessment date: the period evaluated as of (today when not given).
        method: The method forced for every indicator, or None (each indicator's own).
        indicators: One result per indicator, in goal-file order.
        objectives: One roll-up per objective, in tree order (parents before children).
        set_aside: Observations read but not used, each with the reason.
        origin: The goal file.
        data_source: The observations file.
        measurability: The share of objectives that pass every error-level lint rule.
        as_of_given: False when ``as_of`` is the day of the run.

    Added in 0.1.
    """

    def to_dict(self, *, series: str = "points", set_aside: str = "first") -> dict[str, Any]:
        """The scorecard as JSON-ready data (``schema_version`` 1, documented in the docs).

        ``series="columns"`` writes each series as parallel lists (``periods``, ``values``,
        ``flags``, ``notes``) instead of one object per point (added in 0.3).
        ``set_aside="all"`` lists every row set aside; by default the first 1,000 are
        listed, and ``set_aside_total`` and ``set_aside_counts`` (by indicator and reason)
        count them all (added in 0.3).
        """
        from goalframe.errors import UsageError
        from goalframe.render.json import SET_ASIDE_CHOICES

        if series not in ("points", "columns"):
            msg = f"series must be 'points' or 'columns', not {series!r}"
            raise UsageError(msg)
        if set_aside not in SET_ASIDE_CHOICES:
            msg = f"set_aside must be 'first' or 'all', not {set_aside!r}"
            raise UsageError(msg)
        return scorecard_to_dict(self, series=series, set_aside=set_aside)

    def to_json(
        self, *, indent: int | None = 2, series: str = "points", set_aside: str = "first"
    ) -> str:
        """The scorecard as JSON text; ``indent=None, series="columns"`` is the compact form."""
        from goalframe.render._json_text import dumps

        return dumps(self.to_dict(series=series, set_aside=set_aside), indent=indent) + "\n"

    def to_frame(self, backend: str = "pandas") -> Any:
        """The verdicts as a data frame: one row per indicator and series (headline, groups).

        The headline has a row for each earlier target that was due too (``target_role``
        ``earlier``, its final verdict) beside the one in force.

        The columns are those of `goalframe.evaluate_frame`'s results (``indicator``,
        ``role``, the breakdown columns, ``status``, ``progress``, ``target``, ``caveats``,
        ...), so a dashboard reads a card and a frame evaluation alike.

        Args:
            backend: ``pandas`` (default), ``polars`` or ``pyarrow``; the library must be
                installed.

        Added in 0.2.
        """
        from goalframe._frames import result_rows, result_table

        if backend not in ("pandas", "polars", "pyarrow"):
            from goalframe.errors import UsageError

            msg = f"to_frame makes a pandas, polars or pyarrow frame, not {backend!r}"
            raise UsageError(msg)
        bcols = list(
            dict.fromkeys(
                c
                for r in self.indicators
                for key in (r.breakdown, *(g.group for g in r.groups))
                for c, _ in key
            )
        )
        rows = result_rows(self.indicators, bcols, engine="reference")
        return result_table(rows, bcols, backend).to_native()

    def to_markdown(self, *, lang: str | None = None) -> str:
        """The scorecard as a Markdown document (``lang``: en or nl; default the file's)."""
        return render_markdown(self, lang)

    def to_text(self, *, width: int = 100, lang: str | None = None) -> str:
        """The terminal scorecard as plain text (no colour), ``width`` columns wide."""
        from goalframe.render.terminal import render_text  # rich: imported on first use

        return render_text(self, width=width, lang=lang)

    def to_html(self, *, lang: str | None = None) -> str:
        """The scorecard as one self-contained HTML page with charts (no scripts, no requests)."""
        return render_html(self, lang)

    def to_csv(self) -> str:
        """One row per indicator assessment, protected against spreadsheet formula injection."""
        return render_csv(self)

    def to_open_sdg(self) -> str:
        """Open SDG's progress output, ``indicator_calculation_components.yml`` (YAML text).

        The ``open-sdg`` indicators' series with every input and output of the method, and
        each Open SDG indicator's status from the mean of its series' scores, in the shape
        sdg-build writes, so a site built with Open SDG takes its progress from goalframe.

        Added in 0.3.
        """
        from goalframe.render.open_sdg import render_open_sdg

        return render_open_sdg(self)

    def to_xlsx(self, *, lang: str | None = None) -> bytes:
        """The scorecard as an Excel workbook (the bytes of an ``.xlsx`` file).

        Sheets for the facts, objectives, indicators (verdicts coloured), observations used
        and rows set aside. Needs the ``excel`` extra.

        Added in 0.2.
        """
        from goalframe.render.xlsx import render_xlsx

        return render_xlsx(self, lang)

    def _repr_html_(self) -> str:
        # Jupyter shows the card as a fragment whose styles touch nothing outside it.
        from goalframe.render.html import render_html_fragment

        return render_html_fragment(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {s.value.replace('_', ' ')}" for s, n in self.counts.items() if n)
        return (
            f"<Scorecard {self.spec.id!r} as of {self.as_of or 'the latest data'}: "
            f"{len(self.indicators)} indicators ({counts}), {len(self.objectives)} objectives, "
            f"{len(self.set_aside)} observations set aside>"
        )

    def __rich__(self) -> Any:
        from goalframe.render.terminal import build_renderable

        return build_renderable(self)


@attrs.frozen(kw_only=True)
class Comparison(ComparisonData):
    """The same framework assessed by several methods side by side.

    Attributes:
        methods: The methods compared, in column order.
        own: The scorecard with each indicator's own method (the goal file's choice).
        cards: One scorecard per compared method, in ``methods`` order.

    Added in 0.1.
    """

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON-ready data."""
        return comparison_to_dict(self)

    def to_json(self) -> str:
        """The comparison as JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"

    def to_markdown(self) -> str:
        """The comparison as a Markdown table."""
        return render_comparison_markdown(self)

    def to_text(self, *, width: int = 140) -> str:
        """The comparison as a plain-text table."""
        from goalframe.render.terminal_comparison import render_comparison_text

        return render_comparison_text(self, width=width)

    def _repr_html_(self) -> str:
        from goalframe.render.html import render_comparison_fragment

        return render_comparison_fragment(self)

    def __repr__(self) -> str:
        return (
            f"<Comparison of {len(self.methods)} methods ({', '.join(self.methods)}) on "
            f"{len(self.own.indicators)} indicators>"
        )

    def __rich__(self) -> Any:
        from goalframe.render.terminal_comparison import build_comparison

        return build_comparison(self)
