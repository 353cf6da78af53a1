"""`goalframe scorecard` and `goalframe explain`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from goalframe.cli._common import (
    AsOf,
    DataFile,
    FailOn,
    GoalFile,
    Language,
    OutputFormat,
    bad_input,
    check_output,
    fail,
    load_inputs,
    write_output,
)
from goalframe.errors import EXIT_GATE


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
    check_output(output, file, data)
    with bad_input():
        from goalframe._api import compare, evaluate

        framework, observations, cutoff = load_inputs(file, data, as_of)
        if method == "all":
            comparison = compare(framework, observations, as_of=cutoff)
            card = comparison.own
            if format in (OutputFormat.html, OutputFormat.csv):
                msg = "--method all gives table, markdown or json output"
                raise fail(msg)
            _show(comparison, format, output, width or 140, None)
        else:
            card = evaluate(framework, observations, as_of=cutoff, method=method)
            _show(card, format, output, width, lang.value if lang else None)
    tripped = gate_trips(card, fail_on) if fail_on is not None else []
    if fail_on is not None and tripped:
        typer.echo(
            f"goalframe: --fail-on {fail_on.value}: the gate tripped on "
            f"{len(tripped)} indicator(s): {', '.join(tripped)}",
            err=True,
        )
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
        write_output(result.to_json(), output)
    elif format is OutputFormat.markdown:
        write_output(result.to_markdown(**language), output)
    elif format is OutputFormat.html:
        write_output(result.to_html(**language), output)
    elif format is OutputFormat.csv:
        write_output(result.to_csv(), output)
    else:
        write_output(result.to_text(width=width or 100, **language), output)


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
    with bad_input():
        from goalframe._api import evaluate

        framework, observations, cutoff = load_inputs(file, data, as_of)
        ids = [i.id for i in framework.indicators]
        if indicator not in ids:
            import difflib

            close = difflib.get_close_matches(indicator, ids, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            msg = f"{file}: no indicator {indicator!r}{hint}; the file defines {', '.join(ids)}"
            raise fail(msg)
        card = evaluate(framework, observations, as_of=cutoff, method=method)
    from goalframe._text import clean

    typer.echo(clean(card.explain(indicator)))


#: The gate's scale, best to worst; outcome_unknown and not_assessable stand apart.
GATE_ORDER = ("on_track", "needs_acceleration", "insufficient_progress", "moving_away", "missed")


def gate_trips(card: Any, fail_on: FailOn) -> list[str]:
    """Ids of the indicators that trip ``--fail-on``, in card order."""
    from goalframe._assessment import Status

    if fail_on in (FailOn.not_assessable, FailOn.outcome_unknown):
        wanted = Status(fail_on.value)
        return [
            r.id for r in card.indicators if r.status is wanted and r.indicator.goal is not None
        ]
    limit = GATE_ORDER.index(fail_on.value)
    return [
        r.id
        for r in card.indicators
        if r.scored and r.status.value in GATE_ORDER and GATE_ORDER.index(r.status.value) >= limit
    ]
