"""`goalframe scorecard` and `goalframe explain`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from goalframe.cli._errors import bad_input, fail
from goalframe.cli._files import (
    check_output,
    colour_wanted,
    forced_colour,
    load_inputs,
    parse_as_of,
    settings_for,
    write_output,
)
from goalframe.cli._options import (
    AsOf,
    DataFile,
    Decimal,
    FailOn,
    GoalFile,
    OutputFormat,
    check_language,
)
from goalframe.errors import EXIT_GATE
from goalframe.render._formats import FORMATS_BY_NAME, Format, format_for_suffix

Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of headings, verdicts and numbers: en, nl, or any language with a "
        "catalogue in goalframe/locales (default: the goal file's `language`).",
        callback=check_language,
    ),
]


# Long: Typer reads the options from this signature; most of its lines declare them.
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
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: from the -o file's extension, else table).",
        ),
    ] = None,
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
    lang: Lang = None,
    compact: Annotated[
        bool,
        typer.Option(
            "--compact",
            help="JSON: no indentation, and each series as parallel lists (periods, values, "
            "flags, notes) instead of an object per point; for cards of many series.",
        ),
    ] = False,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            help="Also assess every value of this breakdown column as a series of its own, "
            "for each indicator without `by:` in the goal file (repeat for several columns).",
        ),
    ] = None,
    decimal: Decimal = None,
    vintage: Annotated[
        str | None,
        typer.Option(
            "--vintage",
            help="Use the figures as published on this date (of several releases in a "
            "`vintage` column, the latest by then). Default: the latest release.",
        ),
    ] = None,
    set_aside: Annotated[
        str | None,
        typer.Option(
            "--set-aside",
            help="JSON: list every row set aside (`all`) or the first 1,000 (`first`, the "
            "default); the counts by indicator and reason are always there. CSV and Excel "
            "list every row.",
            show_default=False,
        ),
    ] = None,
    annotations: Annotated[
        str | None,
        typer.Option(
            "--annotations",
            help="With --fail-on: also print a GitHub Actions annotation (`github`) for each "
            "indicator that trips the gate, at its target in the goal file.",
        ),
    ] = None,
) -> None:
    """Evaluate a goal file against observations and print the scorecard.

    Settings not given here come from goalframe.toml or [tool.goalframe] in pyproject.toml
    (see `goalframe config`).
    """
    check_output(output, file, data, lang=lang)
    if annotations not in (None, "github"):
        msg = f"--annotations: unknown form {annotations!r}; the form is 'github'"
        raise fail(msg)
    if set_aside not in (None, "first", "all"):
        msg = f"--set-aside: unknown choice {set_aside!r}; choose 'first' or 'all'"
        raise fail(msg)
    listed = set_aside or "first"
    settings = settings_for(file)
    method = settings.resolve("method", method, None)
    language = settings.resolve("lang", lang, None)
    gate = settings.resolve("fail-on", fail_on.value if fail_on else None, None)
    width = settings.resolve("width", width, None)
    as_of = settings.resolve("as-of", as_of, None)
    by_suffix = None if format else _format_of(output, configured=settings.get("format"))
    shape = FORMATS_BY_NAME[settings.resolve("format", format or by_suffix, "table")]
    with bad_input(language):
        from goalframe._api import compare, evaluate

        framework, observations, cutoff = load_inputs(file, data, as_of, decimal=decimal)
        if by:
            framework = _with_by(framework, by)
        if method == "all":
            comparison = compare(framework, observations, as_of=cutoff)
            card = comparison.own
            if not shape.comparison:
                from goalframe._messages import Message, say

                raise fail(say(Message("cli_method_all_formats"), language or "en"))
            _show(comparison, shape, output, width or 140, None)
        else:
            release = parse_as_of(vintage, "--vintage") if vintage else None
            card = evaluate(framework, observations, as_of=cutoff, method=method, vintage=release)
            if compact and shape.name == "json":
                from goalframe.render.json import scorecard_json_chunks

                chunks = scorecard_json_chunks(
                    card, indent=None, series="columns", set_aside=listed
                )
                write_output(chunks, output)
            else:
                _show(card, shape, output, width, language, listed)
    tripped = gate_trips(card, FailOn(gate)) if gate is not None else []
    if annotations == "github" and tripped:
        typer.echo(github_annotations(card, framework, tripped, gate or ""), nl=False)
    if gate is not None and tripped:
        from goalframe._messages import Message, say

        message = Message("cli_gate", gate=gate, count=len(tripped), ids=", ".join(tripped))
        typer.echo(f"goalframe: {say(message, language or 'en')}", err=True)
        raise typer.Exit(EXIT_GATE)


def github_annotations(card: Any, framework: Any, tripped: list[str], gate: str) -> str:
    """One ``::error file=...,line=...,title=...::message`` line per indicator that tripped."""
    from goalframe._lint._report import _github_escape

    positions = {ind.id: i for i, ind in enumerate(framework.spec.indicators)}
    lines = []
    for ident in tripped:
        result = card.indicator(ident)
        a = result.assessment
        where = None
        if ident in positions:
            where = framework.locate(("indicators", positions[ident], "target"))
        props = [f"file={_github_escape(str(card.origin), property=True)}"]
        if where is not None and where.line:
            props.append(f"line={where.line}")
        title = f"--fail-on {gate}: {result.status.value}"
        props.append(f"title={_github_escape(title, property=True)}")
        text = f"{result.indicator.name} ({ident}): {result.status.label} ({a.label})"
        if a.reason:
            text += f"; {a.reason}"
        lines.append(f"::error {','.join(props)}::{_github_escape(text)}")
    return "\n".join(lines) + "\n"


def _format_of(output: Path | None, *, configured: str | None = None) -> str | None:
    """The format an -o file's extension asks for (``card.html`` -> html), if any.

    An extension no format has (``card.pdf``) is refused with the list, unless a format is
    configured: writing text into ``card.pdf`` would give a file nothing opens.
    """
    if output is None or str(output) == "-" or not output.suffix:
        return None
    found = format_for_suffix(output.suffix)
    if found is None and configured is None:
        from goalframe.render._formats import FORMATS_BY_NAME

        known = ", ".join(s for f in FORMATS_BY_NAME.values() for s in f.suffixes)
        msg = (
            f"{output}: goalframe writes no {output.suffix} file; name the output with one of "
            f"{known}, or give --format"
        )
        raise fail(msg)
    return found.name if found is not None else None


def _show(
    result: Any,
    format: Format,
    output: Path | None,
    width: int | None,
    lang: str | None,
    set_aside: str = "first",
) -> None:
    """Print a scorecard or a comparison: rich on a terminal, else the chosen format."""
    language: dict[str, Any] = {"lang": lang} if lang and format.lang else {}
    if format.name == "table" and output is None and colour_wanted():
        # Colour and the terminal's width on a terminal; plain text otherwise (below).
        from rich.console import Console

        renderable = result
        if lang:
            from goalframe.render.terminal import build_renderable

            renderable = build_renderable(result, lang)
        Console(width=width, highlight=False, emoji=False, force_terminal=forced_colour()).print(
            renderable
        )
        return
    if format.name == "json":
        from goalframe._scorecard import ScorecardData

        if isinstance(result, ScorecardData):  # written one indicator at a time
            from goalframe.render.json import scorecard_json_chunks

            write_output(scorecard_json_chunks(result, set_aside=set_aside), output)
            return
    if format.binary and output is None and sys.stdout.isatty():
        from goalframe._messages import Message, say

        raise fail(say(Message("cli_excel_terminal"), lang or "en"))
    if format.name == "table":  # a pipe: --width, else COLUMNS (as a terminal sets it), else 100
        language["width"] = width or _columns() or 100
    write_output(getattr(result, format.writer)(**language), output)


def _columns() -> int | None:
    """``COLUMNS`` from the environment, when it is a width the table can take (40-1000)."""
    import os

    text = os.environ.get("COLUMNS", "").strip()
    return int(text) if text.isdigit() and 40 <= int(text) <= 1000 else None


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
    decimal: Decimal = None,
    lang: Lang = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            help="Explain one `by:` series: its label (Rotterdam) or breakdown (region=Rotterdam).",
        ),
    ] = None,
) -> None:
    """Explain one indicator's verdict: the formula, the numbers plugged in, the source."""
    with bad_input(lang):
        from goalframe._api import evaluate
        from goalframe._messages import Message, message_of, say
        from goalframe._suggest import close_matches

        framework, observations, cutoff = load_inputs(file, data, as_of, decimal=decimal)
        ids = [i.id for i in framework.indicators]
        language = lang or framework.spec.language
        if indicator not in ids:
            close = close_matches(indicator, ids, limit=1)
            hint = Message("explain_close", names=repr(close[0])) if close else ""
            message = Message(
                "explain_no_indicator", indicator=repr(indicator), hint=hint, ids=", ".join(ids)
            )
            msg = f"{file}: {say(message, language)}"
            raise fail(msg)
        card = evaluate(framework, observations, as_of=cutoff, method=method)
    from goalframe._text import clean

    try:
        text = card.explain(indicator, lang=language, group=group)
    except KeyError as exc:
        msg = f"{file}: {say(message_of(exc), language)}"
        raise fail(msg) from None
    typer.echo(clean(text))


#: The gate's scale, best to worst; outcome_unknown and not_assessable stand apart.
GATE_ORDER = ("on_track", "needs_acceleration", "insufficient_progress", "moving_away", "missed")


def gate_trips(card: Any, fail_on: FailOn) -> list[str]:
    """Ids of the indicators that trip ``--fail-on``, in card order.

    Every target that counts trips it: an earlier target whose deadline is over (missed, say)
    as well as the one in force, so that a later target never hides a missed one.
    """
    from goalframe._assessment import Status
    from goalframe._evaluate._rollup import counted_targets

    if fail_on is FailOn.not_assessable:
        wanted = Status(fail_on.value)
        return [
            r.id for r in card.indicators if r.status is wanted and r.indicator.goal is not None
        ]
    if fail_on is FailOn.outcome_unknown:
        return [
            r.id
            for r in card.indicators
            if any(c.assessment.status is Status.OUTCOME_UNKNOWN for c in counted_targets(r))
        ]
    limit = GATE_ORDER.index(fail_on.value)
    return [
        r.id
        for r in card.indicators
        if any(
            c.assessment.status.value in GATE_ORDER
            and GATE_ORDER.index(c.assessment.status.value) >= limit
            for c in counted_targets(r)
        )
    ]


def _with_by(framework: Any, columns: list[str]) -> Any:
    """The framework with ``by`` set on every indicator that has none (``--by``)."""
    import attrs

    if len(set(columns)) != len(columns):
        msg = f"--by names a column more than once ({', '.join(columns)})"
        raise fail(msg)
    indicators = tuple(
        i if i.by else attrs.evolve(i, by=tuple(columns)) for i in framework.indicators
    )
    return attrs.evolve(framework, indicators=indicators)
