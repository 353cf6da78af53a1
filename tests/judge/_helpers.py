"""Helpers the tests of this folder share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import goalframe as gf
from goalframe.schema import FrameworkSpec

Write = Callable[[str, str], Path]


GENERAL = ("trajectory", "open-sdg", "eurostat", "unsd", "escap", "okr", "forecast")


def framework(indicators: list[dict[str, Any]], **extra: Any) -> gf.Framework:
    data: dict[str, Any] = {
        "id": "t",
        "title": "T",
        "objectives": [
            {"id": "all", "statement": "All", "indicators": [i["id"] for i in indicators]}
        ],
        "indicators": indicators,
        **extra,
    }
    return gf.compile_framework(FrameworkSpec.model_validate(data))


def records(rows: list[tuple[str, Any, float]], unit: str = "network") -> gf.ObservationSet:
    return gf.observations_from_records(
        [{"indicator": i, "period": p, "value": v, "unit": unit} for i, p, v in rows]
    )


values = st.floats(min_value=1, max_value=1e6, allow_nan=False)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    years = sorted(draw(st.sets(st.integers(2000, 2030), min_size=1, max_size=8)))
    series = {y: draw(values) for y in years}
    return {
        "series": series,
        "direction": draw(st.sampled_from(["increase", "decrease"])),
        "target": draw(values),
        "target_period": draw(st.integers(2001, 2035)),
        "as_of": draw(st.integers(2000, 2040)),
        "method": draw(st.sampled_from(GENERAL)),
    }
