from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status
from goalframe.errors import DataError, IncompatibleUnitsError, UnknownMethodError
from goalframe.schema import FrameworkSpec

from .conftest import MINIMAL

# These tests read the cards in 2020, five years before the 2025 deadlines: the way there.
# Verdicts after a deadline are tested in tests/judge/.


def framework(**changes: Any) -> gf.Framework:
    data: dict[str, Any] = {
        "id": "t",
        "title": "Test",
        "rollup": changes.pop("rollup", "mean"),
        "objectives": [
            {"id": "top", "statement": "Top"},
            {
                "id": "mass",
                "statement": "Seize cocaine",
                "parent": "top",
                "weight": 3,
                "indicators": ["coke"],
            },
            {
                "id": "count",
                "statement": "Tackle networks",
                "parent": "top",
                "indicators": ["networks", "context"],
            },
            {"id": "empty", "statement": "Nothing linked", "parent": "top"},
        ],
        "indicators": [
            {
                "id": "coke",
                "name": "Cocaine",
                "unit": "kg",
                "direction": "increase",
                "target": {
                    "baseline": {"value": 1000, "period": 2015},
                    "value": 2000,
                    "deadline": 2025,
                },
            },
            {
                "id": "networks",
                "name": "Networks",
                "unit": "network",
                "direction": "increase",
                "target": {
                    "baseline": {"value": 100, "period": 2015},
                    "value": 200,
                    "deadline": 2025,
                },
            },
            {"id": "context", "name": "Suspects", "unit": "person", "kind": "context"},
        ],
    }
    data.update(changes)
    return gf.compile_framework(FrameworkSpec.model_validate(data))


def records(rows: list[tuple[str, Any, float, str]], **extra: Any) -> gf.ObservationSet:
    return gf.observations_from_records(
        [{"indicator": i, "period": p, "value": v, "unit": u, **extra} for i, p, v, u in rows]
    )


ROWS = [
    ("coke", 2015, 1000, "kg"),
    ("coke", 2020, 1500, "kg"),
    ("networks", 2015, 100, "network"),
    ("networks", 2019, 90, "network"),
    ("networks", 2020, 95, "network"),
    ("context", 2020, 17900, "person"),
]


def test_verdicts_and_roll_up() -> None:
    card = gf.evaluate(framework(), records(ROWS), as_of=2020)
    assert card.indicator("coke").status is Status.ON_TRACK
    assert card.indicator("networks").status is Status.MOVING_AWAY
    context = card.indicator("context")
    assert context.status is Status.NOT_ASSESSABLE
    assert context.assessment.reason == "context indicator: shown, not scored"
    assert not context.scored
    # Weighted mean of ranks: (on track 3 x weight 3 + moving away 0 x 1) / 4 = 2.25, which
    # rounds to 2 (needs acceleration); no part has that status, so the mean is read down to
    # the best part at or below it: moving away (0). A roll-up never invents a status.
    top = card.objective("top")
    assert top.score == pytest.approx(2.25)
    assert top.status is Status.MOVING_AWAY
    assert (top.due, top.not_due, top.met) == (0, 2, None)
    assert card.objective("empty").status is Status.NOT_ASSESSABLE
    assert card.objective("empty").reason == "no indicators linked"
    assert [o.id for o in card.objectives] == ["top", "mass", "count", "empty"]
    assert [o.depth for o in card.objectives] == [0, 1, 1, 1]
    assert card.counts[Status.ON_TRACK] == 1
    assert sum(card.counts.values()) == 3


def test_worst_and_all_achieved_roll_ups() -> None:
    card = gf.evaluate(framework(rollup="worst"), records(ROWS), as_of=2020)
    assert card.objective("top").status is Status.MOVING_AWAY
    strict = gf.evaluate(framework(rollup="all_achieved"), records(ROWS), as_of=2020)
    # Not all achieved: insufficient progress at best; a part moving away makes it that.
    assert strict.objective("top").status is Status.MOVING_AWAY
    done = [("coke", 2020, 2500, "kg"), ("networks", 2020, 300, "network")]
    assert (
        gf.evaluate(framework(rollup="all_achieved"), records(done), as_of=2020)
        .objective("top")
        .status
        is Status.ACHIEVED
    )


def test_all_achieved_rolls_up_to_achieved() -> None:
    rows = [("coke", 2020, 2500, "kg"), ("networks", 2020, 300, "network")]
    card = gf.evaluate(framework(), records(rows), as_of=2020)
    assert card.objective("top").status is Status.ACHIEVED


def test_trend_against_previous_period() -> None:
    card = gf.evaluate(framework(), records(ROWS), as_of=2020)
    trend = card.indicator("networks").trend
    assert trend is not None
    assert trend.change == 5
    assert trend.better is True
    assert str(trend.previous.period) == "2019"
    assert card.indicator("coke").latest is not None


def test_observations_converted_into_indicator_unit() -> None:
    rows = [("coke", 2015, 1, "t"), ("coke", 2020, 1500, "kg")]
    result = gf.evaluate(framework(), records(rows), as_of=2020).indicator("coke")
    assert [o.value for o in result.series] == [1000.0, 1500.0]


def test_incompatible_unit_names_the_row_both_units_and_the_fix() -> None:
    with pytest.raises(IncompatibleUnitsError) as info:
        gf.evaluate(framework(), records([("networks", 2020, 5, "kg")]))
    message = str(info.value)
    assert message.startswith("<records>:1: indicator 'networks' is measured in 'network'")
    assert "'kg' ([mass])" in message and "Fix the unit column" in message


def test_same_period_twice_is_an_error() -> None:
    with pytest.raises(DataError, match="two different values: 1 t"):
        records([("coke", 2020, 1, "t"), ("coke", 2020, 1000, "kg")])
    # Observations built in Python skip the reader's check; evaluate still refuses them.
    period = gf.Period.parse(2020)
    twice = [
        gf.Observation(indicator="coke", period=period, value=1.0, unit="t"),
        gf.Observation(indicator="coke", period=period, value=1000.0, unit="kg"),
    ]
    with pytest.raises(DataError, match="two values for 2020"):
        gf.evaluate(framework(), twice)


def test_nothing_is_lost() -> None:
    rows = [*ROWS, ("unknown", 2020, 1, "kg"), ("coke", 2024, 1900, "kg")]
    obs = gf.observations_from_records(
        [{"indicator": i, "period": p, "value": v, "unit": u} for i, p, v, u in rows]
        + [
            {"indicator": "coke", "period": 2020, "value": 5, "unit": "kg", "region": "x"},
            {"indicator": "coke", "period": 2021, "value": "", "unit": "kg"},
        ]
    )
    card = gf.evaluate(framework(), obs, as_of="2023")
    reasons = sorted(s.reason for s in card.set_aside)
    assert reasons == [
        "breakdown not assessed (the indicator assesses the total)",
        "no indicator 'unknown' in the goal file",
        "no value (empty cell)",
        "not over by the assessment date 2023",
    ]
    used = sum(len(r.series) for r in card.indicators)
    assert used + len(card.set_aside) == len(rows) + 2
    assert str(card.as_of) == "2023"


def test_breakdown_selection() -> None:
    fw = framework(
        indicators=[
            {
                "id": "coke",
                "name": "Cocaine",
                "unit": "kg",
                "direction": "increase",
                "select": {"region": "NL"},
                "target": {
                    "baseline": {"value": 1000, "period": 2015},
                    "value": 2000,
                    "deadline": 2025,
                },
            },
            {"id": "networks", "name": "N", "unit": "network"},
            {"id": "context", "name": "S", "unit": "person"},
        ]
    )
    obs = gf.observations_from_records(
        [
            {"indicator": "coke", "period": 2020, "value": 2100, "unit": "kg", "region": "NL"},
            {"indicator": "coke", "period": 2020, "value": 5, "unit": "kg", "region": "Limburg"},
        ]
    )
    card = gf.evaluate(fw, obs, as_of=2020)
    assert card.indicator("coke").status is Status.ACHIEVED
    assert card.indicator("coke").breakdown == (("region", "NL"),)
    assert [s.reason for s in card.set_aside] == [
        "breakdown not assessed (the indicator assesses region=NL)"
    ]


def test_indicator_without_unit_is_not_assessable_and_its_data_set_aside() -> None:
    fw = framework(
        indicators=[
            {"id": "coke", "name": "Cocaine"},
            {"id": "networks", "name": "N", "unit": "network"},
            {"id": "context", "name": "S", "unit": "person"},
        ]
    )
    card = gf.evaluate(fw, records([("coke", 2020, 1, "kg")]))
    assert "no unit" in (card.indicator("coke").assessment.reason or "")
    assert card.set_aside[0].reason == "the indicator has no unit in the goal file"


def test_method_override_and_unknown_method() -> None:
    card = gf.evaluate(framework(), records(ROWS), method="trajectory")
    assert card.method == "trajectory"
    with pytest.raises(UnknownMethodError, match="choose one of"):
        gf.evaluate(framework(), records(ROWS), method="nope")


def test_accepts_spec_and_plain_observation_list() -> None:
    spec = gf.parse_framework(MINIMAL).spec
    obs = records([("dumpings", 2022, 150, "dumping")]).observations
    card = gf.evaluate(spec, list(obs))
    assert card.indicator("dumpings").status is Status.ON_TRACK
    with pytest.raises(KeyError):
        card.indicator("nope")
    with pytest.raises(KeyError):
        card.objective("nope")


# --- invariants --------------------------------------------------------------------------

values = st.floats(1, 1e6, allow_nan=False)


@given(
    st.dictionaries(st.integers(2015, 2030), values, min_size=1, max_size=10),
    st.randoms(use_true_random=False),
)
def test_verdicts_do_not_depend_on_unit_or_row_order(
    points: dict[int, float], rnd: random.Random
) -> None:
    in_kg = [("coke", p, v, "kg") for p, v in points.items()]
    in_t = [("coke", p, v / 1000, "t") for p, v in points.items()]
    shuffled = list(in_t)
    rnd.shuffle(shuffled)
    fw = framework()
    a = gf.evaluate(fw, records(in_kg)).indicator("coke")
    b = gf.evaluate(fw, records(shuffled)).indicator("coke")
    assert a.status == b.status
    assert a.assessment.label == b.assessment.label
    if a.assessment.value is not None:
        assert b.assessment.value == pytest.approx(a.assessment.value, rel=1e-9, abs=1e-12)


@given(st.permutations(ROWS))
def test_shuffling_rows_changes_nothing(rows: list[tuple[str, Any, float, str]]) -> None:
    fw = framework()
    expected = gf.evaluate(fw, records(ROWS), as_of=2020).to_dict()
    got = gf.evaluate(fw, records(rows), as_of=2020).to_dict()
    assert got == expected
