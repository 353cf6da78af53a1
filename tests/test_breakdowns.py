"""Every breakdown a series: ``by:`` assesses each group against the indicator's target.

The worked example is the bundled regional card: cannabis plantations dismantled by each
police unit, 2016-2020 (published figures), with an illustrative target of 5 % more in 2020
than in 2019, resolved per unit from its own 2019 figure.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalframe as gf
from goalframe.schema import FrameworkSpec

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nl-drug-policy"


@pytest.fixture(scope="module")
def regional() -> gf.Scorecard:
    return gf.evaluate(
        gf.load_framework(EXAMPLE / "goals-regional.yaml"),
        gf.load_observations(EXAMPLE / "observations.csv"),
        as_of="2026",
    )


def _group(card: gf.Scorecard, label: str) -> gf.GroupResult:
    result = card.indicator("cannabis_plantations_dismantled")
    return next(g for g in result.groups if g.label == label)


def test_each_police_unit_is_assessed_from_its_own_baseline(regional: gf.Scorecard) -> None:
    result = regional.indicator("cannabis_plantations_dismantled")
    assert len(result.groups) == 11
    # Rotterdam: 576 in 2019, target 576 x 1.05 = 604.8; 636 in 2020 >= 604.8: achieved.
    rotterdam = _group(regional, "Rotterdam")
    assert rotterdam.goal is not None and rotterdam.goal.baseline is not None
    assert rotterdam.goal.baseline.value == 576
    assert rotterdam.goal.target == pytest.approx(604.8)
    assert rotterdam.status is gf.Status.ACHIEVED and rotterdam.assessment.final
    # Amsterdam: 176 in 2019, target 184.8; 158 in 2020 < 184.8: missed, and it fell.
    amsterdam = _group(regional, "Amsterdam")
    assert amsterdam.goal is not None and amsterdam.goal.target == pytest.approx(184.8)
    assert amsterdam.status is gf.Status.MISSED
    assert amsterdam.assessment.label == "missed, moved away"
    # The headline is still the national figure (select: {region: NL}): 3,635 x 1.05.
    assert result.breakdown == (("region", "NL"),)
    assert result.target == pytest.approx(3816.75)
    assert result.status is gf.Status.MISSED
    met = sorted(g.label for g in result.groups if g.status is gf.Status.ACHIEVED)
    assert met == ["Landelijke Eenheid", "Rotterdam"]


def test_a_caveat_of_one_group_is_that_groups(regional: gf.Scorecard) -> None:
    # Noord-Holland's 2019 (325) sits between 281 and 226: a local peak of its own series.
    codes = {c.code for c in _group(regional, "Noord-Holland").caveats}
    assert "baseline-extreme" in codes
    assert "baseline-extreme" not in {c.code for c in _group(regional, "Amsterdam").caveats}


def test_the_gap_between_best_and_worst_unit(regional: gf.Scorecard) -> None:
    gap = regional.indicator("cannabis_plantations_dismantled").gap
    assert gap is not None
    assert (str(gap.period), gap.groups) == ("2020", 11)
    assert (gap.best, gap.best_value) == ((("region", "Rotterdam"),), 636)
    assert (gap.worst, gap.worst_value) == ((("region", "Landelijke Eenheid"),), 2)
    assert gap.size == 634


def test_a_verdict_per_region(regional: gf.Scorecard) -> None:
    verdicts = {g.label: g.objectives[0].status for g in regional.groups}
    assert len(verdicts) == 11
    assert verdicts["Rotterdam"] is gf.Status.ACHIEVED
    assert verdicts["Den Haag"] is gf.Status.MISSED
    assert {g.objectives[0].id for g in regional.groups} == {"enforcement-effort"}


def test_no_plantation_row_is_set_aside(regional: gf.Scorecard) -> None:
    # The national card sets the 55 police-unit rows aside; the regional card uses them all.
    assert not [s for s in regional.set_aside if s.indicator == "cannabis_plantations_dismantled"]
    data = gf.load_observations(EXAMPLE / "observations.csv")
    national = gf.evaluate(gf.load_framework(EXAMPLE / "goals.yaml"), data)
    aside = [s for s in national.set_aside if s.indicator == "cannabis_plantations_dismantled"]
    assert len(aside) == 55 and not national.indicator("cannabis_plantations_dismantled").groups


def test_every_output_shows_the_matrix(regional: gf.Scorecard) -> None:
    text = regional.to_text(width=100)
    assert "Verdicts by police unit" in text and "Zeeland-West-Brabant" in text
    assert "Gap 2020: best Rotterdam 636, worst Landelijke Eenheid 2" in text
    markdown = regional.to_markdown()
    assert "| Rotterdam | 576 (2019) | 636 (2020) | 604.8 (2020) |" in markdown
    assert "| Rotterdam | ✔ achieved | ✔ achieved |" in markdown
    page = regional.to_html()
    assert '<table class="matrix">' in page and 'class="s-achieved">✔ achieved' in page
    dutch = regional.to_text(width=100, lang="nl")
    assert "Oordelen per politie-eenheid" in dutch and "Verschil 2020" in dutch
    rows = list(csv.DictReader(io.StringIO(regional.to_csv())))
    groups = [r for r in rows if r["record"] == "group"]
    assert len(groups) == 11
    rotterdam = next(r for r in groups if r["group"] == "region=Rotterdam")
    assert (rotterdam["status"], rotterdam["baseline"], rotterdam["target"]) == (
        "achieved",
        "576.0",
        "604.8",
    )


def test_the_json_card_has_the_groups_and_validates(regional: gf.Scorecard) -> None:
    import jsonschema

    from goalframe.render.json import scorecard_schema

    data = json.loads(regional.to_json())
    schema = json.loads(scorecard_schema())
    jsonschema.validate(data, schema)
    indicator = data["indicators"][0]
    assert indicator["by"] == ["region"] and len(indicator["groups"]) == 11
    first = indicator["groups"][0]
    assert first["group"] == {"region": "Amsterdam"} and first["status"] == "missed"
    assert indicator["gap"]["best"] == {"region": "Rotterdam"}
    assert {g["label"] for g in data["groups"]} >= {"Rotterdam", "Amsterdam"}


# --- the rules, on small frameworks ----------------------------------------------------------


def _framework(target: dict[str, Any], **indicator: Any) -> gf.Framework:
    spec = {
        "id": "t",
        "title": "T",
        "objectives": [{"id": "o", "statement": "O", "indicators": ["x"]}],
        "indicators": [
            {
                "id": "x",
                "name": "X",
                "unit": "percent",
                "direction": "increase",
                "target": target,
                **indicator,
            }
        ],
    }
    return gf.compile_framework(FrameworkSpec.model_validate(spec))


def _rows(rows: list[tuple[dict[str, str], int, float]]) -> gf.ObservationSet:
    return gf.observations_from_records(
        [
            {"indicator": "x", "period": p, "value": v, "unit": "percent", **cells}
            for cells, p, v in rows
        ]
    )


def test_points_and_absolute_targets_per_group() -> None:
    rows = [
        ({}, 2020, 40),
        ({}, 2024, 44),
        ({"region": "N"}, 2020, 30),
        ({"region": "N"}, 2024, 36),
        ({"region": "S"}, 2024, 50),  # no figure for the baseline period
    ]
    points = {"baseline": {"value": 40, "period": 2020}, "change_points": 10, "deadline": 2030}
    card = gf.evaluate(_framework(points, by=["region"]), _rows(rows), as_of="2024")
    north, south = card.indicator("x").groups
    # N: 30 + 10 points = 40 by 2030; 6 of 10 points made in 4 of 10 years: on track.
    assert north.goal is not None and north.goal.target == 40
    assert north.assessment.value == pytest.approx(0.6)
    assert north.status is gf.Status.ON_TRACK
    assert south.status is gf.Status.NOT_ASSESSABLE
    assert south.assessment.reason == "this series has no figure for the baseline period 2020"
    # An absolute target stays as written: 60 for every group, from each one's own baseline.
    absolute = {"baseline": {"value": 40, "period": 2020}, "value": 60, "deadline": 2030}
    card = gf.evaluate(_framework(absolute, by=["region"]), _rows(rows), as_of="2024")
    north = card.indicator("x").groups[0]
    assert north.goal is not None and north.goal.target == 60
    assert north.goal.baseline is not None and north.goal.baseline.value == 30


def test_two_by_columns_and_a_fixed_select() -> None:
    rows = [
        ({"sex": "T", "region": "NL"}, 2020, 40),
        ({"sex": "T", "region": "NL"}, 2022, 42),
        ({"sex": "F", "region": "N"}, 2020, 30),
        ({"sex": "F", "region": "N"}, 2022, 35),
        ({"sex": "M", "region": "N"}, 2022, 33),
        ({"age": "young", "sex": "F", "region": "N"}, 2022, 20),  # another breakdown
    ]
    target = {"baseline": {"value": 40, "period": 2020}, "change_percent": 25, "deadline": 2030}
    fw = _framework(target, select={"sex": "T", "region": "NL"}, by=["region", "sex"])
    card = gf.evaluate(fw, _rows(rows), as_of="2022")
    result = card.indicator("x")
    assert [g.group for g in result.groups] == [
        (("region", "N"), ("sex", "F")),
        (("region", "N"), ("sex", "M")),
    ]
    assert [g.label for g in result.groups] == ["N, F", "N, M"]
    (aside,) = card.set_aside
    assert aside.value == "20" and "breakdown not assessed" in aside.reason


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "A", "B", "C"]),
            st.sampled_from(["", "F", "M"]),
            st.integers(2015, 2024),
            st.floats(-100, 100, allow_nan=False),
        ),
        max_size=40,
        unique_by=lambda r: (r[0], r[1], r[2]),
    )
)
def test_every_row_is_used_or_set_aside(rows: list[tuple[str, str, int, float]]) -> None:
    records = [
        {"indicator": "x", "region": r, "sex": s, "period": p, "value": v, "unit": "percent"}
        for r, s, p, v in rows
    ]
    target = {"baseline": {"value": 1, "period": 2015}, "value": 5, "deadline": 2030}
    card = gf.evaluate(
        _framework(target, by=["region"]), gf.observations_from_records(records), as_of="2024"
    )
    result = card.indicator("x")
    used = len(result.series) + sum(len(g.series) for g in result.groups)
    assert used + len(card.set_aside) == len(rows)
    # A group is every region with a row of blank sex; the headline is blank region and sex.
    assert {g.label for g in result.groups} == {r for r, s, _, _ in rows if r and not s}


def test_by_on_the_command_line_for_a_one_off() -> None:
    from typer.testing import CliRunner

    from goalframe.cli import app

    args = [
        "scorecard",
        str(EXAMPLE / "goals.yaml"),
        "--data",
        str(EXAMPLE / "observations.csv"),
        "--by",
        "region",
        "--format",
        "markdown",
    ]
    ended = CliRunner().invoke(app, args, env={"SOURCE_DATE_EPOCH": "1795824000"})
    assert ended.exit_code == 0, ended.output
    # The national target's baseline year (2015) has no police-unit figures: each unit is
    # not assessable, with no borrowed national baseline shown.
    assert (
        "| Amsterdam | – | 158 (2020) | 6,000 (2025) | – | ↓✗ | ? not assessable |" in ended.stdout
    )
    twice = CliRunner().invoke(app, [*args, "--by", "region"])
    assert twice.exit_code == 2 and "more than once" in twice.output


def test_explain_one_group_with_its_own_numbers(regional: gf.Scorecard) -> None:
    text = regional.explain("cannabis_plantations_dismantled", group="Rotterdam")
    # 576 x 1.05 = 604.8; 636 in 2020 meets it: achieved at the deadline.
    assert "group: Rotterdam" in text
    assert "target = baseline x (1 + 0.05) = 576 x 1.05 = 604.8" in text
    assert "verdict: achieved (met_at_deadline)" in text
    assert "baseline_from = the series' own figure for the baseline period" in text
    same = regional.explain("cannabis_plantations_dismantled", group="region=Rotterdam")
    assert same == text
    with pytest.raises(KeyError, match="did you mean 'Rotterdam'"):
        regional.explain("cannabis_plantations_dismantled", group="Roterdam")
    dutch = regional.explain("cannabis_plantations_dismantled", group="Rotterdam", lang="nl")
    assert "groep: Rotterdam" in dutch and "oordeel: behaald" in dutch


def test_a_group_may_have_a_target_of_its_own() -> None:
    text = (EXAMPLE / "goals-regional.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "      change_percent: 5\n",
        "      change_percent: 5\n      groups: {Rotterdam: 700, Amsterdm: 150}\n",
    )
    framework = gf.parse_framework(text, name="regional.yaml")
    card = gf.evaluate(framework, gf.load_observations(EXAMPLE / "observations.csv"), as_of=2026)
    result = card.indicator("cannabis_plantations_dismantled")
    rotterdam = next(g for g in result.groups if g.label == "Rotterdam")
    # Rotterdam's own target, 700: 636 in 2020 falls short of it (with 5 %, 604.8, it met it).
    assert rotterdam.goal is not None and rotterdam.goal.target == 700
    assert rotterdam.status is gf.Status.MISSED
    amsterdam = next(g for g in result.groups if g.label == "Amsterdam")
    assert amsterdam.goal is not None and amsterdam.goal.target == pytest.approx(184.8)
    (unused,) = [c for c in result.caveats if c.code == "group-target-unused"]
    assert "'Amsterdm' (did you mean 'Amsterdam'?)" in unused.message
    pd = pytest.importorskip("pandas")
    frame = gf.evaluate_frame(framework, pd.read_csv(EXAMPLE / "observations.csv"), as_of=2026)
    table = frame.results.set_index("region")
    assert table.loc["Rotterdam", "status"] == "missed" and table.loc["Rotterdam", "target"] == 700
    assert set(table["engine"]) == {"reference"}  # own group values have no frame form


def test_compact_json_has_the_same_figures_and_validates(tmp_path: Path) -> None:
    import jsonschema
    from typer.testing import CliRunner

    from goalframe.cli import app
    from goalframe.render.json import scorecard_schema

    out = tmp_path / "card.json"
    args = ["scorecard", str(EXAMPLE / "goals-regional.yaml"), "--data"]
    args += [str(EXAMPLE / "observations.csv"), "--as-of", "2026", "-o", str(out), "--compact"]
    ended = CliRunner().invoke(app, args)
    assert ended.exit_code == 0, ended.output
    compact = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(scorecard_schema())
    jsonschema.validate(compact, schema)
    full = gf.evaluate(
        gf.load_framework(EXAMPLE / "goals-regional.yaml"),
        gf.load_observations(EXAMPLE / "observations.csv"),
        as_of=2026,
    ).to_dict()
    mine, theirs = compact["indicators"][0], full["indicators"][0]
    assert mine["series"]["values"] == [p["value"] for p in theirs["series"]]
    assert mine["series"]["periods"] == [p["period"] for p in theirs["series"]]
    rotterdam = next(g for g in mine["groups"] if g["label"] == "Rotterdam")
    assert rotterdam["series"]["values"] == [634, 550, 507, 576, 636]  # 2016-2020, as published
    # Even with five points a series, it is well under the indented layout's size.
    assert len(out.read_bytes()) < 0.7 * len(json.dumps(full, indent=2))


def test_a_by_column_the_data_do_not_have_is_said() -> None:
    rows = [({}, 2020, 40), ({"region": "N"}, 2020, 30), ({"region": "N"}, 2024, 36)]
    target = {"baseline": {"value": 40, "period": 2020}, "change_points": 10, "deadline": 2030}
    card = gf.evaluate(_framework(target, by=["regio"]), _rows(rows), as_of="2024")
    result = card.indicator("x")
    assert result.groups == ()
    (absent,) = [c for c in result.caveats if c.code == "by-column-absent"]
    assert "'regio'; did you mean 'region'?" in absent.message
