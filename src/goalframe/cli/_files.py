"""Reading the inputs and writing the outputs of a command, never harming a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from goalframe.cli._errors import fail
from goalframe.cli._options import DecimalMark
from goalframe.cli._writes import destination, write_output

__all__ = ["check_output", "write_output"]


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
    destination(output, lang)


def parse_as_of(as_of: str | None, option: str = "--as-of") -> Any:
    """Read --as-of (or another period ``option``), or exit 2 saying what periods look like."""
    from goalframe._periods import Period

    try:
        return Period.parse(as_of) if as_of is not None else None
    except ValueError as exc:
        raise fail(f"{option}: {exc}") from None  # noqa: EM102


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
    from goalframe.io._load_observations import load_observations

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
