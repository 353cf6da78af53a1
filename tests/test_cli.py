from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goalframe import __version__
from goalframe.cli import app

from .conftest import TODAY_EPOCH

Write = Callable[[str, str], Path]
runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "SOURCE_DATE_EPOCH": TODAY_EPOCH}


def run(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args], env=ENV)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, f"goalframe {__version__}\n")
    code, out, _ = run("--help")
    assert code == 0
    for command in ("validate", "scorecard", "schema", "methods"):
        assert command in out
    assert run()[0] == 2  # no command: help, and the usage exit code


def test_validate(example_goals: Path) -> None:
    code, out, _ = run("validate", example_goals)
    assert code == 0
    assert "valid: 7 objectives, 8 indicators (4 with a target)" in out


def test_scorecard_table(example_goals: Path, example_data: Path) -> None:
    code, out, _ = run("scorecard", example_goals, "--data", example_data)
    assert code == 0
    for text in (
        "Organised drug crime",
        "Drug-waste",
        "insufficient progress",
        "outcome unknown",
        "achieved",
        "Assessment date: 28 November 2026 (the day of the run; pass --as-of to reproduce)",
        "Notes",
        "set aside",
    ):
        assert text in out


@pytest.mark.parametrize("fmt", ["markdown", "json", "table"])
def test_scorecard_to_file(
    example_goals: Path, example_data: Path, tmp_path: Path, fmt: str
) -> None:
    out_file = tmp_path / f"card.{fmt}"
    code, out, err = run(
        "scorecard", example_goals, "-d", example_data, "--format", fmt, "-o", out_file
    )
    assert code == 0
    assert out == ""
    assert f"wrote {out_file}" in err
    text = out_file.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["schema_version"] == 1
    else:
        assert "Criminal networks" in text


def test_as_of_and_method(example_goals: Path, example_data: Path) -> None:
    code, out, _ = run(
        "scorecard",
        example_goals,
        "-d",
        example_data,
        "--as-of",
        "2019",
        "--method",
        "trajectory",
        "-f",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == 2019
    assert data["method"] == "trajectory"


@pytest.mark.parametrize(
    ("gate", "code"),
    [
        ("missed", 0),
        ("moving_away", 0),
        ("insufficient_progress", 1),
        ("on_track", 1),
        ("outcome_unknown", 1),
        ("not_assessable", 0),
    ],
)
def test_fail_on_gate(example_goals: Path, example_data: Path, gate: str, code: int) -> None:
    # The example on 2026-11-28: dumpings insufficient progress; networks and plantations
    # outcome unknown; assets achieved; four context indicators (not scored).
    result = run("scorecard", example_goals, "-d", example_data, "--fail-on", gate)
    assert result[0] == code
    assert (f"--fail-on {gate}: the gate tripped" in result[2]) == (code == 1)
    if gate == "insufficient_progress":
        assert "tripped on 1 indicator(s): drug_waste_dumpings" in result[2]
    if gate == "outcome_unknown":
        assert (
            "2 indicator(s): criminal_networks_tackled, cannabis_plantations_dismantled"
            in result[2]
        )


def test_fail_on_gate_passes(write: Write, minimal_goals: Path) -> None:
    data = write("obs.csv", "indicator,period,value,unit\ndumpings,2022,150,dumping\n")
    assert run("scorecard", minimal_goals, "-d", data, "--fail-on", "needs_acceleration")[0] == 0
    assert run("scorecard", minimal_goals, "-d", data, "--fail-on", "on_track")[0] == 1
    assert run("scorecard", minimal_goals, "-d", data, "--fail-on", "not_assessable")[0] == 0


def test_schema(tmp_path: Path) -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "goalframe goal file"
    assert "indicators" in schema["properties"]
    target = tmp_path / "goalframe.schema.json"
    assert run("schema", "-o", target)[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema
    code, out, _ = run("schema", "--kind", "scorecard")
    assert code == 0
    assert json.loads(out)["properties"]["schema_version"]["const"] == 1


def test_methods() -> None:
    code, out, _ = run("methods")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert "trajectory" in names and "open-sdg" in names


def test_python_dash_m(example_goals: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "goalframe", "validate", str(example_goals)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "valid" in result.stdout


def test_method_all_compares_methods(example_goals: Path, example_data: Path) -> None:
    code, out, _ = run(
        "scorecard", example_goals, "-d", example_data, "--method", "all", "-f", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["kind"] == "method_comparison"
    assert data["methods"][:2] == ["trajectory", "open-sdg"]
    assert "forecast" in data["methods"]
    assert "drug_waste_dumpings" in data["disagreements"]
    code, out, _ = run("scorecard", example_goals, "-d", example_data, "-m", "all")
    assert code == 0
    assert "method comparison" in out and "open-sdg" in out
    code, out, _ = run(
        "scorecard",
        example_goals,
        "-d",
        example_data,
        "-m",
        "all",
        "-f",
        "markdown",
        "--fail-on",
        "insufficient_progress",
    )
    assert code == 1
    assert "| Indicator | Own method | trajectory | open-sdg |" in out


def test_explain(example_goals: Path, example_data: Path) -> None:
    code, out, _ = run("explain", example_goals, "-d", example_data, "-i", "drug_waste_dumpings")
    assert code == 0
    # Baseline 2019, deadline 2026, latest 2023: expected progress 4 / 7 = 0.571429.
    assert "method: trajectory" in out and "expected_progress = 0.571429" in out
    assert "target = baseline x (1 - 0.5) = 191 x 0.5 = 95.5" in out
    code, out, _ = run(
        "explain",
        example_goals,
        "-d",
        example_data,
        "-i",
        "drug_waste_dumpings",
        "-m",
        "open-sdg",
        "--as-of",
        "2020",
    )
    assert code == 0
    assert "method: open-sdg" in out and "current_year = 2020" in out
    code, _, err = run("explain", example_goals, "-d", example_data, "-i", "dumpings")
    assert code == 2
    assert "no indicator 'dumpings'" in err and "drug_waste_dumpings" in err


def test_lint_exit_codes(example_goals: Path, example_data: Path, tmp_path: Path) -> None:
    as_written = example_goals.parent / "goals-as-written.yaml"
    code, out, _ = run("lint", as_written)
    assert code == 1
    assert "S001 [error] objective weerbaarheid" in out
    assert out.rstrip().endswith(
        "measurability: 20% (1 of 5 objectives pass every error-level rule)"
    )
    assert run("lint", as_written, "--fail-on", "never")[0] == 0
    assert run("lint", as_written, "--select", "S002,R")[0] == 0  # warnings only
    assert run("lint", as_written, "--select", "S002", "--fail-on", "warning")[0] == 1
    code, out, _ = run("lint", as_written, "--ignore", "S,M,R", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["findings"] == []
    assert data["measurability"]["score"] == 0.2  # the score still counts every rule
    code, out, _ = run("lint", example_goals, "--data", example_data)
    assert code == 0
    assert "0 errors, 0 warnings, 0 infos, 6 ignored" in out
    code, out, _ = run("lint", as_written, "-f", "markdown", "-o", tmp_path / "lint.md")
    assert code == 1
    assert (tmp_path / "lint.md").read_text(encoding="utf-8").startswith("# Lint:")


@pytest.mark.parametrize("fmt", ["html", "csv"])
def test_scorecard_html_and_csv(
    example_goals: Path, example_data: Path, tmp_path: Path, fmt: str
) -> None:
    out_file = tmp_path / f"card.{fmt}"
    code, _, _ = run(
        "scorecard", example_goals, "-d", example_data, "-f", fmt, "-o", out_file, "--lang", "nl"
    )
    assert code == 0
    text = out_file.read_text(encoding="utf-8")
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "onvoldoende voortgang" in text
    else:
        assert text.startswith("record,framework,objectives,indicator,")
    assert run("scorecard", example_goals, "-d", example_data, "-m", "all", "-f", fmt)[0] == 2


def test_width_option(example_goals: Path, example_data: Path) -> None:
    code, out, _ = run("scorecard", example_goals, "-d", example_data, "--width", "140")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) > 100
    code, out, _ = run("scorecard", example_goals, "-d", example_data)
    assert max(len(line) for line in out.splitlines()) <= 100
    assert run("scorecard", example_goals, "-d", example_data, "--width", "5")[0] == 2
