"""Revised figures: a revision that changes a verdict is said on the card, for every target."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

import goalframe as gf
from goalframe import Status
from goalframe.cli import app

Write = Callable[[str, str], Path]


REVISION = """
id: x
title: T
objectives: [{id: o, statement: Collect 410 million in 2016, indicators: [assets]}]
indicators:
  - id: assets
    name: Criminal assets collected
    unit: EUR_million
    direction: increase
    target: {type: milestones, milestones: {2015: 90.6, 2016: 410}}
"""
RELEASES = (
    "indicator,period,value,unit,vintage\n"
    "assets,2015,143.5,EUR_million,2016-03-01\n"
    "assets,2016,402,EUR_million,2017-03-01\n"
    "assets,2016,416.5,EUR_million,2018-03-01\n"
)


def test_a_revision_that_flips_a_milestone_is_said_on_the_card(write: Write) -> None:
    framework = gf.load_framework(write("goals.yaml", REVISION))
    obs = gf.load_observations(write("obs.csv", RELEASES))
    # Latest release: 416.5 >= 410: the 2016 milestone is met (the last one: achieved).
    card = gf.evaluate(framework, obs, as_of=2019)
    assets = card.indicator("assets")
    assert assets.status is Status.ACHIEVED
    assert assets.latest is not None and assets.latest.value == 416.5
    assert "revised" in assets.latest.flags
    caveat = next(c for c in assets.caveats if c.code == "revision-changed-verdict")
    assert caveat.message == (
        "on the first release (2016: 402) the verdict was missed; on the revised figures "
        "(2016: 416.5) it is achieved"
    )
    assert "⚠ revision changed the verdict" in card.to_markdown()  # the code in JSON
    # Every release is used or set aside: the 402 as an earlier release.
    reasons = [s.reason for s in card.set_aside]
    assert reasons == ["an earlier release (2017-03-01), replaced by the release of 2018-03-01"]
    # As published on 2017-06-30: only 402 was out: missed.
    then = gf.evaluate(framework, obs, as_of=2019, vintage="2017-06-30").indicator("assets")
    assert (then.status, then.latest and then.latest.value) == (Status.MISSED, 402.0)
    result = CliRunner().invoke(
        app,
        [
            "scorecard",
            str(write("g.yaml", REVISION)),
            "-d",
            str(write("o.csv", RELEASES)),
            "--as-of",
            "2019",
            "--vintage",
            "2017-06-30",
            "-f",
            "json",
        ],
    )
    assert json.loads(result.stdout)["indicators"][0]["status"] == "missed"


def test_a_revision_of_an_earlier_targets_deciding_figure_is_said_too(write: Write) -> None:
    # Two targets over time: at least 410 in 2016 (earlier), then 500 in 2020 (in force,
    # read in 2019). The 2016 figure was first released as 402 (missed), revised to 416.5
    # (met): the earlier target's final verdict is achieved, and the card says that the first
    # release gave "missed" (issue 25, point 5: also for indicators with `targets:`).
    goals = REVISION.replace(
        "    target: {type: milestones, milestones: {2015: 90.6, 2016: 410}}",
        "    targets:\n"
        "      - {value: 410, deadline: 2016, baseline: {value: 143.5, period: 2015}}\n"
        "      - {value: 500, deadline: 2020, baseline: {value: 143.5, period: 2015}}",
    )
    card = gf.evaluate(
        gf.load_framework(write("goals.yaml", goals)),
        gf.load_observations(write("obs.csv", RELEASES)),
        as_of=2019,
    )
    assets = card.indicator("assets")
    earlier = next(t for t in assets.targets if t.role == "earlier")
    assert (earlier.assessment.status, earlier.assessment.final) == (Status.ACHIEVED, True)
    caveat = next(c for c in earlier.assessment.caveats if c.code == "revision-changed-verdict")
    assert caveat.message == (
        "on the first release (2016: 402) the verdict was missed; on the revised figures "
        "(2016: 416.5) it is achieved"
    )
