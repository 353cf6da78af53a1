"""Targets as governments write them: spans, totals, percentage points, financial years,
units of their own, several targets over time and goalposts. Worked examples with the
arithmetic in the test."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import goalframe as gf
from goalframe import Period, Status
from goalframe.cli import app

from ._profile import examples

Write = Callable[[str, str], Path]

COUNTY_LINES = """
id: uk-county-lines
title: County lines
year_start: 4
units:
  - {name: county_line, aliases: [county_lines]}
objectives:
  - {id: close, statement: "Close 2,000 county lines over three years", indicators: [closed]}
indicators:
  - id: closed
    name: County lines closed
    unit: county_line
    direction: increase
    source: Home Office
    target:
      type: cumulative
      value: 2000
      period: {start: 2022/23, end: 2024/25}
      source: Home Office, county lines programme (2022)
"""


def test_uk_county_lines_2000_over_three_financial_years(write: Write) -> None:
    goals = write("goals.yaml", COUNTY_LINES)
    data = write("obs.csv", "indicator,period,value,unit\nclosed,2022/23,1300,county_lines\n")
    # After year one of three: 1,300 of 2,000 = 0.65 made; expected 1/3 = 0.333;
    # ratio 0.65 / 0.333 = 1.95 >= 0.95: on track.
    card = gf.evaluate(gf.load_framework(goals), gf.load_observations(data), as_of="2023-06-30")
    result = card.indicator("closed")
    assert (result.status, result.assessment.label) == (Status.ON_TRACK, "on_pace")
    assert result.assessment.value == pytest.approx(0.65)
    assert result.assessment.expected == pytest.approx(1 / 3)
    assert result.assessment.components["ratio"] == pytest.approx(1.95)
    assert result.indicator.goal is not None
    assert result.indicator.goal.describe() == "2,000 in total, 2022/23-2024/25"
    # The financial year 2022/23 runs April to March.
    assert str(result.series[0].period) == "2022/23"
    assert result.series[0].period.start.isoformat() == "2022-04-01"


def test_cumulative_after_the_span(write: Write) -> None:
    goals = gf.load_framework(write("goals.yaml", COUNTY_LINES))

    def card(rows: str) -> gf.IndicatorResult:
        data = write("obs.csv", "indicator,period,value,unit\n" + rows)
        return gf.evaluate(goals, gf.load_observations(data), as_of=2026).indicator("closed")

    reached = card(
        "closed,2022/23,900,county_line\nclosed,2023/24,700,county_line\n"
        "closed,2024/25,500,county_line\n"
    )
    # 900 + 700 + 500 = 2,100 >= 2,000
    assert (reached.status, reached.assessment.final) == (Status.ACHIEVED, True)
    assert reached.assessment.label == "total reached (2,100 of 2,000)"
    short = card(
        "closed,2022/23,900,county_line\nclosed,2023/24,600,county_line\n"
        "closed,2024/25,400,county_line\n"
    )
    assert (short.status, short.assessment.label) == (Status.MISSED, "missed (1,900 of 2,000)")
    gap = card("closed,2022/23,900,county_line\nclosed,2024/25,400,county_line\n")
    assert gap.status is Status.OUTCOME_UNKNOWN
    assert gap.assessment.reason == (
        "no figure in the data for 2023/24; the total so far is 1,300 of 2,000"
    )


def test_plus_ten_points_from_35_percent(write: Write) -> None:
    goals = write(
        "goals.yaml",
        "id: x\ntitle: T\nobjectives: [{id: o, statement: Raise the share to 45 % by 2025, "
        "indicators: [share]}]\nindicators:\n  - id: share\n    name: Share\n    unit: percent\n"
        "    direction: increase\n    target: {baseline: {value: 35, period: 2020}, "
        "change_points: 10, deadline: 2025}\n",
    )
    data = write(
        "obs.csv", "indicator,period,value,unit\nshare,2020,35,percent\nshare,2023,40,percent\n"
    )
    result = gf.evaluate(gf.load_framework(goals), gf.load_observations(data), as_of=2023)
    share = result.indicator("share")
    # 35 % + 10 points = 45 %. Progress (40 - 35) / (45 - 35) = 0.5; expected
    # (2023 - 2020) / (2025 - 2020) = 0.6; ratio 0.5 / 0.6 = 0.833: needs acceleration.
    assert share.target == 45
    assert share.assessment.components["ratio"] == pytest.approx(0.8333, abs=1e-4)
    assert share.status is Status.NEEDS_ACCELERATION
    assert "target = baseline + 10 points = 35 + 10 = 45" in result.explain("share")
    # change_percent: 10 on a percentage would have meant 38.5 %: lint says so.
    relative = write(
        "rel.yaml",
        (goals.read_text(encoding="utf-8")).replace("change_points: 10", "change_percent: 10"),
    )
    findings = gf.lint(gf.load_framework(relative))
    m015 = [f for f in findings if f.code == "M015"]
    assert m015 and "35 % x 1.1 = 38.5 %" in m015[0].message
    assert "35 % + 10 = 45 %" in m015[0].message


def test_a_units_section_used_by_the_command_line_alone(write: Write) -> None:
    goals = write("goals.yaml", COUNTY_LINES)
    data = write("obs.csv", "indicator,period,value,unit\nclosed,2022/23,1300,county_line\n")
    result = CliRunner().invoke(
        app, ["scorecard", str(goals), "-d", str(data), "--as-of", "2023-06-30", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    card = json.loads(result.stdout)
    assert card["indicators"][0]["status"] == "on_track"
    clash = write("clash.yaml", COUNTY_LINES.replace("{name: county_line,", "{name: kg,"))
    bad = CliRunner().invoke(app, ["validate", str(clash)])
    assert bad.exit_code == 2 and f"{clash}:5:5: units[0]" in bad.stderr
    assert "clashes with a unit pint already knows" in bad.stderr


@pytest.mark.parametrize(
    ("text", "start", "label"),
    [
        ("2022/23", "2022-04-01", "2022/23"),
        ("2022-23", "2022-04-01", "2022/23"),
        ("FY2023", "2022-04-01", "FY2023"),
        ("2020-M03", "2020-03-01", "2020-03"),
        ("2020-A1", "2020-01-01", "2020"),
        ("2020-Q2", "2020-04-01", "2020Q2"),
    ],
)
def test_financial_years_and_sdmx_periods(text: str, start: str, label: str) -> None:
    period = Period.parse(text)
    assert (period.start.isoformat(), str(period)) == (start, label)


def test_the_year_start_is_the_goal_files(write: Write) -> None:
    us = COUNTY_LINES.replace("year_start: 4", "year_start: 10")
    goals = gf.load_framework(write("goals.yaml", us))
    goal = goals.indicator("closed").goal
    assert goal is not None and goal.base_period is not None
    # With October starts, 2022/23 runs from October 2022 to September 2023 (US FY2023).
    assert goal.base_period.start.isoformat() == "2022-10-01"
    data = write("obs.csv", "indicator,period,value,unit\nclosed,2022/23,1300,county_line\n")
    # (As of 2023-09-30: the financial year 2022/23 has just ended, so its figure was known.)
    card = gf.evaluate(goals, gf.load_observations(data), as_of="2023-09-30")
    # Observations read with the default (April) are re-read with the goal file's October.
    assert card.indicator("closed").series[0].period.start.isoformat() == "2022-10-01"


def test_several_targets_and_the_one_in_force(write: Write) -> None:
    goals = write(
        "goals.yaml",
        """
        id: x
        title: T
        objectives: [{id: o, statement: Tackle networks, indicators: [n]}]
        indicators:
          - id: n
            name: Networks
            unit: network
            direction: increase
            targets:
              - {type: norm, value: 950, period: {start: 2015, end: 2018}}
              - {type: norm, value: 1370, period: {start: 2020, end: 2021}}
              - type: norm
                value: 1530
                period: {start: 2023, end: 2026}
                history:
                  - {value: 950, set: 2014, source: Veiligheidsagenda}
                  - {value: 1370, set: 2020}
        """,
    )
    rows = [(2015, 1188), (2016, 1369), (2017, 1361), (2018, 1400), (2020, 1529), (2021, 1400)]
    data = write(
        "obs.csv",
        "indicator,period,value,unit\n" + "".join(f"n,{y},{v},network\n" for y, v in rows),
    )
    framework = gf.load_framework(goals)
    card = gf.evaluate(framework, gf.load_observations(data), as_of=2022)
    result = card.indicator("n")
    # In 2022 the 2023-2026 norm is to come; the 2020-2021 one (1,529 and 1,400 >= 1,370) is
    # the last one over: it is the one in force, met; 950 (2015-2018) met every year.
    roles = [(o.goal.describe(), o.role, o.assessment.status) for o in result.targets]
    assert roles == [
        ("at least 950 a year, 2015-2018", "earlier", Status.ACHIEVED),
        ("at least 1,370 a year, 2020-2021", "in force", Status.ACHIEVED),
        ("at least 1,530 a year, 2023-2026", "to come", Status.NOT_ASSESSABLE),
    ]
    assert result.status is Status.ACHIEVED
    later = gf.evaluate(framework, gf.load_observations(data), as_of=2024).indicator("n")
    assert later.targets[2].role == "in force"
    assert later.indicator.goal is not None
    assert later.indicator.goal.goalposts() == (
        "950 (set 2014, Veiligheidsagenda) -> 1,370 (set 2020) -> 1,530 now"
    )
    text = gf.evaluate(framework, gf.load_observations(data), as_of=2024).to_markdown()
    assert "Goalposts: 950 (set 2014, Veiligheidsagenda)" in text
    assert "at least 950 a year, 2015-2018 (earlier): achieved" in text
    dutch = gf.evaluate(framework, gf.load_observations(data), as_of=2024).to_markdown(lang="nl")
    assert "Verschoven doelen: 950 (vastgesteld 2014, Veiligheidsagenda)" in dutch
    assert "1.530 nu" in dutch  # a Dutch thousands point
    assert "ten minste 950 per jaar, 2015-2018 (eerder): behaald" in dutch


def test_target_and_targets_together_are_refused(write: Write) -> None:
    goals = write(
        "goals.yaml",
        "id: x\ntitle: T\nindicators:\n  - {id: n, name: N, unit: kg, direction: increase, "
        "target: {value: 5, deadline: 2026}, targets: [{value: 6, deadline: 2027}]}\n",
    )
    with pytest.raises(gf.SpecError, match="not both"):
        gf.load_framework(goals)


# --- The JSON Schema and the loader agree -------------------------------------------------------

periods = st.sampled_from([2015, 2018, "2020Q1", "2021-03", "2019/20", "FY2022", "2022-06-30"])
numbers = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    target_kind = draw(st.sampled_from(["trajectory", "points", "norm", "cumulative", "several"]))
    base = draw(st.floats(1, 1e6))
    step = draw(st.floats(1, 1e5))
    trajectory = {
        "baseline": {"value": base, "period": 2015},
        "value": base + step,
        "deadline": 2030,
        "provenance": draw(st.sampled_from(["official", "proposed", "illustrative"])),
        "note": "n",
        "history": [{"value": base + step / 2, "set": draw(periods)}],
    }
    target: dict[str, Any]
    if target_kind == "trajectory":
        target = {"target": trajectory}
    elif target_kind == "points":
        target = {
            "target": {
                "baseline": {"value": base, "period": 2015},
                "change_points": step,
                "deadline": 2030,
            }
        }
    elif target_kind == "norm":
        target = {"target": {"type": "norm", "value": base, "period": {"start": 2015, "end": 2020}}}
    elif target_kind == "cumulative":
        target = {
            "target": {
                "type": "cumulative",
                "value": base,
                "period": {"start": "2019/20", "end": "2022/23"},
            }
        }
    else:
        target = {
            "targets": [
                trajectory,
                {"type": "norm", "value": base, "period": {"start": 2031, "end": 2033}},
            ]
        }
    return {
        "id": "doc",
        "title": draw(
            st.text(
                st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
                min_size=1,
                max_size=20,
            )
        ).strip()
        or "T",
        "year_start": draw(st.sampled_from([None, 4, 7, 10])),
        "units": [{"name": "county_line", "aliases": ["county_lines"]}],
        "objectives": [{"id": "o", "statement": "S", "indicators": ["i"], "note": "n"}],
        "indicators": [
            {"id": "i", "name": "I", "unit": "county_line", "direction": "increase", **target}
        ],
    }


@settings(max_examples=examples(60))
@given(documents())
def test_documents_round_trip_and_validate_against_the_published_schema(
    document: dict[str, Any],
) -> None:
    import jsonschema

    from goalframe.render.json import goal_file_schema

    if document["year_start"] is None:
        del document["year_start"]
    schema = json.loads(goal_file_schema())
    jsonschema.validate(document, schema)  # what the loader accepts, the schema accepts
    first = gf.parse_framework(json.dumps(document), format="json")
    dumped = gf.dump_framework(first)
    second = gf.parse_framework(dumped)
    assert second.spec == first.spec
    jsonschema.validate(json.loads(gf.dump_framework(second, format="json")), schema)


def test_the_bundled_examples_validate_against_the_schema() -> None:
    import jsonschema
    import yaml

    from goalframe.render.json import goal_file_schema

    schema = json.loads(goal_file_schema())
    root = Path(__file__).parent.parent / "examples" / "nl-drug-policy"
    for name in ("goals.yaml", "goals-as-written.yaml"):
        document = yaml.safe_load((root / name).read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(json.dumps(document, default=str)), schema)
