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
    assert json.loads(out)["properties"]["schema_version"] == {"const": 1}


def test_methods() -> None:
    code, out, _ = run("methods")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert "trajectory" in names and "open-sdg" in names


BAD_GOALS = {
    "syntax": ("id: x\ntitle: [oops\n", ":3:1: not valid YAML"),
    "schema": (
        "id: x\ntitle: T\nindicators:\n  - {id: i, name: n, direction: up}\n",
        ":4:33: indicators[0].direction",
    ),
    "unit": (
        "id: x\ntitle: T\nindicators:\n  - {id: i, name: n, unit: parsecs_ish}\n",
        "unknown unit 'parsecs_ish'",
    ),
    "target-equals-baseline": (
        "id: x\ntitle: T\nindicators:\n  - id: i\n    name: n\n    unit: kg\n"
        "    direction: increase\n    target: {baseline: {value: 5, period: 2015}, value: 5, "
        "deadline: 2020}\n",
        "equals the baseline",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_GOALS))
def test_bad_goal_files_exit_2_with_a_located_message(write: Write, case: str) -> None:
    text, fragment = BAD_GOALS[case]
    path = write("bad.yaml", text)
    for command in (["validate", path], ["scorecard", path, "-d", path]):
        code, out, err = run(*command)
        assert code == 2
        assert out == ""
        assert err.startswith("goalframe: error: ")
        assert str(path) in err and fragment in err


BAD_DATA = {
    "missing-column": ("indicator,period,value\n", ":1: missing column unit"),
    "nan": ("indicator,period,value,unit\ndumpings,2020,NaN,dumping\n", ":2: column 'value'"),
    "duplicate": (
        "indicator,period,value,unit\ndumpings,2020,1,dumping\ndumpings,2020,2,dumping\n",
        ":3: dumpings 2020 has two different values",
    ),
    "incompatible-unit": (
        "indicator,period,value,unit\ndumpings,2020,1,kg\n",
        ":2: indicator 'dumpings' is measured in 'dumping'",
    ),
    "unknown-unit": (
        "indicator,period,value,unit\ndumpings,2020,1,dumpling\n",
        "unknown unit 'dumpling'",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_DATA))
def test_bad_data_exit_2_with_a_located_message(
    write: Write, minimal_goals: Path, case: str
) -> None:
    text, fragment = BAD_DATA[case]
    data = write("obs.csv", text)
    code, out, err = run("scorecard", minimal_goals, "-d", data)
    assert code == 2
    assert out == ""
    assert str(data) in err and fragment in err


def test_bad_usage_exits_2(minimal_goals: Path, tmp_path: Path) -> None:
    assert run("scorecard", minimal_goals)[0] == 2  # --data missing
    code, _, err = run("scorecard", minimal_goals, "-d", minimal_goals, "--as-of", "20x")
    assert code == 2 and "--as-of" in err
    code, _, err = run("scorecard", minimal_goals, "-d", tmp_path / "nope.csv")
    assert code == 2 and "nope.csv" in err
    code, _, err = run("scorecard", minimal_goals, "-d", tmp_path, "-m", "nope")
    assert code == 2
    data = tmp_path / "obs.csv"
    data.write_text("indicator,period,value,unit\n", encoding="utf-8")
    code, _, err = run("scorecard", minimal_goals, "-d", data, "-m", "nope")
    assert code == 2 and "unknown method 'nope'" in err
    code, _, err = run(
        "scorecard",
        minimal_goals,
        "-d",
        data,
        "-f",
        "json",
        "-o",
        tmp_path / "no" / "such" / "dir.json",
    )
    assert code == 2 and "does not exist; create it first" in err
    code, _, err = run("validate", tmp_path / "missing.yaml")
    assert code == 2 and "no such file" in err


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
    assert "0 errors, 0 warnings, 0 infos, 5 ignored" in out
    code, out, _ = run("lint", as_written, "-f", "markdown", "-o", tmp_path / "lint.md")
    assert code == 1
    assert (tmp_path / "lint.md").read_text(encoding="utf-8").startswith("# Lint:")


def test_lint_reports_load_problems_as_findings(write: Write) -> None:
    path = write("bad.yaml", BAD_GOALS["target-equals-baseline"][0])
    code, out, err = run("lint", path)
    assert code == 1
    assert "M008 [error] indicator i: the target (5) equals the baseline" in out
    assert err == ""
    syntax = write("syntax.yaml", BAD_GOALS["syntax"][0])
    code, _, err = run("lint", syntax)
    assert code == 2
    assert "not valid YAML" in err
    assert run("lint", path, "--as-of", "20x")[0] == 2


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


def test_scorecard_in_dutch(example_goals: Path, example_data: Path) -> None:
    code, out, _ = run("scorecard", example_goals, "-d", example_data, "--lang", "nl")
    assert code == 0
    assert "Oordelen:" in out and "onvoldoende voortgang" in out and "Peildatum" in out
    code, out, _ = run(
        "scorecard", example_goals, "-d", example_data, "--lang", "nl", "-f", "markdown"
    )
    assert "## Indicatoren" in out
    assert run("scorecard", example_goals, "-d", example_data, "--lang", "fr")[0] == 2


def test_a_goal_files_problems_in_dutch(tmp_path: Path, example_data: Path) -> None:
    goals = tmp_path / "doelen.yaml"
    goals.write_text("id: x\ntitle: 5\nobjectives: [{id: o}]\nbogus: 1\n", encoding="utf-8")
    code, _, err = run("scorecard", goals, "-d", example_data, "--lang", "nl")
    assert code == 2
    assert f"{goals}: 3 problemen in het doelenbestand" in err
    assert f"{goals}:2:8: title: moet tekst zijn (gekregen: 5)" in err
    assert "objectives[0].statement: verplichte sleutel ontbreekt" in err
    assert "bogus: onbekende sleutel" in err
    code, _, err = run("scorecard", goals, "-d", example_data)  # English without --lang
    assert code == 2
    assert f"{goals}: 3 problems in the goal file" in err
    assert "title: should be text (got 5)" in err


@pytest.mark.parametrize(
    ("content", "dutch", "english"),
    [
        (b"", "het bestand is leeg; het heeft een kopregel nodig", "the file is empty"),
        (
            b"indicator,period,value\nx,2020,1\n",
            "ontbrekende kolom unit; de kopregel heeft 'indicator', 'period', 'value'",
            "missing column unit; the header has",
        ),
        (
            b"indicator,period,value,unit,unit\n",
            "kolom 'unit' staat twee keer in de kopregel; houd er een",
            "column 'unit' appears twice in the header",
        ),
        (
            b"indicator,period,value,unit\nx,2020,1\n",
            ":2: 3 cellen waar de kopregel er 4 heeft",
            ":2: 3 cells where the header has 4",
        ),
        (
            b"indicator;period;value;unit\nx;2020;1,5;kg\nx;2021;1.5;kg\n",
            "de waarden mengen een decimale komma (regel 2: '1,5') en een decimale punt "
            "(regel 3: '1.5')",
            "the values mix a decimal comma (line 2: '1,5') and a decimal point",
        ),
        (
            b"indicator;period;value;unit\nx;2020;1.234;kg\n",
            "waarde '1.234' leest als 1.234 met een decimale punt, of als 1234 met een "
            "decimale komma",
            "value '1.234' reads as 1.234 with a decimal point",
        ),
        (b"indicator,period\xff\n", "geen UTF-8-tekst (byte", "not UTF-8 text (byte"),
    ],
    ids=["empty", "missing", "twice", "cells", "mixed", "ambiguous", "utf8"],
)
def test_an_unreadable_observations_file_in_dutch(
    tmp_path: Path, example_goals: Path, content: bytes, dutch: str, english: str
) -> None:
    data = tmp_path / "cijfers.csv"
    data.write_bytes(content)
    code, _, err = run("scorecard", example_goals, "-d", data, "--lang", "nl")
    assert code == 2
    assert f"goalframe: error: {data}" in err
    assert dutch in " ".join(err.split()), err
    code, _, err = run("scorecard", example_goals, "-d", data)
    assert code == 2
    assert english in " ".join(err.split()), err


def test_width_option(example_goals: Path, example_data: Path) -> None:
    code, out, _ = run("scorecard", example_goals, "-d", example_data, "--width", "140")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) > 100
    code, out, _ = run("scorecard", example_goals, "-d", example_data)
    assert max(len(line) for line in out.splitlines()) <= 100
    assert run("scorecard", example_goals, "-d", example_data, "--width", "5")[0] == 2
