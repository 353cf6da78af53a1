"""`goalframe import`: goal files and observations from where indicators already live."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from goalframe.cli._errors import bad_input, fail
from goalframe.cli._files import write_output

import_app = typer.Typer(
    help="Import goal files and observations from other formats (Open SDG repositories).",
    no_args_is_help=True,
)


@import_app.command("open-sdg")
def open_sdg(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The Open SDG data repository (with data/indicator_*.csv and meta/ or "
            "indicator-config/).",
            show_default=False,
            metavar="DIR",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Folder to write goals.yaml and observations.csv into.",
            show_default=False,
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace goals.yaml and observations.csv in --out.")
    ] = False,
) -> None:
    """Import an Open SDG data repository: one goal file and one observations file.

    Prints a summary (indicators imported, with progress options, skipped and why) and every
    field that could not be mapped, with its file. Then run `goalframe scorecard` on the result.
    """
    targets = (out / "goals.yaml", out / "observations.csv")
    if out.resolve() == folder.resolve() or folder.resolve() in out.resolve().parents:
        msg = f"--out {out}: write the import outside the repository it reads"
        raise fail(msg)
    if not force and (clash := [str(t) for t in targets if t.exists()]):
        msg = f"{clash[0]} exists; choose another --out folder or add --force to replace it"
        raise fail(msg)
    with bad_input():
        from goalframe.io import parse_framework
        from goalframe.io._open_sdg import import_open_sdg

        imported = import_open_sdg(folder)
        goals = imported.goal_file_text()
        parse_framework(goals, name=str(targets[0]))  # what is written is a valid goal file
        out.mkdir(parents=True, exist_ok=True)
        write_output(goals, targets[0])
        write_output(imported.observations_text(), targets[1])
    typer.echo(f"goalframe: {imported.summary}", err=True)
    for note in imported.notes:
        typer.echo(f"  note: {note}", err=True)
    for skipped in imported.skipped:
        typer.echo(f"  skipped: {skipped}", err=True)
    typer.echo(
        f"goalframe: wrote {targets[0]} and {targets[1]}; next: goalframe scorecard "
        f"{targets[0]} -d {targets[1]}",
        err=True,
    )
