"""The ``Year`` cells of real Open SDG data files, read as goalframe periods or set aside.

Statistics offices write more than years: ``2024 Q1``, ``2014/15``, ``2015-2016``,
``1993 01``, ``2019/20 [Note 5]``, ``2016/18 (baseline)``, ``1980 to 1990``, prose. A cell
is read as the one period it names (a quarter, a month, a financial year), with a note kept
for what stood beside it (never cut to its first four characters, which turned four
quarters into four figures for one year). A span of several years (``2005-2007``,
``2020/2022``, ``2003-05``, ``1980 to 1990``, ``2002/03-2007/08``) is read as its first
year, the year sdg-build's progress measure uses for it (Canada's published statuses for
11-3-1 and 9-1-1 are computed so), with the span kept beside it; a span of dates (``17 May
to 11 June 2023``) or prose is set aside with the reason.
"""

from __future__ import annotations

import re

import attrs

_NOTE = re.compile(r"\s*[\(\[]([^\)\]]*)[\)\]]\s*$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})\s+(\d{2})$")
_TWO_YEARS = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
_YEAR_AS_NUMBER = re.compile(r"^\d{4}\.0+$")
_SPAN = re.compile(r"^\d{4}(/\d{2})?\s*(-|to)\s*\d{4}(/\d{2})?$", re.IGNORECASE)


@attrs.frozen
class Year:
    """A ``Year`` cell read: the period text goalframe reads, or why the row is set aside.

    Attributes:
        period: The period, as goalframe writes it (``2024Q1``, ``2014/15``), or None.
        note: What stood beside the period in the cell (``baseline``, ``Note 5``), if anything.
        reason: Why the row is set aside, when ``period`` is None.
        span: The cell's span of years, when ``period`` is its first year.
    """

    period: str | None
    note: str = ""
    reason: str = ""
    span: str = ""


def read_year(cell: str) -> Year:
    """The period one ``Year`` cell names (see the module's docstring)."""
    text = " ".join(cell.split())
    notes: list[str] = []
    while (found := _NOTE.search(text)) is not None and found.start() > 0:
        notes.insert(0, found[1].strip())
        text = text[: found.start()].strip()
    note = "; ".join(n for n in notes if n)
    if not text:
        return Year(None, note, "the Year cell is empty")
    if text.isdigit() and len(text) == 4:
        return Year(text, note)
    if _YEAR_AS_NUMBER.match(text):  # `2021.0`: a year a spreadsheet wrote as a number
        return Year(text[:4], note)
    if (m := _QUARTER.match(text)) is not None:
        return Year(f"{m[1]}Q{m[2]}", note)
    if (m := _MONTH.match(text)) is not None and 1 <= int(m[2]) <= 12:
        return Year(f"{m[1]}-{m[2]}", note)
    if (m := _TWO_YEARS.match(text)) is not None:
        first, second = int(m[1]), m[2]
        nxt = first + 1
        if (len(second) == 2 and int(second) == nxt % 100) or (
            len(second) == 4 and int(second) == nxt
        ):
            return Year(f"{first}/{nxt % 100:02d}", note)  # a financial or academic year
        return Year(str(first), note, span=text)
    if _SPAN.match(text):
        return Year(text[:4], note, span=text)
    if " to " in text.lower():
        return Year(None, note, f"{cell.strip()!r} is a span of dates, not one period")
    shown = cell.strip() if len(cell.strip()) <= 60 else cell.strip()[:57] + "..."
    return Year(None, note, f"{shown!r} is not a period")
