"""Goalposts wherever a target is shown: an earlier target's history too (issue 25, point 9)."""

from __future__ import annotations

import json

import goalframe as gf

from ._helpers import framework, records


def _card() -> gf.Scorecard:
    # 16 % by 2020 (set 2010), postponed in 2013 to 2023; then 25 % by 2030 in force.
    indicator = {
        "id": "share", "name": "Share", "unit": "percent", "direction": "increase",
        "targets": [
            {"baseline": {"value": 4, "period": 2010}, "value": 16, "deadline": 2023,
             "set": 2013, "history": [{"value": 16, "set": 2010, "deadline": 2020}]},
            {"baseline": {"value": 4, "period": 2010}, "value": 25, "deadline": 2030},
        ],
    }  # fmt: skip
    obs = records([("share", 2010, 4.0), ("share", 2023, 15.0), ("share", 2024, 17.0)], "percent")
    return gf.evaluate(framework([indicator]), obs, as_of=2024)


def test_an_earlier_targets_goalposts_are_on_the_card() -> None:
    # 15 (2023) < 16: the earlier target is missed; its postponement is shown beside it.
    card = _card()
    said = "16 by 2020 (set 2010) -> 16 by 2023 (set 2013, now, postponed)"
    text = " ".join(card.to_text(width=400).split())
    assert f"Target 16 by 2023 (earlier): missed; Goalposts: {said}" in text
    assert said.replace(">", "\\>") in card.to_markdown()  # Markdown escapes the arrow


def test_the_json_card_has_the_history_with_its_deadlines() -> None:
    data = json.loads(_card().to_json())
    earlier = next(t for t in data["indicators"][0]["targets"] if t["role"] == "earlier")
    assert earlier["history"] == [
        {"value": 16.0, "set": 2010, "deadline": 2020, "source": None, "note": None}
    ]
