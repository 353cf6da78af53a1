"""Real repositories' warts: one bad file never stops the import, every period form read or
set aside with its reason (issue 27, points 1 and 2).

The cells are as counted in real Open SDG repositories (`../shared/data/open-sdg/README.md`:
Statistics Canada's and the UK ONS's): `2024 Q1`, `2014/15`, `2015-2016`, `2003-05`,
`1980 to 1990`, `2019/20 [Note 5]`, `1993 01`, prose; a data file without a `Year` column
(the UK's `indicator_3-3-5.csv` has only a header of its own); metadata repeating a key.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import goalframe as gf
from goalframe.io._open_sdg._years import read_year

META = (
    "---\nindicator_name: {name}\nreporting_status: complete\n"
    "computation_units: {unit}\n{extra}---\n"
)


def _repo(tmp_path: Path) -> Path:
    data, meta = tmp_path / "data", tmp_path / "meta"
    data.mkdir(parents=True)
    meta.mkdir()
    # 1-1-1: quarters, financial years and notes beside the years; spans of years read as
    # their first year (as sdg-build reads them), prose set aside.
    (data / "indicator_1-1-1.csv").write_text(
        "Year,Value\n2024 Q1,1\n2024 Q2,2\n2024 Q3,3\n2024 Q4,4\n"
        "2003-05,8\n1980 to 1990,9\nThere is no data for this indicator yet,\n",
        encoding="utf-8",
    )
    (meta / "1-1-1.md").write_text(
        META.format(name="Quarters", unit="percent", extra=""), encoding="utf-8"
    )
    (data / "indicator_1-2-1.csv").write_text(
        "Year,Value\n2014/15,5\n2015-2016,6\n2019/20 [Note 5],7\n", encoding="utf-8"
    )
    (meta / "1-2-1.md").write_text(
        META.format(name="Financial years", unit="percent", extra=""), encoding="utf-8"
    )
    # 2-1-1: no Year column (the whole file set aside, the import goes on).
    (data / "indicator_2-1-1.csv").write_text("Region,Count\nA,1\n", encoding="utf-8")
    (meta / "2-1-1.md").write_text(
        META.format(name="No year", unit="percent", extra=""), encoding="utf-8"
    )
    # 3-1-1: metadata repeating a key (the later value read), a period with two values.
    (data / "indicator_3-1-1.csv").write_text(
        "Year,Value\n2020,10\n2021,11\n2021,12\n2022,13\n2022,13.0\n", encoding="utf-8"
    )
    (meta / "3-1-1.md").write_text(
        META.format(name="Repeated", unit="percent", extra="computation_units: count\n"),
        encoding="utf-8",
    )
    return tmp_path


def _one(tmp_path: Path, sdg_id: str, data: str) -> gf.OpenSdgImport:
    """A repository of one indicator (its data file and minimal metadata), imported."""
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "meta").mkdir()
    (tmp_path / "data" / f"indicator_{sdg_id}.csv").write_text(data, encoding="utf-8")
    (tmp_path / "meta" / f"{sdg_id}.md").write_text(
        "---\nindicator_name: One\nreporting_status: complete\n---\n", encoding="utf-8"
    )
    return gf.import_open_sdg(tmp_path)


@pytest.mark.parametrize(
    ("cell", "period", "note"),
    [
        ("2024 Q1", "2024Q1", ""), ("2014/15", "2014/15", ""), ("2015-2016", "2015/16", ""),
        ("2017-18", "2017/18", ""), ("2020/2021", "2020/21", ""), ("1993 01", "1993-01", ""),
        ("2019/20 [Note 5]", "2019/20", "Note 5"), (" 2020 ", "2020", ""),
    ],
)  # fmt: skip
def test_a_year_cell_names_one_period(cell: str, period: str, note: str) -> None:
    read = read_year(cell)
    assert (read.period, read.note) == (period, note)
    assert str(gf.Period.parse(period)) == period  # goalframe reads what the cell named


@pytest.mark.parametrize(
    ("cell", "first", "note"),
    [
        ("2003-05", "2003", ""), ("2016/18 (baseline)", "2016", "baseline"),
        ("2005-2007", "2005", ""), ("2020/2022", "2020", ""), ("1980 to 1990", "1980", ""),
        ("2007/08 to 2008/09", "2007", ""), ("2002/03-2007/08", "2002", ""),
    ],
)  # fmt: skip
def test_a_span_of_years_is_read_as_its_first_year(cell: str, first: str, note: str) -> None:
    # sdg-build's year for a span: Canada publishes 11-3-1 ('2005-2007' ... '2020-2022') with
    # base year 2005 and current year 2020, and 9-1-1 ('2017/2019', '2020/2022') with 2017, 2020.
    read = read_year(cell)
    assert (read.period, read.note, read.span) == (first, note, cell.split(" (")[0])


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ("17 May to 11 June 2023", "a span of dates"),
        ("There is no data for this indicator yet", "is not a period"),
        ("", "the Year cell is empty"),
    ],
)  # fmt: skip
def test_a_span_of_dates_or_prose_is_set_aside_with_the_reason(cell: str, why: str) -> None:
    read = read_year(cell)
    assert read.period is None and why in read.reason


def test_one_bad_file_never_stops_the_import(tmp_path: Path) -> None:
    result = gf.import_open_sdg(_repo(tmp_path))
    ids = [i.id for i in result.framework.indicators]
    assert ids == ["1-1-1", "1-2-1", "3-1-1"]  # 2-1-1 set aside, the others imported
    skipped = [str(s) for s in result.skipped]
    assert (
        "data/indicator_2-1-1.csv: (indicator): set aside (line 1): an Open SDG data file "
        "needs Year and Value columns; it has Region, Count"
    ) in skipped
    # Four quarters are four figures, not four rows for 2024 refused as duplicates.
    periods = [str(o.period) for o in result.observations.observations if o.indicator == "1-1-1"]
    assert periods[:4] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    years = [str(o.period) for o in result.observations.observations if o.indicator == "1-2-1"]
    assert years == ["2014/15", "2015/16", "2019/20"]
    notes = [o.note for o in result.observations.observations if o.indicator == "1-2-1"]
    assert notes[2] == "Year cell: Note 5"
    assert sum("1-1-1" in s and "Year (line" in s for s in skipped) == 1  # the prose
    # 2021 has 11 and 12: both set aside, with their lines; 13 and 13.0 are one value.
    assert any(
        "3-1-1 2021: rows set aside: one period with different values (11 (line 3), 12 (line 4))"
        in s
        for s in skipped
    )
    kept = sorted(str(o.period) for o in result.observations.observations if o.indicator == "3-1-1")
    assert kept == ["2020", "2022"]
    # The repeated key is read as Open SDG reads it, the later value, and said.
    assert any("'computation_units' (lines 4 and 5) written twice" in n for n in result.notes)
    assert result.framework.indicator("3-1-1").unit == "u_count"  # a unit of its own: count


def test_sdmx_unit_attributes_are_the_unit_not_breakdowns(tmp_path: Path) -> None:
    # The UK's files: `Unit multiplier` (Units, Thousands) in 164 of 235 data files and
    # `Unit measure` for the units in 64. Read as breakdowns, no row was a headline row and
    # the indicator had "no series could be selected"; thousands are a unit of their own.
    result = _one(
        tmp_path,
        "8-1-1",
        "Year,Unit measure,Unit multiplier,Value\n"
        "2020,Number,Units,1500\n2021,Number,Units,1600\n2020,Number,Thousands,1.5\n",
    )
    (indicator,) = result.framework.indicators
    assert indicator.unit == "u_number"
    rows = [(str(o.period), o.value, dict(o.breakdown)) for o in result.observations.observations]
    assert rows == [
        ("2020", 1500.0, {}),
        ("2021", 1600.0, {}),
        ("2020", 1.5, {"units": "Number (Thousands)"}),  # shown apart, not assessed
    ]
    assert "8-1-1: several units; shown: 'Number', the one with the most rows" in " ".join(
        result.notes
    )


def test_a_breakdown_named_like_an_observation_column_and_a_series_in_two_frequencies(
    tmp_path: Path,
) -> None:
    # The UK's 9-5-1 has a `Source` disaggregation: written as `source`, it was read back as
    # the figures' source, so two sources' figures for one year collided. Its 3-8-2 writes
    # 2005/06 beside 2006: the financial years (3 rows) are kept, the year (1) set aside.
    # (2009/10 from the source "Other" beside the headline's 2009/10: two series, no clash.)
    result = _one(
        tmp_path,
        "9-5-1",
        "Year,Source,Units,Value\n2009/10,Other,Percentage (%),0.1\n"
        "2005/06,,Percentage (%),1\n2006/07,,Percentage (%),2\n2006,,Percentage (%),3\n"
        "2009/10,,Percentage (%),0.7\n",
    )
    assert "source_breakdown" in result.observations_text().splitlines()[0].split(",")
    headline = [
        (str(o.period), o.value) for o in result.observations.observations if not dict(o.breakdown)
    ]
    assert headline == [("2005/06", 1.0), ("2006/07", 2.0), ("2009/10", 0.7)]
    assert any(
        "1 row(s) set aside from line 5: the series mixes year periods with fiscal year ones "
        "(3 rows, kept)" in str(s)
        for s in result.skipped
    )


def test_blank_lines_before_the_header_are_skipped(tmp_path: Path) -> None:
    # The UK's indicator_3-3-5.csv starts with a blank line: its header was read as empty
    # and the file set aside ("it has " and nothing after). Lines keep their numbers.
    result = _one(tmp_path / "a", "3-3-5", "\nYear,Units,Value\n2020,Number,1\n2021,Number,x\n")
    assert [str(o.period) for o in result.observations.observations] == ["2020"]
    (aside,) = result.skipped
    assert (aside.file, aside.field) == ("data/indicator_3-3-5.csv", "Value (line 4)")
    empty = _one(tmp_path / "b", "3-3-5", "")
    assert [str(s) for s in empty.skipped] == [
        "data/indicator_3-3-5.csv: (indicator): set aside (line 1): an Open SDG data file "
        "needs Year and Value columns; it has no header (an empty file)"
    ]


def test_the_command_writes_an_import_report_and_strict_fails_on_a_set_aside(
    tmp_path: Path,
) -> None:
    import json

    from typer.testing import CliRunner

    from goalframe.cli import app

    repo = _repo(tmp_path / "repo")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["import", "open-sdg", str(repo), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "import-report.json").read_text(encoding="utf-8"))
    assert (report["read"], report["imported"]) == (4, 3)  # 2-1-1 set aside
    reasons = [a["reason"] for a in report["set_aside"]]
    assert any(
        r.startswith("set aside (line 1): an Open SDG data file needs Year") for r in reasons
    )
    assert all(a["file"] and a["field"] and a["reason"] for a in report["set_aside"])
    strict = CliRunner().invoke(
        app, ["import", "open-sdg", str(repo), "--out", str(out), "--force", "--strict"]
    )
    assert strict.exit_code == 1
    assert f"--strict: {len(reasons)} thing(s) set aside" in strict.output


def test_a_link_out_of_the_repository_is_neither_followed_nor_echoed(tmp_path: Path) -> None:
    # Found (issue 29, point 3): a data file linked to a file outside the repository was
    # read, and its first line printed in the error.
    outside = tmp_path / "outside.csv"
    outside.write_text("SECRET-LINE,x\n1,2\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "meta").mkdir()
    (repo / "data" / "indicator_1-1-1.csv").symlink_to(outside)
    (repo / "data" / "indicator_1-2-1.csv").write_text("Year,Value\n2015,1\n2020,2\n")
    for sdg_id in ("1-1-1", "1-2-1"):
        (repo / "meta" / f"{sdg_id}.md").write_text(META.format(name="A", unit="percent", extra=""))
    (repo / "meta" / "1-2-1.yml").symlink_to(outside)  # metadata linked out too
    imported = gf.import_open_sdg(repo)
    said = json.dumps(imported.report())
    assert "SECRET" not in said
    assert not imported.framework.indicators
    reasons = [s.reason for s in imported.skipped]
    assert any("data/indicator_1-1-1.csv is a link to a file outside" in r for r in reasons)
    assert any("meta/1-2-1.yml is a link to a file outside" in r for r in reasons)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        # two Value columns: read silently before (the last won)
        ("Year,Value,Value\n2015,1,9\n2020,2,8\n", "(line 1): column 'Value' appears twice"),
        # an unterminated quote swallowed the next rows into a cell, and the import succeeded
        (
            'Year,Units,Value\n2015,"percent,1\n2020,percent,2\n2021,percent,3\n',
            "(line 2): a cell runs",
        ),
        # a cell over the CSV reader's limit ended in an internal error
        ("Year,Value,Note\n2015,1," + "x" * 200_000 + "\n", "not CSV the reader can read"),
    ],
    ids=["duplicated-column", "unterminated-quote", "oversized-cell"],
)
def test_malformed_csv_sets_its_indicator_aside_with_the_reason(
    tmp_path: Path, data: str, said: str
) -> None:
    imported = _one(tmp_path, "1-1-1", data)
    assert not imported.framework.indicators
    assert any(said in s.reason for s in imported.skipped), [s.reason for s in imported.skipped]


def test_spans_of_years_are_read_as_their_first_years_and_said(tmp_path: Path) -> None:
    result = _one(tmp_path, "1-1-1", "Year,Value,Units\n2003-05,8,count\n1980 to 1990,9,count\n")
    notes = {str(o.period): o.note for o in result.observations.observations}
    assert notes == {
        "2003": "Year 2003-05: a span, read as its first year (as sdg-build)",
        "1980": "Year 1980 to 1990: a span, read as its first year (as sdg-build)",
    }
    assert (
        "1-1-1: 2 Year cells are spans of years (2003-05, ...), each read as its first year, "
        "as sdg-build's progress measure reads them"
    ) in result.notes
