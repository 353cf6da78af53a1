"""The ``open-sdg`` format: Open SDG's progress output, written from a scorecard."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import goalframe as gf
from goalframe.cli import app

REPO = Path(__file__).resolve().parents[2] / "examples" / "open-sdg-repo"
ENV = {"SOURCE_DATE_EPOCH": "1795824000", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def imported_card() -> gf.Scorecard:
    imported = gf.import_open_sdg(REPO)
    return gf.evaluate(imported.framework, imported.observations, as_of=2024)


def test_each_open_sdg_indicator_with_its_series_and_status(imported_card: gf.Scorecard) -> None:
    written = imported_card.to_open_sdg()
    components = yaml.safe_load(written)
    assert list(components) == sorted(components)  # sorted, as sdg-build writes its file
    # 1-3-1's two options are one Open SDG indicator: the mean of their scores,
    # (2.815386645395768 - 2.7348688404414103) / 2 = 0.0402589..., in [0, 2.5): moderate.
    options = components["1-3-1"]
    assert options["progress_status"] == "moderate_progress"
    assert options["score"] == pytest.approx((2.815386645395768 - 2.7348688404414103) / 2)
    pension = options["1-3-1 / Proportion of older persons receiving a pension"]
    assert pension == {
        "base_value": 93.4, "base_year": 2017.0, "current_value": 92.7, "current_year": 2021.0,
        "direction": 1, "limit": 100.0, "progress_value": pytest.approx(-0.0018789507235312808),
        "score": pytest.approx(-2.7348688404414103), "sign": 1, "status": "deterioration",
        "target": None, "target_year": 2030.0,
    }  # fmt: skip
    # 3-1-1 selects the Canada rows; its target (70) is reached: status and score 5.
    assert components["3-1-1"]["progress_status"] == "target_achieved"
    assert components["3-1-1"]["3-1-1 / Canada"]["score"] == 5.0
    # Without automatic progress (shown, not scored): sdg-build's empty status, no score.
    assert components["5-5-1"] == {"progress_status": "", "score": None}


def test_a_card_of_other_methods_has_no_open_sdg_indicator(card: gf.Scorecard) -> None:
    assert yaml.safe_load(card.to_open_sdg()) == {}  # the bundled example: trajectories


def test_the_command_line_writes_it_by_extension_or_format(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "imported"
    ended = runner.invoke(app, ["import", "open-sdg", str(REPO), "--out", str(out)], env=ENV)
    assert ended.exit_code == 0, ended.output
    goals, data = out / "goals.yaml", out / "observations.csv"
    target = tmp_path / "indicator_calculation_components.yml"
    args = ["scorecard", str(goals), "-d", str(data), "--as-of", "2024"]
    ended = runner.invoke(app, [*args, "-o", str(target)], env=ENV)
    assert ended.exit_code == 0, ended.output
    printed = runner.invoke(app, [*args, "--format", "open-sdg"], env=ENV)
    assert printed.exit_code == 0, printed.output
    assert target.read_text(encoding="utf-8") == printed.stdout
    assert yaml.safe_load(printed.stdout)["1-2-1"]["progress_status"] == "substantial_progress"
