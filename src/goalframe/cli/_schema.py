"""`goalframe schema`: the JSON Schema of goal files (or of scorecards), for editors."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from goalframe.cli._files import write_output


class SchemaKind(StrEnum):
    """Which JSON Schema to print."""

    goals = "goals"
    scorecard = "scorecard"


def schema(
    kind: Annotated[
        SchemaKind, typer.Option("--kind", help="goals: goal files; scorecard: the JSON card.")
    ] = SchemaKind.goals,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Print a JSON Schema: of goal files (for editors) or of the JSON scorecard."""
    if kind is SchemaKind.scorecard:
        from goalframe.render.json import scorecard_schema

        write_output(scorecard_schema(), output)
        return
    from goalframe.render.json import goal_file_schema

    write_output(goal_file_schema(), output)
