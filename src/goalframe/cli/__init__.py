"""The ``goalframe`` command line: a thin layer over the Python API.

Exit codes: 0 success; 1 a ``--fail-on`` gate tripped; 2 bad input or usage (the message on
stderr names the file, the place and the fix; never a traceback).

Only typer is imported at start-up; each command imports what it needs, so that
``goalframe --help`` does not load pint.
"""

from __future__ import annotations

from goalframe.cli._app import app
from goalframe.cli._import import import_app
from goalframe.cli._lint import lint
from goalframe.cli._methods import list_methods
from goalframe.cli._schema import schema
from goalframe.cli._scorecard import explain, scorecard
from goalframe.cli._show_config import config
from goalframe.cli._validate import validate
from goalframe.cli._verdicts import verdicts

__all__ = ["app", "main"]


# The commands, in the order `goalframe --help` lists them.
app.command()(validate)
app.command()(scorecard)
app.command()(explain)
app.command()(verdicts)
app.command()(lint)
app.command()(schema)
app.command(name="methods")(list_methods)
app.command()(config)
app.add_typer(import_app, name="import")


def main() -> None:
    """Run the command line (the ``goalframe`` console script).

    Anything that escapes a command is a bug: a short report and exit code 3, never a
    traceback (unless --debug or GOALFRAME_DEBUG=1 asks for it).
    """
    from goalframe.cli._errors import debugging, internal_error

    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:
        if debugging():
            raise
        raise SystemExit(internal_error(exc).exit_code) from None
