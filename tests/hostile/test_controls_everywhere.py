"""User text with control and bidi characters never reaches a terminal raw (issue 29, point 6).

Found: the breakdown gap line ("Gap 2020: best <group> ...") and error messages naming a
sheet passed ESC, OSC 8, C1 controls and U+202E through, though the group rows themselves
were cleaned.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import goalframe as gf

from ._helpers import SHARE_GOALS, cli
from .test_output_safety import _RAW_CONTROL

HOSTILE = ["\x1b[2J wiped", "\x1b]8;;https://evil.example\x07x\x1b]8;;\x07", "x\x9bz", "a\u202eb"]
GOALS = SHARE_GOALS.format(by="region")


@pytest.mark.parametrize("name", HOSTILE, ids=repr)
def test_a_group_name_through_the_gap_line_and_every_card(name: str) -> None:
    records = [
        {"indicator": "share", "region": region, "period": year, "value": value, "unit": "percent"}
        for region, values in ((name, (50, 52)), ("Utrecht", (50, 58)))
        for year, value in zip((2015, 2020), values, strict=True)
    ]
    card = gf.evaluate(gf.parse_framework(GOALS), gf.observations_from_records(records), as_of=2024)
    text = card.to_text(width=120)
    assert "Gap" in text or "Verschil" in text  # the gap line is drawn
    for output in (text, card.to_markdown(), card.explain("share")):
        assert not _RAW_CONTROL.search(output), repr(_RAW_CONTROL.search(output))


@pytest.mark.parametrize("name", ["evil\u202eslx", "s\x1bcred\x07"], ids=repr)
def test_a_sheet_name_in_an_error_message(name: str, tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    pytest.importorskip("python_calamine")
    book = xlsxwriter.Workbook(tmp_path / "data.xlsx")
    book.add_worksheet(name)
    sheet = book.get_worksheet_by_name(name)
    sheet.write_row(0, 0, ["indicator", "period", "value"])  # no unit column: an error
    book.close()
    (tmp_path / "goals.yaml").write_text(GOALS, encoding="utf-8")
    ended = cli("scorecard", tmp_path / "goals.yaml", "-d", tmp_path / "data.xlsx")
    assert ended.code == 2 and "missing column unit" in ended.err
    assert not _RAW_CONTROL.search(ended.err), repr(ended.err)
