"""The columns of a tidy observations file, shared by the CSV and spreadsheet readers."""

from __future__ import annotations

#: Columns every observations file needs.
REQUIRED = ("indicator", "period", "value", "unit")
#: Columns with a meaning of their own; any other column is a breakdown.
KNOWN = (*REQUIRED, "flag", "note", "source", "vintage", "published")
