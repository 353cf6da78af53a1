"""How thorough a test run is: quick by default, thorough in CI (``GOALFRAME_TESTS=thorough``).

A plain ``pytest`` (the README's test command) runs every test, quickly: hypothesis draws few
examples from a fixed seed (derandomised, so a run is repeatable) and the engine's tests run
on polars and pandas. The thorough profile (``.ci/run``) draws many more examples from random
seeds and runs every installed engine (pandas, polars eager and lazy, pyarrow, DuckDB).
"""

from __future__ import annotations

import importlib.util
import os

#: Whether this run is the thorough one.
THOROUGH = os.environ.get("GOALFRAME_TESTS", "").lower() == "thorough"

#: Every engine the tests can run on, with the module each needs.
ENGINES = {
    "pandas": "pandas",
    "polars": "polars",
    "polars-lazy": "polars",
    "pyarrow": "pyarrow",
    "duckdb": "duckdb",
}
#: The engines of the quick profile: the two most users have.
QUICK_ENGINES = ("polars", "pandas")


def examples(thorough: int) -> int:
    """How many examples a property test draws: ``thorough`` in CI, a sixth of it (at least
    5) in the quick profile."""
    return thorough if THOROUGH else max(5, thorough // 6)


def engines(*wanted: str) -> list[str]:
    """The engines a test runs on: those of ``wanted`` (default every one) that are installed,
    narrowed to polars and pandas in the quick profile (else the first one wanted)."""
    chosen = [
        name
        for name in (wanted or tuple(ENGINES))
        if importlib.util.find_spec(ENGINES[name]) is not None
    ]
    if THOROUGH:
        return chosen
    quick = [name for name in chosen if name in QUICK_ENGINES]
    return quick or chosen[:1]


def fuzz_examples(thorough: int) -> int:
    """How many examples a fuzz test of the command line draws: ``GOALFRAME_FUZZ`` when set
    (CI's fuzzing step draws hundreds), else as `examples`."""
    return int(os.environ.get("GOALFRAME_FUZZ", "0") or 0) or examples(thorough)
