"""Groups count: an objective over an indicator with ``by:`` (issue 25, point 4)."""

from __future__ import annotations

from typing import Any

import pytest

import goalframe as gf
from goalframe import Status
from goalframe.errors import SpecValidationError

from ._helpers import framework

# Renewable energy, share of final consumption (%), an EU-wide target of 20 by 2020 and the
# member states' targets, each the same 20 here for the arithmetic: EU 22.1 (met), DE 21.0
# (met), FR 19.1 (missed: 19.1 < 20), and four states with no 2020 figure (unknown).
ROWS = [("", 2010, 14.4), ("", 2020, 22.1), ("DE", 2010, 11.7), ("DE", 2020, 21.0)]
ROWS += [("FR", 2010, 12.7), ("FR", 2020, 19.1)]
ROWS += [(geo, 2010, 10.0) for geo in ("AT", "BE", "CZ", "DK")]


def _card(**indicator: Any) -> gf.Scorecard:
    fw = framework(
        [
            {
                "id": "res",
                "name": "Renewable energy",
                "unit": "percent",
                "direction": "increase",
                "by": ["geo"],
                "target": {
                    "value": 20,
                    "deadline": 2020,
                    "baseline": {"value": 14.4, "period": 2010},
                },
                **indicator,
            }
        ]
    )
    obs = gf.observations_from_records(
        [
            {"indicator": "res", "period": p, "value": v, "unit": "percent", "geo": g}
            for g, p, v in ROWS
        ]
    )
    return gf.evaluate(fw, obs, as_of=2022)


def test_a_group_missed_keeps_the_objective_from_achieved() -> None:
    # The EU headline met 20 (22.1), but the objective holds its parts to account: EU and
    # DE met (2), FR missed (1), AT, BE, CZ, DK without a 2020 figure (4): 7 due. Met 2 of 7
    # due, 1 missed, 4 unknown: missed (a missed part is never softened one level up).
    card = _card()
    result = card.indicator("res")
    assert result.status is Status.ACHIEVED  # the headline's own verdict
    assert {g.label: g.status for g in result.groups} == {
        "DE": Status.ACHIEVED,
        "FR": Status.MISSED,
        "AT": Status.OUTCOME_UNKNOWN,
        "BE": Status.OUTCOME_UNKNOWN,
        "CZ": Status.OUTCOME_UNKNOWN,
        "DK": Status.OUTCOME_UNKNOWN,
    }
    (objective,) = card.objectives
    assert objective.status is Status.MISSED and objective.final
    assert (objective.met, objective.missed, objective.unknown, objective.due) == (2, 1, 4, 7)
    # The header's count is the same count, and --fail-on missed would trip on it.
    assert card.target_counts["unstated"].due == 7


def test_the_matrix_and_the_objective_agree() -> None:
    card = _card()
    (objective,) = card.objectives
    by_group = {g.group: g.objectives for g in card.groups}
    france = by_group[(("geo", "FR"),)]
    assert [o.status for o in france] == [Status.MISSED]
    # Every group column's verdict is counted in the objective: its missed ones as missed.
    missed = sum(o.status is Status.MISSED for column in by_group.values() for o in column)
    assert objective.missed >= missed == 1


def test_the_headline_can_stand_for_the_whole() -> None:
    # whole: headline: only the EU-wide series counts (met 1 of 1); the groups are shown.
    card = _card(whole="headline")
    (objective,) = card.objectives
    assert (objective.status, objective.met, objective.due) == (Status.ACHIEVED, 1, 1)
    assert len(card.indicator("res").groups) == 6


def test_a_group_can_stand_for_the_whole() -> None:
    # whole: {geo: FR}: France's series alone counts: missed 19.1 of 20.
    card = _card(whole={"geo": "FR"})
    (objective,) = card.objectives
    assert (objective.status, objective.missed, objective.due) == (Status.MISSED, 1, 1)


@pytest.mark.parametrize(
    ("whole", "said"),
    [
        ({"region": "NL"}, "names a group by every `by` column (geo), not region"),
        ("everything", "headline"),
    ],
)
def test_whole_names_a_series_that_exists_in_the_goal_file(whole: Any, said: str) -> None:
    with pytest.raises((SpecValidationError, ValueError), match=r"whole|headline") as info:
        _card(whole=whole)
    assert said in str(info.value)


def test_whole_needs_by() -> None:
    with pytest.raises((SpecValidationError, ValueError)) as info:
        framework(
            [
                {
                    "id": "x",
                    "name": "X",
                    "unit": "percent",
                    "direction": "increase",
                    "whole": "headline",
                }
            ]
        )
    assert "add `by:`" in str(info.value)
