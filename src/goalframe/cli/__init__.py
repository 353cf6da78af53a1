"""The ``goalframe`` command line: a thin layer over the Python API.

Exit codes: 0 success; 1 a ``--fail-on`` gate tripped; 2 bad input or usage (the message on
stderr names the file, the place and the fix; never a traceback).

Nothing is imported at start-up but what a command needs: ``goalframe --version`` answers
without typer, ``goalframe --help`` without pint; each command imports its own.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goalframe.cli._commands import app

__all__ = ["app", "main"]


def __getattr__(name: str) -> Any:
    """``app``, the Typer app with every command, built on first use."""
    if name == "app":
        from goalframe.cli._commands import app

        return app
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def main() -> None:
    """Run the command line (the ``goalframe`` console script).

    Anything that escapes a command is a bug: a short report and exit code 3, never a
    traceback (unless --debug or GOALFRAME_DEBUG=1 asks for it).
    """
    if sys.argv[1:] == ["--version"]:  # answered before typer is imported
        from goalframe._version import __version__

        sys.stdout.write(f"goalframe {__version__}\n")
        return
    from goalframe.cli._commands import app
    from goalframe.cli._errors import debugging, internal_error

    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - anything that escapes a command is a bug
        if debugging():  # the traceback, and still the internal error's code (not Python's 1)
            import traceback

            traceback.print_exc()
            from goalframe.errors import EXIT_INTERNAL

            raise SystemExit(EXIT_INTERNAL) from None
        raise SystemExit(internal_error(exc).exit_code) from None
