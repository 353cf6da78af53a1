"""The judge's invariants over any series: the wrong side is never achieved."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given

import goalframe as gf
from goalframe import Status

from ._helpers import cases


@given(cases())
def test_wrong_side_is_never_achieved_and_nothing_forward_looking_after_the_deadline(
    case: dict[str, Any],
) -> None:
    result = gf.assess(
        case["series"],
        direction=case["direction"],
        target=case["target"],
        target_period=case["target_period"],
        method=case["method"],
        as_of=case["as_of"],
    )
    used = {y: v for y, v in case["series"].items() if y <= case["as_of"]}
    # The figure that decides: the one for the deadline once it is over, else the latest.
    decisive = used.get(case["target_period"]) if result.final else used.get(max(used, default=0))
    if decisive is not None:
        wrong_side = (
            decisive < case["target"]
            if case["direction"] == "increase"
            else decisive > case["target"]
        )
        if wrong_side:
            assert result.status is not Status.ACHIEVED, result
    if case["target_period"] <= case["as_of"]:
        assert result.final or result.status is Status.NOT_ASSESSABLE, result
        assert not result.status.forward_looking, result
    for number in (result.value, result.expected, result.score):
        assert number is None or math.isfinite(number)
