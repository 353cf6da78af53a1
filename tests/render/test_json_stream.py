"""The JSON card written one indicator at a time is the JSON card, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import goalframe as gf
from goalframe.render.json import scorecard_json_chunks

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nl-drug-policy"


def _cards() -> list[gf.Scorecard]:
    observations = gf.load_observations(EXAMPLE / "observations.csv")
    cards = [
        gf.evaluate(gf.load_framework(EXAMPLE / name), observations, as_of="2026-11-28")
        for name in ("goals.yaml", "goals-regional.yaml")
    ]
    empty = gf.parse_framework("id: e\ntitle: Nothing yet\n")
    cards.append(gf.evaluate(empty, gf.observations_from_records([]), as_of="2026"))
    return cards


@pytest.mark.parametrize("indent", [2, None])
@pytest.mark.parametrize("series", ["points", "columns"])
def test_the_pieces_join_to_the_card(indent: int | None, series: str) -> None:
    for card in _cards():
        pieces = list(scorecard_json_chunks(card, indent=indent, series=series))
        assert "".join(pieces) == card.to_json(indent=indent, series=series)
        if len(card.indicators) > 1:
            assert len(pieces) > len(card.indicators)  # really one indicator at a time


def test_the_command_writes_the_same_card(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from goalframe.cli import app

    card = _cards()[1]
    for args, expected in (
        ([], card.to_json()),
        (["--compact"], card.to_json(indent=None, series="columns")),
    ):
        target = tmp_path / "card.json"
        command = ["scorecard", str(EXAMPLE / "goals-regional.yaml")]
        command += ["--data", str(EXAMPLE / "observations.csv"), "--as-of", "2026-11-28"]
        command += ["--format", "json", "-o", str(target), *args]
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 0, result.output
        written = target.read_text(encoding="utf-8")
        # The card names its files as given on the command line; the rest is the same.
        got, want = json.loads(written), json.loads(expected)
        got.pop("sources"), want.pop("sources")
        assert got == want
