"""Acceptance: Statistics Canada's production output of the Open SDG progress measure.

tests/data/opensdg_canada_progress_components.yml is Canada's indicator_calculation_components
file (sdg-build 2.4.0), copied unchanged; see its .md beside it for the source. Every series
with a base and a current value is fed to ``gf.assess`` as its base and current observation,
with its own direction, target, target year, limit and base year.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import goalframe as gf
from goalframe.progress.open_sdg import indicator_progress

CORPUS = Path(__file__).resolve().parents[1] / "data" / "opensdg_canada_progress_components.yml"
# Indicators whose indicator-level score comes from a group: config (see the corpus notes).
GROUPED = {"1-4-1", "4-5-1", "4-a-1", "9-c-1", "16-3-1"}


def load() -> dict[str, Any]:
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def series_cases() -> list[tuple[str, str, dict[str, Any]]]:
    cases = []
    for indicator, entry in load().items():
        for name, series in entry.items():
            if (
                isinstance(series, dict)
                and "status" in series
                and series["base_value"] is not None
                and series["current_value"] is not None
            ):
                cases.append((indicator, name, series))
    return cases


CASES = series_cases()


def run(series: dict[str, Any]) -> gf.Assessment:
    base_year, current_year = int(series["base_year"]), int(series["current_year"])
    observations = {base_year: series["base_value"], current_year: series["current_value"]}
    options = {} if series["limit"] is None else {"limit": series["limit"]}
    return gf.assess(
        observations,
        direction="increase" if series["direction"] == 1 else "decrease",
        target=series["target"],
        target_period=int(series["target_year"]),
        baseline_period=base_year,
        method="open-sdg",
        **options,
    )


def test_corpus_size() -> None:
    assert len(CASES) == 243


@pytest.mark.parametrize(("indicator", "name", "series"), CASES, ids=[c[1] for c in CASES])
def test_series_reproduced(indicator: str, name: str, series: dict[str, Any]) -> None:
    result = run(series)
    assert result.label == series["status"]
    assert result.components["sign"] == series["sign"]
    if series["score"] is None:
        assert result.score is None
    else:
        assert result.score == pytest.approx(series["score"], rel=0, abs=1e-6)
    if series["progress_value"] is not None and series["status"] != "target_achieved":
        assert result.value == pytest.approx(series["progress_value"], rel=1e-9)


def test_indicator_scores_reproduced() -> None:
    checked = 0
    for indicator, entry in load().items():
        series = [s for s in entry.values() if isinstance(s, dict) and "status" in s]
        if not series or indicator in GROUPED or entry["score"] is None:
            continue
        assessments = [
            run(s) for s in series if s["base_value"] is not None and s["current_value"] is not None
        ]
        score, label = indicator_progress(assessments)
        assert score == pytest.approx(entry["score"], abs=1e-6), indicator
        assert label == entry["progress_status"], indicator
        checked += 1
    assert checked > 100


def test_grouped_indicator_scores_reproduced() -> None:
    data = load()

    def assessed(indicator: str, prefix: str) -> list[gf.Assessment]:
        return [
            run(s)
            for name, s in data[indicator].items()
            if isinstance(s, dict) and name.startswith(f"{indicator} / {prefix}")
        ]

    # 9-c-1: LTE and LTE-A are one group, averaged before the other technologies.
    parts_9c1 = [
        *assessed("9-c-1", "5G"),
        *assessed("9-c-1", "Evolved"),
        assessed("9-c-1", "Long-Term"),
    ]
    score, label = indicator_progress(parts_9c1)
    assert score == pytest.approx(data["9-c-1"]["score"], abs=1e-9)
    assert label == data["9-c-1"]["progress_status"]
    # 16-3-1: physical violence (two series) as one group, sexual violence as the other.
    parts_1631 = [assessed("16-3-1", "Physical"), assessed("16-3-1", "Sexual")]
    score, label = indicator_progress(parts_1631)
    assert score == pytest.approx(data["16-3-1"]["score"], abs=1e-9)
    assert label == data["16-3-1"]["progress_status"]
