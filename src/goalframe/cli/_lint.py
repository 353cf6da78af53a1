"""`goalframe lint`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from goalframe.cli._common import (
    AsOf,
    GoalFile,
    bad_input,
    check_output,
    load_inputs,
    write_output,
)
from goalframe.errors import EXIT_GATE


class LintFormat(StrEnum):
    """Lint output formats."""

    text = "text"
    json = "json"
    markdown = "markdown"


class LintGate(StrEnum):
    """Severities that can fail ``goalframe lint``."""

    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def lint(
    file: GoalFile,
    data: Annotated[
        Path | None,
        typer.Option("--data", "-d", help="Observations CSV, for the rules that need data."),
    ] = None,
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="Output format.")] = (
        LintFormat.text
    ),
    select: Annotated[
        str | None,
        typer.Option(help="Only these rules: codes or prefixes, comma-separated (e.g. M,T001)."),
    ] = None,
    ignore: Annotated[
        str | None, typer.Option(help="Leave out these rules: codes or prefixes, comma-separated.")
    ] = None,
    fail_on: Annotated[
        LintGate,
        typer.Option(
            "--fail-on", help="Exit 1 when a finding of this severity or worse is not ignored."
        ),
    ] = LintGate.error,
    as_of: AsOf = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Check that goals are measurable (SMART): exit 1 on findings, 2 on bad input."""
    check_output(output, file, data)
    with bad_input():
        from goalframe._lint import (
            Severity,
            lint,
            measurability,
            report_dict,
            report_markdown,
            report_text,
            select_findings,
            to_json,
        )

        framework, observations, cutoff = load_inputs(file, data, as_of, strict=False)
        everything = lint(framework, observations, as_of=cutoff)
        # The score always counts every error-level rule; --select/--ignore only filter output.
        score = measurability(framework, everything)
        findings = select_findings(
            everything,
            select=select.split(",") if select else None,
            ignore=ignore.split(",") if ignore else None,
        )
        if format is LintFormat.json:
            text = to_json(report_dict(framework, findings, score))
        elif format is LintFormat.markdown:
            text = report_markdown(framework, findings, score)
        else:
            text = report_text(framework, findings, score)
        write_output(text, output)
    if fail_on is not LintGate.never:
        limit = Severity(fail_on.value).rank
        if any(not f.ignored and f.severity.rank >= limit for f in findings):
            raise typer.Exit(EXIT_GATE)
