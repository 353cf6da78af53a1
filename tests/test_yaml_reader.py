"""The goal-file YAML reader: one walk that checks and builds, as PyYAML's constructor built.

The reader replaced PyYAML's recursive constructor and a separate checking walk (three times
as long on a 100,000-indicator file). PyYAML's own constructor, run on the same loader, is
the oracle here for every document without what goal files refuse.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from goalframe.errors import SpecSyntaxError
from goalframe.io import _bracket_depth
from goalframe.io._yaml import _Loader, dump_yaml, load_yaml

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, width=64),
    st.text(max_size=12),
    st.sampled_from(["08", "1_000", "0x10", "2030-01-01", "yes", "off", "1e6", ".inf", "~"]),
)
KEYS = st.one_of(st.text(min_size=1, max_size=8), st.integers(1990, 2040))
DOCS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=25,
)


def pyyaml_reads(text: str) -> Any:
    """What PyYAML's own constructor builds from the same nodes (the oracle)."""
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    return type(a) is type(b) and a == b


@settings(max_examples=150, deadline=None)
@given(DOCS, st.sampled_from(["block", "flow"]))
def test_the_reader_builds_what_pyyaml_builds(doc: Any, style: str) -> None:
    text = (
        dump_yaml(doc)
        if style == "block"
        else yaml.dump(doc, Dumper=yaml.SafeDumper, default_flow_style=True)
    )
    assert same(load_yaml(text, "g.yaml")[0], pyyaml_reads(text))


def test_scalars_keep_goalframe_s_number_syntax() -> None:
    text = "a: [1, 2.5, .inf, -.Inf, yes, off, null, ~, '08', 08, 1_000, 0x10, 2030-01-01, 1e6]\n"
    data = load_yaml(text, "g.yaml")[0]
    assert data["a"][:4] == [1, 2.5, math.inf, -math.inf]
    assert data["a"][4:8] == [True, False, None, None]
    # a leading zero, underscores, hex and dates stay text for the schema to place
    assert data["a"][8:13] == ["08", "08", "1_000", "0x10", "2030-01-01"]
    assert data["a"][13] == 1_000_000.0
    assert same(data, pyyaml_reads(text))


def test_a_repeated_key_s_later_value_wins_and_is_listed() -> None:
    repeated: list[str] = []
    data = load_yaml("unit: a\nname: n\nunit: b\n", "m.md", repeated=repeated)[0]
    assert data == {"unit": "b", "name": "n"}
    assert list(data) == ["unit", "name"]  # the first place, the last value, as PyYAML
    assert repeated == ["'unit' (lines 1 and 3)"]


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("a: 1\nb:\n  c: 2\n  c: 3\n", (4, 3), "duplicate key 'c' (first at line 3)"),
        ("a: &x [1]\nb: *x\n", (1, 4), "anchors and aliases"),
        ("a: &x 1\nb: {*x : 2}\n", (1, 4), "anchors and aliases"),
        ("<<: {a: 1}\n", (1, 1), "merge keys"),
        ("a: !!binary aGVsbG8=\n", (1, 4), "YAML tags (!!binary)"),
        ("a: !!set {x, y}\n", (1, 4), "YAML tags (!!set)"),
        ("a: !local x\n", (1, 4), "YAML tags (!local)"),
        ("b: !!timestamp 2030-01-01\n", (1, 4), "YAML tags (!!timestamp)"),
        ("? [1]\n: 2\n", (1, 3), "a key that is a list or a mapping"),
    ],
)
def test_what_goal_files_refuse_is_refused_in_place(
    text: str, where: tuple[int, int], words: str
) -> None:
    with pytest.raises(SpecSyntaxError) as raised:
        load_yaml(text, "g.yaml")
    assert words in str(raised.value)
    assert (raised.value.location.line, raised.value.location.column) == where


def test_the_core_tags_written_out_are_read() -> None:
    assert load_yaml("a: !!str 2030\nb: !!int '5'\n", "g.yaml")[0] == {"a": "2030", "b": 5}


def bracket_depth_by_character(text: str) -> int:
    """The earlier reading, one character at a time: the oracle of `_bracket_depth`."""
    depth = deepest = 0
    quote = ""
    escaped = False
    for char in text:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]{}\"'\\ab\n:", max_size=60))
def test_bracket_depth_visits_only_what_matters_and_agrees(text: str) -> None:
    assert _bracket_depth(text) == bracket_depth_by_character(text)


def test_bracket_depth_worked_example() -> None:
    # [ { [ ] } ]: three deep; the brackets in quotes and after an escaped quote do not count
    assert _bracket_depth('a: [{b: [1]}, "[[[\\"[[", \'{{{\']') == 3
