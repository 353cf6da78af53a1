"""`goalframe validate`: goal files checked (schema, ids, tree, units, targets)."""

from __future__ import annotations

import logging
from typing import Annotated, Any

import typer

from goalframe.cli._errors import bad_input, fail
from goalframe.cli._lint import GoalFiles
from goalframe.cli._options import check_language
from goalframe.errors import EXIT_BAD_INPUT, EXIT_INTERNAL


def validate(
    files: GoalFiles,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language of the problems: en (default), nl, or any language with a "
            "catalogue in goalframe/locales.",
            callback=check_language,
        ),
    ] = None,
) -> None:
    """Check goal files: schema, ids, tree, units, targets. Exit 2 if any has a problem."""
    from goalframe._lint._files import expand_paths
    from goalframe.io import load_framework

    paths = expand_paths(files)
    if not paths:
        raise fail("no goal files found in " + ", ".join(str(f) for f in files))
    bad = 0
    for file in paths:
        try:
            with bad_input(lang):
                framework = load_framework(file)
        except typer.Exit as exc:  # bad_input printed the located message
            if exc.exit_code == EXIT_INTERNAL:
                raise  # a bug, not a bad file: exit 3 as documented
            bad += 1
            continue
        with_target = sum(1 for i in framework.indicators if i.goal is not None)
        from goalframe._messages import Message, say

        valid = Message(
            "validate_valid",
            objectives=len(framework.objectives),
            indicators=len(framework.indicators),
            targets=with_target,
        )
        typer.echo(f"{file}: {say(valid, lang or 'en')}")
        for warning in unit_warnings(framework):
            logging.getLogger("goalframe.cli").warning("warning: %s", warning)
    if bad:
        raise typer.Exit(EXIT_BAD_INPUT)


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
