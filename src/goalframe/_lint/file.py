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


problem(
    code="F003",
    name="unreadable-goal-file",
    severity=E,
    summary="The goal file is not well-formed YAML, JSON or TOML (or is too large, nested too "
    "deep, or uses anchors, aliases or duplicate keys).",
    bad="id: [demo\ntitle: Demo\n",
    good=GOOD,
    fix="fix the syntax at the place named (the message says what the parser expected)",
)


problem(
    code="F004",
    name="invalid-goal-file",
    severity=E,
    summary="The goal file parses, but a field has the wrong shape or value (a required key "
    "missing, an unknown key, a number that is not a number).",
    bad=GOOD.replace("title: Demo\n", ""),
    good=GOOD,
    fix="give the field the shape the message shows (see the goal-file reference)",
)


problem(
    code="F005",
    name="unreadable-data",
    severity=E,
    summary="The observations cannot be read or used (a row that is not a number, two values "
    "for one period, units that do not convert).",
    needs_data=True,
    bad=GOOD,
    good=GOOD,
    data="indicator,period,value,unit\ndumpings,2018,1_000,dumping\n",
    good_data="indicator,period,value,unit\ndumpings,2018,1000,dumping\n",
    fix="fix the rows named (file and line), or the indicator's unit",
)
