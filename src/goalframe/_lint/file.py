"""File: methods and their options named in the goal file (F rules).

Each rule stands beside its check and its bad and good examples.
"""

from __future__ import annotations

from goalframe._lint._engine import problem
from goalframe._lint._examples import GOOD, OBJ, E, doc, ind_yaml

problem(
    code="F001",
    name="unknown-method",
    severity=E,
    summary="A method named in the file is not registered.",
    bad=doc(OBJ, ind_yaml(method="trajectry")),
    good=GOOD,
    fix="choose a registered method (`goalframe methods`)",
)


problem(
    code="F002",
    name="invalid-method-options",
    severity=E,
    summary="Method options are unknown or invalid.",
    bad=doc(OBJ, ind_yaml(options="{window: medium}")),
    good=GOOD,
    fix="fix the option (see the method's documentation)",
)
