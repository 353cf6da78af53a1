"""Bad goal files, bad data and bad usage: exit 2 with a message that names the place."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_cli import Write, run

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
