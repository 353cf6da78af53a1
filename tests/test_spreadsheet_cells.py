"""Spreadsheet cells calamine reads as empty: errors and formulas without a stored result."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

import goalframe as gf

pytest.importorskip("python_calamine")  # the excel extra is in the test extras


def _workbook_with(tmp_path: Path, value_cell: Any) -> Path:
    """A sheet of two observations whose second value cell is ``value_cell(sheet, row)``."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "observations"
    sheet.append(["indicator", "period", "value", "unit"])
    sheet.append(["n", 2020, 1, "count"])
    sheet.append(["n", 2021, None, "count"])
    value_cell(sheet, 3)
    path = tmp_path / "obs.xlsx"
    book.save(path)
    return path


def test_a_formula_without_a_stored_result_is_refused_not_read_as_empty(tmp_path: Path) -> None:
    # Issue 29: calamine reads a formula whose result the file does not store (openpyxl and
    # many scripts write them so) as an empty cell: the figure was set aside as "no value".
    def formula(sheet: Any, row: int) -> None:
        sheet.cell(row=row, column=3, value="=B2*2")

    path = _workbook_with(tmp_path, formula)
    said = (
        r"obs.xlsx\[observations\]:3:3: the value cell holds a formula whose result the file "
        r"does not store \(=B2\*2\): open and save"
    )
    with pytest.raises(gf.DataError, match=said):
        gf.load_observations(path)


def test_a_spreadsheet_error_is_refused_with_its_cell(tmp_path: Path) -> None:
    # An error cell (#DIV/0!) read as empty too; the file says what it is.

    def placeholder(sheet: Any, row: int) -> None:
        sheet.cell(row=row, column=3, value="ERRORHERE")

    path = _workbook_with(tmp_path, placeholder)
    # openpyxl cannot write an error value: put one in the sheet's XML as Excel does.
    import re

    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r'<c r="C3"[^>]*>.*?</c>', '<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c>', sheet)
    assert "<v>#DIV/0!</v>" in sheet
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as dest:
        for name, data in members.items():
            dest.writestr(name, data)
    said = (
        r"obs.xlsx\[observations\]:3:3: the value cell holds a spreadsheet error \(#DIV/0!\): "
        r"fix its formula, or clear the cell"
    )
    with pytest.raises(gf.DataError, match=said):
        gf.load_observations(path)


def test_an_empty_value_cell_is_still_set_aside_as_empty(tmp_path: Path) -> None:
    path = _workbook_with(tmp_path, lambda sheet, row: None)
    read = gf.load_observations(path)
    assert [str(a.reason) for a in read.set_aside] == ["no value (empty cell)"]
