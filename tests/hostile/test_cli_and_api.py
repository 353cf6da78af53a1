"""Hostile command lines, API misuse, special files and outputs that would overwrite inputs."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import goalframe as gf
from goalframe.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, GoalframeError, UsageError

from ._helpers import DATA, GOALS, cli


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    goals = tmp_path / "goals.yaml"
    goals.write_text(GOALS, encoding="utf-8")
    data = tmp_path / "obs.csv"
    data.write_text(DATA, encoding="utf-8")
    return goals, data


# --- command-line options --------------------------------------------------------------------

OPTIONS = [
    ("as-of-text", ["--as-of", "soon"], "--as-of"),
    ("as-of-month-13", ["--as-of", "2020-13"], "--as-of"),
    ("as-of-year-0", ["--as-of", "0"], "--as-of"),
    ("as-of-empty", ["--as-of", ""], "--as-of"),
    ("as-of-escape", ["--as-of", "\x1b[2J"], "--as-of"),
    ("method-unknown", ["--method", "trajectry"], "unknown method"),
    ("method-empty", ["--method", ""], "unknown method"),
    ("format-unknown", ["--format", "pdf"], "pdf"),
    ("lang-unknown", ["--lang", "fr"], "fr"),
    ("width-small", ["--width", "5"], "width"),
    ("width-huge", ["--width", "100000"], "width"),
    ("width-text", ["--width", "wide"], "width"),
    ("fail-on-unknown", ["--fail-on", "bad"], "bad"),
    ("all-with-html", ["--method", "all", "--format", "html"], "--method all"),
    ("all-with-csv", ["--method", "all", "--format", "csv"], "--method all"),
]


@pytest.mark.parametrize(("extra", "fragment"), [pytest.param(*o[1:], id=o[0]) for o in OPTIONS])
def test_bad_scorecard_options(files: tuple[Path, Path], extra: list[str], fragment: str) -> None:
    goals, data = files
    ended = cli("scorecard", goals, "-d", data, *extra)
    assert ended.code == EXIT_BAD_INPUT, ended
    assert fragment in ended.err, ended.err


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["scorecard"], id="scorecard-no-file"),
        pytest.param(["scorecard", "{goals}"], id="scorecard-no-data"),
        pytest.param(["explain", "{goals}", "-d", "{data}"], id="explain-no-indicator"),
        pytest.param(["explain", "{goals}", "-d", "{data}", "-i", "nope"], id="explain-unknown"),
        pytest.param(["lint", "{goals}", "--format", "xml"], id="lint-format"),
        pytest.param(["lint", "{goals}", "--fail-on", "fatal"], id="lint-fail-on"),
        pytest.param(["schema", "--kind", "nope"], id="schema-kind"),
        pytest.param(["nope"], id="unknown-command"),
        pytest.param(["scorecard", "{goals}", "-d", "{goals}"], id="goal-file-as-data"),
        pytest.param(["scorecard", "{data}", "-d", "{data}"], id="data-as-goal-file"),
        pytest.param(["validate", "{tmp}/none/*.yaml"], id="glob-matching-nothing"),
        pytest.param(["scorecard", "{goals}", "-d", "{tmp}"], id="folder-as-data"),
        pytest.param(["validate", "{tmp}/missing.yaml"], id="missing-goal-file"),
        pytest.param(["scorecard", "{goals}", "-d", "{tmp}/missing.csv"], id="missing-data"),
    ],
)
def test_bad_usage(files: tuple[Path, Path], args: list[str]) -> None:
    goals, data = files
    filled = [a.format(goals=goals, data=data, tmp=goals.parent) for a in args]
    ended = cli(*filled)
    assert ended.code == EXIT_BAD_INPUT, ended


# --- outputs never overwrite inputs ------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "target", "fragment"),
    [
        ("scorecard", "goals", "would overwrite the input"),
        ("scorecard", "data", "would overwrite the input"),
        ("scorecard", "folder", "this is a folder"),
        ("scorecard", "no-folder", "does not exist"),
        ("lint", "goals", "would overwrite the input"),
        ("lint", "data", "would overwrite the input"),
        ("lint", "folder", "this is a folder"),
        ("lint", "no-folder", "does not exist"),
        ("scorecard", "goals-by-another-path", "would overwrite the input"),
        ("scorecard", "goals-by-link", "would overwrite the input"),
    ],
)
def test_outputs_never_overwrite_inputs(
    files: tuple[Path, Path], command: str, target: str, fragment: str
) -> None:
    goals, data = files
    before = (goals.read_bytes(), data.read_bytes())
    link = goals.parent / "link.yaml"
    link.symlink_to(goals)
    output = {
        "goals": goals,
        "data": data,
        "folder": goals.parent,
        "no-folder": goals.parent / "no" / "card.md",
        "goals-by-another-path": goals.parent / "." / ".." / goals.parent.name / goals.name,
        "goals-by-link": link,
    }[target]
    ended = cli(command, goals, "-d", data, "-o", output)
    assert ended.code == EXIT_BAD_INPUT, ended
    assert fragment in ended.err
    assert (goals.read_bytes(), data.read_bytes()) == before


def test_output_is_written_whole_and_to_standard_output(files: tuple[Path, Path]) -> None:
    goals, data = files
    out = goals.parent / "card.json"
    assert cli("scorecard", goals, "-d", data, "-f", "json", "-o", out).code == 0
    assert out.read_text(encoding="utf-8").rstrip().endswith("}")
    assert not [p for p in goals.parent.iterdir() if p.name.startswith(".card.json.")]
    assert cli("scorecard", goals, "-d", data, "-f", "json", "-o", "-").out.startswith("{")


# --- special files -----------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("role", ["goals", "data"])
def test_fifo_is_refused_without_hanging(files: tuple[Path, Path], role: str) -> None:
    goals, _data = files
    fifo = goals.parent / ("pipe.yaml" if role == "goals" else "pipe.csv")
    os.mkfifo(fifo)
    args = ("validate", fifo) if role == "goals" else ("scorecard", goals, "-d", fifo)
    ended = cli(*args)
    assert ended.code == EXIT_BAD_INPUT
    assert "not a regular file" in ended.err and str(fifo) in ended.err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("how", ["direct", "symlink"])
@pytest.mark.parametrize("role", ["goals", "data"])
def test_dev_zero_is_refused(files: tuple[Path, Path], how: str, role: str) -> None:
    goals, _data = files
    source = Path("/dev/zero")
    if how == "symlink":
        source = goals.parent / ("zero.yaml" if role == "goals" else "zero.csv")
        source.symlink_to("/dev/zero")
    args = ("validate", source) if role == "goals" else ("scorecard", goals, "-d", source)
    ended = cli(*args)
    assert ended.code == EXIT_BAD_INPUT
    assert "not a regular file" in ended.err or "goal-file type" in ended.err


def test_goal_file_from_standard_input() -> None:
    ended = cli("validate", "-", stdin=GOALS)
    assert ended.code == 0 and "valid: 1 objectives" in ended.out


# --- internal errors are not gate failures -------------------------------------------------------


@pytest.fixture
def a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """Evaluation raises an exception goalframe does not expect: a bug, as a user meets one."""
    import goalframe._api

    def broken(*_: Any, **__: Any) -> Any:
        msg = "simulated bug"
        raise KeyError(msg)

    monkeypatch.setattr(goalframe._api, "assess_all", broken)


@pytest.mark.usefixtures("a_bug")
def test_an_internal_error_exits_3_with_a_short_report(files: tuple[Path, Path]) -> None:
    from typer.testing import CliRunner

    from goalframe.cli import app

    goals, data = files
    result = CliRunner().invoke(app, ["scorecard", str(goals), "-d", str(data)])
    assert result.exit_code == EXIT_INTERNAL
    assert "internal error: KeyError" in result.stderr and "--debug" in result.stderr
    assert "Traceback" not in result.output
    debug = CliRunner().invoke(app, ["--debug", "scorecard", str(goals), "-d", str(data)])
    assert isinstance(debug.exception, KeyError)


# --- the public API ----------------------------------------------------------------------------

FW = gf.parse_framework(GOALS)
OBS = gf.observations_from_records(
    [{"indicator": "dumpings", "period": 2020, "value": 200, "unit": "dumping"}]
)

MISUSE: list[tuple[str, Callable[[], object]]] = [
    ("load_framework-None", lambda: gf.load_framework(None)),  # type: ignore[arg-type]
    ("load_framework-int", lambda: gf.load_framework(5)),  # type: ignore[arg-type]
    ("load_observations-None", lambda: gf.load_observations(None)),  # type: ignore[arg-type]
    ("load_observations-list", lambda: gf.load_observations([])),  # type: ignore[arg-type]
    ("evaluate-None-framework", lambda: gf.evaluate(None, OBS)),  # type: ignore[arg-type]
    ("evaluate-str-framework", lambda: gf.evaluate("goals.yaml", OBS)),  # type: ignore[arg-type]
    ("evaluate-None-data", lambda: gf.evaluate(FW, None)),  # type: ignore[arg-type]
    ("evaluate-str-data", lambda: gf.evaluate(FW, "obs.csv")),  # type: ignore[arg-type]
    ("evaluate-dicts", lambda: gf.evaluate(FW, [{"indicator": "x"}])),  # type: ignore[list-item]
    ("evaluate-bad-as-of", lambda: gf.evaluate(FW, OBS, as_of="soon")),
    ("evaluate-unknown-method", lambda: gf.evaluate(FW, OBS, method="nope")),
    ("compare-None", lambda: gf.compare(FW, None)),  # type: ignore[arg-type]
    ("compare-unknown-method", lambda: gf.compare(FW, OBS, methods=["nope"])),
    ("lint-None", lambda: gf.lint(None)),  # type: ignore[arg-type]
    ("lint-str", lambda: gf.lint("goals.yaml")),  # type: ignore[arg-type]
    ("lint-bad-data", lambda: gf.lint(FW, [1])),  # type: ignore[arg-type]
    ("records-None", lambda: gf.observations_from_records(None)),  # type: ignore[arg-type]
    ("records-str", lambda: gf.observations_from_records("abc")),  # type: ignore[arg-type]
    ("records-dict", lambda: gf.observations_from_records({"a": 1})),  # type: ignore[arg-type]
    ("records-of-ints", lambda: gf.observations_from_records([1, 2])),  # type: ignore[list-item]
    ("parse-empty", lambda: gf.parse_framework("")),
    ("parse-list", lambda: gf.parse_framework("[1]")),
    ("assess-list", lambda: gf.assess([1, 2], direction="increase")),  # type: ignore[arg-type]
    ("assess-None", lambda: gf.assess(None, direction="increase")),  # type: ignore[arg-type]
    ("assess-direction", lambda: gf.assess({2020: 1}, direction="up")),
    ("assess-nan-target", lambda: gf.assess({2020: 1}, direction="increase", target=float("nan"))),
    ("assess-inf-target", lambda: gf.assess({2020: 1}, direction="increase", target=float("inf"))),
    ("assess-huge-target", lambda: gf.assess({2020: 1}, direction="increase", target=1e308)),
    (
        "assess-nan-baseline",
        lambda: gf.assess(
            {2020: 1}, direction="increase", baseline=float("nan"), baseline_period=2020
        ),
    ),
    (
        "assess-nan-tolerance",
        lambda: gf.assess({2020: 1}, direction="increase", tolerance=float("nan")),
    ),
    ("assess-negative-tolerance", lambda: gf.assess({2020: 1}, direction="increase", tolerance=-1)),
    (
        "assess-change-below-100",
        lambda: gf.assess(
            {2020: 1}, direction="increase", change_percent=-101, baseline_period=2020
        ),
    ),
    ("assess-nan-value", lambda: gf.assess({2020: float("nan")}, direction="increase")),
    ("assess-inf-value", lambda: gf.assess({2020: float("inf")}, direction="increase")),
    ("assess-text-value", lambda: gf.assess({2020: "1_000"}, direction="increase")),  # type: ignore[dict-item]
    ("assess-mixed-frequencies", lambda: gf.assess({2015: 1, "2015Q1": 2}, direction="increase")),
    ("assess-bad-period", lambda: gf.assess({"20x0": 1}, direction="increase")),
    ("assess-unknown-method", lambda: gf.assess({2020: 1}, direction="increase", method="nope")),
    ("assess-unknown-option", lambda: gf.assess({2020: 1}, direction="increase", windw="x")),
    (
        "register-builtin-name",
        lambda: gf.register_method("trajectory", summary="x")(lambda s, g, o: None),
    ),  # type: ignore[arg-type,return-value]
    ("get-unknown-method", lambda: gf.get_method("nope")),
    ("period-parse", lambda: gf.Period.parse("20x0")),
    ("card-unknown-indicator", lambda: gf.evaluate(FW, OBS, as_of=2020).indicator("nope")),
]


@pytest.mark.parametrize("call", [pytest.param(c, id=i) for i, c in MISUSE])
def test_api_misuse_raises_a_goalframe_or_builtin_error_with_a_message(
    call: Callable[[], object],
) -> None:
    with pytest.raises((GoalframeError, ValueError, KeyError, TypeError)) as info:
        call()
    assert str(info.value), "every error says what is wrong"
    # Nothing escapes as an AttributeError, a RecursionError or a ZeroDivisionError.
    assert not isinstance(info.value, AttributeError | RecursionError | ArithmeticError)


def test_usage_errors_are_type_errors_and_goalframe_errors() -> None:
    with pytest.raises(UsageError) as info:
        gf.evaluate(FW, None)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, GoalframeError)


@pytest.mark.usefixtures("a_bug")
def test_debug_shows_the_traceback_and_still_exits_3(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found (issue 29, point 7): `--debug` turned exit 3 into Python's 1, the gate's code.
    import sys

    from goalframe.cli import main

    goals, data = files
    monkeypatch.setattr(
        sys, "argv", ["goalframe", "--debug", "scorecard", str(goals), "-d", str(data)]
    )
    with pytest.raises(SystemExit) as ended:
        main()
    assert ended.value.code == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" in err and "KeyError: 'simulated bug'" in err
