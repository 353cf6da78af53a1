"""Every shape error of the goal-file schema is told in plain words, with the right form.

The test walks every field of every model in the schema, puts a value of the wrong shape there
and checks the message: located, naming the field, and free of pydantic's internal wording
(class names such as PeriodRangeSpec, "Input should be", "instance of").
"""

from __future__ import annotations

import re
import typing
from typing import Any

import pytest
from pydantic import BaseModel

import goalframe as gf
from goalframe import schema

INTERNAL = re.compile(r"Spec\b|instance of|Input should|pydantic|dictionary|model_type|\bloc\b")

BASE: dict[str, Any] = {
    "id": "x",
    "title": "T",
    "objectives": [{"id": "o", "statement": "S", "indicators": ["i"]}],
    "indicators": [
        {
            "id": "i",
            "name": "n",
            "unit": "kg",
            "direction": "increase",
            "target": {
                "baseline": {"value": 1, "period": 2020, "source": {"name": "s"}},
                "value": 5,
                "deadline": 2026,
                "milestones": [{"period": 2023, "value": 3}],
            },
            "source": {"name": "s"},
            "lint_ignore": [{"code": "M002", "reason": "r"}],
        }
    ],
    "period": {"start": 2015, "end": 2026},
    "lint": {"vague_words": ["x"], "ignore": [{"code": "M001", "reason": "r"}]},
    "source_document": {"name": "d"},
}


def _model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model(arg)
        if found is not None:
            return found
    return None


def _paths(model: type[BaseModel], prefix: tuple[Any, ...], data: Any) -> list[tuple[Any, ...]]:
    out = []
    for name, field in model.model_fields.items():
        out.append((*prefix, name))
        inner = _model(field.annotation)
        value = data.get(name) if isinstance(data, dict) else None
        if inner is None or value is None:
            continue
        if isinstance(value, list):
            if value and isinstance(value[0], dict):
                out += _paths(inner, (*prefix, name, 0), value[0])
        elif isinstance(value, dict):
            out += _paths(inner, (*prefix, name), value)
    return out


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


PATHS = _paths(schema.FrameworkSpec, (), BASE)
WRONG = {"a-list": [1, 2], "a-mapping": {"x": 1}, "text": "2022-2030", "a-number": 7}


def test_the_walk_reaches_every_model() -> None:
    names = {p[-1] for p in PATHS}
    assert {"period", "start", "baseline", "milestones", "vague_words", "reason"} <= names
    assert len(PATHS) > 60


@pytest.mark.parametrize("path", PATHS, ids=lambda p: ".".join(str(x) for x in p))
@pytest.mark.parametrize("wrong", list(WRONG), ids=str)
def test_shape_errors_speak_plainly(path: tuple[Any, ...], wrong: str) -> None:
    import copy
    import json

    data = copy.deepcopy(BASE)
    _set(data, path, WRONG[wrong])
    try:
        gf.parse_framework(json.dumps(data), name="g.json")
    except gf.SpecError as exc:
        text = str(exc)
        assert not INTERNAL.search(text), text
        assert "g.json" in text
    # Some wrong values are fine for some fields (text where text goes): no error is no problem.


def test_a_period_range_written_as_text_shows_the_right_form() -> None:
    with pytest.raises(gf.SpecError) as info:
        gf.parse_framework("id: x\ntitle: T\nperiod: 2022-2030\n", name="g.yaml")
    assert "should be a mapping such as {start: 2015, end: 2026}" in str(info.value)


def test_an_unknown_key_gets_a_did_you_mean() -> None:
    text = "id: x\ntitle: T\nindicators: [{id: i, name: n, unit: kg, directoin: increase}]\n"
    with pytest.raises(gf.SpecError, match="did you mean 'direction'"):
        gf.parse_framework(text, name="g.yaml")


def test_an_unknown_unit_is_told_in_the_same_pass_as_the_schemas_problems() -> None:
    # Issue 28, point 10: a misspelt unit was reported only after every schema problem was
    # fixed (units are checked when the file compiles, which a refused file never does).
    text = (
        "id: t\ntitle: T\n"
        "units: [{name: county_line}]\n"
        "objectives: [{id: o, statement: O, indicators: [a, b, c]}]\n"
        "indicators:\n"
        "  - {id: a, name: A, unit: plantatoins, direction: increase}\n"
        "  - {id: b, name: B, unit: kg, direction: upward}\n"
        "  - {id: c, name: C, unit: county_line / person, direction: increase}\n"
    )
    with pytest.raises(gf.errors.SpecValidationError) as raised:
        gf.parse_framework(text, name="g.yaml")
    problems = raised.value.problems
    assert [p.dotted_path for p in problems] == ["indicators[0].unit", "indicators[1].direction"]
    unit = problems[0]
    assert unit.code == "M009" and (unit.location.line, unit.location.column) == (6, 28)
    assert "'plantatoins'" in unit.message and "units:" in unit.message  # the goal file's way
    # The file's own units (county_line) are not refused before they are defined: no
    # problem for indicators[2], as the paths above show.
