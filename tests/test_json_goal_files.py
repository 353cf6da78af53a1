"""JSON goal files: the C parser's fast route gives what the YAML route gives, errors included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import goalframe as gf
from goalframe import io as gio

from ._profile import examples
from .conftest import EXAMPLE

# As JSON has it: keys are text (the milestones' years too).
DOCUMENT = json.loads(
    json.dumps(yaml.safe_load((EXAMPLE / "goals.yaml").read_text(encoding="utf-8")))
)


def _both(text: str, monkeypatch: pytest.MonkeyPatch, *, strict: bool = True) -> tuple[Any, Any]:
    """The outcome of the fast route and of the YAML route: a framework's spec or the error."""

    def outcome() -> Any:
        try:
            framework = gf.parse_framework(text, format="json", name="g.json", strict=strict)
        except gf.SpecError as exc:
            return ("error", type(exc).__name__, str(exc))
        return (
            "ok",
            framework.spec.model_dump(),
            [str(p) for p in framework.problems],
        )

    fast = outcome()
    with monkeypatch.context() as patch:
        patch.setattr(gio, "_json_fast", lambda _text, _name: None)
        slow = outcome()
    return fast, slow


def test_the_example_in_json_is_read_the_fast_way(monkeypatch: pytest.MonkeyPatch) -> None:
    text = json.dumps(DOCUMENT)
    assert gio._json_fast(text, "g.json") == DOCUMENT  # plain JSON: the fast route is taken
    fast, slow = _both(text, monkeypatch)
    assert fast == slow and fast[0] == "ok"


@pytest.mark.parametrize(
    "text",
    [
        '{"id": "a", "id": "b", "title": "T"}',  # a duplicate key: refused, with its line
        '{"id": "a", "title": NaN}',  # NaN: JSON's extension, not a goal file's
        '{"id": "a", "title": "\\ud83d\\ude00"}',  # an escaped surrogate pair
        '{"id": "a", "title": 1e3}',  # a number where text belongs
        '{"id": "a"}',  # a required key missing: the error names its place
        "[1, 2]",  # not a mapping
    ],
)
def test_what_the_fast_route_leaves_to_the_yaml_route(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, slow = _both(text, monkeypatch)
    assert fast == slow


def _mutations() -> st.SearchStrategy[Any]:
    paths = [
        ("title",),
        ("indicators", 0, "unit"),
        ("indicators", 0, "target"),
        ("indicators", 1, "direction"),
        ("objectives", 0, "indicators"),
        ("indicators", 2, "id"),
    ]
    values = st.one_of(
        st.none(),
        st.integers(-5, 5),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=5),
        st.just("delete"),
    )
    return st.lists(st.tuples(st.sampled_from(paths), values), max_size=3)


@settings(max_examples=examples(40), deadline=None)
@given(_mutations(), st.booleans())
def test_a_changed_document_reads_the_same_both_ways(
    changes: list[tuple[tuple[Any, ...], Any]], strict: bool
) -> None:
    document = json.loads(json.dumps(DOCUMENT))
    for path, value in changes:
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        if value == "delete":
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
        else:
            parent[path[-1]] = value
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = _both(json.dumps(document), monkeypatch, strict=strict)
    assert fast == slow


def test_a_json_goal_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "goals.json"
    path.write_text(json.dumps(DOCUMENT, indent=2), encoding="utf-8")
    framework = gf.load_framework(path)
    assert [i.id for i in framework.indicators] == [i["id"] for i in DOCUMENT["indicators"]]
    # A place is still found when lint asks for one (the positions are read on demand).
    located = framework.locate(("indicators", 1, "unit"))
    assert located is not None and located.line is not None and located.line > 1


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # A trailing comma (YAML's flow mappings allow it): Python 3.13's parser reports the
        # comma (column 11), 3.11's the brace after it (12).
        ('{"id": "x",}', {(1, 11), (1, 12)}),
        ("{'id': 'x'}", {(1, 2)}),  # single quotes
        ('{"id": "x"} # note', {(1, 13)}),  # a comment
        ("{", {(1, 2)}),
    ],
)
def test_a_json_goal_file_is_strict_json(text: str, where: set[tuple[int, int]]) -> None:
    # The YAML route read these (a .json file went through the YAML reader): issue 29, 7.
    with pytest.raises(gf.errors.SpecSyntaxError, match="not valid JSON") as raised:
        gf.parse_framework(text, format="json", name="g.json")
    place = (raised.value.location.line, raised.value.location.column)
    assert place in where
    with pytest.raises(json.JSONDecodeError) as parsed:
        json.loads(text)
    assert place == (parsed.value.lineno, parsed.value.colno)  # the parser's own place
