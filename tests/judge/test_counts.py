"""The counts an audit report is built from: every due target counts, roll-ups never flatter.

Worked examples in the shapes an audit office meets, with the arithmetic in the test, and
properties over generated parts and series.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goalframe as gf
from goalframe import Status
from goalframe._evaluate._rollup import _combine, _Part, _Target, _with_counts

from .._profile import examples
from ..test_cli import run
from ._helpers import Write, framework, records

ROAD_DEATHS = {
    "id": "deaths",
    "name": "Road deaths",
    "unit": "person",
    "direction": "decrease",
    "targets": [
        {
            "baseline": {"value": 750, "period": 2010},
            "value": 500,
            "deadline": 2020,
            "provenance": "official",
            "source": {"name": "Strategisch Plan Verkeersveiligheid"},
        },
        {
            "baseline": {"value": 661, "period": 2019},
            "value": 330,
            "deadline": 2030,
            "provenance": "illustrative",
            "note": "the EU's halving, applied here for illustration",
        },
    ],
}


def test_a_missed_official_target_counts_beside_an_illustrative_one_in_force() -> None:
    # At most 500 deaths in 2020 (official), 610 in 2020: missed. The illustrative EU halving
    # by 2030 is in force as of 2020 and not due. The objective is missed, never on track.
    rows = [("deaths", 2010, 750), ("deaths", 2015, 621), ("deaths", 2019, 661),
            ("deaths", 2020, 610)]  # fmt: skip
    card = gf.evaluate(framework([ROAD_DEATHS]), records(rows, unit="person"), as_of=2020)
    result = card.indicator("deaths")
    assert [t.role for t in result.targets] == ["earlier", "in force"]
    assert result.targets[0].assessment.status is Status.MISSED
    top = card.objective("all")
    assert top.status is Status.MISSED
    assert (top.met, top.missed, top.unknown, top.due, top.not_due) == (0, 1, 0, 1, 1)
    counts = card.target_counts
    assert list(counts) == ["official", "illustrative"]  # official first
    assert (counts["official"].missed, counts["official"].due) == (1, 1)
    assert (counts["illustrative"].due, counts["illustrative"].not_due) == (0, 1)
    data = card.to_dict()
    assert data["targets"]["official"] == {
        "met": 0, "missed": 1, "unknown": 0, "due": 1, "not_due": 0,
    }  # fmt: skip
    assert data["objectives"][0]["due"] == 1
    text = card.to_text(width=120)
    assert "official: met 0 of 1 due (1 missed)" in text
    assert "illustrative: none due yet; 1 not yet due" in text
    # The count of targets due is read first, before the verdicts of the targets in force.
    assert text.index("Targets: official") < text.index("Verdicts of the targets in force")
    assert "official: met 0 of 1 due (1 missed)" in card.to_html()


def test_fail_on_missed_trips_on_an_earlier_official_target(write: Write) -> None:
    import yaml

    goals = write(
        "goals.yaml",
        yaml.safe_dump({"id": "t", "title": "T", "indicators": [ROAD_DEATHS]}, sort_keys=False),
    )
    data = write(
        "data.csv", "indicator,period,value,unit\ndeaths,2010,750,person\ndeaths,2020,610,person\n"
    )
    code, _, err = run("scorecard", goals, "--data", data, "--as-of", "2020", "--fail-on", "missed")
    assert code == 1
    assert "deaths" in err


def _indicator(ident: str, baseline: int, target: int, deadline: int, **extra: Any) -> Any:
    return {
        "id": ident,
        "name": ident,
        "unit": "case",
        "direction": "increase",
        "target": {"baseline": {"value": baseline, "period": 2015}, "value": target,
                   "deadline": deadline},
        **extra,
    }  # fmt: skip


def test_met_one_of_four_due_with_two_unknown() -> None:
    # Read as of 2022: a met (2020: 12 >= 10), b missed (2020: 6 < 10), c and d have no figure
    # for 2020 (outcome unknown), e runs to 2030. Met 1 of 4 due (1 missed, 2 unknown); 1 not
    # yet due; the objective is missed (a missed part), not final (e still runs), no score
    # beside unknown parts.
    indicators = [
        _indicator("a", 5, 10, 2020),
        _indicator("b", 5, 10, 2020),
        _indicator("c", 5, 10, 2020),
        _indicator("d", 5, 10, 2020),
        _indicator("e", 5, 10, 2030),
    ]
    rows = [
        ("a", 2015, 5), ("a", 2020, 12), ("b", 2015, 5), ("b", 2020, 6),
        ("c", 2015, 5), ("c", 2019, 9), ("d", 2015, 5), ("e", 2015, 5), ("e", 2021, 7),
    ]  # fmt: skip
    card = gf.evaluate(framework(indicators), records(rows, unit="case"), as_of=2022)
    assert [card.indicator(i).status for i in "abcde"] == [
        Status.ACHIEVED, Status.MISSED, Status.OUTCOME_UNKNOWN, Status.OUTCOME_UNKNOWN,
        Status.ON_TRACK,
    ]  # fmt: skip
    top = card.objective("all")
    assert (top.met, top.missed, top.unknown, top.due, top.not_due) == (1, 1, 2, 4, 1)
    assert (top.status, top.final, top.score) == (Status.MISSED, False, None)
    assert "met 1 of 4 due (1 missed, 2 unknown); 1 not yet due" in card.to_markdown()


def test_an_unknown_part_keeps_the_objective_from_achieved() -> None:
    # One achieved, one whose deadline passed without a figure: "met 1 of 1, score 4.00" once
    # read as full success; now outcome unknown, met 1 of 2 due, no score.
    indicators = [_indicator("a", 5, 10, 2020), _indicator("c", 5, 10, 2020)]
    rows = [("a", 2015, 5), ("a", 2020, 12), ("c", 2015, 5)]
    card = gf.evaluate(framework(indicators), records(rows, unit="case"), as_of=2022)
    top = card.objective("all")
    assert (top.status, top.final, top.score) == (Status.OUTCOME_UNKNOWN, True, None)
    assert (top.met, top.unknown, top.due) == (1, 1, 2)


def test_a_missed_child_makes_the_parent_missed_under_the_mean_rule() -> None:
    # rollup: mean. The child "old" is missed (rank 0); the sibling runs on track (rank 3).
    # The mean 1.5 once read back as "moving away" though nothing moved away: now missed.
    spec = {
        "id": "t",
        "title": "T",
        "rollup": "mean",
        "objectives": [
            {"id": "top", "statement": "Top"},
            {"id": "old", "statement": "Old", "parent": "top", "indicators": ["a"]},
            {"id": "new", "statement": "New", "parent": "top", "indicators": ["e"]},
        ],
        "indicators": [_indicator("a", 5, 10, 2020), _indicator("e", 5, 10, 2030)],
    }
    from goalframe.schema import FrameworkSpec

    fw = gf.compile_framework(FrameworkSpec.model_validate(spec))
    rows = [("a", 2015, 5), ("a", 2020, 6), ("e", 2015, 5), ("e", 2021, 7)]
    card = gf.evaluate(fw, records(rows, unit="case"), as_of=2022)
    assert card.objective("old").status is Status.MISSED
    top = card.objective("top")
    assert top.status is Status.MISSED
    assert (top.missed, top.due, top.not_due, top.final) == (1, 1, 1, False)


def test_a_break_after_the_deadline_leaves_the_verdict_closed() -> None:
    # 10 by 2019 from 5 (2015). 2019: 12 (met). A break flagged in 2020 (the count widened)
    # once rebased the series at 2020 and turned the verdict into "outcome unknown" with "no
    # figure yet for 2019". The figures after the deadline are for later targets only.
    met = [("x", 2015, 5.0, ""), ("x", 2019, 12.0, ""), ("x", 2020, 3.0, "break")]
    missed = [("x", 2015, 5.0, ""), ("x", 2019, 8.0, ""), ("x", 2021, 30.0, "break")]
    for rows, status, deciding in ((met, Status.ACHIEVED, 12.0), (missed, Status.MISSED, 8.0)):
        observations = gf.observations_from_records(
            [{"indicator": i, "period": p, "value": v, "unit": "case", "flag": f or None}
             for i, p, v, f in rows]
        )  # fmt: skip
        card = gf.evaluate(framework([_indicator("x", 5, 10, 2019)]), observations, as_of=2022)
        a = card.indicator("x").assessment
        assert (a.status, a.final) == (status, True)
        assert "series-break" not in {c.code for c in a.caveats}
        assert a.components.get("latest") == deciding or a.value is not None


# --- Properties -------------------------------------------------------------------------------

RUNNING = [Status.ON_TRACK, Status.NEEDS_ACCELERATION, Status.INSUFFICIENT_PROGRESS,
           Status.MOVING_AWAY]  # fmt: skip
FINAL = [Status.ACHIEVED, Status.MISSED, Status.OUTCOME_UNKNOWN]
parts = st.lists(
    st.one_of(
        st.builds(lambda s, w: _Part(status=s, weight=w, final=False, effort_only=False),
                  st.sampled_from([*RUNNING, Status.ACHIEVED, Status.OUTCOME_UNKNOWN]),
                  st.sampled_from([0.5, 1.0, 3.0])),
        st.builds(lambda s, w: _Part(status=s, weight=w, final=True, effort_only=False),
                  st.sampled_from(FINAL), st.sampled_from([0.5, 1.0, 3.0])),
    ),
    min_size=1,
    max_size=6,
)  # fmt: skip


@settings(max_examples=examples(400))
@given(parts=parts, rule=st.sampled_from(list(gf.schema.RollUp)))
def test_a_parent_never_flatters_and_never_invents(parts: list[_Part], rule: Any) -> None:
    objective = framework([_indicator("a", 5, 10, 2020)]).objectives[0]
    result = _combine(objective, parts, rule, 0)
    statuses = {p.status for p in parts}
    # Never a status none of its parts has (all_achieved says "insufficient progress" of a
    # whole not yet achieved: its one status of its own).
    assert result.status in statuses or (
        rule is gf.schema.RollUp.ALL_ACHIEVED and result.status is Status.INSUFFICIENT_PROGRESS
    )
    # Never more positive than the most negative decided part allows.
    if Status.MISSED in statuses:
        assert result.status is Status.MISSED
    elif Status.OUTCOME_UNKNOWN in statuses:
        assert result.status is Status.OUTCOME_UNKNOWN
        assert result.score is None
    if result.status is Status.ACHIEVED:
        assert statuses == {Status.ACHIEVED}
    ranked = [p.status.rank for p in parts if p.status.rank is not None]
    if result.status.rank is not None and result.status is not Status.ACHIEVED:
        assert result.status.rank <= max(ranked)
    assert result.final == all(p.final for p in parts)


@settings(max_examples=examples(300))
@given(
    statuses=st.lists(
        st.tuples(st.sampled_from([*RUNNING, *FINAL]), st.booleans()), min_size=0, max_size=8
    )
)
def test_the_count_is_the_count_of_the_due_parts(statuses: list[tuple[Status, bool]]) -> None:
    objective = framework([_indicator("a", 5, 10, 2020)]).objectives[0]
    # After its deadline a target is achieved, missed or unknown (the judge's rule); before
    # it, any status, outcome unknown included (a norm year due without a figure).
    targets = [
        _Target(key=("i", k), status=s, final=s in FINAL and final)
        for k, (s, final) in enumerate(statuses)
    ]
    base = _combine(objective, [_Part(status=Status.ON_TRACK, weight=1, final=False,
                                      effort_only=False)], gf.schema.RollUp.MEAN, 0)  # fmt: skip
    counted = _with_counts(base, targets)
    due = [t for t in targets if t.final]
    assert counted.due == len(due) == (counted.met or 0) + counted.missed + counted.unknown
    assert counted.not_due == len(targets) - len(due)
    assert counted.missed == sum(t.status is Status.MISSED for t in due)
    assert counted.met == (sum(t.status is Status.ACHIEVED for t in due) if due else None)


@settings(max_examples=examples(200))
@given(
    method=st.sampled_from(["trajectory", "okr", "unsd", "eurostat", "open-sdg", "escap"]),
    values=st.lists(st.floats(1, 100), min_size=2, max_size=5),
    later=st.lists(
        st.tuples(st.floats(-50, 500), st.sampled_from(["", "break", "revised", "approx"])),
        min_size=1,
        max_size=4,
    ),
    direction=st.sampled_from(["increase", "decrease"]),
)
def test_figures_after_a_deadline_never_change_its_final_verdict(
    method: str, values: list[float], later: list[tuple[float, str]], direction: str
) -> None:
    # Target 50 by 2019, figures 2015-2019; then figures for 2020 on, any flags, breaks too.
    indicator = {
        "id": "x", "name": "X", "unit": "case", "direction": direction, "method": method,
        "target": {"baseline": {"value": values[0], "period": 2015}, "value": 50,
                   "deadline": 2019},
    }  # fmt: skip
    try:
        fw = framework([indicator])
    except gf.SpecError:
        return  # a target the goal file refuses (equal to the baseline, the wrong way)
    years = range(2015, 2015 + len(values))
    before = [{"indicator": "x", "period": y, "value": v, "unit": "case"}
              for y, v in zip(years, values, strict=False)]  # fmt: skip
    after = [{"indicator": "x", "period": 2020 + k, "value": v, "unit": "case", "flag": f or None}
             for k, (v, f) in enumerate(later)]  # fmt: skip
    first = gf.evaluate(fw, gf.observations_from_records(before), as_of=2030)
    again = gf.evaluate(fw, gf.observations_from_records(before + after), as_of=2030)
    a, b = first.indicator("x").assessment, again.indicator("x").assessment
    assert a.final and b.final
    assert (a.status, a.label, a.value) == (b.status, b.label, b.value)


def test_the_deciding_figure_stands_beside_a_final_verdict_on_every_card() -> None:
    # 10 by 2020 from 5: figures 12 (2020), 3 (2021), 2 (2022). Achieved on 12 (2020); the
    # card once showed only "Latest 2 (2022)" beside "achieved".
    rows = [("x", 2015, 5), ("x", 2020, 12), ("x", 2021, 3), ("x", 2022, 2)]
    card = gf.evaluate(
        framework([_indicator("x", 5, 10, 2020)]), records(rows, unit="case"), as_of=2023
    )
    result = card.indicator("x")
    assert result.status is Status.ACHIEVED
    deciding = result.assessment.deciding
    assert deciding is not None
    assert (str(deciding.period), deciding.value) == ("2020", 12.0)
    words = "on 12 (2020); since: 2 (2022)"
    assert words in card.to_markdown()
    assert words in card.to_html()
    assert " ".join(card.to_text(width=200).split()).count("on 12 (2020); since: 2 (2022)") == 1
    assert card.to_dict()["indicators"][0]["deciding"] == {"value": 12.0, "period": 2020}
    import csv
    import io

    (row,) = [r for r in csv.DictReader(io.StringIO(card.to_csv())) if r["record"] == "indicator"]
    assert (row["deciding"], row["deciding_period"], row["latest"]) == ("12.0", "2020", "2.0")
    assert "op 12 (2020); sindsdien: 2 (2022)" in card.to_markdown(lang="nl")
    # `latest` means the same in explain as on the card, beside the figure that decided it.
    assert card.explain("x").endswith("decided on: 12 (2020)\nlatest: 2 (2022)")


def test_an_unknown_outcome_has_no_deciding_figure() -> None:
    rows = [("x", 2015, 5), ("x", 2019, 9)]
    card = gf.evaluate(
        framework([_indicator("x", 5, 10, 2020)]), records(rows, unit="case"), as_of=2023
    )
    a = card.indicator("x").assessment
    assert (a.status, a.deciding) == (Status.OUTCOME_UNKNOWN, None)
    assert card.to_dict()["indicators"][0]["deciding"] is None


def test_known_then_no_figure_of_a_period_not_over_nor_a_later_release() -> None:
    # As of 2020-06-30 nobody had the 2020 figure (the year was not over), nor the 2019 figure
    # first published in 2021; both paths read 2018 as the latest, and say why the others
    # are set aside.
    rows = [
        {"indicator": "x", "period": 2015, "value": 5, "unit": "case", "vintage": "2016"},
        {"indicator": "x", "period": 2018, "value": 7, "unit": "case", "vintage": "2019"},
        {"indicator": "x", "period": 2019, "value": 8, "unit": "case", "vintage": "2021"},
        {"indicator": "x", "period": 2020, "value": 9, "unit": "case", "vintage": "2020"},
    ]
    fw = framework([_indicator("x", 5, 10, 2025)])
    card = gf.evaluate(fw, gf.observations_from_records(rows), as_of="2020-06-30")
    result = card.indicator("x")
    assert result.latest is not None and str(result.latest.period) == "2018"
    reasons = sorted(s.reason for s in card.set_aside)
    assert reasons == [
        "not over by the assessment date 2020-06-30",
        "published after the vintage date 2020-06-30",
    ]
    pl = __import__("pytest").importorskip("polars")
    frame = pl.DataFrame(rows).with_columns(pl.col("value").cast(pl.Float64))
    found = gf.evaluate_frame(fw, frame, as_of="2020-06-30")
    (row,) = found.results.to_dicts()
    assert (row["latest"], row["latest_period"], row["engine"]) == (7.0, "2018", "frame")
    aside = sorted(r["reason"] for r in found.set_aside.to_dicts())
    assert aside == reasons


def test_a_postponed_deadline_is_visible_in_the_goalposts() -> None:
    # 16 % by 2020 (set 2010), postponed in 2013 to 2023: the goalposts say so, and lint's
    # T007 names the postponement.
    indicator = {
        "id": "share", "name": "Share", "unit": "percent", "direction": "increase",
        "target": {"baseline": {"value": 4, "period": 2010}, "value": 16, "deadline": 2023,
                   "set": 2013, "history": [{"value": 16, "set": 2010, "deadline": 2020}]},
    }  # fmt: skip
    fw = framework([indicator])
    goal = fw.indicator("share").goal
    assert goal is not None
    assert goal.goalposts() == "16 by 2020 (set 2010) -> 16 by 2023 (set 2013, now, postponed)"
    findings = gf.lint(fw)
    assert [f.message for f in findings if f.code == "T007"] == [
        "the deadline was postponed, from 2020 to 2023 (set 2013): the goalposts moved"
    ]
