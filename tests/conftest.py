from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from ._profile import THOROUGH, engines, examples

# The quick profile (a plain `pytest`): few examples, a fixed seed, so that a run repeats.
settings.register_profile(
    "quick",
    derandomize=True,
    deadline=None,
    max_examples=examples(15),
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# The thorough profile (CI: GOALFRAME_TESTS=thorough): many examples from random seeds.
settings.register_profile(
    "thorough",
    deadline=None,
    max_examples=examples(150),
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("thorough" if THOROUGH else "quick")

#: The day the tests read cards on when they give no as_of: 2026-11-28 (SOURCE_DATE_EPOCH,
#: the reproducible-builds convention goalframe honours for "today"). Fixed, so that a card's
#: verdicts do not change with the day the suite runs.
TODAY_EPOCH = "1795824000"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "nl-drug-policy"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True, scope="session")
def _fixed_today() -> Iterator[None]:
    # Session-wide, so that module- and session-scoped fixtures that build cards (they are
    # set up before any function-scoped fixture) read the same day as the tests do.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        yield


@pytest.fixture(scope="session", params=engines())
def backend(request: pytest.FixtureRequest) -> str:
    """Each installed engine a test runs on (see `tests._profile.engines`)."""
    return str(request.param)


@pytest.fixture
def example_goals() -> Path:
    return EXAMPLE / "goals.yaml"


@pytest.fixture
def example_data() -> Path:
    return EXAMPLE / "observations.csv"


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a dedented text file into tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


MINIMAL = """
id: demo
title: Demo framework
objectives:
  - id: less-waste
    statement: Halve drug-waste dumpings by 2026
    level: outcome
    indicators: [dumpings]
indicators:
  - id: dumpings
    name: Drug-waste dumpings
    unit: dumping
    direction: decrease
    kind: outcome
    source: Politie
    target:
      baseline: {value: 200, period: 2018}
      value: 100
      deadline: 2026
"""


@pytest.fixture
def minimal_goals(write: Callable[[str, str], Path]) -> Path:
    return write("goals.yaml", MINIMAL)
