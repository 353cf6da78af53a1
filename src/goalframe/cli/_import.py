"""`goalframe import`: goal files and observations from where indicators already live."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from goalframe.cli._errors import bad_input, fail
from goalframe.cli._writes import destination, write_outputs

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
        bool,
        typer.Option(
            "--force", help="Replace goals.yaml, observations.csv and import-report.json in --out."
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Exit 1 when anything was set aside (the files are still written)."
        ),
    ] = False,
) -> None:
    """Import an Open SDG data repository: one goal file and one observations file.

    Reads every indicator it can; each file, indicator, series or row it cannot read is set
    aside with the file, the line and the reason. Prints a summary (indicators imported,
    with progress options, skipped and why) and every field that could not be mapped, and
    writes the same as import-report.json beside the output. Exits 0 when something was
    imported (1 with --strict when anything was set aside; 2 when nothing could be). Then run
    `goalframe scorecard` on the result.
    """
    targets = (out / "goals.yaml", out / "observations.csv", out / "import-report.json")
    _check_out(folder, out, targets, force=force)
    with bad_input():
        from goalframe.io import parse_framework
        from goalframe.io._open_sdg import import_open_sdg

        imported = import_open_sdg(folder)
        goals = imported.goal_file_text()
        parse_framework(goals, name=str(targets[0]))  # what is written is a valid goal file
        out.mkdir(parents=True, exist_ok=True)
        report = json.dumps(imported.report(), indent=2, ensure_ascii=False) + "\n"
        observations = imported.observations_text()
        # all three or none: half an import (new goals beside old observations) misleads
        write_outputs(list(zip((goals, observations, report), targets, strict=True)))
    typer.echo(f"goalframe: {imported.summary}", err=True)
    for note in imported.notes:
        typer.echo(f"  note: {note}", err=True)
    for skipped in imported.skipped:
        typer.echo(f"  skipped: {skipped}", err=True)
    typer.echo(
        f"goalframe: wrote {targets[0]}, {targets[1]} and {targets[2]}; next: goalframe "
        f"scorecard {targets[0]} -d {targets[1]}",
        err=True,
    )
    if not imported.framework.indicators:
        msg = f"{folder}: no indicator could be imported; {targets[2]} says why"
        raise fail(msg)
    if strict and imported.skipped:
        typer.echo(
            f"goalframe: --strict: {len(imported.skipped)} thing(s) set aside (see {targets[2]})",
            err=True,
        )
        raise typer.Exit(1)


def _check_out(folder: Path, out: Path, targets: tuple[Path, ...], *, force: bool) -> None:
    """Refuse an --out inside the repository, a target that is not a regular file, a clash."""
    if out.resolve() == folder.resolve() or folder.resolve() in out.resolve().parents:
        msg = f"--out {out}: write the import outside the repository it reads"
        raise fail(msg)
    if out.exists():  # a device, a pipe or a link out of the tree is refused before reading
        for target in targets:
            destination(target)
    if not force and (clash := [str(t) for t in targets if t.exists()]):
        msg = f"{clash[0]} exists; choose another --out folder or add --force to replace it"
        raise fail(msg)


@import_app.command("table")
def table(
    file: Annotated[
        Path,
        typer.Argument(
            help="The indicator table: .csv, .xlsx, .xls or .ods (a row per indicator).",
            show_default=False,
            metavar="FILE",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="The goal file to write (- for standard output).", show_default=False
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Exit 1 when a row was set aside or a cell left out (still written)."
        ),
    ] = False,
) -> None:
    """Turn an indicator table into a goal file, then check it with `goalframe lint`.

    The table has a row per indicator and columns such as indicator, name, unit, direction,
    baseline, baseline year, target, deadline, source, objective and kind, with English or
    Dutch headers (naam, eenheid, richting, nulmeting, basisjaar, streefwaarde, streefjaar,
    bron, doelstelling, soort; docs: bring your data). Nothing is guessed: a row without an
    id or name, or without a unit, is set aside with its line; a target written as prose,
    a year that is no period, a direction it does not know is left out and said, so lint
    names the gap. Exits 0 when something was imported (1 with --strict when anything was
    left out), 2 when nothing could be.
    """
    from goalframe.cli._writes import STDOUT_NAMES

    target = None if str(out) in STDOUT_NAMES else out
    if target is not None:
        destination(target)
        if target.resolve() == file.resolve():
            msg = f"--out {out}: that is the table itself; write the goal file elsewhere"
            raise fail(msg)
        if target.exists() and not force:
            msg = f"{target} exists; choose another --out or add --force to replace it"
            raise fail(msg)
    with bad_input():
        from goalframe.io import parse_framework
        from goalframe.io._table_import import import_table

        imported = import_table(file)
        text = imported.goal_file_text()
        parse_framework(text, name=str(out))  # what is written is a valid goal file
        write_outputs([(text, target)])
    typer.echo(f"goalframe: {imported.summary}", err=True)
    for note in imported.notes:
        typer.echo(f"  note: {note}", err=True)
    for skipped in imported.skipped:
        typer.echo(f"  set aside: {skipped}", err=True)
    if target is not None:
        typer.echo(f"goalframe: next: goalframe lint {target}", err=True)
    if strict and (imported.skipped or imported.notes):
        left = len(imported.skipped) + len(imported.notes)
        typer.echo(f"goalframe: --strict: {left} thing(s) set aside or left out", err=True)
        raise typer.Exit(1)
