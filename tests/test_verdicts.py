"""Verdicts an auditor would sign: final statuses, honest orientation, caveats, notes.

Each test is a worked example with the arithmetic written out.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status
from goalframe.render._card_text import progress_text
from goalframe.schema import FrameworkSpec

Write = Callable[[str, str], Path]
GENERAL = ("trajectory", "open-sdg", "eurostat", "unsd", "escap", "okr", "forecast")


def framework(indicators: list[dict[str, Any]], **extra: Any) -> gf.Framework:
    data: dict[str, Any] = {
        "id": "t",
        "title": "T",
        "objectives": [
            {"id": "all", "statement": "All", "indicators": [i["id"] for i in indicators]}
        ],
        "indicators": indicators,
        **extra,
    }
    return gf.compile_framework(FrameworkSpec.model_validate(data))


def records(rows: list[tuple[str, Any, float]], unit: str = "network") -> gf.ObservationSet:
    return gf.observations_from_records(
        [{"indicator": i, "period": p, "value": v, "unit": unit} for i, p, v in rows]
    )


# --- 1. Final verdicts ----------------------------------------------------------------------


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
        "no figure yet for 2018; last known 2017: 140 (needs acceleration by the trajectory "
        "method then)"
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
    assert top.status is Status.NEEDS_ACCELERATION  # mean rank 1.5 -> 2, capped at 2
    assert (top.met, top.decided, top.final) == (0, 1, False)


# --- 2. Start-target orientation --------------------------------------------------------------


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


# --- 3. Caveats -------------------------------------------------------------------------------


def test_a_flagged_break_applies_the_documented_rule() -> None:
    # 100 (2015), 110, then a new definition: 60 (2017, flagged break), 66 (2018). Target 200
    # by 2025 from the declared 100 (2015). From the break on: baseline 60 (2017); progress
    # (66 - 60) / (200 - 60) = 0.0429; expected (2018 - 2017) / (2025 - 2017) = 0.125;
    # ratio 0.343 < 0.6: insufficient progress (from 2015 the fall would read moving away).
    series = gf.Series(
        periods=tuple(gf.Period.parse(p) for p in (2015, 2016, 2017, 2018)),
        values=[100, 110, 60, 66],
        flags=(frozenset(), frozenset(), frozenset({"break"}), frozenset()),
    )
    result = gf.assess(
        series,
        direction="increase",
        target=200,
        baseline_period=2015,
        baseline=100,
        target_period=2025,
        as_of=2018,
    )
    assert result.status is Status.INSUFFICIENT_PROGRESS
    assert result.components["baseline"] == 60 and result.components["baseline_period"] == "2017"
    assert result.value == pytest.approx(6 / 140)
    assert result.expected == pytest.approx(1 / 8)
    assert result.caveats[0].code == "series-break"
    assert "assessed from 2017 on, with 2017 (60) as the new baseline" in result.caveats[0].message


def test_caveats_for_gaps_flags_and_baselines() -> None:
    series = gf.Series(
        periods=tuple(gf.Period.parse(p) for p in (2017, 2018, 2019, 2021)),
        values=[206, 292, 191, 150],
        flags=(frozenset(), frozenset(), frozenset({"revised"}), frozenset({"provisional"})),
    )
    result = gf.assess(
        series,
        direction="decrease",
        target=146,
        baseline_period=2018,
        baseline=280,
        target_period=2026,
        as_of=2021,
    )
    codes = {c.code: c.message for c in result.caveats}
    assert codes["missing-periods"] == "no figure for 2020"
    assert codes["flagged-values"] == "revised: 2019; provisional: 2021"
    assert codes["baseline-mismatch"] == (
        "the declared baseline 280 (2018) differs from the observation for that period (292); "
        "the verdict uses the declared baseline"
    )
    # 292 is above both 206 (2017) and 191 (2019): a local peak.
    assert codes["baseline-extreme"].startswith("the baseline 2018 (292) is a local peak")


def test_gap_in_a_norm_span_is_not_achieved() -> None:
    # At least 950 a year, 2015-2018; no figure for 2017; read in 2020: outcome unknown.
    result = gf.assess(
        {2015: 1000, 2016: 1000, 2018: 1000},
        method="norm",
        direction="increase",
        target=950,
        baseline_period=2015,
        target_period=2018,
        as_of=2020,
    )
    assert result.status is Status.OUTCOME_UNKNOWN
    assert [(c.code, c.message) for c in result.caveats] == [
        ("missing-periods", "no figure for 2017")
    ]


def test_zero_target_replaced_for_open_sdg() -> None:
    result = gf.assess(
        {2015: 10, 2020: 5},
        method="open-sdg",
        direction="decrease",
        target=0,
        target_period=2030,
        as_of=2020,
    )
    assert "zero-replaced" in {c.code for c in result.caveats}


def test_eurostat_window_before_the_baseline() -> None:
    result = gf.assess(
        {2014: 10, 2016: 11, 2019: 12},
        method="eurostat",
        direction="increase",
        baseline_period=2016,
        baseline=11,
        target=20,
        target_period=2030,
        as_of=2019,
    )
    assert "window-before-baseline" in {c.code for c in result.caveats}


def test_every_caveat_code_is_documented() -> None:
    from goalframe._judge import CAVEATS

    page = (Path(__file__).parent.parent / "docs" / "reference" / "caveats.md").read_text()
    for code in CAVEATS:
        assert f"`{code}`" in page


# --- 4. Methods that cannot read a target ------------------------------------------------------


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
    assert refused.reason == (
        f"the {method} method cannot read a norm target: its verdict would answer another "
        "question (the norm method reads it)"
    )
    assert [c.code for c in refused.caveats] == ["target-type-not-read"]


# --- 5. Targets as people declare them ---------------------------------------------------------


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


# --- 7. Readable numbers -----------------------------------------------------------------------


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


# --- 9. Explain shows every number compared ----------------------------------------------------


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
    assert "no figure yet for 2020; last known 2019: 35" in str(got["c"].reason)
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


# --- The invariants ----------------------------------------------------------------------------

values = st.floats(min_value=1, max_value=1e6, allow_nan=False)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    years = sorted(draw(st.sets(st.integers(2000, 2030), min_size=1, max_size=8)))
    series = {y: draw(values) for y in years}
    return {
        "series": series,
        "direction": draw(st.sampled_from(["increase", "decrease"])),
        "target": draw(values),
        "target_period": draw(st.integers(2001, 2035)),
        "as_of": draw(st.integers(2000, 2040)),
        "method": draw(st.sampled_from(GENERAL)),
    }


@given(cases())
def test_wrong_side_is_never_achieved_and_nothing_forward_looking_after_the_deadline(
    case: dict[str, Any],
) -> None:
    result = gf.assess(
        case["series"],
        direction=case["direction"],
        target=case["target"],
        target_period=case["target_period"],
        method=case["method"],
        as_of=case["as_of"],
    )
    used = {y: v for y, v in case["series"].items() if y <= case["as_of"]}
    # The figure that decides: the one for the deadline once it is over, else the latest.
    decisive = used.get(case["target_period"]) if result.final else used.get(max(used, default=0))
    if decisive is not None:
        wrong_side = (
            decisive < case["target"]
            if case["direction"] == "increase"
            else decisive > case["target"]
        )
        if wrong_side:
            assert result.status is not Status.ACHIEVED, result
    if case["target_period"] <= case["as_of"]:
        assert result.final or result.status is Status.NOT_ASSESSABLE, result
        assert not result.status.forward_looking, result
    for number in (result.value, result.expected, result.score):
        assert number is None or math.isfinite(number)


# --- 6. Unit traps and a baseline that disagrees with the data --------------------------------


def test_validate_warns_about_unit_traps(write: Write) -> None:
    from typer.testing import CliRunner

    from goalframe.cli import app

    goals = write(
        "g.yaml",
        """
        id: x
        title: T
        indicators:
          - {id: coke, name: Cocaine, unit: ton, direction: decrease}
          - {id: share, name: Share, unit: pp, direction: increase}
        """,
    )
    result = CliRunner().invoke(app, ["validate", str(goals)])
    assert result.exit_code == 0  # a warning, not an error: pint does read the unit
    assert (
        f"{goals}:4:37: indicator 'coke': unit 'ton': 'ton' is the US short ton (907 kg) in "
        "pint; for metric tonnes write 't' or 'tonne' (M013)"
    ) in result.stderr
    assert "unit 'pp': 'pp' is a typographic point" in result.stderr
    findings = gf.lint(gf.load_framework(goals))
    assert [(f.code, f.subject_id) for f in findings if f.code == "M013"] == [
        ("M013", "coke"),
        ("M013", "share"),
    ]


def test_lint_reports_a_baseline_that_disagrees_with_the_data(write: Write) -> None:
    # Declared 44.45 for 2018; the data say 49 for 2018.
    goals = write(
        "g.yaml",
        """
        id: x
        title: T
        objectives: [{id: o, statement: Raise it to 60 by 2026, indicators: [i]}]
        indicators:
          - id: i
            name: Share
            unit: percent
            direction: increase
            target: {baseline: {value: 44.45, period: 2018}, value: 60, deadline: 2026}
        """,
    )
    data = write("d.csv", "indicator,period,value,unit\ni,2018,49,percent\ni,2020,52,percent\n")
    findings = gf.lint(gf.load_framework(goals), gf.load_observations(data))
    d005 = [f for f in findings if f.code == "D005"]
    assert [f.message for f in d005] == [
        "the baseline 44.45 (2018) differs from the observation for 2018: 49"
    ]
    card = gf.evaluate(gf.load_framework(goals), gf.load_observations(data), as_of=2020)
    assert "baseline-mismatch" in {c.code for c in card.indicator("i").caveats}


def test_a002_spares_a_percent_change(write: Write) -> None:
    text = """
        id: x
        title: T
        objectives: [{{id: o, statement: Cut the yearly change to -13 % by 2026, indicators: [i]}}]
        indicators:
          - id: i
            name: {name}
            unit: percent
            direction: decrease
            target: {{baseline: {{value: 5, period: 2018}}, value: -13, deadline: 2026}}
        """
    change = gf.lint(gf.load_framework(write("a.yaml", text.format(name="Year-on-year change"))))
    share = gf.lint(gf.load_framework(write("b.yaml", text.format(name="Share of users"))))
    assert "A002" not in {f.code for f in change}
    assert "A002" in {f.code for f in share}
