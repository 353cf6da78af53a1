"""The judge's final verdicts once a deadline is over: achieved, missed or outcome unknown."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status

from ._helpers import framework, records


def test_closed_norm_missed_in_its_last_year_is_missed() -> None:
    # At least 950 a year in 2015-2018: 1,188, 1,369, 1,361 met; 900 < 950 in 2018. Read in
    # 2020, the span is over: missed, and the figures fell (1,188 -> 900): moved away.
    fw = framework(
        [
            {
                "id": "n",
                "name": "Networks",
                "unit": "network",
                "direction": "increase",
                "target": {"type": "norm", "value": 950, "period": {"start": 2015, "end": 2018}},
            }
        ]
    )
    obs = records([("n", 2015, 1188), ("n", 2016, 1369), ("n", 2017, 1361), ("n", 2018, 900)])
    result = gf.evaluate(fw, obs, as_of=2020).indicator("n")
    assert (result.status, result.assessment.final) == (Status.MISSED, True)
    assert result.assessment.label == "missed, moved away (3 of 4 met)"
    assert result.assessment.components["missed"] == ("2018",)
    # Before the span ended (read in 2017) the same norm was met so far.
    early = gf.evaluate(fw, obs, as_of=2017).indicator("n")
    assert (early.status, early.assessment.final) == (Status.ON_TRACK, False)


def test_deadline_passed_without_a_figure_is_outcome_unknown() -> None:
    # A 2018 target with figures up to 2017, read in 2020: nobody knows yet whether it was met.
    result = gf.assess(
        {2015: 100, 2016: 120, 2017: 140},
        direction="increase",
        target=180,
        baseline_period=2015,
        target_period=2018,
        as_of=2020,
    )
    assert (result.status, result.label, result.final) == (
        Status.OUTCOME_UNKNOWN,
        "outcome_unknown",
        True,
    )
    # The last known position is kept: 140 in 2017; progress 40/80 = 0.5, expected 2/3: ratio
    # 0.75 -> needs acceleration by the trajectory method then.
    assert result.reason == (
        "no figure in the data for 2018; last known 2017: 140 (needs acceleration by the "
        "trajectory method then)"
    )
    assert result.components["method_status"] == "needs_acceleration"


def test_deadline_met_and_missed_with_how_far_it_got() -> None:
    kw: dict[str, Any] = {"direction": "decrease", "baseline_period": 2018, "target_period": 2022}
    met = gf.assess({2018: 300, 2022: 150}, target=150, as_of=2023, **kw)
    assert (met.status, met.label, met.final) == (Status.ACHIEVED, "met_at_deadline", True)
    towards = gf.assess({2018: 300, 2022: 200}, target=150, as_of=2023, **kw)
    assert (towards.status, towards.label) == (Status.MISSED, "missed, moved towards the target")
    away = gf.assess({2018: 300, 2022: 320}, target=150, as_of=2023, **kw)
    assert (away.status, away.label) == (Status.MISSED, "missed, moved away")
    # A figure after the deadline does not change the verdict at the deadline.
    later = gf.assess({2018: 300, 2022: 200, 2023: 100}, target=150, as_of=2023, **kw)
    assert later.status is Status.MISSED and later.components["deadline_value"] == 200


def test_twenty_one_indicators_fourteen_met_seven_missed() -> None:
    # 21 targets of 100 by 2014; 14 reached 100, 7 stayed at 50. Read in 2020.
    indicators = [
        {
            "id": f"i{k}",
            "name": f"Indicator {k}",
            "unit": "case",
            "direction": "increase",
            "target": {"baseline": {"value": 0, "period": 2010}, "value": 100, "deadline": 2014},
        }
        for k in range(21)
    ]
    rows = [(f"i{k}", 2014, 100 if k < 14 else 50) for k in range(21)]
    card = gf.evaluate(framework(indicators), records(rows, unit="case"), as_of=2020)
    assert card.counts[Status.ACHIEVED] == 14
    assert card.counts[Status.MISSED] == 7
    top = card.objective("all")
    assert (top.status, top.met, top.decided, top.final) == (Status.MISSED, 14, 21, True)
    assert "met 14 of 21" in card.to_markdown()


def test_a_missed_part_keeps_a_roll_up_from_on_track() -> None:
    # One target missed (deadline 2014), one on track (deadline 2030): never "on track".
    indicators = [
        {
            "id": "old",
            "name": "Old",
            "unit": "case",
            "direction": "increase",
            "target": {"baseline": {"value": 0, "period": 2010}, "value": 100, "deadline": 2014},
        },
        {
            "id": "new",
            "name": "New",
            "unit": "case",
            "direction": "increase",
            "target": {"baseline": {"value": 0, "period": 2018}, "value": 100, "deadline": 2030},
        },
    ]
    rows = [("old", 2014, 50), ("new", 2018, 0), ("new", 2020, 20)]
    card = gf.evaluate(framework(indicators), records(rows, unit="case"), as_of=2020)
    assert card.indicator("new").status is Status.ON_TRACK  # 20 % made, 2/12 = 17 % expected
    top = card.objective("all")
    # A missed part makes the objective missed, whatever the mean of the ranks (0 and 3:
    # 1.5) would say; not final while the other part still runs.
    assert top.status is Status.MISSED
    assert (top.met, top.missed, top.unknown, top.due, top.not_due) == (0, 1, 0, 1, 1)
    assert (top.decided, top.final) == (1, False)


def test_a_range_with_a_deadline_is_final_once_it_is_over() -> None:
    # Keep 40-60 by 2020. Read in 2022 the deadline is over and the figure for 2020 decides:
    # a: 50 (2019) -> 65 (2020): outside, and its distance to the range grew (0 -> 5): missed,
    #    moved away; b: 45 (2019) -> 55 (2020): inside: achieved;
    # c: 30 (2018) -> 35 (2019) -> no 2020 figure (70 in 2021 comes after the deadline):
    #    not known yet, whatever the range method said of 35;
    # d: 20 (2019) -> 30 (2020): outside, but 20 -> 10 below the range: moved towards it.
    target = {"type": "range", "low": 40, "high": 60, "deadline": 2020}
    fw = framework(
        [{"id": k, "name": k, "unit": "kg", "target": target} for k in ("a", "b", "c", "d")]
    )
    obs = records(
        [
            ("a", 2019, 50),
            ("a", 2020, 65),
            ("b", 2019, 45),
            ("b", 2020, 55),
            ("c", 2018, 30),
            ("c", 2019, 35),
            ("c", 2021, 70),
            ("d", 2019, 20),
            ("d", 2020, 30),
        ],
        unit="kg",
    )
    card = gf.evaluate(fw, obs, as_of=2022)
    got = {k: card.indicator(k).assessment for k in "abcd"}
    assert {k: (a.status, a.label, a.final) for k, a in got.items()} == {
        "a": (Status.MISSED, "missed, moved away", True),
        "b": (Status.ACHIEVED, "met_at_deadline", True),
        "c": (Status.OUTCOME_UNKNOWN, "outcome_unknown", True),
        "d": (Status.MISSED, "missed, moved towards the target", True),
    }
    assert got["a"].components["deadline_value"] == 65
    assert got["a"].components["method_label"] == "outside_range_departing"
    assert "no figure in the data for 2020; last known 2019: 35" in str(got["c"].reason)
    # Read in 2019, before the deadline, the range method's running verdict stands.
    early = gf.evaluate(fw, obs, as_of=2019).indicator("a").assessment
    assert (early.status, early.label, early.final) == (Status.ACHIEVED, "in_range", False)


def test_a_binary_target_is_final_once_its_deadline_is_over() -> None:
    # Done (1) by 2020. Read in 2022: a is 0 then 1 in 2020: achieved; b was done in 2019 and
    # has no 2020 figure: done before the deadline is done; c is 0 in 2020: missed; d has
    # no figure up to 2020 and 1 in 2021: not known; e has a value that is not 0 or 1: the
    # method's refusal stands, the deadline does not turn it into a verdict.
    target = {"type": "binary", "deadline": 2020}
    fw = framework(
        [{"id": k, "name": k, "unit": "kg", "target": target} for k in ("a", "b", "c", "d", "e")]
    )
    obs = records(
        [
            ("a", 2019, 0),
            ("a", 2020, 1),
            ("b", 2019, 1),
            ("c", 2019, 0),
            ("c", 2020, 0),
            ("d", 2018, 0),
            ("d", 2021, 1),
            ("e", 2019, 35),
            ("e", 2020, 1),
        ],
        unit="kg",
    )
    card = gf.evaluate(fw, obs, as_of=2022)
    got = {k: card.indicator(k).assessment for k in "abcde"}
    assert {k: (a.status, a.label, a.final) for k, a in got.items()} == {
        "a": (Status.ACHIEVED, "met_at_deadline", True),
        "b": (Status.ACHIEVED, "met_at_deadline", True),
        "c": (Status.MISSED, "missed, no change", True),
        "d": (Status.OUTCOME_UNKNOWN, "outcome_unknown", True),
        "e": (Status.NOT_ASSESSABLE, "not_assessable", False),
    }


@given(
    values=st.dictionaries(
        st.integers(2015, 2024), st.sampled_from([0.0, 1.0, 30.0, 45.0, 60.0, 75.0]), max_size=6
    ),
    kind=st.sampled_from(["range", "binary"]),
    deadline=st.integers(2016, 2023),
    as_of=st.integers(2015, 2026),
)
def test_after_a_range_or_binary_deadline_the_verdict_is_final(
    values: dict[int, float], kind: str, deadline: int, as_of: int
) -> None:
    target: dict[str, Any] = {"type": kind, "deadline": deadline}
    if kind == "range":
        target |= {"low": 40, "high": 60}
    fw = framework([{"id": "x", "name": "X", "unit": "kg", "target": target}])
    obs = records([("x", y, v) for y, v in sorted(values.items())], unit="kg")
    result = gf.evaluate(fw, obs, as_of=as_of).indicator("x").assessment
    if deadline > as_of:
        assert not result.final, result
        return
    assert result.final or result.status is Status.NOT_ASSESSABLE, result
    assert not result.status.forward_looking, result
    at_deadline = values.get(deadline)
    if result.status is Status.ACHIEVED and kind == "range":
        assert at_deadline is not None and 40 <= at_deadline <= 60, result
    if kind == "range" and at_deadline is not None:
        inside = 40 <= at_deadline <= 60
        assert result.status is (Status.ACHIEVED if inside else Status.MISSED), result
