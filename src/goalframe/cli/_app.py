"""The Typer app and its root options (--version, --quiet, --verbose, --debug)."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from goalframe._version import __version__

#: The root's flags, accepted after the command too (``goalframe scorecard ... -q``).
ROOT_FLAGS = frozenset({"-q", "--quiet", "-v", "-vv", "-vvv", "--verbose", "--debug"})


class _Group(typer.core.TyperGroup):
    """The root command: its flags (-q, -v, --debug) are read wherever they stand.

    Before a command they are the root's as usual; after it, they are moved in front of it
    (up to a ``--``, after which everything is an argument), so ``goalframe scorecard g.yaml
    -q`` works as ``goalframe -q scorecard g.yaml``.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        cut = args.index("--") if "--" in args else len(args)
        moved = [a for a in args[:cut] if a in ROOT_FLAGS]
        rest = [a for a in args[:cut] if a not in ROOT_FLAGS]
        return super().parse_args(ctx, [*moved, *rest, *args[cut:]])


app = typer.Typer(
    cls=_Group,
    name="goalframe",
    help="Turn policy goals into measurable objectives and check them against data.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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
