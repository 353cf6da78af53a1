"""Shared helpers of the hostile-input corpus: run the CLI, check the ending is clean."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from goalframe.cli import app

ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "SOURCE_DATE_EPOCH": "1795824000"}

GOALS = """\
id: demo
title: Demo
objectives:
  - {id: less-waste, level: outcome, statement: Halve dumpings by 2026, indicators: [dumpings]}
indicators:
  - id: dumpings
    name: Drug-waste dumpings
    unit: dumping
    direction: decrease
    kind: outcome
    source: Politie
    target: {baseline: {value: 292, period: 2018}, value: 146, deadline: 2026}
"""

DATA = "indicator,period,value,unit\ndumpings,2018,292,dumping\ndumpings,2022,155,dumping\n"

#: A share in percent with a path from 50 (2015) to 60 (2030), assessed per ``{by}`` value.
SHARE_GOALS = """\
id: g
title: G
objectives:
  - {{id: o, statement: Raise it, indicators: [share]}}
indicators:
  - id: share
    name: Share
    unit: percent
    direction: increase
    by: [{by}]
    target: {{baseline: {{value: 50, period: 2015}}, value: 60, deadline: 2030}}
"""


@dataclass
class Ended:
    code: int
    out: str
    err: str


def cli(*args: str | Path, stdin: str | None = None) -> Ended:
    """Run the command line in process; assert it ended cleanly (no traceback, no crash)."""
    result = CliRunner().invoke(app, [str(a) for a in args], env=ENV, input=stdin)
    ended = Ended(result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert ended.code in (0, 1, 2), (ended.code, ended.err)  # 3 would be a bug
    return ended


def strict_json(text: str) -> object:
    """Parse JSON, refusing NaN and Infinity (which are not JSON)."""

    def refuse(constant: str) -> object:
        msg = f"not JSON: {constant}"
        raise ValueError(msg)

    return json.loads(text, parse_constant=refuse)
