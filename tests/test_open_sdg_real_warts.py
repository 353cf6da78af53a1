"""Open SDG repositories as Statistics Canada and the UK ONS write them (issue 27).

Each rule here was found on a real repository (tests/data/open-sdg/) and is tested on a
small repository of the same shape; the sibling module holds the first warts (periods,
repeated keys, files without a Year column).
"""

from __future__ import annotations

from pathlib import Path

import goalframe as gf

from .test_open_sdg_warts import _one


def _with_meta(tmp_path: Path, sdg_id: str, data: str, meta: str) -> gf.OpenSdgImport:
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "meta").mkdir()
    (tmp_path / "data" / f"indicator_{sdg_id}.csv").write_text(data, encoding="utf-8")
    (tmp_path / "meta" / f"{sdg_id}.md").write_text(
        "---\nindicator_name: One\nreporting_status: complete\ncomputation_units: count\n"
        f"{meta}---\n",
        encoding="utf-8",
    )
    return gf.import_open_sdg(tmp_path)


def test_automatic_progress_without_options_uses_sdg_builds_defaults(tmp_path: Path) -> None:
    # As Canada's 1-3-1 (auto_progress_calculation: true, no options) is published: direction
    # negative, target year 2030, no target value. 200 -> 150 from 2015 to 2025 is progress.
    result = _with_meta(
        tmp_path, "1-3-1", "Year,Value\n2015,200\n2025,150\n", "auto_progress_calculation: true\n"
    )
    (indicator,) = result.framework.indicators
    assert (indicator.direction.value, indicator.method) == ("decrease", "open-sdg")
    assert "1-3-1: no direction given; sdg-build's default 'negative' used" in result.notes
    card = gf.evaluate(result.framework, result.observations, as_of=2026)
    assert card.indicator("1-3-1").assessment.score is not None


def test_a_disaggregation_selects_its_series_and_an_empty_value_means_empty(
    tmp_path: Path,
) -> None:
    # Canada's 12-2-1: several series, options naming disaggregations only, some empty.
    data = (
        "Year,Series,Industries,Practices,Activities,Value\n"
        "2018,Protection,Total,,All protection,90\n2023,Protection,Total,,All protection,80\n"
        "2018,Practices,Total,Some,,50\n2023,Practices,Total,Some,,40\n"
        "2018,Practices,Total,,,1\n"
    )
    meta = (
        "auto_progress_calculation: true\nprogress_calculation_options:\n"
        "- direction: positive\n  disaggregation:\n  - field: Industries\n    value: Total\n"
        "  - field: Practices\n    value:\n  - field: Activities\n    value: All protection\n"
        "- direction: positive\n  disaggregation:\n  - field: Industries\n    value: Total\n"
        "  - field: Practices\n    value: Some\n  - field: Activities\n    value:\n"
    )
    result = _with_meta(tmp_path, "12-2-1", data, meta)
    selected = {i.id: dict(i.select) for i in result.framework.indicators}
    assert selected == {
        "12-2-1--1": {
            "series": "Protection",
            "industries": "Total",
            "activities": "All protection",
        },
        "12-2-1--2": {"series": "Practices", "industries": "Total", "practices": "Some"},
    }


def test_a_file_without_headline_rows_shows_the_breakdown_most_rows_have(tmp_path: Path) -> None:
    # The UK's files without progress options, whose every row has a disaggregation: shown
    # (not scored) by the breakdown with the most rows, said in a note; the rest not assessed.
    result = _one(
        tmp_path, "1-1-1",
        "Year,Sex,Age,Units,Value\n2020,Female,All,count,1\n2021,Female,All,count,2\n"
        "2020,Male,All,count,3\n",
    )  # fmt: skip
    (indicator,) = result.framework.indicators
    assert dict(indicator.select) == {"sex": "Female", "age": "All"}
    assert any("no headline rows; shown: Sex: Female, Age: All" in n for n in result.notes)


def test_an_option_naming_the_series_or_units_column_as_a_disaggregation(tmp_path: Path) -> None:
    # Options written `- field: series` (any case) select the Series column, `Units` the unit.
    data = (
        "Year,Series,Units,Value\n2015,A,Percentage,10\n2020,A,Percentage,20\n"
        "2015,A,Number,5\n2015,B,Percentage,1\n"
    )
    meta = (
        "auto_progress_calculation: true\nprogress_calculation_options:\n"
        "- direction: positive\n  disaggregation:\n  - field: series\n    value: A\n"
        "  - field: Units\n    value: Percentage\n"
    )
    result = _with_meta(tmp_path, "1-1-1", data, meta)
    (indicator,) = result.framework.indicators
    assert dict(indicator.select) == {"series": "A"} and indicator.unit == "percent"


def test_a_year_written_as_a_number_and_a_file_without_units(tmp_path: Path) -> None:
    # `2021.0` (a spreadsheet's year as a number) is 2021; a repository that states no unit
    # anywhere is read as given, its unit "unit not stated", noted (was: set aside whole).
    result = _one(tmp_path, "1-1-1", "Year,Value\n2020.0,1\n2021.0,2\n")
    assert [str(o.period) for o in result.observations.observations] == ["2020", "2021"]
    assert result.document["units"] == [{"name": "u_unit_not_stated", "label": "unit not stated"}]
    assert any("the unit is 'unit not stated'" in n for n in result.notes)


def test_data_start_values_that_name_no_row_show_the_headline(tmp_path: Path) -> None:
    # Canada's 13-1-1 names `Source` twice in data_start_values: no row has both values, so
    # the headline rows (every disaggregation empty) are shown, and the note says so.
    data = (
        "Year,Geography,Source,Units,Value\n1990,,,kt,607\n1991,,,kt,603\n1990,Yukon,Waste,kt,1\n"
    )
    meta = (
        "data_start_values:\n- field: Geography\n  value: Canada\n- field: Source\n  value: A\n"
        "- field: Source\n  value: B\n"
    )
    result = _with_meta(tmp_path, "13-1-1", data, meta)
    (indicator,) = result.framework.indicators
    assert dict(indicator.select) == {}
    assert [o.value for o in result.observations.observations if not o.breakdown] == [607, 603]
    assert any(
        "data_start_values select no row; shown: the headline rows" in n for n in result.notes
    )
