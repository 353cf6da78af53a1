"""The ``goalframe`` command line: a thin layer over the Python API.

Exit codes: 0 success; 1 a ``--fail-on`` gate tripped; 2 bad input or usage (the message on
stderr names the file, the place and the fix; never a traceback).

Only typer is imported at start-up; each command imports what it needs, so that
``goalframe --help`` does not load pint.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from goalframe._version import __version__
from goalframe.errors import EXIT_BAD_INPUT, EXIT_GATE

__all__ = ["app", "main"]

app = typer.Typer(
    name="goalframe",
    help="Turn policy goals into measurable objectives and check them against data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    """Scorecard formats on the command line."""

    table = "table"
    markdown = "markdown"
    json = "json"
    html = "html"
    csv = "csv"


class Language(StrEnum):
    """Languages of the fixed texts."""

    en = "en"
    nl = "nl"


class FailOn(StrEnum):
    """Statuses that can trip the ``--fail-on`` gate, best to worst."""

    on_track = "on_track"
    needs_acceleration = "needs_acceleration"
    insufficient_progress = "insufficient_progress"
    moving_away = "moving_away"
    not_assessable = "not_assessable"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"goalframe {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn policy goals into measurable objectives and check them against data.

    Exit codes: 0 success, 1 a --fail-on gate tripped, 2 bad input or usage.
    """


def _fail(message: str) -> typer.Exit:
    typer.echo(f"goalframe: error: {message}", err=True)
    return typer.Exit(EXIT_BAD_INPUT)


@contextmanager
def _bad_input() -> Iterator[None]:
    """Turn goalframe's errors into a message on stderr and exit code 2."""
    from goalframe.errors import GoalframeError

    try:
        yield
    except GoalframeError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        name = exc.filename or ""
        raise _fail(f"{name}: {exc.strerror or exc}") from None  # noqa: EM102


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"{output}: cannot write the output ({exc.strerror})") from None  # noqa: EM102
    typer.echo(f"wrote {output}", err=True)


GoalFile = Annotated[
    Path,
    typer.Argument(
        help="Goal file (.yaml, .yml, .json or .toml).", show_default=False, metavar="FILE"
    ),
]


@app.command()
def validate(file: GoalFile) -> None:
    """Check a goal file: schema, ids, tree, units, targets. Exit 2 on any problem."""
    with _bad_input():
        from goalframe.io import load_framework

        framework = load_framework(file)
    with_target = sum(1 for i in framework.indicators if i.goal is not None)
    typer.echo(
        f"{file}: valid: {len(framework.objectives)} objectives, "
        f"{len(framework.indicators)} indicators ({with_target} with a target)"
    )


DataFile = Annotated[
    Path,
    typer.Option(
        "--data",
        "-d",
        help="Observations CSV (indicator, period, value, unit, ...).",
        show_default=False,
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Evaluate as if in this period (e.g. 2020); later observations are set aside.",
    ),
]


def _as_of(as_of: str | None) -> Any:
    """Read --as-of, or exit 2 saying what periods look like."""
    from goalframe._periods import Period

    try:
        return Period.parse(as_of) if as_of is not None else None
    except ValueError as exc:
        raise _fail(f"--as-of: {exc}") from None  # noqa: EM102


def _load_inputs(
    file: Path, data: Path | None, as_of: str | None, *, strict: bool = True
) -> tuple[Any, Any, Any]:
    """Load the goal file and the observations and read --as-of (inside `_bad_input`)."""
    from goalframe.io import load_framework
    from goalframe.io._csv import load_observations

    cutoff = _as_of(as_of)
    framework = load_framework(file, strict=strict)
    observations = load_observations(data) if data is not None else None
    return framework, observations, cutoff


@app.command()
def scorecard(
    file: GoalFile,
    data: DataFile,
    as_of: AsOf = None,
    method: Annotated[
        str | None,
        typer.Option(
            "--method",
            "-m",
            help="Use this method for every indicator (see `goalframe methods`); `all` "
            "compares every general method side by side.",
        ),
    ] = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 if any scored indicator has this status or a "
            "worse one (not_assessable: if any indicator with a target cannot be "
            "assessed). With --method all, the indicators' own methods decide.",
        ),
    ] = None,
    width: Annotated[
        int | None,
        typer.Option(
            help="Width of the table format in columns (default: the terminal's, "
            "or 100 when writing to a file or pipe).",
            min=40,
            max=1000,
        ),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help="Language of headings and verdicts (default: the goal file's `language`).",
        ),
    ] = None,
) -> None:
    """Evaluate a goal file against observations and print the scorecard."""
    with _bad_input():
        from goalframe._compare import compare
        from goalframe._evaluate import evaluate

        framework, observations, cutoff = _load_inputs(file, data, as_of)
        if method == "all":
            comparison = compare(framework, observations, as_of=cutoff)
            card = comparison.own
            if format in (OutputFormat.html, OutputFormat.csv):
                msg = "--method all gives table, markdown or json output"
                raise _fail(msg)
            _show(comparison, format, output, width or 140, None)
        else:
            card = evaluate(framework, observations, as_of=cutoff, method=method)
            _show(card, format, output, width, lang.value if lang else None)
    if fail_on is not None and _gate_trips(card, fail_on):
        typer.echo(f"goalframe: --fail-on {fail_on.value}: the gate tripped", err=True)
        raise typer.Exit(EXIT_GATE)


def _show(
    result: Any, format: OutputFormat, output: Path | None, width: int | None, lang: str | None
) -> None:
    """Print a scorecard or a comparison: rich on a terminal, else the chosen text format."""
    language = {"lang": lang} if lang else {}
    if format is OutputFormat.table and output is None and sys.stdout.isatty():
        # Colour and the terminal's width on a terminal; plain text otherwise (below).
        from rich.console import Console

        console_width = width
        renderable = result
        if lang:
            from goalframe.render.terminal import build_renderable

            renderable = build_renderable(result, lang)
        Console(width=console_width, highlight=False, emoji=False).print(renderable)
    elif format is OutputFormat.json:
        _write(result.to_json(), output)
    elif format is OutputFormat.markdown:
        _write(result.to_markdown(**language), output)
    elif format is OutputFormat.html:
        _write(result.to_html(**language), output)
    elif format is OutputFormat.csv:
        _write(result.to_csv(), output)
    else:
        _write(result.to_text(width=width or 100, **language), output)


@app.command()
def explain(
    file: GoalFile,
    data: DataFile,
    indicator: Annotated[
        str, typer.Option("--indicator", "-i", help="The indicator's id.", show_default=False)
    ],
    method: Annotated[
        str | None,
        typer.Option(
            "--method", "-m", help="Explain this method's verdict instead of the indicator's own."
        ),
    ] = None,
    as_of: AsOf = None,
) -> None:
    """Explain one indicator's verdict: the formula, the numbers plugged in, the source."""
    with _bad_input():
        from goalframe._evaluate import evaluate

        framework, observations, cutoff = _load_inputs(file, data, as_of)
        ids = [i.id for i in framework.indicators]
        if indicator not in ids:
            import difflib

            close = difflib.get_close_matches(indicator, ids, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            msg = f"{file}: no indicator {indicator!r}{hint}; the file defines {', '.join(ids)}"
            raise _fail(msg)
        card = evaluate(framework, observations, as_of=cutoff, method=method)
    typer.echo(card.explain(indicator))


def _gate_trips(card: Any, fail_on: FailOn) -> bool:
    from goalframe._assessment import Status

    if fail_on is FailOn.not_assessable:
        return any(
            r.status is Status.NOT_ASSESSABLE and r.indicator.goal is not None
            for r in card.indicators
        )
    limit = Status(fail_on.value).rank
    assert limit is not None
    return any(r.scored and (r.status.rank or 0) <= limit for r in card.indicators)


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


@app.command()
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
    with _bad_input():
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

        framework, observations, cutoff = _load_inputs(file, data, as_of, strict=False)
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
        _write(text, output)
    if fail_on is not LintGate.never:
        limit = Severity(fail_on.value).rank
        if any(not f.ignored and f.severity.rank >= limit for f in findings):
            raise typer.Exit(EXIT_GATE)


class SchemaKind(StrEnum):
    """Which JSON Schema to print."""

    goals = "goals"
    scorecard = "scorecard"


@app.command()
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

        _write(scorecard_schema(), output)
        return
    from goalframe.render.json import goal_file_schema

    _write(goal_file_schema(), output)


@app.command(name="methods")
def list_methods() -> None:
    """List the progress-assessment methods."""
    from goalframe.progress import methods

    for info in methods():
        typer.echo(f"{info.name:<14} {info.summary}")


def main() -> None:
    """Run the command line (the ``goalframe`` console script)."""
    app()
