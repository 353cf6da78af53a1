from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import goalframe as gf
from goalframe import Period, Status
from goalframe.errors import SpecValidationError
from goalframe.progress.targets import span_periods

Write = Callable[[str, str], Path]
NETWORKS = {2015: 1188, 2016: 1369, 2017: 1361, 2019: 1522, 2020: 1529}


def norm(obs: dict[int, float], **kw: object) -> gf.Assessment:
    return gf.assess(obs, method="norm", **kw)  # type: ignore[arg-type]


def test_real_norm_950_networks_a_year() -> None:
    # "At least 950 criminal networks tackled a year, 2015-2018"; 2018 was not published.
    # Read in 2020, the span is over and one of its years has no figure: nobody can sign
    # "achieved" for a norm that was not measured in every year.
    result = norm(
        NETWORKS,
        direction="increase",
        target=950,
        baseline_period=2015,
        target_period=2018,
        as_of=2020,
    )
    assert (result.status, result.label, result.final) == (
        Status.OUTCOME_UNKNOWN,
        "outcome_unknown",
        True,
    )
    assert result.components["met"] == ("2015", "2016", "2017")
    assert result.components["not_observed"] == ("2018",)
    assert [c.code for c in result.caveats] == ["missing-periods"]
    assert result.caveats[0].message == "no figure for 2018"


@pytest.mark.parametrize(
    ("value", "as_of", "label", "status", "method"),
    [
        # Read in 2017, a year of the span failed: missed then (the norm can no longer be
        # met); the method's own running verdict stays in the components.
        (1300, 2017, "missed, moved towards the target (2 of 3 met)", Status.MISSED,
         ("norm_partly_met", "insufficient_progress")),  # 1,188 < 1,300: 2 of 3 met
        (1365, 2017, "missed, moved towards the target (1 of 3 met)", Status.MISSED,
         ("norm_partly_met", "insufficient_progress")),  # only 1,369 >= 1,365
        (1100, 2017, "norm_met_so_far", Status.ON_TRACK, None),
        (1400, 2017, "missed, moved towards the target (0 of 3 met)", Status.MISSED,
         ("norm_missed", "moving_away")),
        (1100, 2020, "met (4 of 4)", Status.ACHIEVED, None),  # the span is over: final
    ],
)  # fmt: skip
def test_norm_verdicts(
    value: float, as_of: int, label: str, status: Status, method: tuple[str, str] | None
) -> None:
    obs = {2015: 1188, 2016: 1369, 2017: 1361, 2018: 1400}
    result = norm(
        obs,
        direction="increase",
        target=value,
        baseline_period=2015,
        target_period=2018,
        as_of=as_of,
    )
    assert (result.label, result.status) == (label, status)
    if method is not None:
        said = (result.components["method_label"], result.components["method_status"])
        assert said == method


def test_norm_three_quarters_met_needs_acceleration() -> None:
    # 10, 10, 10 meet 8 and 5 does not: 3 of 4, so the norm's own verdict is "needs
    # acceleration"; the judge makes it missed, final, since 2018 failed the norm.
    obs = {2015: 10, 2016: 10, 2017: 10, 2018: 5}
    result = norm(
        obs, direction="increase", target=8, baseline_period=2015, target_period=2020, as_of=2018
    )
    assert result.value == 0.75
    assert result.components["method_status"] == "needs_acceleration"
    assert (result.status, result.final) == (Status.MISSED, True)


def test_at_most_norm_for_a_decrease() -> None:
    result = norm(
        {2020: 90, 2021: 110},
        direction="decrease",
        target=100,
        baseline_period=2020,
        target_period=2021,
    )
    # At most 100: 90 meets it, 110 does not; the span is over, so the verdict is final.
    assert (result.status, result.components["met"], result.components["missed"]) == (
        Status.MISSED,
        ("2020",),
        ("2021",),
    )
    assert result.label == "missed, moved away (1 of 2 met)"
    early = norm(
        {2020: 90},
        direction="decrease",
        target=100,
        baseline_period=2020,
        target_period=2021,
        as_of=2020,
    )
    assert (early.label, early.status) == ("norm_met_so_far", Status.ON_TRACK)


def test_milestones_in_force() -> None:
    # Asset seizure targets: EUR 190, 200, 210, 220 million for 2023-2026.
    kw = {
        "direction": "increase",
        "milestones": {2023: 190, 2024: 200, 2025: 210},
        "target": 220,
        "target_period": 2026,
    }
    behind_then_met = norm({2023: 185, 2024: 205}, as_of=2024, **kw)
    assert (behind_then_met.label, behind_then_met.status) == ("milestone_met", Status.ON_TRACK)
    missed_now = norm({2023: 195, 2024: 199}, as_of=2024, **kw)
    # The 2024 milestone (200) is missed; the figures rose towards it: missed, not moving away.
    assert (missed_now.status, missed_now.label) == (
        Status.MISSED,
        "milestone_missed, moved towards it",
    )
    final = norm({2023: 195, 2024: 205, 2025: 215, 2026: 221}, **kw)
    assert (final.label, final.status) == ("target_met", Status.ACHIEVED)
    early = norm({2022: 100}, as_of=2022, **kw)
    # Read in 2026 with figures only to 2024, the 2025 milestone's outcome is not known.
    unknown = norm({2023: 195, 2024: 205}, as_of="2026-06-30", **kw)
    assert (unknown.status, unknown.label) == (Status.OUTCOME_UNKNOWN, "milestone_outcome_unknown")
    assert unknown.reason == (
        "no figure in the data for 2025, the latest period due; last known 2024: 205 "
        "(on track then)"
    )
    assert early.status is Status.NOT_ASSESSABLE


def test_norm_needs_a_value_and_a_span() -> None:
    assert "value" in (norm({2020: 1}, direction="increase").reason or "")
    assert "span" in (norm({2020: 1}, direction="increase", target=1).reason or "")


@pytest.mark.parametrize(
    ("obs", "label", "status"),
    [
        ({2020: 5.0}, "in_range", Status.ACHIEVED),
        ({2020: 12.0}, "outside_range", Status.INSUFFICIENT_PROGRESS),
        ({2019: 14.0, 2020: 12.0}, "outside_range_approaching", Status.NEEDS_ACCELERATION),
        ({2019: 11.0, 2020: 12.0}, "outside_range_departing", Status.MOVING_AWAY),
        ({2019: 1.0, 2020: 2.0}, "outside_range_approaching", Status.NEEDS_ACCELERATION),
    ],
)
def test_range(obs: dict[int, float], label: str, status: Status) -> None:
    result = gf.assess(obs, method="range", direction="increase", low=3, high=10)
    assert (result.label, result.status) == (label, status)


def test_range_needs_bounds() -> None:
    result = gf.assess({2020: 1.0}, method="range", direction="increase")
    assert result.status is Status.NOT_ASSESSABLE
    assert (
        gf.assess({2020: 1.0}, method="range", direction="increase", low=5, high=3).reason
        == "low (5) must be below high (3)"
    )


@pytest.mark.parametrize(
    ("obs", "label"), [({2020: 0, 2021: 1}, "done"), ({2020: 1, 2021: 0}, "not_done")]
)
def test_binary(obs: dict[int, float], label: str) -> None:
    assert gf.assess(obs, method="binary", direction="increase").label == label


def test_binary_refuses_other_values() -> None:
    result = gf.assess({2020: 0.5}, method="binary", direction="increase")
    assert result.reason == "a binary target needs values 0 or 1, not 0.5 (2020)"


def test_span_periods() -> None:
    assert [str(p) for p in span_periods(Period.parse("2020Q3"), Period.parse("2021Q2"))] == [
        "2020Q3",
        "2020Q4",
        "2021Q1",
        "2021Q2",
    ]
    assert len(span_periods(Period.parse("2020-11"), Period.parse("2021-02"))) == 4
    assert len(span_periods(Period.parse("2020-02-27"), Period.parse("2020-03-01"))) == 4
    assert [str(p) for p in span_periods(Period.parse(2015), Period.parse(2017))] == [
        "2015",
        "2016",
        "2017",
    ]


GOALS = """
id: types
title: Target types
indicators:
  - id: networks
    name: Criminal networks tackled
    unit: network
    direction: increase
    target: {type: norm, value: 950, period: {start: 2015, end: 2018}}
  - id: assets
    name: Assets seized
    unit: EUR_million
    direction: increase
    target: {type: milestones, milestones: {2023: 190, 2024: 200}}
  - id: share
    name: Share in range
    unit: percent
    target: {type: range, low: 40, high: 60}
  - id: law
    name: Law adopted
    unit: dimensionless
    target: {type: binary, deadline: 2025}
"""


def test_target_types_in_goal_files(write: Write) -> None:
    framework = gf.load_framework(write("g.yaml", GOALS))
    obs = gf.observations_from_records(
        [
            {"indicator": "networks", "period": y, "value": v, "unit": "network"}
            for y, v in NETWORKS.items()
        ]
        + [
            {"indicator": "assets", "period": 2023, "value": 195, "unit": "EUR_million"},
            {"indicator": "assets", "period": 2024, "value": 205, "unit": "EUR_million"},
            {"indicator": "share", "period": 2023, "value": 0.5, "unit": "dimensionless"},
            {"indicator": "law", "period": 2024, "value": 1, "unit": "dimensionless"},
        ]
    )
    card = gf.evaluate(framework, obs, as_of=2024)
    methods = {r.id: (r.assessment.method, r.status) for r in card.indicators}
    assert methods == {
        "networks": ("norm", Status.OUTCOME_UNKNOWN),  # no figure for 2018, in the span
        "assets": ("norm", Status.ACHIEVED),  # both milestones met, the last one is over
        "share": ("range", Status.ACHIEVED),  # 0.5 converted to 50 percent
        "law": ("binary", Status.ACHIEVED),
    }
    assert "40%–60%" in card.to_markdown()  # a range of shares, with their sign


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{type: norm, value: 950}", "a norm target needs `period`"),
        ("{type: range, low: 5}", "a range target needs `high`"),
        ("{type: range, low: 5, high: 1}", "`low` (5) must be below `high` (1)"),
        ("{type: milestones}", "a milestones target needs `milestones`"),
    ],
)
def test_target_type_requirements(write: Write, target: str, message: str) -> None:
    text = (
        f"id: x\ntitle: T\nindicators:\n  - {{id: i, name: n, unit: kg, direction: "
        f"increase, target: {target}}}\n"
    )
    with pytest.raises(SpecValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        gf.load_framework(write("g.yaml", text))


def test_method_options_are_checked_when_loading(write: Write) -> None:
    base = "id: x\ntitle: T\nindicators:\n  - {id: i, name: n, unit: kg, options: %s}\n"
    with pytest.raises(SpecValidationError, match="unknown method option 'windw'"):
        gf.load_framework(write("a.yaml", base % "{windw: short}"))
    with pytest.raises(SpecValidationError, match="eurostat: option 'window'"):
        gf.load_framework(write("b.yaml", base % "{window: medium}"))
    ok = gf.load_framework(write("c.yaml", base % "{window: long, limit: 100}"))
    assert ok.indicator("i").options == {"window": "long", "limit": 100}


def test_relative_target_in_assess() -> None:
    # Cocaine seized in the port of Rotterdam: -13 % against 40,641 kg in 2020.
    obs = {2020: 40641, 2021: 70571, 2022: 46789, 2023: 45506, 2024: 25900}
    result = gf.assess(
        obs,
        direction="decrease",
        change_percent=-13,
        baseline_period=2020,
        target_period=2025,
        as_of=2024,
    )
    assert result.components["target"] == pytest.approx(40641 * 0.87)
    assert result.status is Status.ACHIEVED
    with pytest.raises(ValueError, match="relative to the baseline"):
        gf.assess(obs, direction="decrease", change_percent=-13, target_period=2025)
    with pytest.raises(ValueError, match="not both"):
        gf.assess(obs, direction="decrease", change_percent=-13, target=1, baseline_period=2020)
