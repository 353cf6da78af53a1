"""Hostile goal files: every one ends in exit 2 with a message that names the file and place.

Each case is a goal file (YAML, JSON or TOML) and a fragment the message must contain; where
the place is known, the message also names the line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ._helpers import cli

HEAD = "id: x\ntitle: T\n"
IND = (
    HEAD + "indicators:\n  - {{id: i, name: n, unit: kg, direction: increase, "
    "target: {{baseline: {{value: 1, period: 2020}}, value: {value}, deadline: 2026}}}}\n"
)


def field(key: str, value: str) -> str:
    """A goal file whose single indicator has ``key: value``."""
    return (
        HEAD
        + f"indicators:\n  - {{id: i, name: n, unit: kg, direction: increase, {key}: {value}}}\n"
    )


def target(body: str) -> str:
    """A goal file whose single indicator has ``target: {body}``."""
    return field("target", "{" + body + "}")


# (case id, suffix, text, fragment of the message, line the message names or None)
SYNTAX = [
    ("yaml-unclosed-flow", ".yaml", "id: [x\n", "not valid YAML", 2),
    ("yaml-mapping-in-value", ".yaml", "id: a: b\n", "not valid YAML", 1),
    ("yaml-tab-indent", ".yaml", "id: x\n\ttitle: T\n", "not valid YAML", 2),
    ("yaml-list-root", ".yaml", "- a\n- b\n", "holds a mapping", 1),
    ("yaml-scalar-root", ".yaml", "42\n", "holds a mapping", 1),
    ("yaml-empty", ".yaml", "", "not empty", None),
    ("yaml-null", ".yaml", "null\n", "holds a mapping", None),
    ("yaml-duplicate-key", ".yaml", "id: x\nid: y\n", "duplicate key 'id'", 2),
    ("yaml-anchor", ".yaml", "id: &a x\ntitle: *a\n", "anchors and aliases", 1),
    (
        "yaml-billion-laughs",
        ".yaml",
        "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n",
        "anchors and aliases",
        None,
    ),
    ("yaml-merge-key", ".yaml", "base: {a: 1}\nid:\n  <<: {a: 1}\n", "merge keys", 3),
    ("yaml-python-tag", ".yaml", "id: !!python/object:os.system x\n", "!!python/object", 1),
    ("yaml-custom-tag", ".yaml", "id: !evil x\ntitle: T\n", "YAML tags (!evil)", 1),
    ("yaml-unclosed-quote", ".yaml", "id: 'x\ntitle: T\n", "not valid YAML", None),
    ("yaml-deep-flow", ".yaml", "id: " + "[" * 200 + "]" * 200 + "\n", "nest", None),
    ("yaml-two-documents", ".yaml", "id: x\n---\nid: y\n", "not valid YAML", None),
    ("json-unclosed", ".json", '{"id": "x"', "not valid", None),
    ("json-trailing-comma", ".json", '{"id": "x",}', "not valid JSON", 1),
    ("json-list-root", ".json", "[1, 2]", "holds a mapping", None),
    (
        "json-nan",
        ".json",
        '{"id": "x", "title": "T", "indicators": [{"id": "i", "name": "n", "unit": "kg", '
        '"direction": "increase", "target": {"value": NaN, "deadline": 2026}}]}',
        "not a finite number",
        1,
    ),
    ("json-deep", ".json", '{"a": ' + "[" * 10_000 + "]" * 10_000 + "}", "nest", None),
    ("json-duplicate-key", ".json", '{"id": "x", "id": "y"}', "duplicate key", None),
    ("toml-bad", ".toml", "id = \n", "not valid TOML", 1),
    ("toml-deep", ".toml", "a = " + "[" * 10_000 + "]" * 10_000 + "\n", "nest", None),
    ("toml-unclosed", ".toml", 'id = "x\n', "not valid TOML", 1),
    ("toml-duplicate", ".toml", 'id = "x"\nid = "y"\n', "not valid TOML", 2),
    ("unknown-suffix", ".txt", HEAD, "unknown goal-file type", None),
    ("latin1-bytes", ".yaml", "id: caf\xe9\n", "not UTF-8", None),
]

CONTENT = [
    ("missing-id", ".yaml", "title: T\n", "id", None),
    ("missing-title", ".yaml", "id: x\n", "title", None),
    ("id-with-space", ".yaml", "id: a b\ntitle: T\n", "id", 1),
    ("id-is-list", ".yaml", "id: [a]\ntitle: T\n", "id", 1),
    ("title-empty", ".yaml", "id: x\ntitle: ''\n", "title", 2),
    ("unknown-key", ".yaml", "id: x\ntitle: T\ndeadlin: 2026\n", "deadlin", 3),
    ("indicators-not-list", ".yaml", HEAD + "indicators: 5\n", "indicators", 3),
    ("objectives-not-list", ".yaml", HEAD + "objectives: {a: 1}\n", "objectives", 3),
    ("schema-version", ".yaml", "schema_version: 2\n" + HEAD, "schema_version", 1),
    ("rollup-unknown", ".yaml", HEAD + "rollup: median\n", "rollup", 3),
    ("language-unknown", ".yaml", HEAD + "language: fr\n", "language", 3),
    (
        "unit-unknown",
        ".yaml",
        HEAD + "indicators:\n  - {id: i, name: n, unit: wombats, direction: increase}\n",
        "wombats",
        4,
    ),
    ("unit-empty", ".yaml", field("kind", "effect"), "kind", 4),
    ("direction-up", ".yaml", field("method", "trajectry"), "trajectry", 4),
    ("frequency-odd", ".yaml", field("frequency", "sometimes"), "frequency", 4),
    ("select-not-mapping", ".yaml", field("select", "NL"), "select", 4),
    ("options-unknown", ".yaml", field("options", "{windw: short}"), "windw", 4),
    ("context-unknown", ".yaml", field("context", "[nope]"), "nope", 4),
    ("lint-ignore-code", ".yaml", field("lint_ignore", "[{code: X, reason: r}]"), "code", 4),
    ("lint-ignore-reason", ".yaml", field("lint_ignore", "[{code: M001}]"), "reason", 4),
    ("target-not-mapping", ".yaml", field("target", "5"), "target", 4),
    ("target-unknown-key", ".yaml", target("valu: 5"), "valu", 4),
    ("target-type", ".yaml", target("type: spiral"), "type", 4),
    (
        "both-value-and-change",
        ".yaml",
        target("value: 5, change_percent: 3, baseline: {value: 1, period: 2020}"),
        "not both",
        4,
    ),
    (
        "change-without-baseline",
        ".yaml",
        target("change_percent: -13, deadline: 2026"),
        "baseline",
        4,
    ),
    (
        "change-below-minus-100",
        ".yaml",
        target("change_percent: -200, baseline: {value: 1, period: 2020}"),
        "change_percent",
        4,
    ),
    (
        "change-1e308",
        ".yaml",
        target("change_percent: 1e308, baseline: {value: 1, period: 2020}"),
        "change_percent",
        4,
    ),
    (
        "tolerance-negative",
        ".yaml",
        target("value: 5, deadline: 2026, tolerance: -1"),
        "tolerance",
        4,
    ),
    ("tolerance-nan", ".yaml", target("value: 5, deadline: 2026, tolerance: .nan"), "finite", 4),
    ("tolerance-inf", ".yaml", target("value: 5, deadline: 2026, tolerance: .inf"), "finite", 4),
    ("norm-without-period", ".yaml", target("type: norm, value: 950"), "period", 4),
    ("range-low-above-high", ".yaml", target("type: range, low: 5, high: 1"), "low", 4),
    ("milestones-empty", ".yaml", target("type: milestones"), "milestones", 4),
    (
        "milestones-bad-period",
        ".yaml",
        target("milestones: {20x0: 5}, value: 9, deadline: 2026"),
        "20x0",
        4,
    ),
    (
        "baseline-no-period",
        ".yaml",
        target("baseline: {value: 1}, value: 5, deadline: 2026"),
        "period",
        4,
    ),
    ("deadline-month-13", ".yaml", target("value: 5, deadline: 2015-13"), "2015-13", 4),
    ("deadline-year-10000", ".yaml", target("value: 5, deadline: 10000"), "10000", 4),
    ("deadline-year-999", ".yaml", target("value: 5, deadline: 999"), "999", 4),
    ("deadline-text", ".yaml", target("value: 5, deadline: soon"), "soon", 4),
    (
        "deadline-before-baseline",
        ".yaml",
        target("baseline: {value: 1, period: 2020}, value: 5, deadline: 2019"),
        "not after the baseline",
        4,
    ),
    (
        "deadline-on-baseline-instant",
        ".yaml",
        target("baseline: {value: 1, period: 2015}, value: 5, deadline: 2015Q1"),
        "not after the baseline",
        4,
    ),
    (
        "target-equals-baseline",
        ".yaml",
        target("baseline: {value: 5, period: 2020}, value: 5, deadline: 2026"),
        "baseline",
        4,
    ),
    (
        "target-against-direction",
        ".yaml",
        target("baseline: {value: 5, period: 2020}, value: 1, deadline: 2026"),
        "direction",
        4,
    ),
    (
        "target-unit-incompatible",
        ".yaml",
        target("value: 5, deadline: 2026, unit: plantation"),
        "plantation",
        4,
    ),
    (
        "objective-parent-unknown",
        ".yaml",
        HEAD + "objectives:\n  - {id: a, statement: S, parent: b}\n",
        "unknown parent",
        4,
    ),
    (
        "objective-own-parent",
        ".yaml",
        HEAD + "objectives:\n  - {id: a, statement: S, parent: a}\n",
        "own parent",
        4,
    ),
    (
        "objective-cycle",
        ".yaml",
        HEAD
        + "objectives:\n  - {id: a, statement: S, parent: b}\n"
        + "  - {id: b, statement: S, parent: a}\n",
        "cycle",
        4,
    ),
    (
        "objective-weight-zero",
        ".yaml",
        HEAD + "objectives:\n  - {id: a, statement: S, weight: 0}\n",
        "weight",
        4,
    ),
    (
        "objective-weight-1e308",
        ".yaml",
        HEAD + "objectives:\n  - {id: a, statement: S, weight: 1e308}\n",
        "weight",
        4,
    ),
    (
        "objective-unknown-indicator",
        ".yaml",
        HEAD + "objectives:\n  - {id: a, statement: S, indicators: [z]}\n",
        "unknown indicator",
        4,
    ),
    (
        "duplicate-objective",
        ".yaml",
        HEAD + "objectives:\n  - {id: a, statement: S}\n  - {id: a, statement: S}\n",
        "a",
        5,
    ),
    (
        "statement-too-long",
        ".yaml",
        HEAD + "objectives:\n  - {id: a, statement: " + "x" * 20_001 + "}\n",
        "statement",
        4,
    ),
    ("period-range-reversed", ".yaml", HEAD + "period: {start: 2026, end: 2015}\n", "swap", 3),
]

NUMBERS = [
    ("1_000", "not a number"),
    ("0x10", "not a number"),
    ("0o17", "not a number"),
    ("1:30", "not a number"),
    ("1e400", "finite"),
    ("-1e400", "finite"),
    (".nan", "finite"),
    (".inf", "finite"),
    ("-.inf", "finite"),
    ("1e308", "beyond"),
    ("-1e16", "beyond"),
    ("'١٠٠'", "digits 0-9"),
    ("'１００'", "digits 0-9"),
    ("'1,5'", "point"),
    ("'1e-400'", "too small"),
    ("true", "not a number"),
    ("'twelve'", "not a number"),
    ("[1]", "value"),
    ("{a: 1}", "value"),
    ("'nan'", "finite"),
]

CASES = (
    [pytest.param(*c[1:], id=c[0]) for c in SYNTAX]
    + [pytest.param(*c[1:], id=c[0]) for c in CONTENT]
    + [
        pytest.param(".yaml", IND.format(value=v), fragment, 4, id=f"target-value-{v}")
        for v, fragment in NUMBERS
    ]
)


@pytest.mark.parametrize(("suffix", "text", "fragment", "line"), CASES)
def test_hostile_goal_file(
    tmp_path: Path, suffix: str, text: str, fragment: str, line: int | None
) -> None:
    path = tmp_path / f"goals{suffix}"
    path.write_bytes(text.encode("latin-1" if "\xe9" in text else "utf-8"))
    for command in ("validate", "lint"):
        ended = cli(command, path, "--format", "json") if command == "lint" else cli(command, path)
        if command == "lint" and ended.code in (0, 1):
            continue  # lint reports whole-file problems as findings
        assert ended.code == 2, (command, ended.out, ended.err)
        assert ended.err.startswith(f"goalframe: error: {path}"), ended.err
        assert fragment in ended.err, ended.err
        if line is not None:
            assert f"{path}:{line}:" in ended.err, ended.err


@pytest.mark.parametrize(("written", "read"), [("08", "08"), ("007", "007"), ("8", "8")])
def test_leading_zero_is_text_not_octal(tmp_path: Path, written: str, read: str) -> None:
    # `statement: 08` crashed PyYAML's YAML 1.1 octal reading (exit 3, no place named).
    from goalframe.io import load_framework

    path = tmp_path / "goals.yaml"
    path.write_text(
        HEAD + f"objectives:\n  - {{id: o, statement: {written}, indicators: [i]}}\n"
        "indicators:\n  - {id: i, name: n, unit: kg, direction: increase}\n",
        encoding="utf-8",
    )
    ended = cli("validate", path)
    if read.startswith("0"):
        assert ended.code == 0, ended.err
        assert load_framework(path).objectives[0].statement == read
    else:  # a plain number where text is wanted: a located refusal
        assert ended.code == 2
        assert f"{path}:4:" in ended.err


def test_validate_keeps_exit_3_for_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # validate counted an internal error as a bad file and exited 2, not the documented 3.
    import goalframe.io

    def broken(path: Path) -> None:
        msg = "a bug"
        raise RuntimeError(msg)

    monkeypatch.setattr(goalframe.io, "load_framework", broken)
    path = tmp_path / "goals.yaml"
    path.write_text(HEAD, encoding="utf-8")
    from typer.testing import CliRunner

    from goalframe.cli import app

    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 3, result.output
    assert "internal error: RuntimeError: a bug" in result.stderr
