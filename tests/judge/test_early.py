"""Verdicts decided before the span is over: a norm failed, a cap exceeded (issue 25, point 7)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status

from ._helpers import framework, records


def _norm(**target: Any) -> gf.Framework:
    spec = {"type": "norm", "value": 950, "period": {"start": 2015, "end": 2018}, **target}
    indicator = {"id": "n", "name": "Networks", "unit": "network", "direction": "increase"}
    return framework([{**indicator, "target": spec}])


def test_a_norm_failing_in_its_second_year_is_missed_then() -> None:
    # At least 950 every year 2015-2018; 1,188 (2015) met, 900 (2016) < 950 failed. Read in
    # 2016, two years before the span ends, no figure for 2017 or 2018 can make every year
    # meet 950: missed, final, decided on 900 (2016); 1 of the 2 years decided met.
    obs = records([("n", 2015, 1188), ("n", 2016, 900)])
    a = gf.evaluate(_norm(), obs, as_of=2016).indicator("n").assessment
    assert (a.status, a.final) == (Status.MISSED, True)
    assert a.label == "missed, moved away (1 of 2 met)"  # 1,188 -> 900: away from >= 950
    assert a.deciding is not None
    assert (str(a.deciding.period), a.deciding.value) == ("2016", 900.0)
    assert a.components["missed"] == ("2016",)
    assert a.reason == (
        "2016 failed the norm (900, the norm 950): a norm for every period cannot be met any more"
    )
    # Before 2016 was over (read in 2015) the norm was met so far: a running verdict.
    before = gf.evaluate(_norm(), obs, as_of=2015).indicator("n").assessment
    assert (before.status, before.final) == (Status.ON_TRACK, False)


def test_a_norm_missed_early_stays_missed_whatever_follows() -> None:
    # 2017 and 2018 meet the norm again (1,400, 1,500), yet 2016 failed it: missed in 2016,
    # missed in 2017, missed (3 of 4 met) once the span is over, on the same deciding figure.
    obs = records([("n", 2015, 1188), ("n", 2016, 900), ("n", 2017, 1400), ("n", 2018, 1500)])
    for year, label in [
        (2016, "missed, moved away (1 of 2 met)"),
        (2017, "missed, moved towards the target (2 of 3 met)"),
        (2019, "missed, moved towards the target (3 of 4 met)"),
    ]:
        a = gf.evaluate(_norm(), obs, as_of=year).indicator("n").assessment
        assert (a.status, a.final, a.label) == (Status.MISSED, True, label), year
        assert a.deciding is not None and a.deciding.value == 900.0


def test_a_norm_met_so_far_looks_forward() -> None:
    obs = records([("n", 2015, 1188), ("n", 2016, 1369)])
    a = gf.evaluate(_norm(), obs, as_of=2016).indicator("n").assessment
    assert (a.status, a.final, a.label) == (Status.ON_TRACK, False, "norm_met_so_far")


def test_an_exceeded_cap_is_missed_before_its_span_ends() -> None:
    # At most 100 in total over 2020-2023: 60 + 50 = 110 > 100 by 2021. Read in 2021 the
    # total cannot come back under the cap: missed, final. 20 + 25 = 45 <= 100 x 2/4 = 50
    # is within the pace: a running verdict.
    target = {"type": "cumulative", "value": 100, "period": {"start": 2020, "end": 2023}}
    fw = framework(
        [{"id": "c", "name": "Cap", "unit": "network", "direction": "decrease", "target": target}]
    )
    over = gf.evaluate(fw, records([("c", 2020, 60), ("c", 2021, 50)]), as_of=2021)
    a = over.indicator("c").assessment
    assert (a.status, a.final, a.label) == (Status.MISSED, True, "cap_exceeded")
    assert a.components["total_so_far"] == 110.0
    within = gf.evaluate(fw, records([("c", 2020, 20), ("c", 2021, 25)]), as_of=2021)
    w = within.indicator("c").assessment
    assert (w.status, w.final) == (Status.ON_TRACK, False)


def test_a_norm_missed_early_counts_as_due_and_missed() -> None:
    obs = records([("n", 2015, 1188), ("n", 2016, 900)])
    card = gf.evaluate(_norm(), obs, as_of=2016)
    (objective,) = card.objectives
    assert (objective.status, objective.missed, objective.due) == (Status.MISSED, 1, 1)


@given(
    figures=st.lists(st.floats(800, 1200, allow_nan=False), min_size=4, max_size=4),
    as_of=st.integers(2015, 2020),
)
def test_a_norm_is_missed_from_the_first_failing_year_on(figures: list[float], as_of: int) -> None:
    obs = records([("n", 2015 + k, v) for k, v in enumerate(figures)])
    a = gf.evaluate(_norm(), obs, as_of=as_of).indicator("n").assessment
    seen = figures[: max(0, min(as_of, 2018) - 2015 + 1)]
    if any(v < 950 for v in seen):
        assert (a.status, a.final) == (Status.MISSED, True)
        first = next(v for v in seen if v < 950)
        assert a.deciding is not None and a.deciding.value == first
    else:
        assert a.status is not Status.MISSED
