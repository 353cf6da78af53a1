"""The command-line app, its shared options and its error handling."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer

from goalframe._version import __version__
from goalframe.errors import EXIT_BAD_INPUT, EXIT_INTERNAL

app = typer.Typer(
    name="goalframe",
    help="Turn policy goals into measurable objectives and check them against data.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _output_format() -> type[StrEnum]:
    """``--format``'s choices: the names of the formats table (`goalframe.render._formats`)."""
    from goalframe.render._formats import FORMATS_BY_NAME

    made: type[StrEnum] = StrEnum("OutputFormat", {n: n for n in FORMATS_BY_NAME})  # type: ignore[misc]
    return made


if TYPE_CHECKING:
    OutputFormat: TypeAlias = str
else:  # an enum for Typer, built from the one formats table
    OutputFormat = _output_format()


def check_language(value: str | None) -> str | None:
    """``--lang``: a language there is a catalogue for (``locales/<code>.toml``)."""
    if value is None:
        return None
    from goalframe.render._i18n import languages

    if value not in languages():
        msg = f"unknown language {value!r}; choose one of {', '.join(languages())}"
        raise typer.BadParameter(msg)
    return value


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


#: Set by --debug (or GOALFRAME_DEBUG=1): show the traceback of an internal error.
_DEBUG: list[bool] = []


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Show the traceback of an internal error (a bug)."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print errors only (no 'wrote', no warnings).")
    ] = False,
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose", "-v", count=True, help="Say more: what was read and assessed (-vv: all)."
        ),
    ] = 0,
) -> None:
    """Turn policy goals into measurable objectives and check them against data.

    Exit codes: 0 success, 1 a --fail-on gate tripped (or lint findings), 2 bad input or
    usage, 3 an internal error (a bug in goalframe; --debug shows the traceback).
    """
    _DEBUG[:] = [debug]
    setup_logging(quiet=quiet, verbose=verbose)


def setup_logging(*, quiet: bool = False, verbose: int = 0) -> None:
    """Send messages to stderr through `logging`.

    Warnings and "wrote FILE" by default; ``-q`` errors only; ``-v`` also what was read and
    assessed.
    """
    import logging

    logger = logging.getLogger("goalframe")
    for handler in list(logger.handlers):
        if getattr(handler, "_goalframe", False):
            logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler._goalframe = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("goalframe: %(message)s"))
    logger.addHandler(handler)
    logger.propagate = False
    if quiet:
        logger.setLevel(logging.ERROR)
    elif verbose:
        logger.setLevel(logging.DEBUG)
    else:
        logger.setLevel(logging.INFO)


def fail(message: str) -> typer.Exit:
    typer.echo(f"goalframe: error: {message}", err=True)
    return typer.Exit(EXIT_BAD_INPUT)


def debugging() -> bool:
    """Whether --debug (or GOALFRAME_DEBUG=1) asks for tracebacks."""
    import os

    return bool(_DEBUG and _DEBUG[0]) or os.environ.get("GOALFRAME_DEBUG") == "1"


@contextmanager
def bad_input(lang: str | None = None) -> Iterator[None]:
    """Turn goalframe's errors into a message and exit 2; anything else is a bug: exit 3.

    With ``lang`` (the command's ``--lang``), a goal file's problems and an observations
    file's reading errors are said in that language where the catalogues have them.
    """
    from goalframe.errors import GoalframeError, SpecValidationError

    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except SpecValidationError as exc:
        raise fail(spec_problems(exc, lang) if lang else str(exc)) from None
    except GoalframeError as exc:
        raise fail(said(exc, lang) if lang else str(exc)) from None
    except OSError as exc:
        name = exc.filename or ""
        raise fail(f"{name}: {exc.strerror or exc}") from None  # noqa: EM102
    except Exception as exc:
        if debugging() or type(exc).__module__.startswith(("click", "typer")):
            raise  # the command line's own exits and usage errors
        raise internal_error(exc) from None


def said(exc: BaseException, lang: str) -> str:
    """One of goalframe's errors in ``lang``, where its texts are catalogue messages.

    An error with a ``location`` and a ``message`` says the message after the place; one built
    from a single message (rows that cannot be read: `Lines`) says it; any other says its
    English text.
    """
    from goalframe._messages import message_of, say

    message, location = getattr(exc, "message", None), getattr(exc, "location", None)
    if isinstance(message, str) and location is not None:
        return f"{location}: {say(message, lang)}"
    return say(message_of(exc), lang)


def spec_problems(exc: Any, lang: str) -> str:
    """A goal file's problems (a `SpecValidationError`) in ``lang``: a count, then each one."""
    import dataclasses

    from goalframe._messages import Message, say

    count = len(exc.problems)
    head = Message("goal_problems_one" if count == 1 else "goal_problems", count=count)
    # Each problem written as `Problem` writes itself, with its message in ``lang``.
    said = (dataclasses.replace(p, message=say(p.message, lang)) for p in exc.problems)
    return "\n".join([f"{exc.source}: {say(head, lang)}", *(f"  {p}" for p in said)])


def internal_error(exc: BaseException) -> typer.Exit:
    """Report a bug in goalframe briefly (no traceback) and return exit code 3."""
    typer.echo(
        f"goalframe: internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in goalframe, not a problem with your files. Please report it with the "
        "command you ran and, if you can, the files; run again with --debug to see the "
        "traceback.",
        err=True,
    )
    return typer.Exit(EXIT_INTERNAL)


def check_output(output: Path | None, *inputs: Path | None, lang: str | None = None) -> None:
    """Refuse an output that would overwrite an input or cannot be written, before reading.

    A folder, or a path whose folder does not exist, is refused too; ``-`` is standard output.
    The refusal is said in ``lang`` (the command's ``--lang``), English by default.
    """
    if output is None or str(output) == "-":
        return
    from goalframe._messages import Message, say

    target = output.resolve()
    for given in inputs:
        if given is None or str(given) == "-":
            continue
        source = given.resolve()
        same = source == target
        if not same and output.exists() and given.exists():
            try:
                same = output.samefile(given)
            except OSError:
                same = False
        if same:
            message = Message("cli_overwrite", input=str(given))
            msg = f"{output}: {say(message, lang or 'en')}"
            raise fail(msg)
    if output.is_dir():
        msg = f"{output}: {say(Message('cli_output_folder'), lang or 'en')}"
        raise fail(msg)
    if not target.parent.is_dir():
        message = Message("cli_no_folder", folder=str(output.parent))
        msg = f"{output}: {say(message, lang or 'en')}"
        raise fail(msg)


def _file_mode(output: Path) -> int:
    """The mode a new file gets here (the umask applied), or the replaced file's own."""
    import os

    try:
        return output.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_output(text: str | bytes | Iterable[str], output: Path | None) -> None:
    """Write to standard output (None or ``-``) or, atomically, to a file.

    ``text`` may come in pieces (an iterable of strings), written as they come. The text
    goes to a temporary file in the same folder, renamed into place when complete: an
    interrupted run never leaves half a card.
    """
    import os
    import tempfile

    if isinstance(text, bytes):
        pieces: Iterable[str] = ()
    else:
        pieces = [text] if isinstance(text, str) else text
    if output is None or str(output) == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            for piece in pieces:
                sys.stdout.write(piece)
        return
    folder = output.resolve().parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=folder)
        try:
            if isinstance(text, bytes):
                with os.fdopen(handle, "wb") as binary:
                    binary.write(text)
            else:
                with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                    for piece in pieces:
                        stream.write(piece)
            Path(temporary).chmod(_file_mode(output))
            Path(temporary).replace(output)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise fail(f"{output}: cannot write the output ({exc.strerror})") from None  # noqa: EM102
    import logging

    logging.getLogger("goalframe.cli").info("wrote %s", output)


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


class DecimalMark(StrEnum):
    """The decimal separator of the values in an observations file."""

    point = "."
    comma = ","


Decimal = Annotated[
    DecimalMark | None,
    typer.Option(
        "--decimal",
        help="The decimal separator of the data's values. Default: a point, or what the "
        "values of a ';' or tab file show (27,4 is a decimal comma).",
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
    file: Path,
    data: Path | None,
    as_of: str | None,
    *,
    strict: bool = True,
    decimal: DecimalMark | None = None,
) -> tuple[Any, Any, Any]:
    """Load the goal file and the observations and read --as-of (inside `bad_input`)."""
    from goalframe.io import load_framework
    from goalframe.io._csv import load_observations

    cutoff = parse_as_of(as_of)
    framework = load_framework(file, strict=strict)
    start = framework.spec.year_start
    mark = decimal.value if decimal is not None else None
    observations = (
        load_observations(data, year_start=start, decimal=mark) if data is not None else None
    )
    return framework, observations, cutoff


def colour_wanted() -> bool:
    """Rich output (colour, the terminal's width): on a terminal, or when FORCE_COLOR is set.

    ``NO_COLOR`` (https://no-color.org) keeps the layout but drops the colour; rich honours it.
    """
    return bool(sys.stdout.isatty()) or bool(forced_colour())


def forced_colour() -> bool | None:
    """True when ``FORCE_COLOR`` asks for colour even through a pipe; else None (detect)."""
    import os

    return True if os.environ.get("FORCE_COLOR") else None


def settings_for(path: Path | None) -> Any:
    """The configuration file's settings for a goal file (exit 2 naming a bad setting)."""
    from goalframe.cli._config import load_settings

    try:
        return load_settings(path if path is not None and str(path) != "-" else None)
    except ValueError as exc:
        raise fail(str(exc)) from None
