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
    statuses = {r.id: r.status for r in card.indicators}
    assert statuses == {
        "drug_waste_dumpings": Status.ON_TRACK,
        "cocaine_seized_port_rotterdam": Status.ACHIEVED,
        "criminal_networks_tackled": Status.ON_TRACK,
        "criminal_assets_collected": Status.ACHIEVED,
        "cannabis_plantations_dismantled": Status.MOVING_AWAY,
        "synthetic_drug_production_sites_dismantled": Status.NOT_ASSESSABLE,
        "cocaine_seized_customs_nl": Status.NOT_ASSESSABLE,
        "opium_act_suspects": Status.NOT_ASSESSABLE,
    }
    assert card.objective("reduce-harm").status is Status.ON_TRACK
    assert card.objective("cannabis-enforcement").status is Status.MOVING_AWAY


def test_example_uses_real_published_figures(card: gf.Scorecard) -> None:
    dumpings = card.indicator("drug_waste_dumpings")
    assert dumpings.latest is not None
    assert (str(dumpings.latest.period), dumpings.latest.value) == ("2023", 191.0)
    cocaine = card.indicator("cocaine_seized_port_rotterdam")
    # The relative target, -13 % against 40,641 kg in 2020, is resolved at load time.
    assert cocaine.target == pytest.approx(40641 * 0.87)
    assets = card.indicator("criminal_assets_collected")
    assert {f for o in assets.series for f in o.flags} == {"approx", "revised"}
    # The real norms, EUR 90.6 million in 2015 and 115.6 million in 2017, were both met.
    assert assets.assessment.method == "norm"
    assert assets.assessment.components["met"] == "2015, 2017"


def test_example_as_of_2020(example_goals: Path, example_data: Path) -> None:
    card = gf.evaluate(
        gf.load_framework(example_goals), gf.load_observations(example_data), as_of=2020
    )
    dumpings = card.indicator("drug_waste_dumpings")
    assert dumpings.latest is not None and str(dumpings.latest.period) == "2020"
    assert dumpings.status is Status.ON_TRACK
    assert card.indicator("cannabis_plantations_dismantled").status is Status.MOVING_AWAY
    assert any(s.reason == "after the as-of period 2020" for s in card.set_aside)


def test_every_example_row_is_used_or_set_aside(card: gf.Scorecard, example_data: Path) -> None:
    rows = len(example_data.read_text(encoding="utf-8").splitlines()) - 1
    used = sum(len(r.series) for r in card.indicators)
    assert used + len(card.set_aside) == rows


def test_every_example_indicator_has_a_source_and_counts_have_notes(card: gf.Scorecard) -> None:
    for result in card.indicators:
        assert result.indicator.source is not None
        if result.indicator.kind and result.indicator.kind.value == "output":
            assert result.indicator.interpretation
