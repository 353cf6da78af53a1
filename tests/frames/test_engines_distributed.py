"""The differential test on PySpark (local mode) and Dask, which CI runs."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings

from .._profile import examples
from ._compare import _frame, _reference, _same
from .strategies import every_case

#: PySpark 3.5 (the floor) imports distutils, calls pandas functions pandas 2.2 deprecates
#: (`is_datetime64tz_dtype` in `toPandas`) and leaves py4j's sockets to the collector: its own
#: warnings, which pytest would turn into errors. PySpark 4 has none of them.
SPARK_3_WARNINGS = (
    pytest.mark.filterwarnings("ignore:The distutils package is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:pyspark"),
    pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
)

#: pandas 2.2 (the floor) warns inside Dask's `replace` (narwhals' `replace_strict`, which
#: looks up per-indicator constants) that it will stop downcasting object columns; the values
#: are floats either way, and pandas 3 does not warn.
DASK_PANDAS_2_WARNING = pytest.mark.filterwarnings(
    "ignore:Downcasting behavior in `replace` is deprecated:FutureWarning"
)


@pytest.mark.skipif(
    not os.environ.get("GOALFRAME_REQUIRE_SPARK") and os.environ.get("GOALFRAME_SPARK") != "1",
    reason="PySpark local mode starts a JVM (about 10 s): CI runs it (GOALFRAME_REQUIRE_SPARK)",
)
@SPARK_3_WARNINGS[0]
@SPARK_3_WARNINGS[1]
@SPARK_3_WARNINGS[2]
@SPARK_3_WARNINGS[3]
@settings(max_examples=examples(8), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=every_case)
def test_the_frame_form_equals_the_reference_on_pyspark(case: dict[str, Any]) -> None:
    pytest.importorskip("pyspark")
    _same(_reference(case), _frame(case, "pyspark"))


@pytest.mark.skipif(
    not os.environ.get("GOALFRAME_REQUIRE_DASK") and os.environ.get("GOALFRAME_DASK") != "1",
    reason="Dask builds a task graph per example (about 4 s each): CI runs it "
    "(GOALFRAME_REQUIRE_DASK)",
)
@pytest.mark.filterwarnings("ignore:Dask support is moving:FutureWarning")
@DASK_PANDAS_2_WARNING
@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=every_case)
# Found in CI: two releases of one year in different partitions (Dask counted the year twice).
@example(
    case={
        "kind": "range", "rows": [("", 2008, 0.0, "", "kg")], "low": -10.0, "width": 0.5,
        "deadline": None, "illustrative": False, "as_of": 2010, "options": {},
        "zero_one": False, "quarterly": None, "revised": 2,
    }
)  # fmt: skip
# Found in CI: a series of figures after the date only, joined back in Python's string type.
@example(
    case={
        "kind": "norms", "rows": [("", 2009, 0.0, "", "kg")],
        "norms": [(2008, 2008, 0.0), (2009, 2009, 0.0)], "direction": "increase",
        "illustrative": False, "as_of": 2008, "options": {}, "quarterly": None, "revised": None,
    }
)  # fmt: skip
def test_the_frame_form_equals_the_reference_on_dask(case: dict[str, Any]) -> None:
    pytest.importorskip("dask.dataframe")
    _same(_reference(case), _frame(case, "dask"))


def _example_rows(keep_breaks: bool) -> list[dict[str, Any]]:
    """The bundled example's rows; without the cannabis break (``keep_breaks=False``) every
    series has a frame form: every form in one frame, a `change_percent` target beside
    `value` ones, norms in turn, milestones."""
    import csv

    from .strategies import ROOT

    path = ROOT / "examples" / "nl-drug-policy" / "observations.csv"
    with path.open(encoding="utf-8") as f:
        return [
            {
                "indicator": r["indicator"], "region": r["region"] or None,
                "period": int(r["period"]), "value": float(r["value"]), "unit": r["unit"],
                "flag": (r["flag"] if keep_breaks or r["flag"] != "break" else "") or None,
            }
            for r in csv.DictReader(f)
        ]  # fmt: skip


def _verdicts(backend: str, goals: str = "goals.yaml", keep_breaks: bool = False) -> list[Any]:
    import goalframe as gf

    from ._compare import _native, _none, _to_rows
    from .strategies import ROOT

    framework = gf.load_framework(ROOT / "examples" / "nl-drug-policy" / goals)
    rows = _example_rows(keep_breaks)
    found = gf.evaluate_frame(framework, _native(rows, backend), as_of="2026-11-28")
    return sorted(
        (
            r["indicator"], r["role"], r.get("region") or "", int(r["target_index"]),
            r["status"], r["label"], bool(r["final"]), r["caveats"] or "",
            _none(r["progress"]), r["engine"],
        )
        for r in _to_rows(found.results)
    )  # fmt: skip


def _in_ci(backend: str, name: str) -> Any:
    """``backend`` as a test parameter, run where CI asks for it (or ``GOALFRAME_<NAME>=1``)."""
    wanted = os.environ.get(f"GOALFRAME_REQUIRE_{name}") or os.environ.get(f"GOALFRAME_{name}")
    reason = f"{backend}: CI runs it (GOALFRAME_REQUIRE_{name})"
    marks = [pytest.mark.skipif(not wanted, reason=reason)]
    if backend == "pyspark":
        marks += SPARK_3_WARNINGS
    if backend == "dask":
        marks.append(DASK_PANDAS_2_WARNING)
    return pytest.param(backend, marks=marks)


@pytest.mark.parametrize("backend", [_in_ci("dask", "DASK"), _in_ci("pyspark", "SPARK")])
@pytest.mark.filterwarnings("ignore:Dask support is moving:FutureWarning")
def test_every_form_in_one_frame_as_on_polars(backend: str) -> None:
    # Found: Dask failed ("float() argument must be ... not 'NAType'") on a frame mixing a
    # `change_percent` target with `value` ones; the differential test built one indicator
    # per case and never mixed forms in one frame.
    pytest.importorskip({"dask": "dask.dataframe"}.get(backend, backend))
    want, got = _verdicts("polars"), _verdicts(backend)
    assert [w[:9] for w in got] == [w[:9] for w in want]
    assert {w[9] for w in got} == {"frame"}  # every series through the engine


@pytest.mark.parametrize("backend", [_in_ci("dask", "DASK"), _in_ci("pyspark", "SPARK")])
@pytest.mark.filterwarnings("ignore:Dask support is moving:FutureWarning")
def test_the_regional_example_as_on_polars(backend: str) -> None:
    # Found: Dask 2024.12 and 2025.1 hung on these twelve series (the national count's break
    # sends its headline to the reference path, the police units go through the engine), so
    # the floor in pyproject.toml is the first release this test passes on.
    pytest.importorskip({"dask": "dask.dataframe"}.get(backend, backend))
    want = _verdicts("polars", "goals-regional.yaml", keep_breaks=True)
    got = _verdicts(backend, "goals-regional.yaml", keep_breaks=True)
    assert got == want
    assert len(got) == 12  # the national headline and eleven police units
    assert {(w[1], w[9]) for w in got} == {("headline", "reference"), ("group", "frame")}
