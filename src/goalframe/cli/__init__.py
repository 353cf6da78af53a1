"""The ``goalframe`` command line: a thin layer over the Python API.

Exit codes: 0 success; 1 a ``--fail-on`` gate tripped; 2 bad input or usage (the message on
stderr names the file, the place and the fix; never a traceback).

Only typer is imported at start-up; each command imports what it needs, so that
``goalframe --help`` does not load pint.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from goalframe.cli._common import app, bad_input, fail, settings_for, write_output
from goalframe.cli._import import import_app
from goalframe.cli._lint import GoalFiles, lint
from goalframe.cli._scorecard import explain, scorecard
from goalframe.cli._verdicts import verdicts
from goalframe.errors import EXIT_BAD_INPUT, EXIT_INTERNAL

__all__ = ["app", "main"]


def validate(files: GoalFiles) -> None:
    """Check goal files: schema, ids, tree, units, targets. Exit 2 if any has a problem."""
    from goalframe._lint._files import expand_paths
    from goalframe.io import load_framework

    paths = expand_paths(files)
    if not paths:
        raise fail("no goal files found in " + ", ".join(str(f) for f in files))
    bad = 0
    for file in paths:
        try:
            with bad_input():
                framework = load_framework(file)
        except typer.Exit as exc:  # bad_input printed the located message
            if exc.exit_code == EXIT_INTERNAL:
                raise  # a bug, not a bad file: exit 3 as documented
            bad += 1
            continue
        with_target = sum(1 for i in framework.indicators if i.goal is not None)
        typer.echo(
            f"{file}: valid: {len(framework.objectives)} objectives, "
            f"{len(framework.indicators)} indicators ({with_target} with a target)"
        )
        for warning in unit_warnings(framework):
            logging.getLogger("goalframe.cli").warning("warning: %s", warning)
    if bad:
        raise typer.Exit(EXIT_BAD_INPUT)


def config(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="A goal file (or folder): show the settings that apply to it. Default: the "
            "current folder.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show the settings in force and where each comes from (file, or goalframe's default)."""
    from goalframe.cli._config import KEYS

    settings = settings_for(file)
    defaults = {
        "format": "table",
        "width": "the terminal's, or 100",
        "as-of": "today",
        "lint.fail-on": "error",
        "lint.format": "text",
    }
    typer.echo(f"configuration: {settings.where()}")
    for key in KEYS:
        value = settings.get(key)
        if value is not None:
            shown = value if not isinstance(value, str) else repr(value)
            typer.echo(f"  {key} = {shown}    ({settings.where()})")
        else:
            typer.echo(f"  {key} = {defaults.get(key, 'not set')}    (default)")


def unit_warnings(framework: Any) -> list[str]:
    """Units that pint reads as something else than meant, located (lint rule M013)."""
    from goalframe.units import unit_trap

    out = []
    for i, spec in enumerate(framework.spec.indicators):
        fields: list[tuple[tuple[str, ...], str | None]] = [(("unit",), spec.unit)]
        if spec.target is not None:
            fields.append((("target", "unit"), spec.target.unit))
        for field, value in fields:
            trap = unit_trap(value) if value else None
            if trap:
                where = framework.locate(("indicators", i, *field))
                prefix = f"{where}: " if where else ""
                out.append(f"{prefix}indicator {spec.id!r}: unit {value!r}: {trap} (M013)")
    return out


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


def list_methods() -> None:
    """List the progress-assessment methods."""
    from goalframe.progress import methods

    for info in methods():
        typer.echo(f"{info.name:<14} {info.summary}")


# The commands, in the order `goalframe --help` lists them.
app.command()(validate)
app.command()(scorecard)
app.command()(explain)
app.command()(verdicts)
app.command()(lint)
app.command()(schema)
app.command(name="methods")(list_methods)
app.command()(config)
app.add_typer(import_app, name="import")


def main() -> None:
    """Run the command line (the ``goalframe`` console script).

    Anything that escapes a command is a bug: a short report and exit code 3, never a
    traceback (unless --debug or GOALFRAME_DEBUG=1 asks for it).
    """
    from goalframe.cli._common import debugging, internal_error

    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:
        if debugging():
            raise
        raise SystemExit(internal_error(exc).exit_code) from None
