"""What the judge's verdicts carry to every output: notes, provenance, bounded numbers, explain."""

from __future__ import annotations

import json

import pytest

import goalframe as gf
from goalframe import Status
from goalframe.render._card_text import progress_text

from ._helpers import framework, records


def test_notes_and_provenance_reach_every_output() -> None:
    fw = framework(
        [
            {
                "id": "d",
                "name": "Dumpings",
                "unit": "dumping",
                "direction": "decrease",
                "target": {
                    "baseline": {"value": 191, "period": 2019},
                    "value": 95,
                    "deadline": 2026,
                    "provenance": "illustrative",
                    "note": "An example target, set by nobody",
                },
            }
        ],
        objectives=[{"id": "o", "statement": "Halve", "indicators": ["d"], "note": "Obj note"}],
    )
    card = gf.evaluate(
        fw, records([("d", 2019, 191), ("d", 2022, 150)], unit="dumping"), as_of=2022
    )
    data = json.loads(card.to_json())
    target = data["indicators"][0]["target"]
    assert (target["provenance"], target["note"]) == (
        "illustrative",
        "An example target, set by nobody",
    )
    assert data["objectives"][0]["note"] == "Obj note"
    for text in (card.to_markdown(), card.to_html(), card.to_text(width=120)):
        assert "An example target, set by nobody" in text and "Obj note" in text
        assert "illustrative" in text
    csv_text = card.to_csv()
    assert "illustrative" in csv_text and "An example target, set by nobody" in csv_text
    assert "An example target" in card.explain("d")


def test_provenance_defaults_to_official_with_a_source() -> None:
    fw = framework(
        [
            {
                "id": "n",
                "name": "N",
                "unit": "network",
                "direction": "increase",
                "target": {"value": 10, "deadline": 2026, "source": "Budget 2024"},
            },
            {
                "id": "m",
                "name": "M",
                "unit": "network",
                "direction": "increase",
                "target": {"value": 10, "deadline": 2026},
            },
        ]
    )
    goals = {i.id: i.goal for i in fw.indicators}
    assert goals["n"] is not None and goals["n"].provenance == "official"
    assert goals["m"] is not None and goals["m"].provenance is None


def test_progress_shown_to_readers_is_bounded() -> None:
    def text(method: str, value: float | None, expected: float | None = None) -> str:
        return progress_text(
            gf.Assessment(
                method=method, status=Status.ON_TRACK, label="x", value=value, expected=expected
            )
        )

    assert text("trajectory", -32.12, 0.8) == "moved away / 80%"  # not "-3212%"
    assert text("trajectory", -0.0, 0.57) == "0% / 57%"  # never "-0%"
    assert text("trajectory", 2.79, 0.8) == "> 200% / 80%"
    assert text("open-sdg", -172.79) == "pv -173"  # Open SDG's own index, never a percentage
    assert text("forecast", 0.634) == "P = 63%"


def test_explain_shows_the_relative_target_arithmetic() -> None:
    fw = framework(
        [
            {
                "id": "c",
                "name": "Cocaine",
                "unit": "kg",
                "direction": "decrease",
                "target": {
                    "baseline": {"value": 91800, "period": 2020},
                    "change_percent": -13,
                    "deadline": 2025,
                },
            }
        ]
    )
    card = gf.evaluate(fw, records([("c", 2020, 91800), ("c", 2022, 85000)], unit="kg"), as_of=2022)
    # 91,800 x (1 - 0.13) = 79,866
    assert "target = baseline x (1 - 0.13) = 91,800 x 0.87 = 79,866" in card.explain("c")


def test_assessment_date_defaults_to_today_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    fw = framework(
        [
            {
                "id": "c",
                "name": "C",
                "unit": "kg",
                "direction": "decrease",
                "target": {"baseline": {"value": 10, "period": 2020}, "value": 5, "deadline": 2030},
            }
        ]
    )
    obs = records([("c", 2020, 10), ("c", 2022, 8)], unit="kg")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795824000")  # 2026-11-28
    card = gf.evaluate(fw, obs)
    assert (str(card.as_of), card.as_of_given) == ("2026-11-28", False)
    assert "28 November 2026 (the day of the run; pass --as-of to reproduce)" in card.to_markdown()
    given_card = gf.evaluate(fw, obs, as_of=2022)
    assert (str(given_card.as_of), given_card.as_of_given) == ("2022", True)
