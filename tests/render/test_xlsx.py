"""Spreadsheets in and out: observations from .xlsx, the scorecard as .xlsx.

The workbook is read back with calamine (the reader goalframe uses) and, where LibreOffice is
installed (CI installs it), opened by LibreOffice headless and converted to CSV.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goalframe as gf
from goalframe.cli import app
from goalframe.errors import OutputError

calamine = pytest.importorskip("python_calamine")  # the excel extra is in the test extras
xlsxwriter = pytest.importorskip("xlsxwriter")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "nl-drug-policy"
ENV = {"SOURCE_DATE_EPOCH": "1795824000", "NO_COLOR": "1"}
LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _card() -> gf.Scorecard:
    return gf.evaluate(
        gf.load_framework(EXAMPLE / "goals.yaml"),
        gf.load_observations(EXAMPLE / "observations.csv"),
    )


def _sheets(data: bytes, tmp_path: Path) -> dict[str, list[list[object]]]:
    path = tmp_path / "card.xlsx"
    path.write_bytes(data)
    book = calamine.CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_the_workbook_has_every_verdict_and_numbers_as_numbers(tmp_path: Path) -> None:
    card = _card()
    sheets = _sheets(card.to_xlsx(), tmp_path)
    assert list(sheets) == ["Scorecard", "Objectives", "Indicators", "Observations", "Set aside"]
    head, *rows = sheets["Indicators"]
    by_id = {row[head.index("indicator")]: dict(zip(head, row, strict=False)) for row in rows}
    assert [r.id for r in card.indicators] == list(by_id)
    for result in card.indicators:
        row = by_id[result.id]
        assert row["status"] == result.status.value
        if result.latest is not None:
            assert row["latest"] == result.latest.value  # a number, not text
    dumpings = by_id["drug_waste_dumpings"]
    assert (dumpings["baseline"], dumpings["target"], dumpings["verdict"]) == (
        191.0,
        95.5,
        "insufficient progress",
    )
    # Every figure used is on the Observations sheet; every row set aside on its own sheet.
    used = sum(len(r.series) for r in card.indicators)
    assert len(sheets["Observations"]) - 1 == used
    assert len(sheets["Set aside"]) - 1 == len(card.set_aside) > 0
    assert all(str(ROOT) not in str(row) for row in sheets["Set aside"])
    dutch = _sheets(card.to_xlsx(lang="nl"), tmp_path)
    assert list(dutch) == ["Scorekaart", "Doelen", "Indicatoren", "Waarnemingen", "Terzijde gelegd"]
    assert "onvoldoende voortgang" in [r[7] for r in dutch["Indicatoren"]]


def test_the_dutch_workbook_has_dutch_headers_and_the_english_one_the_csv_columns() -> None:
    # Issue 28, point 8: the Dutch workbook kept English column headers.
    openpyxl = pytest.importorskip("openpyxl")
    import io

    from goalframe.render.xlsx import INDICATOR_COLUMNS

    card = _card()
    english = openpyxl.load_workbook(io.BytesIO(card.to_xlsx()))
    assert [c.value for c in english["Indicators"][1]] == list(INDICATOR_COLUMNS)
    csv_head = next(csv.reader(card.to_csv().splitlines()))
    assert set(INDICATOR_COLUMNS) - {"verdict", "group"} <= set(csv_head)
    dutch = openpyxl.load_workbook(io.BytesIO(card.to_xlsx(lang="nl")))
    head = [c.value for c in dutch["Indicatoren"][1]]
    assert head[:8] == [
        "indicator", "naam", "doelen", "soort", "eenheid", "richting", "methode", "oordeel"
    ]  # fmt: skip
    assert {"streefwaarde", "termijn", "nulmeting", "kanttekeningen"} <= set(head)
    for name in ("Doelen", "Waarnemingen", "Terzijde gelegd"):
        english_name = {"Doelen": "Objectives", "Waarnemingen": "Observations"}.get(
            name, "Set aside"
        )
        width = english[english_name].max_column
        words = [c.value for c in dutch[name][1]]
        assert len(words) == width and None not in words
        assert not set(words) & {"objective", "observations", "value", "reason", "period"}


def test_periods_are_years_or_dates_and_columns_fit_their_contents() -> None:
    # Issue 30, point 5: periods were text ("2030"), so a filter or a sort took them as
    # words, and every column had the default width, whatever it held.
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt
    import io

    sheet = openpyxl.load_workbook(io.BytesIO(_daily_card().to_xlsx()))["Observations"]
    cells = [r[2] for r in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [
        dt.datetime(2023, 1, 31), dt.datetime(2023, 2, 28), dt.datetime(2023, 3, 31)
    ]  # fmt: skip
    assert {c.number_format for c in cells} == {"yyyy-mm-dd"}

    card = _card()
    book = openpyxl.load_workbook(io.BytesIO(card.to_xlsx()))
    sheet = book["Indicators"]
    head = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    deadlines = [r[head.index("deadline")] for r in rows if r[head.index("deadline")]]
    assert deadlines and all(isinstance(d, int) and 2000 < d < 2100 for d in deadlines)
    spans = [(d.min, d.max, d.width) for d in sheet.column_dimensions.values()]
    widths = {  # xlsxwriter writes neighbours of one width as one span
        name: next(w for low, high, w in spans if low <= head.index(name) + 1 <= high)
        for name in head
    }
    longest_name = max(len(str(r[head.index("name")])) for r in rows)
    assert widths["name"] >= longest_name  # the longest name is seen whole
    assert widths["reason"] <= 61  # long prose wraps instead of running on
    assert widths["final"] < widths["name"]
    observations = book["Observations"]
    years = [r[2] for r in observations.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(y, int) for y in years)  # the example's periods are years


def test_text_is_never_a_formula(tmp_path: Path) -> None:
    goals = tmp_path / "goals.yaml"
    goals.write_text(
        "id: x\ntitle: T\nobjectives: [{id: o, statement: '=1+1', indicators: [n]}]\n"
        'indicators: [{id: n, name: \'=HYPERLINK("http://x.invalid","click")\', unit: count,'
        " direction: increase}]\n",
        encoding="utf-8",
    )
    data = tmp_path / "obs.csv"
    data.write_text("indicator,period,value,unit,note\nn,2020,1,count,@SUM(A1)\n", "utf-8")
    book = gf.evaluate(gf.load_framework(goals), gf.load_observations(data)).to_xlsx()
    with zipfile.ZipFile(__import__("io").BytesIO(book)) as archive:
        xml = "".join(
            archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets")
        )
    assert "<f>" not in xml  # no formula cell anywhere
    sheets = _sheets(book, tmp_path)
    assert sheets["Indicators"][1][1] == '=HYPERLINK("http://x.invalid","click")'


def test_a_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "xlsxwriter", None)
    with pytest.raises(OutputError, match=r"pip install 'goalframe\[excel\]'"):
        _card().to_xlsx()


def test_observations_from_a_spreadsheet_give_the_same_card(tmp_path: Path) -> None:
    with (EXAMPLE / "observations.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    path = tmp_path / "observations.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Observations")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            numeric = r > 0 and rows[0][c] in ("period", "value") and cell.isdigit()
            if numeric:
                sheet.write_number(r, c, float(cell))  # as a spreadsheet keeps 2015 and 1188
            elif cell:
                sheet.write_string(r, c, cell)
    book.close()

    def card(data: Path) -> tuple[object, ...]:
        args = ["scorecard", str(EXAMPLE / "goals.yaml"), "-d", str(data), "-f", "csv"]
        ended = CliRunner().invoke(app, args, env=ENV)
        assert ended.exit_code == 0, ended.output
        found = list(csv.DictReader(ended.stdout.splitlines()))
        return tuple(
            (r["indicator"], r["status"], r["latest"], r["progress"], r["reason"])
            for r in found
            if r["record"] == "indicator"
        ), [r["location"].rsplit(":", 1)[-1] for r in found if r["record"] == "set_aside"]

    assert card(path) == card(EXAMPLE / "observations.csv")


def test_a_broken_spreadsheet_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "obs.xlsx"
    path.write_text("indicator,period,value,unit\n", encoding="utf-8")  # CSV named .xlsx
    with pytest.raises(gf.DataError, match=r"obs.xlsx: cannot read the spreadsheet .*save it"):
        gf.load_observations(path)


def _daily_card() -> gf.Scorecard:
    """The example's dumpings as three month-end figures (periods that are days)."""
    framework = gf.load_framework(EXAMPLE / "goals.yaml")
    rows = [
        {"indicator": "drug_waste_dumpings", "period": p, "value": v, "unit": "dumping",
         "region": "NL"}
        for p, v in (("2023-01-31", 10.0), ("2023-02-28", 12.0), ("2023-03-31", 9.0))
    ]  # fmt: skip
    return gf.evaluate(framework, gf.observations_from_records(rows), as_of="2024-01-01")


@pytest.mark.skipif(
    LIBREOFFICE is None and not os.environ.get("GOALFRAME_REQUIRE_LIBREOFFICE"),
    reason="LibreOffice is not installed (CI installs it)",
)
def test_libreoffice_opens_the_workbook(tmp_path: Path) -> None:
    assert LIBREOFFICE is not None, "GOALFRAME_REQUIRE_LIBREOFFICE is set: install LibreOffice"
    path = tmp_path / "card.xlsx"
    ended = CliRunner().invoke(
        app,
        [
            "scorecard",
            str(EXAMPLE / "goals.yaml"),
            "-d",
            str(EXAMPLE / "observations.csv"),
            "-o",
            str(path),
        ],
        env=ENV,
    )
    assert ended.exit_code == 0, ended.output
    daily = tmp_path / "daily.xlsx"
    daily.write_bytes(_daily_card().to_xlsx(lang="nl"))
    out = tmp_path / "out"
    # Sheet -1: every sheet to its own CSV file (UTF-8, comma, quote), cells as shown.
    done = subprocess.run(
        [
            LIBREOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            str(out),
            str(path),
            str(daily),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    indicators = (out / "card-Indicators.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(indicators.splitlines()))
    card = _card()
    assert [(r["indicator"], r["status"]) for r in rows] == [
        (r.id, r.status.value) for r in card.indicators
    ]
    assert "insufficient progress" in indicators
    # As a spreadsheet user sees the cells: years as years, shares as percentages.
    dumpings = rows[0]
    assert (dumpings["baseline_period"], dumpings["deadline"]) == ("2019", "2026")
    assert dumpings["expected_progress"] == "57.1%"
    observed = (out / "daily-Waarnemingen.csv").read_text(encoding="utf-8")
    periods = [r["periode"] for r in csv.DictReader(observed.splitlines())]
    assert periods == ["2023-01-31", "2023-02-28", "2023-03-31"]  # dates, shown as dates


def test_a_value_under_no_header_is_refused_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "obs.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for c, name in enumerate(("indicator", "period", "value", "unit")):
        sheet.write_string(0, c, name)
    for c, cell in enumerate(("n", "2020", "1", "count", "stray note")):
        sheet.write_string(1, c, cell)
    book.close()
    with pytest.raises(gf.DataError, match=r"obs.xlsx\[Sheet1\]:2: a value in column 5, which"):
        gf.load_observations(path)


def test_tables_people_can_filter_with_shares_as_percentages() -> None:
    # Issue 30, point 5 (and 28, point 8): shares were raw fractions (0.5714285714285713),
    # and no table had a filter. Read back as a spreadsheet user's library reads it.
    openpyxl = pytest.importorskip("openpyxl")
    import io

    example = Path(__file__).parents[2] / "examples" / "nl-drug-policy"
    card = gf.evaluate(
        gf.load_framework(example / "goals.yaml"),
        gf.load_observations(example / "observations.csv"),
        as_of="2026-11-28",
    )
    book = openpyxl.load_workbook(io.BytesIO(card.to_xlsx()))
    for name in ("Objectives", "Indicators", "Observations", "Set aside"):
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        width = sheet.max_column
        assert (
            sheet.auto_filter.ref
            == f"A1:{openpyxl.utils.get_column_letter(width)}{max(sheet.max_row, 2)}"
        ), name
    sheet = book["Indicators"]
    head = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    shares = [
        r[head.index(column)]
        for r in rows
        for column in ("progress", "expected_progress")
        if r[head.index("method")].value == "trajectory" and r[head.index(column)].value is not None
    ]
    assert shares and all(cell.number_format == "0.0%" for cell in shares)
    others = [r[head.index("progress")] for r in rows if r[head.index("method")].value == "norm"]
    assert all(cell.number_format == "General" for cell in others)  # a count is not a share


def _declaring(tmp_path: Path, ref: str) -> Path:
    """A small workbook whose sheet declares the cells of ``ref`` (as a library can write)."""
    import zipfile

    xlsxwriter = pytest.importorskip("xlsxwriter")
    plain = tmp_path / "plain.xlsx"
    book = xlsxwriter.Workbook(plain)
    sheet = book.add_worksheet("observations")
    for row, cells in enumerate([["indicator", "period", "value", "unit"], ["x", 2020, 1, "kg"]]):
        sheet.write_row(row, 0, cells)
    book.close()
    out = tmp_path / "declaring.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(
                    b'<dimension ref="A1:D2"/>', f'<dimension ref="{ref}"/>'.encode()
                )
            dest.writestr(info, data)
    return out


def test_a_workbook_beyond_the_limits_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 29, points 7 and 8: a 3,000,000-row workbook packed into a few MB took 4.2 GB
    # and 176 s before an internal error; its sheet says its size in its first bytes.
    pytest.importorskip("python_calamine")
    with pytest.raises(gf.DataError, match="declares 12,000,000 cells, more than the 10,000,000"):
        gf.load_observations(_declaring(tmp_path, "A1:D3000000"))
    assert len(gf.load_observations(_declaring(tmp_path, "A1:D2")).observations) == 1
    from goalframe.io import _excel

    monkeypatch.setattr(_excel, "MAX_UNPACKED_BYTES", 1_000)  # (as a 600 MB unpacking is)
    with pytest.raises(gf.DataError, match="the workbook unpacks to"):
        gf.load_observations(_declaring(tmp_path, "A1:D2"))
