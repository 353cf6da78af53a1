"""What calamine does not say of a cell: a spreadsheet error, a formula with no stored result.

calamine reads a cell holding ``#DIV/0!`` or ``#N/A``, and a formula whose result the file
does not store (as files written by scripts often are), as empty, so such a value would be
set aside as "no value". A number someone meant to give is not missing: the reader reads
the sheet's XML for those cells of the value column (only when some come back empty) and
refuses the file at the first of them, naming the cell and the fix, as it refuses a value
that is not a number in a CSV file.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

__all__ = ["odd_cells"]

_SHEET = re.compile(r'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_RELATION = re.compile(r'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_RELATION_REVERSED = re.compile(r'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


def _sheet_path(book: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member that holds the sheet named ``sheet``, from the workbook's relations."""
    try:
        workbook = book.read("xl/workbook.xml").decode("utf-8", "replace")
        relations = book.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return None
    ids = {_unescape(name): rid for name, rid in _SHEET.findall(workbook)}
    targets = dict(_RELATION.findall(relations))
    targets.update({rid: target for target, rid in _RELATION_REVERSED.findall(relations)})
    target = targets.get(ids.get(sheet, ""))
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def odd_cells(file: Path, sheet: str, column: int, rows: set[int]) -> dict[int, tuple[str, str]]:
    """The cells calamine read as empty that hold an error or a formula without a result.

    Of the ``rows`` (1-based) whose ``column`` (0-based) came back empty: those holding a
    spreadsheet error (``("error", "#DIV/0!")``) or a formula with no stored result
    (``("formula", "=C2*2")``). Empty for a workbook that is not a zip (``.xls``) or an
    ``.ods`` file.
    """
    from xml.etree import ElementTree

    if not rows or not zipfile.is_zipfile(file):
        return {}
    letters = _column_letters(column)
    wanted = {f"{letters}{row}": row for row in rows}
    found: dict[int, tuple[str, str]] = {}
    with zipfile.ZipFile(file) as book:
        member = _sheet_path(book, sheet)
        if member is None or member not in book.namelist():
            return {}
        with book.open(member) as xml:
            for _, element in ElementTree.iterparse(xml):
                if element.tag != f"{_NS}c":
                    continue
                row = wanted.get(element.get("r", ""))
                if row is not None:
                    formula = element.find(f"{_NS}f")
                    value = element.find(f"{_NS}v")
                    if element.get("t") == "e":
                        found[row] = ("error", value.text or "" if value is not None else "")
                    elif formula is not None and (value is None or not value.text):
                        found[row] = ("formula", f"={formula.text or ''}")
                element.clear()
    return found
