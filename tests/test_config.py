"""Configuration files, -q/-v, colour, and -o inferring the format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goalframe.cli import app

from .conftest import EXAMPLE

ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "SOURCE_DATE_EPOCH": "1795824000"}


def run(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={**ENV, **(env or {})})
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "goals").mkdir()
    for name in ("goals.yaml", "goals-as-written.yaml"):
        text = (EXAMPLE / name).read_text(encoding="utf-8")
        (tmp_path / "goals" / name).write_text(text, encoding="utf-8")
    data = (EXAMPLE / "observations.csv").read_text(encoding="utf-8")
    (tmp_path / "obs.csv").write_text(data, encoding="utf-8")
    return tmp_path


def test_pyproject_settings_apply_and_the_command_line_wins(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.goalframe]\nlang = "nl"\nfail-on = "outcome_unknown"\n',
        encoding="utf-8",
    )
    goals, data = project / "goals" / "goals.yaml", project / "obs.csv"
    code, out, err = run("scorecard", goals, "-d", data)
    assert code == 1  # the gate from the file: two outcomes unknown
    # The language from the file says the card and the gate's message alike.
    assert "Oordelen over de geldende streefwaarden:" in out and "de drempel is overschreden" in err
    code, out, _ = run("scorecard", goals, "-d", data, "--lang", "en", "--fail-on", "missed")
    assert code == 0 and "Verdicts of the targets in force:" in out


def test_goalframe_toml_is_found_walking_up_and_comes_first(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.goalframe]\nlang = "nl"\n', encoding="utf-8")
    (project / "goals" / "goalframe.toml").write_text(
        'lang = "en"\n\n[lint]\nignore = ["S", "R"]\nfail-on = "never"\nformat = "json"\n',
        encoding="utf-8",
    )
    code, out, _ = run("lint", project / "goals" / "goals-as-written.yaml")
    assert code == 0  # fail-on never
    report = json.loads(out)
    assert not [f for f in report["findings"] if f["code"][0] in "SR"]
    code, out, _ = run("config", project / "goals" / "goals.yaml")
    assert code == 0
    assert f"lang = 'en'    ({project / 'goals' / 'goalframe.toml'})" in out
    assert "lint.fail-on = 'never'" in out and "method = not set    (default)" in out


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('langauge = "nl"\n', "unknown setting 'langauge'; did you mean 'lang'?"),
        ('lang = "fr"\n', "setting 'lang' should be one of 'en', 'nl'"),
        ("width = 10\n", "setting 'width' should be a whole number of columns from 40"),
        ('[lint]\nselect = "M,T"\nformat = "xml"\n', "setting 'lint.format'"),
        ("lang = \n", "not valid TOML"),
    ],
)
def test_a_bad_setting_is_named_with_its_file(project: Path, text: str, fragment: str) -> None:
    config = project / "goalframe.toml"
    config.write_text(text, encoding="utf-8")
    code, _, err = run("scorecard", project / "goals" / "goals.yaml", "-d", project / "obs.csv")
    assert code == 2 and str(config) in err and fragment in err


def test_config_without_a_file(tmp_path: Path) -> None:
    code, out, _ = run("config", tmp_path)
    assert code == 0 and "configuration: no configuration file" in out


def test_quiet_and_verbose(project: Path) -> None:
    goals, data = project / "goals" / "goals.yaml", project / "obs.csv"
    out_file = project / "card.json"
    code, _, err = run("scorecard", goals, "-d", data, "-o", out_file)
    assert code == 0 and f"wrote {out_file}" in err
    code, _, err = run("-q", "scorecard", goals, "-d", data, "-o", out_file)
    assert code == 0 and err == ""
    code, _, err = run("-v", "scorecard", goals, "-d", data, "-o", out_file)
    assert "read " in err and "8 indicators" in err and "assessed 8 indicators" in err


def test_output_extension_sets_the_format(project: Path) -> None:
    goals, data = project / "goals" / "goals.yaml", project / "obs.csv"
    for name, start in (
        ("card.html", "<!DOCTYPE html>"),
        ("card.md", "# Organised"),
        ("card.json", "{"),
        ("card.csv", "record,"),
    ):
        assert run("scorecard", goals, "-d", data, "-o", project / name)[0] == 0
        assert (project / name).read_text(encoding="utf-8").startswith(start), name
    # An explicit --format wins over the extension.
    run("scorecard", goals, "-d", data, "-o", project / "card.txt", "-f", "json")
    assert (project / "card.txt").read_text(encoding="utf-8").startswith("{")


def test_force_color_and_no_color(project: Path) -> None:
    goals, data = project / "goals" / "goals.yaml", project / "obs.csv"
    _, coloured, _ = run(
        "scorecard",
        goals,
        "-d",
        data,
        env={"FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "xterm-256color"},
    )
    assert "\x1b[" in coloured  # colour through a pipe when asked
    _, plain, _ = run("scorecard", goals, "-d", data, env={"FORCE_COLOR": "", "NO_COLOR": "1"})
    assert "\x1b[" not in plain
