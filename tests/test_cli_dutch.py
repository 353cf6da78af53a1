"""The command line in Dutch: cards, a goal file's problems and unreadable data, all in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_cli import run


def test_scorecard_in_dutch(example_goals: Path, example_data: Path) -> None:
    code, out, _ = run("scorecard", example_goals, "-d", example_data, "--lang", "nl")
    assert code == 0
    assert (
        "Oordelen over de geldende streefwaarden:" in out
        and "onvoldoende voortgang" in out
        and "Peildatum" in out
    )
    code, out, _ = run(
        "scorecard", example_goals, "-d", example_data, "--lang", "nl", "-f", "markdown"
    )
    assert "## Indicatoren" in out
    assert run("scorecard", example_goals, "-d", example_data, "--lang", "fr")[0] == 2


def test_a_goal_files_problems_in_dutch(tmp_path: Path, example_data: Path) -> None:
    goals = tmp_path / "doelen.yaml"
    goals.write_text("id: x\ntitle: 5\nobjectives: [{id: o}]\nbogus: 1\n", encoding="utf-8")
    code, _, err = run("scorecard", goals, "-d", example_data, "--lang", "nl")
    assert code == 2
    assert f"{goals}: 3 problemen in het doelenbestand" in err
    assert f"{goals}:2:8: title: moet tekst zijn (gekregen: 5)" in err
    assert "objectives[0].statement: verplichte sleutel ontbreekt" in err
    assert "bogus: onbekende sleutel" in err
    code, _, err = run("scorecard", goals, "-d", example_data)  # English without --lang
    assert code == 2
    assert f"{goals}: 3 problems in the goal file" in err
    assert "title: should be text (got 5)" in err


@pytest.mark.parametrize(
    ("content", "dutch", "english"),
    [
        (b"", "het bestand is leeg; het heeft een kopregel nodig", "the file is empty"),
        (
            b"indicator,period,value\nx,2020,1\n",
            "ontbrekende kolom unit; de kopregel heeft 'indicator', 'period', 'value'",
            "missing column unit; the header has",
        ),
        (
            b"indicator,period,value,unit,unit\n",
            "kolom 'unit' staat twee keer in de kopregel; houd er een",
            "column 'unit' appears twice in the header",
        ),
        (
            b"indicator,period,value,unit\nx,2020,1\n",
            ":2: 3 cellen waar de kopregel er 4 heeft",
            ":2: 3 cells where the header has 4",
        ),
        (
            b"indicator;period;value;unit\nx;2020;1,5;kg\nx;2021;1.5;kg\n",
            "de waarden mengen een decimale komma (regel 2: '1,5') en een decimale punt "
            "(regel 3: '1.5')",
            "the values mix a decimal comma (line 2: '1,5') and a decimal point",
        ),
        (
            b"indicator;period;value;unit\nx;2020;1.234;kg\n",
            "waarde '1.234' leest als 1.234 met een decimale punt, of als 1234 met een "
            "decimale komma",
            "value '1.234' reads as 1.234 with a decimal point",
        ),
        (b"indicator,period\xff\n", "geen UTF-8-tekst (byte", "not UTF-8 text (byte"),
    ],
    ids=["empty", "missing", "twice", "cells", "mixed", "ambiguous", "utf8"],
)
def test_an_unreadable_observations_file_in_dutch(
    tmp_path: Path, example_goals: Path, content: bytes, dutch: str, english: str
) -> None:
    data = tmp_path / "cijfers.csv"
    data.write_bytes(content)
    code, _, err = run("scorecard", example_goals, "-d", data, "--lang", "nl")
    assert code == 2
    assert f"goalframe: error: {data}" in err
    assert dutch in " ".join(err.split()), err
    code, _, err = run("scorecard", example_goals, "-d", data)
    assert code == 2
    assert english in " ".join(err.split()), err
