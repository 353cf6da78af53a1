"""Importing an Open SDG data repository (examples/open-sdg-repo, see its README).

The per-series numbers are sdg-build 2.4.0's own, from Statistics Canada's published
components (tests/data/opensdg_canada_progress_components.yml): the import must give them
through the ordinary goal file -> scorecard path.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import goalframe as gf
from goalframe import Status
from goalframe.cli import app
from goalframe.progress.open_sdg import indicator_progress

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent / "examples" / "open-sdg-repo"
ENV = {"SOURCE_DATE_EPOCH": "1795824000", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def imported() -> gf.OpenSdgImport:
    return gf.import_open_sdg(REPO)


@pytest.fixture(scope="module")
def card(imported: gf.OpenSdgImport) -> gf.Scorecard:
    return gf.evaluate(imported.framework, imported.observations, as_of=2024)


def test_the_summary_and_what_was_not_mapped(imported: gf.OpenSdgImport) -> None:
    assert imported.summary == (
        "5 indicators imported, 3 with progress options, 1 skipped (reporting_status notapplicable)"
    )
    assert [str(s) for s in imported.skipped] == [
        "data/indicator_17-1-1.csv: (indicator): reporting_status notapplicable"
    ]
    assert imported.notes == (
        "3-1-1: column GeoCode not imported (codes for maps)",
        "5-5-1: auto_progress_calculation is not true; imported without a target (manual "
        "status in the metadata: moderate_progress)",
        "16-a-1: auto_progress_calculation is not true; imported without a target (manual "
        "status in the metadata: target_achieved)",
    )


def test_the_goal_tree_and_the_indicators(imported: gf.OpenSdgImport) -> None:
    framework = imported.framework
    assert [i.id for i in framework.indicators] == [
        "1-2-1", "1-3-1--1", "1-3-1--2", "3-1-1", "5-5-1", "16-a-1"
    ]  # fmt: skip
    by_id = {o.id: o for o in framework.objectives}
    assert by_id["target-1-3"].parent == "goal-1"
    assert by_id["target-1-3"].indicators == ("1-3-1--1", "1-3-1--2")
    assert by_id["target-1-2"].statement.startswith("By 2030, reduce at least by half")
    poverty = framework.indicator("1-2-1")
    assert (poverty.unit, poverty.direction.value) == ("percent", "decrease")  # type: ignore[union-attr]
    assert poverty.goal is not None and (poverty.goal.target, str(poverty.goal.deadline)) == (
        7.25,
        "2030",
    )
    pension = framework.indicator("1-3-1--2")
    assert dict(pension.select) == {"series": "Proportion of older persons receiving a pension"}
    assert dict(pension.options) == {"base_year": 2017, "limit": 100.0}
    assert dict(framework.indicator("3-1-1").select) == {"geography": "Canada"}


def test_every_series_gives_sdg_builds_numbers(card: gf.Scorecard) -> None:
    published = yaml.safe_load((DATA / "opensdg_canada_progress_components.yml").read_text())
    children = published["1-3-1"][
        "1-3-1 / Proportion of children covered by social protection benefits"
    ]
    pensions = published["1-3-1"]["1-3-1 / Proportion of older persons receiving a pension"]
    for ours, theirs in (
        ("1-2-1", published["1-2-1"]["1-2-1"]),
        ("1-3-1--1", children),
        ("1-3-1--2", pensions),
    ):
        a = card.indicator(ours).assessment
        assert a.label == theirs["status"]
        assert a.score == pytest.approx(theirs["score"], abs=1e-12)
        assert a.components["progress_value"] == pytest.approx(theirs["progress_value"], abs=1e-12)
        assert a.components["base_year"] == str(int(theirs["base_year"]))
    # 3-1-1 (Canada only): 8.4 <= 70 is target achieved, whatever the trend: score 5.
    maternal = card.indicator("3-1-1").assessment
    assert (maternal.label, maternal.score, maternal.status) == (
        "target_achieved",
        5.0,
        Status.ACHIEVED,
    )


def test_the_imported_repository_runs_wholly_on_the_frame_engine(
    imported: gf.OpenSdgImport, card: gf.Scorecard
) -> None:
    """Open SDG's targets (no baseline, some without a value) have frame forms: every series
    of the import is assessed by grouped expressions, with the card's figures (sdg-build's)."""
    pl = pytest.importorskip("polars")
    rows = [
        {
            "indicator": o.indicator,
            "period": str(o.period),
            "value": o.value,
            "unit": o.unit,
            **dict(o.breakdown),
        }
        for o in imported.observations.observations
    ]
    frame = pl.DataFrame(rows, infer_schema_length=None)
    found = gf.evaluate_frame(imported.framework, frame, as_of=2024).results
    got = {
        r["indicator"]: r for r in found.filter(pl.col("role") == "headline").iter_rows(named=True)
    }
    assert {r["engine"] for r in got.values()} == {"frame"}
    assert set(got) == {i.id for i in imported.framework.indicators}
    for ident, row in got.items():
        a = card.indicator(ident).assessment
        assert (row["status"], row["label"]) == (a.status.value, a.label), ident
        assert row["score"] == pytest.approx(a.score, abs=1e-12), ident
        assert row["progress"] == pytest.approx(a.value, abs=1e-12), ident


def test_indicator_scores_as_sdg_build_combines_them(card: gf.Scorecard) -> None:
    # 1-3-1: the mean of its two series' scores, (2.815386645395768 - 2.7348688404414103) / 2
    # = 0.0402589..., in [0, 2.5): moderate progress.
    series = [card.indicator(i).assessment for i in ("1-3-1--1", "1-3-1--2")]
    score, label = indicator_progress(series)
    assert score == pytest.approx((2.815386645395768 - 2.7348688404414103) / 2)
    assert label == "moderate_progress"
    assert indicator_progress([card.indicator("1-2-1").assessment]) == (
        pytest.approx(2.5185563910306596),
        "substantial_progress",
    )
    assert indicator_progress([card.indicator("3-1-1").assessment]) == (5.0, "target_achieved")
    # Without progress options sdg-build computes nothing (a manual status): not assessable here.
    for manual in ("5-5-1", "16-a-1"):
        assert card.indicator(manual).status is Status.NOT_ASSESSABLE


def test_every_row_is_used_or_set_aside_with_its_place(
    imported: gf.OpenSdgImport, card: gf.Scorecard
) -> None:
    data_rows = sum(
        len(p.read_text(encoding="utf-8").splitlines()) - 1
        for p in (REPO / "data").glob("indicator_*.csv")
        if "17-1-1" not in p.name
    )
    assert len(imported.observations) + len(imported.observations.set_aside) == data_rows
    used = sum(len(r.series) for r in card.indicators)
    assert used + len(card.set_aside) == data_rows
    places = sorted(str(s.location) for s in card.set_aside)
    # The Female row of 1-3-1 and the two Ontario rows of 3-1-1, each with its file and line.
    assert places == [
        "data/indicator_1-3-1.csv:5",
        "data/indicator_3-1-1.csv:4",
        "data/indicator_3-1-1.csv:5",
    ]


def test_the_command_line_import_then_scorecard_lint_and_html(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "imported"
    ended = runner.invoke(app, ["import", "open-sdg", str(REPO), "--out", str(out)], env=ENV)
    assert ended.exit_code == 0, ended.output
    assert "5 indicators imported, 3 with progress options, 1 skipped" in ended.stderr
    assert "skipped: data/indicator_17-1-1.csv" in ended.stderr
    goals, data = out / "goals.yaml", out / "observations.csv"
    card = runner.invoke(
        app, ["scorecard", str(goals), "-d", str(data), "--as-of", "2024", "-f", "json"], env=ENV
    )
    assert card.exit_code == 0, card.output
    statuses = {i["id"]: i["label"] for i in json.loads(card.stdout)["indicators"]}
    assert statuses["1-2-1"] == "substantial_progress"
    assert statuses["1-3-1--2"] == "deterioration"
    html = runner.invoke(app, ["scorecard", str(goals), "-d", str(data), "-f", "html"], env=ENV)
    assert html.exit_code == 0 and "Maternal mortality ratio" in html.stdout
    lint = runner.invoke(app, ["lint", str(goals), "-f", "json"], env=ENV)
    assert lint.exit_code in (0, 1), lint.output  # findings are fine; a crash is not
    assert json.loads(lint.stdout)
    # Nothing is overwritten without --force, and the repository itself is never written.
    again = runner.invoke(app, ["import", "open-sdg", str(REPO), "--out", str(out)], env=ENV)
    assert again.exit_code == 2 and "exists; choose another --out folder" in again.stderr
    inside = runner.invoke(
        app, ["import", "open-sdg", str(REPO), "--out", str(REPO / "x")], env=ENV
    )
    assert inside.exit_code == 2 and "outside the repository" in inside.stderr
    forced = runner.invoke(
        app, ["import", "open-sdg", str(REPO), "--out", str(out), "--force"], env=ENV
    )
    assert forced.exit_code == 0, forced.output


def test_a_folder_without_open_sdg_data(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    ended = CliRunner().invoke(
        app, ["import", "open-sdg", str(tmp_path / "repo"), "--out", str(tmp_path / "o")], env=ENV
    )
    assert ended.exit_code == 2
    assert "expected data/indicator_<id>.csv" in ended.stderr


def test_a_bad_number_in_the_options_skips_that_indicator_with_the_reason(tmp_path: Path) -> None:
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(REPO, repo)
    meta = repo / "meta" / "1-2-1.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("target: 7.25", "target: seven"))
    imported = gf.import_open_sdg(repo)
    assert "1-2-1: target: 'seven' is not a number; the indicator is not imported" in [
        str(s) for s in imported.skipped
    ]
    assert "1-2-1" not in [i.id for i in imported.framework.indicators]
    # The indicator is counted as skipped, with the file, in the summary line.
    assert imported.summary.startswith("4 indicators imported, 3 with progress options, 2 skipped")
    assert "data/indicator_1-2-1.csv: (indicator): no series could be selected" in [
        str(s) for s in imported.skipped
    ]


def test_an_indicator_status_after_the_deadline_is_open_sdgs_own() -> None:
    # Target 20 by 2020; 2019's 30 is beyond it (Open SDG: target_achieved, score 5). At
    # 2022 the deadline is over without a 2020 figure: goalframe's verdict is "outcome
    # unknown", and Open SDG's indicator status stays its own (as Canada's 3-4-1 publishes it).
    series = gf.assess(
        {2015: 10.0, 2019: 30.0}, direction="increase", target=20.0, target_period=2020,
        method="open-sdg", as_of=2022,
    )  # fmt: skip
    assert series.status is Status.OUTCOME_UNKNOWN
    assert series.components["method_label"] == "target_achieved"
    assert indicator_progress([series]) == (5.0, "target_achieved")
