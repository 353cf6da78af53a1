from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe.errors import SpecSyntaxError, SpecValidationError
from goalframe.io import MAX_SPEC_BYTES
from goalframe.schema import FrameworkSpec

from .conftest import MINIMAL

Write = Callable[[str, str], Path]


def problems(exc: SpecValidationError) -> list[str]:
    return [str(p) for p in exc.problems]


def test_minimal_file_loads(minimal_goals: Path) -> None:
    framework = gf.load_framework(minimal_goals)
    assert framework.id == "demo"
    indicator = framework.indicator("dumpings")
    assert indicator.goal is not None
    assert indicator.goal.target == 100.0
    assert str(indicator.goal.deadline) == "2026"
    assert framework.objective("less-waste").indicators == ("dumpings",)
    with pytest.raises(KeyError):
        framework.indicator("nope")
    with pytest.raises(KeyError):
        framework.objective("nope")


def test_json_and_toml_give_the_same_framework(minimal_goals: Path, write: Write) -> None:
    yaml_fw = gf.load_framework(minimal_goals)
    json_path = write("goals.json", gf.dump_framework(yaml_fw, format="json"))
    assert gf.load_framework(json_path).spec == yaml_fw.spec
    toml_path = write(
        "goals.toml",
        """
        id = "demo"
        title = "Demo framework"

        [[objectives]]
        id = "less-waste"
        statement = "Halve drug-waste dumpings by 2026"
        level = "outcome"
        indicators = ["dumpings"]

        [[indicators]]
        id = "dumpings"
        name = "Drug-waste dumpings"
        unit = "dumping"
        direction = "decrease"
        kind = "outcome"
        source = "Politie"
        target = {baseline = {value = 200, period = 2018}, value = 100, deadline = 2026}
        """,
    )
    assert gf.load_framework(toml_path).spec == yaml_fw.spec


def test_validation_errors_point_at_line_and_column(write: Write) -> None:
    path = write(
        "bad.yaml",
        """
        id: x
        title: T
        indicators:
          - id: i1
            name: one
            direction: up
            target:
              baseline: {value: lots, period: 2015}
              deadline: 2030-13
            colour: red
        """,
    )
    with pytest.raises(SpecValidationError) as info:
        gf.load_framework(path)
    found = problems(info.value)
    assert (
        f"{path}:6:16: indicators[0].direction: should be 'increase' or 'decrease' (got 'up')"
        in found[0]
    )
    assert found[1].startswith(f"{path}:8:25: indicators[0].target.baseline.value:")
    assert found[2].startswith(
        f"{path}:9:17: indicators[0].target.deadline: period '2030-13' has month 13"
    )
    assert found[3].startswith(f"{path}:10:5: indicators[0].colour: unknown key")
    assert isinstance(info.value, ValueError)


def test_missing_key_reported_at_the_parent_mapping(write: Write) -> None:
    path = write("bad.yaml", "id: x\nindicators:\n  - id: i1\n    unit: kg\n")
    with pytest.raises(SpecValidationError) as info:
        gf.load_framework(path)
    found = problems(info.value)
    assert f"{path}:1:1: title: required key is missing" in found
    assert f"{path}:3:5: indicators[0].name: required key is missing" in found


def test_whole_file_checks(write: Write) -> None:
    path = write(
        "bad.yaml",
        """
        id: x
        title: T
        default_method: trajectry
        objectives:
          - {id: a, statement: s, parent: b, indicators: [i1, i9]}
          - {id: b, statement: s, parent: a}
          - {id: c, statement: s, parent: c}
          - {id: a, statement: dup}
        indicators:
          - {id: i1, name: one, unit: kt, context: [i8]}
          - {id: i2, name: two, unit: foo, method: nope}
          - id: i3
            name: three
            unit: kg
            direction: increase
            target: {baseline: {value: 10, period: 2015}, value: 10, deadline: 2010}
          - id: i4
            name: four
            unit: plantation
            target: {baseline: {value: 10, period: 2015}, value: 5, deadline: 2020}
          - id: i5
            name: five
            unit: case
            direction: increase
            target: {baseline: {value: 10, period: 2015}, value: 5, deadline: 2020}
          - id: i6
            name: six
            unit: plantation
            direction: increase
            target: {baseline: {value: 1, period: 2015}, value: 5, deadline: 2020, unit: kg}
          - id: i7
            name: seven
            unit: case
            direction: increase
            target:
              baseline: {value: 1, period: 2015}
              value: 5
              deadline: 2020
              milestones: {2014: 2, 2022: 3}
        """,
    )
    with pytest.raises(SpecValidationError) as info:
        gf.load_framework(path)
    text = "\n".join(problems(info.value))
    for fragment in [
        "objectives[3].id: duplicate objective id 'a'",
        "objectives[0].indicators[1]: unknown indicator 'i9'",
        "objectives[2].parent: an objective cannot be its own parent",
        "is its own ancestor",
        "default_method: unknown method 'trajectry'",
        "(did you mean 'trajectory'?)",
        "indicators[0].context[0]: unknown context indicator 'i8'",
        "indicators[1].unit: unknown unit 'foo'",
        "indicators[1].method: unknown method 'nope'",
        "indicators[2].target.value: the target (10) equals the baseline",
        "indicators[2].target.deadline: the deadline 2010 is not after the baseline period 2015",
        "indicators[3].direction: an indicator with a target needs `direction: increase`",
        "indicators[4].target.value: the target (5) is below the baseline (10) but `direction` "
        "is increase",
        "indicators[5].target.unit: cannot convert 'kg' ([mass]) into 'plantation'",
        "indicators[6].target.milestones[0].period: milestone 2014 is not after the baseline",
        "indicators[6].target.milestones[1].period: milestone 2022 is after the deadline",
    ]:
        assert fragment in text
    assert f"{path}:5:5" in text or f"{path}:8:5" in text  # lines are given


def test_relative_target_resolved_in_target_unit(write: Write) -> None:
    path = write(
        "g.yaml",
        """
        id: x
        title: T
        indicators:
          - id: coke
            name: cocaine seized
            unit: kg
            direction: decrease
            target:
              baseline: {value: 40.641, period: 2020}
              unit: t
              change_percent: -13
              tolerance: 0.5
              milestones: {2022: 38}
              deadline: 2025
        """,
    )
    goal = gf.load_framework(path).indicator("coke").goal
    assert goal is not None
    assert goal.baseline is not None
    assert goal.baseline.value == pytest.approx(40641)
    assert goal.target == pytest.approx(40641 * 0.87)
    assert goal.tolerance == pytest.approx(500)
    assert goal.milestones[0].value == pytest.approx(38000)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("id: x\ntitle: [unclosed\n", ":3:1: not valid YAML"),
        ("a: &x [1, 2]\nb: *x\n", ":1:4: YAML anchors and aliases"),
        ("id: x\nid: y\n", ":2:1: duplicate key 'id' (first at line 1)"),
        ("base: {id: x}\n<<: {title: y}\n", ":2:1: YAML merge keys"),
        ("- 1\n- 2\n", "a goal file holds a mapping"),
        ("", "not empty"),
    ],
)
def test_syntax_errors(write: Write, text: str, fragment: str) -> None:
    path = write("bad.yaml", text)
    with pytest.raises(SpecSyntaxError) as info:
        gf.load_framework(path)
    message = str(info.value).replace("not empty", "not empty")
    assert str(path) in message
    if fragment == "not empty":
        assert "not empty" in message
    else:
        assert fragment in message


def test_billion_laughs_is_refused_quickly(write: Write) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write("bomb.yaml", "\n".join(lines) + "\n")
    with pytest.raises(SpecSyntaxError, match="anchors and aliases"):
        gf.load_framework(path)


def test_files_that_cannot_be_read(tmp_path: Path, write: Write) -> None:
    with pytest.raises(SpecSyntaxError, match="no such file"):
        gf.load_framework(tmp_path / "missing.yaml")
    with pytest.raises(SpecSyntaxError, match=r"unknown goal-file type '\.txt'"):
        gf.load_framework(write("goals.txt", "id: x"))
    with pytest.raises(SpecSyntaxError, match="folder"):
        gf.load_framework(tmp_path)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(SpecSyntaxError, match="not UTF-8"):
        gf.load_framework(latin)
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(MAX_SPEC_BYTES + 1)
    with pytest.raises(SpecSyntaxError, match="more than"):
        gf.load_framework(huge)
    bad_toml = write("bad.toml", 'id = "x"\ntitle = \n')
    with pytest.raises(SpecSyntaxError, match=r"bad.toml:2:\d+: not valid TOML"):
        gf.load_framework(bad_toml)


def test_json_errors_have_positions(write: Write) -> None:
    path = write("bad.json", '{"id": "x",\n "title": "T",\n "rollup": "best"}\n')
    with pytest.raises(SpecValidationError) as info:
        gf.load_framework(path)
    assert f"{path}:3:12: rollup:" in problems(info.value)[0]


def test_yaml_dates_and_floats(write: Write) -> None:
    path = write(
        "g.yaml",
        """
        id: x
        title: T
        indicators:
          - id: i
            name: i
            unit: EUR
            direction: increase
            target: {baseline: {value: 1e6, period: 2020-03-15}, value: 2.5e6, deadline: 2021Q4}
        """,
    )
    goal = gf.load_framework(path).indicator("i").goal
    assert goal is not None and goal.baseline is not None
    assert goal.baseline.value == 1e6
    assert str(goal.baseline.period) == "2020-03-15"
    assert str(goal.deadline) == "2021Q4"


def test_json_schema_export() -> None:
    schema = FrameworkSpec.model_json_schema()
    assert schema["additionalProperties"] is False
    assert "indicators" in schema["properties"]
    text = json.dumps(schema)
    assert "2020Q1" in text and "increase" in text


# --- round trip: spec -> YAML -> spec ------------------------------------------------------

ids = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
texts = (
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)
years = st.integers(1990, 2040)


@st.composite
def frameworks(draw: st.DrawFn) -> FrameworkSpec:
    n = draw(st.integers(1, 4))
    indicator_ids = draw(st.lists(ids, min_size=n, max_size=n, unique=True))
    indicators = []
    for ind_id in indicator_ids:
        base_year = draw(years)
        base = draw(st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False))
        step = draw(st.floats(1e-3, 1e6))
        direction = draw(st.sampled_from(["increase", "decrease"]))
        value = base + step if direction == "increase" else base - step
        indicators.append(
            {
                "id": ind_id,
                "name": draw(texts),
                "unit": draw(st.sampled_from(["kg", "plantation", "EUR_million", "percent"])),
                "direction": direction,
                "kind": draw(st.sampled_from(["output", "outcome", "context"])),
                "source": {"name": draw(texts)},
                "target": {
                    "baseline": {"value": base, "period": base_year},
                    "value": value,
                    "deadline": base_year + draw(st.integers(1, 15)),
                },
            }
        )
    objectives = [
        {
            "id": f"o-{i}",
            "statement": draw(texts),
            "indicators": [i_id],
            "weight": draw(st.floats(0.1, 10)),
        }
        for i, i_id in enumerate(indicator_ids)
    ]
    return FrameworkSpec.model_validate(
        {
            "id": draw(ids),
            "title": draw(texts),
            "objectives": objectives,
            "indicators": indicators,
        }
    )


@given(frameworks())
def test_spec_survives_yaml_round_trip(spec: FrameworkSpec) -> None:
    text = gf.dump_framework(spec)
    again = gf.parse_framework(text, name="<round-trip>")
    assert again.spec == spec
    assert gf.parse_framework(gf.dump_framework(spec, format="json"), format="json").spec == spec


def test_minimal_constant_is_loadable() -> None:
    assert gf.parse_framework(MINIMAL).id == "demo"
