"""Building blocks of the rules' bad and good examples: a small goal file and its data.

Each rule's examples are run by the tests and printed in the rule reference.
"""

from __future__ import annotations

from goalframe._lint._engine import Severity

__all__ = ["CONTEXT", "DATA", "GOOD", "INFO", "OBJ", "TARGET", "E", "W", "doc", "ind_yaml"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def doc(objectives: str, indicators: str, head: str = "") -> str:
    """A small goal file for a rule's example."""
    return f"id: demo\ntitle: Demo\n{head}objectives:\n{objectives}\nindicators:\n{indicators}\n"


OBJ = (
    "  - {id: less-waste, level: outcome, indicators: [dumpings],\n"
    "     statement: Halve drug-waste dumpings between 2018 and 2026}"
)
TARGET = "{baseline: {value: 292, period: 2018}, value: 146, deadline: 2026}"


def ind_yaml(**fields: str) -> str:
    """The example indicator, with fields replaced (an empty string drops a field)."""
    base = {
        "id": "dumpings",
        "name": "Drug-waste dumpings found",
        "unit": "dumping",
        "direction": "decrease",
        "kind": "outcome",
        "frequency": "yearly",
        "source": "Politie",
        "definition": "Dumpings found by the police per year",
        "interpretation": "More searching finds more",
        "target": TARGET,
    }
    base.update(fields)
    body = ",\n     ".join(f"{k}: {v}" for k, v in base.items() if v)
    return "  - {" + body + "}"


GOOD = doc(OBJ, ind_yaml())
CONTEXT = ind_yaml(
    id="context", name="Production sites dismantled", kind="context", target="", unit="site"
)
DATA = "indicator,period,value,unit\n" + "".join(
    f"dumpings,{y},{v},dumping\n"
    for y, v in [(2018, 292), (2019, 191), (2020, 178), (2021, 208), (2022, 155), (2023, 191)]
)
