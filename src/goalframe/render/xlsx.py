"""Excel scorecard (``.xlsx``), written with xlsxwriter (the ``excel`` extra).

Sheets: ``Scorecard`` (the facts under the title and the legend), ``Objectives``,
``Indicators`` (the CSV card's columns, verdicts coloured as in the HTML card), ``Observations``
(every figure used, with its flags) and ``Set aside`` (every row not used, with the reason and
its place). Numbers are written as numbers, periods and text as text: nothing is ever written as
a formula, so a cell such as ``=HYPERLINK(...)`` from a goal file stays text (formula
injection). Renderers read the card; they never compute.

Added in 0.2.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Status
from goalframe._collector import while_paused
from goalframe.render import _i18n
from goalframe.render._card_text import file_name, group_view, header_facts, indicator_record
from goalframe.render._format import COLOURS

if TYPE_CHECKING:
    from goalframe._scorecard import ScorecardData

__all__ = ["render_xlsx"]

INDICATOR_COLUMNS = (
    "indicator",
    "name",
    "objectives",
    "kind",
    "unit",
    "direction",
    "method",
    "verdict",
    "status",
    "label",
    "final",
    "deciding",
    "deciding_period",
    "baseline",
    "baseline_period",
    "latest",
    "latest_period",
    "latest_flags",
    "target",
    "deadline",
    "progress",
    "expected_progress",
    "score",
    "reason",
    "caveats",
    "target_provenance",
    "target_note",
    "source",
    "group",
)


@while_paused
def render_xlsx(card: ScorecardData, lang: str | None = None) -> bytes:
    """Render a scorecard as an Excel workbook; returns the file's bytes.

    Raises:
        OutputError: xlsxwriter is not installed (the ``excel`` extra).
    """
    try:
        import xlsxwriter
    except ImportError:
        from goalframe.errors import OutputError

        msg = (
            "writing an Excel scorecard needs the 'excel' extra: pip install "
            "'goalframe[excel]' (or write --format csv)"
        )
        raise OutputError(msg) from None
    lang = _i18n.language(lang, card.spec.language)
    buffer = io.BytesIO()
    # Never turn text into formulas, links or numbers: every cell is written with its type.
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    bold = book.add_format({"bold": True})
    header = book.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
    verdicts = {
        s: book.add_format({"font_color": ink, "bg_color": fill, "bold": True})
        for s, (ink, fill) in COLOURS.items()
    }
    _about(book.add_worksheet("Scorecard"), card, lang, bold)
    _objectives(book.add_worksheet("Objectives"), card, lang, header, verdicts)
    share = book.add_format({"num_format": "0.0%"})
    _indicators(book.add_worksheet("Indicators"), card, lang, header, verdicts, share)
    _observations(book.add_worksheet("Observations"), card, header)
    _set_aside(book.add_worksheet("Set aside"), card, header)
    book.close()
    return buffer.getvalue()


def _put(sheet: Any, row: int, col: int, value: object, style: Any = None) -> None:
    """One cell with its type: a number as a number, anything else as text (never a formula)."""
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value, style)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, float(value) + 0.0, style)
    else:
        sheet.write_string(row, col, str(value), style)


def _table(sheet: Any, columns: tuple[str, ...] | list[str], header: Any, rows: int = 0) -> None:
    """The header row, frozen, with a filter over the ``rows`` below it."""
    for col, name in enumerate(columns):
        sheet.write_string(0, col, name, header)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(rows, 1), len(columns) - 1)


#: The methods whose key number (``progress``, ``expected_progress``) is a share of the way.
SHARE_METHODS = frozenset({"trajectory", "okr"})


def _about(sheet: Any, card: ScorecardData, lang: str, bold: Any) -> None:
    sheet.write_string(0, 0, card.spec.title, bold)
    row = 2
    facts = [
        *header_facts(card, lang),
        (_i18n.text(lang, "goals"), file_name(card.origin)),
        (_i18n.text(lang, "data"), file_name(card.data_source)),
    ]
    for label, value in facts:
        sheet.write_string(row, 0, label, bold)
        sheet.write_string(row, 1, value)
        row += 1
    row += 1
    sheet.write_string(row, 0, _i18n.text(lang, "verdict"), bold)
    for status in Status:
        row += 1
        sheet.write_string(row, 0, status.value)
        sheet.write_string(row, 1, _i18n.status(lang, status))
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 80)


def _objectives(
    sheet: Any, card: ScorecardData, lang: str, header: Any, verdicts: dict[Status, Any]
) -> None:
    columns = ["objective", "statement", "level", "depth", "verdict", "status", "score"]
    columns += ["met", "missed", "unknown", "due", "not_due", "final", "reason", "caveats"]
    _table(sheet, columns, header, rows=len(card.objectives))
    for row, result in enumerate(card.objectives, start=1):
        o = result.objective
        values = [
            o.id,
            o.statement,
            o.level.value if o.level else None,
            result.depth,
            _i18n.status(lang, result.status),
            result.status.value,
            result.score,
            result.met,
            result.missed,
            result.unknown,
            result.due,
            result.not_due,
            result.final,
            result.reason,
            " | ".join(f"{c.code}: {c.message}" for c in result.caveats),
        ]
        for col, value in enumerate(values):
            _put(sheet, row, col, value, verdicts[result.status] if col == 4 else None)
    sheet.set_column(1, 1, 60)
    sheet.set_column(4, 4, 22)


def _indicators(
    sheet: Any,
    card: ScorecardData,
    lang: str,
    header: Any,
    verdicts: dict[Status, Any],
    share: Any = None,
) -> None:
    # The indicators, then (with `by:`) every breakdown series, its group in the last column.
    lines = [(r, "") for r in card.indicators]
    lines += [
        (group_view(r, g), ", ".join(f"{c}={v}" for c, v in g.group))
        for r in card.indicators
        for g in r.groups
    ]
    _table(sheet, INDICATOR_COLUMNS, header, rows=len(lines))
    for row, (r, group) in enumerate(lines, start=1):
        a = r.assessment
        values = {
            **indicator_record(card, r),
            "verdict": _i18n.status(lang, a.status),
            "group": group or None,
        }
        for col, name in enumerate(INDICATOR_COLUMNS):
            style = verdicts[a.status] if name == "verdict" else None
            if name in ("progress", "expected_progress") and a.method in SHARE_METHODS:
                style = share  # a share of the way, shown as one: 57.1%, not 0.5714285...
            _put(sheet, row, col, values[name], style)
    sheet.set_column(1, 1, 40)
    sheet.set_column(7, 7, 22)


def _observations(sheet: Any, card: ScorecardData, header: Any) -> None:
    columns = ("indicator", "breakdown", "period", "value", "unit", "flags", "note")
    row = 1
    series = [(r.indicator, r.breakdown, r.series) for r in card.indicators]
    series += [(r.indicator, g.group, g.series) for r in card.indicators for g in r.groups]
    _table(sheet, columns, header, rows=sum(len(points) for *_, points in series))
    for indicator, breakdown, points in series:
        shown = ";".join(f"{k}={v}" for k, v in breakdown)
        for point in points:
            values = (
                indicator.id,
                shown,
                str(point.period),
                point.value,
                indicator.unit,
                ";".join(sorted(point.flags)),
                point.note,
            )
            for col, value in enumerate(values):
                _put(sheet, row, col, value)
            row += 1


def _set_aside(sheet: Any, card: ScorecardData, header: Any) -> None:
    columns = ("indicator", "period", "value", "reason", "location")
    _table(sheet, columns, header, rows=len(card.set_aside))
    for row, aside in enumerate(card.set_aside, start=1):
        where = file_name(str(aside.location)) if aside.location else None
        values = (aside.indicator, aside.period, aside.value, aside.reason, where)
        for col, value in enumerate(values):
            _put(sheet, row, col, value)
    sheet.set_column(3, 3, 60)
