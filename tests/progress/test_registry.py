from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import goalframe as gf
from goalframe import progress
from goalframe.errors import MethodOptionsError


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    progress.method_names()  # make sure the built-ins are in before saving them
    saved = dict(progress._registry)
    monkeypatch.setattr(progress, "_loaded", [])
    progress._registry.clear()
    for name in progress.builtin_modules():
        monkeypatch.delitem(sys.modules, name)
    yield
    progress._registry.clear()
    progress._registry.update(saved)


PLUGIN = """
from goalframe import Assessment, Status
from goalframe.progress import register_method


@register_method("latest-vs-target", summary="Met when the latest value meets the target.")
def latest(series, goal, options):
    met = goal.meets(series.values[-1])
    return Assessment(method="latest-vs-target",
                      status=Status.ACHIEVED if met else Status.MOVING_AWAY,
                      label="met" if met else "not_met")
"""


def test_entry_point_plugins_load_and_broken_ones_warn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_registry: None
) -> None:
    (tmp_path / "goalframe_test_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    good = EntryPoint(name="latest", value="goalframe_test_plugin", group="goalframe.methods")
    bad = EntryPoint(name="broken", value="goalframe_no_such_module", group="goalframe.methods")

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        assert group == "goalframe.methods"
        return [good, bad]

    monkeypatch.setattr("importlib.metadata.entry_points", fake_entry_points)
    with pytest.warns(RuntimeWarning, match="'broken'.*skipped"):
        names = progress.method_names()
    assert {"trajectory", "latest-vs-target"} <= set(names)
    assert (
        gf.assess({2020: 5}, direction="increase", target=4, method="latest-vs-target").label
        == "met"
    )
    monkeypatch.delitem(sys.modules, "goalframe_test_plugin")


def test_check_options() -> None:
    progress.check_options({"window": "long", "model": "log", "limit": 100})
    with pytest.raises(MethodOptionsError, match="unknown method option 'nope'"):
        progress.check_options({"nope": 1})
    with pytest.raises(MethodOptionsError, match="trajectory: options need"):
        progress.check_options({"on_track": 0.5, "acceleration": 0.9})


def test_builtin_names_come_from_the_registered_modules(fresh_registry: None) -> None:
    # BUILTIN_NAMES was a hand-written list without `cumulative`: a plugin could take it.
    from goalframe.errors import DuplicateMethodError
    from goalframe.progress._register import builtin_names

    names = builtin_names()
    assert names == {m.name for m in gf.methods()}
    assert {"cumulative", "norm", "trajectory", "forecast"} <= names
    for name in sorted(names):

        def plugin(series: object, goal: object, options: object) -> object:
            raise NotImplementedError

        plugin.__module__ = "someone_elses_plugin"
        with pytest.raises(DuplicateMethodError, match=repr(name)):
            progress.register_method(name, summary="mine")(plugin)  # type: ignore[arg-type]
