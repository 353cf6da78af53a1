"""Caveats only where they apply (issue 28, point 7): a start at a peak matters only to a
verdict that measures change from that start.

The series peaks in 2018 (200, against 100 before and 120 after); every target below starts
in 2018. A path measures its change from 2018 and milestones from a declared 2018 baseline,
so both carry ``baseline-extreme``; a norm, a range, a cumulative total and milestones
without a baseline compare each figure with its own value and carry none. The card and the
frame engine say the same.
"""

from __future__ import annotations

from typing import Any

import pytest

import goalframe as gf
from goalframe._judge import CAVEATS
from goalframe.schema import FrameworkSpec

FIGURES = {2017: 100.0, 2018: 200.0, 2019: 120.0, 2020: 130.0, 2021: 140.0}
TARGETS: dict[str, tuple[dict[str, Any], bool]] = {
    "trajectory": (
        {"baseline": {"value": 200, "period": 2018}, "value": 300, "deadline": 2030}, True
    ),
    "milestones, from a baseline": (
        {"type": "milestones", "milestones": {2020: 150, 2025: 250},
         "baseline": {"value": 200, "period": 2018}},
        True,
    ),
    "milestones": ({"type": "milestones", "milestones": {2018: 150, 2020: 150}}, False),
    "norm": ({"type": "norm", "value": 110, "period": {"start": 2018, "end": 2025}}, False),
    "range": ({"type": "range", "low": 100, "high": 150, "deadline": 2025}, False),
    "cumulative": (
        {"type": "cumulative", "value": 1000, "period": {"start": 2018, "end": 2025}},
        False,
    ),
}  # fmt: skip


def _framework(target: dict[str, Any]) -> gf.Framework:
    spec = {
        "id": "t", "title": "T",
        "objectives": [{"id": "o", "statement": "O", "indicators": ["x"]}],
        "indicators": [
            {"id": "x", "name": "X", "unit": "kg", "direction": "increase", "target": target}
        ],
    }  # fmt: skip
    return gf.compile_framework(FrameworkSpec.model_validate(spec))


RECORDS = [
    {"indicator": "x", "period": year, "value": value, "unit": "kg"}
    for year, value in FIGURES.items()
]


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_a_start_at_a_peak_is_a_caveat_only_where_change_is_measured_from_it(kind: str) -> None:
    target, applies = TARGETS[kind]
    framework = _framework(target)
    card = gf.evaluate(framework, gf.observations_from_records(RECORDS), as_of="2022")
    codes = {c.code for c in card.indicator("x").caveats}
    assert ("baseline-extreme" in codes) is applies, (kind, codes)
    assert codes <= set(CAVEATS)
    pl = pytest.importorskip("polars")
    found = gf.evaluate_frame(framework, pl.DataFrame(RECORDS), as_of="2022")
    engine = set(filter(None, found.results["caveats"].to_list()[0].split(",")))
    assert engine == codes, (kind, engine, codes)  # the frame engine says the same
