"""The judge's orientation: below its target is never on track; unread targets are said so."""

from __future__ import annotations

import pytest

import goalframe as gf
from goalframe import Status

from ._helpers import GENERAL, Write, framework, records


@pytest.mark.parametrize("method", GENERAL)
def test_900_against_950_without_a_declared_baseline(method: str) -> None:
    # Target 950 (increase), no declared baseline; the data start at 1,188 (already above 950)
    # and fall to 900. The fall towards 950 is no progress: no method says on track or achieved.
    result = gf.assess(
        {2015: 1188, 2016: 1100, 2017: 900},
        direction="increase",
        target=950,
        target_period=2026,
        method=method,
        as_of=2017,
    )
    assert result.status not in (Status.ON_TRACK, Status.ACHIEVED), (method, result.label)


def test_target_met_at_the_start_reads_as_stay_beyond_it() -> None:
    held = gf.assess(
        {2015: 1188, 2017: 1000}, direction="increase", target=950, target_period=2026, as_of=2017
    )
    assert (held.status, held.label) == (Status.ACHIEVED, "target_held")
    assert held.caveats[0].code == "target-met-at-start"  # then: no figure for 2016
    assert "the bar was low" in held.caveats[0].message
    fell = gf.assess(
        {2015: 1188, 2017: 900}, direction="increase", target=950, target_period=2026, as_of=2017
    )
    assert (fell.status, fell.label) == (Status.MOVING_AWAY, "fell_back_past_target")


def test_compare_never_says_on_track_for_900_against_950() -> None:
    fw = framework(
        [
            {
                "id": "n",
                "name": "Networks",
                "unit": "network",
                "direction": "increase",
                "target": {"value": 950, "deadline": 2026},
            }
        ]
    )
    obs = records([("n", 2015, 1188), ("n", 2016, 1100), ("n", 2017, 900)])
    comparison = gf.compare(fw, obs, as_of=2017)
    for _, _, own, others in comparison.rows():
        for a in (own, *others):
            assert a.status not in (Status.ON_TRACK, Status.ACHIEVED), (a.method, a.label)


def test_okr_no_achieved_without_meeting_the_target() -> None:
    okr = {"method": "okr", "direction": "increase", "target_period": 2026, "as_of": 2020}
    # Start 1,188 above target 950: the old grade (900 - 1188) / (950 - 1188) = 1.21 clamped
    # to 1 read as achieved; 900 does not meet 950.
    wrong_side = gf.assess({2015: 1188, 2020: 900}, target=950, **okr)
    assert wrong_side.status is not Status.ACHIEVED
    # No grade from figures before the baseline, and no grade of one point against itself.
    before = gf.assess({2015: 10, 2016: 50}, target=100, baseline_period=2016, **okr)
    assert before.status is Status.NOT_ASSESSABLE
    assert before.reason == "no observation after the start 2016 (latest: 2016)"
    single = gf.assess({2020: 10}, target=100, **okr)
    assert single.status is Status.NOT_ASSESSABLE
    # Met: (120 - 10) / (100 - 10) = 1.22 -> grade 1, and 120 >= 100: achieved.
    met = gf.assess({2015: 10, 2020: 120}, target=100, **okr)
    assert (met.status, met.components["grade"]) == (Status.ACHIEVED, 1.0)


def test_a_missed_milestone_after_a_rise_is_missed_not_moving_away(write: Write) -> None:
    # Milestones EUR 410 million for 2016 and 500 for 2018; 143.5 in 2015, 402 in 2016.
    # 402 < 410: the 2016 milestone is missed, but the figures rose towards it.
    fw = framework(
        [
            {
                "id": "assets",
                "name": "Assets",
                "unit": "EUR_million",
                "direction": "increase",
                "target": {"type": "milestones", "milestones": {2016: 410, 2018: 500}},
            }
        ]
    )
    obs = records([("assets", 2015, 143.5), ("assets", 2016, 402)], unit="EUR_million")
    result = gf.evaluate(fw, obs, as_of=2016).indicator("assets")
    assert (result.status, result.assessment.label) == (
        Status.MISSED,
        "milestone_missed, moved towards it",
    )
    assert not result.assessment.final  # the 2018 milestone is still to come


@pytest.mark.parametrize("method", GENERAL)
def test_general_methods_refuse_norms(method: str) -> None:
    fw = framework(
        [
            {
                "id": "n",
                "name": "N",
                "unit": "network",
                "direction": "increase",
                "target": {"type": "norm", "value": 950, "period": {"start": 2015, "end": 2018}},
            }
        ]
    )
    card = gf.evaluate(
        fw, records([("n", 2015, 1000), ("n", 2016, 900)]), as_of=2016, method=method
    )
    refused = card.indicator("n").assessment
    assert (refused.status, refused.label) == (Status.NOT_ASSESSABLE, "target_type_not_read")
    names = {"open-sdg": "Open SDG", "eurostat": "Eurostat", "unsd": "UNSD", "escap": "ESCAP"}
    shown = {**names, "okr": "OKR"}.get(method, method)  # the method's display name
    assert refused.reason == (
        f"the {shown} method cannot read a norm target: its verdict would answer another "
        "question (the norm method reads it)"
    )
    assert [c.code for c in refused.caveats] == ["target-type-not-read"]
