"""Charts' axes: "nice" ticks (issue 28, point 5).

Found: ticks at arbitrary values (`765`, `368.5` people, `0, 2.1, 4.19`): the low, the
middle and the high of the figures.
"""

from __future__ import annotations

import itertools
import math

from hypothesis import given
from hypothesis import strategies as st

from goalframe.render.svg import nice_ticks

FINITE = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False)  # subnormals too


def _nice(step: float) -> bool:
    mantissa = step / 10 ** math.floor(math.log10(step))
    return any(math.isclose(mantissa, m, rel_tol=1e-9) for m in (1, 2, 2.5, 5, 10))


@given(FINITE, FINITE, st.booleans())
def test_ticks_are_nice_even_and_cover_the_figures(a: float, b: float, whole: bool) -> None:
    lo, hi = min(a, b), max(a, b)
    ticks = nice_ticks(lo, hi, whole=whole)
    assert 2 <= len(ticks) <= 7
    assert ticks[0] <= lo and ticks[-1] >= hi
    steps = [b - a for a, b in itertools.pairwise(ticks)]
    assert all(math.isclose(s, steps[0], rel_tol=1e-6) for s in steps)
    assert _nice(steps[0])
    if whole:
        assert all(float(t).is_integer() for t in ticks)


def test_the_cases_found() -> None:
    # 0-765 plantations: hundreds are read at a glance, 765 is not
    assert nice_ticks(0, 765, whole=True) == [0, 200, 400, 600, 800]
    assert nice_ticks(0, 368.5) == [0, 100, 200, 300, 400]
    assert nice_ticks(0, 4.19) == [0, 2, 4, 6]
    assert nice_ticks(0, 7, whole=True) == [0, 2, 4, 6, 8]  # no 1.75 people
    assert nice_ticks(0, 1, whole=True) == [0, 1]
    assert nice_ticks(0.3, 0.7) == [0.3, 0.4, 0.5, 0.6, 0.7]  # not 0.30000000000000004
