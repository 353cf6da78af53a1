"""`goalframe config`: the settings in force and where each comes from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from goalframe.cli._files import settings_for


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
