"""Excel scorecard (``.xlsx``), written with xlsxwriter (the ``excel`` extra).

Sheets: ``Scorecard`` (the facts under the title and the legend), ``Objectives``,
``Indicators`` (the CSV card's columns, verdicts coloured as in the HTML card), ``Observations``
(every figure used, with its flags) and ``Set aside`` (every row not used, with the reason and
its place); sheet names and headers in the card's language (the English headers are the CSV
card's column names). Numbers are written as numbers, a year as a number, a day or a month as a
date, other periods and text as text: nothing is ever written as a formula, so a cell such as
``=HYPERLINK(...)`` from a goal file stays text (formula injection). Every table has a frozen
header, a filter and columns as wide as their contents (up to `MAX_WIDTH`, longer text
wrapped). Renderers read the card; they never compute.

Added in 0.2.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from goalframe._assessment import Status
from goalframe._collector import while_paused
from goalframe._messages import Term
from goalframe._periods import Frequency, parse_period
from goalframe.render import _i18n
from goalframe.render._card_record import indicator_record
from goalframe.render._card_text import file_name, group_view, header_facts
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
OBJECTIVE_COLUMNS = (
    *("objective", "statement", "level", "depth", "verdict", "status", "score"),
    *("met", "missed", "unknown", "due", "not_due", "final", "reason", "caveats"),
)
OBSERVATION_COLUMNS = ("indicator", "breakdown", "period", "value", "unit", "flags", "note")
SET_ASIDE_COLUMNS = ("indicator", "period", "value", "reason", "location")
#: The columns that hold a period: a year is written as a number, a day or a month as a date.
PERIOD_COLUMNS = frozenset({"deadline", "baseline_period", "latest_period", "deciding_period"})
#: The methods whose key number (``progress``, ``expected_progress``) is a share of the way.
SHARE_METHODS = frozenset({"trajectory", "okr"})
#: The widest a column is made, in characters; longer text wraps.
MAX_WIDTH = 60


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
    styles = _Styles(book)
    for key, write in _SHEETS:
        sheet = _Sheet(book.add_worksheet(Term("sheets", key).say(lang)), styles)
        write(sheet, card, lang)
        sheet.fit()
    book.close()
    return buffer.getvalue()


class _Styles:
    """The workbook's cell formats, made once."""

    def __init__(self, book: Any) -> None:
        self.bold = book.add_format({"bold": True})
        self.header = book.add_format(
            {"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"}
        )
        self.verdicts = {
            s: book.add_format({"font_color": ink, "bg_color": fill, "bold": True})
            for s, (ink, fill) in COLOURS.items()
        }
        self.share = book.add_format({"num_format": "0.0%"})
        self.year = book.add_format({"num_format": "0"})
        self.day = book.add_format({"num_format": "yyyy-mm-dd"})
        self.month = book.add_format({"num_format": "yyyy-mm"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})


class _Sheet:
    """A worksheet that writes each cell with its type and keeps how wide each column is."""

    def __init__(self, sheet: Any, styles: _Styles) -> None:
        self.sheet = sheet
        self.styles = styles
        self.widths: dict[int, int] = {}

    def _seen(self, col: int, width: int) -> None:
        self.widths[col] = max(width, self.widths.get(col, 0))

    def put(self, row: int, col: int, value: object, style: Any = None) -> None:
        """One cell with its type: a number as a number, anything else as text.

        Never a formula.
        """
        if value is None or value == "":
            return
        if isinstance(value, bool):
            self.sheet.write_boolean(row, col, value, style)
            self._seen(col, 6)
        elif isinstance(value, int | float):
            self.sheet.write_number(row, col, float(value) + 0.0, style)
            self._seen(col, min(len(repr(value)), 12) + 2)
        else:
            text = str(value)
            self.sheet.write_string(row, col, text, style)
            self._seen(col, max(map(len, text.splitlines() or [""])) + 2)

    def period(self, row: int, col: int, text: object) -> None:
        """A period: a year as a number, a day or a month as a date, any other as text."""
        if not isinstance(text, str) or not text:
            self.put(row, col, text)
            return
        try:
            period = parse_period(text)
        except ValueError:
            self.put(row, col, text)
            return
        if period.frequency is Frequency.YEAR:
            self.sheet.write_number(row, col, period.year, self.styles.year)
            self._seen(col, 7)
        elif period.frequency in (Frequency.DAY, Frequency.MONTH):
            day = period.frequency is Frequency.DAY
            when = dt.datetime.combine(period.start, dt.time())
            self.sheet.write_datetime(row, col, when, self.styles.day if day else self.styles.month)
            self._seen(col, 12 if day else 9)
        else:
            self.put(row, col, text)

    def table(self, columns: Sequence[str], lang: str, rows: int = 0) -> None:
        """The header row in ``lang``, frozen, with a filter over the ``rows`` below it."""
        for col, name in enumerate(columns):
            label = Term("columns", name).say(lang)
            self.sheet.write_string(0, col, label, self.styles.header)
            self._seen(col, max(map(len, label.split())) + 4)  # and the filter's button
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, max(rows, 1), len(columns) - 1)

    def fit(self) -> None:
        """Every column as wide as its widest cell; beyond `MAX_WIDTH` the text wraps."""
        for col, width in sorted(self.widths.items()):
            wrap = self.styles.wrap if width > MAX_WIDTH else None
            self.sheet.set_column(col, col, min(width, MAX_WIDTH), wrap)


def _about(sheet: _Sheet, card: ScorecardData, lang: str) -> None:
    bold = sheet.styles.bold
    sheet.put(0, 0, card.spec.title, bold)
    row = 2
    facts = [
        *header_facts(card, lang),
        (_i18n.text(lang, "goals"), file_name(card.origin)),
        (_i18n.text(lang, "data"), file_name(card.data_source)),
    ]
    for label, value in facts:
        sheet.put(row, 0, label, bold)
        sheet.put(row, 1, value)
        row += 1
    row += 1
    sheet.put(row, 0, _i18n.text(lang, "verdict"), bold)
    for status in Status:
        row += 1
        sheet.put(row, 0, status.value)
        sheet.put(row, 1, _i18n.status(lang, status))
    sheet.widths[0] = min(sheet.widths[0], 28)  # the title runs on over the empty cells


def _objectives(sheet: _Sheet, card: ScorecardData, lang: str) -> None:
    sheet.table(OBJECTIVE_COLUMNS, lang, rows=len(card.objectives))
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
            sheet.put(row, col, value, sheet.styles.verdicts[result.status] if col == 4 else None)


def _indicators(sheet: _Sheet, card: ScorecardData, lang: str) -> None:
    # The indicators, then (with `by:`) every breakdown series, its group in the last column.
    lines = [(r, "") for r in card.indicators]
    lines += [
        (group_view(r, g), ", ".join(f"{c}={v}" for c, v in g.group))
        for r in card.indicators
        for g in r.groups
    ]
    sheet.table(INDICATOR_COLUMNS, lang, rows=len(lines))
    for row, (r, group) in enumerate(lines, start=1):
        a = r.assessment
        values = {
            **indicator_record(card, r),
            "verdict": _i18n.status(lang, a.status),
            "group": group or None,
        }
        for col, name in enumerate(INDICATOR_COLUMNS):
            if name in PERIOD_COLUMNS:
                sheet.period(row, col, values[name])
                continue
            style = sheet.styles.verdicts[a.status] if name == "verdict" else None
            if name in ("progress", "expected_progress") and a.method in SHARE_METHODS:
                style = sheet.styles.share  # a share of the way: 57.1%, not 0.5714285...
            sheet.put(row, col, values[name], style)


def _observations(sheet: _Sheet, card: ScorecardData, lang: str) -> None:
    series = [(r.indicator, r.breakdown, r.series) for r in card.indicators]
    series += [(r.indicator, g.group, g.series) for r in card.indicators for g in r.groups]
    rows = sum(len(points) for *_, points in series)
    sheet.table(OBSERVATION_COLUMNS, lang, rows=rows)
    row = 1
    for indicator, breakdown, points in series:
        shown = ";".join(f"{k}={v}" for k, v in breakdown)
        for point in points:
            sheet.put(row, 0, indicator.id)
            sheet.put(row, 1, shown)
            sheet.period(row, 2, str(point.period))
            sheet.put(row, 3, point.value)
            sheet.put(row, 4, indicator.unit)
            sheet.put(row, 5, ";".join(sorted(point.flags)))
            sheet.put(row, 6, point.note)
            row += 1


def _set_aside(sheet: _Sheet, card: ScorecardData, lang: str) -> None:
    sheet.table(SET_ASIDE_COLUMNS, lang, rows=len(card.set_aside))
    for row, aside in enumerate(card.set_aside, start=1):
        where = file_name(str(aside.location)) if aside.location else None
        values = (aside.indicator, aside.period, aside.value, aside.reason, where)
        for col, value in enumerate(values):
            sheet.put(row, col, value)  # a set-aside period stays as it was written


_SHEETS: tuple[tuple[str, Callable[[_Sheet, ScorecardData, str], None]], ...] = (
    ("about", _about),
    ("objectives", _objectives),
    ("indicators", _indicators),
    ("observations", _observations),
    ("set_aside", _set_aside),
)
