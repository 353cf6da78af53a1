"""Fixtures the renderer tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

import goalframe as gf

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def card(monkeypatch: pytest.MonkeyPatch) -> gf.Scorecard:
    """The bundled example's card, as of the tests' fixed day.

    Read by relative paths, so that golden files do not depend on where the checkout is.
    """
    monkeypatch.chdir(ROOT)
    framework = gf.load_framework("examples/nl-drug-policy/goals.yaml")
    observations = gf.load_observations("examples/nl-drug-policy/observations.csv")
    return gf.evaluate(framework, observations)
