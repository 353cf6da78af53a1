"""One test for each finding of the hostile-input review (issue "Nothing lost, nothing silently
wrong"), in the order the review lists them."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

import goalframe as gf
from goalframe.errors import DuplicateMethodError, MethodError

from ._helpers import DATA, GOALS, cli, strict_json

H = "indicator,period,value,unit\n"


@pytest.fixture
def goals(tmp_path: Path) -> Path:
    path = tmp_path / "goals.yaml"
    path.write_text(GOALS, encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "obs.csv"
    path.write_text(DATA, encoding="utf-8")
    return path


def goal_file(tmp_path: Path, text: str, name: str = "g.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# 1. It overwrote its own inputs.
def test_never_overwrites_an_input(goals: Path, data: Path) -> None:
    before = goals.read_bytes(), data.read_bytes()
    for args in (
        ("scorecard", goals, "-d", data, "-o", goals),
        ("scorecard", goals, "-d", data, "-o", data),
        ("lint", goals, "-o", goals),
    ):
        ended = cli(*args)
        assert ended.code == 2 and "would overwrite the input" in ended.err
    assert (goals.read_bytes(), data.read_bytes()) == before


# 2. Invalid JSON with NaN and Infinity; verdicts computed from them.
@pytest.mark.parametrize(
    "method", ["trajectory", "unsd", "eurostat", "open-sdg", "escap", "okr", "forecast"]
)
def test_huge_growth_stays_finite(method: str) -> None:
    result = gf.assess(
        {2015: 1e-9, 2016: 1e15},
        direction="increase",
        target=1e15,
        baseline_period=2015,
        target_period=2060,
        method=method,
        as_of=2016,
    )
    for number in (result.value, result.expected, result.score):
        assert number is None or math.isfinite(number)
    assert all(not isinstance(v, float) or math.isfinite(v) for v in result.components.values())


def test_milestone_path_below_the_baseline_and_json_is_strict(tmp_path: Path) -> None:
    text = (
        "id: x\ntitle: T\nindicators:\n  - {id: i, name: n, unit: case, direction: increase, "
        "target: {baseline: {value: 100, period: 2015}, milestones: {2017: 50}, value: 200, "
        "deadline: 2030}}\n"
    )
    path = goal_file(tmp_path, text)
    obs = tmp_path / "o.csv"
    obs.write_text(H + "i,2015,100,case\ni,2018,60,case\n", encoding="utf-8")
    ended = cli("scorecard", path, "-d", obs, "-f", "json")
    assert ended.code in (0, 2)
    if ended.code == 0:
        strict_json(ended.out)


@pytest.mark.parametrize(
    "value", ["1e308", "1e400", "-1e308", ".nan", ".inf"], ids=lambda v: f"target-{v}"
)
def test_numbers_near_the_float_limits_are_refused_in_goal_files(
    tmp_path: Path, value: str
) -> None:
    text = (
        "id: x\ntitle: T\nindicators:\n  - {id: i, name: n, unit: case, direction: increase, "
        f"target: {{value: {value}, deadline: 2030}}}}\n"
    )
    ended = cli("validate", goal_file(tmp_path, text))
    assert ended.code == 2 and ":4:" in ended.err


def test_change_percent_1e308_and_overflowing_conversion(tmp_path: Path) -> None:
    text = (
        "id: x\ntitle: T\nindicators:\n  - {id: i, name: n, unit: kg, direction: increase, "
        "target: {baseline: {value: 1, period: 2020}, change_percent: 1e308, deadline: 2030}}\n"
    )
    assert cli("validate", goal_file(tmp_path, text)).code == 2
    big = (
        "id: x\ntitle: T\nindicators:\n  - {id: i, name: n, unit: mg, direction: increase, "
        "target: {baseline: {value: 1e15, period: 2020, }, value: 1e15, deadline: 2030, "
        "unit: Gt}}\n"
    )
    # 1e15 gigatonnes in milligrams is 1e36: refused as beyond the range, not an infinity.
    ended = cli("validate", goal_file(tmp_path, big, "big.yaml"))
    assert ended.code == 2


def test_nan_arguments_to_assess_are_refused() -> None:
    for kwargs in (
        {"target": float("nan")},
        {"tolerance": float("nan")},
        {"baseline": float("nan"), "baseline_period": 2015},
    ):
        with pytest.raises(ValueError, match="finite"):
            gf.assess({2015: 1, 2016: 2}, direction="increase", **kwargs)  # type: ignore[arg-type]


# 3. Numbers read that no one wrote.
@pytest.mark.parametrize("cell", ["1_000", "١٠٠", "１００", "1e-400"])
def test_numbers_nobody_wrote_are_refused_with_the_cell(
    goals: Path, tmp_path: Path, cell: str
) -> None:
    obs = tmp_path / "o.csv"
    obs.write_text(H + f"dumpings,2020,{cell},dumping\n", encoding="utf-8")
    ended = cli("scorecard", goals, "-d", obs)
    assert ended.code == 2 and f"{obs}:2" in ended.err and repr(cell) in ended.err


# 4. Tracebacks.
@pytest.mark.parametrize(
    "args",
    [
        ("lint",),
        ("scorecard", "-m", "forecast"),
        ("scorecard", "-m", "escap"),
        ("scorecard", "-m", "all"),
    ],
    ids=["lint-data", "forecast", "escap", "all"],
)
def test_mixed_frequencies_in_one_series(
    goals: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    obs = tmp_path / "o.csv"
    obs.write_text(
        H + "dumpings,2015,1,dumping\ndumpings,2015Q1,2,dumping\ndumpings,2015-01-01,3,dumping\n",
        encoding="utf-8",
    )
    ended = cli(*args, goals, "-d", obs)
    assert ended.code == 2 and "mixes" in ended.err


def test_mixed_frequencies_in_assess() -> None:
    with pytest.raises(ValueError, match="one frequency"):
        gf.assess({2015: 1, "2015Q1": 2, "2015-01-01": 3}, direction="increase")


def test_deadline_on_the_baselines_instant(tmp_path: Path) -> None:
    text = (
        "id: x\ntitle: T\nindicators:\n  - {id: i, name: n, unit: case, direction: increase, "
        "target: {baseline: {value: 1, period: 2015}, value: 5, deadline: 2015Q1}}\n"
    )
    ended = cli("validate", goal_file(tmp_path, text))
    assert ended.code == 2 and "not after the baseline" in ended.err


@pytest.mark.parametrize(("start", "end"), [(2015, 9999), (1000, 1002), (1000, 9999)])
def test_norm_spans_at_the_edges_of_the_calendar(tmp_path: Path, start: int, end: int) -> None:
    text = (
        "id: x\ntitle: T\nobjectives: [{id: o, statement: S, indicators: [i]}]\nindicators:\n"
        "  - {id: i, name: n, unit: case, direction: increase, "
        f"target: {{type: norm, value: 5, period: {{start: {start}, end: {end}}}}}}}\n"
    )
    obs = tmp_path / "o.csv"
    obs.write_text(H + f"i,{start},6,case\ni,{start + 1},7,case\n", encoding="utf-8")
    ended = cli("scorecard", goal_file(tmp_path, text), "-d", obs, "-f", "json", "--as-of", "2030")
    assert ended.code == 0, ended.err
    strict_json(ended.out)


def test_deep_toml_arrays(tmp_path: Path) -> None:
    path = goal_file(tmp_path, "a = " + "[" * 10_000 + "]" * 10_000 + "\n", "g.toml")
    ended = cli("validate", path)
    assert ended.code == 2 and "nest" in ended.err


def test_objective_chain_1000_deep(tmp_path: Path) -> None:
    lines = ["id: x", "title: T", "objectives:", "  - {id: o0, statement: S}"]
    lines += [f"  - {{id: o{k}, statement: S, parent: o{k - 1}}}" for k in range(1, 1000)]
    ended = cli("validate", goal_file(tmp_path, "\n".join(lines) + "\n"))
    assert ended.code == 2 and "levels deep" in ended.err


def test_sibling_weights_of_1e308(tmp_path: Path) -> None:
    text = (
        "id: x\ntitle: T\nobjectives:\n  - {id: top, statement: S}\n"
        "  - {id: a, statement: S, parent: top, weight: 1e308}\n"
        "  - {id: b, statement: S, parent: top, weight: 1e308}\n"
    )
    ended = cli("validate", goal_file(tmp_path, text))
    assert ended.code == 2 and "weight" in ended.err


@pytest.mark.parametrize("role", ["goals", "data"])
def test_dev_zero(goals: Path, role: str) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    args = ("validate", "/dev/zero") if role == "goals" else ("scorecard", goals, "-d", "/dev/zero")
    assert cli(*args).code == 2


def test_escap_on_huge_values_does_not_overflow() -> None:
    result = gf.assess(
        {2015: 1.0, 2016: 1e15},
        direction="increase",
        target=1e15 - 1,
        target_period=2100,
        method="escap",
        as_of=2016,
    )
    assert result.value is None or math.isfinite(result.value)


def test_none_arguments_are_usage_errors() -> None:
    fw = gf.parse_framework(GOALS)
    for call in (
        lambda: gf.load_framework(None),  # type: ignore[arg-type]
        lambda: gf.evaluate(fw, None),  # type: ignore[arg-type]
        lambda: gf.lint(None),  # type: ignore[arg-type]
    ):
        with pytest.raises(gf.GoalframeError, match=r"takes|must be"):
            call()


def test_an_exception_in_a_plugin_is_a_method_error_naming_it(goals: Path) -> None:
    from goalframe.progress import _register, get_method

    get_method("trajectory")  # load the built-ins first

    def broken(series: Any, goal: Any, options: Any) -> Any:
        msg = "plugin bug"
        raise RuntimeError(msg)

    broken.__module__ = "some_plugin"
    _register.register_method("broken-plugin", summary="x")(broken)
    try:
        obs = gf.observations_from_records(
            [{"indicator": "dumpings", "period": 2020, "value": 200, "unit": "dumping"}]
        )
        with pytest.raises(MethodError, match="'broken-plugin' \\(a plugin, some_plugin\\)"):
            gf.evaluate(gf.load_framework(goals), obs, method="broken-plugin", as_of=2020)
    finally:
        _register.registry.pop("broken-plugin", None)


# 5. Crashes exited 1, like a tripped gate: tested in test_cli_and_api.py (exit 3).


# 6. Raw control characters reached the screen and Markdown.
def test_escape_sequences_and_bidi_in_names(tmp_path: Path) -> None:
    text = (
        'id: x\ntitle: "T\\e[2J"\nobjectives: [{id: o, statement: "S\\u202eevil", '
        "indicators: [i]}]\nindicators:\n"
        '  - {id: i, name: "n\\e]8;;x\\a", unit: case, direction: increase, '
        'source: {name: s, url: "https://e.example/\\tx"}, '
        "target: {baseline: {value: 1, period: 2015}, value: 5, deadline: 2030}}\n"
    )
    path = goal_file(tmp_path, text)
    obs = tmp_path / "o`x.csv"
    obs.write_text(H + "i,2015,1,case\ni,2016,2,case\n", encoding="utf-8")
    for fmt in ("table", "markdown"):
        ended = cli("scorecard", path, "-d", obs, "-f", fmt)
        assert ended.code == 0
        assert "\x1b" not in ended.out and "\u202e" not in ended.out and "\x07" not in ended.out
    markdown = cli("scorecard", path, "-d", obs, "-f", "markdown").out
    assert "<https://e.example/" not in markdown  # a URL with a tab is not made a link
    assert "`" not in markdown.split("Goals:")[-1].replace("\\`", "")  # no code span to break
    explained = cli("explain", path, "-d", obs, "-i", "i").out
    assert "\x1b" not in explained


# 7. Size caps could be bypassed; a FIFO hung; "-" on a pipe failed.
def test_a_single_huge_line_is_refused_quickly(goals: Path, tmp_path: Path) -> None:
    obs = tmp_path / "o.csv"
    obs.write_text(H + "dumpings,2020,1," + "x" * 1_000_000 + "\n", encoding="utf-8")
    ended = cli("scorecard", goals, "-d", obs)
    assert ended.code == 2 and "not valid CSV" in ended.err


def test_data_from_a_pipe(goals: Path) -> None:
    ended = cli("scorecard", goals, "-d", "-", "-f", "json", stdin=DATA)
    assert ended.code == 0 and strict_json(ended.out)


# 8. Registry hijack; negative or NaN tolerance.
def test_built_in_names_cannot_be_taken_by_accident() -> None:
    from goalframe.progress import _register

    def mine(series: Any, goal: Any, options: Any) -> Any:
        return None

    mine.__module__ = "user_code"
    with pytest.raises(DuplicateMethodError, match="replace=True"):
        _register.register_method("trajectory", summary="mine")(mine)
    assert gf.get_method("trajectory").function.__module__ == "goalframe.progress.trajectory"


def test_negative_tolerance_is_refused(tmp_path: Path) -> None:
    text = (
        "id: x\ntitle: T\nindicators:\n  - {id: i, name: n, unit: case, direction: increase, "
        "target: {value: 5, deadline: 2030, tolerance: -1}}\n"
    )
    assert cli("validate", goal_file(tmp_path, text)).code == 2
    with pytest.raises(ValueError, match="negative"):
        gf.assess({2015: 1}, direction="increase", tolerance=-1)


# 9. Set-aside rows missing from the CSV export; blank rows dropped without a count.
def test_every_row_is_in_the_csv_export(goals: Path, tmp_path: Path) -> None:
    obs = tmp_path / "o.csv"
    obs.write_text(
        H + "dumpings,2018,292,dumping\n\ndumpings,2020,,dumping\nother,2020,1,kg\n",
        encoding="utf-8",
    )
    out = cli("scorecard", goals, "-d", obs, "-f", "csv").out
    aside = [line for line in out.splitlines() if line.startswith("set_aside,")]
    assert len(aside) == 3  # the blank line, the empty value, the unknown indicator
    assert any("blank line" in line and f"{obs}:3" in line for line in aside)
