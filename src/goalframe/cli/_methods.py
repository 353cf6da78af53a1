"""`goalframe methods`: every registered progress method, with its options."""

from __future__ import annotations

import typer


def list_methods() -> None:
    """List the progress-assessment methods."""
    from goalframe.progress import methods

    for info in methods():
        typer.echo(f"{info.name:<14} {info.summary}")
