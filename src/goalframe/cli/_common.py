"""The command-line app, its shared options and its error handling."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from goalframe._version import __version__
from goalframe.errors import EXIT_BAD_INPUT

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
    """Statuses that can trip the ``--fail-on`` gate.

    The first five run from best to worst, and each trips on itself and every worse one
    (``moving_away`` also on ``missed``); ``outcome_unknown`` and ``not_assessable`` trip
    on themselves only.
    """

    on_track = "on_track"
    needs_acceleration = "needs_acceleration"
    insufficient_progress = "insufficient_progress"
    moving_away = "moving_away"
    missed = "missed"
    outcome_unknown = "outcome_unknown"
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


def fail(message: str) -> typer.Exit:
    typer.echo(f"goalframe: error: {message}", err=True)
    return typer.Exit(EXIT_BAD_INPUT)


@contextmanager
def bad_input() -> Iterator[None]:
    """Turn goalframe's errors into a message on stderr and exit code 2."""
    from goalframe.errors import GoalframeError

    try:
        yield
    except GoalframeError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        name = exc.filename or ""
        raise fail(f"{name}: {exc.strerror or exc}") from None  # noqa: EM102


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"{output}: cannot write the output ({exc.strerror})") from None  # noqa: EM102
    typer.echo(f"wrote {output}", err=True)


GoalFile = Annotated[
    Path,
    typer.Argument(
        help="Goal file (.yaml, .yml, .json or .toml).", show_default=False, metavar="FILE"
    ),
]


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


def parse_as_of(as_of: str | None) -> Any:
    """Read --as-of, or exit 2 saying what periods look like."""
    from goalframe._periods import Period

    try:
        return Period.parse(as_of) if as_of is not None else None
    except ValueError as exc:
        raise fail(f"--as-of: {exc}") from None  # noqa: EM102


def load_inputs(
    file: Path, data: Path | None, as_of: str | None, *, strict: bool = True
) -> tuple[Any, Any, Any]:
    """Load the goal file and the observations and read --as-of (inside `bad_input`)."""
    from goalframe.io import load_framework
    from goalframe.io._csv import load_observations

    cutoff = parse_as_of(as_of)
    framework = load_framework(file, strict=strict)
    observations = load_observations(data) if data is not None else None
    return framework, observations, cutoff
