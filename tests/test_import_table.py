"""`goalframe import table`: goal files from the indicator tables ministries keep (issue 27.9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalframe as gf
from goalframe.io._table_columns import TABLE_COLUMNS

from ._profile import examples
from .hostile._helpers import cli

# A Dutch ministry's table as it is kept: a title and an empty row above the header, `;` as
# the separator, decimal commas, a target in prose, a row without a unit, a repeated id.
DUTCH = (
    "Overzicht beleidsdoelen drugscriminaliteit;;;;;;;;\n"
    ";;;;;;;;\n"
    "Nr;Naam;Eenheid;Richting;Nulmeting;Basisjaar;Streefwaarde (2026);Streefjaar;Bron\n"
    "D1;Drugsafvaldumpingen;aantal;dalen;191;2019;95,5;2026;Politie\n"
    "D2;Opgerolde netwerken;netwerk;;950;2018;1530;2026;https://www.rijksfinancien.nl\n"
    "D3;Inbeslagname cocaine;kg;;;;halveren;2030;Douane\n"
    ";Zonder eenheid;;;;;;;\n"
    "D1;Dubbel;aantal;;;;;;\n"
    ";;;;;;;;\n"
)


def _write(tmp_path: Path, text: str, name: str = "doelen.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_dutch_table_becomes_a_goal_file_and_says_what_it_left_out(tmp_path: Path) -> None:
    imported = gf.import_table(_write(tmp_path, DUTCH))
    indicators = {i["id"]: i for i in imported.document["indicators"]}
    assert list(indicators) == ["D1", "D2", "D3"]
    # D1: every field read; 95,5 is 95.5 (a decimal comma), "dalen" is decrease.
    assert indicators["D1"] == {
        "id": "D1", "name": "Drugsafvaldumpingen", "unit": "u_aantal", "direction": "decrease",
        "source": {"name": "Politie"},
        "target": {"value": 95.5, "deadline": 2026, "baseline": {"value": 191, "period": 2019}},
    }  # fmt: skip
    # D2 has no direction: 950 -> 1530 is an increase, and the note says where it came from.
    assert indicators["D2"]["direction"] == "increase"
    assert indicators["D2"]["source"]["url"] == "https://www.rijksfinancien.nl"
    # D3's target is prose: left out (lint names the gap), never guessed.
    assert "target" not in indicators["D3"] and indicators["D3"]["unit"] == "kg"
    where = str(tmp_path / "doelen.csv")
    assert imported.notes == (
        f"{where}:5: D2: direction increase read from the baseline 950 and the target 1530",
        f"{where}:6: D3: target 'halveren' is not a number; not written",
    )
    assert [str(s) for s in imported.skipped] == [
        f"{where}:7: unit: zonder_eenheid: no unit; a goal needs one to be measured",
        f"{where}:8: indicator: 'D1' is in the table twice: the first is kept",
    ]
    assert imported.summary == "3 indicators imported from 5 rows, 2 set aside, 2 notes"
    # Units the registry does not know become counting units labelled with the table's words.
    assert imported.document["units"] == [
        {"name": "u_aantal", "label": "aantal"}, {"name": "u_netwerk", "label": "netwerk"},
    ]  # fmt: skip
    framework = gf.parse_framework(imported.goal_file_text())
    found = {(f.code, f.subject_id) for f in gf.lint(framework)}
    assert ("M006", "D3") in found  # no target: lint's error, the gap the table left


def test_an_english_workbook_with_dates_and_numbers_as_cells(tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    pytest.importorskip("python_calamine")
    import datetime as dt

    path = tmp_path / "indicators.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Indicators")
    for row, cells in enumerate(
        [
            ["Indicator", "Name", "Unit", "Direction", "Baseline", "Baseline year", "Target",
             "Deadline", "Objective", "Kind"],
            ["waste", "Drug-waste dumpings", "dumping", "lower", 191, 2019, 95, 2026,
             "Less drug waste in nature", "outcome"],
            [None, "Share of cases solved", "%", "higher", 40.5, 2020, 60, None,
             "Solve more cases", "effect"],
        ]
    ):  # fmt: skip
        for col, value in enumerate(cells):
            if value is not None:
                sheet.write(row, col, value)
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_datetime(2, 7, dt.datetime(2030, 12, 31), date)
    book.close()
    imported = gf.import_table(path)
    waste, solved = imported.document["indicators"]
    assert waste["unit"] == "dumping" and waste["kind"] == "outcome"  # the registry's own unit
    assert waste["target"] == {
        "value": 95,
        "deadline": 2026,
        "baseline": {"value": 191, "period": 2019},
    }
    # No id: made from the name; `%` is the registry's percent; a date cell is a day.
    assert solved["id"] == "share_of_cases_solved" and solved["unit"] == "percent"
    assert solved["target"]["deadline"] == "2030-12-31" and solved["kind"] == "outcome"
    assert [o["statement"] for o in imported.document["objectives"]] == [
        "Less drug waste in nature", "Solve more cases",
    ]  # fmt: skip
    gf.parse_framework(imported.goal_file_text())


def test_every_header_names_one_column() -> None:
    headers = [h for c in TABLE_COLUMNS for h in c.headers]
    assert len(headers) == len(set(headers))
    assert all(h == " ".join(h.lower().split()) for h in headers)


def test_the_command_writes_the_goal_file_and_never_replaces_one(tmp_path: Path) -> None:
    table, out = _write(tmp_path, DUTCH), tmp_path / "goals.yaml"
    ended = cli("import", "table", table, "--out", out)
    assert ended.code == 0, ended.err
    assert "3 indicators imported from 5 rows, 2 set aside, 2 notes" in ended.err
    assert "next: goalframe lint" in ended.err
    assert gf.load_framework(out).indicators[0].id == "D1"
    out.write_text("mine", encoding="utf-8")
    again = cli("import", "table", table, "--out", out)
    assert again.code == 2 and "--force" in again.err and out.read_text() == "mine"
    assert cli("import", "table", table, "--out", out, "--force", "--strict").code == 1
    printed = cli("import", "table", table, "--out", "-")
    assert printed.code == 0 and "Drugsafvaldumpingen" in printed.out
    assert cli("import", "table", table, "--out", table).code == 2  # never over its input


def test_a_table_without_a_header_is_refused_with_the_columns_it_reads(tmp_path: Path) -> None:
    table = _write(tmp_path, "a,b,c\n1,2,3\n", "t.csv")
    ended = cli("import", "table", table, "--out", tmp_path / "goals.yaml")
    assert ended.code == 2
    assert f"{table}: no header row in the first 10 rows" in ended.err
    assert "indicator, name, unit" in ended.err and not (tmp_path / "goals.yaml").exists()


CELLS = st.sampled_from(
    ["", "x", "D1", "kg", "%", "aantal", "dalen", "up", "12", "12,5", "1e400", "nan", "2019",
     "2019Q4", "halveren", "=1+1", "ä", "  ", "-", "2030-02-30", "outcome", "http://x"]
)  # fmt: skip


@settings(max_examples=examples(60), deadline=None)
@given(rows=st.lists(st.lists(CELLS, min_size=9, max_size=9), max_size=6))
def test_any_table_is_imported_or_refused_never_crashes(rows: list[list[str]]) -> None:
    import tempfile

    header = "Nr;Naam;Eenheid;Richting;Nulmeting;Basisjaar;Streefwaarde;Streefjaar;Bron\n"
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "t.csv"
        table.write_text(header + "".join(";".join(r) + "\n" for r in rows), encoding="utf-8")
        ended = cli("import", "table", table, "--out", Path(folder) / "goals.yaml")
        if ended.code == 0:  # what it wrote is a goal file that lint reads
            gf.load_framework(Path(folder) / "goals.yaml")


def test_a_cell_beyond_the_csv_limit_is_refused_with_its_line(tmp_path: Path) -> None:
    # Python's csv module refuses a field of more than 131,072 characters: was exit 3.
    table = _write(tmp_path, 'Nr,Naam,Eenheid\nD1,"' + "x" * 200_000 + '",kg\n', "t.csv")
    ended = cli("import", "table", table, "--out", "-")
    assert ended.code == 2 and f"{table}:2: not CSV that can be read" in ended.err
    assert len(ended.err) < 1_000
