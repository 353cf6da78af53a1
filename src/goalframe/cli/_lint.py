"""`goalframe lint`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from goalframe.cli._errors import bad_input, fail
from goalframe.cli._files import check_output, parse_as_of, settings_for, write_output
from goalframe.cli._options import AsOf, Decimal, check_language
from goalframe.errors import EXIT_BAD_INPUT, EXIT_GATE


class LintFormat(StrEnum):
    """Lint output formats."""

    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    sarif = "sarif"


#: The lint formats an -o file's extension asks for (``report.sarif`` -> sarif).
LINT_SUFFIXES = {
    ".txt": LintFormat.text,
    ".json": LintFormat.json,
    ".md": LintFormat.markdown,
    ".markdown": LintFormat.markdown,
    ".sarif": LintFormat.sarif,
}


def _lint_format_of(output: Path | None, configured: str | None) -> str | None:
    """The format -o's extension asks for; an unknown one refused unless one is configured."""
    if output is None or str(output) == "-" or not output.suffix:
        return None
    found = LINT_SUFFIXES.get(output.suffix.lower())
    if found is None and configured is None:
        msg = (
            f"{output}: goalframe lint writes no {output.suffix} file; name the output with "
            f"one of {', '.join(LINT_SUFFIXES)}, or give --format"
        )
        raise fail(msg)
    return found.value if found is not None else None


class LintGate(StrEnum):
    """Severities that can fail ``goalframe lint``."""

    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


GoalFiles = Annotated[
    list[Path],
    typer.Argument(
        help="Goal files, folders (searched for .yaml, .yml, .json and .toml files) or globs; "
        "'-' reads standard input.",
        show_default=False,
        metavar="FILE...",
    ),
]


def check_codes(option: str, given: str | None) -> list[str] | None:
    """Read --select/--ignore: each item a rule code or a prefix of one, or exit 2."""
    from goalframe._lint import RULES
    from goalframe._suggest import did_you_mean

    if not given:
        return None
    items = [item.strip().upper() for item in given.split(",") if item.strip()]
    for item in items:
        if not any(code.startswith(item) for code in RULES):
            hint = did_you_mean(item, RULES)
            msg = (
                f"{option}: no lint rule has the code {item!r}{hint}; codes run from "
                f"{min(RULES)} to {max(RULES)} (goalframe lint --help, or the rules reference)"
            )
            raise fail(msg)
    return items


# Long: Typer reads the options from this signature; most of its lines declare them.
def lint(
    files: GoalFiles,
    data: Annotated[
        Path | None,
        typer.Option("--data", "-d", help="Observations CSV, for the rules that need data."),
    ] = None,
    format: Annotated[
        LintFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text (default), json, markdown, github (workflow annotations) "
            "or sarif (SARIF 2.1.0, for code scanning).",
        ),
    ] = None,
    select: Annotated[
        str | None,
        typer.Option(help="Only these rules: codes or prefixes, comma-separated (e.g. M,T001)."),
    ] = None,
    ignore: Annotated[
        str | None, typer.Option(help="Leave out these rules: codes or prefixes, comma-separated.")
    ] = None,
    fail_on: Annotated[
        LintGate | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding of this severity or worse is not ignored (default: error).",
        ),
    ] = None,
    as_of: AsOf = None,
    decimal: Decimal = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language of the text report's findings: en (default), nl, or any language "
            "with a catalogue in goalframe/locales. The other formats stay in English.",
            callback=check_language,
        ),
    ] = None,
) -> None:
    """Check that goals are measurable (SMART).

    Exit 0 when clean, 1 on findings at the --fail-on level, 2 when a file cannot be read or
    validated (machine-readable formats still report it, as findings F003-F005).
    """
    check_output(output, *files, data, lang=lang)
    settings = settings_for(files[0] if files else None)
    chosen = check_codes("--select", settings.resolve("lint.select", select, None))
    left_out = check_codes("--ignore", settings.resolve("lint.ignore", ignore, None))
    given = format.value if format else None
    given = given or _lint_format_of(output, settings.get("lint.format"))
    shape = LintFormat(settings.resolve("lint.format", given, "text"))
    gate = LintGate(settings.resolve("lint.fail-on", fail_on.value if fail_on else None, "error"))
    as_of = settings.resolve("as-of", as_of, None)
    with bad_input():
        from goalframe._lint import Severity
        from goalframe._lint._files import expand_paths, lint_path, unreadable_data
        from goalframe._lint._report import (
            reports_github,
            reports_json,
            reports_markdown,
            reports_sarif,
            reports_text,
        )
        from goalframe.errors import DataError
        from goalframe.io._load_observations import load_observations

        cutoff = parse_as_of(as_of)
        paths = expand_paths(files)
        if not paths:
            raise fail("no goal files found in " + ", ".join(str(f) for f in files))
        reports = []
        observations = None
        if data is not None:
            try:
                mark = decimal.value if decimal is not None else None
                observations = load_observations(data, decimal=mark)
            except DataError as exc:
                reports.append(unreadable_data(exc, str(data)))
        reports += [
            lint_path(path, observations, as_of=cutoff, select=chosen, ignore=left_out)
            for path in paths
        ]
        render = {
            LintFormat.json: reports_json,
            LintFormat.markdown: reports_markdown,
            LintFormat.github: reports_github,
            LintFormat.sarif: reports_sarif,
        }.get(shape, reports_text)
        if shape is LintFormat.text and lang:
            write_output(reports_text(reports, lang), output)
        else:
            write_output(render(reports), output)
    broken = [r for r in reports if r.unreadable]
    if broken:
        from goalframe._messages import say

        for report in broken:
            first = report.findings[0]
            where = f"{first.location}: " if first.location else f"{report.origin}: "
            message = say(first.message, lang) if lang else first.message
            typer.echo(f"goalframe: error: {where}{message}", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    if gate is not LintGate.never:
        limit = Severity(gate.value).rank
        if any(not f.ignored and f.severity.rank >= limit for r in reports for f in r.findings):
            raise typer.Exit(EXIT_GATE)
