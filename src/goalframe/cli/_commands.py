"""The commands of the Typer app, registered in the order `goalframe --help` lists them."""

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

__all__ = ["app"]


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
