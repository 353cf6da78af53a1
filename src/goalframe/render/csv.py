"""CSV scorecard: one row per indicator assessment, safe to open in a spreadsheet.

Columns (UTF-8, header row): ``framework, objectives, indicator, name, kind, method, status,
label, baseline, baseline_period, latest, latest_period, latest_flags, target, deadline,
progress, expected_progress, score, unit, direction, source, reason, final, deciding,
deciding_period, ...`` (``deciding``: the figure a final verdict was decided on, added in
0.3). Numbers are written as
numbers: figures exactly as read, computed shares and scores (``progress``,
``expected_progress``, ``score``) rounded to six decimals (the JSON card keeps full
precision); ``score`` is empty for methods that define none (``trajectory``). Text that a
spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is prefixed with ``'``.

Added in 0.1.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from goalframe._collector import while_paused
from goalframe.render._card_record import indicator_record
from goalframe.render._card_text import group_view

if TYPE_CHECKING:
    from goalframe._scorecard import ScorecardData

__all__ = ["COLUMNS", "render_csv", "safe_text"]

COLUMNS = (
    "record",
    "framework",
    "objectives",
    "indicator",
    "name",
    "kind",
    "method",
    "status",
    "label",
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
    "unit",
    "direction",
    "source",
    "reason",
    "final",
    "deciding",
    "deciding_period",
    "caveats",
    "target_provenance",
    "target_note",
    "location",
    "group",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str | None) -> str:
    """Neutralise text that a spreadsheet would run as a formula."""
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _num(value: float | None) -> str:
    """An observed or target figure as read (``-0.0`` as ``0.0``), to 15 significant digits.

    Fifteen digits give back any figure written with fifteen or fewer, and drop the noise of
    a computed one (a relative target: 576 x 1.05 is ``604.8``, not ``604.8000000000001``).
    """
    return "" if value is None else repr(float(f"{float(value) + 0.0:.15g}"))


def _ratio(value: float | None) -> str:
    """A computed share or score, rounded to six decimals (``0.571429``, not float noise)."""
    return "" if value is None else repr(round(float(value), 6) + 0.0)


#: Columns written as computed shares (rounded), not figures as read.
_RATIOS = frozenset({"progress", "expected_progress", "score"})


def _cell(column: str, value: object) -> str:
    """A typed value of `indicator_record` as CSV text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _ratio(value) if column in _RATIOS else _num(value)
    return safe_text(None if value is None else str(value))


@while_paused
def render_csv(card: ScorecardData) -> str:
    """Render a scorecard as CSV: one row per indicator, then one per row set aside.

    The ``record`` column says which: ``indicator`` or ``set_aside`` (with the reason in
    ``reason``, the value and period as written in ``latest`` and ``latest_period``, and the
    file and line in ``location``).

    Added in 0.1.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in card.indicators:
        record = indicator_record(card, r)
        writer.writerow(["indicator", *(_cell(c, record.get(c)) for c in COLUMNS[1:])])
    # With `by:`, every breakdown series: its own baseline, target and verdict.
    for r in card.indicators:
        for group in r.groups:
            record = indicator_record(card, group_view(r, group))
            record["group"] = ", ".join(f"{c}={v}" for c, v in group.group)
            writer.writerow(["group", *(_cell(c, record.get(c)) for c in COLUMNS[1:])])
    # Every row read and not used, with the reason and the place it came from.
    for aside in card.set_aside:
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            record="set_aside",
            framework=safe_text(card.spec.id),
            indicator=safe_text(aside.indicator),
            latest=safe_text(aside.value),
            latest_period=safe_text(aside.period),
            reason=safe_text(aside.reason),
            location=safe_text(str(aside.location) if aside.location else None),
        )
        writer.writerow([row[c] for c in COLUMNS])
    return buffer.getvalue()
