"""Targets on a definition: a break before the deciding figure (issue 25, point 10)."""

from __future__ import annotations

from typing import Any

import goalframe as gf
from goalframe import Status

from ._helpers import framework


def _labs(flag_2021: str | None, **target: Any) -> gf.Scorecard:
    # A target of at least 140 synthetic-drug labs dismantled in 2022, set on the figures of
    # 2019 (baseline 120). In 2021 the count widened to all drug labs (a series break).
    spec = {"value": 140, "deadline": 2022, "baseline": {"value": 120, "period": 2019}, **target}
    fw = framework(
        [{"id": "labs", "name": "Labs", "unit": "lab", "direction": "increase", "target": spec}]
    )
    rows = [(2019, 120.0, None), (2020, 118.0, None), (2021, 160.0, flag_2021), (2022, 151.0, None)]
    obs = gf.observations_from_records(
        [
            {"indicator": "labs", "period": p, "value": v, "unit": "lab", "flag": f}
            for p, v, f in rows
        ]
    )
    return gf.evaluate(fw, obs, as_of=2023)


def test_a_broader_definition_does_not_achieve_a_target_set_on_the_narrower() -> None:
    # 151 (2022) >= 140 would be "achieved", but 151 counts all drug labs and 140 was set on
    # synthetic-drug labs: the outcome is unknown like-for-like, final, and counts as due.
    card = _labs("break")
    a = card.indicator("labs").assessment
    assert (a.status, a.final, a.label) == (Status.OUTCOME_UNKNOWN, True, "definition_changed")
    assert a.deciding is None
    assert a.components["verdict_across_break"] == "achieved"
    assert a.components["deciding_value"] == 151.0
    codes = [c.code for c in a.caveats]
    assert codes[0] == "definition-changed" and "series-break" in codes
    assert a.reason is not None and a.reason.startswith(
        "series break in 2021: the figure that decides the verdict (2022: 151) is on another "
        "definition than the target, set on the figures of 2019"
    )
    (objective,) = card.objectives
    assert (objective.unknown, objective.due, objective.met) == (1, 1, 0)


def test_without_a_break_the_same_figures_achieve_it() -> None:
    a = _labs(None).indicator("labs").assessment
    assert (a.status, a.final) == (Status.ACHIEVED, True)
    assert a.deciding is not None and a.deciding.value == 151.0


def test_the_goal_file_can_say_the_target_holds_on_the_new_definition() -> None:
    card = _labs("break", holds_after_break=True)
    a = card.indicator("labs").assessment
    assert (a.status, a.final) == (Status.ACHIEVED, True)
    held = next(c for c in a.caveats if c.code == "definition-held")
    assert held.message == (
        "series break in 2021: the goal file says the target holds on the new definition"
    )
    assert "⚠ definition held" in card.to_markdown()  # the code in JSON


def test_a_break_before_the_baseline_changes_nothing() -> None:
    # A baseline on 2021's figure (the new definition) and 2022's 151 >= 140: like-for-like.
    a = _labs("break", baseline={"value": 130, "period": 2021}).indicator("labs")
    assert (a.status, a.assessment.final) == (Status.ACHIEVED, True)


def test_a_target_set_after_the_break_holds_on_its_definition() -> None:
    a = _labs("break", set=2021).indicator("labs").assessment
    assert (a.status, a.final) == (Status.ACHIEVED, True)
