"""Set-aside rows at scale (issue 27, point 7): counted on every JSON card, listed on request.

Found: the Canadian Open SDG import's JSON card was 42 MB for 80 indicators, because it
listed all 196,000 rows set aside (breakdowns not assessed, empty cells) one by one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goalframe as gf
from goalframe.cli import app
from goalframe.errors import UsageError
from goalframe.render.json import SET_ASIDE_LISTED

GOALS = """\
id: g
title: G
objectives:
  - {id: o, statement: O, indicators: [cases]}
indicators:
  - id: cases
    name: Cases
    unit: case
    direction: decrease
    target: {baseline: {value: 100, period: 2015}, value: 50, deadline: 2030}
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """1,502 rows set aside: 1,200 of a breakdown, 300 empty cells, 2 of an unknown id."""
    rows = ["indicator,period,value,unit,region", "cases,2015,100,case,", "cases,2020,80,case,"]
    rows += [f"cases,2020,{n},case,r{n}" for n in range(1200)]  # breakdown not assessed
    rows += [f"cases,{1700 + n},,case," for n in range(300)]  # empty cells
    rows += ["cazes,2020,1,case,", "cazes,2021,1,case,"]  # no such indicator
    (tmp_path / "goals.yaml").write_text(GOALS, encoding="utf-8")
    (tmp_path / "data.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path / "goals.yaml", tmp_path / "data.csv"


def test_a_card_lists_the_first_thousand_and_counts_every_one(files: tuple[Path, Path]) -> None:
    card = gf.evaluate(gf.load_framework(files[0]), gf.load_observations(files[1]), as_of=2026)
    data = card.to_dict()
    assert len(card.set_aside) == 1502  # 1,200 + 300 + 2
    assert data["set_aside_total"] == 1502
    assert len(data["set_aside"]) == SET_ASIDE_LISTED == 1000
    counts = {(c["indicator"], c["reason"][:24]): c["rows"] for c in data["set_aside_counts"]}
    assert counts == {
        ("cases", "breakdown not assessed ("): 1200,
        ("cases", "no value (empty cell)"): 300,
        ("cazes", "no indicator 'cazes' in "): 2,
    }
    assert sum(c["rows"] for c in data["set_aside_counts"]) == data["set_aside_total"]
    every = card.to_dict(set_aside="all")
    assert len(every["set_aside"]) == 1502
    assert every["set_aside"][:1000] == data["set_aside"]  # the first are the same rows
    with pytest.raises(UsageError, match="'first' or 'all'"):
        card.to_dict(set_aside="some")


def test_the_command_line_lists_every_row_when_asked(files: tuple[Path, Path]) -> None:
    runner = CliRunner()
    base = ["scorecard", str(files[0]), "-d", str(files[1]), "-f", "json", "--as-of", "2026"]
    first = json.loads(runner.invoke(app, base).stdout)
    every = json.loads(runner.invoke(app, [*base, "--set-aside", "all"]).stdout)
    compact = json.loads(runner.invoke(app, [*base, "--compact", "--set-aside", "all"]).stdout)
    assert (len(first["set_aside"]), len(every["set_aside"]), len(compact["set_aside"])) == (
        1000,
        1502,
        1502,
    )
    assert first["set_aside_counts"] == every["set_aside_counts"] == compact["set_aside_counts"]
    wrong = runner.invoke(app, [*base, "--set-aside", "some"])
    assert wrong.exit_code == 2 and "choose 'first' or 'all'" in wrong.stderr
    # CSV lists every row, as before.
    table = runner.invoke(app, [*base[:4], "-f", "csv", "--as-of", "2026"]).stdout
    assert table.count("\nset_aside,") + table.startswith("set_aside,") == 1502
