"""The options several commands share: formats, languages, gates, files, dates."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeAlias

import typer


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
