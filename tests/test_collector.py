"""The collector is paused during bulk work and left as the caller had it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import goalframe as gf
from goalframe._collector import paused, while_paused


def test_paused_restores_the_state_it_found() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():  # nested: still off, and the outer block turns it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_caller_who_disabled_the_collector_keeps_it_disabled() -> None:
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_it_comes_back_on_after_an_error() -> None:
    @while_paused
    def fails() -> None:
        assert not gc.isenabled()
        msg = "boom"
        raise ValueError(msg)

    with pytest.raises(ValueError, match="boom"):
        fails()
    assert gc.isenabled()


def test_the_library_leaves_the_collector_on(example_goals: Path, example_data: Path) -> None:
    card = gf.evaluate(gf.load_framework(example_goals), gf.load_observations(example_data))
    card.to_json()
    card.to_html()
    card.to_text()
    assert gc.isenabled()
