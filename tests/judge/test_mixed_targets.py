"""Several targets of different types: each judged by the method its type reads."""

from __future__ import annotations

import goalframe as gf
from goalframe import Status

from ._helpers import framework, records


def test_an_earlier_norm_beside_a_trajectory_in_force_is_judged_as_a_norm() -> None:
    # At least 950 a year in 2015-2016 (official): 1,188 met, 900 missed. Then 1,530 by 2022
    # from 1,400 (2018), illustrative, in force in 2019. The norm is judged by the norm
    # method (was: by the trajectory method of the target in force, which cannot read a
    # norm, so the missed official norm was "not assessable" and did not count).
    fw = framework(
        [
            {
                "id": "n",
                "name": "Networks",
                "unit": "network",
                "direction": "increase",
                "targets": [
                    {"type": "norm", "value": 950, "period": {"start": 2015, "end": 2016},
                     "source": {"name": "Veiligheidsagenda"}},
                    {"value": 1530, "deadline": 2022, "provenance": "illustrative",
                     "baseline": {"value": 1400, "period": 2018}},
                ],
            }
        ]
    )  # fmt: skip
    obs = records([("n", 2015, 1188), ("n", 2016, 900), ("n", 2018, 1400), ("n", 2019, 1450)])
    card = gf.evaluate(fw, obs, as_of=2019)
    result = card.indicator("n")
    earlier, in_force = result.targets
    assert (earlier.role, earlier.assessment.method) == ("earlier", "norm")
    assert (earlier.assessment.status, earlier.assessment.final) == (Status.MISSED, True)
    assert in_force.assessment.method == "trajectory"
    # The official miss counts first; the illustrative running verdict apart.
    counts = card.target_counts
    assert list(counts) == ["official", "illustrative"]
    assert (counts["official"].missed, counts["official"].due) == (1, 1)
    (objective,) = card.objectives
    assert objective.status is Status.MISSED
