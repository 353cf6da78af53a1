"""The bundled example: real Dutch figures, the verdicts they give, and their context."""

from __future__ import annotations

from pathlib import Path

import pytest

import goalframe as gf
from goalframe import Status


@pytest.fixture
def card(example_goals: Path, example_data: Path) -> gf.Scorecard:
    return gf.evaluate(gf.load_framework(example_goals), gf.load_observations(example_data))


def test_example_statuses(card: gf.Scorecard) -> None:
    # Read on 2026-11-28 (the suite's fixed "today"): the 2025 deadline and the asset
    # milestones are over, the 2026 ones are not.
    statuses = {r.id: (r.status, r.assessment.final) for r in card.indicators}
    assert statuses == {
        "drug_waste_dumpings": (Status.INSUFFICIENT_PROGRESS, False),
        "cocaine_seized_port_rotterdam": (Status.NOT_ASSESSABLE, False),
        "criminal_networks_tackled": (Status.OUTCOME_UNKNOWN, False),
        "criminal_assets_collected": (Status.ACHIEVED, True),
        "cannabis_plantations_dismantled": (Status.OUTCOME_UNKNOWN, True),
        "synthetic_drug_production_sites_dismantled": (Status.NOT_ASSESSABLE, False),
        "cocaine_seized_customs_nl": (Status.NOT_ASSESSABLE, False),
        "opium_act_suspects": (Status.NOT_ASSESSABLE, False),
    }
    # The impact objective rests on the outcome indicator only; effort has its own root.
    assert card.objective("reduce-harm").status is Status.INSUFFICIENT_PROGRESS
    assert not card.objective("reduce-harm").rests_on_outputs
    effort = card.objective("enforcement-effort")
    assert (effort.status, effort.met, effort.decided) == (Status.OUTCOME_UNKNOWN, 1, 1)
    assert card.objective("take-criminal-assets").status is Status.ACHIEVED


def test_example_is_honest_about_its_targets(card: gf.Scorecard) -> None:
    # Seizures are context, never a score.
    cocaine = card.indicator("cocaine_seized_port_rotterdam")
    assert cocaine.indicator.goal is None and not cocaine.scored
    # Illustrative targets say so, with a note, on the card.
    for ident in ("drug_waste_dumpings", "cannabis_plantations_dismantled"):
        goal = card.indicator(ident).indicator.goal
        assert goal is not None and goal.provenance == "illustrative" and goal.note
        assert "illustrative-target" in {c.code for c in card.indicator(ident).caveats}
    for ident in ("criminal_networks_tackled", "criminal_assets_collected"):
        goal = card.indicator(ident).indicator.goal
        assert goal is not None and goal.provenance == "official" and goal.source is not None
    # The dumpings baseline is not the 2018 peak: 2017 206, 2018 292, 2019 191.
    dumpings = card.indicator("drug_waste_dumpings")
    assert dumpings.baseline is not None and str(dumpings.baseline.period) == "2019"
    assert "baseline-extreme" not in {c.code for c in dumpings.caveats}
    # The real network norms as three spans: 950 (2015-2018), 1,370 (2020-2021) and 1,530
    # (2023-2026), in force on 2026-11-28; the goalposts with their sources.
    networks = card.indicator("criminal_networks_tackled")
    assert [(o.goal.describe(), o.role) for o in networks.targets] == [
        ("at least 950 a year, 2015-2018", "earlier"),
        ("at least 1,370 a year, 2020-2021", "earlier"),
        ("at least 1,530 a year, 2023-2026", "in force"),
    ]
    assert networks.indicator.goal is not None
    assert networks.indicator.goal.goalposts().startswith(
        "950 (set 2014, Veiligheidsagenda 2015-2018 (kst-29911-173)) -> 1,370 (set 2020, "
    )
    assert "Goalposts: 950 (set 2014" in card.to_markdown()
    text = card.to_markdown()
    assert "(illustrative)" in text and "⚠ illustrative target" in text


def test_example_uses_real_published_figures(card: gf.Scorecard) -> None:
    dumpings = card.indicator("drug_waste_dumpings")
    assert dumpings.latest is not None
    assert (str(dumpings.latest.period), dumpings.latest.value) == ("2023", 191.0)
    # The relative target, -50 % against 191 in 2019, is resolved at load time.
    assert dumpings.target == pytest.approx(191 * 0.5)
    assets = card.indicator("criminal_assets_collected")
    assert {f for o in assets.series for f in o.flags} == {"approx", "revised"}
    # The real targets, EUR 90.6 million in 2015 and 115.6 million in 2017, were both met.
    assert assets.assessment.method == "norm"
    assert assets.assessment.components["met"] == ("2015", "2017")
    assert assets.assessment.label == "met (2 of 2)"
    # The 2016 figure was revised (402 first, 416.5 later): a caveat beside the verdict.
    assert [c.code for c in assets.caveats] == ["flagged-values"]
    assert "revised: 2016" in assets.caveats[0].message


def test_example_as_of_2020(example_goals: Path, example_data: Path) -> None:
    card = gf.evaluate(
        gf.load_framework(example_goals), gf.load_observations(example_data), as_of=2020
    )
    dumpings = card.indicator("drug_waste_dumpings")
    assert dumpings.latest is not None and str(dumpings.latest.period) == "2020"
    # From 191 (2019) to 178 (2020) of the way to 95.5 by 2026: progress 13 / 95.5 = 0.136,
    # expected 1/7 = 0.143, ratio 0.953 >= 0.95: on track.
    assert dumpings.assessment.value == pytest.approx(13 / 95.5)
    assert dumpings.status is Status.ON_TRACK
    assert card.indicator("cannabis_plantations_dismantled").status is Status.MOVING_AWAY
    assert any(s.reason == "not over by the assessment date 2020" for s in card.set_aside)


def test_every_example_row_is_used_or_set_aside(card: gf.Scorecard, example_data: Path) -> None:
    rows = len(example_data.read_text(encoding="utf-8").splitlines()) - 1
    used = sum(len(r.series) for r in card.indicators)
    assert used + len(card.set_aside) == rows


def test_every_example_indicator_has_a_source_and_counts_have_notes(card: gf.Scorecard) -> None:
    for result in card.indicators:
        assert result.indicator.source is not None
        if result.indicator.kind and result.indicator.kind.value == "output":
            assert result.indicator.interpretation
