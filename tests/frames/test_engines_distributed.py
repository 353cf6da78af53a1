"""The differential test on PySpark (local mode) and Dask, which CI runs."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings

from .._profile import examples
from ._compare import _frame, _reference, _same
from .strategies import every_case


@pytest.mark.skipif(
    not os.environ.get("GOALFRAME_REQUIRE_SPARK") and os.environ.get("GOALFRAME_SPARK") != "1",
    reason="PySpark local mode starts a JVM (about 10 s): CI runs it (GOALFRAME_REQUIRE_SPARK)",
)
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
def test_the_frame_form_equals_the_reference_on_dask(case: dict[str, Any]) -> None:
    pytest.importorskip("dask.dataframe")
    _same(_reference(case), _frame(case, "dask"))
